import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { AuthError } from '../client/auth-client.js';
import type { CommonMessages } from '../i18n/locales/en/common.js';
import type { ResendMessages } from '../i18n/locales/en/resend.js';
import type { Problem } from './problems.js';
import { serviceProblem } from './service-problems.js';

type Texts = CommonMessages & ResendMessages;

/**
 * "Send the message again": one button that asks the backend for a new
 * confirmation link to an address the person already gave (on the
 * registration's confirmation page, or in the login's "not confirmed"
 * notice), and a status line saying what happened — sent, or why not.
 */
export class ResendConfirmation {
  sending = false;
  /** What the last press gave; undefined before the first. */
  note: Problem<Texts> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly send: (email: string) => Promise<unknown>,
    /** Called after each answer, to move focus to the status line. */
    private readonly onDone: () => void,
  ) {}

  reset(): void {
    this.note = undefined;
    this.host.requestUpdate();
  }

  async resend(email: string): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    this.host.requestUpdate();
    try {
      await this.send(email);
      this.note = { text: (t) => t.confirmationSentAgain };
    } catch (error) {
      const failure = error as AuthError;
      if (failure.code === 'aborted') return;
      this.note = serviceProblem(failure);
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
    this.onDone();
  }

  /** The status line (`statusId`, focusable) above the button. */
  render(view: { t: Texts; email: string; statusId: string; formatTime: (date: Date) => string }): TemplateResult {
    const { t } = view;
    return html`${this.note
        ? html`<p class="egov-text" role="status" id=${view.statusId} tabindex="-1">${this.note.text(t, view.formatTime)}</p>`
        : ''}
      <p class="egov-text">
        <button
          type="button"
          class="egov-button egov-button--secondary"
          aria-disabled=${this.sending ? 'true' : 'false'}
          @click=${() => void this.resend(view.email)}
        >
          ${this.sending ? t.sending : t.resendConfirmation}
        </button>
      </p>`;
  }
}
