import { kitPart } from '../catalog.js';
import { emailConfirm } from '../locales/en/email-confirm.js';

/** The texts of `<egov-email-confirm>`. */
export const emailConfirmTexts = kitPart('emailConfirm', emailConfirm);
