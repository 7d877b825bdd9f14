import type { LocalizedText } from '../client/contract.js';
import type { Locale } from './locales.js';
import { cyrillicToLatin } from './transliterate.js';

/**
 * A backend's text in a locale: Serbian Latin derived from Cyrillic when
 * the backend gives none, English for a language it does not have.
 */
export function localizedText(text: LocalizedText, locale: Locale): string {
  const own = text[locale];
  if (own !== undefined) return own;
  return locale === 'sr-Latn' ? cyrillicToLatin(text['sr-Cyrl']) : text.en;
}
