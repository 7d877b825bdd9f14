/**
 * OCSP (RFC 6960) where the certificate names a responder: the client
 * against a real responder on 127.0.0.1 (src/test-pki/ocsp-responder.ts),
 * signed by the CA itself (RSA PKCS#1 v1.5, RSA-PSS, ECDSA — the test CAs'
 * three kinds) or by a delegated responder certificate, and every way a
 * responder can fail or lie ending in null (the caller then uses revocation
 * lists). Time is the injected clock's, except the one timeout test, which
 * waits 200 ms.
 */
import assert from 'node:assert/strict';
import type { webcrypto } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import { BasicOCSPResponse, OCSPResponse, OCSPResponseStatus } from '@peculiar/asn1-ocsp';
import { AsnConvert } from '@peculiar/asn1-schema';
import { OID } from '../src/certificates/oids.ts';
import { OCSP_FAILURE_CACHE_MS, OcspClient, ocspCertId, ocspRequest, ocspResponderUrl, type OcspAnswer, type OcspClientOptions } from '../src/certificates/ocsp.ts';
import { x509 } from '../src/x509.ts';
import type { CaKeyKind } from '../src/test-pki/bodies.ts';
import { startOcspResponder, type OcspResponder, type OcspResponderOptions, type OcspSerialStatus } from '../src/test-pki/ocsp-responder.ts';
import { CA_SIGNING, importCaKey, type TestCa } from '../src/test-pki/test-pki.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2030, 0, 1);
const OCSP_SIGNING = '1.3.6.1.5.5.7.3.9';

/** The CA kinds these tests make: RSA PKCS#1 v1.5, RSA-PSS (SHA-512), ECDSA P-256. */
type Kind = Extract<CaKeyKind, 'rsa' | 'rsa-pss' | 'ecdsa'>;

/** Key generation as the test PKI does it, per CA kind. */
const KEY_PARAMS: Record<Kind, webcrypto.RsaHashedKeyGenParams | webcrypto.EcKeyGenParams> = {
  rsa: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
  'rsa-pss': { name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-512' },
  ecdsa: { name: 'ECDSA', namedCurve: 'P-256' },
};

let serialCounter = 0x10_00_00;
/** Serial numbers, some with the high bit set (DER then writes a leading zero byte). */
function nextSerial(): string {
  serialCounter += 1;
  return (serialCounter % 2 === 0 ? 'f0' : '10') + serialCounter.toString(16).padStart(8, '0');
}

function caName(commonName: string): Record<string, string[]>[] {
  return [{ [OID.country]: ['RS'] }, { [OID.organization]: ['TEST OCSP'] }, { [OID.commonName]: [commonName] }];
}

/** A TEST root CA of a kind, generated as test-pki.ts generates its roots. */
async function makeCa(kind: Kind, commonName: string): Promise<TestCa> {
  const keys = (await crypto.subtle.generateKey(KEY_PARAMS[kind], true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(),
    name: caName(commonName),
    keys,
    signingAlgorithm: CA_SIGNING[kind],
    notBefore: new Date(T0 - DAY),
    notAfter: new Date(T0 + 10 * 365 * DAY),
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certificate, privateKey: new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey)), keys: kind };
}

let endEntityKeys: webcrypto.CryptoKeyPair;

interface IssueOptions {
  /** The AIA's OCSP URLs (none: no AIA). */
  ocsp?: string[];
  extendedKeyUsages?: string[];
  /** The issuer name written in the certificate (default the signing CA's). */
  issuerName?: x509.Name;
  notBefore?: number;
  notAfter?: number;
}

