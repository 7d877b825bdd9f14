import { defineLocalePack } from '../../locale-pack.js';
import { certificateTab } from './certificate-tab.js';
import { common } from './common.js';
import { emailConfirm } from './email-confirm.js';
import { login } from './login.js';
import { loginOutcomes } from './login-outcomes.js';
import { newPassword } from './new-password.js';
import { passwordReset } from './password-reset.js';
import { picker } from './picker.js';
import { pinDialog } from './pin-dialog.js';
import { problems } from './problems.js';
import { register } from './register.js';
import { resend } from './resend.js';

/**
 * English, the kit's source language: every other folder has these keys
 * with these parameters. The elements bundle the English parts they use
 * directly; this whole pack is for checks and for sites that want every text.
 */
export default defineLocalePack({
  tag: 'en',
  name: 'English',
  parts: { common, problems, certificateTab, login, loginOutcomes, newPassword, emailConfirm, passwordReset, register, resend, picker, pinDialog },
});
