/**
 * A token of the test agent on a real PKCS#11 module (SoftHSM in the tests):
 * the module checks the PIN, keeps the keys and signs, through
 * node-webcrypto-p11 — the library the real Fortify app is built on. The
 * package is an optional dependency (its pkcs11js addon is built by
 * node-gyp at install), so it is loaded only when such a token is asked for.
 */
import type { webcrypto } from 'node:crypto';
import type { Crypto as Pkcs11Crypto } from 'node-webcrypto-p11';
import { x509 } from '../x509.ts';
import { asPkcs11Failure, pkcs11 } from './failures.ts';
import { hexId, keyAlgorithmOf, keyIdOfIndex, type AgentItem, type AgentToken, type TokenDevice } from './tokens.ts';

export interface Pkcs11TokenOptions {
  /** The token's id in the control API, e.g. `test-mup-id-card-softhsm`. */
  id: string;
  /** The PKCS#11 module, e.g. `/usr/lib/softhsm/libsofthsm2.so`. */
  library: string;
  /** Index of the slot in the module's slot list. Default 0. */
  slot?: number;
  /** The user PIN: what the agent types in its PIN window when the PIN mode is 'correct'. */
  pin: string;
  /** The label the page shows; default the token's own. */
  label?: string;
}

export async function loadNodeWebcryptoP11(): Promise<typeof import('node-webcrypto-p11')> {
  try {
    return await import('node-webcrypto-p11');
  } catch (error) {
    throw new Error(
      'A PKCS#11 token in the test agent needs the optional package node-webcrypto-p11, whose pkcs11js addon ' +
        `is built with node-gyp when installing (python3, make, g++ and Node's headers): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

class Pkcs11Device implements TokenDevice {
  readonly kind = 'pkcs11';

  constructor(private readonly crypto: Pkcs11Crypto) {}

  get loggedIn(): boolean {
    return this.crypto.isLoggedIn;
  }

  flags(): number {
    return this.crypto.slot.getToken().flags;
  }

  async login(pin: string): Promise<void> {
    try {
      this.crypto.login(pin);
    } catch (error) {
      throw asPkcs11Failure(error);
    }
  }

  async logout(): Promise<void> {
    if (!this.crypto.isLoggedIn) return;
    try {
      this.crypto.logout();
    } catch (error) {
      throw asPkcs11Failure(error);
    }
  }

  async privateKeyIds(): Promise<string[]> {
    return (await this.#privateKeyIndexes()).map(keyIdOfIndex);
  }

  async sign(item: AgentItem, hash: string, data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> {
    const index = (await this.#privateKeyIndexes()).find((i) => keyIdOfIndex(i) === item.keyId);
    if (!index) throw pkcs11(this.crypto.isLoggedIn ? 'CKR_KEY_HANDLE_INVALID' : 'CKR_USER_NOT_LOGGED_IN');
    const ecdsa = item.keyAlgorithm.name === 'ECDSA';
    try {
      const key = await this.crypto.keyStorage.getItem(
        index,
        ecdsa ? { name: 'ECDSA', namedCurve: item.keyAlgorithm.namedCurve ?? 'P-256' } : { name: 'RSASSA-PKCS1-v1_5', hash },
        false,
        ['sign'],
      );
      const params: webcrypto.EcdsaParams | webcrypto.Algorithm = ecdsa ? { name: 'ECDSA', hash } : { name: 'RSASSA-PKCS1-v1_5' };
      return await this.crypto.subtle.sign(params, key, data);
    } catch (error) {
      throw asPkcs11Failure(error);
    }
  }

  async close(): Promise<void> {
    try {
      await this.logout();
    } finally {
      this.crypto.close();
    }
  }

  async #privateKeyIndexes(): Promise<string[]> {
    return (await this.crypto.keyStorage.keys()).filter((index) => index.startsWith('private-'));
  }
}

/** Opens a PKCS#11 slot as a token of the agent: its certificates are read now, its keys after the PIN. */
export async function openPkcs11Token(options: Pkcs11TokenOptions): Promise<AgentToken> {
  const { Crypto } = await loadNodeWebcryptoP11();
  const slot = options.slot ?? 0;
  let crypto: Pkcs11Crypto;
  try {
    crypto = new Crypto({ library: options.library, slot, name: options.label ?? 'PKCS#11 token' });
  } catch (error) {
    throw new Error(`Cannot open slot ${slot} of the PKCS#11 module ${options.library}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const items: AgentItem[] = [];
  for (const index of await crypto.certStorage.keys()) {
    if (!index.startsWith('x509-')) continue;
    const stored = await crypto.certStorage.getItem(index);
    const der = new Uint8Array(await crypto.certStorage.exportCert('raw', stored));
    const certificate = new x509.X509Certificate(der);
    items.push({ keyId: keyIdOfIndex(index), der, certificate, profile: stored.label, keyAlgorithm: keyAlgorithmOf(certificate) });
  }
  const tokenInfo = crypto.slot.getToken();
  return {
    id: options.id,
    providerId: hexId(`egov-fortify-test-agent:pkcs11:${tokenInfo.serialNumber}:${options.id}`, 40),
    label: options.label ?? tokenInfo.label.trim(),
    pin: options.pin,
    present: true,
    pinMode: 'correct',
    items,
    device: new Pkcs11Device(crypto),
  };
}
