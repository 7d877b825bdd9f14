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

  // shared by the forms
  loading: 'Loading…',
  configLoadFailed: 'The form could not be loaded because the service is not available right now.',
  tryAgain: 'Try again',
  send: 'Send',
  sending: 'Sending…',
  requiredLegend: 'Fields marked * are required.',
  fieldTooLong: (max: number) => `Use ${max} characters or fewer`,
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
  tokenInvalidTitle: 'This link has expired or has already been used',

  // <egov-email-confirm>
  confirmHeading: 'Confirm your registration',
  confirming: 'Confirming your e-mail address…',
  confirmedTitle: 'Your e-mail address is confirmed',
  alreadyConfirmedTitle: 'Your e-mail address was already confirmed',
  awaitingReviewBody:
    'Your account becomes active after an authorized person checks your documents, within 24 hours at the latest. You will get another e-mail then; it may be in the Junk/Spam folder.',
  accountActiveBody: 'Your account is active. You can log in now.',
  confirmLinkMissingTitle: 'Open the link from your e-mail',
  newConfirmationLinkBody: 'Enter the e-mail address you registered with and we will send you a new confirmation link.',
  sendNewLink: 'Send a new link',
  confirmationResent: (email: string) =>
    `If ${email} is waiting for confirmation, we have sent a new link to it. The message may be in the Junk/Spam folder.`,

  // <egov-password-reset>
  resetHeading: 'Password forgotten?',
  resetIntro: 'Enter the e-mail address you registered with. We will send you a link to choose a new password.',
  resetSentTitle: 'Check your e-mail',
  resetSentBody: (email: string) =>
    `If there is an account for ${email}, we have sent it a link to choose a new password. The link works for 60 minutes. The message may be in the Junk/Spam folder.`,
  newPasswordHeading: 'Choose a new password',
  changePassword: 'Change password',
  changingPassword: 'Changing…',
  passwordChangedTitle: 'Your password has been changed',
  passwordChangedBody: 'Log in with your new password. For your safety, you have been logged out everywhere else.',
  requestNewLink: 'Request a new link',
  resetLinkInvalidBody: 'Links to choose a new password work once, for 60 minutes. Request a new one.',

  // <egov-register>
  registerHeading: 'Create a user account',
  registerMethods: 'Registration method',
  tabRegisterPassword: 'Register with username and password',
  tabRegisterCertificate: 'Register with qualified electronic certificate',
  registerCertificateHeading: 'Register with qualified electronic certificate',
  registerCertificateComingSoon:
    'Registration with a qualified electronic certificate on a smart card or token, issued by a certification body in the Republic of Serbia, is coming soon — on Windows, macOS and Linux. Until then, register with your username and password.',
  userTypeLegend: 'I am registering as',
  userTypeForeignCitizen: 'Foreign citizen',
  userTypeSerbianCitizen: 'Citizen of the Republic of Serbia',
  personalDetailsLegend: 'Personal details',
  givenNameLabel: 'Given name',
  surnameLabel: 'Surname',
  dateOfBirthLabel: 'Date of birth',
  sexLegend: 'Sex',
  sexFemale: 'Female',
  sexMale: 'Male',
  sexUnspecified: 'Unspecified (X)',
  citizenshipLabel: 'Citizenship',
  chooseCountry: 'Choose a country',
  documentNumberLabel: 'Passport or identity document number',
  foreignerNumberLabel: 'Foreigner’s registration number',
  foreignerNumberHint:
    'You got this 13-digit number when you registered your residence in the Republic of Serbia for more than 90 days. It is written in your passport.',
  noForeignerNumber: 'I don’t have it / I forgot it',
  addressLabel: 'Address in Serbia',
  phoneLabel: 'Phone number',
  phoneHint: 'With the country code, for example +381 11 123 4567',
  accountLegend: 'Your user account',
  registerEmailLabel: 'E-mail address (your username)',
  registerEmailHint: 'We will send a link to this address to confirm your registration.',
  documentsLegend: 'Identity document',
  documentsHint: (maxFiles: number, maxMegabytes: string) =>
    `Attach a scan or photo of both pages of your passport or identity card. If your passport has the page with your foreigner’s registration number, attach that page too. PDF, PNG or JPEG; at most ${maxFiles} ${plural('en', maxFiles, { one: 'file', other: 'files' })}, ${maxMegabytes} each.`,
  chooseFiles: 'Choose files',
  takePhoto: 'Take a photo',
  dropFiles: 'or drop the files here',
  attachedFiles: 'Attached files',
  removeFile: (name: string) => `Remove ${name}`,
  remove: 'Remove',
  fileWrongType: (name: string) => `${name} is not a PDF, PNG or JPEG file`,
  fileTooLarge: (name: string, maxMegabytes: string) => `${name} is larger than ${maxMegabytes}`,
  filesWrongType: 'Attach only PDF, PNG or JPEG files',
  filesTooLarge: (maxMegabytes: string) => `Each file must be ${maxMegabytes} or smaller`,
  tooManyFiles: (max: number) => `Attach at most ${max} ${plural('en', max, { one: 'file', other: 'files' })}`,
  documentsRequired: 'Attach your identity document',
  consentLabel:
    'I confirm that the information I have given is true, and I agree that it is processed to create and verify my user account.',
  createAccountButton: 'Create user account',
  uploadProgress: (percent: number) => `Sending: ${percent}%`,
  givenNameRequired: 'Enter your given name',
  surnameRequired: 'Enter your surname',
  dateOfBirthRequired: 'Enter your date of birth',
  dateOfBirthInvalid: 'Enter a real date of birth in the past',
  sexRequired: 'Select your sex',
  citizenshipRequired: 'Select your citizenship',
  documentNumberRequired: 'Enter your passport or identity document number',
  documentNumberInvalid: 'Use only letters, numbers, spaces and dashes',
  foreignerNumberRequired: 'Enter your foreigner’s registration number, or select “I don’t have it / I forgot it”',
  foreignerNumberFormat: 'The foreigner’s registration number has exactly 13 digits',
  foreignerNumberDate: 'The first 7 digits of the foreigner’s registration number must be a date of birth (day, month, year)',
  foreignerNumberChecksum: 'This foreigner’s registration number is not valid. Check the digits in your passport.',
  phoneInvalid: 'Enter a phone number, like +381 11 123 4567',
  consentRequired: 'Confirm the information and agree to its processing to create the account',
  invalidChoice: 'Select one of the options',
  checkEmailTitle: 'Check your e-mail',
  checkEmailBody: (email: string) => `We have sent a message to ${email}. Open the link in it to confirm your registration.`,
  checkEmailSpam: 'The message may be in the Junk/Spam folder.',
  checkEmailReview:
    'After you confirm, an authorized person checks your documents within 24 hours. You will get another e-mail when your account is active.',
  resendConfirmation: 'Send the message again',
  confirmationSentAgain: 'We have sent the message again.',
  wrongAddress: 'Wrong e-mail address?',
  startAgain: 'Start again',
  haveAccount: 'Already have a user account?',
};

type Message = string | ((...args: never[]) => string);

/** The shape every catalog has: the English keys, with the same parameters. */
export type Messages = { [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string ? (...args: A) => string : string };

// Compile-time check that every entry is a text or a text-making function.
en satisfies Record<string, Message>;
