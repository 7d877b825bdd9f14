import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { AuthError } from '../client/auth-client.js';
import type { CommonMessages } from '../i18n/locales/en/common.js';
import { renderEmailField } from './fields.js';
import type { Problem } from './problems.js';
import { serviceProblem } from './service-problems.js';
import { emailMessage, emailValidator, fieldProblem } from './validators.js';

export interface EmailRequestView {
  t: CommonMessages;
  /** The input's part name (what the error summary links to)… */
  field: string;
  /** …and its id (hint and error ids derive from it). */
  inputId: string;
  formatTime: (date: Date) => string;
  label: string;
  hint?: string;
  submitLabel: string;
  /** Renders the error summary for the given problems. */
  summary: (problems: Problem[]) => TemplateResult | typeof nothing;
}

/**
 * "Enter your e-mail and we send you a link": the first step of a password
 * reset and the resend form of an expired confirmation link. The backend
 * answers the same for every address, so the form does too: after a send it
 * shows one text whatever the address.
 */
export class EmailRequest {
  submitting = false;
  problems: Problem[] = [];
  emailProblem: Problem | undefined;
  /** The address the last request was sent for. */
  sentTo: string | undefined;
  #field = 'email';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly send: (email: string) => Promise<unknown>,
    private readonly onDone: (outcome: 'sent' | 'problem') => void,
  ) {}

  reset(): void {
    this.sentTo = undefined;
    this.problems = [];
    this.emailProblem = undefined;
    this.host.requestUpdate();
  }

  render(view: EmailRequestView): TemplateResult {
    const { t, inputId, label, hint, submitLabel } = view;
    this.#field = view.field;
    const error = this.emailProblem?.text(t, view.formatTime);
    return html`<form class="egov-form" novalidate @submit=${this.#onSubmit}>
      ${view.summary(this.problems)}
      ${renderEmailField({ t, id: inputId, label, hint, error })}
      <button type="submit" class="egov-button" aria-disabled=${this.submitting ? 'true' : 'false'}>
        ${this.submitting ? t.sending : submitLabel}
      </button>
    </form>`;
  }

  #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.submitting) return;
    const form = event.currentTarget as HTMLFormElement;
    const email = (form.elements.namedItem('email') as HTMLInputElement).value.trim();
    this.emailProblem = fieldProblem(this.#field, emailValidator.check(email), emailMessage);
    if (this.emailProblem) {
      this.problems = [this.emailProblem];
      this.host.requestUpdate();
      this.onDone('problem');
      return;
    }
    this.problems = [];
    this.submitting = true;
    this.host.requestUpdate();
    try {
      await this.send(email);
      this.sentTo = email;
      this.onDone('sent');
    } catch (error) {
      const failure = error as AuthError;
      if (failure.code === 'aborted') return;
      this.problems = [serviceProblem(failure)];
      this.onDone('problem');
    } finally {
      this.submitting = false;
      this.host.requestUpdate();
    }
  };
}
