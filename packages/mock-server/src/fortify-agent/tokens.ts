/**
 * The test agent's smart cards. A token is what the page sees (provider id,
 * label, certificates, present or removed) in front of a device that holds
 * the keys and checks the PIN: a soft device made from the test PKI's
 * DevTestTokens (keys in memory, a simulated PIN counter), or a real
 * PKCS#11 module such as SoftHSM (see pkcs11-device.ts).
 */
import { createHash, type webcrypto } from 'node:crypto';
import type { DevTestToken } from '@egov/auth-widgets/contract';
import { x509 } from '../x509.ts';
import { pkcs11 } from './failures.ts';

/** PKCS#11 CK_TOKEN_INFO flags. */
export const CKF = {
  loginRequired: 0x0000_0004,
  userPinInitialized: 0x0000_0008,
  tokenInitialized: 0x0000_0400,
  userPinCountLow: 0x0001_0000,
  userPinFinalTry: 0x0002_0000,
  userPinLocked: 0x0004_0000,
} as const;

/** What the person "types" into the agent's PIN window on the next token login. */
export type PinMode = 'correct' | 'wrong' | 'cancel';

export type KeyAlgorithm = { name: string; hash?: string; namedCurve?: string };

export interface AgentItem {
  /** `<keyid>` of `x509-<provider>-<keyid>` (hex); the key of the certificate has the same id. */
  keyId: string;
  /** DER. */
  der: Uint8Array;
  certificate: x509.X509Certificate;
  /** The test PKI profile (`valid`, `expired`, …) or `ca` for an issuing CA kept on the card; on a PKCS#11 token, the certificate's CKA_LABEL (createSoftHsmToken labels them by profile). */
  profile: string;
  /** WebCrypto algorithm of the key (`RSASSA-PKCS1-v1_5` with hash, or ECDSA with namedCurve). */
  keyAlgorithm: KeyAlgorithm;
}

