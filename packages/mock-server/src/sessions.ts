import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CSRF_HEADER, type Acr, type CsrfFailureCause } from '@egov/auth-widgets/contract';
import { HttpError } from './http.ts';
import type { AccountRecord, SessionWithAccount, Store } from './store.ts';

export const SESSION_COOKIE = 'egov_sid';
/**
 * The name whenever the cookie is `Secure`: browsers accept a `__Host-`
 * cookie only from a secure origin, for `Path=/`, without `Domain`, so a
 * sibling subdomain (`evil.portal.gov.rs`) cannot plant or overwrite it.
 */
export const HOST_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

/** The session cookie's name for these settings: `__Host-egov_sid` when Secure, else `egov_sid` (plain-http development). */
export function sessionCookieName(settings: CookieSettings): string {
  return isSecure(settings) ? HOST_SESSION_COOKIE : SESSION_COOKIE;
}

/** SameSite=None is only honoured on Secure cookies: such a cookie is always Secure. */
function isSecure({ secure, sameSite }: CookieSettings): boolean {
  return secure || sameSite === 'None';
}

/** 32 random bytes, base64url: 256 bits, well above the 128 the rules ask for. */
const ID_BYTES = 32;
const ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** Writing last-seen on every request would turn each GET into a write; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export interface SessionPolicy {
  /** A session unused for this long ends. */
  idleTimeoutMs: number;
  /** A session ends this long after it began, used or not. */
  absoluteTimeoutMs: number;
}

export const DEFAULT_SESSION_POLICY: Readonly<SessionPolicy> = Object.freeze({
  idleTimeoutMs: 30 * 60_000,
  absoluteTimeoutMs: 12 * 60 * 60_000,
});

export type SameSite = 'Lax' | 'Strict' | 'None';

export interface CookieSettings {
  secure: boolean;
  sameSite: SameSite;
}

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** Compares two secrets without leaking where they differ (hashing first evens out the lengths). */
export function secretsEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right) && a.length === b.length;
}

/** The session id under exactly this cookie name (a Secure deployment never reads the unprefixed one). */
function readSessionCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    if (ID_PATTERN.test(value)) return value;
  }
  return null;
}

function hasSessionCookie(req: IncomingMessage, name: string): boolean {
  const header = req.headers.cookie;
  return !!header && header.split(';').some((part) => part.split('=', 1)[0]!.trim() === name);
}

function csrfFailureCause(req: IncomingMessage, session: Session | null, name: string): CsrfFailureCause {
  if (session) return 'token_mismatch';
  if (hasSessionCookie(req, name)) return 'unknown_session';
  return req.headers['sec-fetch-site'] === 'cross-site' ? 'cross_site' : 'no_session_cookie';
}

/** A session as the request handlers see it. */
export interface Session {
  idHash: string;
  csrfToken: string;
  /** The logged-in account, only when it is still active. */
  user: { accountId: number; email: string; acr: Acr } | null;
}

/**
 * Session cookies and their rows. The cookie holds a random id; the store
 * holds only its SHA-256, so a copy of the database cannot be replayed as a
 * cookie. Each row has its own CSRF token.
 */
export class SessionManager {
  readonly #store: Store;
  readonly #clock: () => number;
  readonly #policy: SessionPolicy;
  readonly #cookie: () => CookieSettings;

  constructor(options: { store: Store; clock: () => number; policy: SessionPolicy; cookie: () => CookieSettings }) {
    this.#store = options.store;
    this.#clock = options.clock;
    this.#policy = options.policy;
    this.#cookie = options.cookie;
  }

