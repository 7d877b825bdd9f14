import type { PinDialogMessages } from '../en/pin-dialog.js';
import { isolate } from '../../bidi.js';
import { plural } from '../../plural.js';

/** Arabic texts of the demo agent's PIN dialog (`SoftAgent`). */
export const pinDialog: PinDialogMessages = {
  pinDialogTitle: 'وكيل تجريبي — مفاتيح اختبار، وليس بطاقة ذكية حقيقية',
  pinDialogPrompt: (label) => `يُرجى إدخال رمز PIN الخاص بـ«${isolate(label)}».`,
  pinDialogTriesLeft: (count) =>
    plural('ar', count, {
      zero: `لم تتبقَّ أي محاولة (${count}).`,
      one: `تبقّت ${count} محاولة.`,
      two: `تبقّت ${count} محاولتان.`,
      few: `تبقّت ${count} محاولات.`,
      many: `تبقّت ${count} محاولة.`,
      other: `تبقّت ${count} محاولة.`,
    }),
  pinDialogFinalTry: 'المحاولة الأخيرة: إدخال رمز PIN خاطئ يقفل هذا التوكن التجريبي.',
  pinDialogPin: 'رمز PIN',
  pinDialogCancel: 'إلغاء',
  pinDialogOk: 'موافق',
};
