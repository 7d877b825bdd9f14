import type { Messages } from './en.js';
import { problems } from './locales/sr-Cyrl/problems.js';
import { certificateTab } from './locales/sr-Cyrl/certificate-tab.js';
import { common } from './locales/sr-Cyrl/common.js';
import { emailConfirm } from './locales/sr-Cyrl/email-confirm.js';
import { loginOutcomes } from './locales/sr-Cyrl/login-outcomes.js';
import { login } from './locales/sr-Cyrl/login.js';
import { newPassword } from './locales/sr-Cyrl/new-password.js';
import { passwordReset } from './locales/sr-Cyrl/password-reset.js';
import { picker } from './locales/sr-Cyrl/picker.js';
import { pinDialog } from './locales/sr-Cyrl/pin-dialog.js';
import { register } from './locales/sr-Cyrl/register.js';
import { resend } from './locales/sr-Cyrl/resend.js';

/**
 * Every Serbian text in Cyrillic: the source for both Serbian scripts
 * (Latin is derived from it). Terms follow the portal's own wording.
 */
export const srCyrl: Messages = { ...common, ...certificateTab, ...problems, ...login, ...loginOutcomes, ...newPassword, ...emailConfirm, ...passwordReset, ...register, ...resend, ...picker, ...pinDialog };
