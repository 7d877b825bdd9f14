import { plural } from '../../plural.js';

/** English texts of what the forms show after their first screen: problems (field checks, the service down, slow or refusing, links that no longer work, a page set up wrongly) and the words of later steps. */
export const problems = {
  emailRequired: 'Enter your e-mail address',
  emailInvalid: 'Enter an e-mail address in the correct format, like name@example.com',
  emailTooLong: (max: number) => `The e-mail address must be ${max} characters or fewer`,
  passwordRequired: 'Enter your password',
  passwordTooLong: (max: number) => `The password must be ${max} characters or fewer`,
  throttled: (minutes: number, time: string) =>
    `Too many attempts. Try again in ${minutes} ${plural('en', minutes, { one: 'minute', other: 'minutes' })}, after ${time}.`,
  serviceTimeout: 'The service did not answer in time. Nothing you entered is lost. Please try again.',
  unexpectedError: 'Something went wrong. Please try again.',
  configLoadFailed: 'The form could not be loaded because the service is not available right now.',
  tokenInvalidTitle: 'This link has expired or has already been used',
  certificateRejected: 'This certificate was not accepted. Choose another one, or log in with your username and password.',
  configErrorTitle: 'Login is not available',
  configErrorBody: 'This page is not set up correctly. Please tell the site’s administrators.',
  configErrorDetails: 'Details for the site’s administrators',
  loading: 'Loading…',
  tryAgain: 'Try again',
  send: 'Send',
  sending: 'Sending…',
  requiredLegend: 'Fields marked with an asterisk (*) are required.',
  registerWithCertificate: 'Register with this certificate',
};

export type ProblemMessages = typeof problems;
