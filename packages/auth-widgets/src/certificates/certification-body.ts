/** The CA directory (GET /config `certificationBodies`): who issued a certificate, named for people. */
import type { CertificationBody, LocalizedText } from '../client/contract.js';
import type { Locale } from '../i18n/locales.js';
import { cyrillicToLatin } from '../i18n/transliterate.js';
import { nameValues, OID, type NameAttribute } from './x509.js';

/** A directory text in a locale; Serbian Latin is derived from Cyrillic when the directory has none. */
export function localizedText(text: LocalizedText, locale: Locale): string {
  if (locale === 'en') return text.en;
  if (locale === 'sr-Cyrl') return text['sr-Cyrl'];
  return text['sr-Latn'] ?? cyrillicToLatin(text['sr-Cyrl']);
}

function normalize(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The certification body whose `issuerNames` has the issuer's CN or O (case and spacing aside). */
export function findCertificationBody(issuer: NameAttribute[], directory: CertificationBody[]): CertificationBody | undefined {
  const names = new Set([...nameValues(issuer, OID.commonName), ...nameValues(issuer, OID.organization)].map(normalize));
  return directory.find((body) => body.issuerNames.some((name) => names.has(normalize(name))));
}

/** The issuer as people know it: the directory's name in the locale, else what the certificate says. */
export function issuerDisplayName(issuer: { name: string; body?: CertificationBody }, locale: Locale): string {
  return issuer.body ? localizedText(issuer.body.name, locale) : issuer.name;
}