  /** The request's session, when its cookie names one that has not expired; null otherwise. */
  async load(req: IncomingMessage): Promise<Session | null> {
    const id = readSessionCookie(req, sessionCookieName(this.#cookie()));
    if (!id) return null;
    const idHash = hashSessionId(id);
    const row = await this.#store.findSession(idHash);
    if (!row) return null;
    const now = this.#clock();
    if (this.#expired(row, now) || (row.accountId !== null && row.account === null)) {
      await this.#store.deleteSession(idHash);
      return null;
    }
    if (now - row.lastSeenAt >= TOUCH_INTERVAL_MS) await this.#store.touchSession(idHash, now);
    return toSession(row);
  }

  #expired(row: SessionWithAccount, now: number): boolean {
    return now - row.lastSeenAt >= this.#policy.idleTimeoutMs || now - row.createdAt >= this.#policy.absoluteTimeoutMs;
  }

  /** A new pre-login session, with its cookie set on the response. */
  async createAnonymous(res: ServerResponse): Promise<Session> {
    const { id, record } = this.#newRecord(null, null);
    await this.#store.insertSession(record);
    this.#setCookie(res, id);
    return { idHash: record.idHash, csrfToken: record.csrfToken, user: null };
  }

  /**
   * Login: the old session (if any) is deleted and a new one, with a new id
   * and CSRF token, is bound to the account — in one transaction, which also
   * clears the given throttle counters.
   */
  async rotate(
    res: ServerResponse,
    old: Session | null,
    account: AccountRecord,
    acr: Acr,
    clearThrottleKeys: readonly string[] = [],
  ): Promise<Session> {
    const { id, record } = this.#newRecord(account.id, acr);
    await this.#store.replaceSession(old?.idHash ?? null, record, clearThrottleKeys);
    this.#setCookie(res, id);
    return { idHash: record.idHash, csrfToken: record.csrfToken, user: { accountId: account.id, email: account.email, acr } };
  }

  /** Logout: the row goes, and the browser is told to drop the cookie. */
  async destroy(res: ServerResponse, session: Session | null): Promise<void> {
    if (session) await this.#store.deleteSession(session.idHash);
    this.#clearCookie(res);
  }

  /**
   * Refuses (403 `csrf_failed`) unless the CSRF header equals the session's
   * token. The answer says why (`cause`): above all whether the browser sent
   * the session cookie at all, the usual deployment mistake (a page on
   * another site, whose cookie is a third-party cookie).
   */
  verifyCsrf(req: IncomingMessage, session: Session | null): void {
    const header = req.headers[CSRF_HEADER.toLowerCase()];
    if (session && typeof header === 'string' && secretsEqual(header, session.csrfToken)) return;
    throw new HttpError(403, 'csrf_failed', { cause: csrfFailureCause(req, session, sessionCookieName(this.#cookie())) });
  }

  /** Deletes every expired session; returns how many. */
  purgeExpired(): Promise<number> {
    const now = this.#clock();
    return this.#store.deleteExpiredSessions(now - this.#policy.idleTimeoutMs, now - this.#policy.absoluteTimeoutMs);
  }

  #newRecord(accountId: number | null, acr: Acr | null) {
    const id = randomBytes(ID_BYTES).toString('base64url');
    const now = this.#clock();
    return {
      id,
      record: {
        idHash: hashSessionId(id),
        csrfToken: randomBytes(32).toString('base64url'),
        accountId,
        acr,
        createdAt: now,
        lastSeenAt: now,
      },
    };
  }

  #attributes(maxAgeSeconds: number): string {
    const settings = this.#cookie();
    // Path=/ and no Domain: what a __Host- cookie needs, and host-only for the unprefixed one too.
    const attributes = [`Path=/`, `Max-Age=${maxAgeSeconds}`, 'HttpOnly', `SameSite=${settings.sameSite}`];
    if (isSecure(settings)) attributes.push('Secure');
    return attributes.join('; ');
  }

  #setCookie(res: ServerResponse, id: string): void {
    const name = sessionCookieName(this.#cookie());
    res.setHeader('Set-Cookie', `${name}=${id}; ${this.#attributes(Math.floor(this.#policy.absoluteTimeoutMs / 1000))}`);
  }

  #clearCookie(res: ServerResponse): void {
    res.setHeader('Set-Cookie', `${sessionCookieName(this.#cookie())}=; ${this.#attributes(0)}`);
  }
}

function toSession(row: SessionWithAccount): Session {
  const active = row.accountId !== null && row.account !== null && row.account.state === 'active' && row.acr !== null;
  return {
    idHash: row.idHash,
    csrfToken: row.csrfToken,
    user: active ? { accountId: row.accountId!, email: row.account!.email, acr: row.acr! } : null,
  };
}
