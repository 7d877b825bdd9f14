import { asHours, belgradeTime, type ServerTexts } from './server-texts.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The server's English texts: the e-mails, and what `GET /config` names. */
export const en: ServerTexts = {
  dateTime: (ms) => {
    const { day, month, year, time } = belgradeTime(ms);
    return `${day} ${MONTHS[month]} ${year} at ${time}`;
  },
  greeting: 'Hello,',
  signature: 'eGovernment Portal',
  duration: (minutes) => {
    const hours = asHours(minutes);
    if (hours !== null) return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
    return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  },
  confirm_email: {
    subject: 'Confirm your registration',
    body: ({ link }, { reviewed, certificate, validForMinutes = 1440 }) => [
      `A user account was registered on the eGovernment Portal with this e-mail address. To confirm your registration, open this link within ${en.duration(validForMinutes)}:`,
      link,
      'The link can be used once.',
      en.afterConfirming({ reviewed, certificate }),
      'If you did not register, open the link and choose "This was not me": the registration is deleted at once. If you do nothing, a registration that is not confirmed is deleted later.',
    ],
  },
  already_registered: {
    subject: 'Registration with your e-mail address',
    body: () => [
      'Someone, perhaps you, tried to register a new user account on the eGovernment Portal with this e-mail address. You already have a user account with this address, so no new account was created and nothing was changed.',
      'If it was you, log in with your e-mail address and password. If you have forgotten your password, choose "Password forgotten?" on the login page.',
      'If it was not you, you do not need to do anything.',
    ],
  },
  password_reset: {
    subject: 'Choose a new password',
    body: ({ link }, { validForMinutes = 60 }) => [
      `We received a request to set a new password for the user account registered on the eGovernment Portal with this e-mail address. To choose a new password, open this link within ${en.duration(validForMinutes)}:`,
      link,
      'The link can be used once. If you ask for a new password again, this link stops working.',
      'If you did not ask for this, you do not need to do anything: your password stays unchanged.',
    ],
  },
  password_changed: {
    subject: 'Your password was changed',
    body: ({ changedAt }) => [
      `The password of your user account on the eGovernment Portal was changed on ${changedAt} (Belgrade time). For your safety you have been logged out everywhere; log in again with the new password.`,
      'If you did not change your password, choose "Password forgotten?" on the login page at once and set a new one.',
    ],
  },
  account_approved: {
    subject: 'Your user account is active',
    body: ({ link }, { certificate, link: given }) => [
      certificate
        ? 'An authorized person has checked your registration, and your user account on the eGovernment Portal is now active. You can log in with your qualified electronic certificate.'
        : 'An authorized person has checked your documents, and your user account on the eGovernment Portal is now active. You can log in with your e-mail address and password.',
      ...(given ? ['Log in here:', link] : []),
    ],
  },
  account_rejected: {
    subject: 'Your registration was not approved',
    body: ({ reason, link }, { link: given }) => [
      'An authorized person has checked your documents and did not approve your user account on the eGovernment Portal.',
      `The reason, as the authorized person wrote it:\n${reason}`,
      'You can register again with the same e-mail address and the right documents: choose "Create a user account" on the login page. Your earlier registration and its documents are then deleted.',
      ...(given ? [link] : []),
    ],
  },
  certificate_already_registered: {
    subject: 'Registration with your certificate',
    body: () => [
      'Someone, perhaps you, tried to register a new user account on the eGovernment Portal with the qualified electronic certificate that belongs to your user account (the one with this e-mail address). No new account was created and nothing was changed.',
      'If it was you, log in with your qualified electronic certificate: choose "Log in with qualified electronic certificate" on the login page.',
      'If it was not you, someone else is using your certificate: contact the certification body that issued it and ask them to revoke it.',
    ],
  },
  reset_unconfirmed: {
    subject: 'Your registration is not confirmed yet',
    body: ({ link }, { validForMinutes = 1440 }) => [
      `We received a request to set a new password for the user account registered on the eGovernment Portal with this e-mail address. That registration is not confirmed yet, so no password can be set for it. Open this link within ${en.duration(validForMinutes)}:`,
      link,
      'If you registered, confirm your registration there, then log in.',
      'If you did not register, choose "This was not me" there: the registration, and anything it was linked to, is deleted at once, and you can register this address yourself.',
    ],
  },
  reset_certificate_account: {
    subject: 'Your user account has no password',
    body: () => [
      'We received a request to set a new password for the user account registered on the eGovernment Portal with this e-mail address. That account logs in with a qualified electronic certificate and has no password, so none was set and nothing was changed.',
      'To log in, choose "Log in with qualified electronic certificate" on the login page.',
      'If you did not register an account with a certificate, someone else registered this address with theirs: tell the portal\'s support, who can delete it.',
    ],
  },
  password_login_suspended: {
    subject: 'Password login to your account is paused',
    body: () => [
      'Someone tried to log in to your user account on the eGovernment Portal with a wrong password many times in a row. To protect the account, logging in with a password is paused. Nobody has logged in, and nothing in your account was changed.',
      'To log in again, choose "Password forgotten?" on the login page and set a new password: the link we send you works even now. If your account has a qualified electronic certificate, logging in with it still works.',
      'If it was you, setting a new password is all you need to do. If it was not, choose a password you use nowhere else.',
    ],
  },
  afterConfirming: ({ reviewed, certificate }) => {
    const junk = 'Our messages may arrive in your Junk/Spam folder, so please look there too.';
    if (certificate) {
      return reviewed
        ? `After you confirm, an authorized person checks your registration. Your user account becomes active when it has been checked, within 24 hours at the latest, and we will send you another e-mail then. ${junk}`
        : `After you confirm, your user account is active and you can log in with your qualified electronic certificate. ${junk}`;
    }
    return reviewed
      ? `After you confirm, an authorized person checks the identity documents you attached. Your user account becomes active when the documents have been checked, within 24 hours at the latest, and we will send you another e-mail then. ${junk}`
      : `After you confirm, your user account is active and you can log in with your e-mail address and password. ${junk}`;
  },
  userTypes: { foreign_citizen: 'Foreign citizen', serbian_citizen: 'Citizen of the Republic of Serbia' },
  pinUnblock: (note) =>
    `If you have entered a wrong PIN more than four times in a row, the token may be locked, and no web site can unlock it. If that happened, or you have forgotten your PIN, contact the certification body that issued your certificate: it tells you how to unblock the token or get a new PIN.${note ? ` ${note}` : ''} Have your identity document at hand, and do not try other PINs in the meantime.`,
  pinNotes: { mup: 'For the certificate on your identity card, that is the Ministry of Interior.' },
};
