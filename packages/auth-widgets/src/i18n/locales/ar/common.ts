import type { CommonFirstMessages } from '../en/common.js';

/** Arabic texts shared by every element, on its first screen. */
export const common: CommonFirstMessages = {
  errorSummaryTitle: 'توجد مشكلة',
  errorPrefix: 'خطأ:',
  emailLabel: 'اسم المستخدم (عنوان البريد الإلكتروني)',
  showPassword: 'إظهار',
  showPasswordLabel: 'إظهار كلمة المرور',
  hidePassword: 'إخفاء',
  hidePasswordLabel: 'إخفاء كلمة المرور',
  passwordShown: 'كلمة المرور ظاهرة',
  passwordHidden: 'كلمة المرور مخفية',
  logIn: 'تسجيل الدخول',
  serviceUnavailable: 'الخدمة غير متاحة حاليًا. لم يُفقد شيء مما أدخلته. يُرجى المحاولة مرة أخرى بعد قليل.',
};
