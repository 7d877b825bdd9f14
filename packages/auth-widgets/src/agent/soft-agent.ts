/**
 * An in-browser agent for the demo site and tests that behaves like a
 * token behind Fortify: it is approved with a code, holds certificates and
 * non-extractable keys of the test PKI, asks for the PIN in its own dialog
 * (never in the kit's page), counts wrong PINs and locks, keeps a login per
 * token, and can be made to fail the way real tokens and agents fail.
 * Test keys only: it says so in its label and its dialog.
 */
import { API_PATHS, DEV_TOKEN_HEADER, type DevTestCertificate, type DevTestToken, type DevTestTokensResponse, type SignatureAlgorithm } from '../client/contract.js';
import {
  AgentError,
  type CertificateAgent,
  type ConnectOptions,
  type PinState,
  type SignResult,
  type TokenCertificate,
  type TokenEvent,
} from './certificate-agent.js';
import { softAgentPinDialog, type PinPrompt } from './soft-agent-pin-dialog.js';
import { fromBase64 } from '../certificates/base64.js';

export type { PinPrompt, PinPromptRequest } from './soft-agent-pin-dialog.js';

export interface SoftAgentOptions {
  /** Asks for a token's PIN; `null` means cancelled. Default: the agent's own modal dialog. */
  pinPrompt?: PinPrompt;
  /** The code shown while "approving" the site; default a random 6-digit code. */
  approvalCode?: string;
  /** How long approval takes after the code is shown (the demo shows the code for a moment). Default 0. */
  approvalDelayMs?: number;
}

interface SoftCertificate {
  tokenId: string;
  der: Uint8Array;
  chain: Uint8Array[];
  hasPrivateKey: boolean;
  keyAlgorithm: DevTestCertificate['keyAlgorithm'];
  /** PKCS#8, base64, until it is imported. */
  pkcs8?: string;
  algorithm?: { sign: AlgorithmIdentifier | EcdsaParams; name: SignatureAlgorithm };
  key?: CryptoKey;
}

interface SoftToken {
  source: DevTestToken;
  present: boolean;
  triesLeft: number;
  loggedIn: boolean;
}

function randomCode(): string {
  const [value] = crypto.getRandomValues(new Uint32Array(1));
  return String(value! % 1_000_000).padStart(6, '0');
}

/** The contract's algorithm name and WebCrypto sign parameters for a test key. */
function algorithmOf(key: DevTestCertificate['keyAlgorithm']): SoftCertificate['algorithm'] {
  if (key.name === 'RSASSA-PKCS1-v1_5' && (key.hash ?? 'SHA-256') === 'SHA-256') {
    return { name: 'RSASSA-PKCS1-v1_5-SHA256', sign: { name: 'RSASSA-PKCS1-v1_5' } };
  }
  if (key.name === 'ECDSA' && key.namedCurve === 'P-256') return { name: 'ECDSA-P256-SHA256', sign: { name: 'ECDSA', hash: 'SHA-256' } };
  if (key.name === 'ECDSA' && key.namedCurve === 'P-384') return { name: 'ECDSA-P384-SHA384', sign: { name: 'ECDSA', hash: 'SHA-384' } };
  return undefined;
}

export class SoftAgent implements CertificateAgent {
  readonly kind = 'soft';
  readonly label = 'Demo agent (test keys)';
  /** The code `connect` reports through `onApprovalCode`. */
  approvalCode: string;
  approvalDelayMs: number;

  readonly #pinPrompt: PinPrompt;
  readonly #tokens = new Map<string, SoftToken>();
  readonly #certificates = new Map<string, SoftCertificate>();
  readonly #listeners = new Set<(event: TokenEvent) => void>();
  #approved = false;
  #denied = false;
  #failNextSign = false;
  #keysImported: Promise<void> | undefined;
  #closing = new AbortController();

  /** Fetches the test PKI's soft tokens from a backend with development operations on (`GET /dev/test-tokens`). */
  static async fromBackend(apiBaseUrl: string, options: SoftAgentOptions & { devToken?: string } = {}): Promise<SoftAgent> {
    const { devToken, ...agentOptions } = options;
    const url = `${apiBaseUrl.replace(/\/+$/, '')}${API_PATHS.devTestTokens}`;
    let response: Response;
    try {
      response = await fetch(url, { credentials: 'include', headers: devToken ? { [DEV_TOKEN_HEADER]: devToken } : {} });
    } catch {
      throw new AgentError('not_running', {}, `Demo agent: the backend did not answer at ${url}`);
    }
    if (!response.ok) throw new AgentError('agent_error', {}, `Demo agent: ${url} answered HTTP ${response.status}`);
    return new SoftAgent(((await response.json()) as DevTestTokensResponse).tokens, agentOptions);
  }

