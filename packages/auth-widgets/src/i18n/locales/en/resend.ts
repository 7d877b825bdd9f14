/** English texts of "send the confirmation message again" (registration's confirmation page, and login of an unconfirmed account). */
export const resend = {
  resendConfirmation: 'Send the message again',
  confirmationSentAgain: 'We have sent the message again.',
};

export type ResendMessages = typeof resend;
