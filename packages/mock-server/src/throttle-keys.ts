import { createHash } from 'node:crypto';

/** The throttle key of an account: a hash of the normalized e-mail, whether or not the account exists. */
export function accountThrottleKey(normalizedEmail: string): string {
  return `account:${createHash('sha256').update(normalizedEmail).digest('hex')}`;
}

/** The account's guess budget (see DEFAULT_GUESS_CAP_POLICY): same hash, its own counter. */
export function accountGuessesKey(normalizedEmail: string): string {
  return `guesses:${accountThrottleKey(normalizedEmail)}`;
}

/** Prefix of every guess-budget key (kept longer by housekeeping). */
export const GUESSES_KEY_PREFIX = 'guesses:';

/** The throttle key of a client address (see `clientAddressKey`). */
export function clientThrottleKey(clientKey: string): string {
  return `ip:${clientKey}`;
}

/** The failure counter of a client address on certificate login and registration. */
export function certificateThrottleKey(clientKey: string): string {
  return `certificate:ip:${clientKey}`;
}

/** Operations limited by request count (not only failures). */
export type LimitedOperation = 'registration' | 'resend' | 'password_reset' | 'certificate_challenge' | 'certificate_registration' | 'session';

/** The counter of one e-mail address for one operation: hashed, whether or not an account has it. */
export function emailRequestThrottleKey(operation: LimitedOperation, normalizedEmail: string): string {
  return `${operation}:email:${createHash('sha256').update(normalizedEmail).digest('hex')}`;
}

/** The counter of one client address for one operation. */
export function clientRequestThrottleKey(operation: LimitedOperation, clientKey: string): string {
  return `${operation}:ip:${clientKey}`;
}

/**
 * Whether the request's client address is counted on its own: always,
 * except a loopback client when loopback is exempt (development, where
 * every request comes from the developer's machine).
 */
export function countsPerAddress({ services, clientIsLoopback }: { services: { throttlePolicies: { countLoopback: boolean } }; clientIsLoopback: boolean }): boolean {
  return services.throttlePolicies.countLoopback || !clientIsLoopback;
}
