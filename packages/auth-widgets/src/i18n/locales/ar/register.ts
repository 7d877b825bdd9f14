import type { RegisterMessages } from '../en/register.js';
import { isolate } from '../../bidi.js';
import { plural } from '../../plural.js';

/** "N characters" as an object (see new-password.ts). */
const characters = (n: number) =>
  `${n} ${plural('ar', n, { zero: 'حرف', one: 'حرف', two: 'حرفين', few: 'أحرف', many: 'حرفًا', other: 'حرف' })}`;

/** "N files" as an object or after a preposition: the dual after 2 in the accusative/genitive. */
const files = (n: number) =>
  `${n} ${plural('ar', n, { zero: 'ملف', one: 'ملف', two: 'ملفين', few: 'ملفات', many: 'ملفًا', other: 'ملف' })}`;

const PHONE_EXAMPLE = isolate('+381 11 123 4567');

/** Arabic texts of `<egov-register>`. */
export const register: RegisterMessages = {
  fieldTooLong: (field: string, max: number) => `يجب ألا يتجاوز حقل «${isolate(field)}» ${characters(max)}`,
  optionalField: '(اختياري)',
  registerHeading: 'إنشاء حساب مستخدم',
  registerMethods: 'طريقة التسجيل',
  tabRegisterPassword: 'التسجيل باسم المستخدم وكلمة المرور',
  tabRegisterCertificate: 'التسجيل بشهادة إلكترونية مؤهلة',
  registerCertificateHeading: 'التسجيل بشهادة إلكترونية مؤهلة',
  userTypeLegend: 'أسجّل بصفتي',
  userTypeForeignCitizen: 'مواطن أجنبي',
  userTypeSerbianCitizen: 'مواطن جمهورية صربيا',
  personalDetailsLegend: 'البيانات الشخصية',
  givenNameLabel: 'الاسم الأول',
  surnameLabel: 'اسم العائلة',
  nameHintForeign: 'كما في جواز سفرك أو وثيقة سفر أخرى، بالأحرف اللاتينية',
  nameHint: 'كما في وثيقة هويتك',
  dateOfBirthLabel: 'تاريخ الميلاد',
  // Not isolated on purpose: in a right-to-left page the day, month and year fields run from the right, and so does this example.
  dateOfBirthHint: 'مثال: 27 3 1985',
  day: 'اليوم',
  month: 'الشهر',
  year: 'السنة',
  sexLegend: 'الجنس',
  sexFemale: 'أنثى',
  sexMale: 'ذكر',
  sexUnspecified: 'غير محدد (X)',
  citizenshipLabel: 'الجنسية',
  chooseCountry: 'اختيار دولة',
  documentNumberLabel: 'رقم جواز السفر أو وثيقة الهوية',
  foreignerNumberLabel: 'رقم تسجيل الأجنبي',
  foreignerNumberHint:
    'حصلت على هذا الرقم المكوّن من 13 رقمًا عند تسجيل إقامتك في جمهورية صربيا لأكثر من 90 يومًا. وهو مدوَّن في جواز سفرك.',
  noForeignerNumber: 'ليس لدي هذا الرقم / نسيته',
  addressLabel: 'العنوان في صربيا',
  phoneLabel: 'رقم الهاتف',
  phoneHint: `مع رمز الدولة، مثل ${PHONE_EXAMPLE}`,
  accountLegend: 'حساب المستخدم الخاص بك',
  registerEmailLabel: 'عنوان البريد الإلكتروني (اسم المستخدم الخاص بك)',
  registerEmailHint: 'سنرسل إلى هذا العنوان رابطًا لتأكيد تسجيلك.',
  documentsLegend: 'وثيقة الهوية',
  documentsHint: (maxFiles: number, maxMegabytes: string) =>
    `يُرجى إرفاق صورة ممسوحة ضوئيًا أو صورة فوتوغرافية لصفحتي جواز سفرك أو وجهي بطاقة هويتك. إذا كانت في جواز سفرك الصفحة التي تحمل رقم تسجيل الأجنبي، فيُرجى إرفاقها أيضًا. يمكنك أيضًا إرفاق ملف PDF واحد يضم جميع الصفحات. بصيغة PDF أو PNG أو JPEG؛ ${files(maxFiles)} كحد أقصى، ولا يتجاوز حجم كل ملف ${isolate(maxMegabytes)}.`,
  chooseFiles: 'اختيار ملفات',
  takePhoto: 'التقاط صورة',
  dropFiles: 'أو سحب الملفات وإفلاتها هنا',
  attachedFiles: 'الملفات المرفقة',
  removeFile: (name: string) => `إزالة ${isolate(name)}`,
  remove: 'إزالة',
  fileWrongType: (name: string) => `الملف ${isolate(name)} ليس بصيغة PDF أو PNG أو JPEG`,
  fileTooLarge: (name: string, maxMegabytes: string) => `حجم الملف ${isolate(name)} أكبر من ${isolate(maxMegabytes)}`,
  filesWrongType: 'يُرجى إرفاق ملفات بصيغة PDF أو PNG أو JPEG فقط',
  filesTooLarge: (maxMegabytes: string) => `يجب ألا يتجاوز حجم كل ملف ${isolate(maxMegabytes)}`,
  tooManyFiles: (max: number) => `يُرجى إرفاق ${files(max)} كحد أقصى`,
  fileTooMany: (name: string, max: number) =>
    `لم يُرفق الملف ${isolate(name)}: يمكنك إرفاق ${files(max)} كحد أقصى`,
  documentsRequired: 'يُرجى إرفاق وثيقة هويتك',
  consentLabel:
    'أؤكد أن المعلومات التي قدّمتها صحيحة، وأوافق على معالجتها لإنشاء حساب المستخدم الخاص بي والتحقق منه.',
  createAccountButton: 'إنشاء حساب مستخدم',
  uploadProgress: (percent: number) => `جارٍ الإرسال: ${isolate(`${percent}%`)}`,
  givenNameRequired: 'يُرجى إدخال اسمك الأول',
  surnameRequired: 'يُرجى إدخال اسم عائلتك',
  dateOfBirthRequired: 'يُرجى إدخال تاريخ ميلادك',
  dateOfBirthInvalid: 'يُرجى إدخال تاريخ ميلاد حقيقي في الماضي',
  sexRequired: 'يُرجى اختيار الجنس',
  citizenshipRequired: 'يُرجى اختيار الجنسية',
  documentNumberRequired: 'يُرجى إدخال رقم جواز سفرك أو وثيقة هويتك',
  documentNumberInvalid: 'يجب ألا يحتوي رقم جواز السفر أو وثيقة الهوية إلا على أحرف وأرقام ومسافات وشرطات',
  foreignerNumberRequired: 'يُرجى إدخال رقم تسجيل الأجنبي، أو اختيار «ليس لدي هذا الرقم / نسيته»',
  foreignerNumberFormat: 'يتكوّن رقم تسجيل الأجنبي من 13 رقمًا بالضبط',
  foreignerNumberDate: 'يجب أن تكون أول 7 أرقام من رقم تسجيل الأجنبي تاريخ ميلاد (اليوم، الشهر، السنة)',
  foreignerNumberChecksum: 'رقم تسجيل الأجنبي هذا غير صحيح. يُرجى التحقق من الأرقام في جواز سفرك.',
  phoneInvalid: `يُرجى إدخال رقم هاتف، مثل ${PHONE_EXAMPLE}`,
  consentRequired: 'لإنشاء الحساب، يُرجى تأكيد صحة المعلومات والموافقة على معالجتها',
  invalidChoice: 'يُرجى اختيار أحد الخيارات',
  checkEmailTitle: 'يُرجى التحقق من بريدك الإلكتروني',
  checkEmailSentTo: 'أرسلنا رسالة إلى',
  whatHappensNext: 'الخطوات التالية',
  checkEmailOpenLink: 'يُرجى فتح الرابط الوارد في الرسالة لتأكيد تسجيلك.',
  checkEmailSpam: 'قد تكون الرسالة في مجلد البريد غير المرغوب فيه (Junk/Spam).',
  checkEmailReview:
    'بعد التأكيد، يتحقق موظف مخوَّل من وثائقك خلال 24 ساعة. ستصلك رسالة أخرى بالبريد الإلكتروني عند تفعيل حسابك.',
  wrongAddress: 'عنوان البريد الإلكتروني غير صحيح؟',
  startAgain: 'البدء من جديد',
  haveAccount: 'لديك حساب مستخدم بالفعل؟',
  certificateDataLegend: 'البيانات من شهادتك',
  personalNumberLabel: 'الرقم الشخصي (JMBG)',
  certificateEmailHint: 'مأخوذ من شهادتك؛ يمكنك تغييره. سنرسل إليه رابط تأكيد.',
  certificateNoEmailHint: 'لا تحتوي شهادتك على عنوان بريد إلكتروني. يُرجى إدخال عنوان: سنرسل إليه رابط تأكيد.',
};
