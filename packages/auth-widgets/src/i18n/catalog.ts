import { partOf, type PartName, type PartTexts } from './locale-pack.js';
import { loadLocalePack, type Locale } from './locales.js';

/** A text, or a function that makes one from its parameters. */
export type Message = string | ((...args: never[]) => string);
export type MessageRecord = Record<string, Message>;

/**
 * A part of the kit's texts (the ones one element, or every element, uses):
 * English in the bundle, every other language loaded when first needed from
 * its folder (`./locales/<tag>/`), so a page in English downloads none.
 */
export interface CatalogPart<M extends MessageRecord> {
  readonly en: M;
  load(locale: Locale): Promise<M>;
}

/** A part of the kit's texts: English given, the other languages from their folders. */
export function kitPart<K extends PartName>(name: K, en: PartTexts[K]): CatalogPart<PartTexts[K]> {
  return defineCatalogPart(en, (locale) => loadLocalePack(locale).then((pack) => partOf(pack, name)));
}

export function defineCatalogPart<M extends MessageRecord>(en: M, loadLocale: (locale: Locale) => Promise<M>): CatalogPart<M> {
  // Texts are immutable: each locale is loaded once per page, whoever asks.
  const loaded = new Map<Locale, Promise<M>>([['en', Promise.resolve(en)]]);
  return {
    en,
    load(locale) {
      let texts = loaded.get(locale);
      if (!texts) {
        texts = loadLocale(locale);
        // A failed download may be tried again later.
        texts.catch(() => loaded.delete(locale));
        loaded.set(locale, texts);
      }
      return texts;
    },
  };
}

type Intersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;
type TextsOfParts<P extends readonly CatalogPart<MessageRecord>[]> = Intersection<P[number] extends CatalogPart<infer M> ? M : never>;

/** The texts of one element: the parts it uses, merged, per locale. */
export interface Catalog<M> {
  /** English, merged from the parts so far. */
  readonly en: M;
  /** The texts of a locale already loaded, if any. */
  loaded(locale: Locale): M | undefined;
  load(locale: Locale): Promise<M>;
  /**
   * Adds a part whose code loads later (texts that wait for an error or an
   * interaction, with the code that shows them): from now on every locale's
   * texts include it. Adding a part twice changes nothing.
   */
  add(part: CatalogPart<MessageRecord>): void;
}

export type TextsOf<C> = C extends Catalog<infer M> ? M : never;

export function catalog<const P extends readonly CatalogPart<MessageRecord>[]>(...eager: P): Catalog<TextsOfParts<P>> {
  type M = TextsOfParts<P>;
  const parts: CatalogPart<MessageRecord>[] = [...eager];
  const merge = (texts: MessageRecord[]) => Object.freeze(Object.assign({}, ...texts)) as M;
  let en = merge(parts.map((part) => part.en));
  let loaded = new Map<Locale, M>([['en', en]]);
  return {
    get en() {
      return en;
    },
    loaded: (locale) => loaded.get(locale),
    async load(locale) {
      const cached = loaded.get(locale);
      if (cached) return cached;
      const cache = loaded;
      const texts = merge(await Promise.all(parts.map((part) => part.load(locale))));
      // A part added meanwhile: these texts lack it, and the next load makes them again.
      if (cache === loaded) loaded.set(locale, texts);
      return texts;
    },
    add(part) {
      if (parts.includes(part)) return;
      parts.push(part);
      en = merge(parts.map((p) => p.en));
      loaded = new Map([['en', en]]);
    },
  };
}
