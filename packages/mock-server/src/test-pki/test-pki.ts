/**
 * The test PKI: a root and an issuing CA per imitated certification body,
 * revocation lists, and one user certificate per profile, all generated
 * with @peculiar/x509 and Node's WebCrypto — never a real person's
 * certificate, and every private key published on purpose. It is made once
 * per data directory (`<dataDir>/test-pki/`) and read back on later starts,
 * so a browser that trusted it, or a token loaded from it, keeps working.
 */
import { randomBytes, type webcrypto } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DevTestCertificate } from '@egov/auth-widgets/contract';
import { OID } from '../certificates/oids.ts';
import { x509 } from '../x509.ts';
import { TEST_BODIES, UNTRUSTED_BODY, type CaKeyKind, type TestBody, type TestBodyId } from './bodies.ts';
import { fromPem, toPem } from '../pem.ts';
import { PROFILE_SPECS, subjectOf, type ProfileSpec, type TestProfileName } from './profiles.ts';

const DAY = 24 * 60 * 60_000;
const YEAR = 365 * DAY;
const MANIFEST = 'manifest.json';
/**
 * Version 2: subjects, policies, qcStatements and CA names shaped like the real PKI (issue 13).
 * Version 3: MUP Stranci CA 4 (under MUP's root) and Paperless, their profiles, and the E-Smart profile with a personal number.
 * A directory of an older version is replaced at the next start (`ensureTestPki`).
 */
const FORMAT = 'egov-test-pki/3';

export const TEST_PKI_WARNING =
  'TEST PKI: generated certificates of made-up people and their private keys, published on purpose. Trust it only in development; never on a production server.';

/** A user certificate's key. */
type KeyKind = 'rsa' | 'ecdsa';

