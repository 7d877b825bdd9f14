import type { LoginMessages } from '../en/login.js';

/** Turkish texts of `<egov-login>`. */
export const login: LoginMessages = {
  loginHeading: 'Giriş',
  loginMethods: 'Giriş yöntemi',
  tabCertificate: 'Nitelikli elektronik sertifika',
  tabPassword: 'Kullanıcı adı ve şifre',
  certificateHeading: 'Nitelikli elektronik sertifikayla giriş',
  passwordHeading: 'Kullanıcı adı ve şifreyle giriş',
  emailHint: 'Kaydolurken kullandığınız e-posta adresi',
  passwordLabel: 'Şifre',
  loggingIn: 'Giriş yapılıyor…',
  passwordForgotten: 'Şifrenizi mi unuttunuz?',
  noAccount: 'Henüz kullanıcı hesabınız yok mu?',
  createAccount: 'Kullanıcı hesabı oluşturun',
  certificateLoginButton: 'Sertifikayla giriş yapın',
};
