import type { PasswordResetMessages } from '../en/password-reset.js';

/** Serbian (Cyrillic) texts of `<egov-password-reset>`; the Latin ones are derived from them. */
export const passwordReset: PasswordResetMessages = {
  resetHeading: 'Заборављена лозинка?',
  resetIntro: 'Унесите адресу електронске поште коју сте навели при регистрацији. Послаћемо вам линк за избор нове лозинке.',
  resetSentTitle: 'Проверите електронску пошту',
  resetSentBody: (email: string) =>
    `Ако постоји налог за адресу ${email}, на њу смо послали линк за избор нове лозинке. Линк важи 60 минута. Порука може бити у фасцикли за нежељену пошту (Junk/Spam).`,
  newPasswordHeading: 'Изаберите нову лозинку',
  checkingLink: 'Проверавамо ваш линк…',
  changePassword: 'Промените лозинку',
  changingPassword: 'Мењање…',
  passwordChangedTitle: 'Лозинка је промењена',
  passwordChangedBody: 'Пријавите се новом лозинком. Ради ваше безбедности, одјављени сте на свим другим местима.',
  requestNewLink: 'Затражите нови линк',
  resetLinkInvalidBody: 'Линк за избор нове лозинке може се искористити једном и важи 60 минута. Затражите нови.',
};
