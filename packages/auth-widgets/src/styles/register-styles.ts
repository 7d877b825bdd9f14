import { css } from 'lit';
import { kitSheet } from './scoped-styles.js';
import { scope } from './form-styles.js';
import { tokens as t } from './tokens.js';

/** The look of `<egov-register>`'s own parts: fieldsets, dates, choices, document upload, certificate data. Adopted after formStyles, scoped the same way. */
export const registerStyles = kitSheet(css`
  ${scope} *::file-selector-button {
    all: revert;
  }
  ${scope} .egov-fieldset {
    display: block;
    min-width: 0;
    margin: 0 0 1.5rem;
    padding: 0;
    border: 0;
  }
  ${scope} .egov-legend {
    display: block;
    margin: 0 0 0.75rem;
    padding: 0;
    font-size: 1.2rem;
    font-weight: 700;
  }
  ${scope} .egov-fieldset.egov-field--error {
    padding-inline-start: 0.75rem;
    border-inline-start: 4px solid ${t.error};
  }
  ${scope} .egov-input--short {
    max-width: 16rem;
  }
  ${scope} .egov-date {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
  }
  ${scope} .egov-date-part {
    display: block;
  }
  ${scope} .egov-input--2 {
    width: 4rem;
  }
  ${scope} .egov-input--4 {
    width: 6rem;
  }
  ${scope} .egov-select {
    appearance: auto;
  }
  ${scope} .egov-radios {
    display: block;
  }
  ${scope} .egov-radios--inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.5rem;
  }
  ${scope} .egov-radio,
  ${scope} .egov-checkbox {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    margin: 0 0 0.5rem;
  }
  ${scope} .egov-field.egov-checkbox {
    margin-bottom: 1.5rem;
  }
  ${scope} .egov-radio-input,
  ${scope} .egov-checkbox-input {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    margin: 0.1rem 0 0;
    accent-color: ${t.primary};
  }
  ${scope} .egov-radio-input:focus,
  ${scope} .egov-checkbox-input:focus {
    outline: 3px solid ${t.focus};
    outline-offset: 2px;
  }
  ${scope} .egov-radio-label,
  ${scope} .egov-checkbox-label {
    display: block;
    cursor: pointer;
  }
  ${scope} .egov-dropzone {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    margin: 0.5rem 0;
    padding: 1rem;
    border: 2px dashed ${t.border};
    background: ${t.surface};
  }
  ${scope} .egov-files {
    display: block;
    margin: 0.5rem 0 0;
    padding: 0;
    list-style: none;
  }
  ${scope} .egov-file {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    margin: 0 0 0.5rem;
    padding: 0.5rem 0;
    border-bottom: 1px solid ${t.border};
  }
  ${scope} .egov-file-preview {
    display: block;
    width: 4rem;
    height: 4rem;
    object-fit: cover;
    border: 1px solid ${t.border};
  }
  ${scope} .egov-file-preview--pdf {
    display: flex;
    align-items: center;
    justify-content: center;
    font-weight: 700;
    color: ${t.error};
    background: ${t.background};
  }
  ${scope} .egov-file-name {
    display: block;
    flex: 1 1 10rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  ${scope} .egov-file-size {
    display: block;
    color: ${t.muted};
  }
  ${scope} .egov-button--small {
    min-height: 2.25rem;
    padding: 0.25rem 0.75rem;
  }
  ${scope} .egov-progress {
    display: block;
    margin: 0.5rem 0 0;
  }
  ${scope} .egov-progress progress {
    display: block;
    width: 100%;
    height: 1rem;
    accent-color: ${t.primary};
  }
  ${scope} .egov-link-button {
    display: inline;
    margin: 0;
    padding: 0;
    font: inherit;
    background: none;
    border: 0;
    cursor: pointer;
  }
  ${scope} .egov-data {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: 0.25rem 1rem;
    margin: 0;
  }
  ${scope} .egov-data dt {
    display: block;
    font-weight: 700;
  }
  ${scope} .egov-data dd {
    display: block;
    margin: 0;
  }
`);
