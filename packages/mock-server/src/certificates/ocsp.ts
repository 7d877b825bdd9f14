/**
 * OCSP (RFC 6960) where a certificate names a responder in its Authority
 * Information Access extension. `OcspClient.status` asks the responder about
 * one certificate and answers `good` or `revoked` only when the answer can be
 * relied on; anything else — no responder named, a network error, a timeout,
 * an HTTP error, bytes that do not parse, a signer the issuer did not
 * authorize, a stale answer, another nonce, `unknown`, `tryLater` — is null,
 * and the caller falls back to revocation lists (and fails closed when it has
 * none). It never throws for a bad responder.
 *
 * Choices:
 * - The request names the certificate by a CertID of SHA-1 hashes (what every
 *   responder understands, RFC 5019; SHA-256 on request) and carries a
 *   32-byte nonce (RFC 8954). A response with another nonce is refused. A
 *   response without one is accepted — many CAs' responders answer from
 *   pre-produced responses and never echo it — but, like every answer, only
 *   when it is fresh: thisUpdate not more than 5 minutes ahead of `now`,
 *   nextUpdate (when given) not passed, and without nextUpdate thisUpdate at
 *   most an hour old. So a replayed answer is never older than what the CA
 *   itself declares current, the same exposure as a CRL. `requireNonce`
 *   refuses responses without the nonce instead.
 * - The response must be signed by the issuer itself, or by a responder
 *   certificate in the response that the issuer signed, with extended key
 *   usage id-kp-OCSPSigning, valid at `now`, with no critical extension the
 *   checks do not understand (RFC 6960 4.2.2.2). The responder certificate's
 *   own revocation is not checked (id-pkix-ocsp-nocheck is what CAs issue).
 *   RSA PKCS#1 v1.5, RSA-PSS and ECDSA signatures with SHA-256/384/512 are
 *   accepted; SHA-1 signatures are not.
 * - Answers are cached by issuer and serial number on the injected clock:
 *   `good` until the earlier of its nextUpdate and an hour, `revoked` until
 *   its nextUpdate (an hour when it has none), and no usable answer for a
 *   minute — and a responder that did not answer at all (network, timeout,
 *   HTTP error, tryLater) is not asked again for any certificate for that
 *   minute, so a dead responder does not slow every login.
 */
import { createHash, randomBytes, type webcrypto } from 'node:crypto';
import {
  BasicOCSPResponse,
  CertID,
  OCSPRequest,
  OCSPResponse,
  OCSPResponseStatus,
  Request,
  TBSRequest,
  id_kp_OCSPSigning,
  id_pkix_ocsp_basic,
  id_pkix_ocsp_nocheck,
  id_pkix_ocsp_nonce,
} from '@peculiar/asn1-ocsp';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, Certificate, Extension, SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { OID, UNDERSTOOD_EXTENSIONS } from './oids.ts';
import { fingerprint, sameName, x509 } from '../x509.ts';

/** What a responder said about a certificate, when it can be relied on. */
export interface OcspAnswer {
  status: 'good' | 'revoked';
  /** When it was revoked (`revoked` only). */
  revokedAt?: Date;
  /** Until when the responder vouches for the answer, when it says. */
  nextUpdate?: Date;
}

export type OcspLogger = (event: string, fields: Record<string, string>) => void;

/** The hash of the CertID the client sends. */
export type OcspCertIdHash = 'SHA-1' | 'SHA-256';

export interface OcspClientOptions {
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** The whole exchange, response body included (default 5000). */
  timeoutMs?: number;
  /** The injected clock: dates the cache entries. */
  clock: () => number;
  /** One line per answer that could not be used: the CA's name, the responder and why (never the certificate's subject). */
  log?: OcspLogger;
  /** Longer responses are refused (default 64 KiB). */
  maxResponseBytes?: number;
  /** Default SHA-1. */
  certIdHash?: OcspCertIdHash;
  /** Refuse responses that do not echo the nonce (default false: such a response is accepted when fresh). */
  requireNonce?: boolean;
}

