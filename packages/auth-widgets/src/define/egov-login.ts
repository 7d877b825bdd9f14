import { EgovLogin } from '../components/login/egov-login.js';
import { defineElement } from './define-element.js';

defineElement('egov-login', EgovLogin);

// Re-exported so that this import alone brings the tag's types (HTMLElementTagNameMap, its events) to TypeScript.
export { EgovLogin };
