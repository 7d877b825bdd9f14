/**
 * The kit's one way to write a date and a time (issue 12): a date nobody can
 * misread — day, month in words, year ("3 December 2031", "3. децембра
 * 2031.") — never "12/3/2031", which a foreign resident reads as 12 March;
 * and the 24-hour clock in every locale. Everything is on the person's own
 * clock (local time).
 *
 * Other languages take `Intl.DateTimeFormat`'s long date, which puts the
 * month in its right case (Russian "3 декабря"), always in Latin digits.
 *
 * Why English and Serbian do not: for Serbian `Intl` writes the month in the
 * nominative ("3. децембар 2031."), while a date in a sentence — "важи до 3.
 * децембра 2031." — takes the genitive, as the portal's e-mails write it. And
 * English stays on the 24-hour clock: the portal is Serbian, its e-mails say
 * "at 13:30", and "03:04 PM" beside "15:04" on a Serbian page is one more
 * thing to misread.
 */
import type { Locale } from './locales.js';

/** Keeps the parts of a date on one line. */
const NBSP = '\u00a0';

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Genitive, as after a day number: „3. децембра 2031.“ */
const SR_CYRL_MONTHS = ['јануара', 'фебруара', 'марта', 'априла', 'маја', 'јуна', 'јула', 'августа', 'септембра', 'октобра', 'новембра', 'децембра'];
/**
 * The Cyrillic months transliterated (a test holds them to it). Written out
 * rather than derived: every element formats times, and the transliteration
 * table is loaded only with Serbian Latin texts.
 */
const SR_LATN_MONTHS = ['januara', 'februara', 'marta', 'aprila', 'maja', 'juna', 'jula', 'avgusta', 'septembra', 'oktobra', 'novembra', 'decembra'];

/** "3 December 2031", "3. децембра 2031.", "3. decembra 2031." — with non-breaking spaces, so it never wraps. */
export function formatDate(date: Date, locale: Locale): string {
  const day = date.getDate();
  const year = date.getFullYear();
  const month = date.getMonth();
  if (locale === 'en') return [day, EN_MONTHS[month], year].join(NBSP);
  if (locale === 'sr-Cyrl' || locale === 'sr-Latn') {
    const months = locale === 'sr-Cyrl' ? SR_CYRL_MONTHS : SR_LATN_MONTHS;
    return [`${day}.`, months[month], `${year}.`].join(NBSP);
  }
  // Every other language as Intl writes it, the month in words and the digits Latin: "3 декабря 2031 г.", "2031年12月3日", "3 ديسمبر 2031".
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', numberingSystem: 'latn' }).format(date).replace(/ /g, NBSP);
}

export { formatTime } from './time-format.js';
