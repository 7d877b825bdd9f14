import { plural } from './plural.js';

/**
 * English texts: the source catalog. Every other catalog must have the same
 * keys with the same parameters (the `Messages` type checks it).
 */
export const en = {
  language: 'Language',

  errorSummaryTitle: 'There is a problem',
  errorPrefix: 'Error:',

  configErrorTitle: 'Login is not available',
  configErrorBody: 'This page is not set up correctly. Please tell the site’s administrators.',
  configErrorDetails: 'Details for the site’s administrators',

  loginHeading: 'Log in',
  loginMethods: 'Login method',
  tabCertificate: 'Qualified electronic certificate',
  tabPassword: 'Username and password',
  certificateHeading: 'Log in with qualified electronic certificate',
  certificateComingSoon:
    'Login with a qualified electronic certificate on a smart card or token is coming soon. Until then, please log in with your username and password.',
  passwordHeading: 'Log in with username and password',
  emailLabel: 'Username (e-mail address)',
  emailHint: 'The e-mail address you registered with',
  passwordLabel: 'Password',
  showPassword: 'Show',
  showPasswordLabel: 'Show password',
  hidePassword: 'Hide',
  hidePasswordLabel: 'Hide password',
  passwordShown: 'Your password is visible',
  passwordHidden: 'Your password is hidden',
  logIn: 'Log in',
  loggingIn: 'Logging in…',
  passwordForgotten: 'Password forgotten?',
  noAccount: 'No user account yet?',
  createAccount: 'Create a user account',

  emailRequired: 'Enter your e-mail address',
  emailInvalid: 'Enter an e-mail address in the correct format, like name@example.com',
  emailTooLong: (max: number) => `The e-mail address must be ${max} characters or fewer`,
  passwordRequired: 'Enter your password',
  passwordTooLong: (max: number) => `The password must be ${max} characters or fewer`,
  invalidCredentials: 'Wrong e-mail address or password',

  notConfirmedTitle: 'Confirm your e-mail address',
  notConfirmedBody:
    'Your e-mail address is not confirmed yet. Open the link in the message we sent you when you registered. The message may be in the Junk/Spam folder.',
  pendingTitle: 'Your account is awaiting review',
  pendingBody:
    'An authorized person is checking your documents, within 24 hours at the latest. You will get an e-mail when your account is active.',
  rejectedTitle: 'Your registration was not approved',
  rejectedBody: 'An authorized person checked your documents and could not approve your account.',
  rejectedReason: 'Reason:',
  throttled: (minutes: number, time: string) =>
    `Too many attempts. Try again in ${minutes} ${plural('en', minutes, { one: 'minute', other: 'minutes' })}, after ${time}.`,
  serviceUnavailable: 'The service is not available right now. Nothing you entered is lost. Please try again in a moment.',
  serviceTimeout: 'The service did not answer in time. Nothing you entered is lost. Please try again.',
  unexpectedError: 'Something went wrong. Please try again.',

  loggedInHeading: 'You are logged in',
  loggedInAs: (email: string) => `You are logged in as ${email}.`,
};

type Message = string | ((...args: never[]) => string);

/** The shape every catalog has: the English keys, with the same parameters. */
export type Messages = { [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string ? (...args: A) => string : string };

// Compile-time check that every entry is a text or a text-making function.
en satisfies Record<string, Message>;
