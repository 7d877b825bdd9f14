import { EgovRegister } from '../components/register/egov-register.js';
import { defineElement } from './define-element.js';

defineElement('egov-register', EgovRegister);

// Re-exported so that this import alone brings the tag's types (HTMLElementTagNameMap, its events) to TypeScript.
export { EgovRegister };
