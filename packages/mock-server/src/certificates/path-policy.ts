import { OID } from './oids.ts';
import { x509 } from '../x509.ts';

/**
 * RFC 5280 6.1 policy processing along a built path, for the one question
 * the login asks: is the signer's certificate qualified by the authority of
 * every CA above it? `path` is `[signer, …intermediates, anchor]`; the anchor
 * is not processed (RFC 5280 6.1: it is input, not part of the path).
 *
 * The valid-policy set starts as {anyPolicy} and, certificate by
 * certificate from the anchor down, keeps what the certificate asserts:
 * - no certificatePolicies extension: nothing is valid below it;
 * - a set holding anyPolicy takes the certificate's policies (anyPolicy
 *   among them stays "any");
 * - a specific set keeps the policies the certificate asserts too, or all of
 *   them when the certificate asserts anyPolicy.
 * The result, intersected with the acceptable (qualified) policies, must not
 * be empty: `initial-explicit-policy` is set, as for any login that needs a
 * qualified certificate.
 *
 * Policy mappings, policy constraints and inhibitAnyPolicy are not applied:
 * the last two must be critical (RFC 5280 4.2.1.11, 4.2.1.14) and the
 * mapping should be, and a critical extension the checks do not understand
 * already makes the path fail (trust-store.ts). Ignoring a non-critical
 * mapping can only make fewer policies valid, never more.
 *
 * Returns the qualified policies valid for the path (empty: refuse).
 */
export function validQualifiedPolicies(path: readonly x509.X509Certificate[], qualified: ReadonlySet<string>): string[] {
  // "any" all the way down (the signer asserted anyPolicy): no specific policy was vouched for.
  return [...validPolicies(path)].filter((oid) => qualified.has(oid));
}

/**
 * Whether the first certificate of `path` (a CA) may issue qualified
 * certificates by the authority of the CAs above it: its valid policies
 * include a qualified one, or anyPolicy. For a certificate that is not
 * qualified itself (a card's authentication certificate), whose issuing CA
 * must still be one of the qualified hierarchy — not any sub-CA of a root.
 */
export function mayIssueQualified(path: readonly x509.X509Certificate[], qualified: ReadonlySet<string>): boolean {
  return [...validPolicies(path)].some((oid) => oid === OID.anyPolicy || qualified.has(oid));
}

/** The valid-policy set of the path's first certificate (see validQualifiedPolicies); empty when nothing is valid. */
function validPolicies(path: readonly x509.X509Certificate[]): ReadonlySet<string> {
  let valid: ReadonlySet<string> = new Set([OID.anyPolicy]);
  // From the certificate just below the anchor down to the signer.
  for (let index = path.length - 2; index >= 0; index -= 1) {
    const asserted = path[index]!.getExtension(x509.CertificatePolicyExtension)?.policies;
    if (!asserted) return new Set();
    const assertsAny = asserted.includes(OID.anyPolicy);
    const specific = asserted.filter((oid) => oid !== OID.anyPolicy);
    const next = new Set<string>();
    if (valid.has(OID.anyPolicy)) {
      for (const oid of specific) next.add(oid);
      if (assertsAny) next.add(OID.anyPolicy);
    } else {
      for (const oid of valid) if (assertsAny || specific.includes(oid)) next.add(oid);
    }
    if (next.size === 0) return next;
    valid = next;
  }
  return valid;
}

/**
 * Extended key usage along the path (the chaining that Web PKI and smart-card
 * logon verifiers apply): a CA certificate that restricts its purposes must
 * allow one of the purposes a login accepts. A TLS-only sub-CA cannot issue
 * login certificates, whatever its certificates claim. A CA without the
 * extension does not restrict. Returns the first CA that does not allow it.
 */
export function caWithoutLoginPurpose(path: readonly x509.X509Certificate[], accepted: ReadonlySet<string>): x509.X509Certificate | undefined {
  return path.slice(1, -1).find((ca) => {
    const extended = ca.getExtension(x509.ExtendedKeyUsageExtension);
    return extended !== null && !extended.usages.some((purpose) => accepted.has(String(purpose)));
  });
}