const KEY_PARAMS: Record<CaKeyKind, webcrypto.RsaHashedKeyGenParams | webcrypto.EcKeyGenParams> = {
  rsa: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
  'rsa-sha512': { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-512' },
  'rsa-pss': { name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-512' },
  ecdsa: { name: 'ECDSA', namedCurve: 'P-256' },
};

/**
 * How a CA of each key kind signs. RSA-PSS as E-Smart's real V3 CAs: SHA-512,
 * MGF1 with SHA-512, salt 64 bytes (docs/real-pki-facts.md §2.2).
 */
export const CA_SIGNING: Record<CaKeyKind, webcrypto.RsaHashedImportParams | webcrypto.RsaPssParams | webcrypto.EcdsaParams> & {
  'rsa-pss': webcrypto.RsaPssParams & { hash: string };
} = {
  rsa: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  'rsa-sha512': { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' },
  'rsa-pss': { name: 'RSA-PSS', hash: 'SHA-512', saltLength: 64 },
  ecdsa: { name: 'ECDSA', hash: 'SHA-256' },
};

/** WebCrypto import parameters of a CA's PKCS#8 key, by its kind. */
export const CA_KEY_IMPORT: Record<CaKeyKind, webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams> = {
  rsa: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  'rsa-sha512': { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' },
  'rsa-pss': { name: 'RSA-PSS', hash: 'SHA-512' },
  ecdsa: { name: 'ECDSA', namedCurve: 'P-256' },
};

const SIGNING = CA_SIGNING;

/** A test CA's private key, imported for signing (more test certificates or lists). */
export async function importCaKey(ca: { privateKey: Uint8Array; keys: CaKeyKind }): Promise<webcrypto.CryptoKey> {
  return crypto.subtle.importKey('pkcs8', new Uint8Array(ca.privateKey), CA_KEY_IMPORT[ca.keys], false, ['sign']) as Promise<webcrypto.CryptoKey>;
}

/** WebCrypto import parameters of a key kind, as DevTestCertificate carries them. */
export const KEY_ALGORITHMS: Record<KeyKind, DevTestCertificate['keyAlgorithm']> = {
  rsa: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  ecdsa: { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' },
};

export interface TestCa {
  certificate: x509.X509Certificate;
  /** PKCS#8 DER. */
  privateKey: Uint8Array;
  keys: CaKeyKind;
}

export interface TestPkiBody {
  body: TestBody;
  /** Its root (the same certificate for bodies that share one: `body.sharesRootWith`). */
  root: TestCa;
  issuing: TestCa;
  /** The root's list (of issuing CAs) and the issuing CA's list (of user certificates). */
  crls: x509.X509Crl[];
}

export interface TestPkiCertificate {
  name: TestProfileName;
  description: string;
  issuer: ProfileSpec['issuer'];
  certificate: x509.X509Certificate;
  /** The issuing CA, when there is one (never the root). */
  chain: x509.X509Certificate[];
  /** PKCS#8 DER, or null when the token does not hold it. */
  privateKey: Uint8Array | null;
  keyAlgorithm: DevTestCertificate['keyAlgorithm'];
  personalNumber?: string;
  email?: string;
}

export interface TestPki {
  /** Where its files are. */
  dir: string;
  generatedAt: number;
  bodies: TestPkiBody[];
  /** The CA hierarchy that is not trusted. */
  untrusted: { root: TestCa; issuing: TestCa };
  certificates: TestPkiCertificate[];
  /** The bodies' roots, each once. */
  trustAnchors: x509.X509Certificate[];
  /** The bodies' qualified-policy OIDs, each once. */
  qualifiedPolicies: string[];
  crls: x509.X509Crl[];
  /** One profile's certificate (throws for an unknown name). */
  profile(name: TestProfileName): TestPkiCertificate;
  /** A test body's hierarchy. */
  body(id: TestBodyId): TestPkiBody;
}

// ---------------------------------------------------------------- generation

async function generateKeys(kind: CaKeyKind): Promise<webcrypto.CryptoKeyPair> {
  return crypto.subtle.generateKey(KEY_PARAMS[kind], true, ['sign', 'verify']) as Promise<webcrypto.CryptoKeyPair>;
}

async function exportPkcs8(key: webcrypto.CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.exportKey('pkcs8', key));
}

/** A positive 128-bit serial number, hex. */
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  return bytes.toString('hex');
}

function caName(organization: string, commonName: string): Record<string, string[]>[] {
  return [{ [OID.country]: ['RS'] }, { [OID.organization]: [organization] }, { [OID.commonName]: [commonName] }];
}

interface LiveCa {
  certificate: x509.X509Certificate;
  keys: webcrypto.CryptoKeyPair;
  kind: CaKeyKind;
}

async function toTestCa(ca: LiveCa): Promise<TestCa> {
  return { certificate: ca.certificate, privateKey: await exportPkcs8(ca.keys.privateKey), keys: ca.kind };
}

async function makeRoot(name: Record<string, string[]>[], kind: CaKeyKind, now: number): Promise<LiveCa> {
  const keys = await generateKeys(kind);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name,
    keys,
    signingAlgorithm: SIGNING[kind],
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 20 * YEAR),
    extensions: [
      new x509.BasicConstraintsExtension(true, 1, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certificate, keys, kind };
}

async function makeIssuing(root: LiveCa, subject: Record<string, string[]>[], kind: CaKeyKind, now: number, criticalCrlDistributionPoint?: string): Promise<LiveCa> {
  const keys = await generateKeys(kind);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject,
    issuer: root.certificate.subjectName,
    publicKey: keys.publicKey,
    signingKey: root.keys.privateKey,
    signingAlgorithm: SIGNING[root.kind],
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 15 * YEAR),
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      new x509.CertificatePolicyExtension([OID.anyPolicy]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(root.keys.publicKey),
      ...(criticalCrlDistributionPoint ? [new x509.CRLDistributionPointsExtension([criticalCrlDistributionPoint], true)] : []),
    ],
  });
  return { certificate, keys, kind };
}

const KEY_USAGES: Record<Exclude<ProfileSpec['keyUsage'], 'body'>, number> = {
  signing: x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
  encipherment: x509.KeyUsageFlags.keyEncipherment,
  'non-repudiation': x509.KeyUsageFlags.nonRepudiation,
  authentication: x509.KeyUsageFlags.digitalSignature,
};

