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
  certificateLoginButton: 'Пријавите се сертификатом',
};
