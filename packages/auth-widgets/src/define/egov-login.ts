import { EgovLogin } from '../components/login/egov-login.js';
import { defineElement } from './define-element.js';

defineElement('egov-login', EgovLogin);
