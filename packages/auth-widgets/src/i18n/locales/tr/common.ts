import type { CommonFirstMessages } from '../en/common.js';

/** Turkish texts shared by every element on its first screen: the e-mail and password fields, the error summary's title. */
export const common: CommonFirstMessages = {
  errorSummaryTitle: 'Bir sorun var',
  errorPrefix: 'Hata:',
  emailLabel: 'Kullanıcı adı (e-posta adresi)',
  showPassword: 'Gösterin',
  showPasswordLabel: 'Şifreyi gösterin',
  hidePassword: 'Gizleyin',
  hidePasswordLabel: 'Şifreyi gizleyin',
  passwordShown: 'Şifreniz görünüyor',
  passwordHidden: 'Şifreniz gizli',
  logIn: 'Giriş yapın',
  serviceUnavailable:
    'Hizmet şu anda kullanılamıyor. Girdiğiniz bilgilerin hiçbiri kaybolmadı. Lütfen biraz sonra tekrar deneyin.',
};
