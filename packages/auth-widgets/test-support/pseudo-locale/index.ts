// A language folder as a site would add one (README, "Adding a language"),
// kept here for the tests: a pseudo-locale, `en-XA`, every English text with
// its letters accented and in brackets — "⟦Ĺóg íñ⟧". A page under it shows at
// a glance any text the elements write themselves instead of taking from
// their language (it would be plain English), and the tests prove that a
// language added from outside reaches every element without touching one.
import en from '../../src/i18n/locales/en/index.js';
import { defineLocalePack, partOf, type LocaleParts, type PartName } from '../../src/i18n/locale-pack.js';

const ACCENTED: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', n: 'ñ', c: 'ç', L: 'Ĺ', A: 'Á', E: 'É', O: 'Ó', S: 'Š', C: 'Ç' };

/** "Log in" → "⟦Ĺóg íñ⟧": English, visibly not English. */
export function pseudo(text: string): string {
  return `⟦${text.replace(/[a-zA-Z]/g, (letter) => ACCENTED[letter] ?? letter)}⟧`;
}

function pseudoTexts(texts: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(texts).map(([key, value]) => [
      key,
      // Parameters (names, counts, addresses) pass through as they are: only the sentence around them is marked.
      typeof value === 'function' ? (...args: unknown[]) => `⟦${(value as (...a: unknown[]) => string)(...args)}⟧` : pseudo(String(value)),
    ]),
  );
}

const parts = Object.fromEntries(
  (Object.keys(en.parts) as PartName[]).map((name) => [name, () => partOf(en, name).then((texts) => pseudoTexts(texts as Record<string, unknown>))]),
) as unknown as LocaleParts;

export default defineLocalePack({ tag: 'en-XA', name: 'Pseudo-English', parts });
