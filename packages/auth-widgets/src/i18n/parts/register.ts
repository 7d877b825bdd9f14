import { kitPart } from '../catalog.js';
import { register } from '../locales/en/register.js';

/** The texts of `<egov-register>`. */
export const registerTexts = kitPart('register', register);
