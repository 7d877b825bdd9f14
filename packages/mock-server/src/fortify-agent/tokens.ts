/**
 * The test agent's smart cards: soft tokens made from the test PKI's
 * DevTestTokens (certificates, their issuing CAs and TEST private keys),
 * with the state a PKCS#11 token has — present or removed, logged in or
 * not, PIN tries left — and the PKCS#11 token flags Fortify reports.
 */
import { createHash, type webcrypto } from 'node:crypto';
import type { DevTestToken } from '@egov/auth-widgets/contract';
import { x509 } from '../certificates/x509.ts';

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

export interface AgentItem {
  /** `<keyid>` of `x509-<provider>-<keyid>` (hex). */
  keyId: string;
  /** DER. */
  der: Uint8Array;
  certificate: x509.X509Certificate;
  /** The test PKI profile (`valid`, `expired`, …) or `ca` for an issuing CA kept on the card. */
  profile: string;
  /** The private key (non-extractable), when the card holds one. */
  privateKey?: webcrypto.CryptoKey;
  /** WebCrypto algorithm of the key (`RSASSA-PKCS1-v1_5` with hash, or ECDSA with namedCurve). */
  keyAlgorithm?: { name: string; hash?: string; namedCurve?: string };
}

export interface AgentToken {
  /** The DevTestToken id, e.g. `test-mup-id-card`. */
  id: string;
  /** The provider id the client sees (hex, no dashes). */
  providerId: string;
  label: string;
  pin: string;
  maxPinTries: number;
  triesLeft: number;
  present: boolean;
  loggedIn: boolean;
  pinMode: PinMode;
  items: AgentItem[];
}

function hex(data: Uint8Array | string, length: number): string {
  return createHash('sha256').update(data).digest('hex').slice(0, length);
}

/** PKCS#11 flags of the token's present state. */
export function tokenFlags(token: AgentToken): number {
  let flags = CKF.loginRequired | CKF.userPinInitialized | CKF.tokenInitialized;
  if (token.triesLeft <= 0) flags |= CKF.userPinLocked;
  else if (token.triesLeft === 1 && token.maxPinTries > 1) flags |= CKF.userPinFinalTry | CKF.userPinCountLow;
  else if (token.triesLeft < token.maxPinTries) flags |= CKF.userPinCountLow;
  return flags;
}

/** Imports the DevTestTokens (their PKCS#8 keys as non-extractable CryptoKeys). */
export async function agentTokens(tokens: readonly DevTestToken[]): Promise<AgentToken[]> {
  const result: AgentToken[] = [];
  for (const token of tokens) {
    const items: AgentItem[] = [];
    const seen = new Set<string>();
    const add = (item: AgentItem) => {
      if (seen.has(item.keyId)) return;
      seen.add(item.keyId);
      items.push(item);
    };
    for (const entry of token.certificates) {
      const der = new Uint8Array(Buffer.from(entry.certificate, 'base64'));
      const certificate = new x509.X509Certificate(der);
      const spki = new Uint8Array(certificate.publicKey.rawData);
      const keyAlgorithm = { ...entry.keyAlgorithm };
      const privateKey = entry.privateKey
        ? await crypto.subtle.importKey('pkcs8', Buffer.from(entry.privateKey, 'base64'), keyAlgorithm, false, ['sign'])
        : undefined;
      add({ keyId: hex(spki, 40), der, certificate, profile: entry.profile, keyAlgorithm, ...(privateKey ? { privateKey } : {}) });
      // Cards carry their issuing CA: the page sends it along as a chain hint.
      for (const ca of entry.chain) {
        const caDer = new Uint8Array(Buffer.from(ca, 'base64'));
        const caCertificate = new x509.X509Certificate(caDer);
        add({ keyId: hex(new Uint8Array(caCertificate.publicKey.rawData), 40), der: caDer, certificate: caCertificate, profile: 'ca' });
      }
    }
    result.push({
      id: token.id,
      providerId: hex(`egov-fortify-test-agent:${token.id}`, 40),
      label: token.label,
      pin: token.pin,
      maxPinTries: token.maxPinTries,
      triesLeft: token.maxPinTries,
      present: true,
      loggedIn: false,
      pinMode: 'correct',
      items,
    });
  }
  return result;
}
