import { SIGNATURE_ALGORITHMS, type SignatureAlgorithm } from '@egov/auth-widgets/contract';
import { fromPem } from '../test-pki/pem.ts';
import { ensureTestPki, type TestPki } from '../test-pki/test-pki.ts';
import type { Store } from '../store.ts';
import { CertificateChallenges, MAX_CHALLENGE_LIFETIME_MS } from './challenges.ts';
import { identityKey, type CertificateIdentity } from './identity.ts';
import { DEFAULT_EXTENDED_KEY_USAGES, isOid } from './oids.ts';
import { ProofVerifier } from './proof-verifier.ts';
import { TrustStore } from './trust-store.ts';
import { x509 } from './x509.ts';

/** Certificate login and registration (`MockServerOptions.certificates`). */
export interface CertificateOptions {
  /** Trust anchors: PEM text (one or more certificates) or DER. Only these end a chain. */
  trustAnchors?: readonly (string | Uint8Array)[];
  /** Certificate policy OIDs of qualified certificates; the signer must have one. Required with trust anchors. */
  qualifiedPolicies?: readonly string[];
  /** Certificate revocation lists: PEM text (one or more) or DER. */
  crls?: readonly (string | Uint8Array)[];
  /**
   * `crl`: every certificate on the path needs a current list from its issuer,
   * and without one the login fails (closed). Default `crl` when lists are
   * given or the test PKI is used, else `off`.
   */
  revocation?: 'crl' | 'off';
  /** The origin signatures must bind. Default: the site URL's origin (else the public URL's, else the listening URL's). */
  origin?: string;
  /** Accept a certificate whose key usage is nonRepudiation without digitalSignature. Default false. */
  allowNonRepudiationOnly?: boolean;
  /** Extended key usages that allow the use, when a certificate has the extension. Default client authentication, smart-card logon, e-mail protection, any. */
  extendedKeyUsages?: readonly string[];
  /** Signature algorithms accepted (a subset of the contract's). Default all of them. */
  algorithms?: readonly SignatureAlgorithm[];
  /** How long a challenge lives; at most (and by default) 5 minutes. */
  challengeLifetimeMs?: number;
  /** Trust the generated test PKI (its roots, policies and revocation lists). Default: with development operations on. */
  testPki?: boolean;
  /** Where the test PKI lives. Default `<dataDir>/test-pki`. */
  testPkiDir?: string;
}

/** The checked, parsed configuration (built once, at startup: a bad file or value stops the server). */
export interface CertificateConfig {
  /** Whether certificates can be verified at all (trust anchors, or the test PKI). */
  enabled: boolean;
  anchors: x509.X509Certificate[];
  crls: x509.X509Crl[];
  revocation: 'crl' | 'off';
  qualifiedPolicies: string[];
  algorithms: SignatureAlgorithm[];
  allowNonRepudiationOnly: boolean;
  extendedKeyUsages: string[];
  challengeLifetimeMs: number;
  origin: string | undefined;
  /** The test PKI's directory, when it is trusted. */
  testPkiDir: string | null;
}

function parseAll<T>(inputs: readonly (string | Uint8Array)[], labels: readonly string[], parse: (der: Uint8Array) => T, what: string): T[] {
  const parsed: T[] = [];
  for (const [index, input] of inputs.entries()) {
    const blocks = typeof input === 'string' ? labels.flatMap((label) => fromPem(input, label)) : [input];
    if (blocks.length === 0) throw new RangeError(`${what} ${index + 1}: no PEM block "${labels[0]}" in it`);
    for (const block of blocks) {
      try {
        parsed.push(parse(block));
      } catch {
        throw new RangeError(`${what} ${index + 1}: not a parsable ${what}`);
      }
    }
  }
  return parsed;
}

/** `https://portal.example` — scheme, host and port only. */
export function checkOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RangeError(`certificate origin ${JSON.stringify(value)} is not an origin`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== value.replace(/\/$/, '')) {
    throw new RangeError(`certificate origin ${JSON.stringify(value)} must be scheme://host[:port], without a path`);
  }
  return url.origin;
}

