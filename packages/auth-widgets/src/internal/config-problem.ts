import { html, type TemplateResult } from 'lit';
import type { ConfigIssue } from '../config/auth-config.js';
import { describeConfigProblem } from '../config/config-problem-details.js';
import type { CommonMessages } from '../i18n/locales/en/common.js';

/**
 * What a person sees instead of a blank element when the page set the kit up
 * wrongly: a plain message in their language, and the technical details
 * (in English, for the site's developers) behind a disclosure. Loaded only
 * when the configuration is wrong (EgovFormElement.configProblem).
 */
export function renderConfigProblem(t: CommonMessages, problems: readonly ConfigIssue[]): TemplateResult {
  return html`<div class="egov-notice" role="alert" data-config-error>
    <p class="egov-notice-title">${t.configErrorTitle}</p>
    <p>${t.configErrorBody}</p>
    <details class="egov-details">
      <summary>${t.configErrorDetails}</summary>
      <ul lang="en">
        ${problems.map((p) => html`<li data-problem=${p.code}>${describeConfigProblem(p)}</li>`)}
      </ul>
    </details>
  </div>`;
}

/** Problem sets already logged, per element: each said once, however often the element renders. */
const logged = new WeakMap<Element, string>();

/** One console.error for the site's developers per element and distinct problem set. */
export function reportConfigProblems(element: Element, problems: readonly ConfigIssue[]): void {
  const text = problems.map(describeConfigProblem).join(' ');
  if (logged.get(element) === text) return;
  logged.set(element, text);
  console.error(`[egov] <${element.localName}> is not configured correctly: ${text}`);
}
