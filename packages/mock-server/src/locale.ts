import { parseLocale, type Locale } from '@egov/auth-widgets/i18n/locales';
import { EMAIL_LOCALES } from './messages/index.ts';

/** A language tag as BCP 47 writes it (loosely): `en`, `sr-Latn-RS`, `de-CH`. */
const LANGUAGE_TAG = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;
/** Longest `locale` value accepted from a client. */
export const LOCALE_MAX_LENGTH = 35;

export function isLanguageTag(value: string): boolean {
  return value.length <= LOCALE_MAX_LENGTH && LANGUAGE_TAG.test(value);
}

/**
 * The language of the server's e-mails a tag asks for (`ru-RU` is `ru`,
 * `sr` Cyrillic, `zh-TW` none), or undefined.
 */
export function emailLocale(tag: string | null | undefined): Locale | undefined {
  return parseLocale(tag, EMAIL_LOCALES);
}

/**
 * The e-mails' locale from an `Accept-Language` header: the first (by
 * q-value) language the server writes, or undefined when there is none.
 */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .slice(0, 500)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { tag: tag.trim(), q: q ? Number(q[1]) : 1, index };
    })
    .filter((entry) => entry.q > 0 && isLanguageTag(entry.tag))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = emailLocale(tag);
    if (locale) return locale;
  }
  return undefined;
}

/**
 * The locale for an e-mail a request causes: the `locale` the site sent,
 * else the request's Accept-Language; undefined when neither names one of
 * the kit's locales (the caller then falls back to the account's, or `en`).
 */
export function requestLocale(explicit: string | undefined, acceptLanguage: string | undefined): Locale | undefined {
  return emailLocale(explicit) ?? localeFromAcceptLanguage(acceptLanguage);
}
