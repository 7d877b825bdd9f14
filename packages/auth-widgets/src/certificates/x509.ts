/**
 * The parts of an X.509 certificate the picker needs, read with the small DER
 * reader in `der.ts` (a few KB) rather than a full PKI library: nothing here
 * verifies anything — the backend does, against its own trust anchors.
 */
import type { SignatureAlgorithm } from '../client/contract.js';
import {
  CertificateParseError,
  childrenOf,
  expectTag,
  readBits,
  readBoolean,
  readIntegerHex,
  readOid,
  readRoot,
  readString,
  readTime,
  TAG,
  type DerNode,
} from './der.js';

export const OID = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  country: '2.5.4.6',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  givenName: '2.5.4.42',
  emailAddress: '1.2.840.113549.1.9.1',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  certificatePolicies: '2.5.29.32',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  qcStatements: '1.3.6.1.5.5.7.1.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  p256: '1.2.840.10045.3.1.7',
  p384: '1.3.132.0.34',
  p521: '1.3.132.0.35',
} as const;

/** KeyUsage bits in order (RFC 5280 4.2.1.3); nonRepudiation is also called contentCommitment. */
export const KEY_USAGES = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;
export type KeyUsage = (typeof KEY_USAGES)[number];

/** One attribute of a name; a multi-valued RDN gives several with the same `rdn` index. */
export interface NameAttribute {
  type: string;
  value: string;
  rdn: number;
}

export interface PublicKeyInfo {
  /** The SubjectPublicKeyInfo algorithm OID. */
  algorithm: string;
  /** For EC keys: the named curve's OID. */
  namedCurve?: string;
}

export interface ParsedCertificate {
  der: Uint8Array;
  serialNumber: string;
  issuer: NameAttribute[];
  subject: NameAttribute[];
  /** The names as encoded, to pair a certificate with its issuer byte for byte. */
  issuerDer: Uint8Array;
  subjectDer: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  publicKey: PublicKeyInfo;
  /** `undefined` when the extension is absent (then any usage is allowed, RFC 5280). */
  keyUsage?: KeyUsage[];
  extKeyUsage?: string[];
  policies: string[];
  /** rfc822Name entries of subjectAltName. */
  emails: string[];
  isCa: boolean;
  /** QCStatement ids (ETSI EN 319 412-5). */
  qcStatements: string[];
  /**
   * The authorityKeyIdentifier's keyIdentifier, lower-case hex: which key of
   * the issuer signed it (with `issuerDer`, how the CA directory recognises
   * the issuer). Absent when the extension or its keyIdentifier is.
   */
  authorityKeyIdentifier?: string;
  /** The subjectKeyIdentifier, lower-case hex (a CA's is what its certificates' `authorityKeyIdentifier` says). */
  subjectKeyIdentifier?: string;
  /** Extensions that could not be read at all (left out; the backend judges the certificate). */
  unreadableExtensions: string[];
}

/** Every value of an attribute type, in encoding order, whatever RDN (or multi-valued RDN) holds it. */
export function nameValues(name: NameAttribute[], type: string): string[] {
  return name.filter((a) => a.type === type).map((a) => a.value);
}

function readName(node: DerNode): NameAttribute[] {
  expectTag(node, TAG.sequence);
  const attributes: NameAttribute[] = [];
  childrenOf(node).forEach((rdn, index) => {
    expectTag(rdn, TAG.set);
    for (const pair of childrenOf(rdn)) {
      const [type, value] = childrenOf(expectTag(pair, TAG.sequence));
      if (!type || !value) throw new CertificateParseError('incomplete name attribute');
      let text: string;
      try {
        text = readString(value);
      } catch {
        // An attribute of a non-string type (rare) cannot be shown; skip it rather than the certificate.
        continue;
      }
      attributes.push({ type: readOid(expectTag(type, TAG.oid)), value: text, rdn: index });
    }
  });
  return attributes;
}

function readPublicKey(node: DerNode): PublicKeyInfo {
  const [algorithmId] = childrenOf(expectTag(node, TAG.sequence));
  const [oid, parameters] = childrenOf(expectTag(algorithmId, TAG.sequence));
  const algorithm = readOid(expectTag(oid, TAG.oid));
  return algorithm === OID.ecPublicKey && parameters?.tag === TAG.oid ? { algorithm, namedCurve: readOid(parameters) } : { algorithm };
}

