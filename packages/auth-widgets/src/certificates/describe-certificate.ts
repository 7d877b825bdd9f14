/**
 * What the picker shows about a certificate, and whether it can log in.
 * This is guidance for the person only: the backend checks the chain,
 * dates, usage and policy itself (SECURITY.md 34) and maps the account.
 */
import type { CertificationBody } from '../client/contract.js';
import { findCertificationBody } from './certification-body.js';
import { personalNumberOf } from '../client/rules.js';
import { nameValues, OID, parseCertificate, type KeyUsage, type ParsedCertificate } from './x509.js';

/** Why a certificate is not offered, in the order they are checked (the first that applies is given). */
export const HIDDEN_REASONS = ['expired', 'not_yet_valid', 'untrusted_ca', 'no_private_key', 'authentication_only', 'wrong_key_usage', 'not_qualified', 'invalid_personal_number'] as const;
export type HiddenReason = (typeof HIDDEN_REASONS)[number];

/** What a certificate is for, as a person would tell two of them apart (a card often holds one of each). */
export type CertificatePurpose = 'signing' | 'authentication';

export interface CertificateDescription {
  /** Given name and surname, else the common name (shown, never used to identify anyone). */
  holderName: string;
  givenName?: string;
  surname?: string;
  /** JMBG from the subject's serialNumber (`PNORS…`), checksum-verified; never taken from CN. */
  personalNumber?: string;
  /** subjectAltName rfc822Name, else the subject's emailAddress. */
  email?: string;
  issuer: {
    /** The issuer's CN (else O) as the certificate says it. */
    name: string;
    /** The directory entry (`findCertificationBody`: by the issuing CA certificate, else by `issuerNames`); absent for a CA the site does not trust. */
    body?: CertificationBody;
  };
  /** Hex, as the certificate encodes it. */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  /** Absent when the certificate has no KeyUsage extension. */
  keyUsage?: KeyUsage[];
  extKeyUsage?: string[];
  /** Signing, authentication, both (in that order), or none when key usage and EKU do not say. */
  purposes: CertificatePurpose[];
  /** Certificate policy OIDs. */
  policies: string[];
  /**
   * With a qualified-policy allow-list (the issuer's `qualifiedPolicies`,
   * or `options.qualifiedPolicies`): one of its policies is on it. Without
   * one: it carries a QcCompliance statement or an ETSI QCP policy.
   */
  qualified: boolean;
  /**
   * A card's authentication certificate: digitalSignature without
   * nonRepudiation, so not a qualified certificate. Hidden as
   * `authentication_only` unless `options.allowAuthentication`; then usable
   * at a lower level of assurance (`acr: substantial`), and a picker lists
   * it after the qualified ones.
   */
  authenticationOnly: boolean;
  usable: boolean;
  hiddenBecause?: HiddenReason;
}

/**
 * A directory entry may list the policy OIDs of its qualified certificates
 * (each CA has its own); the contract's CertificationBody does not have the
 * field yet, so it is read when present.
 */
type BodyWithPolicies = CertificationBody & { qualifiedPolicies?: string[] };

export interface DescribeOptions {
  /** Qualified-policy OIDs for every issuer, added to the issuer's own `qualifiedPolicies`. */
  qualifiedPolicies?: string[];
  /**
   * The backend also accepts a card's authentication certificate, at a lower
   * level of assurance (`PublicConfig.authenticationCertificates`): it is not
   * hidden as `authentication_only`, and no qualified policy is asked of it
   * (it has none by nature). Every other check still applies. Default false.
   */
  allowAuthentication?: boolean;
}

/** ETSI EN 319 412-5 QcCompliance: "this is an EU qualified certificate". */
const QC_COMPLIANCE = '0.4.0.1862.1.1';
/** ETSI EN 319 411-2 policies QCP-n, QCP-l, QCP-n-qscd, QCP-l-qscd. */
const QUALIFIED_POLICIES = ['0.4.0.194112.1.0', '0.4.0.194112.1.1', '0.4.0.194112.1.2', '0.4.0.194112.1.3'];

