import { createHmac } from 'node:crypto';
import { holderIdentifierOf, type HolderIdentifier } from '@egov/auth-widgets/rules';
import { OID } from './oids.ts';
import { x509 } from '../x509.ts';

/**
 * Who a certificate says its holder is, for finding the account: the
 * holder's semantics identifier from the subject serialNumber (ETSI EN 319
 * 412-1: a Serbian personal number, else an identity card's or a passport's
 * number), so a renewed certificate — from any certification body — reaches
 * the same account; else, as the last resort, the issuer and the
 * certificate's serial number, which a renewal does not keep. Never the
 * common name: two people can share a name, and anyone can get a
 * certificate with any CN.
 */
export type CertificateIdentity =
  | { kind: 'holder'; identifier: HolderIdentifier }
  | { kind: 'issuer_serial'; issuer: Uint8Array; serialNumber: string };

/** What the certificate tells about its holder besides the identity (for the registration, as display data). */
export interface CertificateSubject {
  givenName?: string;
  surname?: string;
  commonName?: string;
  email?: string;
}

/**
 * The identity of a certificate, or null when its subject claims a personal
 * number that is not a valid one (or two different identifiers).
 */
export function certificateIdentity(certificate: x509.X509Certificate): CertificateIdentity | null {
  const found = holderIdentifierOf(certificate.subjectName.getField(OID.serialNumber));
  if (found.kind === 'invalid') return null;
  if (found.kind === 'found') return { kind: 'holder', identifier: found.identifier };
  return {
    kind: 'issuer_serial',
    issuer: new Uint8Array(certificate.issuerName.toArrayBuffer()),
    serialNumber: certificate.serialNumber.toLowerCase().replace(/^(00)+(?=.)/, ''),
  };
}

/**
 * The stored key of an identity: a keyed hash, so the database holds no
 * personal number (an unkeyed hash of a 13-digit number with a birth date
 * in it is reversed in minutes). A Serbian personal number keeps the key it
 * always had (`pn:`), so accounts made before other identifiers were read
 * still match.
 */
export function identityKey(identity: CertificateIdentity, secret: string): string {
  const hmac = createHmac('sha256', secret);
  if (identity.kind === 'holder') {
    const { type, country, number } = identity.identifier;
    if (type === 'PNO' && country === 'RS') return `pn:${hmac.update(`PNORS:${number}`).digest('hex')}`;
    return `id:${hmac.update(`${type}${country}:${number}`).digest('hex')}`;
  }
  hmac.update('issuer-serial:').update(identity.issuer).update(':').update(identity.serialNumber);
  return `is:${hmac.digest('hex')}`;
}

function first(certificate: x509.X509Certificate, oid: string): string | undefined {
  return certificate.subjectName.getField(oid)[0];
}

/** Names and e-mail as the certificate has them (e-mail from subjectAltName rfc822Name, else the subject's emailAddress, as the picker reads it). */
export function certificateSubject(certificate: x509.X509Certificate): CertificateSubject {
  const subject: CertificateSubject = {};
  const givenName = first(certificate, OID.givenName);
  const surname = first(certificate, OID.surname);
  const commonName = first(certificate, OID.commonName);
  if (givenName) subject.givenName = givenName;
  if (surname) subject.surname = surname;
  if (commonName) subject.commonName = commonName;
  // Where the certification body puts it: subjectAltName (most), or the subject's emailAddress (Halcom).
  const san = certificate.getExtension(x509.SubjectAlternativeNameExtension);
  const email = san?.names.items.find((name) => name.type === 'email')?.value ?? first(certificate, OID.emailAddress);
  if (email?.trim()) subject.email = email.trim();
  return subject;
}

/** The common name of the issuer (the CA's name, not personal data), for logs and messages. */
export function issuerCommonName(certificate: x509.X509Certificate): string {
  return certificate.issuerName.getField(OID.commonName)[0] ?? certificate.issuer;
}
