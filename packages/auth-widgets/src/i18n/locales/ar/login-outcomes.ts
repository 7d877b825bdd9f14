import type { LoginOutcomeMessages } from '../en/login-outcomes.js';
import { isolate } from '../../bidi.js';

/** Arabic texts of what `<egov-login>` shows after a try. */
export const loginOutcomes: LoginOutcomeMessages = {
  invalidCredentials: 'عنوان البريد الإلكتروني أو كلمة المرور غير صحيحة',
  passwordLoginSuspended:
    'أُوقف تسجيل الدخول بكلمة المرور إلى هذا الحساب مؤقتًا بعد إدخال كلمات مرور خاطئة مرات كثيرة. يُرجى اختيار «هل نسيت كلمة المرور؟» لتعيين كلمة مرور جديدة، أو تسجيل الدخول بشهادتك الإلكترونية المؤهلة.',
  notConfirmedTitle: 'يُرجى تأكيد عنوان بريدك الإلكتروني',
  notConfirmedBody:
    'لم يُؤكَّد عنوان بريدك الإلكتروني بعد. يُرجى فتح الرابط الوارد في الرسالة التي أرسلناها إليك عند التسجيل. قد تكون الرسالة في مجلد البريد غير المرغوب فيه (Junk/Spam).',
  pendingTitle: 'حسابك قيد المراجعة',
  pendingBody:
    'يتحقق موظف مخوَّل من وثائقك، خلال 24 ساعة على الأكثر. ستصلك رسالة بالبريد الإلكتروني عند تفعيل حسابك.',
  rejectedTitle: 'لم تتم الموافقة على تسجيلك',
  rejectedBody: 'تحقق موظف مخوَّل من وثائقك ولم يتمكن من الموافقة على حسابك.',
  rejectedReason: 'السبب، كما كتبه الموظف المخوَّل:',
  rejectedNextStep:
    'يمكنك التسجيل مرة أخرى بعنوان البريد الإلكتروني نفسه والوثائق الصحيحة. عندئذٍ يُحذف تسجيلك السابق ووثائقه.',
  registerAgain: 'التسجيل مرة أخرى',
  loggedInHeading: 'تم تسجيل دخولك',
  loggedInAs: (email: string) => `تم تسجيل دخولك باسم ${isolate(email)}.`,
  certificateNotRegisteredTitle: 'هذه الشهادة غير مسجَّلة بعد',
  certificateNotRegisteredBody: 'يُرجى إنشاء حساب مستخدم بهذه الشهادة: يُؤخذ منها اسمك ورقمك الشخصي.',
};
