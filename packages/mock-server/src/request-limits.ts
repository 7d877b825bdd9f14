import type { AuditLog } from './audit-log.ts';
import { HttpError } from './http.ts';
import type { Throttle, ThrottlePolicy } from './throttle.ts';
import { clientRequestThrottleKey, emailRequestThrottleKey, type LimitedOperation } from './throttle-keys.ts';

export interface RequestLimitPolicies {
  /** Per client address; null when off. */
  client: ThrottlePolicy | null;
  email: ThrottlePolicy;
  /** Count loopback clients per address too (see MockServerOptions.throttle.countLoopback). */
  countLoopback: boolean;
  /** Operations with their own per-address policy instead of `client` (certificate challenges: one per login attempt). */
  clientByOperation?: Partial<Record<LimitedOperation, ThrottlePolicy>>;
}

/** Who is asking: the request's client address and whether it is a loopback one. */
export interface Requester {
  clientKey: string;
  clientIsLoopback: boolean;
  requestId: string;
}

/**
 * Request-count limits on the operations anyone can call without an account
 * and that send e-mail (SECURITY.md 14): registration, resend confirmation,
 * password reset request. Each counts every request — a valid one too —
 * per client address and per e-mail address; over the limit the answer is
 * 429 `throttled` with `Retry-After`.
 */
export class RequestLimits {
  readonly #throttle: Throttle;
  readonly #policies: RequestLimitPolicies;
  readonly #log: AuditLog;

  constructor(throttle: Throttle, policies: RequestLimitPolicies, log: AuditLog) {
    this.#throttle = throttle;
    this.#policies = policies;
    this.#log = log;
  }

  /** The longest window of the policies (for forgetting stale counters). */
  get longestWindowMs(): number {
    const own = Object.values(this.#policies.clientByOperation ?? {}).map((policy) => policy.windowMs);
    return Math.max(this.#policies.email.windowMs, this.#policies.client?.windowMs ?? 0, ...own);
  }

  /** Counts the request against the client address; throws 429 when that is over its limit. Off with `client` off. */
  async countClient(operation: LimitedOperation, requester: Requester): Promise<void> {
    const { client, countLoopback, clientByOperation } = this.#policies;
    if (!client || (requester.clientIsLoopback && !countLoopback)) return;
    await this.#hit(operation, clientRequestThrottleKey(operation, requester.clientKey), clientByOperation?.[operation] ?? client, requester);
  }

  /** Counts the request against the e-mail address; throws 429 when that is over its limit. */
  async countEmail(operation: LimitedOperation, normalizedEmail: string, requester: Requester): Promise<void> {
    await this.#hit(operation, emailRequestThrottleKey(operation, normalizedEmail), this.#policies.email, requester, normalizedEmail);
  }

  async #hit(operation: LimitedOperation, key: string, policy: ThrottlePolicy, requester: Requester, email?: string): Promise<void> {
    const decision = await this.#throttle.hit([{ key, policy }]);
    if (decision.allowed) return;
    this.#log.auth(
      'request_throttled',
      { email, kind: operation, retryAfter: decision.retryAfterSeconds, ip: requester.clientKey, requestId: requester.requestId },
      'warn',
    );
    throw new HttpError(429, 'throttled', { retryAfter: decision.retryAfterSeconds });
  }
}
