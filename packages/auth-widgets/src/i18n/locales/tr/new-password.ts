import type { NewPasswordMessages } from '../en/new-password.js';
import { plural } from '../../plural.js';

/** Turkish texts of choosing a new password (`<egov-register>` and `<egov-password-reset>`). */
export const newPassword: NewPasswordMessages = {
  newPasswordLabel: 'Yeni şifre',
  confirmPasswordLabel: 'Şifreyi onaylayın',
  passwordPolicy: (min: number) =>
    `En az ${min} karakter kullanın. Başka kural yok: aklınızda kalacak birkaç kelime güçlü bir şifre oluşturur.`,
  // Turkish keeps the noun singular after a numeral: "1 karakter", "5 karakter".
  passwordCharactersNeeded: (count: number) =>
    `${count} ${plural('tr', count, { one: 'karakter', other: 'karakter' })} daha gerekli`,
  passwordLongEnough: 'Yeterince uzun',
  passwordTooShort: (min: number) => `Şifre en az ${min} karakter olmalıdır`,
  passwordCommon: 'Bu şifre çok yaygın ve kolayca tahmin edilebilir. Başka bir şifre seçin.',
  passwordContext: 'Şifre, e-posta adresinizi, adınızı veya bu sitenin adını içermemelidir',
  passwordMismatch: 'Şifreler eşleşmiyor',
  confirmPasswordRequired: 'Şifrenizi onaylamak için tekrar girin',
};
