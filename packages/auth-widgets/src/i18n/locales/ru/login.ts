import type { LoginMessages } from '../en/login.js';

/** Russian texts of `<egov-login>`. */
export const login: LoginMessages = {
  loginHeading: 'Вход',
  loginMethods: 'Способ входа',
  tabCertificate: 'Квалифицированный электронный сертификат',
  tabPassword: 'Имя пользователя и пароль',
  certificateHeading: 'Вход по квалифицированному электронному сертификату',
  passwordHeading: 'Вход по имени пользователя и паролю',
  emailHint: 'Адрес электронной почты, указанный при регистрации',
  passwordLabel: 'Пароль',
  loggingIn: 'Вход…',
  passwordForgotten: 'Забыли пароль?',
  noAccount: 'Ещё нет учётной записи?',
  createAccount: 'Создать учётную запись',
  certificateLoginButton: 'Войти по сертификату',
};
