import type { PasswordResetMessages } from '../en/password-reset.js';
import { isolate } from '../../bidi.js';

/** Arabic texts of `<egov-password-reset>`. */
export const passwordReset: PasswordResetMessages = {
  resetHeading: 'هل نسيت كلمة المرور؟',
  resetIntro: 'يُرجى إدخال عنوان البريد الإلكتروني الذي سجّلت به. سنرسل إليك رابطًا لاختيار كلمة مرور جديدة.',
  resetSentTitle: 'يُرجى التحقق من بريدك الإلكتروني',
  resetSentBody: (email: string) =>
    `إذا كان هناك حساب للعنوان ${isolate(email)}، فقد أرسلنا إليه رابطًا لاختيار كلمة مرور جديدة. يعمل الرابط لمدة 60 دقيقة. قد تكون الرسالة في مجلد البريد غير المرغوب فيه (Junk/Spam).`,
  newPasswordHeading: 'اختيار كلمة مرور جديدة',
  checkingLink: 'جارٍ التحقق من الرابط…',
  changePassword: 'تغيير كلمة المرور',
  changingPassword: 'جارٍ التغيير…',
  passwordChangedTitle: 'تم تغيير كلمة المرور',
  passwordChangedBody: 'يُرجى تسجيل الدخول بكلمة المرور الجديدة. حفاظًا على أمانك، تم تسجيل خروجك من جميع الأماكن الأخرى.',
  requestNewLink: 'طلب رابط جديد',
  resetLinkInvalidBody: 'روابط اختيار كلمة مرور جديدة تعمل مرة واحدة، ولمدة 60 دقيقة. يُرجى طلب رابط جديد.',
};
