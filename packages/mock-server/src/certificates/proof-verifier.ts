import {
  CERTIFICATE_PROOF_FORMAT,
  SIGNATURE_ALGORITHMS,
  certificateSignedData,
  type CertificateProof,
  type ErrorCode,
  type SignatureAlgorithm,
} from '@egov/auth-widgets/contract';
import type { webcrypto } from 'node:crypto';
import { HttpError } from '../http.ts';
import { listedRefusal, type ListedTrust } from '../trusted-list/qualification.ts';
import { caWithoutLoginPurpose, mayIssueQualified, validQualifiedPolicies } from './path-policy.ts';
import { certificateIdentity, certificateSubject, issuerCommonName, type CertificateIdentity, type CertificateSubject } from './identity.ts';
import { untrusted, type TrustStore } from './trust-store.ts';
import { fingerprint, x509 } from '../x509.ts';

/** Size limits of a proof: beyond them it is `certificate_malformed` before anything is parsed. */
export const PROOF_LIMITS = Object.freeze({
  /** A qualified certificate is 1–3 KiB; a third of this is already generous. */
  certificateMaxBytes: 8 * 1024,
  chainMaxCertificates: 4,
  /** RSA 8192 is 1024 bytes. */
  signatureMaxBytes: 1024,
  /** The JSON body of a certificate login or registration (the signer, four intermediates, base64, and room). */
  bodyMaxBytes: 64 * 1024,
});

/** Each refusal of a proof, with its status (documented in the README and the OpenAPI document). */
export const PROOF_REFUSALS = {
  challenge_invalid: 401,
  algorithm_not_allowed: 400,
  certificate_malformed: 400,
  certificate_expired: 403,
  certificate_not_yet_valid: 403,
  certificate_untrusted: 403,
  certificate_revoked: 403,
  certificate_key_usage: 403,
  certificate_policy: 403,
  signature_invalid: 401,
  certificate_no_identity: 403,
} as const satisfies Partial<Record<ErrorCode, number>>;
export type ProofRefusal = keyof typeof PROOF_REFUSALS;

export function refuse(code: ProofRefusal): HttpError {
  return new HttpError(PROOF_REFUSALS[code], code);
}

interface AlgorithmSpec {
  key: webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams;
  verify: webcrypto.Algorithm | webcrypto.RsaPssParams | webcrypto.EcdsaParams;
  /** ECDSA: the exact length of an IEEE P1363 signature (r || s). */
  signatureBytes?: number;
}

/** How each contract algorithm is verified with WebCrypto. */
const ALGORITHM_SPECS: Record<SignatureAlgorithm, AlgorithmSpec> = {
  'RSASSA-PKCS1-v1_5-SHA256': { key: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, verify: { name: 'RSASSA-PKCS1-v1_5' } },
  'RSA-PSS-SHA256': { key: { name: 'RSA-PSS', hash: 'SHA-256' }, verify: { name: 'RSA-PSS', saltLength: 32 } },
  'ECDSA-P256-SHA256': { key: { name: 'ECDSA', namedCurve: 'P-256' }, verify: { name: 'ECDSA', hash: 'SHA-256' }, signatureBytes: 64 },
  'ECDSA-P384-SHA384': { key: { name: 'ECDSA', namedCurve: 'P-384' }, verify: { name: 'ECDSA', hash: 'SHA-384' }, signatureBytes: 96 },
};

/** RSA keys shorter than this are refused whatever the certificate says. */
const RSA_MIN_BITS = 2048;

export interface ProofPolicy {
  trust: TrustStore;
  /** Certificate policy OIDs of qualified certificates: the signer must have one of them. */
  qualifiedPolicies: ReadonlySet<string>;
  algorithms: ReadonlySet<SignatureAlgorithm>;
  /** Extended key usages that allow signing a login challenge, when the certificate has the extension. */
  extendedKeyUsages: ReadonlySet<string>;
  /** The trusted list: a path ending at one of its CAs is qualified by the list's service, not by `qualifiedPolicies`. */
  trustedList?: ListedTrust | null;
  /** Told when a certificate is refused because the trusted list has passed its NextUpdate. */
  onListExpired?: (list: ListedTrust) => void;
  /**
   * Also accept a card's authentication certificate (digitalSignature, no
   * nonRepudiation: not qualified), at `acr: substantial`, when the CA that
   * issued it is one that issues qualified certificates. Default false.
   */
  authenticationCertificates?: boolean;
}

/** What a verified proof establishes. */
export interface VerifiedCertificate {
  certificate: x509.X509Certificate;
  identity: CertificateIdentity;
  subject: CertificateSubject;
  /** The issuing CA's common name (not personal data). */
  issuer: string;
  /** `high`: a qualified certificate; `substantial`: an authentication certificate (where the policy allows one). */
  acr: 'high' | 'substantial';
}

