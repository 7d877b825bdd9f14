import type { Messages } from './en.js';
import { srCyrl } from './sr-cyrl.js';
import { cyrillicToLatin } from './transliterate.js';

function transliterateCatalog(source: Messages): Messages {
  const entries = Object.entries(source).map(([key, value]) => [
    key,
    typeof value === 'function'
      ? (...args: unknown[]) => cyrillicToLatin((value as (...a: unknown[]) => string)(...args))
      : cyrillicToLatin(value),
  ]);
  return Object.fromEntries(entries) as Messages;
}

/** Serbian in Latin script, derived from the Cyrillic catalog letter by letter. */
export const srLatn: Messages = transliterateCatalog(srCyrl);
