import { plural } from '../plural.js';

/** English texts of the problems every form may show: field checks, the service down, slow or refusing, links that no longer work. */
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
};

export type ProblemMessages = typeof problems;
