import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { catalog } from './catalog.js';
import { formatDate } from './date-format.js';
import { LocaleController } from './locale-controller.js';
import type { Locale } from './locales.js';
import { commonTexts } from './parts/common.js';
import { cyrillicToLatin } from './transliterate.js';

const NBSP = '\u00a0';

/** A locale controller as an element holds it, switched to `locale`. */
async function controller(locale: Locale): Promise<LocaleController<unknown>> {
  const host = { addController: () => undefined, requestUpdate: () => undefined } as unknown as ReactiveControllerHost;
  const i18n = new LocaleController<unknown>(host, catalog(commonTexts));
  i18n.set(locale);
  await i18n.ready;
  return i18n;
}

// Local time: a certificate's date is read on the person's own clock.
const DATE = new Date(2031, 11, 3, 15, 4);

describe('dates and times (one formatter for the whole kit)', () => {
  it('a date cannot be misread: day, month in words, year — never 12/3/2031', async () => {
    expect(formatDate(DATE, 'en')).to.equal(`3${NBSP}December${NBSP}2031`);
    // Serbian writes the month in the genitive after the day ("до 3. децембра 2031."), not the nominative ICU gives.
    expect(formatDate(DATE, 'sr-Cyrl')).to.equal(`3.${NBSP}децембра${NBSP}2031.`);
    expect(formatDate(DATE, 'sr-Latn')).to.equal(`3.${NBSP}decembra${NBSP}2031.`);
  });

  it('a date never wraps: its parts are joined by non-breaking spaces', async () => {
    for (const locale of ['en', 'sr-Cyrl', 'sr-Latn'] as const) {
      const text = formatDate(new Date(2030, 8, 21), locale);
      expect(text, locale).not.to.match(/ /);
      expect(text, locale).to.match(/^21\.?\u00a0\S+\u00a02030\.?$/);
    }
  });

  it('every Latin month is the transliteration of its Cyrillic one', async () => {
    for (let month = 0; month < 12; month++) {
      const date = new Date(2030, month, 1);
      expect(formatDate(date, 'sr-Latn')).to.equal(cyrillicToLatin(formatDate(date, 'sr-Cyrl')));
    }
  });

  it('times are on the 24-hour clock in every locale (a Serbian portal; no AM/PM to misread)', async () => {
    for (const locale of ['en', 'sr-Cyrl', 'sr-Latn'] as const) {
      const i18n = await controller(locale);
      expect(i18n.formatTime(DATE), locale).to.equal('15:04');
      expect(i18n.formatTime(new Date(2031, 0, 1, 0, 5)), locale).to.equal('00:05');
    }
  });
});
