import { html, nothing, type PropertyValues, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { AuthError, AuthErrorCode } from '../../client/auth-client.js';
import type { PasswordPolicy } from '../../client/contract.js';
import { catalog, type TextsOf } from '../../i18n/catalog.js';
import { commonTexts } from '../../i18n/parts/common.js';
import { problemTexts } from '../../i18n/parts/problems.js';
import { newPasswordTexts } from '../../i18n/parts/new-password.js';
import { passwordResetTexts } from '../../i18n/parts/password-reset.js';
import { problemView } from '../../internal/problem-view.js';
import { EgovFormElement } from '../../internal/egov-form-element.js';
import { EmailRequest } from '../../internal/email-request.js';
import { NewPasswordFields } from '../../internal/new-password-fields.js';
import { summaryOf, type FieldProblems, type Problem } from '../../internal/problems.js';
import { PublicConfigController } from '../../internal/public-config-controller.js';
import { serviceProblem } from '../../internal/service-problems.js';
import { takeToken } from '../../internal/token-from-url.js';

declare global {
  interface HTMLElementTagNameMap {
    'egov-password-reset': EgovPasswordReset;
  }
  interface GlobalEventHandlersEventMap {
    /** Step 1 was sent. The detail is empty on purpose: the page learns nothing about whether the account exists. */
    'egov-password-reset-requested': CustomEvent<Record<string, never>>;
    /** Step 2 succeeded. No password, no token. */
    'egov-password-changed': CustomEvent<Record<string, never>>;
  }
}

type Step = 'request' | 'checking' | 'check-failed' | 'choose' | 'invalid-link' | 'changed';

const PASSWORD_FIELDS = ['password', 'passwordConfirmation'] as const;

/** Answers of a backend that has no link check: the page goes on to the form, and the new password's answer tells. */
const CANNOT_CHECK = new Set<AuthErrorCode>(['not_found', 'method_not_allowed', 'not_implemented']);

/** The texts `<egov-password-reset>` uses. */
const texts = catalog(commonTexts, problemTexts, newPasswordTexts, passwordResetTexts);
export type EgovPasswordResetTexts = TextsOf<typeof texts>;
type Texts = EgovPasswordResetTexts;

/**
 * "Password forgotten?": step 1 asks for the e-mail address and always
 * answers the same; step 2 — the page the e-mail links to — takes the token
 * from the `token` attribute or the address bar (removing it there), checks
 * it with the backend first (a used or expired link says so before anyone
 * types a password) and sets a new password under the backend's policy. No
 * automatic login afterwards.
 *
 * @summary Password reset, both steps.
 * @tag egov-password-reset
 * @event {CustomEvent<Record<string, never>>} egov-password-reset-requested - Step 1 was sent. Always the same, whatever the address: the detail is empty on purpose, the page learns nothing about the account.
 * @event {CustomEvent<Record<string, never>>} egov-password-changed - Step 2 succeeded: the new password is set. No password, no token in the event.
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
export class EgovPasswordReset extends EgovFormElement<Texts> {
  static override properties: PropertyDeclarations = {
    tokenAttribute: { attribute: 'token' },
    step: { state: true, attribute: false },
    submitting: { state: true, attribute: false },
    fieldProblems: { state: true, attribute: false },
    general: { state: true, attribute: false },
  };

  constructor() {
    super(texts, [], problemView);
  }

  /** The token, when the page passes it itself; otherwise `?token=` of the page's URL. */
  tokenAttribute?: string;

  private step: Step = 'request';
  private submitting = false;
  private fieldProblems: FieldProblems<Texts> = {};
  private general: Problem<Texts>[] = [];

  /** Held only until it is sent; never rendered, never in an attribute or event. */
  #token: string | undefined;
  #started = false;
  #checking = false;
  readonly #policy = new PublicConfigController(this, () => (this.config.result.ok ? this.config.client : undefined));
  readonly #password = new NewPasswordFields(this);
  readonly #request = new EmailRequest(
    this,
    (email) => this.call('request', (client, signal) => client.requestPasswordReset({ email, locale: this.config.i18n.locale }, { signal })),
    (outcome) => {
      if (outcome === 'sent') this.emit('egov-password-reset-requested', {});
      this.focusAfterRender(outcome === 'sent' ? 'sent' : 'summary');
    },
  );

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#started) return;
    this.#started = true;
    this.#token = takeToken(this, this.tokenAttribute);
    if (this.#token) this.step = 'checking';
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // After a render: the configuration (and so the client) is known, and a configuration problem shows instead of asking.
    if (this.step === 'checking' && !this.#checking && this.config.result.ok) void this.#checkLink();
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const heading = this.step === 'request' ? t.resetHeading : t.newPasswordHeading;
    return this.renderFrame(heading, () => {
      switch (this.step) {
        case 'request':
          return this.#renderRequest(t);
        case 'checking':
          return html`<p class="egov-text" role="status" id=${this.partId('checking')} tabindex="-1">${t.checkingLink}</p>`;
        case 'check-failed':
          return html`${this.renderSummary(this.general)}
            <p class="egov-text"><button type="button" class="egov-button" @click=${this.#retryCheck}>${t.tryAgain}</button></p>`;
        case 'choose':
          return this.#renderChoose(t);
        case 'invalid-link':
          return this.#renderInvalidLink(t);
        case 'changed':
          return this.#renderChanged(t);
      }
    });
  }

  #renderRequest(t: Texts): TemplateResult {
    const sentTo = this.#request.sentTo;
    if (sentTo) {
      return html`<div class="egov-notice egov-notice--success" role="region" aria-labelledby=${this.partId('sent')}>
        ${this.renderHeading(1, t.resetSentTitle, { className: 'egov-notice-title', id: this.partId('sent'), focusable: true })}
        <p>${t.resetSentBody(sentTo)}</p>
      </div>`;
    }
    return html`<p class="egov-text">${t.resetIntro}</p>
      ${this.#request.render({
        t,
        field: 'email',
        inputId: this.partId('email'),
        formatTime: this.formatTime,
        label: t.emailLabel,
        submitLabel: t.send,
        summary: (problems) => this.renderSummary(problems),
      })}`;
  }

  #renderChoose(t: Texts): TemplateResult {
    return this.#policy.render(t, (config) => html`<form
      class="egov-form"
      novalidate
      @submit=${(e: SubmitEvent) => this.#onChoose(e, config.passwordPolicy)}
    >
      ${this.renderSummary(summaryOf(this.fieldProblems, PASSWORD_FIELDS, this.general))}
      <p class="egov-text egov-hint">${t.requiredLegend}</p>
      ${this.#password.render({
        t,
        policy: config.passwordPolicy,
        passwordId: this.partId('password'),
        confirmId: this.partId('passwordConfirmation'),
        problems: this.fieldProblems,
        formatTime: this.formatTime,
      })}
      <button type="submit" class="egov-button" aria-disabled=${this.submitting ? 'true' : 'false'}>
        ${this.submitting ? t.changingPassword : t.changePassword}
      </button>
    </form>`);
  }

  #renderInvalidLink(t: Texts): TemplateResult {
    return html`<div class="egov-notice" role="region" aria-labelledby=${this.partId('invalid')} data-state="invalid">
        ${this.renderHeading(1, t.tokenInvalidTitle, { className: 'egov-notice-title', id: this.partId('invalid'), focusable: true })}
        <p>${t.resetLinkInvalidBody}</p>
      </div>
      <button type="button" class="egov-button" @click=${this.#requestNewLink}>${t.requestNewLink}</button>`;
  }

  #renderChanged(t: Texts): TemplateResult {
    // In the person's current language: the page behind each link opens in it.
    const links = { register: this.config.link('register'), login: this.config.link('login') };
    return html`<div class="egov-notice egov-notice--success" role="region" aria-labelledby=${this.partId('changed')}>
      ${this.renderHeading(1, t.passwordChangedTitle, { className: 'egov-notice-title', id: this.partId('changed'), focusable: true })}
      <p>${t.passwordChangedBody}</p>
      ${links.login ? html`<p><a class="egov-link" href=${links.login}>${t.logIn}</a></p>` : nothing}
    </div>`;
  }

  /** Asks whether the link still works, so a dead one never shows the form. The token stays unless the backend refuses it. */
  async #checkLink(): Promise<void> {
    const token = this.#token;
    if (!token) return;
    this.#checking = true;
    try {
      await this.call('check', (client, signal) => client.checkPasswordResetLink(token, { signal }));
      this.step = 'choose';
    } catch (error) {
      const failure = error as AuthError;
      // The element left the page: when it is connected again, it asks again.
      if (failure.code === 'aborted') return;
      if (failure.code === 'token_invalid' || failure.code === 'validation_failed') {
        this.#token = undefined;
        this.step = 'invalid-link';
        this.focusAfterRender('invalid');
      } else if (CANNOT_CHECK.has(failure.code)) {
        // A backend without the check (older, or another team's): the form, as before; sending it tells.
        this.step = 'choose';
      } else {
        // A backend that cannot answer says nothing about the link: "Try again" asks with the same one.
        this.general = [serviceProblem(failure)];
        this.step = 'check-failed';
        this.focusAfterRender('summary');
      }
    } finally {
      this.#checking = false;
    }
  }

  #retryCheck = (): void => {
    this.general = [];
    this.step = 'checking';
    this.focusAfterRender('checking');
  };

  #requestNewLink = (): void => {
    this.#request.reset();
    this.step = 'request';
    this.focusAfterRender('email');
  };

  async #onChoose(event: SubmitEvent, policy: PasswordPolicy): Promise<void> {
    event.preventDefault();
    if (this.submitting || !this.#token) return;
    const form = event.currentTarget as HTMLFormElement;
    const passwordInput = form.elements.namedItem('password') as HTMLInputElement;
    const confirmInput = form.elements.namedItem('passwordConfirmation') as HTMLInputElement;
    const password = passwordInput.value;
    this.#password.afterSubmit(this.t);

    const problems = this.#password.validate(password, confirmInput.value, policy);
    this.general = [];
    this.fieldProblems = problems;
    if (Object.keys(problems).length > 0) {
      this.focusAfterRender('summary');
      return;
    }
    this.submitting = true;
    const token = this.#token;
    try {
      await this.call('complete', (client, signal) => client.completePasswordReset({ token, password }, { signal }));
      this.#token = undefined;
      this.step = 'changed';
      this.focusAfterRender('changed');
      this.emit('egov-password-changed', {});
    } catch (error) {
      const failure = error as AuthError;
      if (failure.code === 'aborted') return;
      if (failure.code === 'token_invalid') {
        this.#token = undefined;
        this.step = 'invalid-link';
        this.focusAfterRender('invalid');
        return;
      }
      const code = failure.details.fields?.['password'];
      if (failure.code === 'validation_failed' && code) {
        passwordInput.value = '';
        confirmInput.value = '';
        this.fieldProblems = { password: NewPasswordFields.serverProblem(code, policy) };
      } else {
        this.general = [serviceProblem(failure)];
      }
      this.focusAfterRender('summary');
    } finally {
      this.submitting = false;
    }
  }
}
