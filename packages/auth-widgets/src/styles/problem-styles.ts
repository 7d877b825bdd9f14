import { css } from 'lit';
import { kitSheet } from './scoped-styles.js';
import { scope } from './form-styles.js';
import { tokens as t } from './tokens.js';

/**
 * What the forms show after a try or when something is wrong: the error
 * summary, field errors, notices (GOV.UK's confirmation panel and inset
 * text among them), configuration details, secondary buttons, required
 * marks. Adopted after the form styles (formStyles), so it wins where both
 * speak. Registration, reset and confirmation adopt it with their form;
 * `<egov-login>` when the person first tries, or when its configuration is
 * wrong — its first screen needs none of it.
 *
 * Why some rules are as they are (here, not in the CSS, which ships):
 * - Someone else's words (the reviewer's reason): GOV.UK's inset text.
 * - GOV.UK's confirmation panel: what was done, in white on the success
 *   colour; what happens next follows it.
 */
export const problemStyles = kitSheet(css`
  ${scope} *::marker {
    all: revert;
  }
  ${scope} .egov-summary:focus {
    outline: 3px solid ${t.focus};
    outline-offset: 0;
  }
  ${scope} .egov-field--error {
    padding-inline-start: 0.75rem;
    border-inline-start: 4px solid ${t.error};
  }
  ${scope} .egov-error-message {
    display: block;
    margin: 0 0 0.25rem;
    color: ${t.error};
    font-weight: 700;
  }
  ${scope} .egov-error-messages {
    display: block;
    margin: 0;
  }
  ${scope} .egov-input[aria-invalid='true'] {
    border-color: ${t.error};
  }
  ${scope} .egov-button--secondary {
    margin: 0;
    color: ${t.text};
    background: ${t.surface};
    border-color: ${t.border};
    box-shadow: none;
  }
  ${scope} .egov-button--secondary:hover {
    background: ${t.background};
  }
  ${scope} .egov-summary {
    display: block;
    margin: 0 0 1.5rem;
    padding: 1rem;
    border: 4px solid ${t.error};
  }
  ${scope} .egov-summary-title {
    display: block;
    margin: 0 0 0.75rem;
    font-size: 1.25rem;
    font-weight: 700;
  }
  ${scope} .egov-summary-list {
    display: block;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  ${scope} .egov-summary-list li {
    display: list-item;
    margin: 0 0 0.25rem;
    color: ${t.error};
    font-weight: 700;
  }
  ${scope} .egov-summary-list .egov-link {
    color: ${t.error};
  }
  ${scope} .egov-notice {
    display: block;
    margin: 0 0 1.5rem;
    padding: 1rem;
    border: 4px solid ${t.info};
    background: ${t.background};
  }
  ${scope} .egov-notice--success {
    border-color: ${t.success};
  }
  ${scope} .egov-notice-title {
    display: block;
    margin: 0 0 0.5rem;
    font-size: 1.25rem;
    font-weight: 700;
  }
  ${scope} .egov-notice p {
    display: block;
    margin: 0 0 0.5rem;
  }
  ${scope} .egov-quote {
    display: block;
    margin: 0 0 0.75rem;
    padding-block: 0.5rem;
    padding-inline: 1rem 0;
    border-inline-start: 4px solid ${t.border};
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  ${scope} .egov-notice--confirmation {
    padding: 1.5rem 1rem;
    color: ${t.onPrimary};
    background: ${t.success};
    border-color: ${t.success};
    text-align: center;
  }
  ${scope} .egov-notice--confirmation .egov-notice-title {
    margin: 0 0 1rem;
    font-size: 1.75rem;
    line-height: 1.25;
  }
  ${scope} .egov-notice--confirmation p {
    margin: 0;
    font-size: 1.25rem;
    overflow-wrap: anywhere;
  }
  ${scope} .egov-notice--confirmation strong {
    font-weight: 700;
  }
  ${scope} .egov-details {
    display: block;
    margin: 0.5rem 0 0;
  }
  ${scope} .egov-details summary {
    display: list-item;
    cursor: pointer;
    color: ${t.link};
  }
  ${scope} .egov-details ul {
    display: block;
    margin: 0.5rem 0 0;
    padding-inline-start: 1.25rem;
  }
  ${scope} .egov-required {
    margin-inline-start: 0.25rem;
    color: ${t.error};
    font-weight: 700;
  }
`);
