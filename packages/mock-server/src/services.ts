import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PublicConfig } from '@egov/auth-widgets/contract';
import type { AuditLog } from './audit-log.ts';
import type { CertificateService } from './certificates/settings.ts';
import type { TokenLifetimes } from './link-tokens.ts';
import type { OriginPolicy } from './origins.ts';
import type { DevOptions, FaultHooks } from './options.ts';
import type { Mailer, Outbox } from './outbox.ts';
import type { PasswordHasher } from './passwords.ts';
import type { PasswordRules } from './password-policy.ts';
import type { RequestLimits } from './request-limits.ts';
import type { Session, SessionManager } from './sessions.ts';
import type { SiteLinks } from './site-links.ts';
import type { Store } from './store.ts';
import type { Throttle, ThrottlePolicy } from './throttle.ts';
import type { UploadQuota } from './upload-quota.ts';
import type { UploadStore } from './uploads.ts';

/** Everything a route handler may use; built once per server. */
export interface Services {
  store: Store;
  sessions: SessionManager;
  throttle: Throttle;
  throttlePolicies: { account: ThrottlePolicy; guessCap: ThrottlePolicy; ip: ThrottlePolicy | null; countLoopback: boolean };
  passwords: PasswordHasher;
  origins: OriginPolicy;
  log: AuditLog;
  clock: () => number;
  dev: DevOptions;
  /** What `GET /config` answers: password and upload policy, user types. */
  config: PublicConfig;
  passwordRules: PasswordRules;
  uploads: UploadStore;
  /** Disk room for unconfirmed registrations' documents. */
  uploadQuota: UploadQuota;
  outbox: Outbox;
  mailer: Mailer;
  links: SiteLinks;
  tokenLifetimes: TokenLifetimes;
  requestLimits: RequestLimits;
  /** Set when the reviewer operations are on. */
  reviewerToken: string | undefined;
  /** Certificate login and registration; null when no trust anchors are configured (and no test PKI). */
  certificates: CertificateService | null;
  faults: FaultHooks;
}

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  services: Services;
  /** The request's session, or null when the cookie names none (or none that is still valid). */
  session: Session | null;
  /** Random id tying this request's log records together. */
  requestId: string;
  /** Key of the client address for per-address throttling. */
  clientKey: string;
  /** The client connected from a loopback address (a local proxy, a test, the developer). */
  clientIsLoopback: boolean;
  /** Values of the path's `{name}` placeholders, URL-decoded. */
  params: Readonly<Record<string, string>>;
}

export type RouteHandler = (context: RequestContext) => Promise<void>;

export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One API path and its handlers, by method. */
export interface Route {
  /** A path of API_PATHS; `{name}` placeholders match one path segment each. */
  path: string;
  methods: Partial<Record<RouteMethod, RouteHandler>>;
}

/** Methods that change state: they need the CSRF token and an acceptable origin. */
export const STATE_CHANGING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