/** ETSI EN 319 412-5 / 319 412-1 and the EU certificate policies the qualified test certificates carry (docs/real-pki-facts.md §3.1). */
export const QC_OID = {
  /** QCP-n-qscd (ETSI EN 319 411-2): qualified certificate of a natural person, key on a QSCD. */
  qcpNaturalQscd: '0.4.0.194112.1.2',
  qcCompliance: '0.4.0.1862.1.1',
  qcSscd: '0.4.0.1862.1.4',
  qcType: '0.4.0.1862.1.6',
  qcTypeEsign: '0.4.0.1862.1.6.1',
  pkixQcSyntaxV2: '1.3.6.1.5.5.7.11.2',
  /** Semantics identifier: natural person (ETSI EN 319 412-1). */
  semanticsNaturalPerson: '0.4.0.194121.1.1',
} as const;

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

function der(tag: number, content: number[]): number[] {
  return [tag, ...derLength(content.length), ...content];
}

function derOid(oid: string): number[] {
  const [first, second, ...rest] = oid.split('.').map(Number);
  const content: number[] = [];
  for (const arc of [first! * 40 + second!, ...rest]) {
    const base128: number[] = [arc & 0x7f];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) base128.unshift(0x80 | (value & 0x7f));
    content.push(...base128);
  }
  return der(0x06, content);
}

const sequence = (...items: number[][]): number[] => der(0x30, items.flat());

/**
 * qcStatements of a qualified signing certificate, as MUP and Pošta write
 * them: PKIX QC syntax v2 with the natural-person semantics, QcCompliance,
 * QcSSCD, QcType esign.
 */
export function qcStatementsExtension(): x509.Extension {
  const statements = sequence(
    sequence(derOid(QC_OID.pkixQcSyntaxV2), sequence(derOid(QC_OID.semanticsNaturalPerson))),
    sequence(derOid(QC_OID.qcCompliance)),
    sequence(derOid(QC_OID.qcSscd)),
    sequence(derOid(QC_OID.qcType), sequence(derOid(QC_OID.qcTypeEsign))),
  );
  return new x509.Extension(OID.qcStatements, false, new Uint8Array(statements));
}

function validityOf(spec: ProfileSpec, now: number): { notBefore: Date; notAfter: Date } {
  switch (spec.validity) {
    case 'expired':
      return { notBefore: new Date(now - 3 * YEAR), notAfter: new Date(now - DAY) };
    case 'not-yet-valid':
      return { notBefore: new Date(now + 10 * YEAR), notAfter: new Date(now + 12 * YEAR) };
    default:
      return { notBefore: new Date(now - DAY), notAfter: new Date(now + 5 * YEAR) };
  }
}

/** What signs a user certificate: an issuing CA's certificate and private key. */
interface Signer {
  certificate: x509.X509Certificate;
  privateKey: webcrypto.CryptoKey;
  kind: CaKeyKind;
}

const signerOf = (ca: LiveCa): Signer => ({ certificate: ca.certificate, privateKey: ca.keys.privateKey, kind: ca.kind });

/** A user certificate as `body` writes it (its subject layout, key usage, e-mail, policies), with a new key pair and serial. */
async function makeUserCertificate(spec: ProfileSpec, issuer: Signer | null, body: TestBody, now: number) {
  const keys = await generateKeys(spec.key);
  const keyUsage = KEY_USAGES[spec.keyUsage === 'body' ? body.leaf.keyUsage : spec.keyUsage];
  const qualified = spec.policy === 'qualified';
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false),
    new x509.KeyUsagesExtension(keyUsage, true),
    new x509.ExtendedKeyUsageExtension([...spec.extendedKeyUsages]),
    new x509.CertificatePolicyExtension(qualified ? [QC_OID.qcpNaturalQscd, body.qualifiedPolicy] : [body.otherPolicy]),
    ...(qualified ? [qcStatementsExtension()] : []),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  if (spec.person.email && body.leaf.email === 'subject-alt-name') {
    extensions.push(new x509.SubjectAlternativeNameExtension([{ type: 'email', value: spec.person.email }]));
  }
  const common = { serialNumber: serialNumber(), ...validityOf(spec, now), extensions };
  if (!issuer) {
    const certificate = await x509.X509CertificateGenerator.createSelfSigned({
      ...common,
      name: subjectOf(spec, body),
      keys,
      signingAlgorithm: SIGNING[spec.key],
    });
    return { certificate, keys };
  }
  // The issuer's key identifier, as its own certificate states it (the same SHA-1 of its public key).
  extensions.push(new x509.AuthorityKeyIdentifierExtension(issuer.certificate.getExtension(x509.SubjectKeyIdentifierExtension)!.keyId));
  const certificate = await x509.X509CertificateGenerator.create({
    ...common,
    subject: subjectOf(spec, body),
    issuer: issuer.certificate.subjectName,
    publicKey: keys.publicKey,
    signingKey: issuer.privateKey,
    signingAlgorithm: SIGNING[issuer.kind],
  });
  return { certificate, keys };
}

