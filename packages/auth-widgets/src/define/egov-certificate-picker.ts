import { EgovCertificatePicker } from '../components/certificate-picker/egov-certificate-picker.js';
import { defineElement } from './define-element.js';

defineElement('egov-certificate-picker', EgovCertificatePicker);
