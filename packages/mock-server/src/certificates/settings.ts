import { resolve } from 'node:path';
import { SIGNATURE_ALGORITHMS, type CertificationBody, type SignatureAlgorithm } from '@egov/auth-widgets/contract';
import { withTestIssuers } from '../certification-bodies.ts';
import type { AuditLog } from '../audit-log.ts';
import { fromPem } from '../pem.ts';
import { ensureTestPki, type TestPki } from '../test-pki/test-pki.ts';
import type { Store } from '../store.ts';
import { CertificateChallenges, MAX_CHALLENGE_LIFETIME_MS } from './challenges.ts';
import { TrustedListError, readTrustedListSync } from '../trusted-list/trusted-list.ts';
import { identityKey, type CertificateIdentity } from './identity.ts';
import { listedTrust, type ListedTrust } from '../trusted-list/qualification.ts';
import { DEFAULT_EXTENDED_KEY_USAGES, isOid } from './oids.ts';
import { OcspClient } from './ocsp.ts';
import { ProofVerifier } from './proof-verifier.ts';
import {
  DEFAULT_CRL_REFRESH_MS,
  MAX_CRL_REFRESH_MS,
  MIN_CRL_REFRESH_MS,
  RevocationLists,
  parseCrls,
  readCrlSourceSync,
  type CrlSourceLists,
} from './revocation.ts';
import { TrustStore, type RevocationPolicy } from './trust-store.ts';
import { x509 } from '../x509.ts';