/**
 * Extended key usages a login certificate may carry: TLS client, e-mail
 * protection (personal qualified certificates usually have it), smart-card
 * logon, document signing, any. Only a certificate whose EKU lists none of
 * them (e.g. server or code signing only) is hidden.
 */
const LOGIN_EKUS = [
  '1.3.6.1.5.5.7.3.2',
  '1.3.6.1.5.5.7.3.4',
  '1.3.6.1.4.1.311.20.2.2',
  '1.3.6.1.4.1.311.10.3.12',
  '1.3.6.1.5.5.7.3.36',
  '2.5.29.37.0',
];

/**
 * Describes a DER certificate for the picker. `directory` is the CA
 * directory of GET /config; `hasPrivateKey` what the agent says.
 * Throws CertificateParseError when `der` is not a certificate.
 */
export function describeCertificate(
  der: Uint8Array,
  directory: CertificationBody[],
  now: Date = new Date(),
  hasPrivateKey = true,
  options: DescribeOptions = {},
): CertificateDescription {
  const certificate = parseCertificate(der);
  const { subject } = certificate;
  const givenName = joined(nameValues(subject, OID.givenName));
  const surname = joined(nameValues(subject, OID.surname));
  const commonName = nameValues(subject, OID.commonName)[0];
  const holderName =
    (givenName && surname ? `${givenName} ${surname}` : undefined) ??
    commonName ??
    givenName ??
    surname ??
    nameValues(subject, OID.organization)[0] ??
    certificate.serialNumber;
  const issuerName =
    nameValues(certificate.issuer, OID.commonName)[0] ?? nameValues(certificate.issuer, OID.organization)[0] ?? '';
  const body = findCertificationBody(certificate, directory);
  const allowList = [...((body as BodyWithPolicies | undefined)?.qualifiedPolicies ?? []), ...(options.qualifiedPolicies ?? [])];
  const qualified = isQualified(certificate, allowList);
  // Without an allow-list the kit cannot know the CA's qualified policy: the backend decides.
  const personalNumber = personalNumberOf(nameValues(subject, OID.serialNumber));
  const hiddenBecause = hiddenReason(certificate, {
    now,
    body,
    hasPrivateKey,
    qualified: qualified || allowList.length === 0,
    allowAuthentication: options.allowAuthentication === true,
    personalNumberInvalid: personalNumber.kind === 'invalid',
  });
  const description: CertificateDescription = {
    holderName,
    issuer: body ? { name: issuerName, body } : { name: issuerName },
    serialNumber: certificate.serialNumber,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    purposes: purposesOf(certificate),
    policies: certificate.policies,
    qualified,
    authenticationOnly: isAuthenticationOnly(certificate),
    usable: hiddenBecause === undefined,
  };
  if (givenName) description.givenName = givenName;
  if (surname) description.surname = surname;
  if (personalNumber.kind === 'found') description.personalNumber = personalNumber.personalNumber;
  const email = certificate.emails[0] ?? nameValues(subject, OID.emailAddress)[0];
  if (email) description.email = email.trim();
  if (certificate.keyUsage) description.keyUsage = certificate.keyUsage;
  if (certificate.extKeyUsage) description.extKeyUsage = certificate.extKeyUsage;
  if (hiddenBecause) description.hiddenBecause = hiddenBecause;
  return description;
}

const EKU = {
  clientAuth: '1.3.6.1.5.5.7.3.2',
  smartCardLogon: '1.3.6.1.4.1.311.20.2.2',
  documentSigning: '1.3.6.1.5.5.7.3.36',
  microsoftDocumentSigning: '1.3.6.1.4.1.311.10.3.12',
};

/**
 * Signing: nonRepudiation (contentCommitment) — how qualified signing
 * certificates are marked — or a document-signing EKU. Authentication: a
 * client-auth or smart-card-logon EKU, or digitalSignature alone with no EKU
 * to narrow it. E-mail protection alone says neither.
 */
function purposesOf(certificate: ParsedCertificate): CertificatePurpose[] {
  const usage = certificate.keyUsage ?? [];
  const eku = certificate.extKeyUsage;
  const purposes: CertificatePurpose[] = [];
  if (usage.includes('nonRepudiation') || eku?.some((oid) => oid === EKU.documentSigning || oid === EKU.microsoftDocumentSigning)) {
    purposes.push('signing');
  }
  const authenticationEku = eku?.some((oid) => oid === EKU.clientAuth || oid === EKU.smartCardLogon);
  if (authenticationEku || (!eku && usage.includes('digitalSignature') && !usage.includes('nonRepudiation'))) purposes.push('authentication');
  return purposes;
}

