import { EgovPasswordReset } from '../components/password-reset/egov-password-reset.js';
import { defineElement } from './define-element.js';

defineElement('egov-password-reset', EgovPasswordReset);
