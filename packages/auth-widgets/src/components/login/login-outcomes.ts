import { html, nothing, type TemplateResult } from 'lit';
import type { AuthError } from '../../client/auth-client.js';
import type { SessionUser } from '../../client/contract.js';
import type { CommonMessages } from '../../i18n/locales/en/common.js';
import type { LoginMessages } from '../../i18n/locales/en/login.js';
import type { LoginOutcomeMessages } from '../../i18n/locales/en/login-outcomes.js';
import type { ResendMessages } from '../../i18n/locales/en/resend.js';
import { loginOutcomeTexts } from '../../i18n/parts/login-outcomes.js';
import { resendTexts } from '../../i18n/parts/resend.js';
import { problemTexts } from '../../i18n/parts/problems.js';
import type { FormPort } from '../../internal/form-port.js';
import { fieldProblems, summaryOf, type FieldProblems, type Problem } from '../../internal/problems.js';
import { ResendConfirmation } from '../../internal/resend-confirmation.js';
import { serviceProblem } from '../../internal/service-problems.js';
import { emailMessage, emailValidator, fieldProblem, passwordLengthValidator, passwordMessage } from '../../internal/validators.js';

/** Every text `<egov-login>` may show: the form's, loaded with it, and these, loaded with this module. */
export type LoginTexts = CommonMessages & LoginMessages & LoginOutcomeMessages & ResendMessages;

export type Notice =
  | { kind: 'email_not_confirmed'; email: string }
  | { kind: 'pending_review' }
  | { kind: 'account_rejected'; reason?: string };

/** What the element hears of a try. */
export interface LoginEvents {
  loggedIn(user: SessionUser): void;
  failed(code: AuthError['code']): void;
}

const FIELDS = ['email', 'password'] as const;

/**
 * What `<egov-login>` does once the person tries: checks the fields, sends
 * them, turns the backend's answer into messages and notices (not
 * confirmed, awaiting review, rejected with the reviewer's reason, "send
 * the message again"), and says who is logged in. It holds the try's
 * outcome; the element shows it. Its code and texts load with the first
 * try (or the first focus in the form) — the login form on its own is what
 * a page loads first.
 */
export class LoginOutcomes {
  /** Who logged in (either way). */
  user: SessionUser | undefined;
  #notice: Notice | undefined;
  #fieldProblems: FieldProblems<LoginTexts> = {};
  #general: Problem<LoginTexts>[] = [];
  readonly #resend: ResendConfirmation;

