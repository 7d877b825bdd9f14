import type { LoginMessages } from '../en/login.js';

/** Arabic texts of `<egov-login>`. */
export const login: LoginMessages = {
  loginHeading: 'تسجيل الدخول',
  loginMethods: 'طريقة تسجيل الدخول',
  tabCertificate: 'شهادة إلكترونية مؤهلة',
  tabPassword: 'اسم المستخدم وكلمة المرور',
  certificateHeading: 'تسجيل الدخول بشهادة إلكترونية مؤهلة',
  passwordHeading: 'تسجيل الدخول باسم المستخدم وكلمة المرور',
  emailHint: 'عنوان البريد الإلكتروني الذي سجّلت به',
  passwordLabel: 'كلمة المرور',
  loggingIn: 'جارٍ تسجيل الدخول…',
  passwordForgotten: 'هل نسيت كلمة المرور؟',
  noAccount: 'ليس لديك حساب مستخدم بعد؟',
  createAccount: 'إنشاء حساب مستخدم',
  certificateLoginButton: 'تسجيل الدخول بالشهادة',
};
