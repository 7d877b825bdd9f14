/**
 * The CertificateAgent over Fortify (PeculiarVentures' local crypto agent),
 * through the published `@webcrypto-local/client`. The client and its
 * protobuf runtime are loaded on the first connect() only.
 *
 * Flow: Chrome's local network access permission → a probe of the agent's
 * well-known URL (so "not installed" and "not running" can be told apart) →
 * the client's encrypted WebSocket session → the site's approval in the
 * Fortify app (the page shows the same 6-digit code) → tokens, certificates
 * and keys through the provider API. The PIN is typed in Fortify's own
 * window when a token is logged in for signing.
 */
import type { SignatureAlgorithm } from '../client/contract.js';
import { CertificateParseError } from '../certificates/der.js';
import { issuerChain, parseCertificate, signatureAlgorithmFor, webCryptoParams, type ParsedCertificate } from '../certificates/x509.js';
import {
  AgentError,
  type CertificateAgent,
  type ConnectOptions,
  type PinState,
  type SignResult,
  type TokenCertificate,
  type TokenEvent,
} from './certificate-agent.js';
import { toAgentError } from './fortify-errors.js';
import { webcryptoSocketLoader } from './fortify-stack.js';
import {
  TOKEN_FLAGS,
  type ProviderCrypto,
  type ProviderTokenEvent,
  type SocketCrypto,
  type SocketProvider,
  type WebcryptoSocketModule,
} from './webcrypto-socket.js';

/** Where Fortify listens (fixed by the app). */
export const FORTIFY_BASE_URL = 'https://127.0.0.1:31337';
/** The agent's discovery document (`SERVER_WELL_KNOWN` of @webcrypto-local/core). */
export const FORTIFY_WELL_KNOWN_PATH = '/.well-known/webcrypto-socket';
/** localStorage key of the non-secret "Fortify answered in this browser before" flag. */
export const FORTIFY_SEEN_KEY = 'egov-fortify-seen';

export interface FortifyAgentOptions {
  /** The agent's origin; tests point it at a closed port. Default https://127.0.0.1:31337. */
  baseUrl?: string;
  /** How long the probe waits for an answer. Default 5 s (while Chrome asks about local network access: 2 min). */
  probeTimeoutMs?: number;
  /** How long connect waits for the person to approve the site in Fortify. Default 2 min. */
  approvalTimeoutMs?: number;
  /** Where the seen flag is kept; `null` for nowhere. Default localStorage. */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** Loads the client; tests give a fake. Default: the loader of the opt-in entry the page imported (`@egov/auth-widgets/fortify` or `…/fortify-peculiar`). */
  loadClient?: () => Promise<WebcryptoSocketModule>;
  /** Whether the page lets the client generate code; tests give an answer. Default: {@link pageAllowsCodeGeneration}. */
  codeGenerationAllowed?: () => boolean;
}

// ------------------------------------------------------------------ before connecting

/**
 * Whether this page lets scripts generate code at run time, which the
 * Fortify client's protobuf runtime does: the CSP must allow 'unsafe-eval'
 * and must not require Trusted Types for scripts (unless a default policy
 * lets the code through). Without this test the client fails deep inside
 * its handshake ("Cannot decode message for PreKeyBundle") and the person
 * would be told to try again, which cannot help.
 */
export function pageAllowsCodeGeneration(): boolean {
  try {
    // A fixed feature test of exactly what protobufjs does; no page or user input is ever evaluated.
    // eslint-disable-next-line no-new-func
    return new Function('return true')() === true;
  } catch {
    return false;
  }
}

/** What the site's developers read in the console when the page blocks the client. */
export const PAGE_BLOCKED_MESSAGE =
  "[egov] Certificate login through Fortify is blocked by this page's Content-Security-Policy: Fortify's client " +
  "(@webcrypto-local/client, protobufjs) generates code at run time, so the page needs 'unsafe-eval' in script-src " +
  "and no require-trusted-types-for 'script' (or a Trusted Types default policy that allows createScript), and " +
  'connect-src https://127.0.0.1:31337 wss://127.0.0.1:31337. See the CSP section of the @egov/auth-widgets README.';

/**
 * Chrome's permission for a public site to reach this device's loopback
 * address (Local Network Access, Chrome 142+). `undefined` where the browser
 * has no such permission (then nothing blocks the request).
 */