/**
 * A serial number short enough to read and compare: upper-case hex in groups
 * of four joined by non-breaking spaces, the last eight digits of a longer
 * one after "…" (CAs draw serials at random, and sequential ones differ at
 * the end), e.g. "…2233 AABB".
 */
export function shortSerialNumber(hex: string): string {
  const digits = hex.replace(/^0+(?=.)/, '').toUpperCase();
  const tail = digits.slice(-8);
  const groups: string[] = [];
  for (let end = tail.length; end > 0; end -= 4) groups.unshift(tail.slice(Math.max(0, end - 4), end));
  return `${digits.length > 8 ? '…' : ''}${groups.join('\u00a0')}`;
}

function joined(values: string[]): string | undefined {
  const text = values.map((v) => v.trim()).filter(Boolean).join(' ');
  return text || undefined;
}

function isQualified(certificate: ParsedCertificate, allowList: string[]): boolean {
  // An allow-list decides, as on the backend (SECURITY.md 34).
  if (allowList.length > 0) return certificate.policies.some((oid) => allowList.includes(oid));
  return certificate.qcStatements.includes(QC_COMPLIANCE) || certificate.policies.some((oid) => QUALIFIED_POLICIES.includes(oid));
}

function hiddenReason(
  certificate: ParsedCertificate,
  context: {
    now: Date;
    body: CertificationBody | undefined;
    hasPrivateKey: boolean;
    qualified: boolean;
    allowAuthentication: boolean;
    personalNumberInvalid: boolean;
  },
): HiddenReason | undefined {
  if (context.now.getTime() > certificate.notAfter.getTime()) return 'expired';
  if (context.now.getTime() < certificate.notBefore.getTime()) return 'not_yet_valid';
  if (!context.body) return 'untrusted_ca';
  if (!context.hasPrivateKey) return 'no_private_key';
  if (isAuthenticationOnly(certificate)) {
    // A card's other certificate (authentication: digitalSignature without nonRepudiation) is said as such: the person picks the signing one…
    if (!context.allowAuthentication) return 'authentication_only';
    // …unless the backend accepts it (at a lower level of assurance): not qualified by nature, so no qualified policy is asked of it.
    if (!authenticationEkuAllowed(certificate)) return 'wrong_key_usage';
  } else {
    if (!usableForLogin(certificate)) return 'wrong_key_usage';
    if (!context.qualified) return 'not_qualified';
  }
  // The backend could not tell whose it is (and would refuse it after the PIN).
  if (context.personalNumberInvalid) return 'invalid_personal_number';
  return undefined;
}

/**
 * The qualified signing certificate logs in: key usage nonRepudiation, with
 * or without digitalSignature — what the Serbian trusted list calls a
 * qualified certificate, and what Halcom issues (nonRepudiation only). The
 * backend applies the same rule. Not a CA; an extended key usage, when
 * present, must allow a login purpose.
 */
function usableForLogin(certificate: ParsedCertificate): boolean {
  if (certificate.isCa) return false;
  if (!certificate.keyUsage?.includes('nonRepudiation')) return false;
  const eku = certificate.extKeyUsage;
  return !eku || eku.some((oid) => LOGIN_EKUS.includes(oid));
}

/**
 * An authentication certificate logs in (where the backend accepts one)
 * with no extended key usage, or one that includes client authentication —
 * the backend's rule.
 */
function authenticationEkuAllowed(certificate: ParsedCertificate): boolean {
  const eku = certificate.extKeyUsage;
  return !eku || eku.includes(EKU.clientAuth);
}

/** A card's authentication certificate: digitalSignature without nonRepudiation. */
function isAuthenticationOnly(certificate: ParsedCertificate): boolean {
  const usage = certificate.keyUsage ?? [];
  return !certificate.isCa && usage.includes('digitalSignature') && !usage.includes('nonRepudiation');
}
