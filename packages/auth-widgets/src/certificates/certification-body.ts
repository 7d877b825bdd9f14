/** The CA directory (GET /config `certificationBodies`): who issued a certificate, named for people. */
import type { CertificationBody, CertificationBodyIssuer } from '../client/contract.js';
import type { Locale } from '../i18n/locales.js';
import { localizedText } from '../i18n/localized-text.js';

export { localizedText };
import { nameValues, OID, sameBytes, type ParsedCertificate } from './x509.js';

function normalize(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** What `findCertificationBody` reads of a certificate (a `ParsedCertificate` has it). */
export type CertificateIssuerInfo = Pick<ParsedCertificate, 'issuer' | 'issuerDer' | 'authorityKeyIdentifier'>;

/**
 * The certification body that issued a certificate (issue 13).
 *
 * - A body with `issuers` (the default directory, from the trusted list's
 *   CA certificates): one of them has the certificate's issuer as its
 *   subject, byte for byte, and — when both say — the certificate's
 *   authority key identifier is that CA's key identifier. Never by name: a
 *   CA that copies a real CA's CN, or its whole DN with another key, is not
 *   named as that body.
 * - A body without `issuers` (a hand-made directory; an empty list counts
 *   as none): the issuer's CN or O is one of its `issuerNames` (case and
 *   spacing aside).
 *
 * Only a hint for the person: the backend verifies the chain.
 */
export function findCertificationBody(certificate: CertificateIssuerInfo, directory: readonly CertificationBody[]): CertificationBody | undefined {
  const issuer = certificate.issuer;
  const names = new Set([...nameValues(issuer, OID.commonName), ...nameValues(issuer, OID.organization)].map(normalize));
  return directory.find((body) =>
    body.issuers?.length ? body.issuers.some((ca) => issuedBy(certificate, ca)) : body.issuerNames.some((name) => names.has(normalize(name))),
  );
}

function issuedBy(certificate: CertificateIssuerInfo, ca: CertificationBodyIssuer): boolean {
  const subject = subjectBytes(ca);
  if (!subject || !sameBytes(subject, certificate.issuerDer)) return false;
  const keyIdentifier = ca.keyIdentifier?.toLowerCase();
  return !certificate.authorityKeyIdentifier || !keyIdentifier || certificate.authorityKeyIdentifier === keyIdentifier;
}

/** Decoded `subject`s, per directory entry object (a directory is read for every certificate of a token). */
const subjects = new WeakMap<CertificationBodyIssuer, Uint8Array | null>();

/** The issuer's subject DER; `null` for one that is not base64 (it then matches nothing). */
function subjectBytes(ca: CertificationBodyIssuer): Uint8Array | null {
  let bytes = subjects.get(ca);
  if (bytes === undefined) {
    try {
      const binary = atob(ca.subject);
      bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    } catch {
      bytes = null;
    }
    subjects.set(ca, bytes);
  }
  return bytes;
}

/** The issuer as people know it: the directory's name in the locale, else what the certificate says. */
export function issuerDisplayName(issuer: { name: string; body?: CertificationBody }, locale: Locale): string {
  return issuer.body ? localizedText(issuer.body.name, locale) : issuer.name;
}
