import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { normalizePassword } from '@egov/auth-widgets/contract';

/** scrypt cost parameters; `logN` is log2 of the CPU/memory cost N. */
export interface ScryptParams {
  logN: number;
  r: number;
  p: number;
  keyLength: number;
  saltLength: number;
}

/** N = 2^15, r = 8, p = 1: 32 MiB per hash (OWASP's scrypt baseline). */
export const DEFAULT_SCRYPT_PARAMS: Readonly<ScryptParams> = Object.freeze({
  logN: 15,
  r: 8,
  p: 1,
  keyLength: 32,
  saltLength: 16,
});

/*
 * Bounds for parameters read back from the store: a corrupted or hostile row
 * must not make one login allocate gigabytes or spin for minutes.
 */
const BOUNDS = { logN: [10, 20], r: [1, 32], p: [1, 16], keyLength: [16, 64], saltLength: [16, 64] } as const;

const PREFIX = '$scrypt$';

/**
 * At most this many scrypt computations run at once (each holds 32 MiB):
 * fifty registrations arriving together must not take 50 × 32 MiB — or the
 * libuv threads that file uploads need too. The others wait their turn.
 * One, not two: with two, fifty registrations with 2 × 3 MB documents each
 * grew the server by 107–116 MB (`pnpm bench`, budget 100 MB); with one,
 * 74–92 MB, for about a second more over the fifty (one hash is ~80 ms).
 */
export const MAX_CONCURRENT_HASHES = 1;
let running = 0;
let mostAtOnce = 0;

/** The most scrypt computations that ran at the same time since the process started (for tests). */
export function mostHashesAtOnce(): number {
  return mostAtOnce;
}
const waiting: (() => void)[] = [];

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  mostAtOnce = Math.max(mostAtOnce, running);
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

function deriveKey(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return withHashSlot(() => scryptKey(password, salt, params));
}

function scryptKey(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.logN;
  const options: ScryptOptions = {
    N,
    r: params.r,
    p: params.p,
    // Node refuses above 32 MiB by default, which is exactly what N=2^15, r=8 needs.
    maxmem: 256 * N * params.r * params.p,
  };
  return new Promise((resolve, reject) => {
    scrypt(Buffer.from(normalizePassword(password), 'utf8'), salt, params.keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function encode(params: ScryptParams, salt: Buffer, key: Buffer): string {
  return `${PREFIX}ln=${params.logN},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

interface Decoded {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

function inBounds(value: number, [min, max]: readonly [number, number]): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** Parses `$scrypt$ln=15,r=8,p=1$<salt>$<key>` (base64url, no padding); null when malformed. */
function decode(encoded: string): Decoded | null {
  if (!encoded.startsWith(PREFIX)) return null;
  const parts = encoded.slice(PREFIX.length).split('$');
  if (parts.length !== 3) return null;
  const [paramText, saltText, keyText] = parts as [string, string, string];
  const match = /^ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})$/.exec(paramText);
  if (!match || !/^[A-Za-z0-9_-]+$/.test(saltText) || !/^[A-Za-z0-9_-]+$/.test(keyText)) return null;
  const salt = Buffer.from(saltText, 'base64url');
  const key = Buffer.from(keyText, 'base64url');
  const params: ScryptParams = {
    logN: Number(match[1]),
    r: Number(match[2]),
    p: Number(match[3]),
    keyLength: key.length,
    saltLength: salt.length,
  };
  for (const name of Object.keys(BOUNDS) as (keyof typeof BOUNDS)[]) {
    if (!inBounds(params[name], BOUNDS[name])) return null;
  }
  return { params, salt, key };
}

/**
 * Hashes and verifies passwords with scrypt. Hashes are self-describing, so
 * the parameters can be raised later: old hashes still verify, and
 * `needsRehash` tells the caller to store a fresh hash after a good login.
 */
export class PasswordHasher {
  readonly params: Readonly<ScryptParams>;
  #dummy: Promise<string> | undefined;

  constructor(params: Partial<ScryptParams> = {}) {
    const merged = { ...DEFAULT_SCRYPT_PARAMS, ...params };
    for (const name of Object.keys(BOUNDS) as (keyof typeof BOUNDS)[]) {
      if (!inBounds(merged[name], BOUNDS[name])) throw new RangeError(`scrypt parameter ${name} out of range`);
    }
    this.params = Object.freeze(merged);
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(this.params.saltLength);
    return encode(this.params, salt, await deriveKey(password, salt, this.params));
  }

  /** Constant-time comparison of the derived key; false for a malformed hash. */
  async verify(password: string, encoded: string): Promise<boolean> {
    const decoded = decode(encoded);
    if (!decoded) return false;
    const key = await deriveKey(password, decoded.salt, decoded.params);
    return key.length === decoded.key.length && timingSafeEqual(key, decoded.key);
  }

  /**
   * Spends the same time as verifying a real hash and always fails: used when
   * no account has the e-mail, so response time does not tell whether it exists.
   */
  async verifyDummy(password: string): Promise<false> {
    await this.verify(password, await this.prepare());
    return false;
  }

  /** Computes the dummy hash ahead of time, so the first unknown e-mail is not slower than the rest. */
  prepare(): Promise<string> {
    this.#dummy ??= this.hash(randomBytes(18).toString('base64url'));
    return this.#dummy;
  }

  needsRehash(encoded: string): boolean {
    const decoded = decode(encoded);
    if (!decoded) return true;
    const current = this.params;
    return (
      decoded.params.logN !== current.logN ||
      decoded.params.r !== current.r ||
      decoded.params.p !== current.p ||
      decoded.params.keyLength !== current.keyLength ||
      decoded.params.saltLength !== current.saltLength
    );
  }
}