/** Strict base64 (standard alphabet, optional padding); null when it is not. */
function decodeBase64(value: string): Uint8Array | null {
  if (value.length % 4 === 1 || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return null;
  return new Uint8Array(Buffer.from(value, 'base64'));
}

/** Longest base64 text of `bytes` bytes. */
function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

function decodeLimited(value: string, maxBytes: number): Uint8Array {
  if (value.length > base64Length(maxBytes)) throw refuse('certificate_malformed');
  const bytes = decodeBase64(value);
  if (!bytes || bytes.length === 0 || bytes.length > maxBytes) throw refuse('certificate_malformed');
  return bytes;
}

/**
 * The length of the DER element at the start of `bytes` (tag, length,
 * contents), or null when its header is not a definite length. A
 * certificate must be exactly one element: the parser would ignore bytes
 * after it, and such a certificate is not the one its signature covers.
 */
function derElementLength(bytes: Uint8Array): number | null {
  if (bytes.length < 2) return null;
  const first = bytes[1]!;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || bytes.length < 2 + count) return null;
  let length = 0;
  for (let index = 0; index < count; index += 1) length = length * 256 + bytes[2 + index]!;
  return 2 + count + length;
}

/** Parses a DER certificate and reads every part the checks use, so a malformed part fails here and nowhere later. */
function parseCertificate(bytes: Uint8Array): x509.X509Certificate {
  if (bytes[0] !== 0x30 || derElementLength(bytes) !== bytes.length) throw refuse('certificate_malformed');
  try {
    const certificate = new x509.X509Certificate(bytes);
    void certificate.subjectName.toJSON();
    void certificate.issuerName.toJSON();
    void certificate.serialNumber;
    void certificate.publicKey.rawData;
    if (Number.isNaN(certificate.notBefore.getTime()) || Number.isNaN(certificate.notAfter.getTime())) throw new Error('dates');
    for (const extension of certificate.extensions) void extension.type;
    certificate.getExtension(x509.KeyUsagesExtension);
    certificate.getExtension(x509.ExtendedKeyUsageExtension);
    certificate.getExtension(x509.CertificatePolicyExtension);
    certificate.getExtension(x509.BasicConstraintsExtension);
    certificate.getExtension(x509.SubjectAlternativeNameExtension);
    return certificate;
  } catch {
    throw refuse('certificate_malformed');
  }
}

/**
 * Verifies a certificate proof (PRODUCT.md, "Certificate login protocol";
 * SECURITY.md 32–35). The caller has already taken the nonce out of the
 * store for this session. The checks run in the protocol's order, each
 * failure with its own code: format and algorithm, size and encoding,
 * validity dates (injected clock), the chain to the configured trust
 * anchors only, key usage and extended key usage (the signer's, and every
 * CA's on the path: path-policy.ts), qualification — by the trusted list's
 * service when the path ends at a listed CA (trusted-list/qualification.ts), else
 * by the qualified-policy allow-list with RFC 5280 policy processing along
 * the path (every CA must vouch for it),
 * revocation where configured, the signature over the configured
 * origin and the nonce, and last the identity.
 */
export class ProofVerifier {
  readonly #policy: ProofPolicy;
  readonly #clock: () => number;

  constructor(policy: ProofPolicy, clock: () => number) {
    this.#policy = policy;
    this.#clock = clock;
  }

