import type { PasswordResetMessages } from '../en/password-reset.js';

/** Turkish texts of `<egov-password-reset>`. */
export const passwordReset: PasswordResetMessages = {
  resetHeading: 'Şifrenizi mi unuttunuz?',
  resetIntro: 'Kaydolurken kullandığınız e-posta adresini girin. Size yeni bir şifre seçmeniz için bir bağlantı göndereceğiz.',
  resetSentTitle: 'E-postanızı kontrol edin',
  resetSentBody: (email: string) =>
    `${email} adresine ait bir hesap varsa bu adrese yeni bir şifre seçmeniz için bir bağlantı gönderdik. Bağlantı 60 dakika geçerlidir. İleti, istenmeyen e-posta (Junk/Spam) klasöründe olabilir.`,
  newPasswordHeading: 'Yeni bir şifre seçin',
  checkingLink: 'Bağlantınız kontrol ediliyor…',
  changePassword: 'Şifreyi değiştirin',
  changingPassword: 'Değiştiriliyor…',
  passwordChangedTitle: 'Şifreniz değiştirildi',
  passwordChangedBody: 'Yeni şifrenizle giriş yapın. Güvenliğiniz için diğer tüm oturumlarınız kapatıldı.',
  requestNewLink: 'Yeni bağlantı isteyin',
  resetLinkInvalidBody: 'Yeni şifre seçme bağlantıları yalnızca bir kez ve 60 dakika boyunca kullanılabilir. Yeni bir bağlantı isteyin.',
};
