import type { ProblemMessages } from './problems.js';

/** English texts shared by every element, on its first screen: error summary, configuration problems, e-mail and password fields. */
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
  serviceUnavailable: 'The service is not available right now. Nothing you entered is lost. Please try again in a moment.',
  loading: 'Loading…',
  tryAgain: 'Try again',
  send: 'Send',
  sending: 'Sending…',
  requiredLegend: 'Fields marked with an asterisk (*) are required.',
  registerWithCertificate: 'Register with this certificate',
};

/** The shared texts every element shows on its first screen. */
export type CommonFirstMessages = typeof common;
/** Every shared text: the first screen's, and the problems (en/problems.ts), which `<egov-login>` loads with its first try. */
export type CommonMessages = CommonFirstMessages & ProblemMessages;
