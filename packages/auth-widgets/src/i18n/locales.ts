export const SUPPORTED_LOCALES = ['en', 'sr-Latn', 'sr-Cyrl'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language named in its own script, for the locale menu. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  'sr-Latn': 'Srpski (latinica)',
  'sr-Cyrl': 'Српски (ћирилица)',
};

/**
 * Accepts the kit's locale tags in any letter case, and the usual aliases:
 * `sr` and `sr-RS` are Cyrillic (the official script), `sr-Latn-RS` Latin.
 */
export function parseLocale(value: string | null | undefined): Locale | undefined {
  if (!value) return undefined;
  const tag = value.trim().toLowerCase();
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  if (tag === 'sr-latn' || tag.startsWith('sr-latn-')) return 'sr-Latn';
  if (tag === 'sr' || tag === 'sr-rs' || tag === 'sr-cyrl' || tag.startsWith('sr-cyrl-')) return 'sr-Cyrl';
  return undefined;
}