export async function localNetworkAccess(): Promise<PermissionState | undefined> {
  const permissions = globalThis.navigator?.permissions;
  if (!permissions?.query) return undefined;
  // 'loopback-network' is the current name; 'local-network-access' the one Chrome 142 shipped with.
  for (const name of ['loopback-network', 'local-network-access']) {
    try {
      return (await permissions.query({ name } as unknown as PermissionDescriptor)).state;
    } catch {
      // This browser does not know that permission name.
    }
  }
  return undefined;
}

export type ProbeResult =
  | { ok: true; version: string }
  | { ok: false; reason: 'unreachable' }
  | { ok: false; reason: 'not_fortify' | 'outdated'; detail: string };

/**
 * Asks the agent's well-known URL whether it runs. A refused connection, a
 * TLS certificate the browser does not trust and a blocked local-network
 * request all look the same to a page (a TypeError): `unreachable`.
 */
export async function probeAgent(baseUrl: string, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<ProbeResult> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 5_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(`${baseUrl.replace(/\/+$/, '')}${FORTIFY_WELL_KNOWN_PATH}`, { signal, cache: 'no-store', credentials: 'omit' });
  } catch {
    options.signal?.throwIfAborted();
    return { ok: false, reason: 'unreachable' };
  }
  if (!response.ok) return { ok: false, reason: 'not_fortify', detail: `HTTP ${response.status}` };
  let info: { version?: unknown; preKey?: unknown };
  try {
    info = (await response.json()) as typeof info;
  } catch {
    return { ok: false, reason: 'not_fortify', detail: 'not JSON' };
  }
  if (typeof info.version !== 'string' || typeof info.preKey !== 'string') return { ok: false, reason: 'not_fortify', detail: 'no version or preKey' };
  // The client refuses servers older than 1.2.
  const [major = 0, minor = 0] = info.version.split('.').map((part) => Number.parseInt(part, 10));
  if (major < 1 || (major === 1 && minor < 2)) return { ok: false, reason: 'outdated', detail: info.version };
  return { ok: true, version: info.version };
}

function browserStorage(): Pick<Storage, 'getItem' | 'setItem'> | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage can be off (privacy settings); the flag is only a hint.
    return null;
  }
}

// ------------------------------------------------------------------ token state

/**
 * What the token's PKCS#11 flags say about the PIN. PKCS#11 has no count of
 * tries left, only "count low" (a wrong PIN was entered), "final try" and
 * "locked", and not every card driver sets them; a provider without token
 * information (a system certificate store) tells nothing.
 */
export function pinStateFromTokenFlags(flags: number | undefined): PinState {
  const value = flags ?? 0;
  return {
    triesFailed: (value & (TOKEN_FLAGS.userPinCountLow | TOKEN_FLAGS.userPinFinalTry)) !== 0,
    finalTry: (value & TOKEN_FLAGS.userPinFinalTry) !== 0,
    locked: (value & TOKEN_FLAGS.userPinLocked) !== 0,
  };
}

/** The key id shared by `x509-<provider>-<keyid>` and `private-<provider>-<keyid>`. */
export function keyIdOf(itemId: string): string {
  return itemId.slice(itemId.lastIndexOf('-') + 1);
}

function tokenLabelOf(provider: ProviderCrypto): string {
  return provider.token?.label?.trim() || provider.card?.trim() || provider.name;
}

interface KnownCertificate {
  tokenId: string;
  keyId: string;
  algorithm?: SignatureAlgorithm;
}

function withTimeout<T>(promise: Promise<T>, ms: number, signal: AbortSignal | undefined, onTimeout: () => AgentError): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => finish(() => reject(onTimeout())), ms);
    const onAbort = () => finish(() => reject(signal!.reason));
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
    promise.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}

export class FortifyAgent implements CertificateAgent {
  readonly kind = 'fortify';
  readonly label = 'Fortify';

