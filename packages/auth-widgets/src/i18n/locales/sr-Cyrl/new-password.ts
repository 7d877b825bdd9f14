import type { NewPasswordMessages } from '../en/new-password.js';
import { plural } from '../../plural.js';

/** Serbian (Cyrillic) texts of choosing a new password (`<egov-register>` and `<egov-password-reset>`); the Latin ones are derived from them. */
export const newPassword: NewPasswordMessages = {
  newPasswordLabel: 'Нова лозинка',
  confirmPasswordLabel: 'Потврдите лозинку',
  passwordPolicy: (min: number) =>
    `Лозинка мора имати најмање ${min} ${plural('sr-Cyrl', min, { one: 'знак', few: 'знака', other: 'знакова' })}. Других правила нема: неколико речи које ћете запамтити чине јаку лозинку.`,
  passwordCharactersNeeded: (count: number) =>
    `${plural('sr-Cyrl', count, { one: 'Недостаје још', few: 'Недостају још', other: 'Недостаје још' })} ${count} ${plural('sr-Cyrl', count, { one: 'знак', few: 'знака', other: 'знакова' })}`,
  passwordLongEnough: 'Довољно дугачка',
  passwordTooShort: (min: number) =>
    `Лозинка мора имати најмање ${min} ${plural('sr-Cyrl', min, { one: 'знак', few: 'знака', other: 'знакова' })}`,
  passwordCommon: 'Ова лозинка је превише честа и лако се погађа. Изаберите другу.',
  passwordContext: 'Лозинка не сме да садржи вашу адресу електронске поште, ваше име ни назив овог сајта',
  passwordMismatch: 'Лозинке се не поклапају',
  confirmPasswordRequired: 'Поново унесите лозинку',
};