/** Reads and checks the certificate options; `devEnabled` turns the test PKI on by default. */
export function certificateConfig(options: CertificateOptions = {}, defaults: { devEnabled: boolean; testPkiDir: string }): CertificateConfig {
  const anchors = parseAll(options.trustAnchors ?? [], ['CERTIFICATE'], (der) => new x509.X509Certificate(der), 'trust anchor');
  // RFC 7468 says "X509 CRL"; some tools (and @peculiar/x509) write "CRL".
  const crls = parseAll(options.crls ?? [], ['X509 CRL', 'CRL'], (der) => new x509.X509Crl(der), 'revocation list');
  const testPki = options.testPki ?? defaults.devEnabled;
  const qualifiedPolicies = [...new Set(options.qualifiedPolicies ?? [])];
  for (const oid of qualifiedPolicies) if (!isOid(oid)) throw new RangeError(`qualified policy ${JSON.stringify(oid)} is not an OID`);
  const extendedKeyUsages = [...(options.extendedKeyUsages ?? DEFAULT_EXTENDED_KEY_USAGES)];
  for (const oid of extendedKeyUsages) if (!isOid(oid)) throw new RangeError(`extended key usage ${JSON.stringify(oid)} is not an OID`);
  if (anchors.length > 0 && qualifiedPolicies.length === 0) {
    throw new RangeError('trust anchors need at least one qualified policy (--qualified-policy): only qualified certificates are accepted');
  }
  const algorithms = [...new Set(options.algorithms ?? SIGNATURE_ALGORITHMS)];
  if (algorithms.length === 0 || !algorithms.every((algorithm) => (SIGNATURE_ALGORITHMS as readonly string[]).includes(algorithm))) {
    throw new RangeError(`certificate algorithms must be some of ${SIGNATURE_ALGORITHMS.join(', ')}`);
  }
  const challengeLifetimeMs = options.challengeLifetimeMs ?? MAX_CHALLENGE_LIFETIME_MS;
  if (!(challengeLifetimeMs > 0 && challengeLifetimeMs <= MAX_CHALLENGE_LIFETIME_MS)) {
    throw new RangeError('the certificate challenge lifetime must be above 0 and at most 5 minutes');
  }
  return {
    enabled: testPki || anchors.length > 0,
    anchors,
    crls,
    revocation: options.revocation ?? (crls.length > 0 || testPki ? 'crl' : 'off'),
    qualifiedPolicies,
    algorithms,
    allowNonRepudiationOnly: options.allowNonRepudiationOnly ?? false,
    extendedKeyUsages,
    challengeLifetimeMs,
    origin: options.origin === undefined ? undefined : checkOrigin(options.origin),
    testPkiDir: testPki ? (options.testPkiDir ?? defaults.testPkiDir) : null,
  };
}

/**
 * Certificate login's moving parts, per server: the challenges, the origin
 * to bind, the verifier (built on first use: the test PKI may have to be
 * generated first, which takes a second), and the keyed identity hash.
 */
export class CertificateService {
  readonly config: CertificateConfig;
  readonly challenges: CertificateChallenges;
  readonly #clock: () => number;
  readonly #origin: () => string;
  readonly #identitySecret: string;
  #loaded: Promise<{ verifier: ProofVerifier; pki: TestPki | null }> | null = null;

  constructor(config: CertificateConfig, store: Store, clock: () => number, origin: () => string, identitySecret: string) {
    this.config = config;
    this.challenges = new CertificateChallenges(store, clock, config.challengeLifetimeMs);
    this.#clock = clock;
    this.#origin = origin;
    this.#identitySecret = identitySecret;
  }

  /** The origin every signature must bind: configured, never taken from a request. */
  origin(): string {
    return this.config.origin ?? this.#origin();
  }

  async verifier(): Promise<ProofVerifier> {
    return (await this.#load()).verifier;
  }

  /** The test PKI, when it is trusted (generated on first use). */
  /** Every qualified-policy OID accepted: the configured ones and the test PKI's. */
  async qualifiedPolicies(): Promise<string[]> {
    const pki = await this.testPki();
    return [...new Set([...this.config.qualifiedPolicies, ...(pki?.qualifiedPolicies ?? [])])];
  }

  async testPki(): Promise<TestPki | null> {
    return this.config.testPkiDir ? (await this.#load()).pki : null;
  }

  identityKey(identity: CertificateIdentity): string {
    return identityKey(identity, this.#identitySecret);
  }

  #load(): Promise<{ verifier: ProofVerifier; pki: TestPki | null }> {
    this.#loaded ??= this.#build().catch((error: unknown) => {
      // Not cached: the next request tries again (a full disk, say, may have been fixed).
      this.#loaded = null;
      throw error;
    });
    return this.#loaded;
  }

  async #build(): Promise<{ verifier: ProofVerifier; pki: TestPki | null }> {
    const { config } = this;
    const pki = config.testPkiDir ? (await ensureTestPki(config.testPkiDir, this.#clock())).pki : null;
    const crls = [...config.crls, ...(pki?.crls ?? [])];
    const trust = new TrustStore([...config.anchors, ...(pki?.trustAnchors ?? [])], config.revocation === 'crl' ? { mode: 'crl', crls } : { mode: 'off' });
    const verifier = new ProofVerifier(
      {
        trust,
        qualifiedPolicies: new Set([...config.qualifiedPolicies, ...(pki?.qualifiedPolicies ?? [])]),
        algorithms: new Set(config.algorithms),
        allowNonRepudiationOnly: config.allowNonRepudiationOnly,
        extendedKeyUsages: new Set(config.extendedKeyUsages),
      },
      this.#clock,
    );
    return { verifier, pki };
  }
}
