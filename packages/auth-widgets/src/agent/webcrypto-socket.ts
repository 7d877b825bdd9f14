/**
 * Loading `@webcrypto-local/client` (Fortify's WebSocket client) in a
 * browser, and the part of its API the FortifyAgent uses. The package
 * entry does not load in a browser bundle; its browser build does, after
 * protobufjs's light build has set `globalThis.protobuf` (TOOLCHAIN.md).
 * protobufjs generates code at run time, so a page that loads it needs
 * `'unsafe-eval'` in its CSP. The imports live only in the opt-in entries
 * (`src/fortify.ts`, `src/fortify-peculiar.ts`, registered through
 * fortify-opt-in.ts): a password-only site never installs nor bundles them.
 *
 * The types below are written from the client's declarations
 * (build/index.d.ts) and `@webcrypto-local/core`'s `ProviderCrypto` /
 * `TokenInfo`, kept to what is used here.
 */

/** PKCS#11 CK_TOKEN_INFO flags (Fortify passes the token's flags through in `ProviderCrypto.token.flags`). */
export const TOKEN_FLAGS = {
  loginRequired: 0x0000_0004,
  protectedAuthenticationPath: 0x0000_0100,
  userPinCountLow: 0x0001_0000,
  userPinFinalTry: 0x0002_0000,
  userPinLocked: 0x0004_0000,
  userPinToBeChanged: 0x0008_0000,
} as const;

export interface TokenInfo {
  label?: string;
  serialNumber?: string;
  flags: number;
}

export interface ProviderCrypto {
  id: string;
  name: string;
  card?: string;
  readOnly?: boolean;
  isRemovable: boolean;
  isHardware: boolean;
  atr?: string;
  token?: TokenInfo;
}

export interface ProviderInfo {
  name: string;
  providers: ProviderCrypto[];
}

export interface ProviderTokenEvent {
  added: ProviderCrypto[];
  removed: ProviderCrypto[];
  error?: { message: string; code: number; type: string };
}

export interface SocketCrypto {
  id: string;
  login(): Promise<unknown>;
  logout(): Promise<unknown>;
  isLoggedIn(): Promise<boolean>;
  certStorage: {
    keys(): Promise<string[]>;
    getValue(key: string): Promise<ArrayBuffer | null>;
    getItem(key: string): Promise<object>;
    exportCert(format: 'raw', item: object): Promise<ArrayBuffer>;
  };
  keyStorage: {
    keys(): Promise<string[]>;
    getItem(key: string, algorithm?: Algorithm, extractable?: boolean, usages?: KeyUsage[]): Promise<CryptoKey>;
  };
  subtle: {
    sign(algorithm: AlgorithmIdentifier | RsaPssParams | EcdsaParams, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer>;
  };
}

export interface SocketProvider {
  /** Host and port, e.g. `127.0.0.1:31337`: the client fetches `https://…/.well-known/webcrypto-socket`, then opens `wss://…`. */
  connect(address: string): this;
  close(): void;
  on(event: 'listening', listener: (address: string) => void): this;
  on(event: 'error', listener: (error: unknown) => void): this;
  on(event: 'close', listener: (remoteAddress: string) => void): this;
  on(event: 'token', listener: (event: ProviderTokenEvent) => void): this;
  removeAllListeners(event?: string): this;
  info(): Promise<ProviderInfo>;
  /** The 6-digit code the Fortify app shows while the person approves this site. */
  challenge(): Promise<string>;
  /** Whether this site (this browser's identity key) is approved. */
  isLoggedIn(): Promise<boolean>;
  /** Asks the app to approve this site; resolves when approved, fails when denied. */
  login(): Promise<void>;
  getCrypto(id: string): Promise<SocketCrypto>;
}

export interface WebcryptoSocketModule {
  SocketProvider: new (options: { storage: unknown }) => SocketProvider;
  /** Keeps the browser's identity key in IndexedDB, so an approval outlives the page. */
  BrowserStorage: { create(): Promise<unknown> };
  MemoryStorage: new () => unknown;
}

declare global {
  var WebcryptoSocket: WebcryptoSocketModule | undefined;
}
