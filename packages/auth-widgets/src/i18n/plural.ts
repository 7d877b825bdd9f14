

/** The forms of a word by `Intl.PluralRules` category: `other` always, the rest as the language has them. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<string, Intl.PluralRules>();
let strict = false;

function rulesOf(locale: string): Intl.PluralRules {
  let found = rules.get(locale);
  if (!found) rules.set(locale, (found = new Intl.PluralRules(locale)));
  return found;
}

/**
 * Picks the form `Intl.PluralRules` names for `count`: English one/other,
 * Serbian one/few/other, Russian and Ukrainian one/few/many/other, Arabic
 * zero/one/two/few/many/other, Chinese other only. A form the language
 * lacks falls back to `other` on a page; under `checkingPlurals` (the
 * catalogs' completeness check) forms that do not match the language's
 * categories exactly throw.
 */
export function plural(locale: string, count: number, forms: PluralForms): string {
  const languageRules = rulesOf(locale);
  if (strict) {
    const wanted = [...languageRules.resolvedOptions().pluralCategories].sort();
    const given = Object.keys(forms).sort();
    if (wanted.join() !== given.join()) throw new Error(`Plural forms for "${locale}" must be exactly ${wanted.join(', ')}; got ${given.join(', ')}.`);
  }
  return forms[languageRules.select(count)] ?? forms.other;
}

/** Runs `check` with every `plural()` call held to its language's categories (for tests of catalogs). */
export function checkingPlurals<T>(check: () => T): T {
  strict = true;
  try {
    return check();
  } finally {
    strict = false;
  }
}