  constructor(tokens: DevTestToken[], options: SoftAgentOptions = {}) {
    this.#pinPrompt = options.pinPrompt ?? ((request) => softAgentPinDialog(request));
    this.approvalCode = options.approvalCode ?? randomCode();
    this.approvalDelayMs = options.approvalDelayMs ?? 0;
    for (const token of tokens) {
      if (this.#tokens.has(token.id)) throw new Error(`Demo agent: two tokens are called "${token.id}"`);
      this.#tokens.set(token.id, { source: token, present: true, triesLeft: token.maxPinTries, loggedIn: false });
      for (const certificate of token.certificates) {
        if (this.#certificates.has(certificate.id)) throw new Error(`Demo agent: two certificates are called "${certificate.id}"`);
        this.#certificates.set(certificate.id, {
          tokenId: token.id,
          der: fromBase64(certificate.certificate),
          chain: certificate.chain.map(fromBase64),
          hasPrivateKey: certificate.privateKey !== undefined,
          keyAlgorithm: certificate.keyAlgorithm,
          pkcs8: certificate.privateKey,
          algorithm: algorithmOf(certificate.keyAlgorithm),
        });
      }
    }
  }

  async connect(options: ConnectOptions = {}): Promise<void> {
    options.signal?.throwIfAborted();
    if (this.#closing.signal.aborted) this.#closing = new AbortController();
    if (this.#denied) throw new AgentError('origin_denied');
    if (!this.#approved) {
      options.onApprovalCode?.(this.approvalCode);
      if (this.approvalDelayMs > 0) await delay(this.approvalDelayMs, options.signal);
      if (this.#denied) throw new AgentError('origin_denied');
      this.#approved = true;
    }
    await this.#importKeys();
  }

  // Imported non-extractable, like a key on a card; the agent keeps no copy of the PKCS#8 after that.
  #importKeys(): Promise<void> {
    this.#keysImported ??= Promise.all(
      [...this.#certificates.values()].map(async (certificate) => {
        const { pkcs8, keyAlgorithm } = certificate;
        if (!pkcs8 || !certificate.algorithm) return;
        const params =
          keyAlgorithm.name === 'ECDSA'
            ? { name: 'ECDSA', namedCurve: keyAlgorithm.namedCurve }
            : { name: keyAlgorithm.name, hash: keyAlgorithm.hash ?? 'SHA-256' };
        certificate.key = await crypto.subtle.importKey('pkcs8', fromBase64(pkcs8), params, false, ['sign']);
        delete certificate.pkcs8;
      }),
    ).then(
      () => undefined,
      (error: unknown) => {
        this.#keysImported = undefined;
        throw new AgentError('agent_error', {}, `Demo agent: a test key did not import (${String(error)})`);
      },
    );
    return this.#keysImported;
  }

  #requireApproved(): void {
    if (this.#denied) throw new AgentError('origin_denied');
    if (!this.#approved) throw new AgentError('origin_not_approved');
  }

  #presentToken(tokenId: string): SoftToken {
    const token = this.#tokens.get(tokenId);
    if (!token) throw new AgentError('agent_error', {}, `Demo agent: no token "${tokenId}"`);
    if (!token.present) throw new AgentError('token_removed');
    return token;
  }

