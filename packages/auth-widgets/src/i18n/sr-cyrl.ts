import type { Messages } from './en.js';
import { problems } from './sr-cyrl/problems.js';
import { certificateTab } from './sr-cyrl/certificate-tab.js';
import { common } from './sr-cyrl/common.js';
import { emailConfirm } from './sr-cyrl/email-confirm.js';
import { loginOutcomes } from './sr-cyrl/login-outcomes.js';
import { login } from './sr-cyrl/login.js';
import { newPassword } from './sr-cyrl/new-password.js';
import { passwordReset } from './sr-cyrl/password-reset.js';
import { picker } from './sr-cyrl/picker.js';
import { register } from './sr-cyrl/register.js';
import { resend } from './sr-cyrl/resend.js';

/**
 * Every Serbian text in Cyrillic: the source for both Serbian scripts
 * (Latin is derived from it). Terms follow the portal's own wording.
 */
export const srCyrl: Messages = { ...common, ...certificateTab, ...problems, ...login, ...loginOutcomes, ...newPassword, ...emailConfirm, ...passwordReset, ...register, ...resend, ...picker };
