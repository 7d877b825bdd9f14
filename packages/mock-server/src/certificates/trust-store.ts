import { HttpError } from '../http.ts';
import { UNDERSTOOD_EXTENSIONS } from './oids.ts';
import { ocspResponderUrl, type OcspClient } from './ocsp.ts';
import { revokedEntry, type RevocationLists } from './revocation.ts';
import { fingerprint, sameName, x509 } from '../x509.ts';

/** Longest path accepted: the signer, at most four intermediates, the anchor. */
const MAX_PATH_LENGTH = 6;

/** The refusal for any path problem: no chain to a trust anchor (self-signed, unknown CA, bad CA signature, …). */
export function untrusted(): HttpError {
  return new HttpError(403, 'certificate_untrusted');
}

function validAt(certificate: x509.X509Certificate, now: number): boolean {
  return certificate.notBefore.getTime() <= now && now <= certificate.notAfter.getTime();
}

/** True when every critical extension of the certificate is one the checks understand. */
export function criticalExtensionsUnderstood(certificate: x509.X509Certificate): boolean {
  return certificate.extensions.every((extension) => !extension.critical || UNDERSTOOD_EXTENSIONS.has(extension.type));
}

function isCertificationAuthority(certificate: x509.X509Certificate): boolean {
  const constraints = certificate.getExtension(x509.BasicConstraintsExtension);
  if (!constraints?.ca) return false;
  const usage = certificate.getExtension(x509.KeyUsagesExtension);
  return !usage || (usage.usages & x509.KeyUsageFlags.keyCertSign) !== 0;
}

async function signedBy(certificate: x509.X509Certificate, issuer: x509.X509Certificate): Promise<boolean> {
  if (!sameName(certificate.issuerName, issuer.subjectName)) return false;
  try {
    return await certificate.verify({ publicKey: issuer.publicKey, signatureOnly: true });
  } catch {
    return false;
  }
}

/**
 * Name constraints and inhibitAnyPolicy limit what a CA may issue, and the
 * checks do not apply them. Critical, they already make the path fail (RFC
 * 5280 4.2); marked non-critical (against RFC 5280), ignoring them could let
 * a constrained CA issue what it may not. So an intermediate carrying
 * either, however marked, ends no path. (Policy constraints and mappings
 * need not be: the checks always require an explicit policy and never map
 * one, which is at least as strict. PKITS has them non-critical on paths
 * it calls valid.) No CA of the Serbian trusted list uses any of them
 * (fixtures/real-pki/CERTS.md).
 */
const RESTRICTING_EXTENSIONS: ReadonlySet<string> = new Set(['2.5.29.30', '2.5.29.54']);

function restrictsIssuance(certificate: x509.X509Certificate): boolean {
  return certificate.extensions.some((extension) => RESTRICTING_EXTENSIONS.has(extension.type));
}

/**
 * Revocation checking: off, or against certificate revocation lists and,
 * for a certificate that names a responder, OCSP (failing closed).
 */
export type RevocationPolicy = { mode: 'off' } | { mode: 'crl'; lists: RevocationLists; ocsp?: OcspClient };

/**
 * The configured trust anchors and revocation lists, and the path building
 * over them. Only configured anchors end a path: a root the client sends is
 * at most a candidate intermediate, and a self-issued candidate that is not
 * an anchor leads nowhere. Every signature on the path is verified.
 */
export class TrustStore {
  readonly anchors: readonly x509.X509Certificate[];
  readonly revocation: RevocationPolicy;

  /** CA certificates the server knows, by fingerprint: path candidates besides the client's, never anchors. */
  readonly #intermediates: ReadonlyMap<string, x509.X509Certificate>;

  constructor(anchors: readonly x509.X509Certificate[], revocation: RevocationPolicy, intermediates: readonly x509.X509Certificate[] = []) {
    this.anchors = anchors;
    this.revocation = revocation;
    this.#intermediates = new Map(intermediates.map((certificate) => [fingerprint(certificate), certificate]));
  }

