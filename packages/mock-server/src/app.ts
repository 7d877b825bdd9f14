import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEV_TOKEN_HEADER } from '@egov/auth-widgets/contract';
import { AuditLog } from './audit-log.ts';
import { clientAddressKey, isLoopbackAddress } from './client-address.ts';
import { HttpError, SECURITY_HEADERS, sendError } from './http.ts';
import { jsonLinesLogger } from './logger.ts';
import { KeyedMutex } from './mutex.ts';
import {
  DEFAULT_BASE_PATH,
  DEFAULT_DATA_DIR,
  DEFAULT_HOST,
  DEFAULT_PORT,
  isLoopbackHost,
  isUnspecifiedHost,
  normalizeBasePath,
  type MockServerOptions,
} from './options.ts';
import { DEFAULT_CORS_HEADERS, OriginPolicy } from './origins.ts';
import { PasswordHasher } from './passwords.ts';
import { devAccountsRoute } from './routes/dev-accounts-route.ts';
import { logoutRoute } from './routes/logout-route.ts';
import { passwordLoginRoute } from './routes/password-login-route.ts';
import { sessionRoute } from './routes/session-route.ts';
import { STATE_CHANGING_METHODS, type RequestContext, type Route, type RouteMethod, type Services } from './services.ts';
import { DEFAULT_SESSION_POLICY, SessionManager, type CookieSettings } from './sessions.ts';
import { Store } from './store.ts';
import { DEFAULT_ACCOUNT_POLICY, DEFAULT_IP_POLICY, Throttle } from './throttle.ts';

export interface MockServer {
  /** The underlying node:http server. */
  server: Server;
  /** Opens the store and listens; resolves with the server's URL (`http://127.0.0.1:8787`) and the API base URL. */
  listen(port?: number, host?: string): Promise<{ url: string; apiUrl: string }>;
  /** Stops accepting connections, lets running requests finish (briefly), closes the store. */
  close(): Promise<void>;
  /** The store, once open (for seeding and tests). */
  store(): Promise<Store>;
}

/** How often expired sessions and stale throttle counters are deleted, at most. */
const HOUSEKEEPING_INTERVAL_MS = 10 * 60_000;
/** How long close() waits for running requests before cutting connections. */
const CLOSE_GRACE_MS = 3_000;

function formatHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * The reference backend: the kit's contract over node:http, with a
 * persistent store, sessions, CSRF and origin checks, throttling and
 * (when enabled) development operations.
 */
export function createMockServer(options: MockServerOptions = {}): MockServer {
  const clock = options.clock ?? Date.now;
  const logger = options.logger ?? jsonLinesLogger;
  const basePath = normalizeBasePath(options.basePath ?? DEFAULT_BASE_PATH);
  const dev = { enabled: options.dev?.enabled ?? false, token: options.dev?.token || undefined };
  const sessionPolicy = { ...DEFAULT_SESSION_POLICY, ...options.session };
  const accountPolicy = { ...DEFAULT_ACCOUNT_POLICY, ...options.throttle?.account };
  const ipPolicy = options.throttle?.ip === false ? null : { ...DEFAULT_IP_POLICY, ...options.throttle?.ip };
  const publicOrigin = options.publicUrl ? new URL(options.publicUrl).origin : null;
  const origins = new OriginPolicy(options.allowedOrigins ?? [], {
    allowHeaders: dev.enabled ? [...DEFAULT_CORS_HEADERS, DEV_TOKEN_HEADER] : DEFAULT_CORS_HEADERS,
    maxAgeSeconds: 600,
  });
  if (publicOrigin) origins.setOwnOrigins([publicOrigin]);

  const server = createServer();
  // Slow or stalled clients must not hold connections forever.
  server.requestTimeout = 30_000;
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

  const ready: Promise<Services> = (async () => {
    const store = await Store.open(options.dbUrl ? { url: options.dbUrl } : { dataDir: options.dataDir ?? DEFAULT_DATA_DIR });
    const passwords = new PasswordHasher();
    await passwords.prepare();
    return {
      store,
      sessions: new SessionManager({ store, clock, policy: sessionPolicy, cookie: cookieSettings }),
      throttle: new Throttle(store, clock),
      throttlePolicies: { account: accountPolicy, ip: ipPolicy, countLoopback: options.throttle?.countLoopback ?? false },
      passwords,
      origins,
      log: new AuditLog(logger, clock, await store.secret('log-fingerprint')),
      clock,
      dev,
      loginLocks: new KeyedMutex(),
    };
  })();
  // Reported by listen()/store(); this keeps an early failure from being an unhandled rejection.
  ready.catch(() => undefined);

  let lastHousekeeping = Number.NEGATIVE_INFINITY;
  const housekeeping = async (): Promise<void> => {
    const services = await ready;
    const now = clock();
    if (now - lastHousekeeping < HOUSEKEEPING_INTERVAL_MS) return;
    lastHousekeeping = now;
    await services.sessions.purgeExpired();
    const longestWindow = Math.max(accountPolicy.windowMs, ipPolicy?.windowMs ?? 0);
    await services.store.deleteStaleThrottle(now - longestWindow, now);
  };

  const routes = new Map<string, Route>();
  for (const route of [
    sessionRoute(housekeeping),
    passwordLoginRoute(),
    logoutRoute(),
    ...(dev.enabled ? [devAccountsRoute()] : []),
  ]) {
    routes.set(`${basePath}${route.path}`, route);
  }

  let inFlight = 0;
  let drained: (() => void) | null = null;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomBytes(6).toString('hex');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    let services: Services | null = null;
    try {
      services = await ready;
      origins.applyCors(req, res);
      let pathname: string;
      try {
        pathname = new URL(req.url ?? '/', 'http://server.invalid').pathname;
      } catch {
        throw new HttpError(400, 'bad_request');
      }
      const route = routes.get(pathname);
      if (!route) throw new HttpError(404, 'not_found');
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
      const context: RequestContext = {
        req,
        res,
        services,
        session,
        requestId,
        clientKey: clientAddressKey(req.socket.remoteAddress),
        clientIsLoopback: isLoopbackAddress(req.socket.remoteAddress),
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
      const own = [url];
      if (isLoopbackHost(shownHost) || isUnspecifiedHost(host)) {
        own.push(`http://localhost:${address.port}`, `http://127.0.0.1:${address.port}`, `http://[::1]:${address.port}`);
      }
      if (publicOrigin) own.push(publicOrigin);
      origins.setOwnOrigins([...new Set(own)]);
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
        const services = await ready.catch(() => null);
        await services?.store.close();
      })();
      return closing;
    },
    async store() {
      return (await ready).store;
    },
  };
}

function safePath(req: IncomingMessage): string {
  // Only the path: a query string could carry a token.
  return (req.url ?? '').split('?')[0]!.slice(0, 200);
}
