import type { PinDialogMessages } from '../en/pin-dialog.js';
import { plural } from '../../plural.js';

/** Turkish texts of the demo agent's PIN dialog. */
export const pinDialog: PinDialogMessages = {
  pinDialogTitle: 'Demo aracı — test anahtarları, gerçek bir akıllı kart değil',
  pinDialogPrompt: (label) => `“${label}” için PIN’i girin.`,
  pinDialogTriesLeft: (count) => `${count} ${plural('tr', count, { one: 'deneme hakkınız', other: 'deneme hakkınız' })} kaldı.`,
  pinDialogFinalTry: 'Son deneme: yanlış PIN girilirse bu test token kilitlenir.',
  pinDialogPin: 'PIN',
  pinDialogCancel: 'İptal',
  pinDialogOk: 'Tamam',
};
