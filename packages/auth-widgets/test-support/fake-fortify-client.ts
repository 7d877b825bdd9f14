// A stand-in for @webcrypto-local/client's SocketProvider with the same
// method names and the agent's error shapes ({message, code, type}), so the
// FortifyAgent's own logic (approval, pairing certificates with keys, PIN
// flags, error mapping, token events) is tested without the Fortify app.
// It mirrors what the client's types and the agent's source say; the
// protocol itself is only exercised against a real or test agent.
import type {
  ProviderCrypto,
  ProviderInfo,
  ProviderTokenEvent,
  SocketCrypto,
  SocketProvider,
  WebcryptoSocketModule,
} from '../src/agent/webcrypto-socket.js';

export interface FakeCertificate {
  /** Key id shared by `x509-<provider>-<keyid>` and `private-<provider>-<keyid>`. */
  keyId: string;
  der: Uint8Array;
  privateKey?: CryptoKey;
  /** Listed only after token login (as on most smart cards). */
  keyHiddenUntilLogin?: boolean;
}

export interface FakeToken {
  info: ProviderCrypto;
  certificates: FakeCertificate[];
  loggedIn: boolean;
  /** What crypto.login() does: resolve, or reject with an agent error. */
  login?: () => Promise<void>;
}

export interface AgentErrorShape {
  message: string;
  code: number;
  type: string;
}

export const wclError = (code: number, message = `wcl ${code}`): AgentErrorShape => ({ message, code, type: 'wcl' });
export const pkcs11Error = (name: string, code: number): AgentErrorShape => ({ message: name, code, type: 'pkcs11' });

type Listener = (...args: never[]) => void;

export class FakeFortify {
  tokens: FakeToken[] = [];
  approved = false;
  /** What login() (site approval) does when not yet approved. */
  approval: 'approve' | 'deny' | 'never' = 'approve';
  /** Fail the session: 'error' emits error, 'close' closes before listening. */
  session: 'ok' | 'error' | 'close' = 'ok';
  supportsGetValue = true;
  challengeCode = '314159';
  calls: string[] = [];
  signFailure?: AgentErrorShape;
  /** Runs inside subtle.sign before it answers (e.g. pull the token). */
  duringSign?: () => void;
  providers: FakeSocketProvider[] = [];

  module(): WebcryptoSocketModule {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    return {
      SocketProvider: class {
        constructor() {
          const provider = new FakeSocketProvider(fake);
          fake.providers.push(provider);
          return provider;
        }
      } as unknown as WebcryptoSocketModule['SocketProvider'],
      BrowserStorage: { create: async () => ({}) },
      MemoryStorage: class {},
    };
  }

  token(id: string): FakeToken {
    const token = this.tokens.find((t) => t.info.id === id);
    if (!token) throw wclError(402, 'Cannot get crypto by given ID');
    return token;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const provider of this.providers) provider.emit(event, ...args);
  }

  removeToken(id: string): void {
    const token = this.token(id);
    this.tokens = this.tokens.filter((t) => t !== token);
    this.emit('token', { added: [], removed: [token.info] } satisfies ProviderTokenEvent);
  }

  insertToken(token: FakeToken): void {
    this.tokens.push(token);
    this.emit('token', { added: [token.info], removed: [] } satisfies ProviderTokenEvent);
  }
}

export class FakeSocketProvider implements SocketProvider {
  #listeners = new Map<string, Set<Listener>>();
  connectedTo?: string;
  closed = false;

  constructor(private readonly fake: FakeFortify) {}

  connect(address: string): this {
    this.#listeners.clear();
    this.connectedTo = address;
    setTimeout(() => {
      if (this.fake.session === 'ok') this.emit('listening', address);
      else if (this.fake.session === 'error') this.emit('error', undefined);
      else this.emit('close', address);
    }, 0);
    return this;
  }

  close(): void {
    this.closed = true;
  }

  on(event: string, listener: Listener): this {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(listener);
    return this;
  }

  removeAllListeners(event?: string): this {
    if (event) this.#listeners.delete(event);
    else this.#listeners.clear();
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) (listener as (...values: unknown[]) => void)(...args);
  }

  async info(): Promise<ProviderInfo> {
    this.fake.calls.push('info');
    return { name: 'fake', providers: this.fake.tokens.map((t) => t.info) };
  }

  async challenge(): Promise<string> {
    return this.fake.challengeCode;
  }

  async isLoggedIn(): Promise<boolean> {
    return this.fake.approved;
  }

  login(): Promise<void> {
    if (this.fake.approved) return Promise.resolve();
    if (this.fake.approval === 'never') return new Promise(() => undefined);
    if (this.fake.approval === 'deny') return Promise.reject(wclError(101, 'RATCHET_KEY_NOT_APPROVED'));
    this.fake.approved = true;
    return Promise.resolve();
  }

  async getCrypto(id: string): Promise<SocketCrypto> {
    if (!this.fake.approved) throw wclError(602, '404: Not authorized');
    const fake = this.fake;
    const token = fake.token(id);
    const keyVisible = (c: FakeCertificate) => c.privateKey && (!c.keyHiddenUntilLogin || token.loggedIn);
    return {
      id,
      login: async () => {
        fake.calls.push(`login ${id}`);
        await token.login?.();
        token.loggedIn = true;
        return new ArrayBuffer(0);
      },
      logout: async () => {
        fake.calls.push(`logout ${id}`);
        token.loggedIn = false;
        return new ArrayBuffer(0);
      },
      isLoggedIn: async () => token.loggedIn,
      certStorage: {
        keys: async () => token.certificates.map((c) => `x509-${id}-${c.keyId}`),
        getValue: async (key) => {
          fake.calls.push('getValue');
          if (!fake.supportsGetValue) throw { message: `Action 'crypto/certificateStorage/getValue' is not implemented`, code: 201, type: 'wcl' };
          return new Uint8Array(token.certificates.find((c) => key.endsWith(c.keyId))!.der).buffer;
        },
        getItem: async (key) => {
          fake.calls.push('getItem');
          return { key };
        },
        exportCert: async (_format, item) => {
          fake.calls.push('exportCert');
          const key = (item as { key: string }).key;
          return new Uint8Array(token.certificates.find((c) => key.endsWith(c.keyId))!.der).buffer;
        },
      },
      keyStorage: {
        keys: async () => token.certificates.filter(keyVisible).flatMap((c) => [`private-${id}-${c.keyId}`, `public-${id}-${c.keyId}`]),
        getItem: async (key, algorithm) => {
          fake.calls.push(`getKey ${key} ${JSON.stringify(algorithm)}`);
          return token.certificates.find((c) => key === `private-${id}-${c.keyId}`)!.privateKey!;
        },
      },
      subtle: {
        sign: async (algorithm, key, data) => {
          fake.duringSign?.();
          if (fake.signFailure) throw fake.signFailure;
          return crypto.subtle.sign(algorithm, key, data);
        },
      },
    };
  }
}