  async verify(proof: CertificateProof, origin: string): Promise<VerifiedCertificate> {
    const policy = this.#policy;
    if (proof.format !== CERTIFICATE_PROOF_FORMAT) throw refuse('algorithm_not_allowed');
    const algorithm = proof.algorithm as SignatureAlgorithm;
    if (!(SIGNATURE_ALGORITHMS as readonly string[]).includes(algorithm) || !policy.algorithms.has(algorithm)) {
      throw refuse('algorithm_not_allowed');
    }

    const chain = proof.chain ?? [];
    if (chain.length > PROOF_LIMITS.chainMaxCertificates) throw refuse('certificate_malformed');
    // Too large is a malformed proof now; not base64 is simply a signature that will not verify, at its step.
    if (proof.signature.length > base64Length(PROOF_LIMITS.signatureMaxBytes)) throw refuse('certificate_malformed');
    const signature = decodeBase64(proof.signature);
    if (signature && signature.length > PROOF_LIMITS.signatureMaxBytes) throw refuse('certificate_malformed');
    const certificate = parseCertificate(decodeLimited(proof.certificate, PROOF_LIMITS.certificateMaxBytes));
    const hints = chain.map((entry) => parseCertificate(decodeLimited(entry, PROOF_LIMITS.certificateMaxBytes)));
    const key = await importSignerKey(certificate, algorithm);

    const now = this.#clock();
    if (now < certificate.notBefore.getTime()) throw refuse('certificate_not_yet_valid');
    if (now > certificate.notAfter.getTime()) throw refuse('certificate_expired');

    const path = await policy.trust.buildPath(certificate, hints, now);

    const kind = checkKeyUsage(certificate, policy);
    const listed = policy.trustedList?.anchors.get(fingerprint(path[path.length - 1]!));
    if (listed) {
      // The trusted list vouches for the certificates its CA issues itself, by its service's criteria.
      const refusal = listedRefusal(path, listed, policy.trustedList!, now);
      if (refusal === 'list_expired') {
        policy.onListExpired?.(policy.trustedList!);
        throw untrusted();
      }
      // An authentication certificate meets no qualification criterion; it must still come from the listed CA itself.
      if (refusal && !(kind === 'authentication' && path.length === 2)) throw refuse('certificate_policy');
    } else if (kind === 'qualified' && validQualifiedPolicies(path, policy.qualifiedPolicies).length === 0) {
      // Every CA on the path must vouch for a qualified policy the signer asserts.
      throw refuse('certificate_policy');
    } else if (kind === 'authentication' && !mayIssueQualified(path.slice(1), policy.qualifiedPolicies)) {
      // Not qualified itself, but its issuing CA must be one the path lets issue qualified certificates: not any sub-CA.
      throw refuse('certificate_policy');
    }
    // And every CA on it must allow a login purpose.
    if (caWithoutLoginPurpose(path, policy.extendedKeyUsages)) throw refuse('certificate_key_usage');

    await policy.trust.checkRevocation(path, now);

    const signed = await certificateSignedData(origin, proof.nonce);
    const spec = ALGORITHM_SPECS[algorithm];
    if (!signature || (spec.signatureBytes !== undefined && signature.length !== spec.signatureBytes)) throw refuse('signature_invalid');
    const verified = await crypto.subtle.verify(spec.verify, key, signature, signed).catch(() => false);
    if (!verified) throw refuse('signature_invalid');

    const identity = certificateIdentity(certificate);
    if (!identity) throw refuse('certificate_no_identity');
    return { certificate, identity, subject: certificateSubject(certificate), issuer: issuerCommonName(certificate), acr: kind === 'qualified' ? 'high' : 'substantial' };
  }
}

/** The signer's public key as the proof's algorithm needs it; a key of another type or curve, or a short RSA key, is `algorithm_not_allowed`. */
async function importSignerKey(certificate: x509.X509Certificate, algorithm: SignatureAlgorithm): Promise<webcrypto.CryptoKey> {
  let key: webcrypto.CryptoKey;
  try {
    key = await crypto.subtle.importKey('spki', certificate.publicKey.rawData, ALGORITHM_SPECS[algorithm].key, false, ['verify']);
  } catch {
    throw refuse('algorithm_not_allowed');
  }
  const rsa = key.algorithm as Partial<webcrypto.RsaHashedKeyAlgorithm>;
  if (rsa.modulusLength !== undefined && rsa.modulusLength < RSA_MIN_BITS) throw refuse('algorithm_not_allowed');
  return key;
}

/**
 * The qualified signing certificate logs in: key usage nonRepudiation, with
 * or without digitalSignature — what the Serbian trusted list calls a
 * qualified certificate (and what Halcom issues: nonRepudiation only). A
 * card's authentication certificate (digitalSignature alone) is not one:
 * it logs in only where `authenticationCertificates` allows it, and then
 * its extended key usage, when present, must include client authentication.
 * A CA certificate is not a personal one; an extended key usage, when
 * present, must allow client authentication (or e-mail protection, or any).
 * The picker applies the same rule (describe-certificate.ts).
 */
function checkKeyUsage(certificate: x509.X509Certificate, policy: ProofPolicy): 'qualified' | 'authentication' {
  const usage = certificate.getExtension(x509.KeyUsagesExtension)?.usages ?? 0;
  if (certificate.getExtension(x509.BasicConstraintsExtension)?.ca) throw refuse('certificate_key_usage');
  const extended = certificate.getExtension(x509.ExtendedKeyUsageExtension);
  const purposes = extended?.usages.map(String);
  if (purposes && !purposes.some((purpose) => policy.extendedKeyUsages.has(purpose))) throw refuse('certificate_key_usage');
  if ((usage & x509.KeyUsageFlags.nonRepudiation) !== 0) return 'qualified';
  const authentication = (usage & x509.KeyUsageFlags.digitalSignature) !== 0 && (!purposes || purposes.includes(CLIENT_AUTH));
  if (policy.authenticationCertificates && authentication) return 'authentication';
  throw refuse('certificate_key_usage');
}

/** id-kp-clientAuth: the purpose of a card's authentication certificate. */
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
