import type { LoginMessages } from '../en/login.js';

/** Simplified Chinese texts of `<egov-login>`. */
export const login: LoginMessages = {
  loginHeading: '登录',
  loginMethods: '登录方式',
  tabCertificate: '合格电子证书',
  tabPassword: '用户名和密码',
  certificateHeading: '使用合格电子证书登录',
  passwordHeading: '使用用户名和密码登录',
  emailHint: '您注册时使用的电子邮箱地址',
  passwordLabel: '密码',
  loggingIn: '正在登录……',
  passwordForgotten: '忘记密码？',
  noAccount: '还没有用户账户？',
  createAccount: '创建用户账户',
  certificateLoginButton: '使用证书登录',
};
