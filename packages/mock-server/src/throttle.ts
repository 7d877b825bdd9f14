import type { Store, ThrottleRecord } from './store.ts';

/**
 * How failures turn into waiting time: after `maxFailures` failures, each
 * within `windowMs` of the previous one, the key is locked for `baseDelayMs`,
 * doubling with every further failure up to `maxDelayMs`. Never permanent.
 */
export interface ThrottlePolicy {
  maxFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A failure older than this no longer counts (the counter starts over). */
  windowMs: number;
}

/** Per account (normalized e-mail): 5 failures, then 30 s, 60 s, 2 min … up to 15 min. */
export const DEFAULT_ACCOUNT_POLICY: Readonly<ThrottlePolicy> = Object.freeze({
  maxFailures: 5,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  windowMs: 60 * 60_000,
});

/**
 * Per client address: generous, so a shared office NAT is not locked out by
 * one person, but one machine cannot try thousands of accounts.
 */
export const DEFAULT_IP_POLICY: Readonly<ThrottlePolicy> = Object.freeze({
  maxFailures: 100,
  baseDelayMs: 60_000,
  maxDelayMs: 15 * 60_000,
  windowMs: 60 * 60_000,
});

/**
 * Requests per client address on registration, resend and reset request:
 * 20 in a row (each within an hour of the previous), then a minute,
 * doubling to 15 min. Generous: an office behind one NAT registers people.
 */
export const DEFAULT_CLIENT_REQUEST_POLICY: Readonly<ThrottlePolicy> = Object.freeze({
  maxFailures: 20,
  baseDelayMs: 60_000,
  maxDelayMs: 15 * 60_000,
  windowMs: 60 * 60_000,
});

/**
 * Requests per e-mail address on the operations that send it mail: 3, then
 * a minute, doubling to 15 min — nobody's inbox can be flooded through us.
 */
export const DEFAULT_EMAIL_REQUEST_POLICY: Readonly<ThrottlePolicy> = Object.freeze({
  maxFailures: 3,
  baseDelayMs: 60_000,
  maxDelayMs: 15 * 60_000,
  windowMs: 60 * 60_000,
});

/**
 * Certificate challenges per client address: every login or registration
 * with a certificate asks for one (a wrong PIN, a retry: another), so more
 * than the other request limits — 100 in a row, then a minute, doubling to
 * 15 min.
 */
export const DEFAULT_CERTIFICATE_CHALLENGE_POLICY: Readonly<ThrottlePolicy> = Object.freeze({
  maxFailures: 100,
  baseDelayMs: 60_000,
  maxDelayMs: 15 * 60_000,
  windowMs: 60 * 60_000,
});

/** A lock that only a reset (or a success) lifts: ten years, as far as the clock is concerned. */
export const UNTIL_RESET_MS = 10 * 365 * 24 * 60 * 60_000;

/**
 * The absolute guess budget of one account's password: after 100 wrong
 * passwords in a row (NIST SP 800-63B-4 asks for at most 100) password
 * login stays off until the owner sets a new password or logs in with it.
 * "In a row": failures up to 30 days apart still add up; a right password
 * or a completed reset starts over. Never reached by waiting out the delays:
 * at the 15-minute ceiling the short locks alone allow ~35,000 guesses a year.
 */
export const DEFAULT_GUESS_CAP_POLICY: Readonly<ThrottlePolicy> = Object.freeze({
  maxFailures: 100,
  baseDelayMs: UNTIL_RESET_MS,
  maxDelayMs: UNTIL_RESET_MS,
  windowMs: 30 * 24 * 60 * 60_000,
});

/**
 * New sessions per client address (`GET /session` without a session
 * cookie): each is a database row, so one machine must not create them
 * without end. A browser keeps its cookie, so even an office behind one NAT
 * needs few: 300 in a row (each within an hour of the previous), then a
 * minute, doubling to 15 min.
 */