async function makeCrl(ca: LiveCa, revoked: x509.X509Certificate[], now: number): Promise<x509.X509Crl> {
  return x509.X509CrlGenerator.create({
    issuer: ca.certificate.subjectName,
    thisUpdate: new Date(now - 60 * 60_000),
    nextUpdate: ca.certificate.notAfter,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: SIGNING[ca.kind],
    entries: revoked.map((certificate) => ({
      serialNumber: certificate.serialNumber,
      revocationDate: new Date(now - 60 * 60_000),
      reason: x509.X509CrlReason.keyCompromise,
    })),
  });
}

/** Generates the whole test PKI in memory, with `now` as its moment of issue. */
export async function generateTestPki(now: number, dir: string): Promise<TestPki> {
  const hierarchies = new Map<TestBodyId, { root: LiveCa; issuing: LiveCa }>();
  for (const body of TEST_BODIES) {
    // MUP Stranci CA 4 under the root MUP Gradjani CA 4 is under (listed after it).
    const shared = body.sharesRootWith ? hierarchies.get(body.sharesRootWith)?.root : undefined;
    if (body.sharesRootWith && !shared) throw new Error(`${body.id}: the body ${body.sharesRootWith} must come first`);
    const root = shared ?? (await makeRoot(body.caSubject(body.rootName), body.keys, now));
    const issuing = await makeIssuing(root, body.caSubject(body.issuingName), body.keys, now, body.criticalCrlDistributionPoint);
    hierarchies.set(body.id, { root, issuing });
  }
  const untrustedRoot = await makeRoot(caName(UNTRUSTED_BODY.organization, UNTRUSTED_BODY.rootName), 'ecdsa', now);
  const untrustedIssuing = await makeIssuing(untrustedRoot, caName(UNTRUSTED_BODY.organization, UNTRUSTED_BODY.issuingName), 'ecdsa', now);
  const mup = TEST_BODIES.find((body) => body.id === 'mup')!;

  const certificates: TestPkiCertificate[] = [];
  const revokedBy = new Map<TestBodyId, x509.X509Certificate[]>();
  for (const spec of PROFILE_SPECS) {
    const issuer = spec.issuer === 'self' ? null : spec.issuer === 'untrusted' ? untrustedIssuing : hierarchies.get(spec.issuer)!.issuing;
    // The self-signed and untrusted ones are written as MUP writes them, with its policies, so only their trust is wrong.
    const body = spec.issuer === 'self' || spec.issuer === 'untrusted' ? mup : TEST_BODIES.find((candidate) => candidate.id === spec.issuer)!;
    const { certificate, keys } = await makeUserCertificate(spec, issuer && signerOf(issuer), body, now);
    if (spec.revoked && spec.issuer !== 'self' && spec.issuer !== 'untrusted') {
      revokedBy.set(spec.issuer, [...(revokedBy.get(spec.issuer) ?? []), certificate]);
    }
    certificates.push({
      name: spec.name,
      description: spec.description,
      issuer: spec.issuer,
      certificate,
      chain: issuer ? [issuer.certificate] : [],
      privateKey: spec.keyOnToken ? await exportPkcs8(keys.privateKey) : null,
      keyAlgorithm: KEY_ALGORITHMS[spec.key],
      ...(spec.person.personalNumber && !spec.serialNumbers ? { personalNumber: spec.person.personalNumber } : {}),
      ...(spec.person.email ? { email: spec.person.email } : {}),
    });
  }

  const bodies: TestPkiBody[] = [];
  // A shared root is one CA: the same certificate and the same list (of the issuing CAs under it) for each body.
  const roots = new Map<LiveCa, { ca: TestCa; crl: x509.X509Crl }>();
  for (const body of TEST_BODIES) {
    const { root, issuing } = hierarchies.get(body.id)!;
    if (!roots.has(root)) roots.set(root, { ca: await toTestCa(root), crl: await makeCrl(root, [], now) });
    const { ca, crl } = roots.get(root)!;
    bodies.push({
      body,
      root: ca,
      issuing: await toTestCa(issuing),
      crls: [crl, await makeCrl(issuing, revokedBy.get(body.id) ?? [], now)],
    });
  }
  return assemble(dir, now, bodies, { root: await toTestCa(untrustedRoot), issuing: await toTestCa(untrustedIssuing) }, certificates);
}

