import type { CommonFirstMessages } from '../en/common.js';

/** Serbian (Cyrillic) texts shared by every element: error summary, configuration problems, e-mail and password fields, service problems; the Latin ones are derived from them. */
export const common: CommonFirstMessages = {
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
  serviceUnavailable:
    'Услуга тренутно није доступна. Ништа од онога што сте унели није изгубљено. Покушајте поново за који тренутак.',
  loading: 'Учитавање…',
  tryAgain: 'Покушајте поново',
  send: 'Пошаљите',
  sending: 'Слање…',
  requiredLegend: 'Поља означена звездицом (*) су обавезна.',
  registerWithCertificate: 'Региструјте се овим сертификатом',
};
