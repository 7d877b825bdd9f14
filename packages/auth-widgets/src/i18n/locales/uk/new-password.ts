import type { NewPasswordMessages } from '../en/new-password.js';
import { plural } from '../../plural.js';

const characters = (n: number) => plural('uk', n, { one: 'символ', few: 'символи', many: 'символів', other: 'символу' });

/** Ukrainian texts of choosing a new password (`<egov-register>` and `<egov-password-reset>`). */
export const newPassword: NewPasswordMessages = {
  newPasswordLabel: 'Новий пароль',
  confirmPasswordLabel: 'Підтвердження пароля',
  passwordPolicy: (min: number) =>
    `Використовуйте щонайменше ${min} ${characters(min)}. Інших правил немає: кілька слів, які ви запам’ятаєте, — це надійний пароль.`,
  passwordCharactersNeeded: (count: number) => `Потрібно ще ${count} ${characters(count)}`,
  passwordLongEnough: 'Довжина достатня',
  passwordTooShort: (min: number) => `Пароль має містити щонайменше ${min} ${characters(min)}`,
  passwordCommon: 'Цей пароль надто поширений, і його легко вгадати. Виберіть інший.',
  passwordContext: 'Пароль не може містити вашу адресу електронної пошти, ваше ім’я або назву цього сайту',
  passwordMismatch: 'Паролі не збігаються',
  confirmPasswordRequired: 'Підтвердьте пароль',
};
