import type { ResendMessages } from '../en/resend.js';

/** Ukrainian texts of "send the confirmation message again". */
export const resend: ResendMessages = {
  resendConfirmation: 'Надіслати лист ще раз',
  confirmationSentAgain: 'Ми надіслали лист ще раз.',
};
