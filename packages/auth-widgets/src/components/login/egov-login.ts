import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { AuthError, type AuthErrorCode } from '../../client/auth-client.js';
import { LIMITS, isPlausibleEmail, type SessionUser } from '../../client/contract.js';
import { isPasswordTooLong } from '../../client/rules.js';
import type { EgovCertificatePicker } from '../certificate-picker/egov-certificate-picker.js';
import type { AuthConfigInput, LoginMode } from '../../config/auth-config.js';
import { catalog, type TextsOf } from '../../i18n/catalog.js';
import { commonTexts } from '../../i18n/parts/common.js';
import { loginTexts } from '../../i18n/parts/login.js';
import { resendTexts } from '../../i18n/parts/resend.js';
import { EgovFormElement } from '../../internal/egov-form-element.js';
import { headingLevel } from '../../internal/headings.js';
import { renderTabs } from '../../internal/tabs.js';
import { describedBy, renderEmailField, renderField } from '../../internal/fields.js';
import { PasswordVisibility, renderPasswordInput } from '../../internal/password-input.js';
import { ResendConfirmation } from '../../internal/resend-confirmation.js';
import { summaryOf, type FieldProblems, type Problem } from '../../internal/problems.js';
import { serviceProblem } from '../../internal/service-problems.js';

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

type Notice =
  | { kind: 'email_not_confirmed'; email: string }
  | { kind: 'pending_review' }
  | { kind: 'account_rejected'; reason?: string };

const FIELDS = ['email', 'password'] as const;

/** The registration page, opened on its certificate tab. */
function withMethod(register: string): string {
  const url = new URL(register, document.baseURI);
  url.searchParams.set('method', 'certificate');
  return url.origin === location.origin ? `${url.pathname}${url.search}${url.hash}` : url.href;
}
const NOTICE_CODES = new Set<AuthErrorCode>(['email_not_confirmed', 'pending_review', 'account_rejected']);

