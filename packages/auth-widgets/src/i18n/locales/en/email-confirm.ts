
/** English texts of `<egov-email-confirm>`. */
export const emailConfirm = {
  confirmHeading: 'Confirm your registration',
  confirmQuestion: 'Did you register with this e-mail address?',
  confirmQuestionBody:
    'Someone registered a user account on the eGovernment Portal with the e-mail address this link was sent to. Confirm only if it was you. If it was not, choose “This was not me”: the registration is deleted at once.',
  confirmButton: 'Yes, confirm my registration',
  declineButton: 'This was not me',
  confirming: 'Confirming your e-mail address…',
  declining: 'Deleting the registration…',
  declinedTitle: 'The registration was deleted',
  declinedBody: 'Nothing of it was kept, and nothing is linked to your e-mail address. You can register it yourself.',
  register: 'Create a user account',
  confirmedTitle: 'Your e-mail address is confirmed',
  alreadyConfirmedTitle: 'Your e-mail address was already confirmed',
  awaitingReviewBody:
    'Your account becomes active after an authorized person checks your documents, within 24 hours at the latest. You will get another e-mail then; it may be in the Junk/Spam folder.',
  accountActiveBody: 'Your account is active. You can log in now.',
  confirmLinkMissingTitle: 'Open the link from your e-mail',
  newConfirmationLinkBody: 'Enter the e-mail address you registered with and we will send you a new confirmation link.',
  sendNewLink: 'Send a new link',
  confirmationResent: (email: string) =>
    `If ${email} is waiting for confirmation, we have sent a new link to it. The message may be in the Junk/Spam folder.`,
};

export type EmailConfirmMessages = typeof emailConfirm;
