import { kitPart } from '../catalog.js';
import { login } from '../locales/en/login.js';

/** The texts of `<egov-login>`. */
export const loginTexts = kitPart('login', login);
