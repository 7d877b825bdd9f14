import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { AuthError, type AuthClient, type AuthErrorCode } from '../../client/auth-client.js';
import { LIMITS, isPlausibleEmail, type SessionUser } from '../../client/contract.js';
import type { AuthConfigInput, LoginMode } from '../../config/auth-config.js';
import type { Messages } from '../../i18n/en.js';
import { AuthConfigController } from '../../internal/auth-config-controller.js';
import { renderConfigProblem } from '../../internal/config-problem.js';
import { EgovElement, uniqueIdPrefix } from '../../internal/egov-element.js';
import { renderErrorSummary, type SummaryItem } from '../../internal/error-summary.js';
import { adoptScopedStyles } from '../../internal/scoped-styles.js';
import { loginStyles } from './egov-login.styles.js';

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

type Field = 'email' | 'password';
type Notice =
  | { kind: 'email_not_confirmed' }
  | { kind: 'pending_review' }
  | { kind: 'account_rejected'; reason?: string };

/** A summary entry kept as a message key, so it re-translates when the locale changes. */
interface LoginProblem {
  field?: Field;
  text: (t: Messages, formatTime: (d: Date) => string) => string;
}

const NOTICE_CODES = new Set<AuthErrorCode>(['email_not_confirmed', 'pending_review', 'account_rejected']);

/**
 * Login with username (e-mail) and password, and the place where certificate
 * login lives. Renders in the light DOM so password managers see the inputs.
 *
 * @summary Login form with a tab per login mode.
 * @event egov-login-success - Logged in; `detail.user` says who and at which level.
 * @event egov-login-error - A login attempt failed; `detail.code` says why (no secrets).
 * @cssproperty --egov-color-primary - Buttons and the selected tab.
 * @cssproperty --egov-color-error - Error summary and field errors.
 * @cssproperty --egov-color-focus - Focus indicator.
 */
export class EgovLogin extends EgovElement {
  /** Backend base URL; overrides `<egov-auth>`. */
  @property({ attribute: 'backend-url' }) backendUrl?: string;
  /** `en`, `sr-Latn` or `sr-Cyrl`; overrides `<egov-auth>` and the page's `lang`. */
  @property() locale?: string;
  /** Enabled login modes, e.g. `"certificate password"`; overrides `<egov-auth>`. */
  @property() modes?: string;
  /** Which tab is open first: `password` (default) or `certificate`. */
  @property() mode: LoginMode = 'password';
  @property({ attribute: 'register-url' }) registerUrl?: string;
  @property({ attribute: 'password-reset-url' }) passwordResetUrl?: string;
  /** A client for another backend (an adapter); by default the kit's fetch client. */
  @property({ attribute: false }) client?: AuthClient;

  @state() private tab: LoginMode | undefined;
  @state() private submitting = false;
  @state() private problems: LoginProblem[] = [];
  @state() private fieldErrors: Partial<Record<Field, LoginProblem>> = {};
  @state() private notice: Notice | undefined;
  @state() private user: SessionUser | undefined;
  @state() private passwordShown = false;
  @state() private passwordAnnouncement = '';

  readonly #config = new AuthConfigController(this);
  readonly #id = uniqueIdPrefix('egov-login');
  #abort: AbortController | undefined;
  /** What to focus after the next render: the summary, a notice or the new state's heading. */
  #focusAfterRender: string | undefined;

  configOverrides(): AuthConfigInput {
    return {
      backendUrl: this.backendUrl,
      locale: this.locale,
      modes: this.modes,
      links: { register: this.registerUrl, passwordReset: this.passwordResetUrl },
    };
  }