export const OCSP_DEFAULT_TIMEOUT_MS = 5000;
export const OCSP_DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;
/** thisUpdate (and producedAt) may be this far ahead of `now`: the responder's clock may run ahead. */
export const OCSP_CLOCK_SKEW_MS = 5 * 60_000;
/** Without nextUpdate, an answer is current for this long after its thisUpdate. */
export const OCSP_MAX_AGE_WITHOUT_NEXT_UPDATE_MS = 60 * 60_000;
/** A good answer is cached at most this long. */
export const OCSP_GOOD_CACHE_MS = 60 * 60_000;
/** No usable answer (and a responder that did not answer) is remembered this long. */
export const OCSP_FAILURE_CACHE_MS = 60_000;
/** Entries kept in the cache; the oldest go first. */
const MAX_CACHE_ENTRIES = 10_000;

const MEDIA_REQUEST = 'application/ocsp-request';
const MEDIA_RESPONSE = 'application/ocsp-response';

/** Hash algorithms of a CertID (RFC 6960 4.1.1), by OID. */
const HASH_BY_OID: Readonly<Record<string, { node: string; web: string }>> = {
  '1.3.14.3.2.26': { node: 'sha1', web: 'SHA-1' },
  '2.16.840.1.101.3.4.2.1': { node: 'sha256', web: 'SHA-256' },
  '2.16.840.1.101.3.4.2.2': { node: 'sha384', web: 'SHA-384' },
  '2.16.840.1.101.3.4.2.3': { node: 'sha512', web: 'SHA-512' },
};
const HASH_OID: Record<OcspCertIdHash, string> = { 'SHA-1': '1.3.14.3.2.26', 'SHA-256': '2.16.840.1.101.3.4.2.1' };

