import { plural } from '../../plural.js';

/** English texts of `<egov-certificate-picker>`. */
export const picker = {
  pickerHeading: 'Select a certificate',
  acceptedBodiesSummary: 'Which certificates can I use?',
  acceptedBodiesBody:
    'A qualified electronic certificate issued in the Republic of Serbia by one of these certification bodies. Install it on your computer as its certification body explains:',
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
  agentNotSetUpTitle: 'Certificate login is not set up on this site',
  agentNotSetUpBody:
    'This site has not finished setting up login with a qualified electronic certificate. This is a fault of the site, not of your computer: please tell the site’s administrators, or log in with your username and password.',
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
  noUsableBody: 'A qualified electronic certificate from a certification body in the Republic of Serbia is needed, valid today, with its private key on the card or token.',
  usableCertificates: 'Your certificates',
  issuedBy: (issuer: string) => `Issued by ${issuer}`,
  validUntil: (date: string) => `valid until ${date}`,
  purpose: (purposes: string) => `Purpose: ${purposes}`,
  purposeSigning: 'signing',
  purposeAuthentication: 'authentication',
  purposeSigningAndAuthentication: 'signing and authentication',
  lowerAssuranceNote: 'Not a qualified certificate: this site accepts it at a lower level of assurance.',
  serialNumber: (serial: string) => `Serial number: ${serial}`,
  certificateEmail: (email: string) => `E-mail: ${email}`,
  onToken: (token: string) => `On the card or token: ${token}`,
  useCertificate: 'Use this certificate',
  chosenCertificate: 'Chosen certificate',
  chosenMark: 'Chosen',
  chooseAnother: 'Choose another certificate',
  certificateRefused: (reason: string) => `Not accepted: ${reason}.`,
  refusedRevoked: 'its certification body has revoked it',
  refusedOther: 'the site could not verify it',
  hiddenCertificates: (count: number) =>
    `${count} ${plural('en', count, { one: 'certificate', other: 'certificates' })} cannot be used here`,
  hiddenExpired: 'expired',
  hiddenNotYetValid: 'not valid yet',
  hiddenUntrusted: 'issued by a certification body this site does not accept',
  hiddenNoKey: 'its private key is not on the card or token',
  hiddenNotQualified: 'not a qualified certificate',
  hiddenAuthenticationOnly: 'the card’s authentication certificate: choose its signing certificate',
  hiddenKeyUsage: 'not meant for signing',
  hiddenInvalidPersonalNumber: 'the personal number (JMBG) in it is not valid',
  pinPreviousWrong: (left: number | undefined) =>
    left === undefined
      ? 'A wrong PIN was entered on this card before. Enter it carefully.'
      : `A wrong PIN was entered on this card before: ${left} ${plural('en', left, { one: 'try', other: 'tries' })} left.`,
  pinFinalTry: 'Last try: one more wrong PIN locks the card.',
  pinLockedWarning: 'The card’s PIN is locked. Choose the certificate to see whom to contact.',
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
  pinLockedBody: 'Only the certification body that issued your certificate can unblock the PIN: contact it, and do not try other PINs meanwhile.',
  caBody: 'Certification body',
  caSite: 'Web site',
  caSupport: 'Support page',
  caPhone: 'Phone',
  caEmail: 'E-mail',
};

export type PickerMessages = typeof picker;
