import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en, type Messages } from './en.js';
import { DEFAULT_LOCALE, type Locale } from './locales.js';

// Serbian catalogs are separate chunks: a page in English never downloads them.
const loaders: Record<Locale, () => Promise<Messages>> = {
  en: () => Promise.resolve(en),
  'sr-Cyrl': () => import('./sr-cyrl.js').then((m) => m.srCyrl),
  'sr-Latn': () => import('./sr-latn.js').then((m) => m.srLatn),
};

// Catalogs are immutable, so one loaded copy serves every element on the page.
const loaded = new Map<Locale, Messages>([[DEFAULT_LOCALE, en]]);

export async function loadMessages(locale: Locale): Promise<Messages> {
  const cached = loaded.get(locale);
  if (cached) return cached;
  const messages = await loaders[locale]();
  loaded.set(locale, messages);
  return messages;
}

/**
 * Gives an element the texts of its current locale. Switching loads the
 * catalog if needed and re-renders once it is there; until then the element
 * keeps the texts it had, so it never shows keys or a blank.
 */
export class LocaleController implements ReactiveController {
  /** The locale whose texts `t` holds. */
  locale: Locale = DEFAULT_LOCALE;
  t: Messages = en;
  #wanted: Locale = DEFAULT_LOCALE;
  #pending: Promise<void> = Promise.resolve();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Resolves when the texts of the last requested locale are in place. */
  get ready(): Promise<void> {
    return this.#pending;
  }

  set(locale: Locale): void {
    if (locale === this.#wanted) return;
    this.#wanted = locale;
    const cached = loaded.get(locale);
    if (cached) {
      this.#apply(locale, cached);
      this.#pending = Promise.resolve();
      return;
    }
    this.#pending = loadMessages(locale).then(
      (messages) => {
        if (this.#wanted === locale) this.#apply(locale, messages);
      },
      (error: unknown) => {
        console.error(`[egov] Could not load the "${locale}" texts; keeping "${this.locale}".`, error);
      },
    );
  }

  #apply(locale: Locale, messages: Messages): void {
    if (this.locale === locale && this.t === messages) return;
    this.locale = locale;
    this.t = messages;
    this.host.requestUpdate();
  }

  /** A clock time in the current locale, e.g. "14:05". */
  formatTime(date: Date): string {
    return new Intl.DateTimeFormat(this.locale, { hour: '2-digit', minute: '2-digit' }).format(date);
  }
}
