import { html, nothing, type TemplateResult } from 'lit';
import type { CommonMessages } from '../i18n/locales/en/common.js';
import { renderHeading } from './headings.js';

export interface SummaryItem {
  text: string;
  /** `#id` of the field the problem is about; the item then links to it. */
  href?: string;
}

/**
 * GOV.UK's error summary: "There is a problem" and one item per problem,
 * each linking to its field. The caller focuses it after a failed submit;
 * `role="alert"` makes screen readers read it even if focus does not move.
 * Its title is a heading of `level` (one below the element's own heading).
 */
export function renderErrorSummary(
  t: CommonMessages,
  id: string,
  items: SummaryItem[],
  onLink: (event: Event, href: string) => void,
  level = 3,
): TemplateResult | typeof nothing {
  if (items.length === 0) return nothing;
  return html`<div class="egov-summary" id=${id} tabindex="-1" aria-labelledby=${`${id}-title`}>
    <div role="alert">
      ${renderHeading(level, t.errorSummaryTitle, { className: 'egov-summary-title', id: `${id}-title` })}
      <ul class="egov-summary-list">
        ${items.map((item) =>
          item.href
            ? html`<li><a class="egov-link" href=${item.href} @click=${(e: Event) => onLink(e, item.href!)}>${item.text}</a></li>`
            : html`<li>${item.text}</li>`,
        )}
      </ul>
    </div>
  </div>`;
}
