import type { ProblemMessages } from './problems.js';

/** English texts shared by every element, on its first screen: the e-mail and password fields, the error summary's title. */
export const common = {
  errorSummaryTitle: 'There is a problem',
  errorPrefix: 'Error:',
  emailLabel: 'Username (e-mail address)',
  showPassword: 'Show',
  showPasswordLabel: 'Show password',
  hidePassword: 'Hide',
  hidePasswordLabel: 'Hide password',
  passwordShown: 'Your password is visible',
  passwordHidden: 'Your password is hidden',
  logIn: 'Log in',
  serviceUnavailable: 'The service is not available right now. Nothing you entered is lost. Please try again in a moment.',
};

/** The shared texts every element shows on its first screen. */
export type CommonFirstMessages = typeof common;
/** Every shared text: the first screen's, and the problems and later steps' (en/problems.ts), which `<egov-login>` loads with its first try. */
export type CommonMessages = CommonFirstMessages & ProblemMessages;
