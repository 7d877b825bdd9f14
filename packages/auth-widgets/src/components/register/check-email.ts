import { html, nothing, type TemplateResult } from 'lit';
import type { RegisterMessages } from '../../i18n/locales/en/register.js';
import type { HeadingOptions } from '../../internal/headings.js';

/** Where the confirmation link went, and whether documents are reviewed after it is opened. */
export interface SentRegistration {
  email: string;
  review: boolean;
}

export interface CheckEmailView {
  t: RegisterMessages;
  sent: SentRegistration;
  /** The panel heading's id: focus moves there once sent. */
  headingId: string;
  /** A heading one level below the element's own. */
  renderHeading: (content: string, options: HeadingOptions) => TemplateResult;
  /** "Send the message again" and its status line. */
  resend: TemplateResult;
  onStartAgain: () => void;
}

/**
 * GOV.UK's confirmation page: a panel saying what was done (its heading
 * takes focus), then what happens next, and the way back if the address
 * was wrong.
 */
export function renderCheckEmail(view: CheckEmailView): TemplateResult {
  const { t, sent, headingId, renderHeading } = view;
  return html`<div class="egov-notice egov-notice--confirmation" role="region" aria-labelledby=${headingId}>
      ${renderHeading(t.checkEmailTitle, { className: 'egov-notice-title', id: headingId, focusable: true })}
      <p>${t.checkEmailSentTo}<br /><strong><bdi dir="ltr">${sent.email}</bdi></strong></p>
    </div>
    ${renderHeading(t.whatHappensNext, { className: 'egov-heading egov-heading--small' })}
    <p class="egov-text">${t.checkEmailOpenLink}</p>
    <p class="egov-text">${t.checkEmailSpam}</p>
    ${sent.review ? html`<p class="egov-text">${t.checkEmailReview}</p>` : nothing}
    ${view.resend}
    <p class="egov-text">
      ${t.wrongAddress}
      <button type="button" class="egov-link egov-link-button" @click=${view.onStartAgain}>${t.startAgain}</button>
    </p>`;
}
