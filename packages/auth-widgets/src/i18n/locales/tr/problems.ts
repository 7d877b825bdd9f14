import type { ProblemMessages } from '../en/problems.js';
import { plural } from '../../plural.js';

/** Turkish texts of what the forms show after their first screen: problems and the words of later steps. */
export const problems: ProblemMessages = {
  emailRequired: 'E-posta adresinizi girin',
  emailInvalid: 'E-posta adresini doğru biçimde girin, örneğin ad@example.com',
  emailTooLong: (max: number) => `E-posta adresi en fazla ${max} karakter olabilir`,
  passwordRequired: 'Şifrenizi girin',
  passwordTooLong: (max: number) => `Şifre en fazla ${max} karakter olabilir`,
  // Turkish keeps the noun singular after a numeral ("5 dakika"); the time has no suffix ("saat 13:30 itibarıyla").
  throttled: (minutes: number, time: string) =>
    `Çok fazla deneme yapıldı. ${minutes} ${plural('tr', minutes, { one: 'dakika', other: 'dakika' })} sonra, saat ${time} itibarıyla tekrar deneyin.`,
  serviceTimeout: 'Hizmet zamanında yanıt vermedi. Girdiğiniz bilgilerin hiçbiri kaybolmadı. Lütfen tekrar deneyin.',
  unexpectedError: 'Bir sorun oluştu. Lütfen tekrar deneyin.',
  configLoadFailed: 'Hizmet şu anda kullanılamadığı için form yüklenemedi.',
  tokenInvalidTitle: 'Bu bağlantının süresi dolmuş veya bağlantı daha önce kullanılmış',
  certificateRejected: 'Bu sertifika kabul edilmedi. Başka bir sertifika seçin veya kullanıcı adınız ve şifrenizle giriş yapın.',
  configErrorTitle: 'Giriş yapılamıyor',
  configErrorBody: 'Bu sayfa doğru şekilde ayarlanmamış. Lütfen sitenin yöneticilerine bildirin.',
  configErrorDetails: 'Site yöneticileri için ayrıntılar',
  loading: 'Yükleniyor…',
  tryAgain: 'Tekrar deneyin',
  send: 'Gönderin',
  sending: 'Gönderiliyor…',
  requiredLegend: 'Yıldız (*) ile işaretli alanların doldurulması zorunludur.',
  registerWithCertificate: 'Bu sertifikayla kaydolun',
};
