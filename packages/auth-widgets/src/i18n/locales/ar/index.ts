import type { LocalePack } from '../../locale-pack.js';

/**
 * Arabic (Modern Standard Arabic), written right to left. Values that run
 * left to right inside a sentence (e-mail addresses, file names, times) are
 * isolated with `isolate` from `../../bidi.js`; digits stay Latin (0–9).
 * Each part is its own chunk, loaded when an element first needs it.
 */
export default {
  tag: 'ar',
  name: 'العربية',
  dir: 'rtl',
  parts: {
    common: () => import('./common.js').then((m) => m.common),
    problems: () => import('./problems.js').then((m) => m.problems),
    certificateTab: () => import('./certificate-tab.js').then((m) => m.certificateTab),
    login: () => import('./login.js').then((m) => m.login),
    loginOutcomes: () => import('./login-outcomes.js').then((m) => m.loginOutcomes),
    newPassword: () => import('./new-password.js').then((m) => m.newPassword),
    emailConfirm: () => import('./email-confirm.js').then((m) => m.emailConfirm),
    passwordReset: () => import('./password-reset.js').then((m) => m.passwordReset),
    register: () => import('./register.js').then((m) => m.register),
    resend: () => import('./resend.js').then((m) => m.resend),
    picker: () => import('./picker.js').then((m) => m.picker),
    pinDialog: () => import('./pin-dialog.js').then((m) => m.pinDialog),
  },
} satisfies LocalePack;
