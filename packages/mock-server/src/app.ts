import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_PATHS, DEV_TOKEN_HEADER, REVIEWER_TOKEN_HEADER } from '@egov/auth-widgets/contract';
import { AuditLog } from './audit-log.ts';
import { CertificateService, certificateConfig } from './certificates/settings.ts';
import { ClientAddresses, clientAddressKey, isLoopbackAddress } from './client-address.ts';
import { dataFiles } from './data-files.ts';
import { Housekeeping, type HousekeepingReport } from './housekeeping.ts';
import { HttpError, SECURITY_HEADERS, discardRequestBody, sendError } from './http.ts';
import { DEFAULT_TOKEN_LIFETIMES, checkTokenLifetimes } from './link-tokens.ts';
import { jsonLinesLogger } from './logger.ts';
import {
  DEFAULT_ABANDONED_REGISTRATION_MS,
  DEFAULT_BASE_PATH,
  DEFAULT_HOST,
  DEFAULT_PORT,
  isLoopbackHost,
  isUnspecifiedHost,
  normalizeBasePath,
  type MockServerOptions,
} from './options.ts';
import { DEFAULT_CORS_HEADERS, OriginPolicy } from './origins.ts';
import { Mailer, Outbox } from './outbox.ts';
import { PasswordRules } from './password-policy.ts';
import { PasswordHasher } from './passwords.ts';
import { buildPublicConfig } from './public-config.ts';
import { RequestLimits } from './request-limits.ts';
import { Router } from './router.ts';
import { configRoute } from './routes/config-route.ts';
import { confirmEmailRoute } from './routes/confirm-email-route.ts';
import { declineRegistrationRoute } from './routes/decline-registration-route.ts';
import { devAccountsRoute } from './routes/dev-accounts-route.ts';
import { devOutboxRoute } from './routes/dev-outbox-route.ts';
import { devRegistrationDocumentRoute } from './routes/dev-registration-document-route.ts';
import { devRegistrationsRoute } from './routes/dev-registrations-route.ts';
import { devApproveRegistrationRoute, devRejectRegistrationRoute } from './routes/dev-review-routes.ts';
import { certificateChallengeRoute } from './routes/certificate-challenge-route.ts';
import { certificateLoginRoute } from './routes/certificate-login-route.ts';
import { certificateRegistrationRoute } from './routes/certificate-registration-route.ts';
import { devTestTokensRoute } from './routes/dev-test-tokens-route.ts';
import { notImplementedRoute } from './routes/not-implemented-route.ts';
import { passwordResetCheckRoute } from './routes/password-reset-check-route.ts';
import { passwordResetCompleteRoute } from './routes/password-reset-complete-route.ts';
import { passwordResetRequestRoute } from './routes/password-reset-request-route.ts';
import { registrationRoute } from './routes/registration-route.ts';
import { resendConfirmationRoute } from './routes/resend-confirmation-route.ts';
import { logoutRoute } from './routes/logout-route.ts';
import { openApiRoute } from './routes/openapi-route.ts';
import { passwordLoginRoute } from './routes/password-login-route.ts';
import { sessionRoute } from './routes/session-route.ts';
import { STATE_CHANGING_METHODS, type RequestContext, type RouteMethod, type Services } from './services.ts';
import { DEFAULT_SESSION_POLICY, SessionManager, type CookieSettings } from './sessions.ts';
import { DEFAULT_CONFIRM_EMAIL_PATH, DEFAULT_RESET_PASSWORD_PATH, SiteLinks } from './site-links.ts';
import { Store } from './store.ts';
import {
  DEFAULT_ACCOUNT_POLICY,
  DEFAULT_CERTIFICATE_CHALLENGE_POLICY,
  DEFAULT_CLIENT_REQUEST_POLICY,
  DEFAULT_EMAIL_REQUEST_POLICY,
  DEFAULT_GUESS_CAP_POLICY,
  DEFAULT_IP_POLICY,
  DEFAULT_SESSION_CREATION_POLICY,
  Throttle,
} from './throttle.ts';
import type { TestPki } from './test-pki/test-pki.ts';
import { UploadQuota, checkUploadQuota } from './upload-quota.ts';
import { UploadStore } from './uploads.ts';

