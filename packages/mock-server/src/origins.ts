import type { IncomingMessage, ServerResponse } from 'node:http';
import { CSRF_HEADER } from '@egov/auth-widgets/contract';
import { HttpError } from './http.ts';

/**
 * Canonical form of a configured origin (`https://a.example`), refusing what
 * must never be allow-listed: `*`, `null`, and anything that is not a
 * plain http(s) origin.
 */
export function normalizeOrigin(value: string): string {
  const trimmed = value.trim();
  if (trimmed === '*' || trimmed === 'null') throw new TypeError(`origin ${JSON.stringify(value)} cannot be allow-listed`);
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new TypeError(`not an origin: ${JSON.stringify(value)}`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw new TypeError(`not an http(s) origin: ${JSON.stringify(value)}`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new TypeError(`an origin has no path, query or fragment: ${JSON.stringify(value)}`);
  }
  return url.origin;
}

export interface CorsSettings {
  /** Headers a browser may send cross-origin. */
  allowHeaders: readonly string[];
  /** How long a browser may cache a preflight answer, in seconds. */
  maxAgeSeconds: number;
}

/**
 * Which origins may call the API: the server's own, plus an explicit
 * allow-list (several ministry sites may share one backend). Used both for
 * CORS and for the origin check on state-changing requests.
 */
export class OriginPolicy {
  readonly #allowed: ReadonlySet<string>;
  #own = new Set<string>();
  readonly #cors: CorsSettings;

  constructor(allowedOrigins: readonly string[], cors: CorsSettings) {
    this.#allowed = new Set(allowedOrigins.map(normalizeOrigin));
    this.#cors = cors;
  }

  /** The server's own origins, known once it listens (and from its public URL). */
  setOwnOrigins(origins: readonly string[]): void {
    this.#own = new Set(origins.map(normalizeOrigin));
  }

  get ownOrigins(): readonly string[] {
    return [...this.#own];
  }

  isAllowListed(origin: string): boolean {
    return this.#allowed.has(origin);
  }

  isAllowed(origin: string): boolean {
    return this.#own.has(origin) || this.#allowed.has(origin);
  }

  /**
   * CORS response headers, only for an allow-listed origin; others get none,
   * so the browser keeps the response from them. The response depends on
   * Origin either way, hence `Vary: Origin` on all.
   */
  applyCors(req: IncomingMessage, res: ServerResponse): void {
    res.setHeader('Vary', 'Origin');
    const origin = req.headers.origin;
    if (typeof origin !== 'string' || !this.#allowed.has(origin)) return;
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    // The widget shows the wait from Retry-After; cross-origin scripts only see exposed headers.
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  }

  /** Answers a preflight: 204 with the allowed methods and headers, or 403 for an origin not on the list. */
  preflight(req: IncomingMessage, res: ServerResponse, methods: readonly string[]): void {
    const origin = req.headers.origin;
    if (typeof origin !== 'string') {
      res.statusCode = 204;
      res.setHeader('Allow', [...methods, 'OPTIONS'].join(', '));
      res.end();
      return;
    }
    if (!this.#allowed.has(origin)) throw new HttpError(403, 'origin_not_allowed');
    res.statusCode = 204;
    res.setHeader('Access-Control-Allow-Methods', [...methods, 'OPTIONS'].join(', '));
    res.setHeader('Access-Control-Allow-Headers', this.#cors.allowHeaders.join(', '));
    res.setHeader('Access-Control-Max-Age', String(this.#cors.maxAgeSeconds));
    if (req.headers['access-control-request-private-network'] === 'true') {
      res.setHeader('Access-Control-Allow-Private-Network', 'true');
    }
    res.end();
  }

  /**
   * The origin half of the CSRF defence on state-changing requests: an Origin
   * header must be ours or allow-listed; without one, a browser that says the
   * request comes from another site is refused too.
   */
  verifyRequestOrigin(req: IncomingMessage): void {
    const origin = req.headers.origin;
    if (typeof origin === 'string') {
      if (!this.isAllowed(origin)) throw new HttpError(403, 'origin_not_allowed');
      return;
    }
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') throw new HttpError(403, 'origin_not_allowed');
  }
}

/** Request headers the widgets send cross-origin. */
export const DEFAULT_CORS_HEADERS: readonly string[] = ['Content-Type', CSRF_HEADER, 'Accept-Language'];
