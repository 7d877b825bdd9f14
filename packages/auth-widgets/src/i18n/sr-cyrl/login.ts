import type { LoginMessages } from '../en/login.js';

/** Serbian (Cyrillic) texts of `<egov-login>`; the Latin ones are derived from them. */
export const login: LoginMessages = {
  loginHeading: 'Пријава',
  loginMethods: 'Начин пријаве',
  tabCertificate: 'Квалификовани електронски сертификат',
  tabPassword: 'Корисничко име и лозинка',
  certificateHeading: 'Пријава квалификованим електронским сертификатом',
  passwordHeading: 'Пријава корисничким именом и лозинком',
  emailHint: 'Адреса електронске поште коју сте навели при регистрацији',
  passwordLabel: 'Лозинка',
  loggingIn: 'Пријављивање…',
  passwordForgotten: 'Заборављена лозинка?',
  noAccount: 'Још немате кориснички налог?',
  createAccount: 'Креирајте кориснички налог',
  invalidCredentials: 'Погрешна адреса електронске поште или лозинка',
  passwordLoginSuspended:
    'Пријава лозинком на овај налог је привремено искључена после превише погрешних лозинки. Изаберите „Заборављена лозинка?“ да бисте поставили нову лозинку или се пријавите квалификованим електронским сертификатом.',
  notConfirmedTitle: 'Потврдите адресу електронске поште',
  notConfirmedBody:
    'Ваша адреса електронске поште још није потврђена. Отворите линк из поруке коју смо вам послали при регистрацији. Порука може бити у фасцикли за нежељену пошту (Junk/Spam).',
  pendingTitle: 'Ваш налог чека проверу',
  pendingBody:
    'Овлашћено лице проверава ваша документа, најкасније у року од 24 часа. Када налог постане активан, добићете поруку електронском поштом.',
  rejectedTitle: 'Ваша регистрација није одобрена',
  rejectedBody: 'Овлашћено лице је проверило ваша документа и није одобрило ваш налог.',
  rejectedReason: 'Образложење:',
  loggedInHeading: 'Пријављени сте',
  loggedInAs: (email: string) => `Пријављени сте као ${email}.`,
  certificateLoginButton: 'Пријавите се сертификатом',
  certificateNotRegisteredTitle: 'Овај сертификат још није регистрован',
  certificateNotRegisteredBody: 'Креирајте кориснички налог овим сертификатом: ваше име и матични број преузимају се из њега.',
};
