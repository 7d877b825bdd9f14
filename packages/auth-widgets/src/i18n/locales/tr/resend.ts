import type { ResendMessages } from '../en/resend.js';

/** Turkish texts of "send the confirmation message again". */
export const resend: ResendMessages = {
  resendConfirmation: 'İletiyi tekrar gönderin',
  confirmationSentAgain: 'İletiyi tekrar gönderdik.',
};
