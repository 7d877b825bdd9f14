import { kitPart } from '../catalog.js';
import { pinDialog } from '../locales/en/pin-dialog.js';

/** The demo agent's PIN dialog's texts, loaded with the dialog. */
export const pinDialogTexts = kitPart('pinDialog', pinDialog);
