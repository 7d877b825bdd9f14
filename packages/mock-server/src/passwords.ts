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

/**
 * Login verifications that may wait for the slot. A hash takes ~80 ms, so
 * the last in line waits under a second. Past this a login is answered
 * 503 `service_busy` at once, without hashing: with an unbounded queue 60
 * parallel logins for unknown e-mails made a citizen's login take 14.5 s.
 */
export const MAX_WAITING_HASHES = 10;
/**
 * …and at most this many of them from one client address, so one machine
 * cannot fill the queue and shut everyone else out.
 */
export const MAX_WAITING_HASHES_PER_CLIENT = 3;
/** The `Retry-After` of a busy answer: a second or two clears a full queue. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

/** Thrown when the hash queue (or the client's share of it) is full; the route answers 503 `service_busy`. */
export class HashQueueFull extends Error {
  override readonly name = 'HashQueueFull';
  readonly retryAfterSeconds = BUSY_RETRY_AFTER_SECONDS;
}

/** Who is waiting for a hash, when the queue is bounded: the client's address key (null: not counted per address). */
export interface QueuePlace {
  client: string | null;
}

let running = 0;
let mostAtOnce = 0;
let mostWaiting = 0;
let longestWait = 0;
let computed = 0;
const waiting: (() => void)[] = [];
/** Bounded waiters by client address. */
const waitingByClient = new Map<string, number>();
let boundedWaiting = 0;

/** The most scrypt computations that ran at the same time since the process started (for tests). */
export function mostHashesAtOnce(): number {
  return mostAtOnce;
}

/** The most bounded (login) verifications that waited at the same time since the process started (for tests). */
export function mostHashesWaiting(): number {
  return mostWaiting;
}

/** The most hashes one login waited for (ran before its own) since the process started (for tests). */
export function mostHashesWaitedFor(): number {
  return longestWait;
}

/** How many scrypt computations finished since the process started (for tests). */
export function hashesComputed(): number {
  return computed;
}

/** Waits until a finishing hash hands its slot over; with a place, refuses at once when the queue is full. */
async function waitForHandover(place: QueuePlace | undefined): Promise<void> {
  if (!place) {
    await new Promise<void>((resolve) => waiting.push(resolve));
    return;
  }
  const mine = place.client === null ? 0 : (waitingByClient.get(place.client) ?? 0);
  if (boundedWaiting >= MAX_WAITING_HASHES || mine >= MAX_WAITING_HASHES_PER_CLIENT) throw new HashQueueFull('the password-hash queue is full');
  boundedWaiting += 1;
  mostWaiting = Math.max(mostWaiting, boundedWaiting);
  if (place.client !== null) waitingByClient.set(place.client, mine + 1);
  const queuedAt = computed;
  try {
    await new Promise<void>((resolve) => waiting.push(resolve));
    longestWait = Math.max(longestWait, computed - queuedAt);
  } finally {
    boundedWaiting -= 1;
    if (place.client !== null) {
      const left = (waitingByClient.get(place.client) ?? 1) - 1;
      if (left === 0) waitingByClient.delete(place.client);
      else waitingByClient.set(place.client, left);
    }
  }
}

/**
 * Runs one hash in the slot. Without a place the caller waits as long as it
 * takes (registration, reset: limited per address and per e-mail already);
 * with one (login) it is refused at once when the queue is full. A finishing
 * hash hands its slot straight to the next in line, so no newcomer can slip
 * in between.
 */
async function withHashSlot<T>(work: () => Promise<T>, place?: QueuePlace): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) await waitForHandover(place);
  else running += 1;
  mostAtOnce = Math.max(mostAtOnce, running);
  try {
    return await work();
  } finally {
    computed += 1;
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

function deriveKey(password: string, salt: Buffer, params: ScryptParams, place?: QueuePlace): Promise<Buffer> {
  return withHashSlot(() => scryptKey(password, salt, params), place);
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

  /**
   * Constant-time comparison of the derived key; false for a malformed hash.
   * With a queue place (a login), throws HashQueueFull rather than wait in a full queue.
   */
  async verify(password: string, encoded: string, place?: QueuePlace): Promise<boolean> {
    const decoded = decode(encoded);
    if (!decoded) return false;
    const key = await deriveKey(password, decoded.salt, decoded.params, place);
    return key.length === decoded.key.length && timingSafeEqual(key, decoded.key);
  }

  /**
   * Spends the same time as verifying a real hash and always fails: used when
   * no account has the e-mail, so response time does not tell whether it exists.
   */
  async verifyDummy(password: string, place?: QueuePlace): Promise<false> {
    await this.verify(password, await this.prepare(), place);
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
