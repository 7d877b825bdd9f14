import type { CommonFirstMessages } from '../en/common.js';

/** Serbian (Cyrillic) texts shared by every element: error summary, configuration problems, e-mail and password fields, service problems; the Latin ones are derived from them. */
export const common: CommonFirstMessages = {
  errorSummaryTitle: 'Постоји проблем',
  errorPrefix: 'Грешка:',
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
};