export interface MockServer {
  /** The underlying node:http server. */
  server: Server;
  /** Opens the store and listens; resolves with the server's URL (`http://127.0.0.1:8787`) and the API base URL. */
  listen(port?: number, host?: string): Promise<{ url: string; apiUrl: string }>;
  /** Stops accepting connections, lets running requests finish (briefly), closes the store. */
  close(): Promise<void>;
  /** The store, once open (for seeding and tests). */
  store(): Promise<Store>;
  /** The outbox of sent e-mails, once open (for tests). */
  outbox(): Promise<Outbox>;
  /**
   * The development test PKI when it is trusted (with `dev`, unless
   * `certificates.testPki` is false): generated into the data directory on
   * first use, read back afterwards. Null when it is not in use.
   */
  testPki(): Promise<TestPki | null>;
  /**
   * Loads certificate trust now rather than at the first certificate
   * request: the test PKI is generated or read, and an expired trusted list
   * or revocation turned off is logged at startup.
   */
  loadCertificates(): Promise<void>;
  /**
   * Runs housekeeping now: expired sessions, stale counters, old link
   * tokens, and registrations unconfirmed past their time, with their files.
   * (It also runs on its own, triggered by traffic, at most every 10 min.)
   */
  housekeeping(): Promise<HousekeepingReport>;
}

/**
 * A request may take this long to arrive: two 3 MB documents over a slow
 * mobile uplink need more than the 30 s a JSON body would.
 */
const REQUEST_TIMEOUT_MS = 120_000;
/** A refused request's rest is discarded up to this size (the largest upload the defaults allow, with room)… */
const DISCARD_MAX_BYTES = 8 * 1024 * 1024;
/** …and for at most this long, before the answer goes out and the connection closes. */
const DISCARD_TIMEOUT_MS = 5_000;
/** How long close() waits for running requests before cutting connections. */
const CLOSE_GRACE_MS = 3_000;

/** A `Host` header's or a configured name's host name: lower case, no port, no brackets, no trailing dot. */
export function hostName(value: string): string {
  const trimmed = value.trim().toLowerCase();
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(trimmed);
  if (bracketed) return bracketed[1]!;
  // A bare IPv6 address has several colons; a name or IPv4 address at most one (before the port).
  const name = (trimmed.match(/:/g) ?? []).length > 1 ? trimmed : trimmed.replace(/:\d*$/, '');
  return name.replace(/\.$/, '');
}

function formatHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * The reference backend: the kit's contract over node:http, with a
 * persistent store, sessions, CSRF and origin checks, throttling,
 * registration with streamed uploads, e-mail links, an outbox and (when
 * enabled) development and reviewer operations.
 */
