/**
 * Checks a language's folder against English, as the kit's tests do for its
 * own languages and a site's tests should for one it adds: every part and
 * key there, none extra, strings where English has strings and functions
 * where it has functions, every parameter English shows shown too, and
 * plural forms matching the language's own categories (`Intl.PluralRules`).
 */
import en from './locales/en/index.js';
import { partOf, type LocalePack, type PartName } from './locale-pack.js';
import { checkingPlurals } from './plural.js';

/** Counts that reach every plural category of every language (0, 1, 2, few, many, 11, 21, 22, 100, 101, 102...). */
export const SAMPLE_COUNTS: readonly number[] = [0, 1, 2, 3, 5, 11, 12, 21, 22, 25, 100, 101, 102, 111, 1001];

type Text = (...args: unknown[]) => string;

/** Distinct values for a text's parameters: the first a count, the others numbers no sentence has by chance. */
function samples(count: number, arity: number): number[] {
  return Array.from({ length: arity }, (_, index) => (index === 0 ? count : 7340 + index));
}

function problemsOfText(where: string, english: unknown, text: unknown): string[] {
  if (typeof text !== typeof english) return [`${where}: a ${typeof text} where English has a ${typeof english}`];
  if (typeof text === 'string') return text.trim() === '' ? [`${where}: empty`] : [];
  if (typeof text !== 'function') return [`${where}: not a text`];
  // A text may take its parameters as a rest parameter (a derived language does), but never more than English gives.
  const arity = (english as Text).length;
  if ((text as Text).length > arity) return [`${where}: takes ${(text as Text).length} parameters, English gives ${arity}`];
  const problems = new Set<string>();
  for (const count of SAMPLE_COUNTS) {
    const args = samples(count, arity);
    let said: string;
    try {
      said = checkingPlurals(() => (text as Text)(...args));
    } catch (error) {
      problems.add(`${where}: ${(error as Error).message}`);
      break;
    }
    const englishSays = (english as Text)(...args);
    for (const [index, value] of args.entries()) {
      if (englishSays.includes(String(value)) && !said.includes(String(value))) problems.add(`${where}: parameter ${index + 1} is not in the text ("${said}")`);
    }
    if (said.trim() === '') problems.add(`${where}: empty`);
  }
  return [...problems];
}

/** What is wrong with a language's folder, in words; empty when it is complete. */
export async function checkLocalePack(pack: LocalePack): Promise<string[]> {
  const problems: string[] = [];
  const names = Object.keys(en.parts) as PartName[];
  for (const name of Object.keys(pack.parts)) if (!names.includes(name as PartName)) problems.push(`${pack.tag}: part "${name}" is not one of the kit's`);
  for (const name of names) {
    if (!(name in pack.parts)) {
      problems.push(`${pack.tag}: part "${name}" is missing`);
      continue;
    }
    const english = (await partOf(en, name)) as Record<string, unknown>;
    const texts = (await partOf(pack, name)) as Record<string, unknown>;
    for (const key of Object.keys(english)) if (!(key in texts)) problems.push(`${pack.tag} ${name}.${key}: missing`);
    for (const key of Object.keys(texts)) if (!(key in english)) problems.push(`${pack.tag} ${name}.${key}: not in English (a typo, or left over)`);
    for (const [key, text] of Object.entries(texts)) if (key in english) problems.push(...problemsOfText(`${pack.tag} ${name}.${key}`, english[key], text));
  }
  return problems;
}
