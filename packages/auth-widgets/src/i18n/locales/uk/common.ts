import type { CommonFirstMessages } from '../en/common.js';

/** Ukrainian texts shared by every element, on its first screen: the e-mail and password fields, the error summary's title. */
export const common: CommonFirstMessages = {
  errorSummaryTitle: 'Виникла проблема',
  errorPrefix: 'Помилка:',
  emailLabel: 'Ім’я користувача (адреса електронної пошти)',
  showPassword: 'Показати',
  showPasswordLabel: 'Показати пароль',
  hidePassword: 'Приховати',
  hidePasswordLabel: 'Приховати пароль',
  passwordShown: 'Ваш пароль видно',
  passwordHidden: 'Ваш пароль приховано',
  logIn: 'Увійти',
  serviceUnavailable: 'Сервіс зараз недоступний. Введені вами дані не втрачено. Спробуйте ще раз трохи згодом.',
};
