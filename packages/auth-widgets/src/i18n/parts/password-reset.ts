import { kitPart } from '../catalog.js';
import { passwordReset } from '../locales/en/password-reset.js';

/** The texts of `<egov-password-reset>`. */
export const passwordResetTexts = kitPart('passwordReset', passwordReset);
