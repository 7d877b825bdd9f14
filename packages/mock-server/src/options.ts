import { fileURLToPath } from 'node:url';
import type { CertificationBody, PasswordPolicy, PublicConfig, UploadPolicy, UserType } from '@egov/auth-widgets/contract';
import type { CertificateOptions } from './certificates/settings.ts';
import type { TokenLifetimes } from './link-tokens.ts';
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
    /**
     * The absolute guess budget per normalized e-mail: wrong passwords in a
     * row before password login waits for a reset (default 100, failures up
     * to 30 days apart adding up).
     */
    guessCap?: Pick<Partial<ThrottlePolicy>, 'maxFailures' | 'windowMs'>;
    /** Per client address; `false` turns it off. */
    ip?: Partial<ThrottlePolicy> | false;
    /**
     * Count loopback clients per address too. Default: true, except with
     * `dev` (where the dev server and the test runner proxy every request
     * from 127.0.0.1). Behind a proxy on the same machine, name it in
     * `trustedProxies` so each client is counted by its own address.
     */
    countLoopback?: boolean;
    /**
     * Requests (not only failures) per client address on registration,
     * resend and reset request, each operation counted on its own; `false`
     * turns it off. Loopback clients follow `countLoopback`.
     */
    clientRequests?: Partial<ThrottlePolicy> | false;
    /** Requests per normalized e-mail on registration, resend and reset request (each its own counter). */
    emailRequests?: Partial<ThrottlePolicy>;
    /** New sessions per client address (off when `clientRequests` is off). */
    sessions?: Partial<ThrottlePolicy>;
    /** Certificate challenges per client address (off when `clientRequests` is off). */
    certificateChallenges?: Partial<ThrottlePolicy>;
  };
  /**
   * The site the links in e-mails open (SECURITY.md 17). Default: the
   * public URL's origin, else the listening URL. A request whose Origin is
   * allow-listed gets links to that origin instead.
   */
  siteUrl?: string;
  /** Path of the e-mail confirmation page on the site. Default `/confirm-email.html`. */
  confirmEmailPath?: string;
  /** Path of the new-password page on the site. Default `/reset-password.html`. */
  resetPasswordPath?: string;
  /** Path of the login page on the site, the link of the "account active" e-mail. Default: the site itself. */
  loginPath?: string;
  /**
   * How the e-mail links tell the site's page the message's language: this
   * query parameter (default `locale`; `""` for none), unless a page path
   * has a `{locale}` slot (`/{locale}/potvrda`).
   */
  linkLocaleParam?: string;
  /**
   * Turns on the reviewer ("authorized person") operations under
   * `/dev/registrations…`, with or without `dev`: requests must carry it in
   * `X-Egov-Reviewer-Token`. Without it those operations do not exist
   * (404). They never bring the development operations (account seeding,
   * the outbox, the test PKI) with them.
   */
  reviewerToken?: string;
  /**
   * Reverse proxies whose forwarding headers are believed (addresses or
   * CIDR ranges, e.g. `127.0.0.1`, `10.0.0.0/8`): a request from one of
   * them is counted by the client address in `Forwarded` /
   * `X-Forwarded-For`. Forwarding headers from anyone else are ignored.
   */
  trustedProxies?: readonly string[];
  /**
   * Host names clients reach the server by (besides the public URL's and,
   * when bound to loopback or to every address, `localhost`, `127.0.0.1`
   * and `::1`). A request naming any other `Host` is refused with 421
   * (DNS rebinding: a page on `rebind.attacker.example` that resolves to
   * this machine must not talk to it).
   */
  serverNames?: readonly string[];
  /** Password length policy. Default 15 to 128; the minimum never goes below 8. */
  passwordPolicy?: Partial<PasswordPolicy>;
  /** Upload policy. Default 1 to 2 files, 3 MB each, PDF, PNG or JPEG. */
  uploads?: Partial<UploadPolicy>;
  /** User types offered at registration. Default: foreign citizen (documents) and citizen of Serbia (none). */
  userTypes?: readonly UserType[];
  /**
   * Login modes announced in `GET /config`. Default `['certificate', 'password']`
   * when certificates can be verified (`certificates.trustAnchors`, or the test
   * PKI with `dev`), else `['password']`.
   */
  loginModes?: PublicConfig['loginModes'];
  /** Certificate login and registration: trust anchors, policies, revocation, origin, test PKI. */
  certificates?: CertificateOptions;
  /** The CA directory in `GET /config`. Default: the six Serbian certification bodies (`DEFAULT_CERTIFICATION_BODIES`). */
  certificationBodies?: readonly CertificationBody[];
  /** Whether a certificate registration waits for the reviewer after its e-mail is confirmed. Default false (active at once). */
  certificateRegistrationReview?: boolean;
  /** Link lifetimes; at most (and by default) 24 h for confirmation, 60 min for reset. */
  tokenLifetimes?: Partial<TokenLifetimes>;
  /** Registrations still unconfirmed after this long are deleted with their files. Default 48 h. */
  abandonedRegistrationMs?: number;
  /** Directory of uploaded documents. Default `<dataDir>/uploads` (or next to a `file:` database). */
  uploadsDir?: string;
  /**
   * Disk room for the documents of unconfirmed registrations, in bytes
   * (default 2 GiB). Past it a registration is answered 503 `service_busy`
   * with `Retry-After` before its body is read.
   */
  pendingUploadQuotaBytes?: number;
  /** Crash-safety tests only: make a registration fail at a chosen point. */
  faults?: FaultHooks;
}

/** Points where a test can make a registration fail, as a crash there would. */
export interface FaultHooks {
  /** Runs after the uploaded files are on disk, before the database write; throwing fails the request there. */
  afterUploadsWritten?: () => void | Promise<void>;
  /** Return true to make the registration transaction fail after its rows were written, before it commits. */
  failRegistrationTransaction?: () => boolean;
}

/** `.data` next to this package's `src/`, whatever the working directory. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../.data', import.meta.url));

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_BASE_PATH = '/api';
/** Unconfirmed registrations are deleted after 48 h (the confirmation link lasts 24 h; a resend gives another day). */
export const DEFAULT_ABANDONED_REGISTRATION_MS = 48 * 60 * 60_000;

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
