// The gallery's certificate agents. A page cannot put the real Fortify app
// into "not installed", "denied", "the PIN window is open" or "cancelled"
// on demand, so those states are played by a scripted Fortify that answers
// the way Fortify does in them. The list and the PIN counter come from the
// kit's demo agent (SoftAgent) holding certificates made here, in the
// browser, with TEST keys: the gallery needs no backend, and the picker
// reads them as it reads a card's (issuer, dates, key usage, policies).
import {
  AgentError,
  SoftAgent,
  type AgentProblem,
  type CertificateAgent,
  type ConnectOptions,
  type PinState,
  type SignResult,
  type SoftAgentOptions,
  type TokenCertificate,
} from '@egov/auth-widgets/agent';
import type { DevTestCertificate, DevTestToken } from '@egov/auth-widgets/contract';
import { GALLERY_CONFIG, never } from './scripted-client.ts';

// ---------------------------------------------------------------- Fortify, scripted

/** What the scripted Fortify does at each step; a step it is not told about waits for ever. */
export interface FortifyScript {
  /** Connecting fails with this problem (not installed, denied, the page's policy…). */
  connect?: AgentProblem;
  /** Fortify shows this code and waits for the person to approve the site. */
  approvalCode?: string;
  /** Listing the certificates fails with this problem (the card was taken out…). */
  list?: AgentProblem;
  /** The certificates on the card (see `galleryCertificates`). */
  certificates?: TokenCertificate[];
  /** Signing fails with this problem (cancelled, sign_failed); without one, Fortify's PIN window stays open. */
  sign?: AgentProblem;
}

/** Fortify stopped in one moment of its work. */
export class ScriptedFortify implements CertificateAgent {
  readonly kind = 'fortify';
  readonly label = 'Fortify';

  constructor(private readonly script: FortifyScript) {}

  connect(options: ConnectOptions = {}): Promise<void> {
    const { connect, approvalCode, list, certificates } = this.script;
    if (connect) return Promise.reject(new AgentError(connect));
    if (approvalCode) {
      options.onApprovalCode?.(approvalCode);
      return never();
    }
    // Still looking for the agent, unless there is something to list.
    return list || certificates ? Promise.resolve() : never();
  }

  listCertificates(): Promise<TokenCertificate[]> {
    if (this.script.list) return Promise.reject(new AgentError(this.script.list));
    return this.script.certificates ? Promise.resolve(this.script.certificates) : never();
  }

  pinState(): Promise<PinState> {
    return Promise.resolve({ triesFailed: false, finalTry: false, locked: false });
  }

  sign(): Promise<SignResult> {
    return this.script.sign ? Promise.reject(new AgentError(this.script.sign)) : never();
  }

  logout(): Promise<void> {
    return Promise.resolve();
  }

  onTokenEvent(): () => void {
    return () => undefined;
  }

  close(): void {}
}

// ---------------------------------------------------------------- the demo agent, with the gallery's cards

/** The PIN of every gallery token (TEST keys). */
export const GALLERY_PIN = '1234';
/** The identity card: its signing certificate, and its authentication one, which the picker does not offer. */
export const ID_CARD = 'gallery-id-card';
/** A USB token with a Pošta certificate, and three the picker does not offer (expired, unknown CA, no key). */
export const POSTA_TOKEN = 'gallery-posta-token';

/** The certificate ids, as `data-certificate` shows them in the picker. */
export const CERTIFICATE = {
  signing: `${ID_CARD}:signing`,
  authentication: `${ID_CARD}:authentication`,
  posta: `${POSTA_TOKEN}:signing`,
  expired: `${POSTA_TOKEN}:expired`,
  untrusted: `${POSTA_TOKEN}:untrusted`,
  noKey: `${POSTA_TOKEN}:no-key`,
} as const;

/**
 * The demo agent with the gallery's cards: `usable: false` keeps only the
 * certificates the picker cannot offer; `idCardOnly` only the identity
 * card; `triesLeft` sets its PIN counter (of 3); `pinPrompt` answers the
 * agent's PIN question as the person would (a wrong PIN, the right one)
 * instead of the agent's modal window, which would make the whole gallery inert.
 */
export async function galleryAgent(
  options: { usable?: boolean; idCardOnly?: boolean; triesLeft?: number; pinPrompt?: SoftAgentOptions['pinPrompt'] } = {},
): Promise<SoftAgent> {
  const { usable = true, idCardOnly = false, triesLeft, pinPrompt } = options;
  const tokens = (await galleryTokens())
    .filter((token) => !idCardOnly || token.id === ID_CARD)
    .map((token) => (usable ? token : { ...token, certificates: token.certificates.filter((c) => !USABLE.has(c.id)) }));
  const agent = new SoftAgent(tokens, { approvalCode: '482915', ...(pinPrompt ? { pinPrompt } : {}) });
  if (triesLeft !== undefined) agent.setTriesLeft(ID_CARD, triesLeft);
  return agent;
}

