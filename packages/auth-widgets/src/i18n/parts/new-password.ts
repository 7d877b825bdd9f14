import { kitPart } from '../catalog.js';
import { newPassword } from '../locales/en/new-password.js';

/** The texts of choosing a new password (`<egov-register>` and `<egov-password-reset>`). */
export const newPasswordTexts = kitPart('newPassword', newPassword);
