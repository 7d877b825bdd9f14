import { fileURLToPath } from 'node:url';
import type { Logger } from './logger.ts';
import type { SameSite, SessionPolicy } from './sessions.ts';
import type { ThrottlePolicy } from './throttle.ts';

export interface DevOptions {
  /** Turns on the development-only operations (`/dev/…`); off by default. */
  enabled: boolean;
  /** When set, development operations also need it in the `X-Egov-Dev-Token` header. */
  token?: string;
}

export interface MockServerOptions {
  /** Directory for the database (created if missing). Default: `.data` in this package. */
  dataDir?: string;
  /** A libsql URL instead of `dataDir`, e.g. `file:/var/lib/egov/egov.db`. */
  dbUrl?: string;
  /** Milliseconds since the epoch; every time decision (sessions, throttling, log times) uses it. */
  clock?: () => number;
  /** Other origins allowed to call the API with credentials (CORS) and to send state-changing requests. */
  allowedOrigins?: readonly string[];
  /** The public URL the server is reached at (behind a proxy); its origin counts as the server's own. */
  publicUrl?: string;
  dev?: DevOptions;
  /** Secure cookie attribute. Default: Secure, unless listening on plain-http loopback (with no https `publicUrl`). */
  cookieSecure?: boolean;
  /** SameSite attribute of the session cookie. Default `Lax`; `None` (always Secure) for sites on other domains. */
  cookieSameSite?: SameSite;
  /** Receives log records. Default: JSON lines on stdout. */
  logger?: Logger;
  /** Prefix of every API path. Default `/api`. */
  basePath?: string;
  session?: Partial<SessionPolicy>;
  throttle?: {
    /** Per normalized e-mail. */
    account?: Partial<ThrottlePolicy>;
    /** Per client address; `false` turns it off. */
    ip?: Partial<ThrottlePolicy> | false;
    /**
     * Count loopback clients per address too. Default false: behind a local
     * proxy (the dev server, the test runner) every user arrives from
     * 127.0.0.1, and one shared counter would lock everyone out at once.
     */
    countLoopback?: boolean;
  };
}

/** `.data` next to this package's `src/`, whatever the working directory. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../.data', import.meta.url));

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_BASE_PATH = '/api';

/** `/api/` → `/api`, `/` → `` (API at the root). */
export function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  if (!trimmed.startsWith('/') || /[?#\s]/.test(trimmed)) throw new TypeError(`invalid base path: ${JSON.stringify(basePath)}`);
  return trimmed;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host) || host.toLowerCase().endsWith('.localhost');
}

export function isUnspecifiedHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]' || host === '';
}