/** A certificate `ca` issues (an ECDSA key; signed with the CA's TEST key as the test PKI signs). */
async function issue(ca: TestCa, subject: string, options: IssueOptions = {}): Promise<x509.X509Certificate> {
  const extensions: x509.Extension[] = [new x509.BasicConstraintsExtension(false), new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)];
  if (options.extendedKeyUsages) extensions.push(new x509.ExtendedKeyUsageExtension(options.extendedKeyUsages));
  if (options.ocsp) extensions.push(new x509.AuthorityInfoAccessExtension({ ocsp: options.ocsp, caIssuers: 'http://127.0.0.1:9/ca.cer' }));
  return x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject: `CN=${subject}`,
    issuer: options.issuerName ?? ca.certificate.subjectName,
    publicKey: endEntityKeys.publicKey,
    signingKey: await importCaKey(ca),
    signingAlgorithm: CA_SIGNING[ca.keys],
    notBefore: new Date(options.notBefore ?? T0 - DAY),
    notAfter: new Date(options.notAfter ?? T0 + 365 * DAY),
    extensions,
  });
}

let rsaCa: TestCa;
let pssCa: TestCa;
let ecdsaCa: TestCa;
let time = T0;
const clock = (): number => time;
const responders: OcspResponder[] = [];
let logs: { event: string; fields: Record<string, string> }[] = [];

