import type { PasswordResetMessages } from '../en/password-reset.js';

/** Russian texts of `<egov-password-reset>`. */
export const passwordReset: PasswordResetMessages = {
  resetHeading: 'Забыли пароль?',
  resetIntro: 'Введите адрес электронной почты, указанный при регистрации. Мы отправим вам ссылку для выбора нового пароля.',
  resetSentTitle: 'Проверьте электронную почту',
  resetSentBody: (email: string) =>
    `Если для адреса ${email} есть учётная запись, мы отправили на него ссылку для выбора нового пароля. Ссылка действует 60 минут. Письмо может оказаться в папке нежелательной почты (Junk/Spam).`,
  newPasswordHeading: 'Выберите новый пароль',
  checkingLink: 'Проверка ссылки…',
  changePassword: 'Сменить пароль',
  changingPassword: 'Смена пароля…',
  passwordChangedTitle: 'Ваш пароль изменён',
  passwordChangedBody: 'Войдите с новым паролем. В целях безопасности вы вышли из системы на всех остальных устройствах.',
  requestNewLink: 'Запросить новую ссылку',
  resetLinkInvalidBody: 'Ссылка для выбора нового пароля одноразовая и действует 60 минут. Запросите новую.',
};
