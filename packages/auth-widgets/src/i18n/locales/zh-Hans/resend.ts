import type { ResendMessages } from '../en/resend.js';

/** Simplified Chinese texts of "send the confirmation message again". */
export const resend: ResendMessages = {
  resendConfirmation: '重新发送邮件',
  confirmationSentAgain: '我们已重新发送该邮件。',
};
