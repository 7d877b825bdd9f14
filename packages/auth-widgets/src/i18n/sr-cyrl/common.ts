import type { CommonMessages } from '../en/common.js';
import { plural } from '../plural.js';

/** Serbian (Cyrillic) texts shared by every element: error summary, configuration problems, e-mail and password fields, service problems; the Latin ones are derived from them. */
export const common: CommonMessages = {
  errorSummaryTitle: 'Постоји проблем',
  errorPrefix: 'Грешка:',
  configErrorTitle: 'Пријава није доступна',
  configErrorBody: 'Ова страница није исправно подешена. Молимо вас да обавестите администраторе сајта.',
  configErrorDetails: 'Детаљи за администраторе сајта',
  certificateIntro:
    'Потребни су вам квалификовани електронски сертификат сертификационог тела у Републици Србији, на паметној картици или токену, и бесплатна апликација Fortify — на оперативном систему Windows, macOS или Linux.',
  emailLabel: 'Корисничко име (адреса електронске поште)',
  showPassword: 'Прикажите',
  showPasswordLabel: 'Прикажите лозинку',
  hidePassword: 'Сакријте',
  hidePasswordLabel: 'Сакријте лозинку',
  passwordShown: 'Лозинка је видљива',
  passwordHidden: 'Лозинка је сакривена',
  logIn: 'Пријавите се',
  emailRequired: 'Унесите адресу електронске поште',
  emailInvalid: 'Унесите адресу електронске поште у исправном облику, на пример ime@primer.rs',
  emailTooLong: (max: number) =>
    `Адреса електронске поште може имати највише ${max} ${plural('sr-Cyrl', max, { one: 'знак', few: 'знака', other: 'знакова' })}`,
  passwordRequired: 'Унесите лозинку',
  passwordTooLong: (max: number) =>
    `Лозинка може имати највише ${max} ${plural('sr-Cyrl', max, { one: 'знак', few: 'знака', other: 'знакова' })}`,
  throttled: (minutes: number, time: string) =>
    `Превише покушаја. Покушајте поново за ${minutes} ${plural('sr-Cyrl', minutes, { one: 'минут', few: 'минута', other: 'минута' })}, после ${time}.`,
  serviceUnavailable:
    'Услуга тренутно није доступна. Ништа од онога што сте унели није изгубљено. Покушајте поново за који тренутак.',
  serviceTimeout: 'Услуга није одговорила на време. Ништа од онога што сте унели није изгубљено. Покушајте поново.',
  unexpectedError: 'Дошло је до грешке. Покушајте поново.',
  loading: 'Учитавање…',
  configLoadFailed: 'Образац није могуће учитати јер услуга тренутно није доступна.',
  tryAgain: 'Покушајте поново',
  send: 'Пошаљите',
  sending: 'Слање…',
  requiredLegend: 'Поља означена звездицом (*) су обавезна.',
  tokenInvalidTitle: 'Овај линк је истекао или је већ искоришћен',
  registerWithCertificate: 'Региструјте се овим сертификатом',
  certificateRejected: 'Овај сертификат није прихваћен. Изаберите други или се пријавите корисничким именом и лозинком.',
};
