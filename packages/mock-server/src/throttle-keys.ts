import { createHash } from 'node:crypto';

/** The throttle key of an account: a hash of the normalized e-mail, whether or not the account exists. */
export function accountThrottleKey(normalizedEmail: string): string {
  return `account:${createHash('sha256').update(normalizedEmail).digest('hex')}`;
}

/** The throttle key of a client address (see `clientAddressKey`). */
export function clientThrottleKey(clientKey: string): string {
  return `ip:${clientKey}`;
}
