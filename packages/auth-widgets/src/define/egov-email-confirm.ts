import { EgovEmailConfirm } from '../components/email-confirm/egov-email-confirm.js';
import { defineElement } from './define-element.js';

defineElement('egov-email-confirm', EgovEmailConfirm);