  // Light DOM: password managers cannot see inputs inside a shadow root.
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptScopedStyles(this, loginStyles);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusAfterRender) {
      this.querySelector<HTMLElement>(`#${this.#focusAfterRender}`)?.focus();
      this.#focusAfterRender = undefined;
    }
  }

  protected override render(): TemplateResult {
    const { t, locale } = this.#config.i18n;
    const result = this.#config.result;
    if (!result.ok) {
      return html`<div class="egov-root" lang=${locale}>
        <h2 class="egov-heading">${t.loginHeading}</h2>
        ${renderConfigProblem(t, result.problems)}
      </div>`;
    }
    const modes = result.config.modes;
    const tab = this.tab && modes.includes(this.tab) ? this.tab : modes.includes(this.mode) ? this.mode : modes[0]!;
    return html`<div class="egov-root" lang=${locale}>
      <h2 class="egov-heading" id=${`${this.#id}-heading`} tabindex="-1">${t.loginHeading}</h2>
      ${modes.length > 1 ? this.#renderTabs(t, modes, tab) : nothing}
      ${modes.map((mode) =>
        mode === 'certificate' ? this.#renderCertificatePanel(t, tab, modes.length > 1) : this.#renderPasswordPanel(t, tab, modes.length > 1),
      )}
    </div>`;
  }

  #renderTabs(t: Messages, modes: LoginMode[], selected: LoginMode): TemplateResult {
    const label = (mode: LoginMode) => (mode === 'certificate' ? t.tabCertificate : t.tabPassword);
    return html`<div class="egov-tabs" role="tablist" aria-label=${t.loginMethods} @keydown=${this.#onTabKeydown}>
      ${modes.map(
        (mode) => html`<button
          type="button"
          role="tab"
          class="egov-tab"
          id=${`${this.#id}-tab-${mode}`}
          data-mode=${mode}
          aria-selected=${mode === selected ? 'true' : 'false'}
          aria-controls=${`${this.#id}-panel-${mode}`}
          tabindex=${mode === selected ? '0' : '-1'}
          @click=${() => this.#selectTab(mode, false)}
        >
          ${label(mode)}
        </button>`,
      )}
    </div>`;
  }

  // Panels stay in the DOM while hidden, so nothing typed is lost when switching tabs.
  #panelAttributes(mode: LoginMode, selected: LoginMode, tabbed: boolean) {
    return {
      id: `${this.#id}-panel-${mode}`,
      role: tabbed ? 'tabpanel' : undefined,
      labelledby: tabbed ? `${this.#id}-tab-${mode}` : undefined,
      hidden: mode !== selected,
    };
  }

  #renderCertificatePanel(t: Messages, selected: LoginMode, tabbed: boolean): TemplateResult {
    const panel = this.#panelAttributes('certificate', selected, tabbed);
    return html`<div id=${panel.id} role=${ifDefined(panel.role)} aria-labelledby=${ifDefined(panel.labelledby)} ?hidden=${panel.hidden}>
      <h3 class="egov-heading egov-heading--small">${t.certificateHeading}</h3>
      <p class="egov-text">${t.certificateComingSoon}</p>
    </div>`;
  }

  #renderPasswordPanel(t: Messages, selected: LoginMode, tabbed: boolean): TemplateResult {
    const panel = this.#panelAttributes('password', selected, tabbed);
    return html`<div id=${panel.id} role=${ifDefined(panel.role)} aria-labelledby=${ifDefined(panel.labelledby)} ?hidden=${panel.hidden}>
      ${this.user ? this.#renderLoggedIn(t, this.user) : this.#renderPasswordForm(t)}
    </div>`;
  }

  #renderLoggedIn(t: Messages, user: SessionUser): TemplateResult {
    return html`<div class="egov-notice egov-notice--success" role="status">
      <h3 class="egov-notice-title" id=${`${this.#id}-success`} tabindex="-1">${t.loggedInHeading}</h3>
      <p>${t.loggedInAs(user.email)}</p>
    </div>`;
  }

  #renderPasswordForm(t: Messages): TemplateResult {
    const links = this.#config.result.ok ? this.#config.result.config.links : {};
    const id = this.#id;
    const formatTime = (d: Date) => this.#config.i18n.formatTime(d);
    const summaryItems: SummaryItem[] = this.problems.map((p) => ({
      text: p.text(t, formatTime),
      href: p.field ? `#${id}-${p.field}` : undefined,
    }));
    const emailError = this.fieldErrors.email?.text(t, formatTime);
    const passwordError = this.fieldErrors.password?.text(t, formatTime);
    const describedBy = (field: Field, error: string | undefined, hint?: boolean) =>
      [hint ? `${id}-${field}-hint` : '', error ? `${id}-${field}-error` : ''].filter(Boolean).join(' ') || undefined;

    return html`<form class="egov-form" novalidate @submit=${this.#onSubmit} aria-labelledby=${`${id}-password-heading`}>
      <h3 class="egov-heading egov-heading--small" id=${`${id}-password-heading`}>${t.passwordHeading}</h3>
      ${renderErrorSummary(t, `${id}-summary`, summaryItems, (event, href) => this.#focusField(event, href))}
      ${this.notice ? this.#renderNotice(t, this.notice) : nothing}
      <div class="egov-field ${emailError ? 'egov-field--error' : ''}">
        <label class="egov-label" for=${`${id}-email`}>${t.emailLabel}</label>
        <div class="egov-hint" id=${`${id}-email-hint`}>${t.emailHint}</div>
        ${emailError ? this.#renderFieldError(t, `${id}-email-error`, emailError) : nothing}
        <input
          class="egov-input"
          id=${`${id}-email`}
          name="email"
          type="email"
          autocomplete="username"
          spellcheck="false"
          autocapitalize="none"
          inputmode="email"
          aria-describedby=${ifDefined(describedBy('email', emailError, true))}
          aria-invalid=${emailError ? 'true' : 'false'}
        />
      </div>
      <div class="egov-field ${passwordError ? 'egov-field--error' : ''}">
        <label class="egov-label" for=${`${id}-password`}>${t.passwordLabel}</label>
        ${passwordError ? this.#renderFieldError(t, `${id}-password-error`, passwordError) : nothing}
        <div class="egov-password">
          <input
            class="egov-input"
            id=${`${id}-password`}
            name="password"
            type=${this.passwordShown ? 'text' : 'password'}
            autocomplete="current-password"
            spellcheck="false"
            autocapitalize="none"
            aria-describedby=${ifDefined(describedBy('password', passwordError))}
            aria-invalid=${passwordError ? 'true' : 'false'}
          />
          <button
            type="button"
            class="egov-button egov-button--secondary"
            aria-controls=${`${id}-password`}
            aria-label=${this.passwordShown ? t.hidePasswordLabel : t.showPasswordLabel}
            @click=${this.#togglePassword}
          >
            ${this.passwordShown ? t.hidePassword : t.showPassword}
          </button>
        </div>
        <div class="egov-visually-hidden" aria-live="polite">${this.passwordAnnouncement}</div>
      </div>
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

  #renderFieldError(t: Messages, id: string, text: string): TemplateResult {
    return html`<p class="egov-error-message" id=${id}><span class="egov-visually-hidden">${t.errorPrefix}</span> ${text}</p>`;
  }

  #renderNotice(t: Messages, notice: Notice): TemplateResult {
    const titleId = `${this.#id}-notice`;
    const [title, body] =
      notice.kind === 'email_not_confirmed'
        ? [t.notConfirmedTitle, t.notConfirmedBody]
        : notice.kind === 'pending_review'
          ? [t.pendingTitle, t.pendingBody]
          : [t.rejectedTitle, t.rejectedBody];
    return html`<div class="egov-notice" role="region" aria-labelledby=${titleId} data-notice=${notice.kind}>
      <h4 class="egov-notice-title" id=${titleId} tabindex="-1">${title}</h4>
      <p>${body}</p>
      ${notice.kind === 'account_rejected' && notice.reason
        ? html`<p><strong>${t.rejectedReason}</strong> ${notice.reason}</p>`
        : nothing}
    </div>`;
  }

  #selectTab(mode: LoginMode, focus: boolean): void {
    this.tab = mode;
    if (focus) this.#focusAfterRender = `${this.#id}-tab-${mode}`;
  }

  /** Arrow keys, Home and End move between tabs (WAI-ARIA tabs, automatic activation). */
  #onTabKeydown = (event: KeyboardEvent): void => {
    const tabs = [...this.querySelectorAll<HTMLElement>('[role=tab]')];
    const current = tabs.findIndex((tab) => tab === document.activeElement);
    if (current < 0) return;
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight' ? (current === last ? 0 : current + 1)
      : event.key === 'ArrowLeft' ? (current === 0 ? last : current - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : -1;
    if (next < 0) return;
    event.preventDefault();
    this.#selectTab(tabs[next]!.dataset['mode'] as LoginMode, true);
  };

  #togglePassword = (): void => {
    this.#setPasswordShown(!this.passwordShown);
  };

  #setPasswordShown(shown: boolean): void {
    if (shown === this.passwordShown) return;
    this.passwordShown = shown;
    const t = this.#config.i18n.t;
    this.passwordAnnouncement = shown ? t.passwordShown : t.passwordHidden;
  }

  #focusField(event: Event, href: string): void {
    const target = this.querySelector<HTMLElement>(href);
    if (!target) return;
    event.preventDefault();
    target.focus();
  }

  #input(field: Field): HTMLInputElement {
    return this.querySelector<HTMLInputElement>(`#${this.#id}-${field}`)!;
  }

  #validate(email: string, password: string): Partial<Record<Field, LoginProblem>> {
    const errors: Partial<Record<Field, LoginProblem>> = {};
    if (email.trim() === '') errors.email = { field: 'email', text: (t) => t.emailRequired };
    else if (email.trim().length > LIMITS.emailMaxLength)
      errors.email = { field: 'email', text: (t) => t.emailTooLong(LIMITS.emailMaxLength) };
    else if (!isPlausibleEmail(email)) errors.email = { field: 'email', text: (t) => t.emailInvalid };
    if (password === '') errors.password = { field: 'password', text: (t) => t.passwordRequired };
    // Never truncate: an over-long password is refused with a message (SECURITY.md 1).
    else if (password.length > LIMITS.passwordMaxLength)
      errors.password = { field: 'password', text: (t) => t.passwordTooLong(LIMITS.passwordMaxLength) };
    return errors;
  }

  #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.submitting) return;
    const emailInput = this.#input('email');
    const passwordInput = this.#input('password');
    const email = emailInput.value;
    // The password is read from the input at the moment of sending and never kept in a property.
    const password = passwordInput.value;
    this.#setPasswordShown(false);
    this.notice = undefined;

    const fieldErrors = this.#validate(email, password);
    if (Object.keys(fieldErrors).length > 0) {
      this.#showProblems(Object.values(fieldErrors), fieldErrors);
      return;
    }

    this.problems = [];
    this.fieldErrors = {};
    this.submitting = true;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    try {
      const { user } = await this.#config.client.loginWithPassword({ email: email.trim(), password }, { signal: abort.signal });
      passwordInput.value = '';
      this.user = user;
      this.#focusAfterRender = `${this.#id}-success`;
      this.emit('egov-login-success', { user: { email: user.email, acr: user.acr } });
    } catch (error) {
      const failure = error instanceof AuthError ? error : new AuthError('network_error');
      if (failure.code === 'aborted') return;
      this.#showFailure(failure, passwordInput);
      this.emit('egov-login-error', { code: failure.code });
    } finally {
      if (this.#abort === abort) this.#abort = undefined;
      this.submitting = false;
    }
  };

  #showFailure(error: AuthError, passwordInput: HTMLInputElement): void {
    // The backend answered about these credentials: clear the password (GOV.UK).
    // When it did not answer (down, slow, broken), keep everything for a retry.
    if (!error.retryable) passwordInput.value = '';
    if (NOTICE_CODES.has(error.code)) {
      this.notice =
        error.code === 'account_rejected'
          ? { kind: 'account_rejected', reason: error.details.reason }
          : { kind: error.code as 'email_not_confirmed' | 'pending_review' };
      this.problems = [];
      this.#focusAfterRender = `${this.#id}-notice`;
      return;
    }
    if (error.code === 'validation_failed') {
      const problems = this.#fieldProblems(error);
      if (problems.length > 0) {
        this.#showProblems(problems, Object.fromEntries(problems.map((p) => [p.field, p])));
        return;
      }
    }
    this.#showProblems([this.#problemFor(error)], {});
  }

  /** The backend's field codes, as this form's own messages. */
  #fieldProblems(error: AuthError): LoginProblem[] {
    const fields = error.details.fields ?? {};
    const problems: LoginProblem[] = [];
    const email = fields['email'];
    if (email) {
      const text: LoginProblem['text'] =
        email === 'required' ? (t) => t.emailRequired
        : email === 'too_long' ? (t) => t.emailTooLong(LIMITS.emailMaxLength)
        : (t) => t.emailInvalid;
      problems.push({ field: 'email', text });
    }
    const password = fields['password'];
    if (password) {
      const text: LoginProblem['text'] =
        password === 'too_long' ? (t) => t.passwordTooLong(LIMITS.passwordMaxLength) : (t) => t.passwordRequired;
      problems.push({ field: 'password', text });
    }
    return problems;
  }

  #problemFor(error: AuthError): LoginProblem {
    switch (error.code) {
      case 'invalid_credentials':
        return { field: 'email', text: (t) => t.invalidCredentials };
      case 'throttled': {
        const seconds = Math.max(1, error.details.retryAfter ?? 60);
        const until = new Date(Date.now() + seconds * 1000);
        return { text: (t, formatTime) => t.throttled(Math.ceil(seconds / 60), formatTime(until)) };
      }
      case 'network_error':
      case 'internal_error':
      case 'bad_response':
        return { text: (t) => t.serviceUnavailable };
      case 'timeout':
        return { text: (t) => t.serviceTimeout };
      default:
        return { text: (t) => t.unexpectedError };
    }
  }

  #showProblems(problems: LoginProblem[], fieldErrors: Partial<Record<Field, LoginProblem>>): void {
    this.problems = problems;
    this.fieldErrors = fieldErrors;
    this.#focusAfterRender = `${this.#id}-summary`;
  }
}
