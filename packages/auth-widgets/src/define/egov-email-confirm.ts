import { EgovEmailConfirm } from '../components/email-confirm/egov-email-confirm.js';
import { defineElement } from './define-element.js';

defineElement('egov-email-confirm', EgovEmailConfirm);

// Re-exported so that this import alone brings the tag's types (HTMLElementTagNameMap, its events) to TypeScript.
export { EgovEmailConfirm };
