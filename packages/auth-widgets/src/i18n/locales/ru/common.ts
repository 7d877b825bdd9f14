import type { CommonFirstMessages } from '../en/common.js';

/** Russian texts shared by every element, on its first screen: the e-mail and password fields, the error summary's title. */
export const common: CommonFirstMessages = {
  errorSummaryTitle: 'Возникла проблема',
  errorPrefix: 'Ошибка:',
  emailLabel: 'Имя пользователя (адрес электронной почты)',
  showPassword: 'Показать',
  showPasswordLabel: 'Показать пароль',
  hidePassword: 'Скрыть',
  hidePasswordLabel: 'Скрыть пароль',
  passwordShown: 'Пароль виден',
  passwordHidden: 'Пароль скрыт',
  logIn: 'Войти',
  serviceUnavailable: 'Сервис сейчас недоступен. Введённые вами данные не потеряны. Попробуйте ещё раз чуть позже.',
};
