import { EgovPasswordReset } from '../components/password-reset/egov-password-reset.js';
import { defineElement } from './define-element.js';

defineElement('egov-password-reset', EgovPasswordReset);

// Re-exported so that this import alone brings the tag's types (HTMLElementTagNameMap, its events) to TypeScript.
export { EgovPasswordReset };
