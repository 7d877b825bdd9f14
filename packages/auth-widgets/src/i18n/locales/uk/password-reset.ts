import type { PasswordResetMessages } from '../en/password-reset.js';

/** Ukrainian texts of `<egov-password-reset>`. */
export const passwordReset: PasswordResetMessages = {
  resetHeading: 'Забули пароль?',
  resetIntro: 'Введіть адресу електронної пошти, з якою ви зареєструвалися. Ми надішлемо вам посилання для вибору нового пароля.',
  resetSentTitle: 'Перевірте електронну пошту',
  resetSentBody: (email: string) =>
    `Якщо для адреси ${email} є обліковий запис, ми надіслали на неї посилання для вибору нового пароля. Посилання діє 60 хвилин. Лист може опинитися в папці небажаної пошти (Junk/Spam).`,
  newPasswordHeading: 'Виберіть новий пароль',
  checkingLink: 'Перевірка посилання…',
  changePassword: 'Змінити пароль',
  changingPassword: 'Зміна пароля…',
  passwordChangedTitle: 'Ваш пароль змінено',
  passwordChangedBody: 'Увійдіть із новим паролем. З міркувань безпеки всі ваші інші сеанси завершено.',
  requestNewLink: 'Запросити нове посилання',
  resetLinkInvalidBody: 'Посилання для вибору нового пароля можна використати один раз, і воно діє 60 хвилин. Запросіть нове.',
};
