import { createHash, randomBytes } from 'node:crypto';
import { HttpError } from './http.ts';
import type { StoredToken, TokenPurpose, TokenRecord } from './store.ts';

/** 32 random bytes, base64url: 256 bits (SECURITY.md 15 asks for at least 128). */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** Longest token string a request may carry before it is a validation error rather than an unknown token. */
export const TOKEN_MAX_LENGTH = 256;

export interface TokenLifetimes {
  /** E-mail confirmation link; at most 24 h (SECURITY.md 16). */
  confirmEmailMs: number;
  /** Password reset link; at most 60 min (SECURITY.md 16). */
  passwordResetMs: number;
}

export const DEFAULT_TOKEN_LIFETIMES: Readonly<TokenLifetimes> = Object.freeze({
  confirmEmailMs: 24 * 60 * 60_000,
  passwordResetMs: 60 * 60_000,
});

/** Refuses lifetimes outside (0, the SECURITY.md maximum]. */
export function checkTokenLifetimes(lifetimes: TokenLifetimes): TokenLifetimes {
  const within = (value: number, max: number) => Number.isFinite(value) && value > 0 && value <= max;
  if (!within(lifetimes.confirmEmailMs, DEFAULT_TOKEN_LIFETIMES.confirmEmailMs)) {
    throw new RangeError('the confirmation link lifetime must be above 0 and at most 24 hours');
  }
  if (!within(lifetimes.passwordResetMs, DEFAULT_TOKEN_LIFETIMES.passwordResetMs)) {
    throw new RangeError('the password reset link lifetime must be above 0 and at most 60 minutes');
  }
  return lifetimes;
}

/** The stored form of a link token: its SHA-256. The token itself exists only in the e-mail. */
export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** True for a string shaped like a token this server issues (anything else cannot match one). */
export function isWellFormedToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** A new single-use token for one purpose, and the record to store for it. */
export function newLinkToken(purpose: TokenPurpose, now: number, lifetimes: TokenLifetimes): { token: string; record: TokenRecord } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const ttl = purpose === 'confirm_email' ? lifetimes.confirmEmailMs : lifetimes.passwordResetMs;
  return { token, record: { hash: hashLinkToken(token), purpose, createdAt: now, expiresAt: now + ttl } };
}

/**
 * The hash of a token a request carries. A string that cannot be one of
 * our tokens is refused as `token_invalid`, exactly like an unknown one.
 */
export function requestTokenHash(token: string): string {
  if (!isWellFormedToken(token)) throw new HttpError(400, 'token_invalid');
  return hashLinkToken(token);
}

/** A stored token that can still be used: not used, not revoked (by a newer one), not expired. */
export function isTokenUsable(stored: StoredToken | null, now: number): stored is StoredToken {
  return stored !== null && stored.usedAt === null && stored.revokedAt === null && stored.expiresAt > now;
}
