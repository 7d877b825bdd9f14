import type { LoginMessages } from '../en/login.js';

/** Ukrainian texts of `<egov-login>`. */
export const login: LoginMessages = {
  loginHeading: 'Вхід',
  loginMethods: 'Спосіб входу',
  tabCertificate: 'Кваліфікований електронний сертифікат',
  tabPassword: 'Ім’я користувача та пароль',
  certificateHeading: 'Вхід за допомогою кваліфікованого електронного сертифіката',
  passwordHeading: 'Вхід за допомогою імені користувача та пароля',
  emailHint: 'Адреса електронної пошти, з якою ви зареєструвалися',
  passwordLabel: 'Пароль',
  loggingIn: 'Виконується вхід…',
  passwordForgotten: 'Забули пароль?',
  noAccount: 'Ще не маєте облікового запису?',
  createAccount: 'Створити обліковий запис',
  certificateLoginButton: 'Увійти за допомогою сертифіката',
};
