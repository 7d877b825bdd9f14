import type { OutboxKind } from '@egov/auth-widgets/contract';
import type { Locale } from '@egov/auth-widgets/i18n/locales';
import { plural } from '@egov/auth-widgets/i18n/plural';
import { cyrillicToLatin } from '@egov/auth-widgets/i18n/transliterate';

/** What a message may need besides its kind and language. */
export interface MessageParams {
  /** The confirmation or reset link. */
  link?: string;
  /** How long the link is valid, in minutes. */
  validForMinutes?: number;
  /** The account waits for a review of its documents after confirming (else it is active at once). */
  reviewed?: boolean;
  /** The account was registered with a qualified electronic certificate (it logs in with it, and has no documents). */
  certificate?: boolean;
  /** The reviewer's reason (account_rejected); plain text, inserted as is. */
  reason?: string;
  /** When the password was changed (ms since the epoch). */
  changedAt?: number;
}

export interface ComposedMessage {
  subject: string;
  text: string;
}

/** Strings inserted into a template: free text the transliteration must not touch. */
interface Slots {
  link: string;
  reason: string;
  changedAt: string;
}

interface Template {
  subject: string;
  body: (slots: Slots, params: MessageParams) => string[];
}

type Catalog = Record<OutboxKind, Template> & { greeting: string; signature: string; duration: (minutes: number) => string };

/** Times in e-mails are the portal's local time. */
const TIME_ZONE = 'Europe/Belgrade';

const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  // Genitive, as a date is written in a sentence: „1. јануара 2030.“
  'sr-Cyrl': ['јануара', 'фебруара', 'марта', 'априла', 'маја', 'јуна', 'јула', 'августа', 'септембра', 'октобра', 'новембра', 'децембра'],
};

/** "1 January 2030 at 13:30" / "1. јануара 2030. у 13:30", in the portal's time zone. */
function formatTime(locale: Locale, ms: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(ms)
      .map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  const day = Number(parts.day);
  const month = Number(parts.month) - 1;
  const time = `${parts.hour}:${parts.minute}`;
  if (locale === 'en') return `${day} ${MONTHS.en[month]} ${parts.year} at ${time}`;
  const cyrillic = `${day}. ${MONTHS['sr-Cyrl'][month]} ${parts.year}. у ${time}`;
  return locale === 'sr-Latn' ? cyrillicToLatin(cyrillic) : cyrillic;
}

/** 24 h reads better as hours, 60 min as minutes. */
function asHours(minutes: number): number | null {
  return minutes >= 120 && minutes % 60 === 0 ? minutes / 60 : null;
}

