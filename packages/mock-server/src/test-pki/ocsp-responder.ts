/**
 * A real OCSP responder (RFC 6960) for tests and development: node:http on
 * 127.0.0.1 at a free port, answering POST (`application/ocsp-request`) and
 * GET (`/<base64 of the DER request>`, RFC 6960 A.1) with BasicOCSPResponses
 * signed by the CA itself or by a delegated responder certificate, echoing
 * the request's nonce. `misbehave` (changeable while it runs) makes it answer
 * the ways a broken or hostile responder would, so the client's refusals can
 * be tested. It counts the requests it received.
 */
import { createHash, randomBytes, type webcrypto } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BasicOCSPResponse,
  CertStatus,
  OCSPRequest,
  OCSPResponse,
  OCSPResponseStatus,
  KeyHash,
  ResponderID,
  ResponseBytes,
  ResponseData,
  RevokedInfo,
  SingleResponse,
  id_pkix_ocsp_basic,
  id_pkix_ocsp_nonce,
  type CertID,
} from '@peculiar/asn1-ocsp';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { CRLReason, Certificate, Extension, Name, SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { x509 } from '../x509.ts';

/** What the responder says about a serial number (hex, as in the request, without leading zero bytes). */
export type OcspSerialStatus = 'good' | 'unknown' | { revokedAt: Date; reason?: number };

/** Ways to answer wrongly, for tests. All off by default. */
export interface OcspMisbehaviour {
  /** Sign with a throwaway key instead of the signer's (the signature does not verify). */
  wrongSigner?: boolean;
  /** Added to the clock for thisUpdate: negative makes it stale, positive puts it in the future. */
  thisUpdateOffsetMs?: number;
  /** nextUpdate this long after thisUpdate (default an hour and a half); null leaves it out. */
  nextUpdateAfterMs?: number | null;
  /** 'omit': no nonce in the response; 'wrong': another nonce. */
  nonce?: 'echo' | 'omit' | 'wrong';
  /** Answer with bytes that do not parse (a response cut in half). */
  malformed?: boolean;
  /** Never answer (the connection stays open until `close`). */
  hang?: boolean;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Answer with this HTTP status and no OCSP response. */
  httpStatus?: number;
  /** Answer with this OCSP status instead of successful (no responseBytes). */
  responseStatus?: Exclude<keyof typeof OCSPResponseStatus, 'successful'>;
  /** Answer for certificates of any CA, as if they were the issuer's (default: unauthorized for other CAs'). */
  anyIssuer?: boolean;
  /** How the response names its signer (default by name). */
  responderId?: 'name' | 'key';
}

export type OcspSigningAlgorithm = webcrypto.RsaPssParams | webcrypto.EcdsaParams | webcrypto.RsaHashedImportParams | webcrypto.Algorithm;

export interface OcspResponderOptions {
  /** The CA whose certificates it answers for. */
  issuer: x509.X509Certificate;
  /** Who signs: the CA (default, with `issuerKey`) or a delegated responder certificate and its key. */
  signer?: { certificate: x509.X509Certificate; key: webcrypto.CryptoKey };
  /** The CA's private key, when the CA signs. */
  issuerKey?: webcrypto.CryptoKey;
  /** Signature parameters (default: from the key — PKCS#1 v1.5 or PSS with the key's hash, ECDSA with the curve's). */
  algorithm?: OcspSigningAlgorithm;
  /** Certificates put in the response (default: the signer's when it is not the CA). */
  certs?: x509.X509Certificate[];
  statusOf: (serialHex: string) => OcspSerialStatus;
  /** Default Date.now: thisUpdate and producedAt. */
  clock?: () => number;
  misbehave?: OcspMisbehaviour;
}

export interface OcspResponder {
  /** `http://127.0.0.1:<port>/` — what a certificate's AIA names. */
  url: string;
  /** Requests received (any method, any content). */
  requests: number;
  /** The last error that made it answer HTTP 500 by itself (a bug in the test setup), if any. */
  lastError: unknown;
  /** Changeable while it runs. */
  misbehave: OcspMisbehaviour;
  close(): Promise<void>;
}

const HOUR = 60 * 60_000;
const MAX_REQUEST_BYTES = 16 * 1024;

/** The default signature parameters of a private key. */
export function signingAlgorithmOf(key: webcrypto.CryptoKey): OcspSigningAlgorithm {
  const algorithm = key.algorithm as webcrypto.RsaHashedKeyAlgorithm | webcrypto.EcKeyAlgorithm;
  if (algorithm.name === 'ECDSA') {
    const curve = (algorithm as webcrypto.EcKeyAlgorithm).namedCurve;
    return { name: 'ECDSA', hash: curve === 'P-384' ? 'SHA-384' : curve === 'P-521' ? 'SHA-512' : 'SHA-256' };
  }
  const hash = (algorithm as webcrypto.RsaHashedKeyAlgorithm).hash.name;
  if (algorithm.name === 'RSA-PSS') return { name: 'RSA-PSS', hash, saltLength: Number(hash.replace('SHA-', '')) / 8 } as webcrypto.RsaPssParams;
  return { name: algorithm.name, hash } as webcrypto.RsaHashedImportParams;
}

const NODE_HASH: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

function keyBits(certificate: x509.X509Certificate): Buffer {
  return Buffer.from(AsnConvert.parse(certificate.publicKey.rawData, SubjectPublicKeyInfo).subjectPublicKey);
}

/** Whether a requested CertID is of a certificate `issuer` issued. */
function ofIssuer(id: CertID, issuer: x509.X509Certificate): boolean {
  const hash = NODE_HASH[id.hashAlgorithm.algorithm];
  if (!hash) return false;
  const nameHash = createHash(hash).update(Buffer.from(issuer.subjectName.toArrayBuffer())).digest();
  const keyHash = createHash(hash).update(keyBits(issuer)).digest();
  return nameHash.equals(Buffer.from(id.issuerNameHash.buffer)) && keyHash.equals(Buffer.from(id.issuerKeyHash.buffer));
}

function seconds(time: number): Date {
  return new Date(Math.floor(time / 1000) * 1000);
}

function statusResponse(status: OCSPResponseStatus): Uint8Array {
  return new Uint8Array(AsnConvert.serialize(new OCSPResponse({ responseStatus: status })));
}

async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request) {
    total += (chunk as Buffer).length;
    if (total > MAX_REQUEST_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Starts a responder on 127.0.0.1 at a free port. */
export async function startOcspResponder(options: OcspResponderOptions): Promise<OcspResponder> {
  const clock = options.clock ?? Date.now;
  const signerCertificate = options.signer?.certificate ?? options.issuer;
  const signerKey = options.signer?.key ?? options.issuerKey;
  if (!signerKey) throw new TypeError('an OCSP responder needs the CA’s key (issuerKey) or a delegated signer');
  const algorithm = options.algorithm ?? signingAlgorithmOf(signerKey);
  const certs = options.certs ?? (options.signer ? [options.signer.certificate] : []);
  const asnAlgorithm = new x509.AlgorithmProvider().toAsnAlgorithm(algorithm as webcrypto.Algorithm);
  let throwaway: webcrypto.CryptoKey | null = null;

  async function sign(data: ArrayBuffer, misbehave: OcspMisbehaviour): Promise<ArrayBuffer> {
    let key = signerKey!;
    if (misbehave.wrongSigner) {
      throwaway ??= (
        (await crypto.subtle.generateKey(
          { ...(signerKey!.algorithm as webcrypto.KeyAlgorithm), publicExponent: new Uint8Array([1, 0, 1]) } as webcrypto.RsaHashedKeyGenParams,
          false,
          ['sign', 'verify'],
        )) as webcrypto.CryptoKeyPair
      ).privateKey;
      key = throwaway;
    }
    const signature = await crypto.subtle.sign(algorithm, key, data);
    if (algorithm.name !== 'ECDSA') return signature;
    const der = new x509.AsnEcSignatureFormatter().toAsnSignature({ ...(key.algorithm as webcrypto.EcKeyAlgorithm), ...algorithm } as webcrypto.Algorithm, signature);
    if (!der) throw new Error('ECDSA signature');
    return der;
  }

  async function answer(der: Uint8Array, misbehave: OcspMisbehaviour): Promise<Uint8Array> {
    let request: OCSPRequest;
    try {
      request = AsnConvert.parse(der, OCSPRequest);
      if (request.tbsRequest.requestList.length === 0) throw new Error('no request');
    } catch {
      return statusResponse(OCSPResponseStatus.malformedRequest);
    }
    if (misbehave.responseStatus) return statusResponse(OCSPResponseStatus[misbehave.responseStatus]);
    const ids = request.tbsRequest.requestList.map((entry) => entry.reqCert);
    if (!misbehave.anyIssuer && !ids.every((id) => ofIssuer(id, options.issuer))) return statusResponse(OCSPResponseStatus.unauthorized);

    const now = clock();
    const thisUpdate = seconds(now + (misbehave.thisUpdateOffsetMs ?? 0));
    const after = misbehave.nextUpdateAfterMs === undefined ? 1.5 * HOUR : misbehave.nextUpdateAfterMs;
    const responses = ids.map((id) => {
      const serial = Buffer.from(id.serialNumber).toString('hex').replace(/^(00)+(?=..)/, '');
      const status = options.statusOf(serial);
      const certStatus =
        status === 'good'
          ? new CertStatus({ good: null })
          : status === 'unknown'
            ? new CertStatus({ unknown: null })
            : new CertStatus({ revoked: new RevokedInfo({ revocationTime: seconds(status.revokedAt.getTime()), ...(status.reason === undefined ? {} : { revocationReason: new CRLReason(status.reason) }) }) });
      return new SingleResponse({ certID: id, certStatus, thisUpdate, ...(after === null ? {} : { nextUpdate: seconds(thisUpdate.getTime() + after) }) });
    });

    const asked = request.tbsRequest.requestExtensions?.find((extension) => extension.extnID === id_pkix_ocsp_nonce);
    const nonce = misbehave.nonce ?? 'echo';
    const extensions: Extension[] = [];
    if (asked && nonce === 'echo') extensions.push(new Extension({ extnID: id_pkix_ocsp_nonce, critical: false, extnValue: new OctetString(asked.extnValue.buffer) }));
    if (nonce === 'wrong') {
      const other = AsnConvert.serialize(new OctetString(randomBytes(32)));
      extensions.push(new Extension({ extnID: id_pkix_ocsp_nonce, critical: false, extnValue: new OctetString(other) }));
    }

    const responderID =
      misbehave.responderId === 'key'
        ? new ResponderID({ byKey: new KeyHash(createHash('sha1').update(keyBits(signerCertificate)).digest()) })
        : new ResponderID({ byName: AsnConvert.parse(signerCertificate.subjectName.toArrayBuffer(), Name) });
    const data = new ResponseData({ responderID, producedAt: seconds(now), responses, ...(extensions.length > 0 ? { responseExtensions: extensions } : {}) });
    const tbs = AsnConvert.serialize(data);
    const basic = new BasicOCSPResponse({
      tbsResponseData: data,
      signatureAlgorithm: asnAlgorithm,
      signature: await sign(tbs, misbehave),
      ...(certs.length > 0 ? { certs: certs.map((certificate) => AsnConvert.parse(certificate.rawData, Certificate)) } : {}),
    });
    const response = new OCSPResponse({
      responseStatus: OCSPResponseStatus.successful,
      responseBytes: new ResponseBytes({ responseType: id_pkix_ocsp_basic, response: new OctetString(AsnConvert.serialize(basic)) }),
    });
    const bytes = new Uint8Array(AsnConvert.serialize(response));
    return misbehave.malformed ? bytes.subarray(0, Math.floor(bytes.length / 2)) : bytes;
  }

  const state: OcspResponder = {
    url: '',
    requests: 0,
    lastError: undefined,
    misbehave: options.misbehave ?? {},
    close: async () => undefined,
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    state.requests += 1;
    const misbehave = { ...state.misbehave };
    let der: Uint8Array | null;
    if (request.method === 'POST') {
      der = await readBody(request);
    } else if (request.method === 'GET') {
      const path = (request.url ?? '/').replace(/^\/+/, '');
      try {
        der = new Uint8Array(Buffer.from(decodeURIComponent(path), 'base64'));
      } catch {
        der = new Uint8Array(0);
      }
    } else {
      response.writeHead(405, { allow: 'GET, POST' }).end();
      return;
    }
    if (misbehave.hang) return;
    if (misbehave.delayMs) await new Promise((resolve) => setTimeout(resolve, misbehave.delayMs));
    if (misbehave.httpStatus) {
      response.writeHead(misbehave.httpStatus, { 'content-type': 'text/plain' }).end('responder error');
      return;
    }
    if (der === null) {
      response.writeHead(413).end();
      return;
    }
    const body = await answer(der, misbehave);
    response.writeHead(200, { 'content-type': 'application/ocsp-response', 'content-length': String(body.length) }).end(body);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      state.lastError = error;
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