/** Each item once, by a key (a root or a list that bodies share, read back from the files as separate objects). */
function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item] as const)).values()];
}

const derKey = (item: { rawData: ArrayBuffer }) => Buffer.from(item.rawData).toString('base64');

function assemble(dir: string, generatedAt: number, bodies: TestPkiBody[], untrusted: TestPki['untrusted'], certificates: TestPkiCertificate[]): TestPki {
  return {
    dir,
    generatedAt,
    bodies,
    untrusted,
    certificates,
    trustAnchors: unique(
      bodies.map((entry) => entry.root.certificate),
      derKey,
    ),
    qualifiedPolicies: [...new Set(bodies.map((entry) => entry.body.qualifiedPolicy))],
    crls: unique(
      bodies.flatMap((entry) => entry.crls),
      derKey,
    ),
    profile(name) {
      const found = certificates.find((certificate) => certificate.name === name);
      if (!found) throw new RangeError(`no test certificate ${name}`);
      return found;
    },
    body(id) {
      return bodies.find((entry) => entry.body.id === id)!;
    },
  };
}

/**
 * A renewal of a profile's certificate: what its body's issuing CA issues
 * the same holder at `now` — a new key pair and a new serial number, the
 * same subject (so the same holder identifier), policies and extensions.
 * Only for profiles issued by a test body's CA.
 */
export async function renewedCertificate(pki: TestPki, name: TestProfileName, now: number): Promise<TestPkiCertificate> {
  const spec = PROFILE_SPECS.find((candidate) => candidate.name === name);
  if (!spec) throw new RangeError(`no test profile ${name}`);
  if (spec.issuer === 'self' || spec.issuer === 'untrusted') throw new RangeError(`${name} is not issued by a test body's CA`);
  const entry = pki.body(spec.issuer);
  const signer: Signer = { certificate: entry.issuing.certificate, privateKey: await importCaKey(entry.issuing), kind: entry.issuing.keys };
  const { certificate, keys } = await makeUserCertificate(spec, signer, entry.body, now);
  return { ...pki.profile(name), certificate, chain: [entry.issuing.certificate], privateKey: await exportPkcs8(keys.privateKey) };
}

// ---------------------------------------------------------------- files

interface CaFiles {
  certificate: string;
  privateKey: string;
  keys: CaKeyKind;
}

interface Manifest {
  format: typeof FORMAT;
  warning: string;
  generatedAt: string;
  bodies: { id: TestBodyId; qualifiedPolicy: string; otherPolicy: string; root: CaFiles; issuing: CaFiles; crls: string[] }[];
  untrusted: { root: CaFiles; issuing: CaFiles };
  certificates: {
    name: TestProfileName;
    description: string;
    issuer: ProfileSpec['issuer'];
    certificate: string;
    chain: string[];
    privateKey: string | null;
    keyAlgorithm: DevTestCertificate['keyAlgorithm'];
    personalNumber?: string;
    email?: string;
  }[];
}

