import { EgovAuth } from '../components/auth/egov-auth.js';
import { defineElement } from './define-element.js';

defineElement('egov-auth', EgovAuth);

// Re-exported so that this import alone brings the tag's types (HTMLElementTagNameMap, its events) to TypeScript.
export { EgovAuth };
