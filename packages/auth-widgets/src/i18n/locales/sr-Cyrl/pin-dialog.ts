import type { PinDialogMessages } from '../en/pin-dialog.js';
import { plural } from '../../plural.js';

/** Serbian (Cyrillic) texts of the demo agent's PIN dialog; the Latin ones are derived from them. */
export const pinDialog: PinDialogMessages = {
  pinDialogTitle: 'Демо агент — тест кључеви, није права паметна картица',
  pinDialogPrompt: (label) => `Унесите PIN за „${label}“.`,
  pinDialogTriesLeft: (count) =>
    `${plural('sr-Cyrl', count, { one: 'Преостао је још', few: 'Преостала су још', other: 'Преостало је још' })} ${count} ${plural('sr-Cyrl', count, { one: 'покушај', few: 'покушаја', other: 'покушаја' })}.`,
  pinDialogFinalTry: 'Последњи покушај: погрешан PIN закључава овај тест токен.',
  pinDialogPin: 'PIN',
  pinDialogCancel: 'Откажите',
  pinDialogOk: 'Потврдите',
};
