// The demo site's own texts (its header, skip link, links and the outbox and
// review page), in the kit's three locales. As in the kit, Serbian is
// written once, in Cyrillic, and the Latin script is derived from it.
import type { Locale } from '@egov/auth-widgets';
import { transliterateTexts } from '@egov/auth-widgets/i18n/transliterate';

const en = {
  skipToMain: 'Skip to main content',
  demoPages: 'Demo pages',
  liveSection: 'Live against the mock server',
  pageLogin: 'Login',
  pageRegister: 'Register',
  pageReset: 'Password reset',
  pageConfirm: 'E-mail confirmation',
  pageStates: 'Picker states',
  pageDev: 'Outbox and review',
  titleLogin: 'Login',
  titleRegister: 'Registration',
  titleConfirm: 'E-mail confirmation',
  titleReset: 'Password reset',
  titleStates: 'Certificate picker states',
  titleDev: 'Outbox and review',
  agentDemo: 'Certificate agent: demo (switch to Fortify)',
  agentFortify: 'Certificate agent: Fortify (switch to demo)',
  backToLogin: 'Back to log in',
  logOut: 'Log out',
  loggedOut: 'You are logged out.',
  logOutFailed: 'You could not be logged out. Try again.',

  outboxHeading: 'Outbox',
  outboxIntro: 'The mock server does not send e-mail: it keeps every message here, with its link.',
  outboxAddress: 'E-mail address',
  showMessages: 'Show messages',
  noMessages: 'No messages to this address.',
  openLink: 'Open the link',
  /** `language`: the message's language, named in its own script; `sentAt`: date and time. */
  messageMeta: (language: string, sentAt: string) => `${language} · sent ${sentAt}`,
  dateTime: (date: string, time: string) => `${date} at ${time}`,
  serverAnswered: (status: number) => `The mock server answered HTTP ${status}.`,
  reviewHeading: 'Registrations awaiting review',
  reviewIntro: 'What the authorized person sees: approve, or reject with a reason. These are development operations; the mock server offers them only when started with',
  refresh: 'Refresh the list',
  nothingToReview: 'Nothing awaits review.',
  reviewUnavailable: (status: number) => `The reviewer operations answered HTTP ${status}. Is the mock server running with --dev and --reviewer-token demo-reviewer?`,
  registeringAs: 'Registering as',
  userTypeCertificate: 'With a qualified electronic certificate',
  registeredAt: 'Registered',
  documents: 'Documents',
  download: 'Download',
  approve: 'Approve',
  rejectReason: 'Reason for rejecting',
  reject: 'Reject',
  approved: (email: string) => `The account of ${email} is approved and active. An e-mail tells them they can log in.`,
  rejected: (email: string) => `The registration of ${email} is rejected. An e-mail tells them why.`,
  decisionFailed: (email: string, status: number) => `The decision on ${email} was not saved: the mock server answered HTTP ${status}.`,
};

export type DemoTexts = typeof en;

const srCyrl: DemoTexts = {
  skipToMain: 'Пређите на главни садржај',
  demoPages: 'Странице демо сајта',
  liveSection: 'Уживо, са сервером за пробу',
  pageLogin: 'Пријава',
  pageRegister: 'Регистрација',
  pageReset: 'Заборављена лозинка',
  pageConfirm: 'Потврда адресе',
  pageStates: 'Стања избора сертификата',
  pageDev: 'Пошта и преглед',
  titleLogin: 'Пријава',
  titleRegister: 'Регистрација',
  titleConfirm: 'Потврда адресе електронске поште',
  titleReset: 'Заборављена лозинка',
  titleStates: 'Стања избора сертификата',
  titleDev: 'Послата пошта и преглед регистрација',
  agentDemo: 'Агент за сертификате: демо (пређите на Fortify)',
  agentFortify: 'Агент за сертификате: Fortify (пређите на демо)',
  backToLogin: 'Назад на пријаву',
  logOut: 'Одјавите се',
  loggedOut: 'Одјављени сте.',
  logOutFailed: 'Одјава није успела. Покушајте поново.',

  outboxHeading: 'Послата пошта',
  outboxIntro: 'Сервер за пробу не шаље електронску пошту: овде чува сваку поруку, са њеном везом.',
  outboxAddress: 'Адреса електронске поште',
  showMessages: 'Прикажите поруке',
  noMessages: 'Нема порука за ову адресу.',
  openLink: 'Отворите везу',
  messageMeta: (language: string, sentAt: string) => `${language} · послато ${sentAt}`,
  dateTime: (date: string, time: string) => `${date} у ${time}`,
  serverAnswered: (status: number) => `Сервер за пробу је одговорио HTTP ${status}.`,
  reviewHeading: 'Регистрације које чекају преглед',
  reviewIntro: 'Оно што види овлашћено лице: одобрите, или одбијте уз разлог. Ово су развојне операције; сервер за пробу их нуди само када је покренут са',
  refresh: 'Освежите списак',
  nothingToReview: 'Ништа не чека преглед.',
  reviewUnavailable: (status: number) =>
    `Операције за преглед су одговориле HTTP ${status}. Да ли је сервер за пробу покренут са --dev и --reviewer-token demo-reviewer?`,
  registeringAs: 'Региструје се као',
  userTypeCertificate: 'Квалификованим електронским сертификатом',
  registeredAt: 'Регистрован',
  documents: 'Документи',
  download: 'Преузмите',
  approve: 'Одобрите',
  rejectReason: 'Разлог одбијања',
  reject: 'Одбијте',
  approved: (email: string) => `Налог ${email} је одобрен и активан. Особа добија поруку да може да се пријави.`,
  rejected: (email: string) => `Регистрација ${email} је одбијена. Особа добија поруку са разлогом.`,
  decisionFailed: (email: string, status: number) => `Одлука о ${email} није сачувана: сервер за пробу је одговорио HTTP ${status}.`,
};

export const DEMO_TEXTS: Record<Locale, DemoTexts> = { en, 'sr-Cyrl': srCyrl, 'sr-Latn': transliterateTexts(srCyrl) };

/** The keys of the plain texts: what an element names with `data-demo-text` for the page to fill in. */
export type DemoTextKey = { [K in keyof DemoTexts]: DemoTexts[K] extends string ? K : never }[keyof DemoTexts];
