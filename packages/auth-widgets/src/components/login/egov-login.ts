import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AuthErrorCode } from '../../client/auth-client.js';
import type { SessionUser } from '../../client/contract.js';
import type { AuthConfigInput, LoginMode } from '../../config/auth-config.js';
import { catalog, type Catalog } from '../../i18n/catalog.js';
import type { CommonMessages } from '../../i18n/locales/en/common.js';
import type { LoginMessages } from '../../i18n/locales/en/login.js';
import { commonTexts } from '../../i18n/parts/common.js';
import { loginTexts } from '../../i18n/parts/login.js';
import { EgovFormElement } from '../../internal/egov-form-element.js';
import { LazyPart } from '../../internal/lazy-part.js';
import { renderTabs } from '../../internal/tabs.js';
import { describedBy, renderEmailField, renderField } from '../../internal/fields.js';
import { PasswordVisibility, renderPasswordInput } from '../../internal/password-input.js';
import type { LoginCertificate } from './login-certificate.js';
import type { LoginOutcomes, LoginTexts } from './login-outcomes.js';

export interface EgovLoginSuccessDetail {
  /** Who logged in and at which level of assurance. Never a password or token. */
  user: SessionUser;
}

export interface EgovLoginErrorDetail {
  /** The contract or transport error code; the element already shows its own text for it. */
  code: AuthErrorCode;
}

declare global {
  interface HTMLElementTagNameMap {
    'egov-login': EgovLogin;
  }
  interface GlobalEventHandlersEventMap {
    'egov-login-success': CustomEvent<EgovLoginSuccessDetail>;
    'egov-login-error': CustomEvent<EgovLoginErrorDetail>;
  }
}

/**
 * The texts of the login form. What it shows after a try — the problems,
 * notices and "logged in" — loads with the code that shows it
 * (login-outcomes.ts), before anything reads it: typed here as present.
 */
const texts = catalog(commonTexts, loginTexts) as Catalog<CommonMessages & LoginMessages>;
type Texts = CommonMessages & LoginMessages;
/** Every text `<egov-login>` may show, in one locale. */
export type EgovLoginTexts = LoginTexts;

/**
 * Login with username (e-mail) and password, and the place where certificate
 * login lives. Renders in the light DOM so password managers see the inputs.
 *
 * @summary Login form with a tab per login mode.
 * @tag egov-login
 * @event {CustomEvent<EgovLoginSuccessDetail>} egov-login-success - Logged in; `detail.user` (`{ email, acr }`) says who, and at which level (`acr` is `basic` for a password, `high` for a qualified certificate, `substantial` for a card's authentication certificate where the backend accepts one).
 * @event {CustomEvent<EgovLoginErrorDetail>} egov-login-error - A login attempt failed; `detail.code` says why (no secrets). The element already shows its own message.
 * @cssprop [--egov-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif] - Font of every text.
 * @cssprop [--egov-font-size=medium] - Base font size; the kit's sizes follow it (not the page's root font size).
 * @cssprop [--egov-color-text=#0b0c0c] - Text, headings and input text.
 * @cssprop [--egov-color-text-secondary=#484f53] - Hints and secondary text.
 * @cssprop [--egov-color-background=#ffffff] - Inputs and panels.
 * @cssprop [--egov-color-surface=#f3f2f1] - Unselected tabs and secondary buttons.
 * @cssprop [--egov-color-primary=#0c3c78] - Primary buttons.
 * @cssprop [--egov-color-primary-hover=#082b57] - Primary buttons on hover, and their shadow.
 * @cssprop [--egov-color-on-primary=#ffffff] - Text on primary buttons.
 * @cssprop [--egov-color-link=#0b4ea2] - Links and tab labels.
 * @cssprop [--egov-color-border=#5f6669] - Input and panel borders.
 * @cssprop [--egov-color-error=#b1261d] - Error summary and field errors.
 * @cssprop [--egov-color-success=#0b6e35] - Success notices.
 * @cssprop [--egov-color-info=#0c3c78] - Information notices.
 * @cssprop [--egov-color-focus=#ffdd00] - Focus indicator.
 * @cssprop [--egov-color-focus-text=#0b0c0c] - Text on the focus indicator.
 * @cssprop [--egov-radius=4px] - Corner radius of inputs, buttons and tabs.
 * @cssprop [--egov-space=1rem] - Base spacing between fields.
 */
