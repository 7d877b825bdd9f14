import type { ProblemMessages } from '../en/problems.js';
import { plural } from '../../plural.js';

/** Serbian (Cyrillic) texts of the problems every form may show; the Latin ones are derived from them. */
export const problems: ProblemMessages = {
  emailRequired: 'Унесите адресу електронске поште',
  emailInvalid: 'Унесите адресу електронске поште у исправном облику, на пример ime@primer.rs',
  emailTooLong: (max: number) =>
    `Адреса електронске поште може имати највише ${max} ${plural('sr-Cyrl', max, { one: 'знак', few: 'знака', other: 'знакова' })}`,
  passwordRequired: 'Унесите лозинку',
  passwordTooLong: (max: number) =>
    `Лозинка може имати највише ${max} ${plural('sr-Cyrl', max, { one: 'знак', few: 'знака', other: 'знакова' })}`,
  throttled: (minutes: number, time: string) =>
    `Превише покушаја. Покушајте поново за ${minutes} ${plural('sr-Cyrl', minutes, { one: 'минут', few: 'минута', other: 'минута' })}, после ${time}.`,
  serviceTimeout: 'Услуга није одговорила на време. Ништа од онога што сте унели није изгубљено. Покушајте поново.',
  unexpectedError: 'Дошло је до грешке. Покушајте поново.',
  configLoadFailed: 'Образац није могуће учитати јер услуга тренутно није доступна.',
  tokenInvalidTitle: 'Овај линк је истекао или је већ искоришћен',
  certificateRejected: 'Овај сертификат није прихваћен. Изаберите други или се пријавите корисничким именом и лозинком.',
  configErrorTitle: 'Пријава није доступна',
  configErrorBody: 'Ова страница није исправно подешена. Молимо вас да обавестите администраторе сајта.',
  configErrorDetails: 'Детаљи за администраторе сајта',
  loading: 'Учитавање…',
  tryAgain: 'Покушајте поново',
  send: 'Пошаљите',
  sending: 'Слање…',
  requiredLegend: 'Поља означена звездицом (*) су обавезна.',
  registerWithCertificate: 'Региструјте се овим сертификатом',
};
