import { emailFingerprint, maskEmail, type LogEntry, type Logger } from './logger.ts';

/** Fields an auth event may carry. There is deliberately no field for a password, token or session id. */
export interface AuthEventFields {
  /** Normalized e-mail; logged masked and as a keyed fingerprint, never in full. */
  email?: string;
  outcome?: string;
  acr?: string;
  retryAfter?: number;
  ip?: string;
  requestId?: string;
  /** E-mail kind, or the throttled operation. */
  kind?: string;
  locale?: string;
  messageId?: string;
  registrationId?: string;
  /** Field name → error code of a refused request (names and codes only, never values). */
  fields?: Record<string, string>;
  /**
   * A certificate identity's fingerprint: the start of its keyed hash, never
   * the personal number, so one person's log lines can be correlated.
   */
  certificate?: string;
  /** The issuing CA's common name (not personal data). */
  issuer?: string;
}

/**
 * Writes one JSON record per auth event and per unexpected error, timed by
 * the injected clock, with e-mail addresses masked and fingerprinted.
 */
export class AuditLog {
  readonly #logger: Logger;
  readonly #clock: () => number;
  readonly #fingerprintKey: string;

  constructor(logger: Logger, clock: () => number, fingerprintKey: string) {
    this.#logger = logger;
    this.#clock = clock;
    this.#fingerprintKey = fingerprintKey;
  }

  #write(level: LogEntry['level'], event: string, fields: Record<string, unknown>): void {
    const entry: LogEntry = { time: new Date(this.#clock()).toISOString(), level, event };
    for (const [name, value] of Object.entries(fields)) if (value !== undefined) entry[name] = value;
    try {
      this.#logger(entry);
    } catch {
      // A broken log sink must not turn a login into a 500.
    }
  }

  auth(event: string, fields: AuthEventFields, level: LogEntry['level'] = 'info'): void {
    const { email, ...rest } = fields;
    this.#write(level, event, {
      ...rest,
      ...(email === undefined ? {} : { account: maskEmail(email), accountFingerprint: emailFingerprint(this.#fingerprintKey, email) }),
    });
  }

  info(event: string, fields: Record<string, unknown> = {}): void {
    this.#write('info', event, fields);
  }

  /** An unexpected failure: the error's name, message and stack only; never request bodies or headers. */
  error(event: string, error: unknown, fields: Record<string, unknown> = {}): void {
    const detail =
      error instanceof Error
        ? { name: error.name, message: error.message.slice(0, 500), stack: error.stack?.split('\n').slice(1, 8).map((l) => l.trim()) }
        : { name: typeof error };
    this.#write('error', event, { ...fields, error: detail });
  }
}
