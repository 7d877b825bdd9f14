import { EgovAuth } from '../components/auth/egov-auth.js';
import { defineElement } from './define-element.js';

defineElement('egov-auth', EgovAuth);
