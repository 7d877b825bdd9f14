import type { NewPasswordMessages } from '../en/new-password.js';
import { plural } from '../../plural.js';

/** "не менее N символов": the genitive after «не менее». */
const atLeast = (n: number) => plural('ru', n, { one: 'символа', few: 'символов', many: 'символов', other: 'символа' });

/** Russian texts of choosing a new password (`<egov-register>` and `<egov-password-reset>`). */
export const newPassword: NewPasswordMessages = {
  newPasswordLabel: 'Новый пароль',
  confirmPasswordLabel: 'Подтверждение пароля',
  passwordPolicy: (min: number) =>
    `Используйте не менее ${min} ${atLeast(min)}. Других требований нет: несколько слов, которые вы запомните, — это надёжный пароль.`,
  passwordCharactersNeeded: (count: number) =>
    `Нужно ещё ${count} ${plural('ru', count, { one: 'символ', few: 'символа', many: 'символов', other: 'символа' })}`,
  passwordLongEnough: 'Длина достаточная',
  passwordTooShort: (min: number) => `Пароль должен содержать не менее ${min} ${atLeast(min)}`,
  passwordCommon: 'Этот пароль слишком распространён, его легко подобрать. Выберите другой.',
  passwordContext: 'Пароль не должен содержать ваш адрес электронной почты, ваше имя или название этого сайта',
  passwordMismatch: 'Пароли не совпадают',
  confirmPasswordRequired: 'Подтвердите пароль',
};