interface Extensions {
  keyUsage?: KeyUsage[];
  extKeyUsage?: string[];
  policies: string[];
  emails: string[];
  isCa: boolean;
  qcStatements: string[];
  authorityKeyIdentifier?: string;
  subjectKeyIdentifier?: string;
  unreadableExtensions: string[];
}

/**
 * The extensions the picker reads. Real certificates carry what a strict
 * reader trips over — an empty policy OID (a real MUP leaf), extensions
 * nobody here knows — and the backend's library reads them: so a malformed
 * entry of a list (a policy, a purpose, a qcStatement) is skipped, and an
 * extension that cannot be read at all is left out and named in
 * `unreadableExtensions`. What the picker decides from them is only a hint:
 * the backend checks the certificate itself.
 */
function readExtensions(node: DerNode | undefined): Extensions {
  const result: Extensions = { policies: [], emails: [], isCa: false, qcStatements: [], unreadableExtensions: [] };
  if (!node) return result;
  const [list] = childrenOf(node);
  for (const extension of childrenOf(expectTag(list, TAG.sequence))) {
    const parts = childrenOf(expectTag(extension, TAG.sequence));
    const id = readOid(expectTag(parts[0], TAG.oid));
    try {
      const valueNode = expectTag(parts[parts.length - 1], TAG.octetString);
      readExtension(id, readRoot(valueNode.contents, valueNode.contents[0] ?? -1), result);
    } catch (error) {
      if (!(error instanceof CertificateParseError)) throw error;
      result.unreadableExtensions.push(id);
    }
  }
  return result;
}

/** The first element of each entry of a SEQUENCE OF, as an OID; entries that are not one are skipped. */
function oidsOf(sequence: DerNode, first: (entry: DerNode) => DerNode | undefined = (entry) => entry): string[] {
  return childrenOf(expectTag(sequence, TAG.sequence)).flatMap((entry) => {
    try {
      return [readOid(expectTag(first(entry), TAG.oid))];
    } catch (error) {
      if (error instanceof CertificateParseError) return [];
      throw error;
    }
  });
}

function readExtension(id: string, value: DerNode, result: Extensions): void {
  switch (id) {
    case OID.keyUsage:
      result.keyUsage = readBits(value).flatMap((set, bit) => (set && KEY_USAGES[bit] ? [KEY_USAGES[bit]] : []));
      break;
    case OID.extKeyUsage:
      result.extKeyUsage = oidsOf(value);
      break;
    case OID.certificatePolicies:
      result.policies = oidsOf(value, (info) => childrenOf(info)[0]);
      break;
    case OID.subjectAltName:
      // rfc822Name is [1] IMPLICIT IA5String.
      result.emails = childrenOf(expectTag(value, TAG.sequence))
        .filter((name) => name.tag === 0x81)
        .map((name) => new TextDecoder('latin1').decode(name.contents));
      break;
    case OID.basicConstraints: {
      const [first] = childrenOf(expectTag(value, TAG.sequence));
      result.isCa = first?.tag === TAG.boolean ? readBoolean(first) : false;
      break;
    }
    case OID.qcStatements:
      result.qcStatements = oidsOf(value, (statement) => childrenOf(statement)[0]);
      break;
    case OID.authorityKeyIdentifier: {
      // SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING OPTIONAL, authorityCertIssuer [1], serial [2] }
      const keyIdentifier = childrenOf(expectTag(value, TAG.sequence)).find((part) => part.tag === 0x80);
      if (keyIdentifier) result.authorityKeyIdentifier = keyIdentifierHex(keyIdentifier);
      break;
    }
    case OID.subjectKeyIdentifier:
      result.subjectKeyIdentifier = keyIdentifierHex(expectTag(value, TAG.octetString));
      break;
  }
}

function keyIdentifierHex(node: DerNode): string {
  if (node.contents.length === 0) throw new CertificateParseError('empty key identifier');
  return hex(node.contents);
}

