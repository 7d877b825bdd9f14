import type { LoginOutcomeMessages } from '../en/login-outcomes.js';

/** Simplified Chinese texts of what `<egov-login>` shows after a try. */
export const loginOutcomes: LoginOutcomeMessages = {
  invalidCredentials: '电子邮箱地址或密码错误',
  passwordLoginSuspended:
    '由于密码输错次数过多，此账户的密码登录已暂停。请选择“忘记密码？”设置新密码，或使用您的合格电子证书登录。',
  notConfirmedTitle: '请确认您的电子邮箱地址',
  notConfirmedBody:
    '您的电子邮箱地址尚未确认。请打开您注册时我们发给您的邮件中的链接。该邮件可能在垃圾邮件文件夹（Junk/Spam）中。',
  pendingTitle: '您的账户正在等待审核',
  pendingBody: '授权工作人员正在审核您的证件，最迟在 24 小时内完成。账户激活后，您会收到一封电子邮件。',
  rejectedTitle: '您的注册未获批准',
  rejectedBody: '授权工作人员审核了您的证件，无法批准您的账户。',
  rejectedReason: '授权工作人员填写的原因：',
  rejectedNextStep: '您可以使用同一电子邮箱地址和正确的证件重新注册。届时，您之前的注册及其证件将被删除。',
  registerAgain: '重新注册',
  loggedInHeading: '您已登录',
  loggedInAs: (email: string) => `您已以 ${email} 的身份登录。`,
  certificateNotRegisteredTitle: '此证书尚未注册',
  certificateNotRegisteredBody: '请使用此证书创建用户账户：您的姓名和个人身份号码将从证书中读取。',
};
