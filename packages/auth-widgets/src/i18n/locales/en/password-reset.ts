
/** English texts of `<egov-password-reset>`. */
export const passwordReset = {
  resetHeading: 'Password forgotten?',
  resetIntro: 'Enter the e-mail address you registered with. We will send you a link to choose a new password.',
  resetSentTitle: 'Check your e-mail',
  resetSentBody: (email: string) =>
    `If there is an account for ${email}, we have sent it a link to choose a new password. The link works for 60 minutes. The message may be in the Junk/Spam folder.`,
  newPasswordHeading: 'Choose a new password',
  checkingLink: 'Checking your link…',
  changePassword: 'Change password',
  changingPassword: 'Changing…',
  passwordChangedTitle: 'Your password has been changed',
  passwordChangedBody: 'Log in with your new password. For your safety, you have been logged out everywhere else.',
  requestNewLink: 'Request a new link',
  resetLinkInvalidBody: 'Links to choose a new password work once, for 60 minutes. Request a new one.',
};

export type PasswordResetMessages = typeof passwordReset;
