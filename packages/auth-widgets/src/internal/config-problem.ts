import { html, type TemplateResult } from 'lit';
import type { ConfigProblem } from '../config/auth-config.js';
import type { CommonMessages } from '../i18n/en/common.js';

/**
 * What a person sees instead of a blank element when the page set the kit up
 * wrongly: a plain message in their language, and the technical details
 * (in English, for the site's developers) behind a disclosure.
 */
export function renderConfigProblem(t: CommonMessages, problems: ConfigProblem[]): TemplateResult {
  return html`<div class="egov-notice" role="alert" data-config-error>
    <p class="egov-notice-title">${t.configErrorTitle}</p>
    <p>${t.configErrorBody}</p>
    <details class="egov-details">
      <summary>${t.configErrorDetails}</summary>
      <ul lang="en">
        ${problems.map((p) => html`<li data-problem=${p.code}>${p.detail}</li>`)}
      </ul>
    </details>
  </div>`;
}
