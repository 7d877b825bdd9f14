import { html, nothing, type TemplateResult } from 'lit';
import type { AuthError } from '../../client/auth-client.js';
import type { SessionUser } from '../../client/contract.js';
import type { CommonMessages } from '../../i18n/en/common.js';
import type { LoginMessages } from '../../i18n/en/login.js';
import type { LoginOutcomeMessages } from '../../i18n/en/login-outcomes.js';
import type { ResendMessages } from '../../i18n/en/resend.js';
import { loginOutcomeTexts } from '../../i18n/parts/login-outcomes.js';
import { resendTexts } from '../../i18n/parts/resend.js';
import { problemTexts } from '../../i18n/parts/problems.js';
import type { FormPort } from '../../internal/form-port.js';
import { fieldProblems, type FieldProblems, type Problem } from '../../internal/problems.js';
import { ResendConfirmation } from '../../internal/resend-confirmation.js';
import { serviceProblem } from '../../internal/service-problems.js';
import { emailMessage, emailValidator, fieldProblem, passwordLengthValidator, passwordMessage } from '../../internal/validators.js';

/** Every text `<egov-login>` may show: the form's, loaded with it, and these, loaded with this module. */
export type LoginTexts = CommonMessages & LoginMessages & LoginOutcomeMessages & ResendMessages;

export type Notice =
  | { kind: 'email_not_confirmed'; email: string }
  | { kind: 'pending_review' }
  | { kind: 'account_rejected'; reason?: string };

/** What a failed try changes on the form: a notice about the account, or problems for the summary. */
export interface Failure {
  notice?: Notice;
  fieldProblems: FieldProblems<LoginTexts>;
  general: Problem<LoginTexts>[];
}


/**
 * What `<egov-login>` does once the person tries: checks the fields, turns
 * the backend's answer into messages and notices (not confirmed, awaiting
 * review, rejected with the reviewer's reason, "send the message again"),
 * and says who is logged in. Its code and texts wait for the first try —
 * the login form on its own is what a page loads first.
 */
export class LoginOutcomes {
  readonly #resend: ResendConfirmation;

  private constructor(private readonly view: FormPort) {
    this.#resend = new ResendConfirmation(
      view.host,
      (email) => view.call('resend', (client, signal) => client.resendConfirmation({ email, locale: view.config.i18n.locale }, { signal })),
      () => view.focusAfterRender('resent'),
    );
  }

  /** The module's texts in the element's locale (and in every locale it switches to), then the outcomes. */
  static async load(view: FormPort): Promise<LoginOutcomes> {
    const { i18n } = view.config;
    await Promise.all([i18n.extend(problemTexts), i18n.extend(loginOutcomeTexts), i18n.extend(resendTexts), view.problemStyles()]);
    return new LoginOutcomes(view);
  }

  get t(): LoginTexts {
    return this.view.config.i18n.t as LoginTexts;
  }

  /** The fields as typed, checked as the backend checks them (a password is never truncated: SECURITY.md 1). */
  validate(email: string, password: string): FieldProblems<LoginTexts> {
    return fieldProblems({
      email: fieldProblem('email', emailValidator.check(email), emailMessage),
      password: fieldProblem('password', passwordLengthValidator.check(password), passwordMessage),
    });
  }

  /** `email`: the address the try was sent with (a resend goes there, whatever the field holds by now). */
  failure(error: AuthError, email: string): Failure {
    switch (error.code) {
      case 'email_not_confirmed':
        return this.#notice({ kind: 'email_not_confirmed', email });
      case 'pending_review':
        return this.#notice({ kind: 'pending_review' });
      case 'account_rejected':
        return this.#notice({ kind: 'account_rejected', reason: error.details.reason });
      case 'invalid_credentials':
        return { fieldProblems: {}, general: [{ field: 'email', text: (t) => t.invalidCredentials }] };
      case 'password_login_suspended':
        return { fieldProblems: {}, general: [{ field: 'email', text: (t) => t.passwordLoginSuspended }] };
    }
    const fieldProblems = error.code === 'validation_failed' ? this.#serverFieldProblems(error) : {};
    return { fieldProblems, general: Object.keys(fieldProblems).length > 0 ? [] : [serviceProblem(error)] };
  }

  #notice(notice: Notice): Failure {
    this.#resend.reset();
    return { notice, fieldProblems: {}, general: [] };
  }

  /** The backend's field codes, in the words of the form's own checks. */
  #serverFieldProblems(error: AuthError): FieldProblems<LoginTexts> {
    const fields = error.details.fields ?? {};
    return fieldProblems({
      email: fieldProblem('email', fields['email'], emailMessage),
      password: fieldProblem('password', fields['password'], passwordMessage),
    });
  }

  renderNotice(notice: Notice): TemplateResult {
    const { t, view } = this;
    const titleId = view.partId('notice');
    const [title, body] =
      notice.kind === 'email_not_confirmed'
        ? [t.notConfirmedTitle, t.notConfirmedBody]
        : notice.kind === 'pending_review'
          ? [t.pendingTitle, t.pendingBody]
          : [t.rejectedTitle, t.rejectedBody];
    return html`<div class="egov-notice" role="region" aria-labelledby=${titleId} data-notice=${notice.kind}>
      ${view.heading(2, title, { className: 'egov-notice-title', id: titleId, focusable: true })}
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

  renderLoggedIn(user: SessionUser): TemplateResult {
    const { t, view } = this;
    return html`<div class="egov-notice egov-notice--success" role="status">
      ${view.heading(1, t.loggedInHeading, { className: 'egov-notice-title', id: view.partId('success'), focusable: true })}
      <p>${t.loggedInAs(user.email)}</p>
    </div>`;
  }

  /** The certificate is valid but no account has it: the way to register with it. */
  renderNotRegistered(): TemplateResult {
    const { t, view } = this;
    const register = view.config.link('register');
    return html`<div class="egov-notice" role="region" aria-labelledby=${view.partId('not-registered')} data-notice="certificate_not_registered">
      ${view.heading(2, t.certificateNotRegisteredTitle, { className: 'egov-notice-title', id: view.partId('not-registered'), focusable: true })}
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
