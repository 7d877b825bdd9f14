import { EgovCertificatePicker } from '../components/certificate-picker/egov-certificate-picker.js';
import { defineElement } from './define-element.js';

defineElement('egov-certificate-picker', EgovCertificatePicker);

// Re-exported so that this import alone brings the tag's types (HTMLElementTagNameMap, its events) to TypeScript.
export { EgovCertificatePicker };