  async listCertificates(): Promise<TokenCertificate[]> {
    this.#requireApproved();
    const present = [...this.#tokens.values()].filter((t) => t.present);
    if (present.length === 0) throw new AgentError('no_token');
    return [...this.#certificates.entries()]
      .filter(([, c]) => this.#tokens.get(c.tokenId)!.present)
      .map(([id, c]) => ({
        id,
        tokenId: c.tokenId,
        tokenLabel: this.#tokens.get(c.tokenId)!.source.label,
        certificate: c.der,
        chain: c.chain,
        hasPrivateKey: c.hasPrivateKey,
        removable: true,
      }));
  }

  async pinState(tokenId: string): Promise<PinState> {
    this.#requireApproved();
    const token = this.#presentToken(tokenId);
    const max = token.source.maxPinTries;
    return {
      triesFailed: token.triesLeft < max,
      finalTry: token.triesLeft === 1,
      locked: token.triesLeft === 0,
      triesLeft: token.triesLeft,
    };
  }

  async sign(certificateId: string, data: Uint8Array): Promise<SignResult> {
    this.#requireApproved();
    const certificate = this.#certificates.get(certificateId);
    if (!certificate) throw new AgentError('agent_error', {}, `Demo agent: no certificate "${certificateId}"`);
    const token = this.#presentToken(certificate.tokenId);
    if (!certificate.hasPrivateKey) throw new AgentError('sign_failed', {}, 'Demo agent: this certificate has no private key on the token');
    if (token.triesLeft === 0) throw new AgentError('pin_locked');
    await this.#importKeys();
    if (!token.loggedIn) await this.#login(token);
    if (this.#failNextSign) {
      this.#failNextSign = false;
      throw new AgentError('sign_failed');
    }
    const { key, algorithm } = certificate;
    if (!key || !algorithm) throw new AgentError('sign_failed', {}, 'Demo agent: unsupported test key');
    let signature: ArrayBuffer;
    try {
      // A copy: WebCrypto takes no view of a SharedArrayBuffer.
      signature = await crypto.subtle.sign(algorithm.sign, key, new Uint8Array(data));
    } catch {
      throw new AgentError('sign_failed');
    }
    // A card pulled while it was signing gives no signature.
    if (!token.present) throw new AgentError('token_removed');
    return { signature: new Uint8Array(signature), algorithm: algorithm.name };
  }

  async #login(token: SoftToken): Promise<void> {
    const pin = await this.#pinPrompt({
      tokenLabel: token.source.label,
      triesLeft: token.triesLeft,
      finalTry: token.triesLeft === 1,
      signal: this.#closing.signal,
    });
    if (!token.present) throw new AgentError('token_removed');
    if (pin === null) throw new AgentError('cancelled');
    if (pin !== token.source.pin) {
      token.triesLeft = Math.max(0, token.triesLeft - 1);
      if (token.triesLeft === 0) throw new AgentError('pin_locked');
      throw new AgentError('pin_wrong', { triesLeft: token.triesLeft });
    }
    token.triesLeft = token.source.maxPinTries;
    token.loggedIn = true;
  }

  async logout(tokenId: string): Promise<void> {
    const token = this.#tokens.get(tokenId);
    if (token) token.loggedIn = false;
  }

  onTokenEvent(listener: (event: TokenEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    this.#closing.abort();
    for (const token of this.#tokens.values()) token.loggedIn = false;
  }

  // ------------------------------------------------------------ simulation

  /** Whether a token is logged in (PIN given and not logged out). */
  isLoggedIn(tokenId: string): boolean {
    return this.#tokens.get(tokenId)?.loggedIn ?? false;
  }

  /** Pulls a token out: it logs out, and a signature in progress on it fails with token_removed. */
  removeToken(tokenId: string): void {
    const token = this.#tokens.get(tokenId);
    if (!token?.present) return;
    token.present = false;
    token.loggedIn = false;
    this.#emit({ type: 'removed', tokenId });
  }

  insertToken(tokenId: string): void {
    const token = this.#tokens.get(tokenId);
    if (!token || token.present) return;
    token.present = true;
    this.#emit({ type: 'inserted', tokenId });
  }

  /** The next signature fails with sign_failed (after the PIN), as when a card refuses. */
  failNextSign(): void {
    this.#failNextSign = true;
  }

  /** The person denies this site in the agent: connect (and everything after) gives origin_denied. `deny(false)` undoes it. */
  deny(denied = true): void {
    this.#denied = denied;
    if (denied) this.#approved = false;
  }

  /** Sets the wrong-PIN counter of a token, e.g. to show the last-try or locked states in the demo. */
  setTriesLeft(tokenId: string, triesLeft: number): void {
    const token = this.#presentToken(tokenId);
    token.triesLeft = Math.max(0, Math.min(token.source.maxPinTries, Math.floor(triesLeft)));
    token.loggedIn = false;
  }

  #emit(event: TokenEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One listener's failure must not keep the event from the others.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
