import type { PasswordResetMessages } from '../en/password-reset.js';

/** Simplified Chinese texts of `<egov-password-reset>`. */
export const passwordReset: PasswordResetMessages = {
  resetHeading: '忘记密码？',
  resetIntro: '请输入您注册时使用的电子邮箱地址。我们将向您发送一个用于设置新密码的链接。',
  resetSentTitle: '请查收电子邮件',
  resetSentBody: (email: string) =>
    `如果存在 ${email} 的账户，我们已向该地址发送了设置新密码的链接。该链接 60 分钟内有效。该邮件可能在垃圾邮件文件夹（Junk/Spam）中。`,
  newPasswordHeading: '设置新密码',
  checkingLink: '正在检查您的链接……',
  changePassword: '更改密码',
  changingPassword: '正在更改……',
  passwordChangedTitle: '您的密码已更改',
  passwordChangedBody: '请使用新密码登录。为了您的安全，您已在其他所有设备上退出登录。',
  requestNewLink: '申请新链接',
  resetLinkInvalidBody: '设置新密码的链接只能使用一次，有效期为 60 分钟。请申请新链接。',
};
