import { problems } from './locales/en/problems.js';
import { certificateTab } from './locales/en/certificate-tab.js';
import { common } from './locales/en/common.js';
import { emailConfirm } from './locales/en/email-confirm.js';
import { loginOutcomes } from './locales/en/login-outcomes.js';
import { login } from './locales/en/login.js';
import { newPassword } from './locales/en/new-password.js';
import { passwordReset } from './locales/en/password-reset.js';
import { picker } from './locales/en/picker.js';
import { pinDialog } from './locales/en/pin-dialog.js';
import { register } from './locales/en/register.js';
import { resend } from './locales/en/resend.js';

/**
 * Every English text of the kit: the source catalog, in parts (`./en/`),
 * one per element plus the shared ones. Elements import only their parts;
 * this whole catalog is for tests and for sites that want all the texts.
 * Every other catalog has the same keys with the same parameters.
 */
export const en = { ...common, ...certificateTab, ...problems, ...login, ...loginOutcomes, ...newPassword, ...emailConfirm, ...passwordReset, ...register, ...resend, ...picker, ...pinDialog };

export type Messages = typeof en;