before(async () => {
  endEntityKeys = (await crypto.subtle.generateKey(KEY_PARAMS.ecdsa, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  [rsaCa, pssCa, ecdsaCa] = await Promise.all([makeCa('rsa', 'TEST OCSP RSA CA'), makeCa('rsa-pss', 'TEST OCSP RSA-PSS CA'), makeCa('ecdsa', 'TEST OCSP ECDSA CA')]);
});

after(async () => {
  await Promise.all(responders.map((responder) => responder.close()));
});

beforeEach(() => {
  time = T0;
  logs = [];
});

/** Statuses by serial number (x509's hex); anything else is good. */
function statuses(entries: Record<string, OcspSerialStatus> = {}): (serial: string) => OcspSerialStatus {
  return (serial) => entries[serial] ?? 'good';
}

/** A responder for `ca`, signed by the CA unless a signer is given, on the shared clock. */
async function responderFor(ca: TestCa, options: Partial<OcspResponderOptions> = {}): Promise<OcspResponder> {
  const responder = await startOcspResponder({
    issuer: ca.certificate,
    ...(options.signer ? {} : { issuerKey: await importCaKey(ca), algorithm: CA_SIGNING[ca.keys] }),
    statusOf: statuses(),
    clock,
    ...options,
  });
  responders.push(responder);
  return responder;
}

function client(options: Partial<OcspClientOptions> = {}): OcspClient {
  return new OcspClient({ clock, log: (event, fields) => logs.push({ event, fields }), ...options });
}

/** The one log line's reason. */
function lastReason(): string {
  assert.ok(logs.length > 0, 'a log line');
  const line = logs[logs.length - 1]!;
  assert.equal(line.event, 'ocsp_no_answer');
  return line.fields.kind!;
}

/** A delegated responder certificate and its key (ECDSA), issued by `ca`. */
async function delegate(ca: TestCa, options: IssueOptions & { signedBy?: TestCa } = {}) {
  const keys = (await crypto.subtle.generateKey(KEY_PARAMS.ecdsa, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const signer = options.signedBy ?? ca;
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject: 'CN=TEST OCSP Responder',
    issuer: options.issuerName ?? signer.certificate.subjectName,
    publicKey: keys.publicKey,
    signingKey: await importCaKey(signer),
    signingAlgorithm: CA_SIGNING[signer.keys],
    notBefore: new Date(options.notBefore ?? T0 - DAY),
    notAfter: new Date(options.notAfter ?? T0 + 30 * DAY),
    extensions: [
      new x509.BasicConstraintsExtension(false),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      ...(options.extendedKeyUsages === undefined ? [new x509.ExtendedKeyUsageExtension([OCSP_SIGNING])] : options.extendedKeyUsages.length ? [new x509.ExtendedKeyUsageExtension(options.extendedKeyUsages)] : []),
      // id-pkix-ocsp-nocheck, as CAs put in responder certificates
      new x509.Extension('1.3.6.1.5.5.7.48.1.5', false, new Uint8Array([0x05, 0x00])),
    ],
  });
  return { certificate, key: keys.privateKey };
}

/** A fetch that records the response bodies it passed on. */
function recordingFetch(): { fetch: typeof fetch; bodies: Uint8Array[]; calls: number } {
  const record = {
    bodies: [] as Uint8Array[],
    calls: 0,
    fetch: (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
      record.calls += 1;
      const response = await fetch(input, init);
      const body = new Uint8Array(await response.arrayBuffer());
      record.bodies.push(body);
      return new Response(body, { status: response.status, headers: response.headers });
    }) as typeof fetch,
  };
  return record;
}

function signatureAlgorithmOf(der: Uint8Array): string {
  const response = AsnConvert.parse(der, OCSPResponse);
  return AsnConvert.parse(response.responseBytes!.response.buffer, BasicOCSPResponse).signatureAlgorithm.algorithm;
}

describe('the responder a certificate names', () => {
  test('the first http(s) id-ad-ocsp location of the Authority Information Access extension', async () => {
    const certificate = await issue(rsaCa, 'AIA', { ocsp: ['ldap://ldap.example.test/ocsp', 'http://ocsp.example.test/a', 'https://ocsp.example.test/b'] });
    assert.equal(ocspResponderUrl(certificate), 'http://ocsp.example.test/a');
    const https = await issue(rsaCa, 'AIA https', { ocsp: ['https://ocsp.example.test/only'] });
    assert.equal(ocspResponderUrl(https), 'https://ocsp.example.test/only');
  });

  test('none without the extension, or with only other access methods or schemes', async () => {
    assert.equal(ocspResponderUrl(await issue(rsaCa, 'no AIA')), null);
    assert.equal(ocspResponderUrl(await issue(rsaCa, 'ldap only', { ocsp: ['ldap://ldap.example.test/ocsp'] })), null);
    const caIssuersOnly = await x509.X509CertificateGenerator.create({
      serialNumber: nextSerial(),
      subject: 'CN=caIssuers only',
      issuer: rsaCa.certificate.subjectName,
      publicKey: endEntityKeys.publicKey,
      signingKey: await importCaKey(rsaCa),
      signingAlgorithm: CA_SIGNING.rsa,
      notBefore: new Date(T0 - DAY),
      notAfter: new Date(T0 + DAY),
      extensions: [new x509.AuthorityInfoAccessExtension({ caIssuers: 'http://127.0.0.1:9/ca.cer' })],
    });
    assert.equal(ocspResponderUrl(caIssuersOnly), null);
  });

  test('a certificate without AIA: null, and nothing is asked', async () => {
    const responder = await responderFor(rsaCa);
    const recorder = recordingFetch();
    const answer = await client({ fetch: recorder.fetch }).status(await issue(rsaCa, 'no AIA'), rsaCa.certificate, time);
    assert.equal(answer, null);
    assert.equal(recorder.calls, 0);
    assert.equal(responder.requests, 0);
    assert.equal(logs.length, 0);
  });
});

describe('answers', () => {
  test('good, with the nextUpdate the responder gave', async () => {
    const asked: string[] = [];
    const responder = await responderFor(rsaCa, { statusOf: (serial) => (asked.push(serial), 'good') });
    const certificate = await issue(rsaCa, 'Good', { ocsp: [responder.url] });
    const answer = await client().status(certificate, rsaCa.certificate, time);
    assert.deepEqual(answer, { status: 'good', nextUpdate: new Date(T0 + 1.5 * HOUR) });
    assert.deepEqual(asked, [certificate.serialNumber]);
    assert.equal(responder.requests, 1);
  });

  test('revoked, with the time of revocation', async () => {
    const revokedAt = new Date(T0 - 3 * DAY);
    const revoked = new Set<string>();
    const responder = await responderFor(rsaCa, { statusOf: (serial) => (revoked.has(serial) ? { revokedAt, reason: 1 } : 'good') });
    const certificate = await issue(rsaCa, 'Revoked', { ocsp: [responder.url] });
    revoked.add(certificate.serialNumber);
    const answer = await client().status(certificate, rsaCa.certificate, time);
    assert.equal(answer?.status, 'revoked');
    assert.equal(answer?.revokedAt?.getTime(), revokedAt.getTime());
    assert.equal(answer?.nextUpdate?.getTime(), T0 + 1.5 * HOUR);
    const other = await issue(rsaCa, 'Not revoked', { ocsp: [responder.url] });
    assert.equal((await client().status(other, rsaCa.certificate, time))?.status, 'good');
  });

  test('unknown: null', async () => {
    const responder = await responderFor(rsaCa, { statusOf: () => 'unknown' });
    const certificate = await issue(rsaCa, 'Unknown', { ocsp: [responder.url] });
    assert.equal(await client().status(certificate, rsaCa.certificate, time), null);
    assert.match(lastReason(), /unknown/);
    assert.equal(logs[0]!.fields.issuer, 'TEST OCSP RSA CA');
    assert.equal(logs[0]!.fields.responder, responder.url);
  });

  test('RSA-PSS-signed responses (SHA-512, as E-Smart’s CAs sign)', async () => {
    const recorder = recordingFetch();
    const responder = await responderFor(pssCa);
    const certificate = await issue(pssCa, 'PSS', { ocsp: [responder.url] });
    const answer = await client({ fetch: recorder.fetch }).status(certificate, pssCa.certificate, time);
    assert.equal(answer?.status, 'good');
    assert.equal(signatureAlgorithmOf(recorder.bodies[0]!), '1.2.840.113549.1.1.10');
  });

  test('ECDSA-signed responses', async () => {
    const recorder = recordingFetch();
    const responder = await responderFor(ecdsaCa);
    const certificate = await issue(ecdsaCa, 'ECDSA', { ocsp: [responder.url] });
    const answer = await client({ fetch: recorder.fetch }).status(certificate, ecdsaCa.certificate, time);
    assert.equal(answer?.status, 'good');
    assert.equal(signatureAlgorithmOf(recorder.bodies[0]!), '1.2.840.10045.4.3.2');
  });

  test('RSA PKCS#1 v1.5-signed responses, the responder named by key, and a SHA-256 CertID', async () => {
    const recorder = recordingFetch();
    const responder = await responderFor(rsaCa, { misbehave: { responderId: 'key' } });
    const certificate = await issue(rsaCa, 'By key', { ocsp: [responder.url] });
    const answer = await client({ fetch: recorder.fetch, certIdHash: 'SHA-256' }).status(certificate, rsaCa.certificate, time);
    assert.equal(answer?.status, 'good');
    assert.equal(signatureAlgorithmOf(recorder.bodies[0]!), '1.2.840.113549.1.1.11');
  });

  test('a response signed with another key than the CA’s it names: null', async () => {
    const responder = await responderFor(rsaCa, { misbehave: { wrongSigner: true } });
    const certificate = await issue(rsaCa, 'Wrong signer', { ocsp: [responder.url] });
    assert.equal(await client().status(certificate, rsaCa.certificate, time), null);
    assert.match(lastReason(), /signature does not verify/);
  });

  test('a response another CA signed (for the certificate asked about): null', async () => {
    // The ECDSA CA's responder answers for the RSA CA's certificate, signed with the ECDSA CA's key.
    const responder = await responderFor(ecdsaCa, { misbehave: { anyIssuer: true } });
    const certificate = await issue(rsaCa, 'Other CA', { ocsp: [responder.url] });
    assert.equal(await client().status(certificate, rsaCa.certificate, time), null);
    assert.match(lastReason(), /signed by neither the CA nor a responder certificate/);
    assert.equal(responder.requests, 1);
    // Without the switch it answers unauthorized, as RFC 6960 says a responder does for a CA it does not serve.
    responder.misbehave.anyIssuer = false;
    assert.equal(await client().status(await issue(rsaCa, 'Other CA 2', { ocsp: [responder.url] }), rsaCa.certificate, time), null);
    assert.match(lastReason(), /answered unauthorized/);
  });
});

describe('delegated responders', () => {
  test('a responder certificate the CA issued with extended key usage OCSPSigning: accepted', async () => {
    const signer = await delegate(rsaCa);
    const responder = await responderFor(rsaCa, { signer });
    const certificate = await issue(rsaCa, 'Delegated', { ocsp: [responder.url] });
    assert.deepEqual(await client().status(certificate, rsaCa.certificate, time), { status: 'good', nextUpdate: new Date(T0 + 1.5 * HOUR) });
    assert.equal(logs.length, 0);
  });

  test('without OCSPSigning (none, or only clientAuth): refused', async () => {
    for (const extendedKeyUsages of [[], [OID.clientAuth]]) {
      const signer = await delegate(rsaCa, { extendedKeyUsages });
      const responder = await responderFor(rsaCa, { signer });
      const certificate = await issue(rsaCa, 'No OCSPSigning', { ocsp: [responder.url] });
      assert.equal(await client().status(certificate, rsaCa.certificate, time), null);
      assert.match(lastReason(), /OCSPSigning/);
    }
  });

  test('a responder certificate issued by another CA: refused, under its own name or the CA’s', async () => {
    const foreign = await delegate(rsaCa, { signedBy: ecdsaCa });
    const responder = await responderFor(rsaCa, { signer: foreign });
    const certificate = await issue(rsaCa, 'Foreign responder', { ocsp: [responder.url] });
    assert.equal(await client().status(certificate, rsaCa.certificate, time), null);
    assert.match(lastReason(), /not issued by the CA/);

    // Naming the right CA as its issuer, but signed with another CA's key.
    const forged = await delegate(rsaCa, { signedBy: ecdsaCa, issuerName: rsaCa.certificate.subjectName });
    const forgedResponder = await responderFor(rsaCa, { signer: forged });
    const another = await issue(rsaCa, 'Forged responder', { ocsp: [forgedResponder.url] });
    assert.equal(await client().status(another, rsaCa.certificate, time), null);
    assert.match(lastReason(), /not issued by the CA/);
  });

  test('a responder certificate not valid now: refused', async () => {
    const expired = await delegate(rsaCa, { notBefore: T0 - 30 * DAY, notAfter: T0 - DAY });
    const responder = await responderFor(rsaCa, { signer: expired });
    const certificate = await issue(rsaCa, 'Expired responder', { ocsp: [responder.url] });
    assert.equal(await client().status(certificate, rsaCa.certificate, time), null);
    assert.match(lastReason(), /not valid now/);
  });

  test('a responder certificate the response does not carry: refused', async () => {
    const signer = await delegate(rsaCa);
    const responder = await responderFor(rsaCa, { signer, certs: [] });
    const certificate = await issue(rsaCa, 'Missing responder certificate', { ocsp: [responder.url] });
    assert.equal(await client().status(certificate, rsaCa.certificate, time), null);
    assert.match(lastReason(), /signed by neither/);
  });
});

describe('nonce and freshness', () => {
  test('another nonce: refused', async () => {
    const responder = await responderFor(rsaCa, { misbehave: { nonce: 'wrong' } });
    const certificate = await issue(rsaCa, 'Wrong nonce', { ocsp: [responder.url] });
    assert.equal(await client().status(certificate, rsaCa.certificate, time), null);
    assert.match(lastReason(), /another nonce/);
  });

  test('no nonce echoed: accepted when fresh, refused when stale or when the nonce is required', async () => {
    const responder = await responderFor(rsaCa, { misbehave: { nonce: 'omit' } });
    const certificate = await issue(rsaCa, 'No nonce', { ocsp: [responder.url] });
    assert.equal((await client().status(certificate, rsaCa.certificate, time))?.status, 'good');
    assert.equal(await client({ requireNonce: true }).status(certificate, rsaCa.certificate, time), null);
    assert.match(lastReason(), /does not echo the nonce/);
    responder.misbehave.thisUpdateOffsetMs = -2 * HOUR;
    responder.misbehave.nextUpdateAfterMs = HOUR;
    assert.equal(await client().status(certificate, rsaCa.certificate, time), null);
    assert.match(lastReason(), /expired/);
  });

  test('an answer whose nextUpdate has passed: refused', async () => {
    const responder = await responderFor(rsaCa, { misbehave: { thisUpdateOffsetMs: -3 * HOUR, nextUpdateAfterMs: HOUR } });
    const certificate = await issue(rsaCa, 'Expired answer', { ocsp: [responder.url] });
    assert.equal(await client().status(certificate, rsaCa.certificate, time), null);
    assert.match(lastReason(), /expired at/);
  });

  test('without nextUpdate: accepted up to an hour after thisUpdate, refused later', async () => {
    const responder = await responderFor(rsaCa, { misbehave: { thisUpdateOffsetMs: -10 * MINUTE, nextUpdateAfterMs: null } });
    const certificate = await issue(rsaCa, 'No nextUpdate', { ocsp: [responder.url] });
    assert.deepEqual(await client().status(certificate, rsaCa.certificate, time), { status: 'good' });
    responder.misbehave.thisUpdateOffsetMs = -2 * HOUR;
    assert.equal(await client().status(certificate, rsaCa.certificate, time), null);
    assert.match(lastReason(), /no nextUpdate and is older than an hour/);
  });

  test('thisUpdate in the future: refused beyond five minutes of skew, accepted within', async () => {
    const responder = await responderFor(rsaCa, { misbehave: { thisUpdateOffsetMs: 10 * MINUTE } });
    const certificate = await issue(rsaCa, 'Future', { ocsp: [responder.url] });
    assert.equal(await client().status(certificate, rsaCa.certificate, time), null);
    assert.match(lastReason(), /in the future/);
    responder.misbehave.thisUpdateOffsetMs = 2 * MINUTE;
    assert.equal((await client().status(certificate, rsaCa.certificate, time))?.status, 'good');
  });
});

describe('responders that do not answer usefully', () => {
  test('malformed bytes: null', async () => {
    const responder = await responderFor(rsaCa, { misbehave: { malformed: true } });
    const certificate = await issue(rsaCa, 'Malformed', { ocsp: [responder.url] });
    assert.equal(await client().status(certificate, rsaCa.certificate, time), null);
    assert.match(lastReason(), /does not parse/);
  });

  test('HTTP 500: null', async () => {
    const responder = await responderFor(rsaCa, { misbehave: { httpStatus: 500 } });
    const certificate = await issue(rsaCa, 'HTTP 500', { ocsp: [responder.url] });
    assert.equal(await client().status(certificate, rsaCa.certificate, time), null);
    assert.match(lastReason(), /HTTP status 500/);
  });

  test('tryLater, unauthorized, internalError: null', async () => {
    for (const status of ['tryLater', 'unauthorized', 'internalError'] as const) {
      const responder = await responderFor(rsaCa, { misbehave: { responseStatus: status } });
      const certificate = await issue(rsaCa, status, { ocsp: [responder.url] });
      assert.equal(await client().status(certificate, rsaCa.certificate, time), null);
      assert.match(lastReason(), new RegExp(`answered ${status}`));
    }
  });

  test('no answer within the timeout: null, quickly', async () => {
    const responder = await responderFor(rsaCa, { misbehave: { hang: true } });
    const certificate = await issue(rsaCa, 'Hang', { ocsp: [responder.url] });
    const started = performance.now();
    assert.equal(await client({ timeoutMs: 200 }).status(certificate, rsaCa.certificate, time), null);
    const elapsed = performance.now() - started;
    assert.ok(elapsed >= 150 && elapsed < 3000, `took ${elapsed} ms`);
    assert.match(lastReason(), /no answer within 200 ms/);
    assert.equal(responder.requests, 1);
  });

  test('a response longer than the limit: null', async () => {
    const responder = await responderFor(rsaCa);
    const certificate = await issue(rsaCa, 'Too long', { ocsp: [responder.url] });
    assert.equal(await client({ maxResponseBytes: 200 }).status(certificate, rsaCa.certificate, time), null);
    assert.match(lastReason(), /longer than 200 bytes/);
  });

  test('a fetch that throws, or nobody listening: null, never an exception', async () => {
    const certificate = await issue(rsaCa, 'Network', { ocsp: ['http://127.0.0.1:9/'] });
    const throwing = (() => {
      throw new TypeError('boom');
    }) as unknown as typeof fetch;
    assert.equal(await client({ fetch: throwing }).status(certificate, rsaCa.certificate, time), null);
    assert.match(lastReason(), /request failed/);
    assert.equal(await client().status(certificate, rsaCa.certificate, time), null);
    assert.match(lastReason(), /request failed/);
  });
});

describe('the cache', () => {
  test('a good answer is reused until an hour has passed on the injected clock', async () => {
    const responder = await responderFor(rsaCa, { misbehave: { nextUpdateAfterMs: 4 * HOUR } });
    const certificate = await issue(rsaCa, 'Cached', { ocsp: [responder.url] });
    const ocsp = client();
    const first = await ocsp.status(certificate, rsaCa.certificate, time);
    assert.equal(first?.status, 'good');
    time += 59 * MINUTE;
    assert.deepEqual(await ocsp.status(certificate, rsaCa.certificate, time), first);
    assert.equal(responder.requests, 1);
    time += 2 * MINUTE;
    const second = await ocsp.status(certificate, rsaCa.certificate, time);
    assert.equal(second?.status, 'good');
    assert.equal(responder.requests, 2);
    assert.equal(second?.nextUpdate?.getTime(), Math.floor((T0 + 61 * MINUTE) / 1000) * 1000 + 4 * HOUR);
  });

  test('a good answer is reused only until its nextUpdate when that comes first', async () => {
    const responder = await responderFor(rsaCa, { misbehave: { nextUpdateAfterMs: 10 * MINUTE } });
    const certificate = await issue(rsaCa, 'Short', { ocsp: [responder.url] });
    const ocsp = client();
    assert.equal((await ocsp.status(certificate, rsaCa.certificate, time))?.status, 'good');
    time += 9 * MINUTE;
    assert.equal((await ocsp.status(certificate, rsaCa.certificate, time))?.status, 'good');
    assert.equal(responder.requests, 1);
    time += 2 * MINUTE;
    assert.equal((await ocsp.status(certificate, rsaCa.certificate, time))?.status, 'good');
    assert.equal(responder.requests, 2);
  });

  test('a revoked answer is reused until its nextUpdate', async () => {
    const revokedAt = new Date(T0 - DAY);
    const responder = await responderFor(rsaCa, { statusOf: () => ({ revokedAt }), misbehave: { nextUpdateAfterMs: 3 * HOUR } });
    const certificate = await issue(rsaCa, 'Revoked cached', { ocsp: [responder.url] });
    const ocsp = client();
    assert.equal((await ocsp.status(certificate, rsaCa.certificate, time))?.status, 'revoked');
    time += 2 * HOUR + 59 * MINUTE;
    const cached: OcspAnswer | null = await ocsp.status(certificate, rsaCa.certificate, time);
    assert.equal(cached?.status, 'revoked');
    assert.equal(cached?.revokedAt?.getTime(), revokedAt.getTime());
    assert.equal(responder.requests, 1);
    time += 2 * MINUTE;
    assert.equal((await ocsp.status(certificate, rsaCa.certificate, time))?.status, 'revoked');
    assert.equal(responder.requests, 2);
  });

  test('no usable answer is remembered for a minute, and a responder that did not answer is not asked for any certificate meanwhile', async () => {
    const responder = await responderFor(rsaCa, { misbehave: { httpStatus: 500 } });
    const certificate = await issue(rsaCa, 'Down', { ocsp: [responder.url] });
    const neighbour = await issue(rsaCa, 'Down too', { ocsp: [responder.url] });
    const ocsp = client();
    assert.equal(await ocsp.status(certificate, rsaCa.certificate, time), null);
    assert.equal(responder.requests, 1);
    responder.misbehave.httpStatus = undefined;
    time += OCSP_FAILURE_CACHE_MS - 1000;
    assert.equal(await ocsp.status(certificate, rsaCa.certificate, time), null);
    assert.equal(await ocsp.status(neighbour, rsaCa.certificate, time), null);
    assert.equal(responder.requests, 1);
    assert.equal(logs.length, 1, 'one log line for the failure, none for the cached ones');
    time += 2000;
    assert.equal((await ocsp.status(certificate, rsaCa.certificate, time))?.status, 'good');
    assert.equal((await ocsp.status(neighbour, rsaCa.certificate, time))?.status, 'good');
    assert.equal(responder.requests, 3);
  });

  test('an answer that is not usable (unknown) is remembered for a minute for that certificate only', async () => {
    const unknown = new Set<string>();
    const responder = await responderFor(rsaCa, { statusOf: (serial) => (unknown.has(serial) ? 'unknown' : 'good') });
    const certificate = await issue(rsaCa, 'Unknown cached', { ocsp: [responder.url] });
    unknown.add(certificate.serialNumber);
    const neighbour = await issue(rsaCa, 'Known', { ocsp: [responder.url] });
    const ocsp = client();
    assert.equal(await ocsp.status(certificate, rsaCa.certificate, time), null);
    assert.equal(await ocsp.status(certificate, rsaCa.certificate, time), null);
    assert.equal(responder.requests, 1);
    assert.equal((await ocsp.status(neighbour, rsaCa.certificate, time))?.status, 'good');
    assert.equal(responder.requests, 2);
    time += OCSP_FAILURE_CACHE_MS + 1000;
    assert.equal(await ocsp.status(certificate, rsaCa.certificate, time), null);
    assert.equal(responder.requests, 3);
  });

  test('concurrent questions about one certificate make one request', async () => {
    const responder = await responderFor(rsaCa, { misbehave: { delayMs: 50 } });
    const certificate = await issue(rsaCa, 'Concurrent', { ocsp: [responder.url] });
    const ocsp = client();
    const answers = await Promise.all([1, 2, 3].map(() => ocsp.status(certificate, rsaCa.certificate, time)));
    assert.deepEqual(
      answers.map((answer) => answer?.status),
      ['good', 'good', 'good'],
    );
    assert.equal(responder.requests, 1);
  });
});

describe('the test responder', () => {
  test('answers GET requests (RFC 6960 A.1) with the same signed response', async () => {
    const responder = await responderFor(ecdsaCa);
    const certificate = await issue(ecdsaCa, 'GET', { ocsp: [responder.url] });
    const request = ocspRequest(ocspCertId(certificate, ecdsaCa.certificate), new Uint8Array(32).fill(7));
    const reply = await fetch(`${responder.url}${encodeURIComponent(Buffer.from(request).toString('base64'))}`);
    assert.equal(reply.status, 200);
    assert.equal(reply.headers.get('content-type'), 'application/ocsp-response');
    const response = AsnConvert.parse(await reply.arrayBuffer(), OCSPResponse);
    assert.equal(response.responseStatus, OCSPResponseStatus.successful);
    const basic = AsnConvert.parse(response.responseBytes!.response.buffer, BasicOCSPResponse);
    assert.equal(basic.tbsResponseData.responses.length, 1);
    assert.ok('good' in basic.tbsResponseData.responses[0]!.certStatus);
    const nonce = basic.tbsResponseData.responseExtensions?.find((extension) => extension.extnID === '1.3.6.1.5.5.7.48.1.2');
    assert.deepEqual(new Uint8Array(nonce!.extnValue.buffer), new Uint8Array([0x04, 0x20, ...new Uint8Array(32).fill(7)]));
  });

  test('answers malformedRequest to bytes that are not a request, and unauthorized for another CA’s certificates', async () => {
    const responder = await responderFor(rsaCa);
    const garbage = await fetch(responder.url, { method: 'POST', headers: { 'content-type': 'application/ocsp-request' }, body: 'not a request' });
    assert.equal(AsnConvert.parse(await garbage.arrayBuffer(), OCSPResponse).responseStatus, OCSPResponseStatus.malformedRequest);
    const foreign = await issue(ecdsaCa, 'Foreign');
    const other = await fetch(responder.url, { method: 'POST', body: ocspRequest(ocspCertId(foreign, ecdsaCa.certificate), new Uint8Array(32)) });
    assert.equal(AsnConvert.parse(await other.arrayBuffer(), OCSPResponse).responseStatus, OCSPResponseStatus.unauthorized);
  });
});
