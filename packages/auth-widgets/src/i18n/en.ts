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
  certificateIntro:
    'You need a qualified electronic certificate from a certification body in the Republic of Serbia, on a smart card or token, and the free Fortify app — on Windows, macOS or Linux.',
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
  userTypeLegend: 'I am registering as',
  userTypeForeignCitizen: 'Foreign citizen',
  userTypeSerbianCitizen: 'Citizen of the Republic of Serbia',
  personalDetailsLegend: 'Personal details',
  givenNameLabel: 'Given name',
  surnameLabel: 'Surname',
  dateOfBirthLabel: 'Date of birth',
  dateOfBirthHint: 'For example, 27 3 1985',
  day: 'Day',
  month: 'Month',
  year: 'Year',
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

  // <egov-certificate-picker> and certificate login / registration
  pickerHeading: 'Select a certificate',
  agentLooking: 'Looking for the certificate agent on this computer…',
  agentSoftLabel: 'Demo agent with test keys — not a real smart card',
  agentNotInstalledTitle: 'Install the Fortify app',
  agentNotInstalledBody:
    'To use a qualified electronic certificate on a smart card or token, this site talks to the free Fortify app on your computer (Windows, macOS or Linux). Install it, start it, then try again.',
  agentDownload: 'Download Fortify',
  agentNotRunningTitle: 'Start the Fortify app',
  agentNotRunningBody:
    'Fortify was used on this computer before but does not answer now. Start it, then try again. If it is running, restart it (or reinstall it) so the browser trusts its connection.',
  agentBlockedTitle: 'Your browser blocked the connection to Fortify',
  agentBlockedBody:
    'Allow this site to access devices on your local network: open the site settings (the icon left of the address), allow “Local network access”, then try again.',
  agentPageBlockedTitle: 'Certificates cannot be used on this page',
  agentPageBlockedBody:
    'The page’s security settings do not let it talk to the Fortify app. This is a fault of the site, not of your computer: please tell the site’s administrators.',
  agentTlsTitle: 'Your browser does not trust Fortify’s connection',
  agentTlsBody: 'Restart Fortify so it can install its certificate, or reinstall it, then try again.',
  agentApproveTitle: 'Approve this site in Fortify',
  agentApproveBody: 'Fortify shows a code. If it is the same as this one, approve the site in Fortify:',
  agentDeniedTitle: 'This site was not approved in Fortify',
  agentDeniedBody: 'To log in with your certificate, approve this site when Fortify asks. Try again to get the question again.',
  noTokenTitle: 'Insert your smart card or token',
  noTokenBody: 'No smart card or token was found. Insert it (with its reader), wait a moment, then try again.',
  tokenRemovedTitle: 'The smart card or token was removed',
  tokenRemovedBody: 'Insert it again and try again.',
  noUsableTitle: 'None of your certificates can be used here',
  noUsableBody: 'A qualified electronic certificate from a certification body in the Republic of Serbia is needed, valid today, with its private key on the card.',
  usableCertificates: 'Your certificates',
  issuedBy: (issuer: string) => `Issued by ${issuer}`,
  validUntil: (date: string) => `Valid until ${date}`,
  onToken: (token: string) => `On: ${token}`,
  useCertificate: 'Use this certificate',
  hiddenCertificates: (count: number) =>
    `${count} ${plural('en', count, { one: 'certificate', other: 'certificates' })} on the card cannot be used`,
  hiddenExpired: 'expired',
  hiddenNotYetValid: 'not valid yet',
  hiddenUntrusted: 'issued by a certification body this site does not accept',
  hiddenNoKey: 'its private key is not on the card',
  hiddenNotQualified: 'not a qualified certificate',
  hiddenKeyUsage: 'not meant for signing',
  pinPreviousWrong: (left: number | undefined) =>
    left === undefined
      ? 'A wrong PIN was entered on this card before. Enter it carefully.'
      : `A wrong PIN was entered on this card before: ${left} ${plural('en', left, { one: 'try', other: 'tries' })} left.`,
  pinFinalTry: 'Last try: one more wrong PIN locks the card.',
  pinWrong: (left: number | undefined) =>
    left === undefined ? 'Wrong PIN.' : `Wrong PIN: ${left} ${plural('en', left, { one: 'try', other: 'tries' })} left.`,
  pinLockedTitle: 'The card’s PIN is locked',
  pinEnterInAgent: (agent: string) => `Enter the PIN in the ${agent} window.`,
  signingCancelled: 'You closed the PIN window. Choose the certificate again to continue.',
  peculiarIntro:
    'The list below is shown by the Fortify app, in English. Choose your certificate and select “Continue”. Fortify asks for your PIN in its own window: never type it on this page.',
  certificateChoiceCancelled: 'You cancelled the choice of a certificate. Choose a certificate to continue.',
  certificateNotUsable: (reason: string) => `This certificate cannot be used here: ${reason}. Choose another one.`,
  signFailed: 'The card could not sign. Try again; if it keeps failing, take the card out and insert it again.',
  agentErrorTitle: 'The certificate agent reported an error',
  agentErrorBody: 'Try again. If it happens again, close the Fortify app, start it again and try once more.',
  contactCa: 'Contact the certification body that issued your certificate:',
  caSite: 'Web site',
  caSupport: 'Support',
  certificateLoginButton: 'Log in with the certificate',
  certificateNotRegisteredTitle: 'This certificate is not registered yet',
  certificateNotRegisteredBody: 'Create a user account with this certificate: your name and personal number are taken from it.',
  registerWithCertificate: 'Register with this certificate',
  certificateRejected: 'This certificate was not accepted. Choose another one, or log in with your username and password.',
  certificateDataLegend: 'Data from your certificate',
  personalNumberLabel: 'Personal number (JMBG)',
  certificateEmailHint: 'Taken from your certificate; you may change it. We will send a confirmation link to it.',
  certificateNoEmailHint: 'Your certificate has no e-mail address. Enter one: we will send a confirmation link to it.',
};

type Message = string | ((...args: never[]) => string);

/** The shape every catalog has: the English keys, with the same parameters. */
export type Messages = { [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string ? (...args: A) => string : string };

// Compile-time check that every entry is a text or a text-making function.
en satisfies Record<string, Message>;
