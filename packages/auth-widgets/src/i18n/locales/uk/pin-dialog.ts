import type { PinDialogMessages } from '../en/pin-dialog.js';
import { plural } from '../../plural.js';

/** Ukrainian texts of the demo agent's PIN dialog. */
export const pinDialog: PinDialogMessages = {
  pinDialogTitle: 'Демо-агент — тестові ключі, не справжня смарт-картка',
  pinDialogPrompt: (label) => `Введіть PIN-код для «${label}».`,
  // The verb agrees with the numeral: залишилася 1 спроба, залишилися 2 спроби, залишилося 5 спроб.
  pinDialogTriesLeft: (count) =>
    `${plural('uk', count, { one: `Залишилася ${count} спроба`, few: `Залишилися ${count} спроби`, many: `Залишилося ${count} спроб`, other: `Залишилося ${count} спроби` })}.`,
  pinDialogFinalTry: 'Остання спроба: неправильний PIN-код заблокує цей тестовий токен.',
  pinDialogPin: 'PIN-код',
  pinDialogCancel: 'Скасувати',
  pinDialogOk: 'OK',
};
