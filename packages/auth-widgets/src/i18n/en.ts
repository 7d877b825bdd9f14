import { problems } from './en/problems.js';
import { certificateTab } from './en/certificate-tab.js';
import { common } from './en/common.js';
import { emailConfirm } from './en/email-confirm.js';
import { loginOutcomes } from './en/login-outcomes.js';
import { login } from './en/login.js';
import { newPassword } from './en/new-password.js';
import { passwordReset } from './en/password-reset.js';
import { picker } from './en/picker.js';
import { register } from './en/register.js';
import { resend } from './en/resend.js';

/**
 * Every English text of the kit: the source catalog, in parts (`./en/`),
 * one per element plus the shared ones. Elements import only their parts;
 * this whole catalog is for tests and for sites that want all the texts.
 * Every other catalog has the same keys with the same parameters.
 */
export const en = { ...common, ...certificateTab, ...problems, ...login, ...loginOutcomes, ...newPassword, ...emailConfirm, ...passwordReset, ...register, ...resend, ...picker };

export type Messages = typeof en;