/** Signature algorithms accepted on responses, and their hashes. */
const SIGNATURE_NAMES: ReadonlySet<string> = new Set(['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'ECDSA']);
const SIGNATURE_HASHES: ReadonlySet<string> = new Set(['SHA-256', 'SHA-384', 'SHA-512']);

/** Extensions of a delegated responder certificate the checks understand (the path's, and id-pkix-ocsp-nocheck). */
const RESPONDER_EXTENSIONS: ReadonlySet<string> = new Set([...UNDERSTOOD_EXTENSIONS, id_pkix_ocsp_nocheck]);

/**
 * The responder a certificate names: the first http or https URL among the
 * id-ad-ocsp access locations of its Authority Information Access
 * extension; null when there is none (or the extension does not parse).
 */
export function ocspResponderUrl(certificate: x509.X509Certificate): string | null {
  try {
    const access = certificate.getExtension(x509.AuthorityInfoAccessExtension);
    for (const name of access?.ocsp ?? []) {
      if (name.type !== 'url') continue;
      try {
        const url = new URL(name.value);
        if (url.protocol === 'http:' || url.protocol === 'https:') return name.value;
      } catch {
        // not a URL: the next one
      }
    }
  } catch {
    // an extension that does not parse names no responder
  }
  return null;
}

function digest(nodeName: string, data: ArrayBuffer | Uint8Array): Buffer {
  return createHash(nodeName).update(new Uint8Array(data)).digest();
}

/** The subjectPublicKey BIT STRING's value of a certificate (what issuerKeyHash and ResponderID byKey hash). */
export function publicKeyBits(certificate: x509.X509Certificate): Uint8Array {
  return new Uint8Array(AsnConvert.parse(certificate.publicKey.rawData, SubjectPublicKeyInfo).subjectPublicKey);
}

/** A serial number's INTEGER content, hex (DER: minimal, so equal numbers have equal bytes). */
function serialKey(serial: ArrayBuffer): string {
  return Buffer.from(new Uint8Array(serial)).toString('hex');
}

/**
 * The serial number's INTEGER content as the certificate has it (x509's
 * `serialNumber` drops leading zero bytes, which would make `00 a1 b2` a
 * negative number).
 */
function serialBytes(certificate: x509.X509Certificate): ArrayBuffer {
  return AsnConvert.parse(certificate.rawData, Certificate).tbsCertificate.serialNumber;
}

/** The CertID of `certificate` (issued by `issuer`) with the given hash (RFC 6960 4.1.1). */
export function ocspCertId(certificate: x509.X509Certificate, issuer: x509.X509Certificate, hash: OcspCertIdHash = 'SHA-1'): CertID {
  const nodeName = HASH_BY_OID[HASH_OID[hash]]!.node;
  return new CertID({
    hashAlgorithm: new AlgorithmIdentifier({ algorithm: HASH_OID[hash], parameters: null }),
    issuerNameHash: new OctetString(digest(nodeName, certificate.issuerName.toArrayBuffer())),
    issuerKeyHash: new OctetString(digest(nodeName, publicKeyBits(issuer))),
    serialNumber: serialBytes(certificate),
  });
}

/** Whether a CertID (of any hash the client knows) names `certificate` of `issuer`. */
function certIdNames(id: CertID, certificate: x509.X509Certificate, issuer: x509.X509Certificate): boolean {
  const hash = HASH_BY_OID[id.hashAlgorithm.algorithm];
  if (!hash) return false;
  return (
    serialKey(id.serialNumber) === serialKey(serialBytes(certificate)) &&
    digest(hash.node, certificate.issuerName.toArrayBuffer()).equals(new Uint8Array(id.issuerNameHash.buffer)) &&
    digest(hash.node, publicKeyBits(issuer)).equals(new Uint8Array(id.issuerKeyHash.buffer))
  );
}

/** The nonce extension's value as sent: the DER of an OCTET STRING holding the nonce (RFC 8954). */
function nonceValue(nonce: Uint8Array): Uint8Array {
  return new Uint8Array(AsnConvert.serialize(new OctetString(nonce)));
}

/** A DER OCSPRequest for one certificate, with a nonce. */
export function ocspRequest(certId: CertID, nonce: Uint8Array): Uint8Array {
  const request = new OCSPRequest({
    tbsRequest: new TBSRequest({
      requestList: [new Request({ reqCert: certId })],
      requestExtensions: [new Extension({ extnID: id_pkix_ocsp_nonce, critical: false, extnValue: new OctetString(nonceValue(nonce)) })],
    }),
  });
  return new Uint8Array(AsnConvert.serialize(request));
}

/** True when `bytes` is exactly one DER TLV (no trailing bytes, no indefinite length). */
function oneTlv(bytes: Uint8Array): boolean {
  if (bytes.length < 2) return false;
  const first = bytes[1]!;
  if (first < 0x80) return 2 + first === bytes.length;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || bytes.length < 2 + count) return false;
  let length = 0;
  for (let index = 0; index < count; index += 1) length = length * 256 + bytes[2 + index]!;
  return 2 + count + length === bytes.length;
}

function validAt(certificate: x509.X509Certificate, now: number): boolean {
  return certificate.notBefore.getTime() <= now && now <= certificate.notAfter.getTime();
}

function commonName(certificate: x509.X509Certificate): string {
  return certificate.subjectName.getField(OID.commonName)[0] ?? certificate.subject;
}

/** A reason an answer cannot be used; `transport` when the responder did not answer at all. */
class Unusable extends Error {
  constructor(
    readonly kind: string,
    readonly transport = false,
  ) {
    super(kind);
  }
}

/**
 * Whether the signature `signature` (as X.509 writes it) of `algorithm` over
 * `data` verifies with `signer`'s key. Only the accepted algorithms; the key is
 * imported for the response's own signature algorithm.
 */
export async function signatureVerifies(signer: x509.X509Certificate, algorithm: AlgorithmIdentifier, signature: ArrayBuffer, data: ArrayBuffer): Promise<boolean> {
  try {
    const web = new x509.AlgorithmProvider().toWebAlgorithm(algorithm) as webcrypto.Algorithm & { hash?: { name: string } | string };
    const hash = typeof web.hash === 'string' ? web.hash : web.hash?.name;
    if (!SIGNATURE_NAMES.has(web.name) || !hash || !SIGNATURE_HASHES.has(hash.toUpperCase())) return false;
    const keyAlgorithm = { ...signer.publicKey.algorithm, ...web } as webcrypto.Algorithm;
    const key = await signer.publicKey.export(keyAlgorithm, ['verify']);
    let value: ArrayBuffer | null = signature;
    if (web.name === 'ECDSA') value = new x509.AsnEcSignatureFormatter().toWebSignature(keyAlgorithm, signature);
    if (!value) return false;
    return await crypto.subtle.verify(keyAlgorithm, key, value, data);
  } catch {
    return false;
  }
}

/** Whether `certificate` is the one a ResponderID names (RFC 6960 4.2.2.3). */
function responderIs(basic: BasicOCSPResponse, certificate: x509.X509Certificate): boolean {
  const id = basic.tbsResponseData.responderID;
  if (id.byName) return Buffer.from(AsnConvert.serialize(id.byName)).equals(new Uint8Array(certificate.subjectName.toArrayBuffer()));
  if (id.byKey) return digest('sha1', publicKeyBits(certificate)).equals(new Uint8Array(id.byKey.buffer));
  return false;
}

async function issuedBy(certificate: x509.X509Certificate, issuer: x509.X509Certificate): Promise<boolean> {
  if (!sameName(certificate.issuerName, issuer.subjectName)) return false;
  try {
    return await certificate.verify({ publicKey: issuer.publicKey, signatureOnly: true });
  } catch {
    return false;
  }
}

/** Why a delegated responder certificate may not sign for `issuer`, or null when it may. */
async function delegationProblem(responder: x509.X509Certificate, issuer: x509.X509Certificate, now: number): Promise<string | null> {
  if (!(await issuedBy(responder, issuer))) return 'the responder certificate was not issued by the CA';
  const usages = responder.getExtension(x509.ExtendedKeyUsageExtension)?.usages ?? [];
  if (!usages.map(String).includes(id_kp_OCSPSigning)) return 'the responder certificate lacks extended key usage OCSPSigning';
  if (!validAt(responder, now)) return 'the responder certificate is not valid now';
  const keyUsage = responder.getExtension(x509.KeyUsagesExtension);
  if (keyUsage && (keyUsage.usages & (x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation)) === 0) return 'the responder certificate’s key usage does not allow signing';
  if (responder.extensions.some((extension) => extension.critical && !RESPONDER_EXTENSIONS.has(extension.type))) return 'the responder certificate has a critical extension the checks do not understand';
  return null;
}

/** Returns when the issuer itself, or a responder certificate it authorized, signed the response; else Unusable. */
async function authorizeSigner(basic: BasicOCSPResponse, issuer: x509.X509Certificate, now: number): Promise<void> {
  const data = basic.tbsResponseDataRaw;
  if (!data) throw new Unusable('the response data could not be read');
  if (responderIs(basic, issuer)) {
    if (await signatureVerifies(issuer, basic.signatureAlgorithm, basic.signature, data)) return;
    throw new Unusable('the response’s signature does not verify with the CA’s key');
  }
  let problem = 'the response is signed by neither the CA nor a responder certificate in it';
  for (const asn of basic.certs ?? []) {
    let responder: x509.X509Certificate;
    try {
      responder = new x509.X509Certificate(AsnConvert.serialize(asn));
    } catch {
      continue;
    }
    if (!responderIs(basic, responder)) continue;
    const delegation = await delegationProblem(responder, issuer, now);
    if (delegation) {
      problem = delegation;
      continue;
    }
    if (await signatureVerifies(responder, basic.signatureAlgorithm, basic.signature, data)) return;
    problem = 'the response’s signature does not verify with the responder certificate’s key';
  }
  throw new Unusable(problem);
}

/** Bytes of a response body, at most `limit`; Unusable past it. */
async function readLimited(response: Response, limit: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw new Unusable(`the response is longer than ${limit} bytes`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new Unusable(`the response is longer than ${limit} bytes`);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

interface CacheEntry {
  answer: OcspAnswer | null;
  /** Clock time the entry expires. */
  until: number;
  /** The answer is current before this time (its nextUpdate, else thisUpdate + an hour). */
  freshUntil: number;
}

/** A usable answer and until when it is current. */
interface Checked {
  answer: OcspAnswer;
  freshUntil: number;
}

function copy(answer: OcspAnswer): OcspAnswer {
  return {
    status: answer.status,
    ...(answer.revokedAt ? { revokedAt: new Date(answer.revokedAt) } : {}),
    ...(answer.nextUpdate ? { nextUpdate: new Date(answer.nextUpdate) } : {}),
  };
}

/** Asks responders and caches what they say (see the module's comment). */
export class OcspClient {
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #clock: () => number;
  readonly #log: OcspLogger;
  readonly #maxResponseBytes: number;
  readonly #certIdHash: OcspCertIdHash;
  readonly #requireNonce: boolean;
  readonly #cache = new Map<string, CacheEntry>();
  /** Responders that did not answer, until when they are not asked. */
  readonly #down = new Map<string, number>();
  readonly #pending = new Map<string, Promise<OcspAnswer | null>>();

  constructor(options: OcspClientOptions) {
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#timeoutMs = options.timeoutMs ?? OCSP_DEFAULT_TIMEOUT_MS;
    this.#clock = options.clock;
    this.#log = options.log ?? (() => undefined);
    this.#maxResponseBytes = options.maxResponseBytes ?? OCSP_DEFAULT_MAX_RESPONSE_BYTES;
    this.#certIdHash = options.certIdHash ?? 'SHA-1';
    this.#requireNonce = options.requireNonce ?? false;
  }

  /**
   * The status of `certificate` (issued by `issuer`) at `now` from the
   * responder it names, or null when there is no usable answer. `now` is the
   * time the answer must be current at (and the responder certificate
   * valid); the cache runs on the injected clock.
   */
  async status(certificate: x509.X509Certificate, issuer: x509.X509Certificate, now: number): Promise<OcspAnswer | null> {
    try {
      return await this.#status(certificate, issuer, now);
    } catch {
      // #ask never throws; this is for a certificate the checks could not even name (never seen: x509 parsed it already).
      return null;
    }
  }

  async #status(certificate: x509.X509Certificate, issuer: x509.X509Certificate, now: number): Promise<OcspAnswer | null> {
    const url = ocspResponderUrl(certificate);
    if (!url) return null;
    const key = `${fingerprint(issuer)} ${serialKey(serialBytes(certificate))}`;
    const cached = this.#cache.get(key);
    if (cached && this.#clock() < cached.until) {
      if (!cached.answer) return null;
      if (now < cached.freshUntil) return copy(cached.answer);
    }
    this.#cache.delete(key);
    const down = this.#down.get(url);
    if (down !== undefined) {
      if (this.#clock() < down) return null;
      this.#down.delete(url);
    }
    let pending = this.#pending.get(key);
    if (!pending) {
      pending = this.#ask(url, key, certificate, issuer, now).finally(() => this.#pending.delete(key));
      this.#pending.set(key, pending);
    }
    const answer = await pending;
    return answer && copy(answer);
  }

  /** Forgets every cached answer and unresponsive responder. */
  clear(): void {
    this.#cache.clear();
    this.#down.clear();
  }

  async #ask(url: string, key: string, certificate: x509.X509Certificate, issuer: x509.X509Certificate, now: number): Promise<OcspAnswer | null> {
    try {
      const { answer, freshUntil } = await this.#query(url, certificate, issuer, now);
      // good: until it is no longer current, at most an hour; revoked: until it is no longer current.
      const lifetime = answer.status === 'good' ? Math.min(OCSP_GOOD_CACHE_MS, freshUntil - now) : freshUntil - now;
      this.#remember(key, { answer, until: this.#clock() + Math.max(0, lifetime), freshUntil });
      return answer;
    } catch (error) {
      const problem = error instanceof Unusable ? error : new Unusable(`unexpected error: ${(error as Error)?.message ?? String(error)}`);
      const until = this.#clock() + OCSP_FAILURE_CACHE_MS;
      this.#remember(key, { answer: null, until, freshUntil: until });
      if (problem.transport) this.#down.set(url, until);
      this.#log('ocsp_no_answer', { issuer: commonName(issuer), responder: url, kind: `${problem.kind}: revocation lists decide` });
      return null;
    }
  }

  #remember(key: string, entry: CacheEntry): void {
    if (this.#cache.size >= MAX_CACHE_ENTRIES) {
      const clock = this.#clock();
      for (const [old, held] of this.#cache) if (held.until <= clock) this.#cache.delete(old);
      for (const old of this.#cache.keys()) {
        if (this.#cache.size < MAX_CACHE_ENTRIES) break;
        this.#cache.delete(old);
      }
    }
    this.#cache.set(key, entry);
  }

  /** One exchange with the responder and the checks of its answer; Unusable for anything but a usable answer. */
  async #query(url: string, certificate: x509.X509Certificate, issuer: x509.X509Certificate, now: number): Promise<Checked> {
    const nonce = new Uint8Array(randomBytes(32));
    const body = ocspRequest(ocspCertId(certificate, issuer, this.#certIdHash), nonce);
    const signal = AbortSignal.timeout(this.#timeoutMs);
    let bytes: Uint8Array;
    try {
      const response = await this.#fetch(url, {
        method: 'POST',
        headers: { 'content-type': MEDIA_REQUEST, accept: MEDIA_RESPONSE },
        body,
        signal,
        redirect: 'error',
      });
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new Unusable(`HTTP status ${response.status}`, true);
      }
      bytes = await readLimited(response, this.#maxResponseBytes);
    } catch (error) {
      if (error instanceof Unusable) throw error;
      throw new Unusable(signal.aborted ? `no answer within ${this.#timeoutMs} ms` : `the request failed (${(error as Error)?.message ?? 'network'})`, true);
    }
    return this.#check(bytes, nonce, certificate, issuer, now);
  }

  async #check(bytes: Uint8Array, nonce: Uint8Array, certificate: x509.X509Certificate, issuer: x509.X509Certificate, now: number): Promise<Checked> {
    let basic: BasicOCSPResponse;
    try {
      if (!oneTlv(bytes)) throw new Error('not one DER value');
      const response = AsnConvert.parse(bytes, OCSPResponse);
      if (response.responseStatus !== OCSPResponseStatus.successful) {
        const name = OCSPResponseStatus[response.responseStatus] ?? String(response.responseStatus);
        // tryLater and internalError: the responder is there but cannot answer now.
        const transient = response.responseStatus === OCSPResponseStatus.tryLater || response.responseStatus === OCSPResponseStatus.internalError;
        throw new Unusable(`the responder answered ${name}`, transient);
      }
      if (!response.responseBytes || response.responseBytes.responseType !== id_pkix_ocsp_basic) throw new Unusable('the response is not a basic OCSP response');
      const inner = new Uint8Array(response.responseBytes.response.buffer);
      if (!oneTlv(inner)) throw new Error('not one DER value');
      basic = AsnConvert.parse(inner, BasicOCSPResponse);
    } catch (error) {
      if (error instanceof Unusable) throw error;
      throw new Unusable('the response does not parse');
    }
    const data = basic.tbsResponseData;
    await authorizeSigner(basic, issuer, now);

    // The nonce: another one is a replay or a mix-up; none is accepted when fresh (module comment).
    const extensions = data.responseExtensions ?? [];
    for (const extension of extensions) {
      if (extension.critical && extension.extnID !== id_pkix_ocsp_nonce) throw new Unusable(`the response has a critical extension ${extension.extnID} the checks do not understand`);
    }
    const echoed = extensions.find((extension) => extension.extnID === id_pkix_ocsp_nonce);
    if (echoed) {
      const value = Buffer.from(echoed.extnValue.buffer);
      // The value as sent (an OCTET STRING in the extension), or the bare nonce as some responders write it.
      if (!value.equals(nonceValue(nonce)) && !value.equals(nonce)) throw new Unusable('the response carries another nonce');
    } else if (this.#requireNonce) {
      throw new Unusable('the response does not echo the nonce');
    }

    const single = data.responses.find((candidate) => certIdNames(candidate.certID, certificate, issuer));
    if (!single) throw new Unusable('the response does not answer for the certificate asked about');
    if (single.singleExtensions?.some((extension) => extension.critical)) throw new Unusable('the answer has a critical extension the checks do not understand');

    const thisUpdate = single.thisUpdate.getTime();
    const nextUpdate = single.nextUpdate?.getTime();
    if (Number.isNaN(thisUpdate) || (nextUpdate !== undefined && Number.isNaN(nextUpdate))) throw new Unusable('the answer’s dates do not parse');
    if (thisUpdate > now + OCSP_CLOCK_SKEW_MS) throw new Unusable(`the answer’s thisUpdate ${single.thisUpdate.toISOString()} is in the future`);
    if (data.producedAt.getTime() > now + OCSP_CLOCK_SKEW_MS) throw new Unusable(`the response’s producedAt ${data.producedAt.toISOString()} is in the future`);
    if (nextUpdate !== undefined) {
      if (nextUpdate < thisUpdate) throw new Unusable('the answer’s nextUpdate is before its thisUpdate');
      if (nextUpdate <= now) throw new Unusable(`the answer expired at ${single.nextUpdate!.toISOString()} (nextUpdate)`);
    } else if (thisUpdate < now - OCSP_MAX_AGE_WITHOUT_NEXT_UPDATE_MS) {
      throw new Unusable(`the answer of ${single.thisUpdate.toISOString()} has no nextUpdate and is older than an hour`);
    }

    const status = single.certStatus;
    const until = single.nextUpdate ? { nextUpdate: new Date(single.nextUpdate) } : {};
    const freshUntil = nextUpdate ?? thisUpdate + OCSP_MAX_AGE_WITHOUT_NEXT_UPDATE_MS;
    if (status.revoked) return { answer: { status: 'revoked', revokedAt: new Date(status.revoked.revocationTime), ...until }, freshUntil };
    if ('good' in status) return { answer: { status: 'good', ...until }, freshUntil };
    throw new Unusable('the responder does not know the certificate (unknown)');
  }
}
