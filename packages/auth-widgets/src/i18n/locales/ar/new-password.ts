import type { NewPasswordMessages } from '../en/new-password.js';
import { plural } from '../../plural.js';

/**
 * "N characters" after a preposition or as an object: the singular after 1, the
 * dual after 2, the plural for 3–10, the accusative singular for 11–99 and the
 * genitive singular from 100 on. Digits stay Latin, so 1 and 2 keep theirs.
 */
const characters = (n: number) =>
  `${n} ${plural('ar', n, { zero: 'حرف', one: 'حرف', two: 'حرفين', few: 'أحرف', many: 'حرفًا', other: 'حرف' })}`;

/** Arabic texts of choosing a new password (`<egov-register>` and `<egov-password-reset>`). */
export const newPassword: NewPasswordMessages = {
  newPasswordLabel: 'كلمة المرور الجديدة',
  confirmPasswordLabel: 'تأكيد كلمة المرور',
  passwordPolicy: (min: number) =>
    `يُرجى استخدام ${characters(min)} على الأقل. لا توجد قواعد أخرى: بضع كلمات يسهل عليك تذكرها تكوّن كلمة مرور قوية.`,
  passwordCharactersNeeded: (count: number) =>
    plural('ar', count, {
      zero: `يلزم ${count} حرف إضافي`,
      one: `يلزم ${count} حرف إضافي`,
      two: `يلزم ${count} حرفان إضافيان`,
      few: `يلزم ${count} أحرف إضافية`,
      many: `يلزم ${count} حرفًا إضافيًا`,
      other: `يلزم ${count} حرف إضافي`,
    }),
  passwordLongEnough: 'الطول كافٍ',
  passwordTooShort: (min: number) => `يجب أن تتكون كلمة المرور من ${characters(min)} على الأقل`,
  passwordCommon: 'كلمة المرور هذه شائعة جدًا ويسهل تخمينها. يُرجى اختيار كلمة مرور أخرى.',
  passwordContext: 'يجب ألا تحتوي كلمة المرور على عنوان بريدك الإلكتروني أو اسمك أو اسم هذا الموقع',
  passwordMismatch: 'كلمتا المرور غير متطابقتين',
  confirmPasswordRequired: 'يُرجى تأكيد كلمة المرور',
};
