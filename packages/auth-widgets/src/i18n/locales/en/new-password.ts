import { plural } from '../../plural.js';

/** English texts of choosing a new password (`<egov-register>` and `<egov-password-reset>`). */
export const newPassword = {
  newPasswordLabel: 'New password',
  confirmPasswordLabel: 'Confirm password',
  passwordPolicy: (min: number) =>
    `Use at least ${min} characters. There are no other rules: a few words you will remember make a strong password.`,
  passwordCharactersNeeded: (count: number) =>
    `${count} more ${plural('en', count, { one: 'character', other: 'characters' })} needed`,
  passwordLongEnough: 'Long enough',
  passwordTooShort: (min: number) => `The password must be at least ${min} characters`,
  passwordCommon: 'This password is too common and easy to guess. Choose another one.',
  passwordContext: 'The password must not contain your e-mail address, your name or the name of this site',
  passwordMismatch: 'The passwords do not match',
  confirmPasswordRequired: 'Confirm your password',
};

export type NewPasswordMessages = typeof newPassword;