  readonly #baseUrl: string;
  readonly #probeTimeoutMs: number | undefined;
  readonly #approvalTimeoutMs: number;
  readonly #storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  readonly #loadClient: (() => Promise<WebcryptoSocketModule>) | undefined;
  readonly #codeGenerationAllowed: () => boolean;
  readonly #listeners = new Set<(event: TokenEvent) => void>();
  readonly #certificates = new Map<string, KnownCertificate>();
  /** Tokens seen in the last listing or insert events, to report them removed when the agent goes away. */
  readonly #tokens = new Set<string>();
  /** Tokens removed while an operation on them was running. */
  readonly #removedDuringUse = new Set<string>();
  #provider: SocketProvider | undefined;
  #connecting: Promise<void> | undefined;
  #approvalListeners = new Set<(code: string) => void>();
  #approvalCode: string | undefined;
  #closedByAgent = false;
  /** Whether the agent answers CertificateStorageGetValue (one round trip per certificate instead of two). */
  #getValueWorks = true;

  constructor(options: FortifyAgentOptions = {}) {
    this.#baseUrl = (options.baseUrl ?? FORTIFY_BASE_URL).replace(/\/+$/, '');
    this.#probeTimeoutMs = options.probeTimeoutMs;
    this.#approvalTimeoutMs = options.approvalTimeoutMs ?? 120_000;
    this.#storage = options.storage === undefined ? browserStorage() : options.storage;
    this.#loadClient = options.loadClient;
    this.#codeGenerationAllowed = options.codeGenerationAllowed ?? pageAllowsCodeGeneration;
  }