const README = `${TEST_PKI_WARNING}

ca/<body>-root.pem        trust anchors (also all in trust-anchors.pem; mup-stranci's CA is under mup-root)
ca/<body>-ca.pem          issuing CAs (the chain a client sends)
ca/*.key.pem              the CAs' private keys (PKCS#8), to make more test certificates
crl/*.crl.pem             revocation lists (the "revoked" profile is in crl/halcom-ca.crl.pem)
users/<profile>.pem       one certificate per profile; users/<profile>.key.pem its key (PKCS#8)
qualified-policies.txt    the bodies' TEST qualified-policy OIDs (2.999.381.<n>.1.1; the certificates carry QCP-n-qscd 0.4.0.194112.1.2 too)
manifest.json             all of the above, with each profile's description

A backend outside development can be pointed at it with
  --trust-anchor trust-anchors.pem --qualified-policy <each OID> --crl crl
Delete this directory to get a new PKI at the next start.
`;

function writeFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, content, { mode: 0o600 });
}

function writeCa(root: string, name: string, ca: TestCa): CaFiles {
  const files = { certificate: `ca/${name}.pem`, privateKey: `ca/${name}.key.pem`, keys: ca.keys };
  writeFile(join(root, files.certificate), ca.certificate.toString('pem'));
  writeFile(join(root, files.privateKey), toPem(ca.privateKey, 'PRIVATE KEY'));
  return files;
}

