/**
 * A small, strict DER reader: just enough ASN.1 to read the X.509 fields the
 * picker shows and filters on. Certificates come from a token and are only
 * described here (the backend verifies them), but the reader still checks
 * every length against its bounds so a malformed certificate fails cleanly.
 */

export class CertificateParseError extends Error {
  override readonly name = 'CertificateParseError';
}

export const TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  sequence: 0x30,
  set: 0x31,
  numericString: 0x12,
  printableString: 0x13,
  teletexString: 0x14,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  visibleString: 0x1a,
  universalString: 0x1c,
  bmpString: 0x1e,
} as const;

export interface DerNode {
  /** The identifier octet (class, constructed bit, tag number < 31). */
  tag: number;
  /** The whole encoding: header and contents. */
  bytes: Uint8Array;
  contents: Uint8Array;
}

/** Reads one TLV at `offset`; `end` is where the enclosing contents stop. */
export function readNode(data: Uint8Array, offset = 0, end = data.length): DerNode {
  if (offset + 2 > end) throw new CertificateParseError('truncated DER header');
  const tag = data[offset]!;
  // High tag numbers (0x1f) never occur in the X.509 fields read here.
  if ((tag & 0x1f) === 0x1f) throw new CertificateParseError('unsupported high tag number');
  let length = data[offset + 1]!;
  let headerLength = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    // 0x80 is BER's indefinite length, which DER forbids; 4 bytes is far beyond any certificate.
    if (count === 0 || count > 4) throw new CertificateParseError('unsupported DER length');
    if (offset + 2 + count > end) throw new CertificateParseError('truncated DER length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + data[offset + 2 + i]!;
    headerLength += count;
  }
  const contentStart = offset + headerLength;
  if (contentStart + length > end) throw new CertificateParseError('DER value runs past its container');
  return {
    tag,
    bytes: data.subarray(offset, contentStart + length),
    contents: data.subarray(contentStart, contentStart + length),
  };
}

/** The TLVs inside a constructed node (SEQUENCE, SET, explicit tags). */
export function childrenOf(node: DerNode): DerNode[] {
  if (!(node.tag & 0x20)) throw new CertificateParseError('expected a constructed DER value');
  const nodes: DerNode[] = [];
  let offset = 0;
  while (offset < node.contents.length) {
    const child = readNode(node.contents, offset);
    nodes.push(child);
    offset += child.bytes.length;
  }
  return nodes;
}

/** Reads a whole buffer that must hold exactly one TLV of the given tag. */
export function readRoot(data: Uint8Array, tag: number): DerNode {
  const node = readNode(data);
  if (node.bytes.length !== data.length) throw new CertificateParseError('trailing bytes after DER value');
  expectTag(node, tag);
  return node;
}

export function expectTag(node: DerNode | undefined, tag: number): DerNode {
  if (!node) throw new CertificateParseError(`missing DER value (tag 0x${tag.toString(16)})`);
  if (node.tag !== tag) throw new CertificateParseError(`expected tag 0x${tag.toString(16)}, found 0x${node.tag.toString(16)}`);
  return node;
}

export function readOid(node: DerNode): string {
  expectTag(node, TAG.oid);
  const bytes = node.contents;
  if (bytes.length === 0) throw new CertificateParseError('empty OID');
  const arcs: bigint[] = [];
  let value = 0n;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    value = (value << 7n) | BigInt(byte & 0x7f);
    if (!(byte & 0x80)) {
      arcs.push(value);
      value = 0n;
    } else if (i === bytes.length - 1) {
      throw new CertificateParseError('truncated OID');
    }
  }
  const first = arcs[0]!;
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].join('.');
}

export function readBoolean(node: DerNode): boolean {
  expectTag(node, TAG.boolean);
  if (node.contents.length !== 1) throw new CertificateParseError('bad BOOLEAN');
  return node.contents[0] !== 0;
}

/** An INTEGER's content octets as lower-case hex (serial numbers are up to 20 octets). */
export function readIntegerHex(node: DerNode): string {
  expectTag(node, TAG.integer);
  if (node.contents.length === 0) throw new CertificateParseError('empty INTEGER');
  return [...node.contents].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A BIT STRING's bits, most significant first (bit 0 = first named bit of KeyUsage). */
export function readBits(node: DerNode): boolean[] {
  expectTag(node, TAG.bitString);
  const unused = node.contents[0];
  if (unused === undefined || unused > 7) throw new CertificateParseError('bad BIT STRING');
  const bits: boolean[] = [];
  const octets = node.contents.subarray(1);
  for (let i = 0; i < octets.length * 8 - unused; i++) bits.push(((octets[i >> 3]! >> (7 - (i & 7))) & 1) === 1);
  return bits;
}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

/** The directory string types X.509 names use, decoded to a JS string. */
export function readString(node: DerNode): string {
  const bytes = node.contents;
  switch (node.tag) {
    case TAG.utf8String:
      return utf8.decode(bytes);
    // TeletexString is T.61 in theory; in practice CAs wrote Latin-1 into it.
    case TAG.printableString:
    case TAG.ia5String:
    case TAG.numericString:
    case TAG.visibleString:
    case TAG.teletexString:
      return latin1.decode(bytes);
    case TAG.bmpString: {
      if (bytes.length % 2) throw new CertificateParseError('bad BMPString');
      let text = '';
      for (let i = 0; i < bytes.length; i += 2) text += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
      return text;
    }
    case TAG.universalString: {
      if (bytes.length % 4) throw new CertificateParseError('bad UniversalString');
      let text = '';
      for (let i = 0; i < bytes.length; i += 4) {
        text += String.fromCodePoint(((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0);
      }
      return text;
    }
    default:
      throw new CertificateParseError(`not a string type: 0x${node.tag.toString(16)}`);
  }
}

/** UTCTime (YYMMDDHHMMSSZ, years 1950–2049) or GeneralizedTime (YYYYMMDDHHMMSS[.f]Z). */
export function readTime(node: DerNode): Date {
  const text = latin1.decode(node.contents);
  let match: RegExpExecArray | null;
  let year: number;
  if (node.tag === TAG.utcTime) {
    match = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
    if (!match) throw new CertificateParseError('bad UTCTime');
    const yy = Number(match[1]);
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
  } else if (node.tag === TAG.generalizedTime) {
    match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(text);
    if (!match) throw new CertificateParseError('bad GeneralizedTime');
    year = Number(match[1]);
  } else {
    throw new CertificateParseError('expected a time');
  }
  const [month, day, hour, minute, second] = match.slice(2, 7).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (Number.isNaN(date.getTime()) || date.getUTCMonth() !== month - 1) throw new CertificateParseError('bad date');
  return date;
}