  private constructor(
    private readonly view: FormPort,
    private readonly events: LoginEvents,
  ) {
    this.#resend = new ResendConfirmation(
      view,
      (email) => view.call('resend', (client, signal) => client.resendConfirmation({ email, locale: view.config.i18n.locale }, { signal })),
      () => view.focusAfterRender('resent'),
    );
  }

  /** The module's texts in the element's locale (and in every locale it switches to) and its styles, then the outcomes. */
  static async load(view: FormPort, events: LoginEvents): Promise<LoginOutcomes> {
    const { i18n } = view.config;
    await Promise.all([i18n.extend(problemTexts), i18n.extend(loginOutcomeTexts), i18n.extend(resendTexts), view.loadProblems()]);
    return new LoginOutcomes(view, events);
  }

  get t(): LoginTexts {
    return this.view.config.i18n.t as LoginTexts;
  }

  /** The message about `field`, if the last try found one. */
  error(field: (typeof FIELDS)[number]): string | undefined {
    return this.#fieldProblems[field]?.text(this.t, this.view.formatTime);
  }

  /**
   * One try with what the inputs hold now. The password is read from its
   * input at the moment of sending and never kept; it is cleared when the
   * backend answered about these credentials (GOV.UK), and kept when the
   * backend did not answer (down, slow, broken), for a retry.
   */
  async submit(emailInput: HTMLInputElement, passwordInput: HTMLInputElement): Promise<void> {
    const email = emailInput.value;
    const password = passwordInput.value;
    this.#notice = undefined;
    const problems = this.validate(email, password);
    if (Object.keys(problems).length > 0) return this.#show(problems, []);
    this.#show({}, [], false);
    try {
      const { user } = await this.view.call('login', (client, signal) => client.loginWithPassword({ email: email.trim(), password }, { signal }));
      passwordInput.value = '';
      this.loggedIn(user);
    } catch (error) {
      const failure = error as AuthError;
      if (failure.code === 'aborted') return;
      if (!failure.retryable) passwordInput.value = '';
      this.#failure(failure, email.trim());
      this.events.failed(failure.code);
    }
  }

  loggedIn(user: SessionUser): void {
    this.user = user;
    this.view.focusAfterRender('success');
    this.events.loggedIn(user);
  }

  #show(fieldProblems: FieldProblems<LoginTexts>, general: Problem<LoginTexts>[], focus = true): void {
    this.#fieldProblems = fieldProblems;
    this.#general = general;
    this.view.requestUpdate();
    if (focus) this.view.focusAfterRender('summary');
  }

  /** The error summary and the notice about the account, above the fields. */
  renderTop(): TemplateResult {
    const problems = summaryOf(this.#fieldProblems, FIELDS, this.#general);
    return html`${this.view.renderSummary(problems)}${this.#notice ? this.#renderNotice(this.#notice) : nothing}`;
  }

  /** The fields as typed, checked as the backend checks them (a password is never truncated: SECURITY.md 1). */
  validate(email: string, password: string): FieldProblems<LoginTexts> {
    return fieldProblems({
      email: fieldProblem('email', emailValidator.check(email), emailMessage),
      password: fieldProblem('password', passwordLengthValidator.check(password), passwordMessage),
    });
  }

  /** `email`: the address the try was sent with (a resend goes there, whatever the field holds by now). */
  #failure(error: AuthError, email: string): void {
    switch (error.code) {
      case 'email_not_confirmed':
        return this.#showNotice({ kind: 'email_not_confirmed', email });
      case 'pending_review':
        return this.#showNotice({ kind: 'pending_review' });
      case 'account_rejected':
        return this.#showNotice({ kind: 'account_rejected', reason: error.details.reason });
      case 'invalid_credentials':
        return this.#show({}, [{ field: 'email', text: (t) => t.invalidCredentials }]);
      case 'password_login_suspended':
        return this.#show({}, [{ field: 'email', text: (t) => t.passwordLoginSuspended }]);
    }
    const fieldProblems = error.code === 'validation_failed' ? this.#serverFieldProblems(error) : {};
    this.#show(fieldProblems, Object.keys(fieldProblems).length > 0 ? [] : [serviceProblem(error)]);
  }

  #showNotice(notice: Notice): void {
    this.#resend.reset();
    this.#notice = notice;
    this.#show({}, [], false);
    this.view.focusAfterRender('notice');
  }

  /** The backend's field codes, in the words of the form's own checks. */
  #serverFieldProblems(error: AuthError): FieldProblems<LoginTexts> {
    const fields = error.details.fields ?? {};
    return fieldProblems({
      email: fieldProblem('email', fields['email'], emailMessage),
      password: fieldProblem('password', fields['password'], passwordMessage),
    });
  }

  #renderNotice(notice: Notice): TemplateResult {
    const { t, view } = this;
    const titleId = view.partId('notice');
    const [title, body] =
      notice.kind === 'email_not_confirmed'
        ? [t.notConfirmedTitle, t.notConfirmedBody]
        : notice.kind === 'pending_review'
          ? [t.pendingTitle, t.pendingBody]
          : [t.rejectedTitle, t.rejectedBody];
    return html`<div class="egov-notice" role="region" aria-labelledby=${titleId} data-notice=${notice.kind}>
      ${view.renderHeading(2, title, { className: 'egov-notice-title', id: titleId, focusable: true })}
      <p>${body}</p>
      ${notice.kind === 'email_not_confirmed'
        ? this.#resend.render({ t, email: notice.email, statusId: view.partId('resent'), formatTime: view.formatTime })
        : notice.kind === 'account_rejected'
          ? this.#renderRejected(notice.reason)
          : nothing}
    </div>`;
  }

  /**
   * The reviewer's reason, marked as their own words (they may write in
   * another language than the page's), then the way forward: register again.
   */
  #renderRejected(reason: string | undefined): TemplateResult {
    const { t, view } = this;
    const register = view.config.link('register');
    return html`${reason
        ? html`<p>${t.rejectedReason}</p>
            <blockquote class="egov-quote" dir="auto" data-reviewer-reason>${reason}</blockquote>`
        : nothing}
      <p>${t.rejectedNextStep}</p>
      ${register ? html`<p><a class="egov-link" href=${register}>${t.registerAgain}</a></p>` : nothing}`;
  }

  renderLoggedIn(): TemplateResult {
    const { t, view } = this;
    const user = this.user!;
    return html`<div class="egov-notice egov-notice--success" role="status">
      ${view.renderHeading(1, t.loggedInHeading, { className: 'egov-notice-title', id: view.partId('success'), focusable: true })}
      <p>${t.loggedInAs(user.email)}</p>
    </div>`;
  }

  /** The certificate is valid but no account has it: the way to register with it. */
  renderNotRegistered(): TemplateResult {
    const { t, view } = this;
    const register = view.config.link('register');
    return html`<div class="egov-notice" role="region" aria-labelledby=${view.partId('not-registered')} data-notice="certificate_not_registered">
      ${view.renderHeading(2, t.certificateNotRegisteredTitle, { className: 'egov-notice-title', id: view.partId('not-registered'), focusable: true })}
      <p>${t.certificateNotRegisteredBody}</p>
      ${register ? html`<p><a class="egov-link" href=${withMethod(register)}>${t.registerWithCertificate}</a></p>` : nothing}
    </div>`;
  }
}

/** The registration page, opened on its certificate tab. */
function withMethod(register: string): string {
  const url = new URL(register, document.baseURI);
  url.searchParams.set('method', 'certificate');
  return url.origin === location.origin ? `${url.pathname}${url.search}${url.hash}` : url.href;
}