/** Writes a generated PKI into `dir` (which must not exist yet). */
export function writeTestPki(pki: TestPki, dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const chainFile = new Map<string, string>();
  // A root that bodies share is written once, with its list, by the first of them.
  const rootFiles = new Map<string, { files: CaFiles; crl: string }>();
  const manifest: Manifest = {
    format: FORMAT,
    warning: TEST_PKI_WARNING,
    generatedAt: new Date(pki.generatedAt).toISOString(),
    bodies: pki.bodies.map((entry) => {
      const rootKey = entry.root.certificate.toString('base64');
      let root = rootFiles.get(rootKey);
      if (!root) {
        const crl = `crl/${entry.body.id}-root.crl.pem`;
        writeFile(join(dir, crl), toPem(entry.crls[0]!.rawData, 'X509 CRL'));
        root = { files: writeCa(dir, `${entry.body.id}-root`, entry.root), crl };
        rootFiles.set(rootKey, root);
      }
      const issuing = writeCa(dir, `${entry.body.id}-ca`, entry.issuing);
      chainFile.set(entry.issuing.certificate.toString('base64'), issuing.certificate);
      const issuingCrl = `crl/${entry.body.id}-ca.crl.pem`;
      writeFile(join(dir, issuingCrl), toPem(entry.crls[1]!.rawData, 'X509 CRL'));
      return {
        id: entry.body.id,
        qualifiedPolicy: entry.body.qualifiedPolicy,
        otherPolicy: entry.body.otherPolicy,
        root: root.files,
        issuing,
        crls: [root.crl, issuingCrl],
      };
    }),
    untrusted: { root: writeCa(dir, 'untrusted-root', pki.untrusted.root), issuing: writeCa(dir, 'untrusted-ca', pki.untrusted.issuing) },
    certificates: [],
  };
  chainFile.set(pki.untrusted.issuing.certificate.toString('base64'), manifest.untrusted.issuing.certificate);
  for (const entry of pki.certificates) {
    const certificate = `users/${entry.name}.pem`;
    writeFile(join(dir, certificate), entry.certificate.toString('pem'));
    let privateKey: string | null = null;
    if (entry.privateKey) {
      privateKey = `users/${entry.name}.key.pem`;
      writeFile(join(dir, privateKey), toPem(entry.privateKey, 'PRIVATE KEY'));
    }
    manifest.certificates.push({
      name: entry.name,
      description: entry.description,
      issuer: entry.issuer,
      certificate,
      chain: entry.chain.map((ca) => chainFile.get(ca.toString('base64'))!),
      privateKey,
      keyAlgorithm: entry.keyAlgorithm,
      ...(entry.personalNumber ? { personalNumber: entry.personalNumber } : {}),
      ...(entry.email ? { email: entry.email } : {}),
    });
  }
  writeFile(join(dir, 'trust-anchors.pem'), pki.trustAnchors.map((anchor) => anchor.toString('pem')).join('\n'));
  writeFile(join(dir, 'qualified-policies.txt'), `${pki.qualifiedPolicies.join('\n')}\n`);
  writeFile(join(dir, 'README.txt'), README);
  writeFile(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}

function readText(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8');
}

function readKey(dir: string, file: string): Uint8Array {
  const [key] = fromPem(readText(dir, file), 'PRIVATE KEY');
  if (!key) throw new Error(`${file}: no private key`);
  return key;
}

function readCa(dir: string, files: CaFiles): TestCa {
  return { certificate: new x509.X509Certificate(readText(dir, files.certificate)), privateKey: readKey(dir, files.privateKey), keys: files.keys };
}

/** Reads a PKI written by `writeTestPki`. */
export function readTestPki(dir: string): TestPki {
  const manifest = JSON.parse(readText(dir, MANIFEST)) as Manifest;
  if (manifest.format !== FORMAT) throw new Error(`${join(dir, MANIFEST)}: not a ${FORMAT} test PKI`);
  const bodies: TestPkiBody[] = manifest.bodies.map((entry) => {
    const body = TEST_BODIES.find((candidate) => candidate.id === entry.id);
    if (!body) throw new Error(`${join(dir, MANIFEST)}: unknown body ${entry.id}`);
    return {
      body,
      root: readCa(dir, entry.root),
      issuing: readCa(dir, entry.issuing),
      crls: entry.crls.map((file) => {
        const [der] = fromPem(readText(dir, file), 'X509 CRL');
        if (!der) throw new Error(`${file}: no revocation list`);
        return new x509.X509Crl(new Uint8Array(der));
      }),
    };
  });
  const certificates = manifest.certificates.map(
    (entry): TestPkiCertificate => ({
      name: entry.name,
      description: entry.description,
      issuer: entry.issuer,
      certificate: new x509.X509Certificate(readText(dir, entry.certificate)),
      chain: entry.chain.map((file) => new x509.X509Certificate(readText(dir, file))),
      privateKey: entry.privateKey ? readKey(dir, entry.privateKey) : null,
      keyAlgorithm: entry.keyAlgorithm,
      ...(entry.personalNumber ? { personalNumber: entry.personalNumber } : {}),
      ...(entry.email ? { email: entry.email } : {}),
    }),
  );
  const untrusted = { root: readCa(dir, manifest.untrusted.root), issuing: readCa(dir, manifest.untrusted.issuing) };
  return assemble(dir, Date.parse(manifest.generatedAt), bodies, untrusted, certificates);
}

/** Whether `dir` holds a test PKI written by an older version of this module (generated, so safe to replace). */
function olderFormat(dir: string): boolean {
  try {
    const { format } = JSON.parse(readText(dir, MANIFEST)) as { format?: unknown };
    return typeof format === 'string' && /^egov-test-pki\/\d+$/.test(format) && format !== FORMAT;
  } catch {
    return false;
  }
}

/**
 * The test PKI in `dir`: read when it is there (replaced when an older
 * version of this module made it), else generated (issued at
 * `now`) and written — into a temporary sibling first, renamed into place,
 * so a crash never leaves half a PKI behind.
 */
export async function ensureTestPki(dir: string, now: number): Promise<{ pki: TestPki; created: boolean }> {
  const stale = existsSync(join(dir, MANIFEST)) && olderFormat(dir);
  if (existsSync(join(dir, MANIFEST)) && !stale) return { pki: readTestPki(dir), created: false };
  const pki = await generateTestPki(now, dir);
  mkdirSync(dirname(dir), { recursive: true, mode: 0o700 });
  const temporary = join(dirname(dir), `.${basename(dir)}-${randomBytes(6).toString('hex')}`);
  writeTestPki(pki, temporary);
  try {
    if (stale) {
      // A test PKI of an older format (other profiles and CA names): set aside and deleted, never half replaced.
      const old = join(dirname(dir), `.${basename(dir)}-old-${randomBytes(6).toString('hex')}`);
      renameSync(dir, old);
      rmSync(old, { recursive: true, force: true });
    }
    // An empty directory (made by hand) is replaced; one with other files in it is refused.
    if (existsSync(dir)) rmdirSync(dir);
    renameSync(temporary, dir);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    // Another process made it meanwhile: use that one.
    if (existsSync(join(dir, MANIFEST))) return { pki: readTestPki(dir), created: false };
    throw error;
  }
  return { pki, created: true };
}
