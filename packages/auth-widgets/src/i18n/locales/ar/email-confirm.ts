import type { EmailConfirmMessages } from '../en/email-confirm.js';
import { isolate } from '../../bidi.js';

/** Arabic texts of `<egov-email-confirm>`. */
export const emailConfirm: EmailConfirmMessages = {
  confirmHeading: 'تأكيد التسجيل',
  confirmQuestion: 'هل سجّلت بعنوان البريد الإلكتروني هذا؟',
  confirmQuestionBody:
    'سجّل شخص ما حساب مستخدم في بوابة الحكومة الإلكترونية بعنوان البريد الإلكتروني الذي أُرسل إليه هذا الرابط. يُرجى التأكيد فقط إذا كنت أنت من سجّل. وإلا فيُرجى اختيار «لم أقم بهذا التسجيل»: يُحذف التسجيل فورًا.',
  confirmButton: 'نعم، أؤكد تسجيلي',
  declineButton: 'لم أقم بهذا التسجيل',
  confirming: 'جارٍ تأكيد عنوان بريدك الإلكتروني…',
  declining: 'جارٍ حذف التسجيل…',
  declinedTitle: 'تم حذف التسجيل',
  declinedBody: 'لم يُحتفظ بأي شيء منه، ولا يرتبط أي شيء بعنوان بريدك الإلكتروني. يمكنك تسجيله بنفسك.',
  register: 'إنشاء حساب مستخدم',
  confirmedTitle: 'تم تأكيد عنوان بريدك الإلكتروني',
  alreadyConfirmedTitle: 'سبق تأكيد عنوان بريدك الإلكتروني',
  awaitingReviewBody:
    'يُفعَّل حسابك بعد أن يتحقق موظف مخوَّل من وثائقك، خلال 24 ساعة على الأكثر. ستصلك عندئذٍ رسالة أخرى بالبريد الإلكتروني؛ قد تكون في مجلد البريد غير المرغوب فيه (Junk/Spam).',
  accountActiveBody: 'حسابك مفعَّل. يمكنك تسجيل الدخول الآن.',
  confirmLinkMissingTitle: 'يُرجى فتح الرابط الوارد في رسالة البريد الإلكتروني',
  newConfirmationLinkBody: 'يُرجى إدخال عنوان البريد الإلكتروني الذي سجّلت به، وسنرسل إليك رابط تأكيد جديدًا.',
  sendNewLink: 'إرسال رابط جديد',
  confirmationResent: (email: string) =>
    `إذا كان العنوان ${isolate(email)} بانتظار التأكيد، فقد أرسلنا إليه رابطًا جديدًا. قد تكون الرسالة في مجلد البريد غير المرغوب فيه (Junk/Spam).`,
};