  get #seenBefore(): boolean {
    try {
      return this.#storage?.getItem(FORTIFY_SEEN_KEY) === '1';
    } catch {
      return false;
    }
  }

  #markSeen(): void {
    try {
      this.#storage?.setItem(FORTIFY_SEEN_KEY, '1');
    } catch {
      // Only a hint for the next visit.
    }
  }

  connect(options: ConnectOptions = {}): Promise<void> {
    if (options.onApprovalCode) {
      this.#approvalListeners.add(options.onApprovalCode);
      if (this.#approvalCode) options.onApprovalCode(this.#approvalCode);
    }
    if (this.#provider) return Promise.resolve();
    // Two pickers on a page share one agent: the second connect joins the first.
    this.#connecting ??= this.#connect(options.signal).finally(() => {
      this.#connecting = undefined;
      this.#approvalListeners.clear();
      this.#approvalCode = undefined;
    });
    return this.#connecting;
  }

  async #connect(signal: AbortSignal | undefined): Promise<void> {
    // Nothing else matters if the page itself stops the client: say so before any request.
    if (!this.#codeGenerationAllowed()) {
      console.error(PAGE_BLOCKED_MESSAGE);
      throw new AgentError('page_blocked');
    }
    // Nor if the site has not opted into Fortify's client (@egov/auth-widgets/fortify).
    const loadClient = this.#loadClient ?? webcryptoSocketLoader();
    const permission = await localNetworkAccess();
    if (permission === 'denied') throw new AgentError('local_network_blocked');
    // While Chrome's prompt is open the request waits for the person's answer.
    const timeoutMs = permission === 'prompt' ? Math.max(this.#probeTimeoutMs ?? 0, 120_000) : (this.#probeTimeoutMs ?? 5_000);
    const probe = await probeAgent(this.#baseUrl, { timeoutMs, signal });
    if (!probe.ok) {
      if (probe.reason !== 'unreachable') throw new AgentError('agent_error', {}, `Fortify: ${probe.reason} (${probe.detail})`);
      if ((await localNetworkAccess()) === 'denied') throw new AgentError('local_network_blocked');
      throw new AgentError(this.#seenBefore ? 'not_running' : 'not_installed');
    }
    this.#markSeen();

    let client: WebcryptoSocketModule;
    try {
      client = await loadClient();
    } catch (error) {
      throw new AgentError('agent_error', {}, `Fortify client did not load: ${String(error)}`);
    }
    const provider = new client.SocketProvider({ storage: await ratchetStorage(client) });
    try {
      await this.#open(provider, signal);
      if (!(await provider.isLoggedIn())) {
        const code = await provider.challenge();
        this.#approvalCode = code;
        for (const listener of this.#approvalListeners) listener(code);
        await withTimeout(provider.login(), this.#approvalTimeoutMs, signal, () => new AgentError('origin_not_approved'));
        if (!(await provider.isLoggedIn())) throw new AgentError('origin_not_approved');
      }
    } catch (error) {
      provider.removeAllListeners();
      provider.close();
      throw signal?.aborted ? signal.reason : toAgentError(error, 'connect');
    }
    this.#closedByAgent = false;
    this.#provider = provider;
    provider.on('token', (event) => this.#onTokens(event));
    provider.on('close', () => this.#onClosed());
  }

  /** Opens the session; `connect()` of the client reports through events only. */
  #open(provider: SocketProvider, signal: AbortSignal | undefined): Promise<void> {
    const address = new URL(this.#baseUrl).host;
    return new Promise<void>((resolve, reject) => {
      const fail = (problem: 'not_running' | 'agent_error', detail: string) => {
        cleanup();
        reject(new AgentError(problem, {}, `Fortify: ${detail}`));
      };
      const onAbort = () => {
        cleanup();
        reject(signal!.reason);
      };
      const timer = setTimeout(() => fail('not_running', 'no session within 30 s'), 30_000);
      const cleanup = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      // connect() drops all listeners first, so they are added after it.
      provider.connect(address);
      provider.on('listening', () => {
        cleanup();
        resolve();
      });
      provider.on('error', (error) => fail('agent_error', `session failed: ${String((error as Error | undefined)?.message ?? error)}`));
      provider.on('close', () => fail('not_running', 'the agent closed the connection'));
    }).finally(() => {
      provider.removeAllListeners('listening');
      provider.removeAllListeners('error');
      provider.removeAllListeners('close');
    });
  }

  #onTokens(event: ProviderTokenEvent): void {
    for (const removed of event.removed ?? []) {
      this.#tokens.delete(removed.id);
      this.#removedDuringUse.add(removed.id);
      this.#emit({ type: 'removed', tokenId: removed.id });
    }
    for (const added of event.added ?? []) {
      this.#tokens.add(added.id);
      this.#removedDuringUse.delete(added.id);
      this.#emit({ type: 'inserted', tokenId: added.id });
    }
  }

  #onClosed(): void {
    this.#provider = undefined;
    this.#closedByAgent = true;
    for (const tokenId of this.#tokens) this.#emit({ type: 'removed', tokenId });
    this.#tokens.clear();
  }

  #requireProvider(): SocketProvider {
    if (this.#provider) return this.#provider;
    if (this.#closedByAgent) throw new AgentError('not_running');
    throw new AgentError('agent_error', {}, 'Fortify: connect() first');
  }

  async listCertificates(): Promise<TokenCertificate[]> {
    const provider = this.#requireProvider();
    let providers: ProviderCrypto[];
    try {
      providers = (await provider.info()).providers ?? [];
    } catch (error) {
      throw toAgentError(error, 'list');
    }
    const results = await Promise.allSettled(providers.map((p) => this.#providerCertificates(provider, p)));
    const certificates = results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
    for (const p of providers) this.#tokens.add(p.id);
    if (certificates.length === 0) {
      // One broken token should not hide another, but if every token failed, say why.
      const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failure && results.every((r) => r.status === 'rejected')) throw toAgentError(failure.reason, 'list');
      if (!providers.some((p) => p.isRemovable)) throw new AgentError('no_token');
    }
    return certificates;
  }

  async #providerCertificates(provider: SocketProvider, info: ProviderCrypto): Promise<TokenCertificate[]> {
    const crypto = await provider.getCrypto(info.id);
    const [certificateIds, keyIds] = await Promise.all([crypto.certStorage.keys(), crypto.keyStorage.keys()]);
    const privateKeys = new Set(keyIds.filter((id) => id.startsWith('private-')).map(keyIdOf));
    const parsed = (
      await Promise.all(
        certificateIds
          .filter((id) => id.startsWith('x509-'))
          .map(async (id) => {
            try {
              return { id, certificate: parseCertificate(await this.#certificateDer(crypto, id)) };
            } catch (error) {
              // What cannot be read as a certificate cannot be used to log in: leave it out.
              if (error instanceof CertificateParseError) return undefined;
              throw error;
            }
          }),
      )
    ).filter((entry): entry is { id: string; certificate: ParsedCertificate } => entry !== undefined);

    // Keys stay hidden until the PIN on most cards; then whether a key exists is not known yet.
    const hidesKeys =
      (info.token ? (info.token.flags & TOKEN_FLAGS.loginRequired) !== 0 : info.isRemovable) &&
      parsed.some(({ id }) => !privateKeys.has(keyIdOf(id))) &&
      !(await crypto.isLoggedIn());
    const pool = parsed.map((p) => p.certificate);
    return parsed.map(({ id, certificate }) => {
      const keyId = keyIdOf(id);
      const found = privateKeys.has(keyId);
      this.#certificates.set(id, { tokenId: info.id, keyId, algorithm: signatureAlgorithmFor(certificate.publicKey) });
      const item: TokenCertificate = {
        id,
        tokenId: info.id,
        tokenLabel: tokenLabelOf(info),
        certificate: certificate.der,
        chain: issuerChain(certificate, pool).map((c) => c.der),
        hasPrivateKey: found || hidesKeys,
        removable: info.isRemovable,
      };
      if (!found && hidesKeys) item.privateKeyAssumed = true;
      return item;
    });
  }

  async #certificateDer(crypto: SocketCrypto, id: string): Promise<Uint8Array> {
    if (this.#getValueWorks) {
      try {
        const value = await crypto.certStorage.getValue(id);
        if (value) return new Uint8Array(value);
      } catch {
        // An agent without CertificateStorageGetValue: use getItem + export from now on.
      }
      this.#getValueWorks = false;
    }
    const item = await crypto.certStorage.getItem(id);
    return new Uint8Array(await crypto.certStorage.exportCert('raw', item));
  }

  async pinState(tokenId: string): Promise<PinState> {
    const provider = this.#requireProvider();
    try {
      const info = (await provider.info()).providers.find((p) => p.id === tokenId);
      if (!info) throw new AgentError('token_removed');
      return pinStateFromTokenFlags(info.token?.flags);
    } catch (error) {
      throw toAgentError(error, 'list');
    }
  }

  async sign(certificateId: string, data: Uint8Array): Promise<SignResult> {
    const provider = this.#requireProvider();
    const known = this.#certificates.get(certificateId);
    if (!known) throw new AgentError('agent_error', {}, `Fortify: unknown certificate ${certificateId} (list first)`);
    const algorithm = known.algorithm;
    if (!algorithm) throw new AgentError('sign_failed', {}, 'Fortify: the certificate has a key type the kit does not sign with');
    this.#removedDuringUse.delete(known.tokenId);
    let step: 'login' | 'sign' = 'login';
    try {
      const crypto = await provider.getCrypto(known.tokenId);
      // Fortify shows its PIN window for this login (or the reader's PIN pad is used).
      if (!(await crypto.isLoggedIn())) await crypto.login();
      step = 'sign';
      const keyId = (await crypto.keyStorage.keys()).find((id) => id.startsWith('private-') && keyIdOf(id) === known.keyId);
      if (!keyId) throw new AgentError('sign_failed', {}, 'Fortify: the token has no private key for this certificate');
      const params = webCryptoParams(algorithm);
      const key = await crypto.keyStorage.getItem(keyId, params.key, false, ['sign']);
      const signature = await crypto.subtle.sign(params.sign, key, new Uint8Array(data));
      if (this.#removedDuringUse.has(known.tokenId)) throw new AgentError('token_removed');
      return { signature: new Uint8Array(signature), algorithm };
    } catch (error) {
      // A card pulled mid-operation fails in driver-specific ways; the agent's event says what happened.
      if (this.#removedDuringUse.has(known.tokenId)) throw new AgentError('token_removed');
      throw toAgentError(error, step);
    }
  }

  /** Best effort: the picker calls this after every signature, and a token already gone is logged out anyway. */
  async logout(tokenId: string): Promise<void> {
    const provider = this.#provider;
    if (!provider) return;
    try {
      const crypto = await provider.getCrypto(tokenId);
      await crypto.logout();
    } catch {
      // Removed token or closed agent: nothing stays logged in.
    }
  }

  onTokenEvent(listener: (event: TokenEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    const provider = this.#provider;
    this.#provider = undefined;
    this.#certificates.clear();
    this.#tokens.clear();
    if (provider) {
      provider.removeAllListeners();
      provider.close();
    }
  }

  #emit(event: TokenEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

/** The identity store: IndexedDB keeps this browser's approval across visits; memory where IndexedDB is off. */
async function ratchetStorage(client: WebcryptoSocketModule): Promise<unknown> {
  try {
    return await client.BrowserStorage.create();
  } catch {
    return new client.MemoryStorage();
  }
}
