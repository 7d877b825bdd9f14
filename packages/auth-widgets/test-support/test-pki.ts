// A throw-away PKI made in the test browser with @peculiar/x509: a CA and
// leaf certificates whose every field a test can set (multi-valued RDNs, RDN
// order, SAN e-mail, key usage, policies, QC statements, dates), and soft
// tokens in the shape GET /dev/test-tokens gives (DevTestToken).
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import type { DevTestCertificate, DevTestToken } from '../src/client/contract.js';

x509.cryptoProvider.set(crypto);

// Tests take x509 from here, so reflect-metadata is always evaluated first.
export { x509 };

export const OIDS = {
  givenName: '2.5.4.42',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  country: '2.5.4.6',
  emailAddress: '1.2.840.113549.1.9.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  qcpNaturalQscd: '0.4.0.194112.1.2',
  someOtherPolicy: '1.3.6.1.4.1.99999.1.1',
} as const;

/** Valid JMBGs (mod-11) and one with a wrong control digit. */
export const JMBG = { ana: '1705990710004', marko: '0101990710016', wrongChecksum: '1705990710005' } as const;

const EC: EcKeyGenParams & EcKeyImportParams = { name: 'ECDSA', namedCurve: 'P-256' };
const RSA: RsaHashedKeyGenParams = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };

export type KeyKind = 'EC' | 'RSA';

const keyCache = new Map<KeyKind, Promise<CryptoKeyPair>>();
/** One extractable key pair per kind for the whole run (RSA generation is slow). */
export function testKeys(kind: KeyKind = 'EC'): Promise<CryptoKeyPair> {
  let keys = keyCache.get(kind);
  if (!keys) {
    keys = crypto.subtle.generateKey(kind === 'EC' ? EC : RSA, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
    keyCache.set(kind, keys);
  }
  return keys;
}

export interface TestCa {
  name: string;
  certificate: x509.X509Certificate;
  keys: CryptoKeyPair;
}

const caCache = new Map<string, Promise<TestCa>>();
/** A self-signed CA whose CN is `name` (matched by a CertificationBody's issuerNames). */
export function testCa(name = 'Test MUP Qualified CA'): Promise<TestCa> {
  let ca = caCache.get(name);
  if (!ca) {
    ca = (async () => {
      const keys = (await crypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
      const certificate = await x509.X509CertificateGenerator.createSelfSigned({
        serialNumber: '01',
        name: `CN=${name}, O=Test PKI, C=RS`,
        notBefore: new Date('2020-01-01T00:00:00Z'),
        notAfter: new Date('2040-01-01T00:00:00Z'),
        keys,
        signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
        extensions: [
          new x509.BasicConstraintsExtension(true, 0, true),
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        ],
      });
      return { name, certificate, keys };
    })();
    caCache.set(name, ca);
  }
  return ca;
}

export interface LeafOptions {
  /** JSON name: each object is one RDN; several keys or values in one object make a multi-valued RDN. */
  subject?: x509.JsonName;
  issuer?: TestCa;
  key?: KeyKind;
  notBefore?: Date;
  notAfter?: Date;
  /** `null`: no KeyUsage extension. Default digitalSignature | nonRepudiation. */
  keyUsage?: number | null;
  extKeyUsage?: string[];
  policies?: string[];
  /** The certificatePolicies extension's value as given (DER), instead of `policies`: for what the generator would refuse to write. */
  rawPolicies?: Uint8Array<ArrayBuffer>;
  /** More extensions, e.g. unknown ones. */
  extra?: x509.Extension[];
  /** QCStatements with QcCompliance (ETSI EN 319 412-5). Default true. */
  qcCompliance?: boolean;
  sanEmails?: string[];
  ca?: boolean;
}

export function anaSubject(): x509.JsonName {
  return [
    { [OIDS.country]: ['RS'] },
    { [OIDS.givenName]: ['Ana'] },
    { [OIDS.surname]: ['Test'] },
    { [OIDS.serialNumber]: [`PNORS${JMBG.ana}`] },
    { [OIDS.commonName]: ['Ana Test 1705990710004'] },
  ];
}

// SEQUENCE { SEQUENCE { OID 0.4.0.1862.1.1 } }
const QC_COMPLIANCE_STATEMENTS = new Uint8Array([0x30, 0x0a, 0x30, 0x08, 0x06, 0x06, 0x04, 0x00, 0x8e, 0x46, 0x01, 0x01]);

let serial = 0x1000;
export async function testCertificate(options: LeafOptions = {}): Promise<{ der: Uint8Array<ArrayBuffer>; keys: CryptoKeyPair; certificate: x509.X509Certificate }> {
  const issuer = options.issuer ?? (await testCa());
  const keys = await testKeys(options.key ?? 'EC');
  const extensions: x509.Extension[] = [new x509.BasicConstraintsExtension(options.ca ?? false, undefined, true)];
  const keyUsage = options.keyUsage === undefined ? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation : options.keyUsage;
  if (keyUsage !== null) extensions.push(new x509.KeyUsagesExtension(keyUsage, true));
  if (options.extKeyUsage) extensions.push(new x509.ExtendedKeyUsageExtension(options.extKeyUsage));
  extensions.push(
    options.rawPolicies
      ? new x509.Extension('2.5.29.32', false, options.rawPolicies)
      : new x509.CertificatePolicyExtension(options.policies ?? [OIDS.qcpNaturalQscd]),
  );
  extensions.push(...(options.extra ?? []));
  if (options.qcCompliance ?? true) extensions.push(new x509.Extension('1.3.6.1.5.5.7.1.3', false, QC_COMPLIANCE_STATEMENTS));
  if (options.sanEmails?.length) {
    extensions.push(new x509.SubjectAlternativeNameExtension(options.sanEmails.map((value) => ({ type: 'email' as const, value }))));
  }
  serial += 1;
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serial.toString(16),
    subject: new x509.Name(options.subject ?? anaSubject()),
    issuer: issuer.certificate.subjectName,
    notBefore: options.notBefore ?? new Date('2024-01-01T00:00:00Z'),
    notAfter: options.notAfter ?? new Date('2034-01-01T00:00:00Z'),
    publicKey: keys.publicKey,
    signingKey: issuer.keys.privateKey,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    extensions,
  });
  return { der: new Uint8Array(certificate.rawData), keys, certificate };
}

function base64(bytes: ArrayBuffer | Uint8Array): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** A soft token as GET /dev/test-tokens gives it, with certificates made here. */
export async function testToken(
  id: string,
  certificates: { id: string; profile?: string; key?: KeyKind; withoutKey?: boolean; leaf?: LeafOptions }[],
  options: { pin?: string; maxPinTries?: number; label?: string } = {},
): Promise<DevTestToken> {
  const entries: DevTestCertificate[] = [];
  for (const c of certificates) {
    const leaf = await testCertificate({ ...c.leaf, key: c.key ?? c.leaf?.key });
    const kind = c.key ?? c.leaf?.key ?? 'EC';
    entries.push({
      id: c.id,
      profile: c.profile ?? 'valid',
      certificate: base64(leaf.der),
      // Issued by the root directly: no intermediates (the chain excludes the root).
      chain: [],
      ...(c.withoutKey ? {} : { privateKey: base64(await crypto.subtle.exportKey('pkcs8', leaf.keys.privateKey)) }),
      keyAlgorithm: kind === 'EC' ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    });
  }
  return { id, label: options.label ?? `Test token ${id}`, pin: options.pin ?? '1234', maxPinTries: options.maxPinTries ?? 3, certificates: entries };
}

/** Base64 → bytes, for certificates of a DevTestTokensResponse. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
