import { plural } from '../../plural.js';

/** English texts of the demo agent's PIN dialog (`SoftAgent`): like a real agent's window, it stands outside the page's forms. */
export const pinDialog = {
  pinDialogTitle: 'Demo agent — test keys, not a real smart card',
  pinDialogPrompt: (label: string) => `Enter the PIN of “${label}”.`,
  pinDialogTriesLeft: (count: number) => `${count} ${plural('en', count, { one: 'try', other: 'tries' })} left.`,
  pinDialogFinalTry: 'Last try: a wrong PIN locks this test token.',
  pinDialogPin: 'PIN',
  pinDialogCancel: 'Cancel',
  pinDialogOk: 'OK',
};

export type PinDialogMessages = typeof pinDialog;
