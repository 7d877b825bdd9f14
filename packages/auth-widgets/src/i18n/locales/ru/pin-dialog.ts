import type { PinDialogMessages } from '../en/pin-dialog.js';
import { plural } from '../../plural.js';

/** Russian texts of the demo agent's PIN dialog (`SoftAgent`). */
export const pinDialog: PinDialogMessages = {
  pinDialogTitle: 'Демо-агент — тестовые ключи, не настоящая смарт-карта',
  pinDialogPrompt: (label) => `Введите PIN-код для «${label}».`,
  // The verb agrees with the numeral: осталась 1 (21) попытка, осталось 2 попытки, осталось 5 попыток.
  pinDialogTriesLeft: (count) =>
    plural('ru', count, {
      one: `Осталась ${count} попытка.`,
      few: `Осталось ${count} попытки.`,
      many: `Осталось ${count} попыток.`,
      other: `Осталось ${count} попытки.`,
    }),
  pinDialogFinalTry: 'Последняя попытка: неверный PIN-код заблокирует этот тестовый токен.',
  pinDialogPin: 'PIN-код',
  pinDialogCancel: 'Отмена',
  pinDialogOk: 'ОК',
};