/** Reads a DER certificate. Throws CertificateParseError when it is not one. */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  try {
    const certificate = readRoot(der, TAG.sequence);
    const [tbs] = childrenOf(certificate);
    const fields = childrenOf(expectTag(tbs, TAG.sequence));
    // version is [0] EXPLICIT and optional (absent = v1).
    let i = fields[0]?.tag === 0xa0 ? 1 : 0;
    const serialNumber = readIntegerHex(expectTag(fields[i++], TAG.integer));
    i++; // signature algorithm (the outer one is what counts, and the backend checks it)
    const issuerNode = expectTag(fields[i++], TAG.sequence);
    const [notBefore, notAfter] = childrenOf(expectTag(fields[i++], TAG.sequence));
    const subjectNode = expectTag(fields[i++], TAG.sequence);
    const publicKey = readPublicKey(expectTag(fields[i++], TAG.sequence));
    const extensions = readExtensions(fields.slice(i).find((node) => node.tag === 0xa3));
    return {
      der,
      serialNumber,
      issuer: readName(issuerNode),
      subject: readName(subjectNode),
      issuerDer: issuerNode.bytes,
      subjectDer: subjectNode.bytes,
      notBefore: readTime(required(notBefore)),
      notAfter: readTime(required(notAfter)),
      publicKey,
      ...extensions,
    };
  } catch (error) {
    if (error instanceof CertificateParseError) throw error;
    throw new CertificateParseError(`not a certificate: ${String(error)}`);
  }
}

/**
 * The signature algorithm the kit uses with a key: RSA keys sign
 * RSASSA-PKCS1-v1_5 with SHA-256 (what every token supports), EC keys
 * ECDSA with the hash that matches the curve.
 */
export function signatureAlgorithmFor(publicKey: PublicKeyInfo): SignatureAlgorithm | undefined {
  if (publicKey.algorithm === OID.rsaEncryption) return 'RSASSA-PKCS1-v1_5-SHA256';
  if (publicKey.algorithm === OID.rsaPss) return 'RSA-PSS-SHA256';
  if (publicKey.algorithm === OID.ecPublicKey) {
    if (publicKey.namedCurve === OID.p256) return 'ECDSA-P256-SHA256';
    if (publicKey.namedCurve === OID.p384) return 'ECDSA-P384-SHA384';
  }
  return undefined;
}

/**
 * WebCrypto parameters for a contract algorithm: how to import (or re-type)
 * the key and how to sign. Typed by shape, not by the DOM's names, so the
 * reader type-checks in Node programs too (the backend's tests read real
 * certificates with it).
 */
export function webCryptoParams(algorithm: SignatureAlgorithm): {
  key: { name: string; hash: string } | { name: string; namedCurve: string };
  sign: { name: string; hash?: string; saltLength?: number };
} {
  switch (algorithm) {
    case 'RSASSA-PKCS1-v1_5-SHA256':
      return { key: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, sign: { name: 'RSASSA-PKCS1-v1_5' } };
    case 'RSA-PSS-SHA256':
      return { key: { name: 'RSA-PSS', hash: 'SHA-256' }, sign: { name: 'RSA-PSS', saltLength: 32 } };
    case 'ECDSA-P256-SHA256':
      return { key: { name: 'ECDSA', namedCurve: 'P-256' }, sign: { name: 'ECDSA', hash: 'SHA-256' } };
    case 'ECDSA-P384-SHA384':
      return { key: { name: 'ECDSA', namedCurve: 'P-384' }, sign: { name: 'ECDSA', hash: 'SHA-384' } };
  }
}

/**
 * The intermediates for `leaf` among `pool` (e.g. the other certificates on
 * the same token), nearest first, without the self-signed root: only a hint
 * for the backend, which builds the chain to its own anchors.
 */
export function issuerChain(leaf: ParsedCertificate, pool: ParsedCertificate[], maxDepth = 5): ParsedCertificate[] {
  const chain: ParsedCertificate[] = [];
  let current = leaf;
  while (chain.length < maxDepth) {
    if (sameBytes(current.issuerDer, current.subjectDer)) break;
    const issuer = pool.find((c) => c !== current && c.isCa && sameBytes(c.subjectDer, current.issuerDer));
    if (!issuer || sameBytes(issuer.issuerDer, issuer.subjectDer) || chain.includes(issuer)) break;
    chain.push(issuer);
    current = issuer;
  }
  return chain;
}

function required(node: DerNode | undefined): DerNode {
  if (!node) throw new CertificateParseError('missing validity time');
  return node;
}

/** Lower-case hex of bytes (key identifiers). */
export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
