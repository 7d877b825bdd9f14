/**
 * The kit's languages as the elements need them: which there are, which
 * way each is written, how a tag from a page or a browser finds one, and
 * where each one's folder loads from (`./locales/<tag>/`, only when an
 * element first needs it). Names for menus and `registerLocale`, which only
 * a site's own code calls, are in `./locale-registry.ts`: a page pays for
 * them only if it uses them.
 */
import type { LocalePack } from './locale-pack.js';

/** The languages the kit comes with, in the order a language menu lists them. */
export const SUPPORTED_LOCALES = ['en', 'sr-Latn', 'sr-Cyrl', 'ru', 'uk', 'zh-Hans', 'tr', 'ar'] as const;
export type BuiltInLocale = (typeof SUPPORTED_LOCALES)[number];
/** A language's tag, as registered: one of `SUPPORTED_LOCALES`, or one a site added with `registerLocale`. */
export type Locale = BuiltInLocale | (string & {});
export const DEFAULT_LOCALE: Locale = 'en';

export type PackModule = LocalePack | { default: LocalePack };

export interface RegisteredLocale {
  /** Loads the language's folder (English's too: the elements carry their own English texts, this is for checks and sites). */
  load(): Promise<PackModule>;
  rtl?: boolean;
  /** The language's name in itself (a site's language; the kit's are in `LOCALE_NAMES`). */
  name?: string;
  pack?: Promise<LocalePack>;
}

/** Every language there is, by its canonical tag. */
export const registry = new Map<string, RegisteredLocale>([
  ['en', { load: () => import('./locales/en/index.js') }],
  ['sr-Latn', { load: () => import('./locales/sr-Latn/index.js') }],
  ['sr-Cyrl', { load: () => import('./locales/sr-Cyrl/index.js') }],
  ['ru', { load: () => import('./locales/ru/index.js') }],
  ['uk', { load: () => import('./locales/uk/index.js') }],
  ['zh-Hans', { load: () => import('./locales/zh-Hans/index.js') }],
  ['tr', { load: () => import('./locales/tr/index.js') }],
  ['ar', { load: () => import('./locales/ar/index.js'), rtl: true }],
]);

/** The languages there are now: the kit's, then those a site registered. */
export function registeredLocales(): Locale[] {
  return [...registry.keys()];
}

/** `rtl` for a language written right to left (Arabic), else `ltr`. */
export function localeDirection(locale: Locale): 'ltr' | 'rtl' {
  return registry.get(locale)?.rtl ? 'rtl' : 'ltr';
}

/** A language's folder, loaded once per page (again after a failed download). */
export function loadLocalePack(locale: Locale): Promise<LocalePack> {
  const entry = registry.get(locale);
  if (!entry) return Promise.reject(new RangeError(`[egov] No language "${locale}"`));
  if (!entry.pack) {
    const pack = entry.load().then((module) => ('default' in module ? module.default : module));
    pack.catch(() => {
      if (entry.pack === pack) entry.pack = undefined;
    });
    entry.pack = pack;
  }
  return entry.pack;
}

/** Language and script of a tag, with what it leaves out filled in (`sr` → `sr-cyrl`, `zh-TW` → `zh-hant`); undefined if it is no tag. */
function languageAndScript(tag: string): string | undefined {
  try {
    const full = new Intl.Locale(tag).maximize();
    return `${full.language}-${full.script}`.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * The registered language a tag asks for, among `offered` (default: all),
 * or undefined. The tag is read in any letter case and with what it leaves
 * out filled in, so a language matches in the same script: `en-GB` is `en`,
 * `sr` and `sr-RS` are Cyrillic, `sr-Latn-RS` and `sr-ME` Latin, `zh-CN`
 * is `zh-Hans` — and `zh-TW` (Traditional) is not.
 */
export function parseLocale(value: string | null | undefined, offered: readonly Locale[] = registeredLocales()): Locale | undefined {
  const text = value?.trim().toLowerCase();
  if (!text || text.length > 64) return undefined;
  const wanted = languageAndScript(text);
  return offered.find((tag) => tag.toLowerCase() === text) ?? (wanted && offered.find((tag) => languageAndScript(tag) === wanted));
}

/**
 * The language an element speaks when nobody set one: the first of the
 * page's and the browser's languages (in that order) that is offered, else
 * English if offered, else the first offered.
 */
export function negotiateLocale(preferred: readonly (string | null | undefined)[], offered: readonly Locale[] = registeredLocales()): Locale {
  for (const tag of preferred) {
    const found = parseLocale(tag, offered);
    if (found) return found;
  }
  return offered.includes(DEFAULT_LOCALE) ? DEFAULT_LOCALE : (offered[0] ?? DEFAULT_LOCALE);
}