/** Certificate login and registration (`MockServerOptions.certificates`). */
export interface CertificateOptions {
  /** Trust anchors: PEM text (one or more certificates) or DER. Only these end a chain. */
  trustAnchors?: readonly (string | Uint8Array)[];
  /**
   * Intermediate CA certificates the server knows (PEM or DER): candidates
   * for the path when a card sends none — a MUP card carries no CA
   * certificate. They never end a path; only anchors do.
   */
  intermediates?: readonly (string | Uint8Array)[];
  /**
   * An ETSI TS 119 612 trusted list (the Serbian `TSL-RS.xml`) with the
   * certificate its signature must carry, pinned out of band (the list's
   * signer is self-signed). Read and verified at startup: a list that does
   * not verify stops the server. Its granted CA/QC services for
   * e-signatures become trust anchors, each qualifying what its service
   * says (trusted-list/qualification.ts); past the list's NextUpdate they fail
   * closed until a newer list is configured.
   */
  trustedList?: { xml: string | Uint8Array; signer: string | Uint8Array };
  /**
   * Also accept a card's authentication certificate — digitalSignature
   * without nonRepudiation, clientAuth: not a qualified certificate (the
   * trusted list qualifies by nonRepudiation) — for login only, at
   * `acr: substantial`, when its issuing CA is a listed CA or one the path
   * lets issue qualified certificates. Default false.
   */
  authenticationCertificates?: boolean;
  /** Certificate policy OIDs of qualified certificates; the signer must have one. Required with trust anchors. */
  qualifiedPolicies?: readonly string[];
  /** Certificate revocation lists: PEM text (one or more) or DER. Read once: `crlPaths` are re-read. */
  crls?: readonly (string | Uint8Array)[];
  /**
   * Revocation list files, or directories (every `.crl` and `.pem` file in
   * one), read at startup and again every `crlRefreshMs`, and at once when a
   * check finds an issuer's list past its nextUpdate (at most once a minute
   * per file or directory).
   */
  crlPaths?: readonly string[];
  /** How often `crlPaths` are re-read: 1 minute to 24 hours, default 60 minutes. */
  crlRefreshMs?: number;
  /**
   * `crl`: every certificate on the path needs a current list from its issuer,
   * and without one the login fails (closed). Default `crl`. Trust anchors
   * without any list stop the server unless this is `off`: revocation is
   * never off by accident.
   */
  revocation?: 'crl' | 'off';
  /**
   * Ask the OCSP responder a certificate names (Authority Information
   * Access), besides the lists: revoked by either refuses, and a "good"
   * answer stands in for a missing list. Default true (with `revocation`
   * `crl`). A responder that does not answer within 5 seconds is left alone
   * for a minute; the lists decide meanwhile.
   */
  ocsp?: boolean;
  /** The origin signatures must bind. Default: the site URL's origin (else the public URL's, else the listening URL's). */
  origin?: string;
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
  intermediates: x509.X509Certificate[];
  /** The trusted list's anchors and dates, when one is configured. */
  trustedList: ListedTrust | null;
  crls: x509.X509Crl[];
  /** The `crlPaths`, absolute, each with the lists read at startup. */
  crlSources: CrlSourceLists[];
  crlRefreshMs: number;
  revocation: 'crl' | 'off';
  ocsp: boolean;
  authenticationCertificates: boolean;
  qualifiedPolicies: string[];
  algorithms: SignatureAlgorithm[];
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

/** Reads and verifies the configured trusted list; any problem is a RangeError that names it. */
function readListOption(option: NonNullable<CertificateOptions['trustedList']>): ListedTrust {
  const [signer, ...more] = parseAll([option.signer], ['CERTIFICATE'], (der) => new x509.X509Certificate(der), 'trusted-list signer');
  if (!signer || more.length > 0) throw new RangeError('trusted-list signer: give exactly one certificate');
  try {
    return listedTrust(readTrustedListSync(option.xml, { signer }));
  } catch (error) {
    if (error instanceof TrustedListError) throw new RangeError(`trusted list (${error.code}): ${error.message}`, { cause: error });
    throw error;
  }
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
  const intermediates = parseAll(options.intermediates ?? [], ['CERTIFICATE'], (der) => new x509.X509Certificate(der), 'intermediate');
  const trustedList = options.trustedList ? readListOption(options.trustedList) : null;
  const crls = (options.crls ?? []).flatMap((input, index) => parseCrls(input, `revocation list ${index + 1}`));
  const crlSources = (options.crlPaths ?? []).map((path) => ({ path: resolve(path), lists: readCrlSourceSync(resolve(path)) }));
  const testPki = options.testPki ?? defaults.devEnabled;
  const qualifiedPolicies = [...new Set(options.qualifiedPolicies ?? [])];
  for (const oid of qualifiedPolicies) if (!isOid(oid)) throw new RangeError(`qualified policy ${JSON.stringify(oid)} is not an OID`);
  const extendedKeyUsages = [...(options.extendedKeyUsages ?? DEFAULT_EXTENDED_KEY_USAGES)];
  for (const oid of extendedKeyUsages) if (!isOid(oid)) throw new RangeError(`extended key usage ${JSON.stringify(oid)} is not an OID`);
  if (anchors.length > 0 && qualifiedPolicies.length === 0) {
    throw new RangeError('trust anchors need at least one qualified policy (--qualified-policy): only qualified certificates are accepted');
  }
  const revocation = options.revocation ?? 'crl';
  if (revocation !== 'crl' && revocation !== 'off') throw new RangeError(`certificate revocation must be crl or off, not ${JSON.stringify(revocation)}`);
  if ((anchors.length > 0 || trustedList) && revocation === 'crl' && crls.length === 0 && crlSources.length === 0) {
    throw new RangeError(
      'trust anchors (or a trusted list) without revocation lists: give the CAs’ lists (--crl <file or directory>), or turn revocation checking off explicitly (--revocation off)',
    );
  }
  const crlRefreshMs = options.crlRefreshMs ?? DEFAULT_CRL_REFRESH_MS;
  if (!(crlRefreshMs >= MIN_CRL_REFRESH_MS && crlRefreshMs <= MAX_CRL_REFRESH_MS)) {
    throw new RangeError('the revocation list refresh interval must be from 1 minute to 24 hours');
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
    enabled: testPki || anchors.length > 0 || (trustedList?.anchors.size ?? 0) > 0,
    anchors,
    intermediates,
    trustedList,
    crls,
    crlSources,
    crlRefreshMs,
    revocation,
    ocsp: options.ocsp ?? true,
    authenticationCertificates: options.authenticationCertificates ?? false,
    qualifiedPolicies,
    algorithms,
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
  readonly #log: AuditLog;
  #loaded: Promise<{ verifier: ProofVerifier; pki: TestPki | null }> | null = null;

  constructor(config: CertificateConfig, store: Store, clock: () => number, origin: () => string, identitySecret: string, log: AuditLog) {
    this.config = config;
    this.challenges = new CertificateChallenges(store, clock, config.challengeLifetimeMs);
    this.#clock = clock;
    this.#origin = origin;
    this.#identitySecret = identitySecret;
    this.#log = log;
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

  /**
   * The CA directory as GET /config shows it: in development with the test
   * PKI's issuing CAs joined to the entries they imitate. Worked out once per
   * directory (it is fixed at startup), not on every request.
   */
  async directory(bodies: readonly CertificationBody[]): Promise<CertificationBody[]> {
    if (this.#directory?.bodies !== bodies) {
      const pki = await this.testPki();
      const testCas = pki?.bodies.map((entry) => ({ directoryId: entry.body.directoryId, certificate: entry.issuing.certificate })) ?? [];
      this.#directory = { bodies, shown: withTestIssuers(bodies, testCas) };
    }
    return this.#directory.shown;
  }

  #directory: { bodies: readonly CertificationBody[]; shown: CertificationBody[] } | undefined;

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
    // The test PKI's issuing CAs are known like a deployment's intermediates: a test card may send none.
    const intermediates = [...config.intermediates, ...(pki?.bodies.map((body) => body.issuing.certificate) ?? [])];
    const listed = [...(config.trustedList?.anchors.values() ?? [])].map((anchor) => anchor.certificate);
    const trust = new TrustStore([...config.anchors, ...listed, ...(pki?.trustAnchors ?? [])], this.#revocation(pki), intermediates);
    const list = config.trustedList;
    if (list && (list.nextUpdate === null || this.#clock() > list.nextUpdate.getTime())) this.#listExpired(list);
    const verifier = new ProofVerifier(
      {
        trust,
        qualifiedPolicies: new Set([...config.qualifiedPolicies, ...(pki?.qualifiedPolicies ?? [])]),
        algorithms: new Set(config.algorithms),
        extendedKeyUsages: new Set(config.extendedKeyUsages),
        trustedList: list,
        authenticationCertificates: config.authenticationCertificates,
        onListExpired: (expired) => this.#listExpired(expired),
      },
      this.#clock,
    );
    return { verifier, pki };
  }

  #listExpiredLogged = false;

  /** One operator line, the first time: the trusted list has passed its NextUpdate, and its anchors refuse every certificate. */
  #listExpired(list: ListedTrust): void {
    if (this.#listExpiredLogged) return;
    this.#listExpiredLogged = true;
    this.#log.auth(
      'trusted_list_expired',
      {
        kind: `trusted list ${list.territory} sequence ${list.sequenceNumber} is past its NextUpdate (${list.nextUpdate?.toISOString() ?? 'closed'}): its CAs' certificates are refused until a newer list is configured`,
      },
      'warn',
    );
  }

  /** The revocation lists: the `crlPaths` (re-read), the `crls` option's and the test PKI's. Operator warnings go to the log. */
  #revocation(pki: TestPki | null): RevocationPolicy {
    const { config } = this;
    if (config.revocation === 'off') {
      if (config.anchors.length > 0 || config.trustedList) this.#log.auth('revocation_off', { kind: 'certificate revocation is not checked (revocation off)' }, 'warn');
      return { mode: 'off' };
    }
    const lists = new RevocationLists({
      sources: config.crlSources,
      fixed: [
        { where: 'the certificates.crls option (then restart)', lists: config.crls },
        { where: `${pki?.dir ?? ''} (the test PKI: delete it for a new one)`, lists: pki?.crls ?? [] },
      ],
      refreshMs: config.crlRefreshMs,
      log: (event, fields) => this.#log.auth(event, fields, 'warn'),
    });
    const ocsp = config.ocsp ? new OcspClient({ clock: this.#clock, log: (event, fields) => this.#log.auth(event, fields, 'warn') }) : undefined;
    return { mode: 'crl', lists, ...(ocsp && { ocsp }) };
  }
}
