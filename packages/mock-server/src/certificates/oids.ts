import { OID as READER_OID } from '@egov/auth-widgets/certificates';

/**
 * Object identifiers the certificate checks and the test PKI use (RFC 5280,
 * X.520, ETSI EN 319 412): the picker's reader's table (one table for both
 * ends, @egov/auth-widgets/certificates), and the ones only the backend
 * needs — revocation and path extensions, anyPolicy, extended key usages.
 */
export const OID = {
  ...READER_OID,
  crlDistributionPoints: '2.5.29.31',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  anyPolicy: '2.5.29.32.0',
  // extended key usages
  anyExtendedKeyUsage: '2.5.29.37.0',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  smartcardLogon: '1.3.6.1.4.1.311.20.2.2',
} as const;

/**
 * Extensions the checks understand. A certificate on the path with any other
 * extension marked critical is refused, as RFC 5280 (4.2) requires.
 */
export const UNDERSTOOD_EXTENSIONS: ReadonlySet<string> = new Set([
  OID.subjectKeyIdentifier,
  OID.keyUsage,
  OID.subjectAltName,
  OID.basicConstraints,
  OID.crlDistributionPoints,
  OID.certificatePolicies,
  OID.authorityKeyIdentifier,
  OID.extKeyUsage,
  OID.authorityInfoAccess,
  OID.qcStatements,
]);

/**
 * Extended key usages that allow signing a login challenge: client
 * authentication (and Microsoft's smart-card logon), e-mail protection —
 * Serbian qualified signature certificates carry it beside client
 * authentication, and some carry only it — and "any".
 */
export const DEFAULT_EXTENDED_KEY_USAGES: readonly string[] = Object.freeze([
  OID.clientAuth,
  OID.smartcardLogon,
  OID.emailProtection,
  OID.anyExtendedKeyUsage,
]);

/** A dotted object identifier: `2.999.381.1.1.1`. */
export function isOid(value: string): boolean {
  return /^[0-2](\.(0|[1-9]\d{0,8})){1,30}$/.test(value);
}
