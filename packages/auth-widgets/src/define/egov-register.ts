import { EgovRegister } from '../components/register/egov-register.js';
import { defineElement } from './define-element.js';

defineElement('egov-register', EgovRegister);
