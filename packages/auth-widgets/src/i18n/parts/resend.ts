import { kitPart } from '../catalog.js';
import { resend } from '../locales/en/resend.js';

/** "Send the confirmation message again", shared by `<egov-register>` and `<egov-login>`. */
export const resendTexts = kitPart('resend', resend);