/** The identity card's signing certificate as Fortify lists it, for the scripted Fortify's states. */
export async function fortifyCertificates(): Promise<TokenCertificate[]> {
  const card = (await galleryTokens()).find((token) => token.id === ID_CARD)!;
  const signing = card.certificates.find((c) => c.id === CERTIFICATE.signing)!;
  return [
    {
      id: signing.id,
      tokenId: card.id,
      tokenLabel: card.label,
      certificate: fromBase64(signing.certificate),
      chain: [],
      hasPrivateKey: true,
      privateKeyAssumed: true,
      removable: true,
    },
  ];
}

const USABLE = new Set<string>([CERTIFICATE.signing, CERTIFICATE.posta]);

/** The gallery's person: made up, with a personal number whose control digit is right and a birth date in 1900. */
const HOLDER = { givenName: 'Petar', surname: 'Testović', personalNumber: '0101900710012', email: 'petar.testovic@example.test' };

const OIDS = {
  country: '2.5.4.6',
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  givenName: '2.5.4.42',
  serialNumber: '2.5.4.5',
  organization: '2.5.4.10',
  ecPublicKey: '1.2.840.10045.2.1',
  p256: '1.2.840.10045.3.1.7',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  certificatePolicies: '2.5.29.32',
  subjectAltName: '2.5.29.17',
  qcStatements: '1.3.6.1.5.5.7.1.3',
  qcCompliance: '0.4.0.1862.1.1',
  qcpNaturalQscd: '0.4.0.194112.1.2',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  emailProtection: '1.3.6.1.5.5.7.3.4',
} as const;

/** The directory's TEST issuing CA of a body, by name: the gallery's certificates name it as their issuer, byte for byte. */
function issuerSubject(name: string): Uint8Array {
  const issuer = GALLERY_CONFIG.certificationBodies.flatMap((body) => body.issuers ?? []).find((entry) => entry.name === name);
  if (!issuer) throw new Error(`gallery: the directory has no issuing CA "${name}"`);
  return fromBase64(issuer.subject);
}

interface CertificateSpec {
  id: string;
  issuer: Uint8Array;
  keyUsage: 'signing' | 'authentication';
  expired?: boolean;
  withKey?: boolean;
}

/** A TEST qualified policy the directory's allow-list names (under 2.999, the arc no real policy uses). */
const QUALIFIED_POLICY = GALLERY_CONFIG.qualifiedPolicies[0]!;
/** A TEST policy of no qualified certificate. */
const OTHER_POLICY = '2.999.381.0.1';

let tokens: Promise<DevTestToken[]> | undefined;

/** The gallery's tokens, made once per page (a few milliseconds: one P-256 key each). */
function galleryTokens(): Promise<DevTestToken[]> {
  tokens ??= (async () => {
    const mup = issuerSubject('TEST MUP Gradjani CA 4');
    const posta = issuerSubject('TEST Pošta Srbije CA 1');
    // No body in the directory names this CA: the picker says it cannot be used here.
    const unknown = name([[OIDS.country, 'RS', 'printable'], [OIDS.organization, 'TEST Nepoznato sertifikaciono telo'], [OIDS.commonName, 'TEST Nepoznati CA']]);
    const make = async (specs: CertificateSpec[]) => Promise.all(specs.map(testCertificate));
    return [
      {
        id: ID_CARD,
        label: 'TEST MUP lična karta',
        pin: GALLERY_PIN,
        maxPinTries: 3,
        certificates: await make([
          { id: CERTIFICATE.signing, issuer: mup, keyUsage: 'signing' },
          { id: CERTIFICATE.authentication, issuer: mup, keyUsage: 'authentication' },
        ]),
      },
      {
        id: POSTA_TOKEN,
        label: 'TEST Pošta token',
        pin: GALLERY_PIN,
        maxPinTries: 5,
        certificates: await make([
          { id: CERTIFICATE.posta, issuer: posta, keyUsage: 'signing' },
          { id: CERTIFICATE.expired, issuer: posta, keyUsage: 'signing', expired: true },
          { id: CERTIFICATE.untrusted, issuer: unknown, keyUsage: 'signing' },
          { id: CERTIFICATE.noKey, issuer: posta, keyUsage: 'signing', withKey: false },
        ]),
      },
    ];
  })();
  return tokens;
}

const P256: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };

/** A leaf certificate for the gallery's person, with a TEST key the demo agent signs with. */
async function testCertificate(spec: CertificateSpec): Promise<DevTestCertificate> {
  const keys = (await crypto.subtle.generateKey(P256, true, ['sign', 'verify'])) as CryptoKeyPair;
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
  // Dates and serial numbers that stay the same from one load to the next (and for a year), so screenshots do too.
  const year = new Date().getUTCFullYear();
  const january = (y: number) => new Date(Date.UTC(y, 0, 1));
  const [notBefore, notAfter] = spec.expired ? [january(year - 3), january(year)] : [january(year - 1), january(year + 4)];
  const serial = new Uint8Array(await crypto.subtle.digest('SHA-256', ascii(spec.id))).subarray(0, 8);
  const signing = spec.keyUsage === 'signing';
  const signatureAlgorithm = sequence(oid(OIDS.ecdsaWithSha256));
  const tbs = sequence(
    tlv(0xa0, integer(new Uint8Array([2]))),
    integer(serial),
    signatureAlgorithm,
    spec.issuer,
    sequence(time(notBefore), time(notAfter)),
    name([
      [OIDS.country, 'RS', 'printable'],
      [OIDS.commonName, `${HOLDER.givenName.toUpperCase()} ${HOLDER.surname.toUpperCase()} ${signing ? 'Sign' : 'Auth'}`],
      [OIDS.surname, HOLDER.surname],
      [OIDS.givenName, HOLDER.givenName],
      [OIDS.serialNumber, `PNORS-${HOLDER.personalNumber}`, 'printable'],
    ]),
    spki,
    tlv(
      0xa3,
      sequence(
        extension(OIDS.basicConstraints, sequence()),
        // digitalSignature + nonRepudiation signs (and logs in); digitalSignature alone is the card's authentication certificate.
        extension(OIDS.keyUsage, signing ? bitString(new Uint8Array([0xc0]), 6) : bitString(new Uint8Array([0x80]), 7), true),
        extension(OIDS.extKeyUsage, sequence(oid(OIDS.clientAuth), oid(OIDS.emailProtection))),
        // A qualified certificate carries the EU policy and one the site's allow-list names; the authentication one neither.
        extension(OIDS.certificatePolicies, signing ? sequence(sequence(oid(OIDS.qcpNaturalQscd)), sequence(oid(QUALIFIED_POLICY))) : sequence(sequence(oid(OTHER_POLICY)))),
        extension(OIDS.subjectAltName, sequence(tlv(0x81, ascii(HOLDER.email)))),
        ...(signing ? [extension(OIDS.qcStatements, sequence(sequence(oid(OIDS.qcCompliance))))] : []),
      ),
    ),
  );
  // Signed by a throw-away key: nobody checks it here (the backend would, and the gallery has none).
  const signer = (await crypto.subtle.generateKey(P256, false, ['sign'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, signer.privateKey, new Uint8Array(tbs)));
  const certificate = sequence(tbs, signatureAlgorithm, bitString(ecdsaSignature(raw)));
  return {
    id: spec.id,
    profile: spec.id.split(':')[1]!,
    certificate: toBase64(certificate),
    chain: [],
    ...(spec.withKey === false ? {} : { privateKey: toBase64(new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey))) }),
    keyAlgorithm: { name: 'ECDSA', namedCurve: 'P-256' },
  };
}

// ---------------------------------------------------------------- just enough DER to write a certificate

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const contents = concat(parts);
  const length = contents.length;
  const header =
    length < 0x80 ? [tag, length] : length < 0x100 ? [tag, 0x81, length] : [tag, 0x82, length >> 8, length & 0xff];
  return concat([new Uint8Array(header), contents]);
}

const sequence = (...parts: Uint8Array[]) => tlv(0x30, ...parts);
const ascii = (text: string) => new TextEncoder().encode(text);

/** A non-negative INTEGER: a leading zero where the first bit is set, no redundant zeros. */
function integer(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0 && bytes[start + 1]! < 0x80) start += 1;
  const trimmed = bytes.subarray(start);
  return tlv(0x02, trimmed[0]! >= 0x80 ? concat([new Uint8Array([0]), trimmed]) : trimmed);
}

function oid(dotted: string): Uint8Array {
  const [first, second, ...rest] = dotted.split('.').map(Number);
  const bytes: number[] = [];
  for (const arc of [first! * 40 + second!, ...rest]) {
    const base128 = [arc & 0x7f];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) base128.unshift((value & 0x7f) | 0x80);
    bytes.push(...base128);
  }
  return tlv(0x06, new Uint8Array(bytes));
}

function bitString(bytes: Uint8Array, unusedBits = 0): Uint8Array {
  return tlv(0x03, new Uint8Array([unusedBits]), bytes);
}

/** UTCTime (the gallery's dates are all before 2050). */
function time(date: Date): Uint8Array {
  const two = (n: number) => String(n).padStart(2, '0');
  const text = `${two(date.getUTCFullYear() % 100)}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z`;
  return tlv(0x17, ascii(text));
}

/** A Name, one attribute per RDN: UTF8String unless it must be a PrintableString. */
function name(attributes: [type: string, value: string, kind?: 'printable'][]): Uint8Array {
  return sequence(
    ...attributes.map(([type, value, kind]) => tlv(0x31, sequence(oid(type), kind === 'printable' ? tlv(0x13, ascii(value)) : tlv(0x0c, ascii(value))))),
  );
}

function extension(id: string, value: Uint8Array, critical = false): Uint8Array {
  return sequence(oid(id), ...(critical ? [new Uint8Array([0x01, 0x01, 0xff])] : []), tlv(0x04, value));
}

/** WebCrypto's ECDSA signature (r ‖ s) as X.509 writes it: SEQUENCE { r INTEGER, s INTEGER }. */
function ecdsaSignature(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  return sequence(integer(raw.subarray(0, half)), integer(raw.subarray(half)));
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}
