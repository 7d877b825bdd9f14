import { createHash, randomBytes } from 'node:crypto';
import type { Session } from '../sessions.ts';
import type { Store } from '../store.ts';

/** A challenge lives at most this long (SECURITY.md 32). */
export const MAX_CHALLENGE_LIFETIME_MS = 5 * 60_000;
/** A session keeps at most this many unused challenges; asking for more drops the oldest. */
export const CHALLENGES_PER_SESSION = 3;
/** 32 random bytes: 256 bits, base64url (43 characters). */
const NONCE_BYTES = 32;
const NONCE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function hashNonce(nonce: string): string {
  return createHash('sha256').update(nonce).digest('hex');
}

/**
 * Certificate challenges: random nonces, single use, short-lived, bound to
 * the (pre-login) session that asked for them. The store keeps only their
 * SHA-256. A login ends the pre-login session, and its challenges with it.
 */
export class CertificateChallenges {
  readonly #store: Store;
  readonly #clock: () => number;
  readonly lifetimeMs: number;

  constructor(store: Store, clock: () => number, lifetimeMs: number) {
    if (!(lifetimeMs > 0 && lifetimeMs <= MAX_CHALLENGE_LIFETIME_MS)) {
      throw new RangeError('the certificate challenge lifetime must be above 0 and at most 5 minutes');
    }
    this.#store = store;
    this.#clock = clock;
    this.lifetimeMs = lifetimeMs;
  }

  /** A new nonce for this session, and when it expires. */
  async issue(session: Session): Promise<{ nonce: string; expiresAt: number }> {
    const nonce = randomBytes(NONCE_BYTES).toString('base64url');
    const now = this.#clock();
    const expiresAt = now + this.lifetimeMs;
    await this.#store.insertChallenge({ nonceHash: hashNonce(nonce), sessionIdHash: session.idHash, createdAt: now, expiresAt }, CHALLENGES_PER_SESSION);
    return { nonce, expiresAt };
  }

  /**
   * Takes the nonce out of the store — whatever happens next, it cannot be
   * used again — and says whether it was this session's and still valid.
   */
  async take(nonce: string, session: Session | null): Promise<boolean> {
    if (!NONCE_PATTERN.test(nonce)) return false;
    const challenge = await this.#store.takeChallenge(hashNonce(nonce));
    if (!challenge || !session) return false;
    return challenge.sessionIdHash === session.idHash && this.#clock() < challenge.expiresAt;
  }
}
