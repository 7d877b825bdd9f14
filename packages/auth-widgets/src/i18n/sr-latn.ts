import type { Messages } from './en.js';
import { srCyrl } from './sr-cyrl.js';
import { transliterateTexts } from './transliterate.js';

/** Every Serbian text in Latin script, derived from the Cyrillic letter by letter. */
export const srLatn: Messages = transliterateTexts(srCyrl);
