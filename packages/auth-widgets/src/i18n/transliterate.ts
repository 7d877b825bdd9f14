const CYRILLIC_TO_LATIN: Record<string, string> = {
  А: 'A', Б: 'B', В: 'V', Г: 'G', Д: 'D', Ђ: 'Đ', Е: 'E', Ж: 'Ž', З: 'Z', И: 'I', Ј: 'J', К: 'K', Л: 'L',
  Љ: 'Lj', М: 'M', Н: 'N', Њ: 'Nj', О: 'O', П: 'P', Р: 'R', С: 'S', Т: 'T', Ћ: 'Ć', У: 'U', Ф: 'F',
  Х: 'H', Ц: 'C', Ч: 'Č', Џ: 'Dž', Ш: 'Š',
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'đ', е: 'e', ж: 'ž', з: 'z', и: 'i', ј: 'j', к: 'k', л: 'l',
  љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's', т: 't', ћ: 'ć', у: 'u', ф: 'f',
  х: 'h', ц: 'c', ч: 'č', џ: 'dž', ш: 'š',
};

const DIGRAPH_CAPITALS = new Set(['Љ', 'Њ', 'Џ']);

/**
 * Serbian Cyrillic → Latin. Deterministic (the reverse is not: "nj" may be
 * н+ј), so the kit writes Serbian once, in Cyrillic, and derives Latin.
 * A capital digraph letter in an all-capitals word becomes all capitals (ЉУБАВ → LJUBAV).
 */
export function cyrillicToLatin(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const latin = CYRILLIC_TO_LATIN[char];
    if (latin === undefined) {
      out += char;
      continue;
    }
    if (DIGRAPH_CAPITALS.has(char)) {
      const next = text[i + 1];
      const nextIsCapital = next !== undefined && next !== next.toLowerCase();
      out += nextIsCapital ? latin.toUpperCase() : latin;
    } else {
      out += latin;
    }
  }
  return out;
}

/** A whole set of texts in Latin script: strings, and functions whose result is transliterated. */
export function transliterateTexts<M extends Record<string, unknown>>(cyrillic: M): M {
  const entries = Object.entries(cyrillic).map(([key, value]) => [
    key,
    typeof value === 'function'
      ? (...args: unknown[]) => cyrillicToLatin((value as (...a: unknown[]) => string)(...args))
      : cyrillicToLatin(String(value)),
  ]);
  return Object.fromEntries(entries) as M;
}
