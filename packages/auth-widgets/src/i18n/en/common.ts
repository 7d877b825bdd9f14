import { plural } from '../plural.js';

/** English texts shared by every element: error summary, configuration problems, e-mail and password fields, service problems. */
export const common = {
  errorSummaryTitle: 'There is a problem',
  errorPrefix: 'Error:',
  configErrorTitle: 'Login is not available',
  configErrorBody: 'This page is not set up correctly. Please tell the site’s administrators.',
  configErrorDetails: 'Details for the site’s administrators',
  certificateIntro:
    'You need a qualified electronic certificate from a certification body in the Republic of Serbia, on a smart card or token, and the free Fortify app — on Windows, macOS or Linux.',
  emailLabel: 'Username (e-mail address)',
  showPassword: 'Show',
  showPasswordLabel: 'Show password',
  hidePassword: 'Hide',
  hidePasswordLabel: 'Hide password',
  passwordShown: 'Your password is visible',
  passwordHidden: 'Your password is hidden',
  logIn: 'Log in',
  emailRequired: 'Enter your e-mail address',
  emailInvalid: 'Enter an e-mail address in the correct format, like name@example.com',
  emailTooLong: (max: number) => `The e-mail address must be ${max} characters or fewer`,
  passwordRequired: 'Enter your password',
  passwordTooLong: (max: number) => `The password must be ${max} characters or fewer`,
  throttled: (minutes: number, time: string) =>
    `Too many attempts. Try again in ${minutes} ${plural('en', minutes, { one: 'minute', other: 'minutes' })}, after ${time}.`,
  serviceUnavailable: 'The service is not available right now. Nothing you entered is lost. Please try again in a moment.',
  serviceTimeout: 'The service did not answer in time. Nothing you entered is lost. Please try again.',
  unexpectedError: 'Something went wrong. Please try again.',
  loading: 'Loading…',
  configLoadFailed: 'The form could not be loaded because the service is not available right now.',
  tryAgain: 'Try again',
  send: 'Send',
  sending: 'Sending…',
  requiredLegend: 'Fields marked with an asterisk (*) are required.',
  tokenInvalidTitle: 'This link has expired or has already been used',
  registerWithCertificate: 'Register with this certificate',
  certificateRejected: 'This certificate was not accepted. Choose another one, or log in with your username and password.',
};

export type CommonMessages = typeof common;
