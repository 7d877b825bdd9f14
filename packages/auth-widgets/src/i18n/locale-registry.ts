/**
 * What a site's own code (and a language menu) needs of the kit's
 * languages: each one's name, and `registerLocale` to add one. The elements
 * do not import this module, so a page that adds no language and shows no
 * menu never downloads it.
 */
import type { LocaleInfo, LocalePack } from './locale-pack.js';
import { registry, type BuiltInLocale, type Locale, type PackModule } from './locales.js';

/** Each of the kit's languages named in itself, for a language menu. */
export const LOCALE_NAMES: Readonly<Record<BuiltInLocale, string>> = Object.freeze({
  en: 'English',
  'sr-Latn': 'Srpski (latinica)',
  'sr-Cyrl': 'Српски (ћирилица)',
  ru: 'Русский',
  uk: 'Українська',
  'zh-Hans': '简体中文',
  tr: 'Türkçe',
  ar: 'العربية',
});

/** What a site gives `registerLocale`: the language's name and direction, and how to load its folder. */
export interface LocaleRegistration extends LocaleInfo {
  /** Loads the language's folder, e.g. `() => import('./hu/index.js')`. */
  load(): Promise<PackModule>;
}

/** A language's name (in itself) and direction; undefined for a tag that is not registered. */
export function localeInfo(locale: Locale): Required<LocaleInfo> | undefined {
  const entry = registry.get(locale);
  const name = entry?.name ?? LOCALE_NAMES[locale as BuiltInLocale];
  return entry && name !== undefined ? { tag: locale, name, dir: entry.rtl ? 'rtl' : 'ltr' } : undefined;
}

/**
 * Adds a language, or replaces one: `registerLocale({ tag: 'hu', name:
 * 'Magyar', load: () => import('./hu/index.js') })`, or the folder's pack
 * itself. From then on `locale="hu"`, `<html lang="hu-HU">` and a Hungarian
 * browser find it. Its texts load when an element first needs them. A
 * wrong tag, a missing name or an unknown direction throws, naming it.
 */
export function registerLocale(locale: LocaleRegistration | LocalePack): void {
  let tag: string;
  try {
    [tag = ''] = Intl.getCanonicalLocales(locale.tag);
  } catch {
    throw new RangeError(`[egov] registerLocale: "${locale.tag}" is not a language tag (BCP 47), like "hu" or "sq-AL".`);
  }
  if (!locale.name?.trim()) throw new TypeError(`[egov] registerLocale: "${locale.tag}" needs a name, the language named in itself (for menus).`);
  if (locale.dir !== undefined && locale.dir !== 'ltr' && locale.dir !== 'rtl') {
    throw new TypeError(`[egov] registerLocale: the direction of "${locale.tag}" must be "ltr" or "rtl".`);
  }
  const load = 'parts' in locale ? () => Promise.resolve(locale) : locale.load;
  registry.delete(tag);
  registry.set(tag, { load, rtl: locale.dir === 'rtl', name: locale.name });
}
