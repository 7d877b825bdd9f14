import { createHash } from 'node:crypto';

/** The throttle key of an account: a hash of the normalized e-mail, whether or not the account exists. */
export function accountThrottleKey(normalizedEmail: string): string {
  return `account:${createHash('sha256').update(normalizedEmail).digest('hex')}`;
}

/** The throttle key of a client address (see `clientAddressKey`). */
export function clientThrottleKey(clientKey: string): string {
  return `ip:${clientKey}`;
}

/** The failure counter of a client address on certificate login and registration. */
export function certificateThrottleKey(clientKey: string): string {
  return `certificate:ip:${clientKey}`;
}

/** Operations limited by request count (not only failures). */
export type LimitedOperation = 'registration' | 'resend' | 'password_reset' | 'certificate_challenge' | 'certificate_registration';

/** The counter of one e-mail address for one operation: hashed, whether or not an account has it. */
export function emailRequestThrottleKey(operation: LimitedOperation, normalizedEmail: string): string {
  return `${operation}:email:${createHash('sha256').update(normalizedEmail).digest('hex')}`;
}

/** The counter of one client address for one operation. */
export function clientRequestThrottleKey(operation: LimitedOperation, clientKey: string): string {
  return `${operation}:ip:${clientKey}`;
}
