import type { ResendMessages } from '../en/resend.js';

/** Russian texts of "send the confirmation message again". */
export const resend: ResendMessages = {
  resendConfirmation: 'Отправить письмо ещё раз',
  confirmationSentAgain: 'Мы отправили письмо ещё раз.',
};
