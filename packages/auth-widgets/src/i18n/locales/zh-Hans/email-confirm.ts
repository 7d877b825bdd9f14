import type { EmailConfirmMessages } from '../en/email-confirm.js';

/** Simplified Chinese texts of `<egov-email-confirm>`. */
export const emailConfirm: EmailConfirmMessages = {
  confirmHeading: '确认您的注册',
  confirmQuestion: '您是否使用此电子邮箱地址进行了注册？',
  confirmQuestionBody:
    '有人在电子政务门户网站上，使用接收此链接的电子邮箱地址注册了用户账户。只有在注册人是您本人时才请确认。如果不是，请选择“不是我本人”：该注册将立即被删除。',
  confirmButton: '是，确认我的注册',
  declineButton: '不是我本人',
  confirming: '正在确认您的电子邮箱地址……',
  declining: '正在删除该注册……',
  declinedTitle: '该注册已删除',
  declinedBody: '该注册的任何信息均未保留，您的电子邮箱地址也未与任何内容关联。您可以自行用它注册。',
  register: '创建用户账户',
  confirmedTitle: '您的电子邮箱地址已确认',
  alreadyConfirmedTitle: '您的电子邮箱地址此前已确认',
  awaitingReviewBody:
    '授权工作人员审核您的证件后，您的账户即会激活，最迟在 24 小时内。届时您会再收到一封电子邮件；它可能在垃圾邮件文件夹（Junk/Spam）中。',
  accountActiveBody: '您的账户已激活。您现在可以登录。',
  confirmLinkMissingTitle: '请打开电子邮件中的链接',
  newConfirmationLinkBody: '请输入您注册时使用的电子邮箱地址，我们将向您发送新的确认链接。',
  sendNewLink: '发送新链接',
  confirmationResent: (email: string) =>
    `如果 ${email} 正在等待确认，我们已向该地址发送了新链接。该邮件可能在垃圾邮件文件夹（Junk/Spam）中。`,
};