export function createMockServer(options: MockServerOptions = {}): MockServer {
  const clock = options.clock ?? Date.now;
  const logger = options.logger ?? jsonLinesLogger;
  const basePath = normalizeBasePath(options.basePath ?? DEFAULT_BASE_PATH);
  const dev = { enabled: options.dev?.enabled ?? false, token: options.dev?.token || undefined };
  const sessionPolicy = { ...DEFAULT_SESSION_POLICY, ...options.session };
  const accountPolicy = { ...DEFAULT_ACCOUNT_POLICY, ...options.throttle?.account };
  const guessCapPolicy = { ...DEFAULT_GUESS_CAP_POLICY, ...options.throttle?.guessCap };
  if (!(Number.isInteger(guessCapPolicy.maxFailures) && guessCapPolicy.maxFailures >= 1)) {
    throw new RangeError('the password guess budget must be a whole number of at least 1');
  }
  const ipPolicy = options.throttle?.ip === false ? null : { ...DEFAULT_IP_POLICY, ...options.throttle?.ip };
  const clientRequestPolicy =
    options.throttle?.clientRequests === false ? null : { ...DEFAULT_CLIENT_REQUEST_POLICY, ...options.throttle?.clientRequests };
  const emailRequestPolicy = { ...DEFAULT_EMAIL_REQUEST_POLICY, ...options.throttle?.emailRequests };
  const sessionCreationPolicy = { ...DEFAULT_SESSION_CREATION_POLICY, ...options.throttle?.sessions };
  const certificateChallengePolicy = { ...DEFAULT_CERTIFICATE_CHALLENGE_POLICY, ...options.throttle?.certificateChallenges };
  const files = dataFiles(options);
  // Trust anchors, policies and revocation lists are read and checked now: a bad one stops the server.
  const certificates = certificateConfig(options.certificates, { devEnabled: dev.enabled, testPkiDir: files.testPkiDir });
  const publicOrigin = options.publicUrl ? new URL(options.publicUrl).origin : null;
  // The reviewer operations exist with a reviewer token, development operations on or not.
  const reviewerToken = options.reviewerToken || undefined;
  // Checked now: a bad range stops the server.
  const clientAddresses = new ClientAddresses(options.trustedProxies ?? []);
  // The names this server answers to: configured ones now, the listening ones from listen().
  const ownNames = new Set<string>([...(options.serverNames ?? []), ...(publicOrigin ? [new URL(publicOrigin).host] : [])].map(hostName));
  let forwardingWarned = false;
  const origins = new OriginPolicy(options.allowedOrigins ?? [], {
    allowHeaders: [
      ...DEFAULT_CORS_HEADERS,
      ...(dev.enabled ? [DEV_TOKEN_HEADER] : []),
      ...(reviewerToken ? [REVIEWER_TOKEN_HEADER] : []),
    ],
    maxAgeSeconds: 600,
  });
  if (publicOrigin) origins.setOwnOrigins([publicOrigin]);
  // Policy options are checked here, so a bad value stops the server at once rather than confusing every form.
  const config = buildPublicConfig({
    passwordPolicy: options.passwordPolicy,
    uploads: options.uploads,
    userTypes: options.userTypes,
    loginModes: options.loginModes,
    certificateRegistrationReview: options.certificateRegistrationReview,
    certificationBodies: options.certificationBodies,
    certificatesConfigured: certificates.enabled,
  });
  const tokenLifetimes = checkTokenLifetimes({ ...DEFAULT_TOKEN_LIFETIMES, ...options.tokenLifetimes });
  const uploadQuotaBytes = checkUploadQuota(options.pendingUploadQuotaBytes);
  const abandonedRegistrationMs = options.abandonedRegistrationMs ?? DEFAULT_ABANDONED_REGISTRATION_MS;
  if (!(abandonedRegistrationMs >= tokenLifetimes.confirmEmailMs)) {
    throw new RangeError('abandoned registrations must be kept at least as long as a confirmation link is valid');
  }
  let listeningUrl: string | null = null;
  const links = new SiteLinks(
    {
      siteUrl: options.siteUrl,
      confirmEmailPath: options.confirmEmailPath ?? DEFAULT_CONFIRM_EMAIL_PATH,
      resetPasswordPath: options.resetPasswordPath ?? DEFAULT_RESET_PASSWORD_PATH,
      ...(options.loginPath === undefined ? {} : { loginPath: options.loginPath }),
      ...(options.linkLocaleParam === undefined ? {} : { localeParam: options.linkLocaleParam }),
    },
    origins,
    () => `${publicOrigin ?? listeningUrl ?? 'http://localhost'}/`,
  );

  const server = createServer();
  // Slow or stalled clients must not hold connections forever.
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = 15_000;

  let listenHost: string | null = null;
  const cookieSettings = (): CookieSettings => {
    let secure = options.cookieSecure;
    if (secure === undefined) {
      const host = listenHost ?? (server.address() as AddressInfo | null)?.address ?? '';
      // Plain http on loopback is the local development case; behind an https public URL it is a proxy's backend.
      secure = !isLoopbackHost(host) || publicOrigin?.startsWith('https:') === true;
    }
    return { secure, sameSite: options.cookieSameSite ?? 'Lax' };
  };

  /** The site the signatures bind when no certificate origin is configured: the site URL's origin, else the server's own. */
  const defaultCertificateOrigin = (): string => new URL(options.siteUrl ?? publicOrigin ?? listeningUrl ?? 'http://localhost').origin;

  const ready: Promise<{ services: Services; housekeeping: Housekeeping }> = (async () => {
    const store = await Store.open('url' in files.store ? { url: files.store.url } : { dataDir: files.store.dataDir });
    const outbox = await Outbox.open(files.outbox).catch(async (error: unknown) => {
      await store.close();
      throw error;
    });
    const passwords = new PasswordHasher();
    await passwords.prepare();
    const log = new AuditLog(logger, clock, await store.secret('log-fingerprint'));
    const throttle = new Throttle(store, clock);
    // Loopback is exempt only in development: in production a proxy on this machine must be named (trustedProxies).
    const countLoopback = options.throttle?.countLoopback ?? !dev.enabled;
    const requestLimits = new RequestLimits(
      throttle,
      { client: clientRequestPolicy, email: emailRequestPolicy, countLoopback, clientByOperation: { certificate_challenge: certificateChallengePolicy, session: sessionCreationPolicy } },
      log,
    );
    const services: Services = {
      store,
      sessions: new SessionManager({ store, clock, policy: sessionPolicy, cookie: cookieSettings }),
      throttle,
      throttlePolicies: { account: accountPolicy, guessCap: guessCapPolicy, ip: ipPolicy, countLoopback },
      passwords,
      origins,
      log,
      clock,
      dev,
      config,
      passwordRules: new PasswordRules(config.passwordPolicy),
      uploads: new UploadStore(files.uploadsDir),
      uploadQuota: new UploadQuota(store, uploadQuotaBytes),
      outbox,
      mailer: new Mailer(outbox, log, clock),
      links,
      tokenLifetimes,
      requestLimits,
      reviewerToken,
      certificates: certificates.enabled
        ? new CertificateService(certificates, store, clock, defaultCertificateOrigin, await store.secret('certificate-identity'), log)
        : null,
      faults: options.faults ?? {},
    };
    const housekeeping = new Housekeeping(services, {
      throttleWindowMs: Math.max(accountPolicy.windowMs, ipPolicy?.windowMs ?? 0, requestLimits.longestWindowMs),
      guessCapWindowMs: guessCapPolicy.windowMs,
      abandonedRegistrationMs,
    });
    // Before the first request: no upload can be in progress, so a file without a row is an orphan.
    await housekeeping.removeOrphanUploads();
    await housekeeping.run();
    return { services, housekeeping };
  })();
  // Reported by listen()/store(); this keeps an early failure from being an unhandled rejection.
  ready.catch(() => undefined);

  const housekeepingFromTraffic = async (): Promise<void> => (await ready).housekeeping.maybeRun();

  const router = new Router(basePath);
  for (const route of [
    sessionRoute(housekeepingFromTraffic),
    passwordLoginRoute(),
    openApiRoute(),
    logoutRoute(),
    configRoute(),
    registrationRoute(),
    confirmEmailRoute(),
    declineRegistrationRoute(),
    resendConfirmationRoute(),
    passwordResetRequestRoute(),
    passwordResetCheckRoute(),
    passwordResetCompleteRoute(),
    // Without trust anchors (or the test PKI) nothing can be verified: the operations say so (501).
    ...(certificates.enabled
      ? [certificateChallengeRoute(), certificateLoginRoute(), certificateRegistrationRoute()]
      : [API_PATHS.certificateChallenge, API_PATHS.certificateLogin, API_PATHS.certificateRegistration].map(notImplementedRoute)),
    ...(dev.enabled ? [devAccountsRoute(), devOutboxRoute(), devTestTokensRoute()] : []),
    ...(reviewerToken
      ? [devRegistrationsRoute(), devRegistrationDocumentRoute(), devApproveRegistrationRoute(), devRejectRegistrationRoute()]
      : []),
  ]) {
    router.add(route);
  }

  /** Refuses a request whose `Host` is not one of this server's names (421), or has none (400). */
  function checkHost(req: IncomingMessage): void {
    const host = req.headers.host;
    if (!host) throw new HttpError(400, 'bad_request');
    if (!ownNames.has(hostName(host))) throw new HttpError(421, 'misdirected_request');
  }

  let inFlight = 0;
  let drained: (() => void) | null = null;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomBytes(6).toString('hex');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    let services: Services | null = null;
    try {
      services = (await ready).services;
      checkHost(req);
      origins.applyCors(req, res);
      let pathname: string;
      try {
        pathname = new URL(req.url ?? '/', 'http://server.invalid').pathname;
      } catch {
        throw new HttpError(400, 'bad_request');
      }
      const found = router.match(pathname);
      if (!found) throw new HttpError(404, 'not_found');
      const { route, params } = found;
      const methods = Object.keys(route.methods);
      const method = (req.method ?? 'GET').toUpperCase();
      if (method === 'OPTIONS') {
        origins.preflight(req, res, methods);
        return;
      }
      const handler = route.methods[method as RouteMethod];
      if (!handler) {
        throw new HttpError(405, 'method_not_allowed', { headers: { Allow: [...methods, 'OPTIONS'].join(', ') } });
      }
      // Origin first: a cross-site request is refused before anything is read or written.
      if (STATE_CHANGING_METHODS.has(method)) origins.verifyRequestOrigin(req);
      const session = await services.sessions.load(req);
      if (STATE_CHANGING_METHODS.has(method)) services.sessions.verifyCsrf(req, session);
      const client = clientAddresses.resolve(req);
      if (client.untrustedForwarding && !forwardingWarned && isLoopbackAddress(req.socket.remoteAddress)) {
        // A proxy on this machine that is not trusted: every client would be counted as 127.0.0.1.
        forwardingWarned = true;
        services.log.auth('forwarding_ignored', { requestId, kind: 'proxy headers from an untrusted address: set trustedProxies (--trusted-proxy 127.0.0.1)' }, 'warn');
      }
      const context: RequestContext = {
        req,
        res,
        services,
        session,
        requestId,
        clientKey: clientAddressKey(client.address),
        clientIsLoopback: isLoopbackAddress(client.address),
        params,
      };
      await handler(context);
    } catch (error) {
      if (!(error instanceof HttpError)) {
        if (services) services.log.error('internal_error', error, { requestId, method: req.method, path: safePath(req) });
        else logger({ time: new Date(clock()).toISOString(), level: 'error', event: 'internal_error', requestId });
      }
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const answer = error instanceof HttpError ? error : new HttpError(500, 'internal_error');
      // A refused upload may still be arriving: let a bounded rest of it in (unread) so the client sees the answer.
      await discardRequestBody(req, { maxBytes: DISCARD_MAX_BYTES, timeoutMs: DISCARD_TIMEOUT_MS });
      if (res.headersSent || res.destroyed) return;
      // The body was not read to the end: close instead of parsing leftovers as a next request.
      if (!req.complete) res.setHeader('Connection', 'close');
      // Set-Cookie belongs to a success only; an error after it was set must not half-apply a login.
      res.removeHeader('Set-Cookie');
      sendError(res, answer);
    }
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    res.on('close', () => {
      inFlight -= 1;
      if (inFlight === 0 && drained) drained();
    });
    void handle(req, res);
  });

  let closing: Promise<void> | null = null;

  return {
    server,
    async listen(port = DEFAULT_PORT, host = DEFAULT_HOST) {
      await ready;
      await new Promise<void>((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        server.once('error', onError);
        server.listen(port, host, () => {
          server.off('error', onError);
          resolve();
        });
      });
      listenHost = host;
      const address = server.address() as AddressInfo;
      const shownHost = isUnspecifiedHost(host) ? '127.0.0.1' : host;
      const url = `http://${formatHost(shownHost)}:${address.port}`;
      listeningUrl = url;
      const own = [url];
      if (isLoopbackHost(shownHost) || isUnspecifiedHost(host)) {
        own.push(`http://localhost:${address.port}`, `http://127.0.0.1:${address.port}`, `http://[::1]:${address.port}`);
      }
      if (publicOrigin) own.push(publicOrigin);
      origins.setOwnOrigins([...new Set(own)]);
      ownNames.add(hostName(shownHost));
      if (isLoopbackHost(shownHost) || isUnspecifiedHost(host)) for (const name of ['localhost', '127.0.0.1', '::1']) ownNames.add(name);
      return { url, apiUrl: `${url}${basePath}` };
    },
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          if (!server.listening) return resolve();
          server.close(() => resolve());
          server.closeIdleConnections();
          setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
        });
        if (inFlight > 0) {
          await new Promise<void>((resolve) => {
            drained = resolve;
            setTimeout(resolve, CLOSE_GRACE_MS).unref();
          });
        }
        const opened = await ready.catch(() => null);
        await opened?.services.store.close();
        await opened?.services.outbox.close();
      })();
      return closing;
    },
    async store() {
      return (await ready).services.store;
    },
    async outbox() {
      return (await ready).services.outbox;
    },
    async testPki() {
      return (await ready).services.certificates?.testPki() ?? null;
    },
    async loadCertificates() {
      await (await ready).services.certificates?.verifier();
    },
    async housekeeping() {
      return (await ready).housekeeping.run();
    },
  };
}

function safePath(req: IncomingMessage): string {
  // Only the path: a query string could carry a token.
  return (req.url ?? '').split('?')[0]!.slice(0, 200);
}