/** The card behind a token: keeps the keys, checks the PIN, signs. */
export interface TokenDevice {
  /** 'soft': the test PKI's keys in memory; 'pkcs11': a PKCS#11 module (SoftHSM). */
  readonly kind: 'soft' | 'pkcs11';
  readonly loggedIn: boolean;
  /** CK_TOKEN_INFO flags as the card reports them. */
  flags(): number;
  /** The card checks the PIN: resolves, or throws CKR_PIN_INCORRECT / CKR_PIN_LOCKED. */
  login(pin: string): Promise<void>;
  logout(): Promise<void>;
  /** Ids (hex) of the private keys the card shows now (cards show them after the PIN). */
  privateKeyIds(): Promise<string[]>;
  sign(item: AgentItem, hash: string, data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
  close(): Promise<void>;
}

export interface AgentToken {
  /** The DevTestToken id, e.g. `test-mup-id-card`. */
  id: string;
  /** The provider id the client sees (hex, no dashes). */
  providerId: string;
  label: string;
  /** The PIN the person knows (what the agent types in its PIN window when the mode is 'correct'). */
  pin: string;
  present: boolean;
  pinMode: PinMode;
  items: AgentItem[];
  device: TokenDevice;
}

export function hexId(data: Uint8Array | string, length: number): string {
  return createHash('sha256').update(data).digest('hex').slice(0, length);
}

/** The key algorithm of a certificate's public key, when the token does not say. */
export function keyAlgorithmOf(certificate: x509.X509Certificate): KeyAlgorithm {
  const algorithm = certificate.publicKey.algorithm as { name: string; namedCurve?: string };
  return algorithm.name === 'ECDSA' ? { name: 'ECDSA', namedCurve: algorithm.namedCurve ?? 'P-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
}

/** `<kind>-<provider or handle>-<keyid>` (an item index of the protocol, or of node-webcrypto-p11) → the key id. */
export const keyIdOfIndex = (index: string) => index.slice(index.lastIndexOf('-') + 1);

/** The key id of a certificate: from its public key, so a certificate and its key share it. */
export const certificateKeyId = (certificate: x509.X509Certificate) => hexId(new Uint8Array(certificate.publicKey.rawData), 40);

/** A soft card: non-extractable CryptoKeys and a PIN counter the tests can set. */
export class SoftDevice implements TokenDevice {
  readonly kind = 'soft';
  loggedIn = false;
  triesLeft: number;

  constructor(
    private readonly pin: string,
    readonly maxPinTries: number,
    private readonly keys: ReadonlyMap<string, webcrypto.CryptoKey>,
  ) {
    this.triesLeft = maxPinTries;
  }

  flags(): number {
    let flags = CKF.loginRequired | CKF.userPinInitialized | CKF.tokenInitialized;
    if (this.triesLeft <= 0) flags |= CKF.userPinLocked;
    else if (this.triesLeft === 1 && this.maxPinTries > 1) flags |= CKF.userPinFinalTry | CKF.userPinCountLow;
    else if (this.triesLeft < this.maxPinTries) flags |= CKF.userPinCountLow;
    return flags;
  }

  async login(pin: string): Promise<void> {
    if (this.triesLeft <= 0) throw pkcs11('CKR_PIN_LOCKED');
    if (pin !== this.pin) {
      this.triesLeft -= 1;
      throw pkcs11(this.triesLeft <= 0 ? 'CKR_PIN_LOCKED' : 'CKR_PIN_INCORRECT');
    }
    this.triesLeft = this.maxPinTries;
    this.loggedIn = true;
  }

  async logout(): Promise<void> {
    this.loggedIn = false;
  }

  async privateKeyIds(): Promise<string[]> {
    return this.loggedIn ? [...this.keys.keys()] : [];
  }

  async sign(item: AgentItem, hash: string, data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> {
    const key = this.keys.get(item.keyId);
    if (!key) throw pkcs11('CKR_KEY_HANDLE_INVALID');
    const params = key.algorithm.name === 'ECDSA' ? { name: 'ECDSA', hash } : { name: key.algorithm.name };
    return crypto.subtle.sign(params, key, data);
  }

  async close(): Promise<void> {
    this.loggedIn = false;
  }
}

/** Imports the DevTestTokens (their PKCS#8 keys as non-extractable CryptoKeys in soft devices). */
export async function agentTokens(tokens: readonly DevTestToken[]): Promise<AgentToken[]> {
  const result: AgentToken[] = [];
  for (const token of tokens) {
    const items: AgentItem[] = [];
    const keys = new Map<string, webcrypto.CryptoKey>();
    const add = (item: AgentItem) => {
      if (!items.some((existing) => existing.keyId === item.keyId)) items.push(item);
    };
    for (const entry of token.certificates) {
      const der = new Uint8Array(Buffer.from(entry.certificate, 'base64'));
      const certificate = new x509.X509Certificate(der);
      const keyId = certificateKeyId(certificate);
      const keyAlgorithm = { ...entry.keyAlgorithm };
      if (entry.privateKey) keys.set(keyId, await crypto.subtle.importKey('pkcs8', Buffer.from(entry.privateKey, 'base64'), keyAlgorithm, false, ['sign']));
      add({ keyId, der, certificate, profile: entry.profile, keyAlgorithm });
      // Cards carry their issuing CA: the page sends it along as a chain hint.
      for (const ca of entry.chain) {
        const caDer = new Uint8Array(Buffer.from(ca, 'base64'));
        const caCertificate = new x509.X509Certificate(caDer);
        add({ keyId: certificateKeyId(caCertificate), der: caDer, certificate: caCertificate, profile: 'ca', keyAlgorithm: keyAlgorithmOf(caCertificate) });
      }
    }
    result.push({
      id: token.id,
      providerId: hexId(`egov-fortify-test-agent:${token.id}`, 40),
      label: token.label,
      pin: token.pin,
      present: true,
      pinMode: 'correct',
      items,
      device: new SoftDevice(token.pin, token.maxPinTries, keys),
    });
  }
  return result;
}
