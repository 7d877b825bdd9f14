import type { ResendMessages } from '../en/resend.js';

/** Arabic texts of "send the confirmation message again". */
export const resend: ResendMessages = {
  resendConfirmation: 'إعادة إرسال الرسالة',
  confirmationSentAgain: 'أعدنا إرسال الرسالة.',
};