/** What happens after the confirmation, by how the account was registered and whether it is reviewed. */
const afterConfirming: Record<'en' | 'sr-Cyrl', (how: { reviewed?: boolean; certificate?: boolean }) => string> = {
  en: ({ reviewed, certificate }) => {
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
  'sr-Cyrl': ({ reviewed, certificate }) => {
    const junk = 'Наше поруке могу стићи у фасциклу за нежељену пошту (Junk/Spam), па проверите и њега.';
    if (certificate) {
      return reviewed
        ? `Након потврде, овлашћено лице проверава вашу регистрацију. Ваш кориснички налог постаје активан када регистрација буде проверена, најкасније у року од 24 часа, и тада ћемо вам послати још једну поруку. ${junk}`
        : `Након потврде ваш кориснички налог је активан и можете се пријавити квалификованим електронским сертификатом. ${junk}`;
    }
    return reviewed
      ? `Након потврде, овлашћено лице проверава лична документа која сте приложили. Ваш кориснички налог постаје активан када документа буду проверена, најкасније у року од 24 часа, и тада ћемо вам послати још једну поруку. ${junk}`
      : `Након потврде ваш кориснички налог је активан и можете се пријавити адресом електронске поште и лозинком. ${junk}`;
  },
};

const en: Catalog = {
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
      afterConfirming.en({ reviewed, certificate }),
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
};

/** Serbian is written once, in Cyrillic; the Latin messages are derived from it (GLOSSARY.md). */
const srCyrl: Catalog = {
  greeting: 'Поштовани,',
  signature: 'Портал еУправа',
  duration: (minutes) => {
    const hours = asHours(minutes);
    if (hours !== null) return `${hours} ${plural('sr-Cyrl', hours, { one: 'час', few: 'часа', other: 'часова' })}`;
    return `${minutes} ${plural('sr-Cyrl', minutes, { one: 'минут', few: 'минута', other: 'минута' })}`;
  },
  confirm_email: {
    subject: 'Потврдите регистрацију',
    body: ({ link }, { reviewed, certificate, validForMinutes = 1440 }) => [
      `На Порталу еУправа регистрован је кориснички налог са овом адресом електронске поште. Да бисте потврдили регистрацију, отворите следећи линк у року од ${srCyrl.duration(validForMinutes)}:`,
      link,
      'Линк се може употребити само једном.',
      afterConfirming['sr-Cyrl']({ reviewed, certificate }),
      'Ако се нисте регистровали, отворите линк и изаберите „Ово није моја регистрација“: регистрација ће одмах бити обрисана. Ако ништа не урадите, регистрација која није потврђена биће касније обрисана.',
    ],
  },
  already_registered: {
    subject: 'Покушај регистрације са вашом адресом електронске поште',
    body: () => [
      'Неко, можда ви, покушао је да на Порталу еУправа региструје нови кориснички налог са овом адресом електронске поште. Кориснички налог са овом адресом већ постоји, па нови налог није креиран и ништа није промењено.',
      'Ако сте то били ви, пријавите се адресом електронске поште и лозинком. Ако сте заборавили лозинку, изаберите „Заборављена лозинка?“ на страници за пријаву.',
      'Ако то нисте били ви, не морате ништа да радите.',
    ],
  },
  password_reset: {
    subject: 'Избор нове лозинке',
    body: ({ link }, { validForMinutes = 60 }) => [
      `Примили смо захтев за избор нове лозинке за кориснички налог на Порталу еУправа регистрован са овом адресом електронске поште. Да бисте изабрали нову лозинку, отворите следећи линк у року од ${srCyrl.duration(validForMinutes)}:`,
      link,
      'Линк се може употребити само једном. Ако поново затражите нову лозинку, овај линк више неће важити.',
      'Ако нисте ви поднели овај захтев, не морате ништа да радите: ваша лозинка остаје непромењена.',
    ],
  },
  password_changed: {
    subject: 'Ваша лозинка је промењена',
    body: ({ changedAt }) => [
      `Лозинка вашег корисничког налога на Порталу еУправа промењена је ${changedAt} (по београдском времену). Ради ваше безбедности одјављени сте на свим уређајима; пријавите се поново новом лозинком.`,
      'Ако ви нисте променили лозинку, одмах изаберите „Заборављена лозинка?“ на страници за пријаву и поставите нову.',
    ],
  },
  account_approved: {
    subject: 'Ваш кориснички налог је активан',
    body: ({ link }, { certificate, link: given }) => [
      certificate
        ? 'Овлашћено лице је проверило вашу регистрацију и ваш кориснички налог на Порталу еУправа сада је активан. Можете се пријавити квалификованим електронским сертификатом.'
        : 'Овлашћено лице је проверило ваша документа и ваш кориснички налог на Порталу еУправа сада је активан. Можете се пријавити адресом електронске поште и лозинком.',
      ...(given ? ['Пријавите се овде:', link] : []),
    ],
  },
  account_rejected: {
    subject: 'Ваша регистрација није одобрена',
    body: ({ reason, link }, { link: given }) => [
      'Овлашћено лице је проверило ваша документа и није одобрило ваш кориснички налог на Порталу еУправа.',
      `Образложење, онако како га је написало овлашћено лице:\n${reason}`,
      'Можете поново да се региструјете са истом адресом електронске поште и одговарајућим документима: изаберите „Креирајте кориснички налог“ на страници за пријаву. Претходна регистрација и њена документа тада се бришу.',
      ...(given ? [link] : []),
    ],
  },
  certificate_already_registered: {
    subject: 'Покушај регистрације вашим сертификатом',
    body: () => [
      'Неко, можда ви, покушао је да на Порталу еУправа региструје нови кориснички налог квалификованим електронским сертификатом који припада вашем корисничком налогу (налогу са овом адресом електронске поште). Нови налог није креиран и ништа није промењено.',
      'Ако сте то били ви, пријавите се квалификованим електронским сертификатом: на страници за пријаву изаберите „Пријава квалификованим електронским сертификатом“.',
      'Ако то нисте били ви, неко други користи ваш сертификат: обратите се сертификационом телу које га је издало и затражите да га опозове.',
    ],
  },
  reset_unconfirmed: {
    subject: 'Ваша регистрација још није потврђена',
    body: ({ link }, { validForMinutes = 1440 }) => [
      `Примили смо захтев за избор нове лозинке за кориснички налог на Порталу еУправа регистрован са овом адресом електронске поште. Та регистрација још није потврђена, па за њу није могуће поставити лозинку. Отворите следећи линк у року од ${srCyrl.duration(validForMinutes)}:`,
      link,
      'Ако сте се ви регистровали, тамо потврдите регистрацију, па се пријавите.',
      'Ако се нисте регистровали, тамо изаберите „Ово није моја регистрација“: регистрација и све што је за њу везано биће одмах обрисани, а ову адресу можете сами да региструјете.',
    ],
  },
  reset_certificate_account: {
    subject: 'Ваш кориснички налог нема лозинку',
    body: () => [
      'Примили смо захтев за избор нове лозинке за кориснички налог на Порталу еУправа регистрован са овом адресом електронске поште. Тај налог се пријављује квалификованим електронским сертификатом и нема лозинку, па лозинка није постављена и ништа није промењено.',
      'Да бисте се пријавили, на страници за пријаву изаберите „Пријава квалификованим електронским сертификатом“.',
      'Ако нисте регистровали налог сертификатом, неко други је ову адресу регистровао својим сертификатом: обратите се подршци портала, која може да га обрише.',
    ],
  },
  password_login_suspended: {
    subject: 'Пријава лозинком на ваш налог је привремено искључена',
    body: () => [
      'Неко је много пута заредом покушао да се пријави на ваш кориснички налог на Порталу еУправа погрешном лозинком. Да бисмо заштитили налог, пријава лозинком је привремено искључена. Нико се није пријавио и ништа на вашем налогу није промењено.',
      'Да бисте се поново пријавили, на страници за пријаву изаберите „Заборављена лозинка?“ и изаберите нову лозинку: линк који вам пошаљемо ради и сада. Ако ваш налог има квалификовани електронски сертификат, пријава њиме и даље ради.',
      'Ако сте то били ви, довољно је да изаберете нову лозинку. Ако нисте, изаберите лозинку коју нигде другде не користите.',
    ],
  },
};

function render(catalog: Catalog, kind: OutboxKind, slots: Slots, params: MessageParams): ComposedMessage {
  const template = catalog[kind];
  return { subject: template.subject, text: [catalog.greeting, ...template.body(slots, params), catalog.signature].join('\n\n') };
}

/** Private-use characters around a slot name: untouched by transliteration, never in real text. */
const slot = (name: keyof Slots) => `\u{E000}${name}\u{E001}`;

/**
 * One e-mail, as plain text (no HTML: the reviewer's reason and the user's
 * data are never markup). Serbian Latin is the Cyrillic text transliterated;
 * the link, the reason and the time are put in afterwards, so they are never
 * transliterated themselves.
 */
export function composeMessage(kind: OutboxKind, locale: Locale, params: MessageParams = {}): ComposedMessage {
  const values: Slots = {
    link: params.link ?? '',
    reason: params.reason ?? '',
    changedAt: params.changedAt === undefined ? '' : formatTime(locale, params.changedAt),
  };
  if (locale === 'en') return render(en, kind, values, params);
  if (locale === 'sr-Cyrl') return render(srCyrl, kind, values, params);
  const marked = render(srCyrl, kind, { link: slot('link'), reason: slot('reason'), changedAt: slot('changedAt') }, params);
  const fill = (value: string) =>
    cyrillicToLatin(value).replace(/\u{E000}(\w+)\u{E001}/gu, (_, name: keyof Slots) => values[name]);
  return { subject: fill(marked.subject), text: fill(marked.text) };
}
