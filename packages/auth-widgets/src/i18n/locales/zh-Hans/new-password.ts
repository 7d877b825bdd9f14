import type { NewPasswordMessages } from '../en/new-password.js';
import { plural } from '../../plural.js';

/** Simplified Chinese texts of choosing a new password (`<egov-register>` and `<egov-password-reset>`). */
export const newPassword: NewPasswordMessages = {
  newPasswordLabel: '新密码',
  confirmPasswordLabel: '确认密码',
  passwordPolicy: (min: number) =>
    `请至少使用 ${min} 个字符。没有其他规则：由几个您记得住的词组成的密码就很安全。`,
  passwordCharactersNeeded: (count: number) => `还需 ${count} ${plural('zh-Hans', count, { other: '个字符' })}`,
  passwordLongEnough: '长度足够',
  passwordTooShort: (min: number) => `密码至少需要 ${min} 个字符`,
  passwordCommon: '此密码过于常见，容易被猜到。请另选一个。',
  passwordContext: '密码不得包含您的电子邮箱地址、您的姓名或本网站的名称',
  passwordMismatch: '两次输入的密码不一致',
  confirmPasswordRequired: '请确认您的密码',
};
