import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Catalog, CatalogPart, MessageRecord } from './catalog.js';
import { formatTime } from './time-format.js';
import { DEFAULT_LOCALE, type Locale } from './locales.js';

/**
 * Gives an element the texts of its current locale, from the catalog of the
 * parts it uses. Switching loads the texts if needed and re-renders once
 * they are there; until then the element keeps the texts it had, so it
 * never shows keys or a blank. Before its first render an element waits for
 * its locale's texts instead (`firstTextsPending`), so a Serbian page never
 * flashes English.
 */
export class LocaleController<M> implements ReactiveController {
  /** The locale whose texts `t` holds. */
  locale: Locale = DEFAULT_LOCALE;
  t: M;
  #wanted: Locale = DEFAULT_LOCALE;
  #pending: Promise<void> = Promise.resolve();
  /** Counts loads: only the latest one's texts are applied. */
  #generation = 0;
  #rendered = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly catalog: Catalog<M>,
  ) {
    this.t = catalog.en;
    host.addController(this);
  }

  hostConnected(): void {}

  hostUpdated(): void {
    this.#rendered = true;
  }

  /** Nothing is on screen yet and the wanted locale's texts are still on their way. */
  get firstTextsPending(): boolean {
    return !this.#rendered && this.#wanted !== this.locale;
  }

  /** Resolves when the texts of the last requested locale are in place. */
  get ready(): Promise<void> {
    return this.#pending;
  }

  set(locale: Locale): void {
    if (locale === this.#wanted) return;
    this.#wanted = locale;
    this.#load();
  }

  /**
   * Adds a part of texts that loaded later, with the code that shows them,
   * to this element's catalog; resolves once `t` has them in the wanted
   * locale (and every later locale switch brings them along).
   */
  async extend(part: CatalogPart<MessageRecord>): Promise<void> {
    this.catalog.add(part);
    this.#load();
    const key = Object.keys(part.en)[0];
    // A locale switch meanwhile supersedes this load: wait for the newer one, which has the part too.
    for (;;) {
      const generation = this.#generation;
      await this.#pending;
      if (key === undefined || key in (this.t as object)) return;
      if (generation === this.#generation) throw new Error(`[egov] Could not load the "${this.#wanted}" texts.`);
    }
  }

  #load(): void {
    const locale = this.#wanted;
    const generation = ++this.#generation;
    const cached = this.catalog.loaded(locale);
    if (cached) {
      this.#apply(locale, cached);
      this.#pending = Promise.resolve();
      return;
    }
    this.#pending = this.catalog.load(locale).then(
      (texts) => {
        if (generation === this.#generation) this.#apply(locale, texts);
      },
      (error: unknown) => {
        console.error(`[egov] Could not load the "${locale}" texts; keeping "${this.locale}".`, error);
      },
    );
  }

  #apply(locale: Locale, texts: M): void {
    if (this.locale === locale && this.t === texts) return;
    this.locale = locale;
    this.t = texts;
    this.host.requestUpdate();
  }

  /** A clock time, on the 24-hour clock in every locale: "14:05" (see `date-format.ts`). */
  formatTime(date: Date): string {
    return formatTime(date);
  }
}
