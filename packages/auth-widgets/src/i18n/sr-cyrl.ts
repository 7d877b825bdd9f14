import type { Messages } from './en.js';
import { plural } from './plural.js';

/**
 * Serbian in Cyrillic: the source for both Serbian catalogs (Latin is
 * derived from it, see sr-latn.ts). Terms follow the portal's own wording.
 */
export const srCyrl: Messages = {
  language: 'Језик',

  errorSummaryTitle: 'Постоји проблем',
  errorPrefix: 'Грешка:',

  configErrorTitle: 'Пријава није доступна',
  configErrorBody: 'Ова страница није исправно подешена. Молимо вас да обавестите администраторе сајта.',
  configErrorDetails: 'Детаљи за администраторе сајта',

  loginHeading: 'Пријава',
  loginMethods: 'Начин пријаве',
  tabCertificate: 'Квалификовани електронски сертификат',
  tabPassword: 'Корисничко име и лозинка',
  certificateHeading: 'Пријава квалификованим електронским сертификатом',
  certificateComingSoon:
    'Пријава квалификованим електронским сертификатом са паметне картице или токена ускоро ће бити доступна. До тада се пријавите корисничким именом и лозинком.',
  passwordHeading: 'Пријава корисничким именом и лозинком',
  emailLabel: 'Корисничко име (адреса електронске поште)',
  emailHint: 'Адреса електронске поште коју сте навели при регистрацији',
  passwordLabel: 'Лозинка',
  showPassword: 'Прикажи',
  showPasswordLabel: 'Прикажи лозинку',
  hidePassword: 'Сакриј',
  hidePasswordLabel: 'Сакриј лозинку',
  passwordShown: 'Лозинка је видљива',
  passwordHidden: 'Лозинка је сакривена',
  logIn: 'Пријави се',
  loggingIn: 'Пријављивање…',
  passwordForgotten: 'Заборављена лозинка?',
  noAccount: 'Још немате кориснички налог?',
  createAccount: 'Креирај кориснички налог',

  emailRequired: 'Унесите адресу електронске поште',
  emailInvalid: 'Унесите адресу електронске поште у исправном облику, на пример ime@primer.rs',
  emailTooLong: (max: number) =>
    `Адреса електронске поште може имати највише ${max} ${plural('sr-Cyrl', max, { one: 'знак', few: 'знака', other: 'знакова' })}`,
  passwordRequired: 'Унесите лозинку',
  passwordTooLong: (max: number) =>
    `Лозинка може имати највише ${max} ${plural('sr-Cyrl', max, { one: 'знак', few: 'знака', other: 'знакова' })}`,
  invalidCredentials: 'Погрешна адреса електронске поште или лозинка',

  notConfirmedTitle: 'Потврдите адресу електронске поште',
  notConfirmedBody:
    'Ваша адреса електронске поште још није потврђена. Отворите линк из поруке коју смо вам послали при регистрацији. Порука може бити у фолдеру за нежељену пошту (Junk/Spam).',
  pendingTitle: 'Ваш налог чека проверу',
  pendingBody:
    'Овлашћено лице проверава ваша документа, најкасније у року од 24 часа. Када налог постане активан, добићете поруку електронском поштом.',
  rejectedTitle: 'Ваша регистрација није одобрена',
  rejectedBody: 'Овлашћено лице је проверило ваша документа и није одобрило ваш налог.',
  rejectedReason: 'Образложење:',
  throttled: (minutes: number, time: string) =>
    `Превише покушаја. Покушајте поново за ${minutes} ${plural('sr-Cyrl', minutes, { one: 'минут', few: 'минута', other: 'минута' })}, после ${time}.`,
  serviceUnavailable:
    'Услуга тренутно није доступна. Ништа од онога што сте унели није изгубљено. Покушајте поново за који тренутак.',
  serviceTimeout: 'Услуга није одговорила на време. Ништа од онога што сте унели није изгубљено. Покушајте поново.',
  unexpectedError: 'Дошло је до грешке. Покушајте поново.',

  loggedInHeading: 'Пријављени сте',
  loggedInAs: (email: string) => `Пријављени сте као ${email}.`,
};