export class EgovLogin extends EgovFormElement<Texts> {
  // Internal state is `state: true` (and no attribute, so the manifest does not list it).
  static override properties: PropertyDeclarations = {
    modes: {},
    mode: {},
    tab: { state: true, attribute: false },
    submitting: { state: true, attribute: false },
    unavailable: { state: true, attribute: false },
  };

  /** Enabled login modes in tab order, e.g. `"certificate password"` (default); overrides `<egov-auth>`. */
  modes?: string;
  /** Which tab is open first: `password` (default) or `certificate`. */
  mode: LoginMode = 'password';

  private tab: LoginMode | undefined;
  private submitting = false;
  /** What a try needs could not be downloaded: the service is as good as down. */
  private unavailable = false;

  readonly #visibility = new PasswordVisibility(this);
  /** What the element needs once the person tries (checks, messages, notices): loaded on the first try. */
  readonly #outcomes = new LazyPart<LoginOutcomes>(this, () =>
    import('./login-outcomes.js').then(({ LoginOutcomes }) =>
      LoginOutcomes.load(this.port(), {
        loggedIn: (user) => this.emit('egov-login-success', { user: { email: user.email, acr: user.acr } }),
        failed: (code) => this.emit('egov-login-error', { code }),
      }),
    ),
  );
  /** The picker and the certificate login: loaded the first time the certificate tab shows. */
  readonly #certificate = new LazyPart<LoginCertificate>(this, () =>
    import('./login-certificate.js').then(
      ({ LoginCertificate }) =>
        LoginCertificate.load(this.port(), {
          outcomes: () => this.#outcomes.load(),
          failed: (code) => this.emit('egov-login-error', { code }),
          fallback: () => {
            this.#selectTab('password', false);
            this.focusAfterRender('email');
          },
        }),
    ),
  );

  #modes(): LoginMode[] {
    return this.config.result.ok ? this.config.result.config.modes : [];
  }

  #currentTab(): LoginMode {
    const modes = this.#modes();
    return this.tab && modes.includes(this.tab) ? this.tab : modes.includes(this.mode) ? this.mode : modes[0]!;
  }

  constructor() {
    super(texts);
    // Runs after the configuration controller (added first), in the same update:
    // opened on the certificate tab (mode="certificate", or the only mode), load the picker now.
    this.addController({
      hostUpdate: () => {
        if (this.config.result.ok && this.#currentTab() === 'certificate') this.#openCertificate();
      },
    });
  }

  /** @internal */
  override configOverrides(): AuthConfigInput {
    return { ...super.configOverrides(), modes: this.modes };
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return this.renderFrame(t.loginHeading, () => {
      // Logged in (either way): the tabs have done their job.
      const outcomes = this.#outcomes.value;
      if (outcomes?.user) return outcomes.renderLoggedIn();
      const modes = this.#modes();
      const tab = this.#currentTab();
      const tabbed = modes.length > 1;
      return html`${tabbed ? this.#renderTabs(t, modes, tab) : nothing}
      ${modes.map((mode) =>
        this.#renderPanel(mode, tab, tabbed, mode === 'certificate' ? this.#renderCertificate(t) : this.#renderPassword(t)),
      )}`;
    });
  }

  #renderTabs(t: Texts, modes: LoginMode[], selected: LoginMode): TemplateResult {
    return renderTabs({
      label: t.loginMethods,
      tabs: modes.map((mode) => ({ id: mode, label: mode === 'certificate' ? t.tabCertificate : t.tabPassword })),
      selected,
      partId: (part) => this.partId(part),
      onSelect: (mode, focus) => this.#selectTab(mode, focus),
    });
  }

  // Panels stay in the DOM while hidden, so nothing typed is lost when switching tabs.
  #renderPanel(mode: LoginMode, selected: LoginMode, tabbed: boolean, content: TemplateResult): TemplateResult {
    return html`<div
      id=${this.partId(`panel-${mode}`)}
      role=${ifDefined(tabbed ? 'tabpanel' : undefined)}
      aria-labelledby=${ifDefined(tabbed ? this.partId(`tab-${mode}`) : undefined)}
      ?hidden=${mode !== selected}
    >
      ${content}
    </div>`;
  }

  #renderCertificate(t: Texts): TemplateResult {
    return html`${this.renderHeading(1, t.certificateHeading, { className: 'egov-heading egov-heading--small' })}
      ${this.#certificate.value?.render({
        action: t.certificateLoginButton,
        fallback: this.#modes().includes('password') ? t.passwordHeading : undefined,
      }) ?? nothing}`;
  }

  /** Loads the picker's module the first time the certificate tab is shown. */
  #openCertificate(): void {
    this.#certificate.load().catch((error: unknown) => console.error('[egov] The certificate login could not be loaded.', error));
  }

  #renderPassword(t: Texts): TemplateResult {
    // In the person's current language: the page behind each link opens in it.
    const links = { passwordReset: this.config.link('passwordReset'), register: this.config.link('register') };
    const email = this.partId('email');
    const password = this.partId('password');
    const outcomes = this.#outcomes.value;
    const emailError = outcomes?.error('email');
    const passwordError = outcomes?.error('password');

    return html`<form
      class="egov-form"
      novalidate
      @submit=${this.#onSubmit}
      @focusin=${this.#prefetch}
      aria-labelledby=${this.partId('password-heading')}
    >
      ${this.renderHeading(1, t.passwordHeading, { className: 'egov-heading egov-heading--small', id: this.partId('password-heading') })}
      ${outcomes
        ? outcomes.renderTop()
        : this.unavailable
          ? html`<p class="egov-text" role="alert" id=${this.partId('summary')} tabindex="-1">${t.serviceUnavailable}</p>`
          : nothing}
      ${renderEmailField({ t, id: email, label: t.emailLabel, hint: t.emailHint, error: emailError })}
      ${renderField({
        t,
        id: password,
        label: t.passwordLabel,
        error: passwordError,
        control: renderPasswordInput({
          t,
          id: password,
          name: 'password',
          autocomplete: 'current-password',
          visibility: this.#visibility,
          describedBy: describedBy(password, false, passwordError),
          invalid: !!passwordError,
        }),
      })}
      <button type="submit" class="egov-button" aria-disabled=${this.submitting ? 'true' : 'false'}>
        ${this.submitting ? t.loggingIn : t.logIn}
      </button>
      ${links.passwordReset
        ? html`<p class="egov-text"><a class="egov-link" href=${links.passwordReset}>${t.passwordForgotten}</a></p>`
        : nothing}
      ${links.register
        ? html`<p class="egov-text">${t.noAccount} <a class="egov-link" href=${links.register}>${t.createAccount}</a></p>`
        : nothing}
    </form>`;
  }

  #selectTab(mode: LoginMode, focus: boolean): void {
    this.tab = mode;
    if (mode === 'certificate') this.#openCertificate();
    if (focus) this.focusAfterRender(`tab-${mode}`);
  }

  #input(field: 'email' | 'password'): HTMLInputElement {
    return this.querySelector<HTMLInputElement>(`#${this.partId(field)}`)!;
  }

  /** The person starts on the form: what a try needs starts loading (it is there by the time they send). */
  #prefetch = (): void => {
    this.#outcomes.load().catch(() => undefined);
  };

  #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.submitting) return;
    this.#visibility.set(false, this.t);
    this.submitting = true;
    try {
      let outcomes: LoginOutcomes;
      try {
        outcomes = await this.#outcomes.load();
      } catch {
        // Nothing typed is lost; the next try loads it again.
        this.unavailable = true;
        this.focusAfterRender('summary');
        return;
      }
      this.unavailable = false;
      await outcomes.submit(this.#input('email'), this.#input('password'));
    } finally {
      this.submitting = false;
    }
  };
}
