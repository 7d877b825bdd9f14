/**
 * Trust from an ETSI TS 119 612 trusted list: which CA certificates become
 * trust anchors, and which of their certificates log in as qualified.
 *
 * The list names issuing CAs, never roots (docs/real-pki-facts.md §1), so a
 * listed CA is an anchor of its own: a card that sends no chain (a MUP
 * identity card) verifies, and what a certificate needs to be qualified is
 * what the list's service says, not a policy allow-list:
 * - the service is CA/QC, granted now, and issues for electronic signatures
 *   (AdditionalServiceInformation ForeSignatures, or none given); services
 *   only for seals or web sites do not sign a person in;
 * - the certificate is issued by the listed CA itself: the list vouches for
 *   the service's own certificates, not for a sub-CA under it;
 * - it meets the criteria of one of the service's Qualifications elements
 *   (the Serbian list: keyUsage nonRepudiation). A service without
 *   Qualifications qualifies nothing here (fail closed: the list does not
 *   say which certificates it means);
 * - the list is current: past its NextUpdate every listed anchor fails
 *   closed until a newer list is configured.
 */
import { ADDITIONAL_SERVICE_INFORMATION, type QualificationCriteria, type QualifiedIssuingCa, type TrustedList, qualifiedIssuingCas } from './trusted-list.ts';
import { fingerprint, x509 } from '../x509.ts';

/** The list's key usage bit names, in the order of RFC 5280's KeyUsage flags. */
const KEY_USAGE_FLAGS: Record<string, number> = {
  digitalSignature: x509.KeyUsageFlags.digitalSignature,
  nonRepudiation: x509.KeyUsageFlags.nonRepudiation,
  keyEncipherment: x509.KeyUsageFlags.keyEncipherment,
  dataEncipherment: x509.KeyUsageFlags.dataEncipherment,
  keyAgreement: x509.KeyUsageFlags.keyAgreement,
  keyCertSign: x509.KeyUsageFlags.keyCertSign,
  crlSign: x509.KeyUsageFlags.cRLSign,
  encipherOnly: x509.KeyUsageFlags.encipherOnly,
  decipherOnly: x509.KeyUsageFlags.decipherOnly,
};

/**
 * Whether `certificate` meets a CriteriaList (ETSI TS 119 612 5.5.9.2.1):
 * `all`, `atLeastOne` or `none` of its KeyUsage, PolicySet and nested
 * CriteriaList criteria. A list with criteria this reader does not
 * interpret is never met (fail closed).
 */
export function meetsCriteria(certificate: x509.X509Certificate, criteria: QualificationCriteria): boolean {
  if (criteria.uninterpreted) return false;
  const usage = certificate.getExtension(x509.KeyUsagesExtension)?.usages ?? 0;
  const policies = new Set<string>(certificate.getExtension(x509.CertificatePolicyExtension)?.policies ?? []);
  const results = [
    ...criteria.keyUsage.map((bits) => Object.entries(bits).every(([name, value]) => ((usage & (KEY_USAGE_FLAGS[name] ?? 0)) !== 0) === value)),
    ...criteria.policySets.map((set) => set.every((oid) => policies.has(oid))),
    ...criteria.nested.map((nested) => meetsCriteria(certificate, nested)),
  ];
  if (results.length === 0) return false;
  if (criteria.assert === 'all') return results.every(Boolean);
  if (criteria.assert === 'atLeastOne') return results.some(Boolean);
  return !results.some(Boolean);
}

/** One anchor from the list, with the service that makes it one. */
export interface ListedAnchor {
  certificate: x509.X509Certificate;
  service: QualifiedIssuingCa;
}

/** The trusted list as the verifier uses it: its anchors by fingerprint, and when it stops counting. */
export interface ListedTrust {
  sequenceNumber: number;
  territory: string;
  issuedAt: Date;
  nextUpdate: Date | null;
  anchors: ReadonlyMap<string, ListedAnchor>;
}

/** The granted CA/QC services of the list that issue certificates for electronic signatures. */
export function listedTrust(list: TrustedList): ListedTrust {
  const anchors = new Map<string, ListedAnchor>();
  for (const service of qualifiedIssuingCas(list)) {
    const purposes = service.additionalServiceInformation;
    if (purposes.length > 0 && !purposes.includes(ADDITIONAL_SERVICE_INFORMATION.forESignatures)) continue;
    anchors.set(fingerprint(service.certificate), { certificate: service.certificate, service });
  }
  return { sequenceNumber: list.sequenceNumber, territory: list.territory, issuedAt: list.issuedAt, nextUpdate: list.nextUpdate, anchors };
}

/** Why a certificate under a listed anchor is not qualified: the list has expired, or the certificate is not one the service qualifies. */
export type ListedRefusal = 'list_expired' | 'not_qualified';

/**
 * Checks a built path `[signer, anchor]` whose anchor the list names.
 * Returns null when the signer is qualified by the list at `now`.
 */
export function listedRefusal(path: readonly x509.X509Certificate[], anchor: ListedAnchor, trust: ListedTrust, now: number): ListedRefusal | null {
  if (trust.nextUpdate === null || now > trust.nextUpdate.getTime()) return 'list_expired';
  if (path.length !== 2) return 'not_qualified';
  const signer = path[0]!;
  return anchor.service.qualifications.some((qualification) => meetsCriteria(signer, qualification.criteria)) ? null : 'not_qualified';
}
