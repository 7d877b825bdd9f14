import type { Locale } from './locales.js';

export interface PluralForms {
  one: string;
  few?: string;
  other: string;
}

/** Picks the form `Intl.PluralRules` names for `count` (Serbian: one, few, other). */
export function plural(locale: Locale, count: number, forms: PluralForms): string {
  const category = new Intl.PluralRules(locale).select(count);
  if (category === 'one') return forms.one;
  if (category === 'few' && forms.few) return forms.few;
  return forms.other;
}
