import type { ProblemMessages } from '../en/problems.js';
import { isolate } from '../../bidi.js';
import { plural } from '../../plural.js';

/** "N characters" as an object or after a preposition (see new-password.ts). */
const characters = (n: number) =>
  `${n} ${plural('ar', n, { zero: 'حرف', one: 'حرف', two: 'حرفين', few: 'أحرف', many: 'حرفًا', other: 'حرف' })}`;

/** Arabic texts of what the forms show after their first screen. */
export const problems: ProblemMessages = {
  emailRequired: 'يُرجى إدخال عنوان البريد الإلكتروني',
  emailInvalid: `يُرجى إدخال عنوان بريد إلكتروني بالصيغة الصحيحة، مثل ${isolate('name@example.com')}`,
  emailTooLong: (max: number) => `يجب ألا يتجاوز عنوان البريد الإلكتروني ${characters(max)}`,
  passwordRequired: 'يُرجى إدخال كلمة المرور',
  passwordTooLong: (max: number) => `يجب ألا تتجاوز كلمة المرور ${characters(max)}`,
  throttled: (minutes: number, time: string) =>
    `محاولات كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد ${minutes} ${plural('ar', minutes, { zero: 'دقيقة', one: 'دقيقة', two: 'دقيقتين', few: 'دقائق', many: 'دقيقة', other: 'دقيقة' })}، أي بعد الساعة ${isolate(time)}.`,
  serviceTimeout: 'لم تستجب الخدمة في الوقت المحدد. لم يُفقد شيء مما أدخلته. يُرجى المحاولة مرة أخرى.',
  unexpectedError: 'حدث خطأ ما. يُرجى المحاولة مرة أخرى.',
  configLoadFailed: 'تعذّر تحميل النموذج لأن الخدمة غير متاحة حاليًا.',
  tokenInvalidTitle: 'انتهت صلاحية هذا الرابط أو سبق استخدامه',
  certificateRejected: 'لم تُقبل هذه الشهادة. يُرجى اختيار شهادة أخرى، أو تسجيل الدخول باسم المستخدم وكلمة المرور.',
  configErrorTitle: 'تسجيل الدخول غير متاح',
  configErrorBody: 'هذه الصفحة غير مُعدّة بشكل صحيح. يُرجى إبلاغ مسؤولي الموقع.',
  configErrorDetails: 'تفاصيل لمسؤولي الموقع',
  loading: 'جارٍ التحميل…',
  tryAgain: 'إعادة المحاولة',
  send: 'إرسال',
  sending: 'جارٍ الإرسال…',
  requiredLegend: 'الحقول المميزة بعلامة النجمة (*) إلزامية.',
  registerWithCertificate: 'التسجيل بهذه الشهادة',
};
