import type { ProblemMessages } from '../en/problems.js';
import { plural } from '../../plural.js';

/** Ukrainian texts of what the forms show after their first screen: problems and the words of later steps. */
export const problems: ProblemMessages = {
  emailRequired: 'Введіть адресу електронної пошти',
  emailInvalid: 'Введіть адресу електронної пошти в правильному форматі, наприклад name@example.com',
  emailTooLong: (max: number) =>
    `Адреса електронної пошти може містити щонайбільше ${max} ${plural('uk', max, { one: 'символ', few: 'символи', many: 'символів', other: 'символу' })}`,
  passwordRequired: 'Введіть пароль',
  passwordTooLong: (max: number) =>
    `Пароль може містити щонайбільше ${max} ${plural('uk', max, { one: 'символ', few: 'символи', many: 'символів', other: 'символу' })}`,
  // «через» + знахідний відмінок: через 1 хвилину, 2 хвилини, 5 хвилин.
  throttled: (minutes: number, time: string) =>
    `Забагато спроб. Спробуйте ще раз через ${minutes} ${plural('uk', minutes, { one: 'хвилину', few: 'хвилини', many: 'хвилин', other: 'хвилини' })}, після ${time}.`,
  serviceTimeout: 'Сервіс не відповів вчасно. Введені вами дані не втрачено. Спробуйте ще раз.',
  unexpectedError: 'Щось пішло не так. Спробуйте ще раз.',
  configLoadFailed: 'Не вдалося завантажити форму, бо сервіс зараз недоступний.',
  tokenInvalidTitle: 'Строк дії цього посилання минув або його вже використано',
  certificateRejected: 'Цей сертифікат не прийнято. Виберіть інший або увійдіть за допомогою імені користувача та пароля.',
  configErrorTitle: 'Вхід недоступний',
  configErrorBody: 'Цю сторінку налаштовано неправильно. Повідомте про це адміністраторів сайту.',
  configErrorDetails: 'Подробиці для адміністраторів сайту',
  loading: 'Завантаження…',
  tryAgain: 'Спробувати ще раз',
  send: 'Надіслати',
  sending: 'Надсилання…',
  requiredLegend: 'Поля, позначені зірочкою (*), обов’язкові.',
  registerWithCertificate: 'Зареєструватися з цим сертифікатом',
};
