// The live pages' own texts (the mailbox and the reviewer beside each
// journey, and what each page says about itself), in English and Serbian
// (the other languages in ../locales/). As in the kit, Serbian is written once, in Cyrillic, and the
// Latin script is derived from it.
import { transliterateTexts } from '@egov/auth-widgets/i18n/transliterate';

const en = {
  besideLabel: 'Mailbox and review',
  mailboxHeading: 'Mailbox',
  mailboxIntro: 'The mock server sends no e-mail: the messages to the address given in the form come here, with their links.',
  mailboxWaiting: 'Register, or ask for a new password: the messages to that address show up here.',
  /** How many messages the mailbox shows, and to whom. */
  messageCount: (count: number, email: string) => (count === 1 ? `1 message to ${email}.` : `${count} messages to ${email}.`),
  openLogin: 'Open the login page',
  messageText: 'The message',
  reviewIntro: 'What the authorized person sees: approve, or reject with a reason.',
  aboutHeading: 'About this page',
  aboutLogin: 'The mock server has one account for each state the login shows. Five wrong passwords for one address show the throttled state; any other address shows the generic error.',
  accountsHeading: 'Demo accounts',
  accountEmail: 'E-mail address',
  accountPassword: 'Password',
  accountShows: 'Shows',
  showsLoggedIn: 'logged in',
  showsUnconfirmed: 'e-mail address not confirmed',
  showsPending: 'awaiting review',
  showsRejected: 'rejected, with the reason',
  aboutRegister:
    'Registers against the mock server. The confirmation e-mail comes to the mailbox beside; its link opens the confirmation page, where the reviewer beside approves the registration.',
  aboutDocuments:
    'Test documents: any PDF, PNG or JPEG up to 3 MB; three at most (both pages of the document and the page with the foreigner’s number, or one PDF).',
  aboutReset:
    'Step 1 asks for the e-mail address and always answers the same. The e-mail comes to the mailbox beside; its link opens this page again, with the token, for step 2.',
  aboutConfirm:
    'The confirmation e-mail links here with its token. The element asks: confirm, or “This was not me”, which deletes the registration. Nothing is confirmed until the person clicks (a mail scanner that opens the link confirms nothing).',
  aboutConfirmNoToken: 'Opened without a token, it offers to send a new link.',
};

export type LiveTexts = typeof en;

/** Serbian counts: 1, 21, 31 … "порука"; 2–4, 22–24 … "поруке"; else "порука". */
const srMessages = (count: number) => (new Intl.PluralRules('sr').select(count) === 'few' ? 'поруке' : 'порука');

const srCyrl: LiveTexts = {
  besideLabel: 'Пошта и преглед',
  mailboxHeading: 'Поштанско сандуче',
  mailboxIntro: 'Сервер за пробу не шаље електронску пошту: поруке на адресу унету у образац стижу овде, са својим линковима.',
  mailboxWaiting: 'Региструјте се или затражите нову лозинку: поруке на ту адресу појавиће се овде.',
  messageCount: (count: number, email: string) => `${count} ${srMessages(count)} за ${email}.`,
  openLogin: 'Отворите страницу за пријаву',
  messageText: 'Текст поруке',
  reviewIntro: 'Оно што види овлашћено лице: одобрите, или одбијте уз разлог.',
  aboutHeading: 'О овој страници',
  aboutLogin:
    'Сервер за пробу има по један налог за свако стање које пријава приказује. Пет погрешних лозинки за једну адресу приказује привремено искључену пријаву; свака друга адреса приказује општу грешку.',
  accountsHeading: 'Налози за пробу',
  accountEmail: 'Адреса електронске поште',
  accountPassword: 'Лозинка',
  accountShows: 'Приказује',
  showsLoggedIn: 'пријављен',
  showsUnconfirmed: 'адреса електронске поште није потврђена',
  showsPending: 'налог чека проверу',
  showsRejected: 'одбијен, са разлогом',
  aboutRegister:
    'Региструје налог на серверу за пробу. Порука за потврду стиже у поштанско сандуче поред; њен линк отвара страницу за потврду, где овлашћено лице поред одобрава регистрацију.',
  aboutDocuments:
    'Документи за пробу: било који PDF, PNG или JPEG до 3 MB; највише три (обе стране документа и страна са евиденцијским бројем странца, или један PDF).',
  aboutReset:
    'Први корак тражи адресу електронске поште и увек одговара исто. Порука стиже у поштанско сандуче поред; њен линк поново отвара ову страницу, са токеном, за други корак.',
  aboutConfirm:
    'Порука за потврду води овде, са својим токеном. Елемент пита: потврдите, или „Ово није моја регистрација“, што брише регистрацију. Ништа није потврђено док особа не кликне (програм који проверава пошту и отвори линк не потврђује ништа).',
  aboutConfirmNoToken: 'Отворена без токена, страница нуди да пошаље нови линк.',
};

/** The texts written here: English, and Serbian in both scripts. */
export const LIVE_TEXTS: Readonly<Record<'en' | 'sr-Cyrl' | 'sr-Latn', LiveTexts>> = { en, 'sr-Cyrl': srCyrl, 'sr-Latn': transliterateTexts(srCyrl) };

/** The keys of the plain texts: what an element names with `data-live-text` for the page to fill in. */
export type LiveTextKey = { [K in keyof LiveTexts]: LiveTexts[K] extends string ? K : never }[keyof LiveTexts];
