import type { ProblemMessages } from '../en/problems.js';
import { plural } from '../../plural.js';

/** "не более N символов": the genitive after «не более». */
const characters = (n: number) => plural('ru', n, { one: 'символа', few: 'символов', many: 'символов', other: 'символа' });

/** Russian texts of what the forms show after their first screen: problems and the words of later steps. */
export const problems: ProblemMessages = {
  emailRequired: 'Введите адрес электронной почты',
  emailInvalid: 'Введите адрес электронной почты в правильном формате, например name@example.com',
  emailTooLong: (max: number) => `Адрес электронной почты должен содержать не более ${max} ${characters(max)}`,
  passwordRequired: 'Введите пароль',
  passwordTooLong: (max: number) => `Пароль должен содержать не более ${max} ${characters(max)}`,
  throttled: (minutes: number, time: string) =>
    `Слишком много попыток. Попробуйте ещё раз через ${minutes} ${plural('ru', minutes, { one: 'минуту', few: 'минуты', many: 'минут', other: 'минуты' })}, после ${time}.`,
  serviceTimeout: 'Сервис не ответил вовремя. Введённые вами данные не потеряны. Попробуйте ещё раз.',
  unexpectedError: 'Что-то пошло не так. Попробуйте ещё раз.',
  configLoadFailed: 'Не удалось загрузить форму: сервис сейчас недоступен.',
  tokenInvalidTitle: 'Срок действия этой ссылки истёк, или она уже использована',
  certificateRejected: 'Этот сертификат не принят. Выберите другой или войдите по имени пользователя и паролю.',
  configErrorTitle: 'Вход недоступен',
  configErrorBody: 'Эта страница настроена неправильно. Пожалуйста, сообщите об этом администраторам сайта.',
  configErrorDetails: 'Подробности для администраторов сайта',
  loading: 'Загрузка…',
  tryAgain: 'Попробовать ещё раз',
  send: 'Отправить',
  sending: 'Отправка…',
  requiredLegend: 'Поля, отмеченные звёздочкой (*), обязательны для заполнения.',
  registerWithCertificate: 'Зарегистрироваться с этим сертификатом',
};