export const DEFAULT_SESSION_CREATION_POLICY: Readonly<ThrottlePolicy> = Object.freeze({
  maxFailures: 300,
  baseDelayMs: 60_000,
  maxDelayMs: 15 * 60_000,
  windowMs: 60 * 60_000,
});

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; key: string };

/** One counter: a key (e.g. `account:<hash>`) and the policy that applies to it. */
export interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
}

export function lockDelayMs(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.maxFailures) return 0;
  const doublings = Math.min(failures - policy.maxFailures, 30);
  return Math.min(policy.baseDelayMs * 2 ** doublings, policy.maxDelayMs);
}

/**
 * Failure counters with increasing delays, kept in the store so they survive
 * a restart. Every time decision uses the injected clock.
 */
export class Throttle {
  readonly #store: Store;
  readonly #clock: () => number;

  constructor(store: Store, clock: () => number) {
    this.#store = store;
    this.#clock = clock;
  }

  /** Refuses when any of the keys is locked; the longest wait wins. */
  async check(keys: readonly ThrottleKey[]): Promise<ThrottleDecision> {
    const now = this.#clock();
    const records = await this.#store.findThrottle(keys.map((k) => k.key));
    let worst: { key: string; until: number } | null = null;
    for (const record of records) {
      if (record.lockedUntil > now && (!worst || record.lockedUntil > worst.until)) {
        worst = { key: record.key, until: record.lockedUntil };
      }
    }
    if (!worst) return { allowed: true };
    return { allowed: false, key: worst.key, retryAfterSeconds: Math.max(1, Math.ceil((worst.until - now) / 1000)) };
  }

  async #count(keys: readonly ThrottleKey[]): Promise<void> {
    const now = this.#clock();
    const existing = new Map((await this.#store.findThrottle(keys.map((k) => k.key))).map((r) => [r.key, r]));
    for (const { key, policy } of keys) {
      const previous = existing.get(key);
      const stillCounting = previous !== undefined && now - previous.lastFailureAt < policy.windowMs;
      const failures = stillCounting ? previous.failures + 1 : 1;
      const delay = lockDelayMs(failures, policy);
      const record: ThrottleRecord = {
        key,
        failures,
        lastFailureAt: now,
        lockedUntil: delay > 0 ? now + delay : 0,
      };
      await this.#store.putThrottle(record);
    }
  }

  /**
   * Rate limiting of requests: refuses when a key is locked, else counts
   * this request against every key (which may lock them for the next one).
   * A refused request is not counted, so waiting is enough to get through.
   * Also the admission of a guess (a login, a certificate proof): counted as
   * a failure before it is judged, so parallel guesses cannot all pass one
   * check; `forgive` takes the count back when it was no failure.
   */
  hit(keys: readonly ThrottleKey[]): Promise<ThrottleDecision> {
    // One section: parallel requests cannot all pass the same check.
    return this.#store.exclusive(async () => {
      const decision = await this.check(keys);
      if (decision.allowed) await this.#count(keys);
      return decision;
    });
  }

  /**
   * Gives back the failure `hit` counted in advance, for an attempt that
   * turned out to be no failure (a right password, a verified proof, a
   * busy server): the count goes down by one and the lock follows it.
   */
  async forgive(keys: readonly ThrottleKey[]): Promise<void> {
    if (keys.length === 0) return;
    await this.#store.exclusive(async () => {
      const existing = await this.#store.findThrottle(keys.map((k) => k.key));
      for (const record of existing) {
        const policy = keys.find((k) => k.key === record.key)!.policy;
        const failures = Math.max(0, record.failures - 1);
        if (failures === 0) {
          await this.#store.deleteThrottle([record.key]);
          continue;
        }
        const delay = lockDelayMs(failures, policy);
        await this.#store.putThrottle({ ...record, failures, lockedUntil: delay > 0 ? record.lastFailureAt + delay : 0 });
      }
    });
  }

  async reset(keys: readonly string[]): Promise<void> {
    await this.#store.deleteThrottle(keys);
  }
}
