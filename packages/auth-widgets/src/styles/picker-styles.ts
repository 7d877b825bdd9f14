import { css } from 'lit';
import { scope } from './form-styles.js';
import { tokens as t } from './tokens.js';

/** The look of `<egov-certificate-picker>`'s own parts: approval code, certificate list, PIN warnings, Peculiar's element. Adopted after formStyles, scoped the same way. */
export const pickerStyles = css`
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
  ${scope} .egov-certificate p {
    display: block;
    margin: 0;
  }
  ${scope} .egov-certificate-holder {
    font-weight: 700;
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
`;
