import type { ResendMessages } from '../en/resend.js';

/** Serbian (Cyrillic) texts of "send the confirmation message again". */
export const resend: ResendMessages = {
  resendConfirmation: 'Пошаљите поруку поново',
  confirmationSentAgain: 'Поново смо послали поруку.',
};
