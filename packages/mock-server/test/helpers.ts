import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  API_PATHS,
  CSRF_HEADER,
  DEV_TOKEN_HEADER,
  type AccountState,
  type ErrorBody,
  type SessionResponse,
} from '@egov/auth-widgets/contract';
import { createMockServer, type MockServer } from '../src/app.ts';
import type { LogEntry } from '../src/logger.ts';
import type { MockServerOptions } from '../src/options.ts';

/** A parsed JSON body, typed loosely so assertions can reach into it (absent parts are undefined at run time). */
export interface LooseJson {
  [key: string]: LooseJson;
}

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** Parsed body; an empty object when the body is not JSON. */
  json: LooseJson;
}

export interface RequestInit {
  method?: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
  /** Connect from this loopback address (e.g. 127.0.0.2): a second client machine, as far as the server can tell. */
  localAddress?: string;
}

/** A raw HTTP request (node:http, so every header — Origin, Sec-Fetch-Site, Cookie — is under the test's control). */
export function request(url: string, init: RequestInit = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: init.method ?? 'GET', headers: init.headers, agent: false, ...(init.localAddress ? { localAddress: init.localAddress } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: LooseJson = {};
        try {
          if (text) json = JSON.parse(text) as LooseJson;
        } catch {
          // not JSON: the test looks at `text`
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

export interface TestServer {
  mock: MockServer;
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  /** e.g. http://127.0.0.1:40123/api */
  api: string;
  dataDir: string;
  logs: LogEntry[];
  /** Closes the server; the data directory stays (for restart tests) until `cleanup`. */
  close(): Promise<void>;
  cleanup(): Promise<void>;
}

export const DEV_TOKEN = 'test-dev-token';
export const REVIEWER_TOKEN = 'test-reviewer-token';

/** A server on 127.0.0.1, a free port, and a fresh temp data directory (unless one is given). */
export async function startServer(options: MockServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'egov-mock-test-'));
  const logs: LogEntry[] = [];
  const mock = createMockServer({
    dev: { enabled: true, token: DEV_TOKEN },
    reviewerToken: REVIEWER_TOKEN,
    logger: (entry) => logs.push(entry),
    ...options,
    dataDir,
  });
  const { url, apiUrl } = await mock.listen(0, '127.0.0.1');
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await mock.close();
  };
  return {
    mock,
    url,
    api: apiUrl,
    dataDir,
    logs,
    close,
    async cleanup() {
      await close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A manual clock for throttling and expiry tests. */
export function manualClock(start = Date.UTC(2030, 0, 1)) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

/** The session cookie in a Set-Cookie header (`egov_sid`, or `__Host-egov_sid` when Secure): its name and value ('' when cleared); null when absent. */
export function sessionCookieOf(headers: IncomingHttpHeaders): { name: string; value: string } | null {
  for (const line of headers['set-cookie'] ?? []) {
    const match = /^((?:__Host-)?egov_sid)=([^;]*)/.exec(line);
    if (match) return { name: match[1]!, value: match[2]! };
  }
  return null;
}

/** The value of the session cookie in a Set-Cookie header, '' when cleared, null when absent. */
export function sessionCookieFrom(headers: IncomingHttpHeaders): string | null {
  return sessionCookieOf(headers)?.value ?? null;
}

/** A browser-like client: keeps the session cookie and the CSRF token. */
export class Browser {
  cookie: string | null = null;
  /** The session cookie's name, as the server set it. */
  cookieName = 'egov_sid';
  csrfToken: string | null = null;
  api: string;
  /** The loopback address this browser connects from (127.0.0.1 unless set): a different client as the server sees it. */
  readonly localAddress: string | undefined;

  constructor(api: string, options: { localAddress?: string } = {}) {
    this.api = api;
    this.localAddress = options.localAddress;
  }

  #remember(reply: Reply): void {
    const set = sessionCookieOf(reply.headers);
    if (set !== null) {
      this.cookie = set.value === '' ? null : set.value;
      this.cookieName = set.name;
    }
    const token: unknown = reply.json.csrfToken;
    if (typeof token === 'string') this.csrfToken = token;
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
    const reply = await request(`${this.api}${path}`, {
      headers: { ...(this.cookie ? { Cookie: `${this.cookieName}=${this.cookie}` } : {}), ...headers },
      localAddress: this.localAddress,
    });
    this.#remember(reply);
    return reply;
  }

  async session(): Promise<SessionResponse> {
    const reply = await this.get(API_PATHS.session);
    if (reply.status !== 200) throw new Error(`GET /session answered ${reply.status}`);
    return reply.json as unknown as SessionResponse;
  }

  /** A JSON POST with the session cookie and (unless `csrf: false`) the CSRF header. */
  async post(
    path: string,
    body: unknown,
    options: { csrf?: boolean | string; headers?: Record<string, string>; raw?: string | Buffer } = {},
  ): Promise<Reply> {
    if (options.csrf !== false && typeof options.csrf !== 'string' && !this.csrfToken) await this.session();
    const payload = options.raw ?? JSON.stringify(body);
    const headers: Record<string, string | number> = {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(payload),
      ...(this.cookie ? { Cookie: `${this.cookieName}=${this.cookie}` } : {}),
    };
    if (typeof options.csrf === 'string') headers[CSRF_HEADER] = options.csrf;
    else if (options.csrf !== false && this.csrfToken) headers[CSRF_HEADER] = this.csrfToken;
    const reply = await request(`${this.api}${path}`, {
      method: 'POST',
      headers: { ...headers, ...options.headers },
      body: payload,
      localAddress: this.localAddress,
    });
    this.#remember(reply);
    return reply;
  }

  login(email: string, password: string): Promise<Reply> {
    return this.post(API_PATHS.passwordLogin, { email, password });
  }

  /** A multipart POST (a registration) with the session cookie and the CSRF header. */
  async postMultipart(path: string, form: { body: Buffer; contentType: string }, headers: Record<string, string> = {}): Promise<Reply> {
    if (!this.csrfToken) await this.session();
    return request(`${this.api}${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': form.contentType,
        'Content-Length': form.body.length,
        ...(this.cookie ? { Cookie: `${this.cookieName}=${this.cookie}` } : {}),
        [CSRF_HEADER]: this.csrfToken!,
        ...headers,
      },
      body: form.body,
      localAddress: this.localAddress,
    });
  }
}

/** Creates (or replaces) an account through the development operation. */
export async function createAccount(
  server: TestServer,
  account: { email: string; password: string; state?: AccountState; rejectionReason?: string },
): Promise<void> {
  const browser = new Browser(server.api);
  const reply = await browser.post(
    API_PATHS.devAccounts,
    { state: 'active', ...account },
    { headers: { [DEV_TOKEN_HEADER]: DEV_TOKEN } },
  );
  if (reply.status !== 201 && reply.status !== 200) throw new Error(`creating ${account.email}: ${reply.status} ${reply.text}`);
}

export function errorCode(reply: Reply): string | undefined {
  return (reply.json as unknown as Partial<ErrorBody>).error?.code;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