  /**
   * A path from the signer to a trust anchor, `[signer, …intermediates, anchor]`,
   * built from the client's certificates as candidates only. Intermediates must
   * be CAs, valid at `now`, within their path length, with no critical
   * extension the checks do not understand (nor may the signer have one).
   * Throws `certificate_untrusted`.
   */
  async buildPath(signer: x509.X509Certificate, hints: readonly x509.X509Certificate[], now: number): Promise<x509.X509Certificate[]> {
    const anchors = this.anchors.filter((anchor) => validAt(anchor, now));
    // The client's certificates, then the ones the server knows (a card may send none), each once.
    const pool = [...new Map([...hints.map((hint) => [fingerprint(hint), hint] as const), ...this.#intermediates]).values()];
    const candidates = pool.filter((hint) => isCertificationAuthority(hint) && validAt(hint, now) && criticalExtensionsUnderstood(hint) && !restrictsIssuance(hint));
    const search = async (path: x509.X509Certificate[]): Promise<x509.X509Certificate[] | null> => {
      const current = path[path.length - 1]!;
      for (const anchor of anchors) {
        if ((await signedBy(current, anchor)) && withinPathLength([...path, anchor])) return [...path, anchor];
      }
      if (path.length + 1 >= MAX_PATH_LENGTH) return null;
      const used = new Set(path.map(fingerprint));
      for (const candidate of candidates) {
        if (used.has(fingerprint(candidate))) continue;
        // A self-issued certificate that is not an anchor ends nowhere (the "root" a client sends).
        if (sameName(candidate.subjectName, candidate.issuerName)) continue;
        if (!(await signedBy(current, candidate))) continue;
        const found = await search([...path, candidate]);
        if (found) return found;
      }
      return null;
    };
    // RFC 5280 4.2: a critical extension the checks do not understand makes the certificate unusable.
    if (!criticalExtensionsUnderstood(signer)) throw untrusted();
    const path = await search([signer]);
    if (!path) throw untrusted();
    return path;
  }

  /**
   * Revocation of every certificate on the path below the anchor, when
   * configured. Two sources, each signed by (or for) the issuer:
   * - OCSP, when the certificate names a responder (Authority Information
   *   Access) and the server has an OCSP client: a fresh, verified answer
   *   (ocsp.ts); no usable answer counts as none;
   * - the issuer's current revocation list (revocation.ts: re-read on a
   *   schedule and when one has expired).
   * Revoked by either is `certificate_revoked` (a listed certificate is
   * revoked whatever revocation date the entry gives). Neither a current
   * list nor a "good" answer fails closed as `certificate_untrusted`.
   */
  async checkRevocation(path: readonly x509.X509Certificate[], now: number): Promise<void> {
    const revocation = this.revocation;
    if (revocation.mode === 'off') return;
    for (let index = 0; index < path.length - 1; index += 1) {
      const certificate = path[index]!;
      const issuer = path[index + 1]!;
      const answer = revocation.ocsp && ocspResponderUrl(certificate) ? await revocation.ocsp.status(certificate, issuer, now) : null;
      if (answer?.status === 'revoked') throw new HttpError(403, 'certificate_revoked');
      const list = await revocation.lists.current(certificate, issuer, now);
      if (!list) {
        if (answer?.status === 'good') continue;
        throw untrusted();
      }
      // By serial-number value (revocation.ts: findRevoked missed negative serials, PKITS 4.4.15); an unreadable entry fails closed.
      let entry: x509.X509CrlEntry | null;
      try {
        entry = revokedEntry(list, certificate);
      } catch {
        throw untrusted();
      }
      if (entry) throw new HttpError(403, 'certificate_revoked');
    }
  }
}

/** Each CA on the path allows as many intermediates below it as sit there (basicConstraints pathLenConstraint). */
function withinPathLength(path: readonly x509.X509Certificate[]): boolean {
  for (let index = 1; index < path.length; index += 1) {
    const limit = path[index]!.getExtension(x509.BasicConstraintsExtension)?.pathLength;
    if (limit !== undefined && index - 1 > limit) return false;
  }
  return true;
}
