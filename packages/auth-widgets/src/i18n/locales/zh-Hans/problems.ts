import type { ProblemMessages } from '../en/problems.js';
import { plural } from '../../plural.js';

/** Simplified Chinese texts of what the forms show after their first screen: problems and the words of later steps. */
export const problems: ProblemMessages = {
  emailRequired: '请输入您的电子邮箱地址',
  emailInvalid: '请按正确格式输入电子邮箱地址，例如 name@example.com',
  emailTooLong: (max: number) => `电子邮箱地址不得超过 ${max} ${plural('zh-Hans', max, { other: '个字符' })}`,
  passwordRequired: '请输入您的密码',
  passwordTooLong: (max: number) => `密码不得超过 ${max} ${plural('zh-Hans', max, { other: '个字符' })}`,
  throttled: (minutes: number, time: string) =>
    `尝试次数过多。请在 ${minutes} ${plural('zh-Hans', minutes, { other: '分钟' })}后（${time} 之后）重试。`,
  serviceTimeout: '服务未能及时响应。您输入的内容不会丢失。请重试。',
  unexpectedError: '出现错误。请重试。',
  configLoadFailed: '服务暂时不可用，因此无法加载表单。',
  tokenInvalidTitle: '此链接已过期或已被使用',
  certificateRejected: '此证书未被接受。请选择其他证书，或使用用户名和密码登录。',
  configErrorTitle: '登录功能不可用',
  configErrorBody: '此页面设置有误。请告知网站管理员。',
  configErrorDetails: '供网站管理员参考的详细信息',
  loading: '正在加载……',
  tryAgain: '重试',
  send: '发送',
  sending: '正在发送……',
  requiredLegend: '标有星号（*）的字段为必填项。',
  registerWithCertificate: '使用此证书注册',
};
