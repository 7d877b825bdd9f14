import type { Locale } from '@egov/auth-widgets';
import { cyrillicToLatin } from '@egov/auth-widgets/i18n/transliterate';
import type { StateTitle } from '../gallery/state.ts';
import { API_TEXTS, type ApiTexts } from '../api/texts.ts';
import { DEMO_TEXTS, type DemoTexts } from '../demo-texts.ts';
import { GALLERY_TEXTS, type GalleryTexts } from '../gallery/texts.ts';
import { HOME_TEXTS, type HomeTexts } from '../home/texts.ts';
import { LIVE_TEXTS, type LiveTexts } from '../live/texts.ts';
import { TOKEN_TEXTS, type TokenTexts } from '../tokens/texts.ts';
import { ar } from './ar.ts';
import { ru } from './ru.ts';
import { tr } from './tr.ts';
import type { DemoLanguage } from './types.ts';
import { uk } from './uk.ts';
import { zhHans } from './zh-Hans.ts';

export type { DemoLanguage } from './types.ts';

/** The demo's texts in the languages beyond English and Serbian, one file each. */
export const DEMO_LANGUAGES: Readonly<Record<string, DemoLanguage>> = Object.freeze({ ru, uk, 'zh-Hans': zhHans, tr, ar });

/** An area's texts in `locale`: its own (English, Serbian), else the language's file, else English. */
export function inLanguage<T>(own: Readonly<Record<string, T>> & { en: T }, locale: Locale, pick: (language: DemoLanguage) => T): T {
  const language = DEMO_LANGUAGES[locale];
  return own[locale] ?? (language ? pick(language) : own.en);
}

/** The api texts in `locale`. */
export const apiTexts = (locale: Locale): ApiTexts => inLanguage(API_TEXTS, locale, (language) => language.api);
/** The gallery texts in `locale`. */
export const galleryTexts = (locale: Locale): GalleryTexts => inLanguage(GALLERY_TEXTS, locale, (language) => language.gallery);
/** The home texts in `locale`. */
export const homeTexts = (locale: Locale): HomeTexts => inLanguage(HOME_TEXTS, locale, (language) => language.home);
/** The live texts in `locale`. */
export const liveTexts = (locale: Locale): LiveTexts => inLanguage(LIVE_TEXTS, locale, (language) => language.live);
/** The tokens texts in `locale`. */
export const tokenTexts = (locale: Locale): TokenTexts => inLanguage(TOKEN_TEXTS, locale, (language) => language.tokens);
/** The demo texts in `locale`. */
export const demoTexts = (locale: Locale): DemoTexts => inLanguage(DEMO_TEXTS, locale, (language) => language.demo);

/** A state's title in `locale` (Latin derived from Cyrillic; English where the demo has none). */
export function stateTitle(state: { id: string; title: StateTitle }, locale: Locale): string {
  if (locale === 'en') return state.title.en;
  if (locale === 'sr-Cyrl') return state.title['sr-Cyrl'];
  if (locale === 'sr-Latn') return cyrillicToLatin(state.title['sr-Cyrl']);
  return DEMO_LANGUAGES[locale]?.stateTitles[state.id] ?? state.title.en;
}
