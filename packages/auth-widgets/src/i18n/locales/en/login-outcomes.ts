/** English texts of what `<egov-login>` shows after a try: wrong credentials, the account's state, logged in. They load with the code that shows them. */
export const loginOutcomes = {
  invalidCredentials: 'Wrong e-mail address or password',
  passwordLoginSuspended:
    'Logging in with a password is paused for this account after too many wrong passwords. Choose “Password forgotten?” to set a new password, or log in with your qualified electronic certificate.',
  notConfirmedTitle: 'Confirm your e-mail address',
  notConfirmedBody:
    'Your e-mail address is not confirmed yet. Open the link in the message we sent you when you registered. The message may be in the Junk/Spam folder.',
  pendingTitle: 'Your account is awaiting review',
  pendingBody:
    'An authorized person is checking your documents, within 24 hours at the latest. You will get an e-mail when your account is active.',
  rejectedTitle: 'Your registration was not approved',
  rejectedBody: 'An authorized person checked your documents and could not approve your account.',
  rejectedReason: 'The reason, as the authorized person wrote it:',
  rejectedNextStep:
    'You can register again with the same e-mail address and the right documents. Your earlier registration and its documents are then deleted.',
  registerAgain: 'Register again',
  loggedInHeading: 'You are logged in',
  loggedInAs: (email: string) => `You are logged in as ${email}.`,
  certificateNotRegisteredTitle: 'This certificate is not registered yet',
  certificateNotRegisteredBody: 'Create a user account with this certificate: your name and personal number are taken from it.',
};

export type LoginOutcomeMessages = typeof loginOutcomes;
