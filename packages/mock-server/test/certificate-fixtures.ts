/**
 * Certificate test helpers: one test PKI per test file (generated once into
 * a temporary directory and handed to every server of the file), proofs
 * signed with the PKI's TEST keys over `certificateSignedData` — the same
 * function the widget uses — and the registration walk through the outbox.
 */
import type { webcrypto } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  API_PATHS,
  CERTIFICATE_PROOF_FORMAT,
  certificateSignedData,
  type CertificateChallenge,
  type CertificateProof,
  type SignatureAlgorithm,
} from '@egov/auth-widgets/contract';
import { x509 } from '../src/x509.ts';
import type { MockServerOptions } from '../src/options.ts';
import type { TestProfileName } from '../src/test-pki/profiles.ts';
import { CA_SIGNING, ensureTestPki, importCaKey, type TestPki, type TestPkiCertificate } from '../src/test-pki/test-pki.ts';
import { confirm, latest, tokenOf } from './fixtures.ts';
import { Browser, type Reply, type TestServer } from './helpers.ts';

/** Where every test PKI of these tests is "issued": the manual clocks start here too. */
export const PKI_TIME = Date.UTC(2030, 0, 1);

/** A test PKI for one test file, and the options that make a server trust it. */
export async function sharedTestPki(): Promise<{ pki: TestPki; options: (extra?: MockServerOptions) => MockServerOptions; cleanup(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'egov-test-pki-'));
  const { pki } = await ensureTestPki(join(dir, 'test-pki'), PKI_TIME);
  return {
    pki,
    options: (extra = {}) => ({ ...extra, certificates: { testPki: true, testPkiDir: pki.dir, ...extra.certificates } }),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function base64(data: ArrayBuffer | Uint8Array): string {
  return Buffer.from(data instanceof Uint8Array ? data : new Uint8Array(data)).toString('base64');
}

/** The contract algorithm a test certificate's key signs with. */
export function algorithmOf(entry: TestPkiCertificate): SignatureAlgorithm {
  return entry.keyAlgorithm.name === 'ECDSA' ? 'ECDSA-P256-SHA256' : 'RSASSA-PKCS1-v1_5-SHA256';
}

/** Imports a PKCS#8 TEST key for signing. */
export async function signingKey(privateKey: Uint8Array, algorithm: TestPkiCertificate['keyAlgorithm'] | 'RSA-PSS'): Promise<webcrypto.CryptoKey> {
  const params =
    algorithm === 'RSA-PSS'
      ? { name: 'RSA-PSS', hash: 'SHA-256' }
      : algorithm.name === 'ECDSA'
        ? { name: 'ECDSA', namedCurve: algorithm.namedCurve ?? 'P-256' }
        : { name: 'RSASSA-PKCS1-v1_5', hash: algorithm.hash ?? 'SHA-256' };
  return crypto.subtle.importKey('pkcs8', privateKey, params, false, ['sign']);
}

export interface ProofOptions {
  /** Sign over this origin instead of the challenge's. */
  origin?: string;
  /** Sign this nonce instead of the challenge's (the proof still names the challenge's). */
  signedNonce?: string;
  algorithm?: SignatureAlgorithm | string;
  /** Sign RSA keys with RSA-PSS. */
  pss?: boolean;
  /** The certificate to present instead of the profile's (its key still signs). */
  certificate?: x509.X509Certificate | Uint8Array;
  chain?: (x509.X509Certificate | Uint8Array)[];
  /** Sign with this key instead of the profile's. */
  privateKey?: Uint8Array;
}

/** A proof over a challenge, signed with a test certificate's TEST key. */
export async function signProof(entry: TestPkiCertificate, challenge: CertificateChallenge, options: ProofOptions = {}): Promise<CertificateProof> {
  const privateKey = options.privateKey ?? entry.privateKey;
  if (!privateKey) throw new Error(`${entry.name} has no private key`);
  const key = await signingKey(privateKey, options.pss ? 'RSA-PSS' : entry.keyAlgorithm);
  const data = await certificateSignedData(options.origin ?? challenge.origin, options.signedNonce ?? challenge.nonce);
  const params = options.pss ? { name: 'RSA-PSS', saltLength: 32 } : entry.keyAlgorithm.name === 'ECDSA' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' };
  const signature = await crypto.subtle.sign(params, key, data);
  const der = (value: x509.X509Certificate | Uint8Array) => (value instanceof Uint8Array ? value : new Uint8Array(value.rawData));
  return {
    format: CERTIFICATE_PROOF_FORMAT,
    certificate: base64(der(options.certificate ?? entry.certificate)),
    chain: (options.chain ?? entry.chain).map((ca) => base64(der(ca))),
    algorithm: (options.algorithm ?? (options.pss ? 'RSA-PSS-SHA256' : algorithmOf(entry))) as SignatureAlgorithm,
    signature: base64(signature),
    nonce: challenge.nonce,
  };
}

/** `POST /certificate/challenge` in this browser's session. */
export async function challengeFor(browser: Browser): Promise<CertificateChallenge> {
  const reply = await browser.post(API_PATHS.certificateChallenge, {});
  if (reply.status !== 200) throw new Error(`challenge: ${reply.status} ${reply.text}`);
  return reply.json as unknown as CertificateChallenge;
}

/** A challenge, a proof with the profile's key, and the certificate login. */
export async function certificateLogin(browser: Browser, entry: TestPkiCertificate, options: ProofOptions = {}): Promise<Reply> {
  const proof = await signProof(entry, await challengeFor(browser), options);
  return browser.post(API_PATHS.certificateLogin, proof);
}

/** A challenge, a proof and the certificate registration with this e-mail. */
export async function certificateRegistration(browser: Browser, entry: TestPkiCertificate, email: string, extra: Record<string, unknown> = {}): Promise<Reply> {
  const proof = await signProof(entry, await challengeFor(browser));
  return browser.post(API_PATHS.certificateRegistration, { proof, email, consent: 'true', ...extra });
}

/** Registers with the certificate and confirms the e-mail; the account is then active (unless review is configured). */
export async function registerAndConfirm(server: TestServer, entry: TestPkiCertificate, email: string): Promise<void> {
  const browser = new Browser(server.api);
  const reply = await certificateRegistration(browser, entry, email);
  if (reply.status !== 202) throw new Error(`certificate registration: ${reply.status} ${reply.text}`);
  await confirm(browser, tokenOf(await latest(server, email, 'confirm_email')));
}

export function profile(pki: TestPki, name: TestProfileName): TestPkiCertificate {
  return pki.profile(name);
}

/**
 * A certificate the issuing CA of `base`'s certification body issues now,
 * for `base`'s key pair (so `signProof` signs with it): the subject, key
 * usage and extensions as given, the body's qualified policy unless told
 * otherwise. For shapes the profiles do not have (another identifier, a
 * card's authentication certificate, a renewal).
 */
export async function issuedLike(
  pki: TestPki,
  base: TestPkiCertificate,
  options: { serial: string; subject?: x509.JsonName; keyUsage?: number; extensions?: x509.Extension[] },
): Promise<TestPkiCertificate> {
  const body = pki.body(base.issuer as Parameters<TestPki['body']>[0]);
  const signingKey = await importCaKey(body.issuing);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: options.serial,
    subject: options.subject ?? base.certificate.subjectName,
    issuer: body.issuing.certificate.subjectName,
    publicKey: base.certificate.publicKey,
    signingKey,
    signingAlgorithm: CA_SIGNING[body.issuing.keys],
    notBefore: new Date(PKI_TIME - 86_400_000),
    notAfter: new Date(PKI_TIME + 365 * 86_400_000),
    extensions: [
      new x509.KeyUsagesExtension(options.keyUsage ?? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      new x509.CertificatePolicyExtension([body.body.qualifiedPolicy]),
      ...(options.extensions ?? []),
    ],
  });
  return { ...base, certificate, chain: [body.issuing.certificate] };
}
