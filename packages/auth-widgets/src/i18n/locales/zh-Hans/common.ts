import type { CommonFirstMessages } from '../en/common.js';

/** Simplified Chinese texts shared by every element, on its first screen: the e-mail and password fields, the error summary's title. */
export const common: CommonFirstMessages = {
  errorSummaryTitle: '出现问题',
  errorPrefix: '错误：',
  emailLabel: '用户名（电子邮箱地址）',
  showPassword: '显示',
  showPasswordLabel: '显示密码',
  hidePassword: '隐藏',
  hidePasswordLabel: '隐藏密码',
  passwordShown: '您的密码当前可见',
  passwordHidden: '您的密码已隐藏',
  logIn: '登录',
  serviceUnavailable: '服务暂时不可用。您输入的内容不会丢失。请稍后重试。',
};
