import type { PickerMessages } from '../en/picker.js';
import { isolate } from '../../bidi.js';
import { plural } from '../../plural.js';

/** "N tries left" as a clause: the verb before the counted noun, which agrees with the number. */
const triesLeft = (left: number) =>
  plural('ar', left, {
    zero: `لم تتبقَّ أي محاولة (${left})`,
    one: `تبقّت ${left} محاولة`,
    two: `تبقّت ${left} محاولتان`,
    few: `تبقّت ${left} محاولات`,
    many: `تبقّت ${left} محاولة`,
    other: `تبقّت ${left} محاولة`,
  });

/** Arabic texts of `<egov-certificate-picker>`. */
export const picker: PickerMessages = {
  pickerHeading: 'اختيار شهادة',
  acceptedBodiesSummary: 'ما الشهادات التي يمكنني استخدامها؟',
  acceptedBodiesBody:
    'شهادة إلكترونية مؤهلة صادرة في جمهورية صربيا عن إحدى جهات التصديق التالية. يُرجى تثبيتها على حاسوبك وفق ما تشرحه جهة التصديق التي أصدرتها:',
  agentLooking: 'جارٍ البحث عن وكيل الشهادات على هذا الحاسوب…',
  agentSoftLabel: 'وكيل تجريبي بمفاتيح اختبار — ليس بطاقة ذكية حقيقية',
  agentNotInstalledTitle: 'يُرجى تثبيت تطبيق Fortify',
  agentNotInstalledBody:
    'لاستخدام شهادة إلكترونية مؤهلة على بطاقة ذكية أو توكن، يتواصل هذا الموقع مع تطبيق Fortify المجاني على حاسوبك (Windows أو macOS أو Linux). يُرجى تثبيته وتشغيله، ثم المحاولة مرة أخرى.',
  agentDownload: 'تنزيل Fortify',
  agentNotRunningTitle: 'يُرجى تشغيل تطبيق Fortify',
  agentNotRunningBody:
    'سبق استخدام Fortify على هذا الحاسوب، لكنه لا يستجيب الآن. يُرجى تشغيله، ثم المحاولة مرة أخرى. إذا كان يعمل، فيُرجى إعادة تشغيله (أو إعادة تثبيته) ليثق المتصفح باتصاله.',
  agentBlockedTitle: 'حظر متصفحك الاتصال بتطبيق Fortify',
  agentBlockedBody:
    'يُرجى السماح لهذا الموقع بالوصول إلى الأجهزة على شبكتك المحلية: بفتح إعدادات الموقع (الرمز المجاور للعنوان)، والسماح بـ«الوصول إلى الشبكة المحلية»، ثم إعادة المحاولة.',
  agentPageBlockedTitle: 'لا يمكن استخدام الشهادات في هذه الصفحة',
  agentPageBlockedBody:
    'لا تسمح إعدادات الأمان في هذه الصفحة بالتواصل مع تطبيق Fortify. هذا خلل في الموقع وليس في حاسوبك: يُرجى إبلاغ مسؤولي الموقع.',
  agentNotSetUpTitle: 'تسجيل الدخول بالشهادة غير مُعدّ على هذا الموقع',
  agentNotSetUpBody:
    'لم يكتمل إعداد تسجيل الدخول بشهادة إلكترونية مؤهلة على هذا الموقع. هذا خلل في الموقع وليس في حاسوبك: يُرجى إبلاغ مسؤولي الموقع، أو تسجيل الدخول باسم المستخدم وكلمة المرور.',
  agentTlsTitle: 'متصفحك لا يثق باتصال Fortify',
  agentTlsBody: 'يُرجى إعادة تشغيل Fortify ليتمكن من تثبيت شهادته، أو إعادة تثبيته، ثم المحاولة مرة أخرى.',
  agentApproveTitle: 'يُرجى الموافقة على هذا الموقع في Fortify',
  agentApproveBody: 'يعرض Fortify رمزًا. إذا كان مطابقًا لهذا الرمز، فيُرجى الموافقة على الموقع في Fortify:',
  agentDeniedTitle: 'لم تتم الموافقة على هذا الموقع في Fortify',
  agentDeniedBody:
    'لتسجيل الدخول بشهادتك، يُرجى الموافقة على هذا الموقع عندما يطلب Fortify ذلك. يُرجى إعادة المحاولة ليظهر السؤال من جديد.',
  noTokenTitle: 'يُرجى إدخال البطاقة الذكية أو التوكن',
  noTokenBody: 'لم يُعثر على بطاقة ذكية أو توكن. يُرجى إدخالها (مع القارئ)، والانتظار قليلًا، ثم المحاولة مرة أخرى.',
  tokenRemovedTitle: 'أُزيلت البطاقة الذكية أو التوكن',
  tokenRemovedBody: 'يُرجى إدخالها مرة أخرى، ثم المحاولة مرة أخرى.',
  noUsableTitle: 'لا يمكن استخدام أي من شهاداتك هنا',
  noUsableBody:
    'يلزم وجود شهادة إلكترونية مؤهلة صادرة عن جهة تصديق في جمهورية صربيا، سارية اليوم، ومفتاحها الخاص على البطاقة أو التوكن.',
  usableCertificates: 'شهاداتك',
  issuedBy: (issuer: string) => `صادرة عن ${isolate(issuer)}`,
  validUntil: (date: string) => `سارية حتى ${isolate(date)}`,
  purpose: (purposes: string) => `الغرض: ${isolate(purposes)}`,
  purposeSigning: 'التوقيع',
  purposeAuthentication: 'المصادقة',
  purposeSigningAndAuthentication: 'التوقيع والمصادقة',
  lowerAssuranceNote: 'ليست شهادة مؤهلة: يقبلها هذا الموقع بمستوى ضمان أدنى.',
  serialNumber: (serial: string) => `الرقم التسلسلي: ${isolate(serial)}`,
  certificateEmail: (email: string) => `البريد الإلكتروني: ${isolate(email)}`,
  onToken: (token: string) => `على البطاقة أو التوكن: ${isolate(token)}`,
  useCertificate: 'استخدام هذه الشهادة',
  chosenCertificate: 'الشهادة المختارة',
  chosenMark: 'مختارة',
  chooseAnother: 'اختيار شهادة أخرى',
  certificateRefused: (reason: string) => `غير مقبولة: ${isolate(reason)}.`,
  refusedRevoked: 'ألغتها جهة التصديق التي أصدرتها',
  refusedOther: 'تعذّر على الموقع التحقق منها',
  hiddenCertificates: (count: number) =>
    plural('ar', count, {
      zero: `${count} شهادة لا يمكن استخدامها هنا`,
      one: `${count} شهادة لا يمكن استخدامها هنا`,
      two: `${count} شهادتان لا يمكن استخدامهما هنا`,
      few: `${count} شهادات لا يمكن استخدامها هنا`,
      many: `${count} شهادة لا يمكن استخدامها هنا`,
      other: `${count} شهادة لا يمكن استخدامها هنا`,
    }),
  hiddenExpired: 'منتهية الصلاحية',
  hiddenNotYetValid: 'ليست سارية بعد',
  hiddenUntrusted: 'صادرة عن جهة تصديق لا يقبلها هذا الموقع',
  hiddenNoKey: 'مفتاحها الخاص ليس على البطاقة أو التوكن',
  hiddenNotQualified: 'ليست شهادة مؤهلة',
  hiddenAuthenticationOnly: 'شهادة المصادقة الخاصة بالبطاقة: يُرجى اختيار شهادة التوقيع الخاصة بها',
  hiddenKeyUsage: 'غير مخصصة للتوقيع',
  hiddenInvalidPersonalNumber: 'الرقم الشخصي (JMBG) الوارد فيها غير صحيح',
  pinPreviousWrong: (left: number | undefined) =>
    left === undefined
      ? 'سبق إدخال رمز PIN خاطئ على هذه البطاقة. يُرجى إدخاله بعناية.'
      : `سبق إدخال رمز PIN خاطئ على هذه البطاقة: ${triesLeft(left)}.`,
  pinFinalTry: 'المحاولة الأخيرة: إدخال رمز PIN خاطئ مرة أخرى يقفل البطاقة.',
  pinLockedWarning: 'رمز PIN للبطاقة مقفل. يُرجى اختيار الشهادة لمعرفة الجهة التي يجب التواصل معها.',
  pinWrong: (left: number | undefined) => (left === undefined ? 'رمز PIN خاطئ.' : `رمز PIN خاطئ: ${triesLeft(left)}.`),
  pinLockedTitle: 'رمز PIN للبطاقة مقفل',
  pinEnterInAgent: (agent: string) => `يُرجى إدخال رمز PIN في نافذة ${isolate(agent)}.`,
  signingCancelled: 'أغلقت نافذة رمز PIN. يُرجى اختيار الشهادة مرة أخرى للمتابعة.',
  peculiarIntro:
    'القائمة أدناه يعرضها تطبيق Fortify باللغة الإنجليزية. يُرجى اختيار شهادتك ثم «Continue». يطلب Fortify رمز PIN في نافذته الخاصة: لا يجوز كتابته في هذه الصفحة أبدًا.',
  certificateChoiceCancelled: 'ألغيت اختيار الشهادة. يُرجى اختيار شهادة للمتابعة.',
  certificateNotUsable: (reason: string) =>
    `لا يمكن استخدام هذه الشهادة هنا: ${isolate(reason)}. يُرجى اختيار شهادة أخرى.`,
  signFailed:
    'تعذّر على البطاقة إجراء التوقيع. يُرجى المحاولة مرة أخرى؛ وإذا تكرر ذلك، فيُرجى إخراج البطاقة وإدخالها مرة أخرى.',
  agentErrorTitle: 'أبلغ وكيل الشهادات عن خطأ',
  agentErrorBody:
    'يُرجى المحاولة مرة أخرى. إذا تكرر الخطأ، فيُرجى إغلاق تطبيق Fortify وتشغيله من جديد، ثم المحاولة مرة أخرى.',
  pinLockedBody:
    'لا يمكن فك قفل رمز PIN إلا لجهة التصديق التي أصدرت شهادتك: يُرجى التواصل معها، وعدم تجربة رموز PIN أخرى في هذه الأثناء.',
  caBody: 'جهة التصديق',
  caSite: 'الموقع الإلكتروني',
  caSupport: 'صفحة الدعم',
  caPhone: 'الهاتف',
  caEmail: 'البريد الإلكتروني',
};
