import { css } from 'lit';
import { kitSheet } from './scoped-styles.js';
import { scope } from './form-styles.js';
import { tokens as t } from './tokens.js';

/** The look of `<egov-certificate-picker>`'s own parts: approval code, certificate list, PIN warnings, Peculiar's element. Adopted after formStyles, scoped the same way. */
export const pickerStyles = kitSheet(css`
  ${scope} .egov-notice--error {
    border-color: ${t.error};
  }
  ${scope} .egov-badge {
    display: inline-block;
    margin: 0 0 ${t.space};
    padding: 0.25rem 0.5rem;
    font-size: 0.9rem;
    font-weight: 700;
    color: ${t.text};
    background: ${t.focus};
  }
  ${scope} .egov-code {
    display: block;
    margin: 0.5rem 0;
    font-size: 2rem;
    font-weight: 700;
    letter-spacing: 0.3em;
    font-variant-numeric: tabular-nums;
  }
  ${scope} .egov-certificates,
  ${scope} .egov-list {
    display: block;
    margin: 0 0 ${t.space};
    padding: 0;
    list-style: none;
  }
  ${scope} .egov-certificate {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    margin: 0 0 0.75rem;
    padding: 0.75rem;
    border: 1px solid ${t.border};
  }
  ${scope} .egov-certificate .egov-button {
    margin: 0;
  }
  /* The facts take the whole width (they are what tells two certificates apart); the button goes under them. */
  ${scope} .egov-certificate-info {
    display: block;
    flex: 1 1 100%;
    min-width: 0;
    /* Long e-mail addresses and token names wrap instead of widening the item on a phone. */
    overflow-wrap: anywhere;
  }
  ${scope} .egov-certificate p {
    display: block;
    margin: 0;
  }
  ${scope} .egov-certificate-holder {
    font-weight: 700;
  }
  /* The chosen certificate: a thicker border in the primary colour, and the word "Chosen" (never colour alone). */
  ${scope} .egov-certificate--chosen {
    border: 3px solid ${t.primary};
    padding: calc(0.75rem - 2px);
  }
  ${scope} .egov-certificate--refused {
    border-inline-start: 5px solid ${t.error};
  }
  ${scope} .egov-tag {
    display: inline-block;
    margin: 0;
    margin-inline-start: 0.5rem;
    padding: 0 0.4rem;
    font-size: 0.875rem;
    font-weight: 700;
    color: ${t.onPrimary};
    background: ${t.primary};
    border-radius: ${t.radius};
    vertical-align: 0.1em;
  }
  ${scope} .egov-chosen {
    display: block;
    margin: 0 0 ${t.space};
  }
  ${scope} .egov-chosen-title {
    display: block;
    margin: 0 0 0.5rem;
    font-size: 1rem;
    font-weight: 700;
  }
  ${scope} .egov-chosen-title:focus {
    outline: none;
  }
  ${scope} .egov-chosen .egov-certificates {
    margin: 0 0 0.75rem;
  }
  /* What to do next under a failure: buttons side by side, each on its own line when there is no room. */
  ${scope} .egov-next-step {
    margin: 0 0 0.75rem;
    margin-inline-end: 0.75rem;
  }
  ${scope} .egov-certificate-info .egov-button--secondary {
    margin: 0.5rem 0 0;
  }
  /* What the host shows after the picker (the certificate's data) does not stick to the summary of hidden certificates. */
  ${scope} .egov-picker .egov-details {
    margin: 0.5rem 0 ${t.space};
  }
  ${scope} .egov-contacts {
    overflow-wrap: anywhere;
  }
  ${scope} .egov-contacts li {
    display: block;
    margin: 0 0 0.25rem;
  }
  ${scope} .egov-warning:focus {
    outline: 3px solid ${t.focus};
    outline-offset: 2px;
  }
  /* <peculiar-fortify-certificates> (ui="peculiar"): the revert above would make it inline; its own :host height is 550px. */
  ${scope} .egov-peculiar {
    display: block;
    height: 550px;
    max-width: 100%;
    margin: 0 0 ${t.space};
  }
  ${scope} .egov-warning {
    color: ${t.error};
    font-weight: 700;
  }
`);
