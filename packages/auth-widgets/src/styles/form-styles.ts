import { css, unsafeCSS } from 'lit';
import { kitSheet } from './scoped-styles.js';
import { tokens as t } from './tokens.js';

/**
 * The tags that render their forms in the light DOM (so password managers see
 * the inputs). A constant, never runtime input: that is why unsafeCSS is safe here.
 */
export const LIGHT_DOM_TAGS = ['egov-login', 'egov-register', 'egov-email-confirm', 'egov-password-reset', 'egov-certificate-picker'] as const;
/** Every rule of the kit's light-DOM sheets starts with this: it scopes them to the kit's elements. */
export const scope = unsafeCSS(`:is(${LIGHT_DOM_TAGS.join(', ')})`);

/**
 * Shared look of the kit's light-DOM forms on their first screen (what shows
 * problems is in problem-styles.ts; registration and the certificate picker
 * add their own sheets: register-styles.ts, picker-styles.ts). Every
 * sheet goes through kitSheet: its declarations are `!important` in the
 * cascade layer `egov`, so no normal rule of the host page wins, whatever its
 * specificity, nor an unlayered `!important` one. The host rule sets every
 * inherited property the look depends on (the page's letter-spacing or
 * text-align do not leak in); the `*` rule reverts whatever the page did to
 * our descendants and their pseudo-elements; the class rules then declare
 * every property the look depends on. A site themes through the `--egov-*`
 * tokens only. The `:where()` rule stays normal (kitSheet leaves it as it is):
 * the page places the element itself, and may hide it. The pseudo-elements
 * the kit's parts have get rules of their own, with the sheet of the part
 * (::marker with the problem styles' lists, ::file-selector-button with
 * registration's upload): a selector list with a pseudo-element a browser
 * does not know would be dropped whole. No reduced-motion rule is needed:
 * the kit animates nothing, and `all: revert` drops a page's transitions.
 *
 * Why some rules are as they are (here, not in the CSS, which ships):
 * - The hidden attribute always wins: over the class rules below and in the
 *   other sheets (same specificity, later, so they would win otherwise), and
 *   over a page's rules for the element itself. until-found keeps its own
 *   meaning (found by find-in-page).
 * - Headings receive focus only from code (tabindex=-1), to move a screen
 *   reader to the new state; like GOV.UK, they show no focus ring.
 * - Long labels (Serbian) wrap inside their tab instead of pushing a tab to a
 *   new row.
 */
export const formStyles = kitSheet(css`
  :where(${scope}) {
    display: block;
  }
  ${scope} {
    --egov-rem: 1em;
    font-family: ${t.font};
    font-size: ${t.fontSize};
    font-style: normal;
    font-weight: 400;
    font-variant: normal;
    line-height: 1.5;
    color: ${t.text};
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    white-space: normal;
    word-break: normal;
    hyphens: manual;
  }
  ${scope} *,
  ${scope} *::before,
  ${scope} *::after {
    all: revert;
    box-sizing: border-box;
  }
  ${scope}[hidden]:not([hidden='until-found' i]),
  ${scope} [hidden]:not([hidden='until-found' i]) {
    display: none !important;
  }
  ${scope} .egov-root {
    display: block;
    max-width: 36rem;
  }
  /* E-mail addresses, passwords, numbers and codes run left to right in every language; on a right-to-left page they keep to its side. */
  ${scope} .egov-root[dir='rtl'] .egov-input[dir='ltr'] {
    text-align: right;
  }
  ${scope} .egov-heading {
    display: block;
    margin: 0 0 ${t.space};
    font-size: 1.5rem;
    font-weight: 700;
    line-height: 1.25;
  }
  ${scope} .egov-heading--small {
    font-size: 1.25rem;
  }
  ${scope} .egov-heading:focus,
  ${scope} .egov-notice-title:focus {
    outline: none;
  }
  ${scope} .egov-text {
    display: block;
    margin: 0 0 ${t.space};
  }
  ${scope} .egov-tabs {
    display: flex;
    flex-wrap: nowrap;
    align-items: flex-end;
    gap: 0.25rem;
    margin: 0 0 ${t.space};
    padding: 0;
    border-bottom: 1px solid ${t.border};
  }
  ${scope} .egov-tab {
    display: block;
    flex: 0 1 auto;
    min-width: 0;
    text-align: start;
    margin: 0 0 -1px;
    padding: 0.625rem 1rem;
    font: inherit;
    color: ${t.link};
    background: ${t.surface};
    border: 1px solid transparent;
    border-radius: ${t.radius} ${t.radius} 0 0;
    cursor: pointer;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  ${scope} .egov-tab[aria-selected='true'] {
    color: ${t.text};
    background: ${t.background};
    border-color: ${t.border} ${t.border} ${t.background};
    text-decoration: none;
    font-weight: 700;
  }
  ${scope} .egov-form {
    display: block;
    margin: 0;
  }
  ${scope} .egov-field {
    display: block;
    margin: 0 0 1.5rem;
  }
  ${scope} .egov-label {
    display: block;
    margin: 0 0 0.25rem;
    font-weight: 700;
  }
  ${scope} .egov-hint {
    display: block;
    margin: 0 0 0.25rem;
    color: ${t.muted};
  }
  ${scope} .egov-input {
    display: block;
    width: 100%;
    min-height: 2.75rem;
    margin: 0;
    padding: 0.375rem 0.5rem;
    font: inherit;
    color: ${t.text};
    background: ${t.background};
    border: 2px solid ${t.border};
    border-radius: 0;
  }
  ${scope} .egov-input:focus {
    outline: 3px solid ${t.focus};
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px ${t.focusText};
  }
  ${scope} .egov-password {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: stretch;
  }
  ${scope} .egov-password .egov-input {
    flex: 1 1 12rem;
    width: auto;
  }
  ${scope} .egov-button {
    display: inline-block;
    min-height: 2.75rem;
    margin: 0 0 ${t.space};
    padding: 0.5rem 1.25rem;
    font: inherit;
    font-weight: 700;
    color: ${t.onPrimary};
    background: ${t.primary};
    border: 2px solid transparent;
    border-radius: ${t.radius};
    box-shadow: 0 2px 0 ${t.primaryHover};
    cursor: pointer;
  }
  ${scope} .egov-button:hover {
    background: ${t.primaryHover};
  }
  ${scope} .egov-button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  ${scope} .egov-button:focus,
  ${scope} .egov-tab:focus {
    outline: 3px solid ${t.focus};
    outline-offset: 0;
    box-shadow: 0 -2px ${t.focus}, 0 4px ${t.focusText};
  }
  ${scope} .egov-link {
    color: ${t.link};
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  ${scope} .egov-link:focus {
    outline: 3px solid transparent;
    color: ${t.focusText};
    background: ${t.focus};
    box-shadow: 0 -2px ${t.focus}, 0 4px ${t.focusText};
    text-decoration: none;
  }
  ${scope} .egov-visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    border: 0;
    white-space: nowrap;
  }
  ${scope} .egov-password-status {
    margin: 0.25rem 0 0;
    min-height: 1.5em;
  }
`);