/** The texts `<egov-login>` uses. */
const texts = catalog(commonTexts, loginTexts, resendTexts);
export type EgovLoginTexts = TextsOf<typeof texts>;
type Texts = EgovLoginTexts;

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
  /** Enabled login modes in tab order, e.g. `"certificate password"` (default); overrides `<egov-auth>`. */
  @property() modes?: string;
  /** Which tab is open first: `password` (default) or `certificate`. */
  @property() mode: LoginMode = 'password';

  @state() private tab: LoginMode | undefined;
  @state() private submitting = false;
  @state() private general: Problem<Texts>[] = [];
  @state() private fieldProblems: FieldProblems<Texts> = {};
  @state() private notice: Notice | undefined;
  @state() private user: SessionUser | undefined;
  /** The certificate tab was opened: only then is the picker (and the agent's code) loaded. */
  @state() private certificateOpened = false;
  @state() private certificateNotRegistered = false;

  readonly #visibility = new PasswordVisibility(this);
  readonly #resend = new ResendConfirmation(
    this,
    (email) => this.call('resend', (client, signal) => client.resendConfirmation({ email, locale: this.config.i18n.locale }, { signal })),
    () => this.focusAfterRender('resent'),
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
      if (this.user) return this.#renderLoggedIn(t, this.user);
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
    const config = this.config.result.ok ? this.config.result.config : undefined;
    const register = this.config.link('register');
    return html`${this.renderHeading(1, t.certificateHeading, { className: 'egov-heading egov-heading--small' })}
      <p class="egov-text">${t.certificateIntro}</p>
      ${this.certificateNotRegistered
        ? html`<div class="egov-notice" role="region" aria-labelledby=${this.partId('not-registered')} data-notice="certificate_not_registered">
            ${this.renderHeading(2, t.certificateNotRegisteredTitle, { className: 'egov-notice-title', id: this.partId('not-registered'), focusable: true })}
            <p>${t.certificateNotRegisteredBody}</p>
            ${register ? html`<p><a class="egov-link" href=${withMethod(register)}>${t.registerWithCertificate}</a></p>` : nothing}
          </div>`
        : nothing}
      ${this.certificateOpened && config
        ? html`<egov-certificate-picker
            backend-url=${config.backendUrl}
            .client=${this.config.client}
            locale=${this.config.i18n.locale}
            certificate-agent=${config.certificateAgent}
            ui=${config.certificatePickerUi}
            heading-level=${headingLevel(this.headingLevel) + 2}
            action-label=${t.certificateLoginButton}
            fallback-label=${ifDefined(config.modes.includes('password') ? t.passwordHeading : undefined)}
            @egov-certificate-selected=${this.#onCertificateSelected}
            @egov-certificate-fallback=${this.#onCertificateFallback}
          ></egov-certificate-picker>`
        : nothing}`;
  }

  #renderLoggedIn(t: Texts, user: SessionUser): TemplateResult {
    return html`<div class="egov-notice egov-notice--success" role="status">
      ${this.renderHeading(1, t.loggedInHeading, { className: 'egov-notice-title', id: this.partId('success'), focusable: true })}
      <p>${t.loggedInAs(user.email)}</p>
    </div>`;
  }

  /** Loads the picker's module the first time the certificate tab is shown. */
  #openCertificate(): void {
    if (this.certificateOpened) return;
    this.certificateOpened = true;
    void import('../../define/egov-certificate-picker.js');
  }

  #onCertificateSelected = async (event: Event): Promise<void> => {
    const picker = event.currentTarget as EgovCertificatePicker;
    this.certificateNotRegistered = false;
    try {
      const proof = await this.certificateProof('login', picker);
      // The card or the agent failed: the picker already shows why.
      if (!proof) return;
      const { user } = await this.call('login', (client, signal) => client.loginWithCertificate(proof, { signal }));
      this.user = user;
      this.focusAfterRender('success');
      this.emit('egov-login-success', { user: { email: user.email, acr: user.acr } });
    } catch (error) {
      const failure = error instanceof AuthError ? error : new AuthError('network_error');
      if (failure.code === 'aborted') return;
      this.emit('egov-login-error', { code: failure.code });
      if (failure.code === 'certificate_not_registered') {
        this.certificateNotRegistered = true;
        this.focusAfterRender('not-registered');
        return;
      }
      // A refused certificate says so at the item itself; a service problem is a note above the list.
      if (failure.code.startsWith('certificate_') || failure.code === 'signature_invalid') {
        picker.refuseSelected(failure.code);
        return;
      }
      const problem = serviceProblem(failure);
      picker.showNote((t) => problem.text(t, this.formatTime));
    }
  };

  /** The picker's "another way in" (a locked PIN, no usable certificate…): the username and password tab, e-mail focused. */
  #onCertificateFallback = (): void => {
    this.#selectTab('password', false);
    this.focusAfterRender('email');
  };

  #renderPassword(t: Texts): TemplateResult {
    // In the person's current language: the page behind each link opens in it.
    const links = { passwordReset: this.config.link('passwordReset'), register: this.config.link('register') };
    const email = this.partId('email');
    const password = this.partId('password');
    const emailError = this.problemText(this.fieldProblems['email']);
    const passwordError = this.problemText(this.fieldProblems['password']);

    return html`<form class="egov-form" novalidate @submit=${this.#onSubmit} aria-labelledby=${this.partId('password-heading')}>
      ${this.renderHeading(1, t.passwordHeading, { className: 'egov-heading egov-heading--small', id: this.partId('password-heading') })}
      ${this.renderSummary(summaryOf(this.fieldProblems, FIELDS, this.general))}
      ${this.notice ? this.#renderNotice(t, this.notice) : nothing}
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

  #renderNotice(t: Texts, notice: Notice): TemplateResult {
    const titleId = this.partId('notice');
    const [title, body] =
      notice.kind === 'email_not_confirmed'
        ? [t.notConfirmedTitle, t.notConfirmedBody]
        : notice.kind === 'pending_review'
          ? [t.pendingTitle, t.pendingBody]
          : [t.rejectedTitle, t.rejectedBody];
    return html`<div class="egov-notice" role="region" aria-labelledby=${titleId} data-notice=${notice.kind}>
      ${this.renderHeading(2, title, { className: 'egov-notice-title', id: titleId, focusable: true })}
      <p>${body}</p>
      ${notice.kind === 'email_not_confirmed'
        ? this.#resend.render({ t, email: notice.email, statusId: this.partId('resent'), formatTime: this.formatTime })
        : notice.kind === 'account_rejected'
          ? this.#renderRejected(t, notice.reason)
          : nothing}
    </div>`;
  }

  /**
   * The reviewer's reason, marked as their own words (they may write in
   * another language than the page's), then the way forward: register again.
   */
  #renderRejected(t: Texts, reason: string | undefined): TemplateResult {
    const register = this.config.link('register');
    return html`${reason
        ? html`<p>${t.rejectedReason}</p>
            <blockquote class="egov-quote" dir="auto" data-reviewer-reason>${reason}</blockquote>`
        : nothing}
      <p>${t.rejectedNextStep}</p>
      ${register ? html`<p><a class="egov-link" href=${register}>${t.registerAgain}</a></p>` : nothing}`;
  }

  #selectTab(mode: LoginMode, focus: boolean): void {
    this.tab = mode;
    if (mode === 'certificate') this.#openCertificate();
    if (focus) this.focusAfterRender(`tab-${mode}`);
  }

  #input(field: (typeof FIELDS)[number]): HTMLInputElement {
    return this.querySelector<HTMLInputElement>(`#${this.partId(field)}`)!;
  }

  #validate(email: string, password: string): FieldProblems<Texts> {
    const problems: FieldProblems<Texts> = {};
    if (email.trim() === '') problems['email'] = { field: 'email', text: (t) => t.emailRequired };
    else if (email.trim().length > LIMITS.emailMaxLength)
      problems['email'] = { field: 'email', text: (t) => t.emailTooLong(LIMITS.emailMaxLength) };
    else if (!isPlausibleEmail(email)) problems['email'] = { field: 'email', text: (t) => t.emailInvalid };
    if (password === '') problems['password'] = { field: 'password', text: (t) => t.passwordRequired };
    // Never truncate: an over-long password is refused with a message (SECURITY.md 1), counted as registration counts it.
    else if (isPasswordTooLong(password))
      problems['password'] = { field: 'password', text: (t) => t.passwordTooLong(LIMITS.passwordMaxLength) };
    return problems;
  }

  #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.submitting) return;
    const passwordInput = this.#input('password');
    const email = this.#input('email').value;
    // The password is read from the input at the moment of sending and never kept in a property.
    const password = passwordInput.value;
    this.#visibility.set(false, this.t);
    this.notice = undefined;

    const problems = this.#validate(email, password);
    if (Object.keys(problems).length > 0) {
      this.#showProblems(problems, []);
      return;
    }

    this.general = [];
    this.fieldProblems = {};
    this.submitting = true;
    try {
      const { user } = await this.call('login', (client, signal) => client.loginWithPassword({ email: email.trim(), password }, { signal }));
      passwordInput.value = '';
      this.user = user;
      this.focusAfterRender('success');
      this.emit('egov-login-success', { user: { email: user.email, acr: user.acr } });
    } catch (error) {
      const failure = error as AuthError;
      if (failure.code === 'aborted') return;
      this.#showFailure(failure, passwordInput, email.trim());
      this.emit('egov-login-error', { code: failure.code });
    } finally {
      this.submitting = false;
    }
  };

  /** `email`: the address the attempt was sent with (a resend goes there, whatever the field holds by now). */
  #showFailure(error: AuthError, passwordInput: HTMLInputElement, email: string): void {
    // The backend answered about these credentials: clear the password (GOV.UK).
    // When it did not answer (down, slow, broken), keep everything for a retry.
    if (!error.retryable) passwordInput.value = '';
    if (NOTICE_CODES.has(error.code)) {
      this.notice =
        error.code === 'account_rejected'
          ? { kind: 'account_rejected', reason: error.details.reason }
          : error.code === 'email_not_confirmed'
            ? { kind: 'email_not_confirmed', email }
            : { kind: 'pending_review' };
      this.#resend.reset();
      this.general = [];
      this.focusAfterRender('notice');
      return;
    }
    if (error.code === 'invalid_credentials') {
      this.#showProblems({}, [{ field: 'email', text: (t) => t.invalidCredentials }]);
      return;
    }
    if (error.code === 'password_login_suspended') {
      this.#showProblems({}, [{ field: 'email', text: (t) => t.passwordLoginSuspended }]);
      return;
    }
    const fieldProblems = error.code === 'validation_failed' ? this.#serverFieldProblems(error) : {};
    this.#showProblems(fieldProblems, Object.keys(fieldProblems).length > 0 ? [] : [serviceProblem(error)]);
  }

  /** The backend's field codes, as this form's own messages. */
  #serverFieldProblems(error: AuthError): FieldProblems<Texts> {
    const fields = error.details.fields ?? {};
    const problems: FieldProblems<Texts> = {};
    if (fields['email']) {
      const code = fields['email'];
      problems['email'] = {
        field: 'email',
        text: (t) =>
          code === 'required' ? t.emailRequired : code === 'too_long' ? t.emailTooLong(LIMITS.emailMaxLength) : t.emailInvalid,
      };
    }
    if (fields['password']) {
      const code = fields['password'];
      problems['password'] = {
        field: 'password',
        text: (t) => (code === 'too_long' ? t.passwordTooLong(LIMITS.passwordMaxLength) : t.passwordRequired),
      };
    }
    return problems;
  }

  #showProblems(fieldProblems: FieldProblems<Texts>, general: Problem<Texts>[]): void {
    this.fieldProblems = fieldProblems;
    this.general = general;
    this.focusAfterRender('summary');
  }
}
