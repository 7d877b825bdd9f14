/**
 * A simulated browser for the conformance suite: plain HTTP (fetch), its own
 * cookie jar, the CSRF token of its session, and the `Origin` of the site it
 * runs on. Every answer is checked against the contract's OpenAPI document
 * (status documented for the operation, JSON body valid against its schema).
 */
import { AssertionError } from 'node:assert';
import {
  API_PATHS,
  CSRF_HEADER,
  DEV_TOKEN_HEADER,
  REVIEWER_TOKEN_HEADER,
  apiPath,
  type DevOutboxResponse,
  type DevRegistration,
  type DevRegistrationsResponse,
  type ErrorBody,
  type OutboxKind,
  type OutboxMessage,
  type SessionResponse,
} from '@egov/auth-widgets/contract';
import { describeErrors, documentedResponse } from './schemas.ts';
import type { ConformanceSettings } from './settings.ts';

/** How long one request may take before the suite gives up on it. */
const REQUEST_TIMEOUT_MS = 30_000;

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body (undefined when there is none). */
  body: unknown;
  /** `error.code` of an error body. */
  code: string | undefined;
  error: ErrorBody['error'] | undefined;
}

export interface RequestOptions {
  /** Values for `{name}` placeholders of the path template. */
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** A JSON body. */
  json?: unknown;
  /** A multipart body. */
  form?: FormData;
  /** A raw body with its own Content-Type header. */
  raw?: { body: string | Uint8Array; contentType: string };
  /** `true` (default on POST): this session's token; `false`: none; a string: that token. */
  csrf?: boolean | string;
  /** The Origin header: the configured site by default; `null` sends none; a string sends that. */
  origin?: string | null;
  headers?: Record<string, string>;
  /** Development operation: send the development token (and the reviewer token for reviewer operations). */
  dev?: 'dev' | 'reviewer';
  /** Leave the cookie jar out of this request. */
  withoutCookies?: boolean;
}

let browserCount = 0;

export class Browser {
  readonly settings: ConformanceSettings;
  readonly name: string;
  readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(settings: ConformanceSettings, name = `browser ${++browserCount}`) {
    this.settings = settings;
    this.name = name;
  }

  url(pathTemplate: string, options: Pick<RequestOptions, 'params' | 'query'> = {}): string {
    const path = options.params ? apiPath(pathTemplate, options.params) : pathTemplate;
    const query = options.query ? `?${new URLSearchParams(options.query)}` : '';
    return `${this.settings.baseUrl}${path}${query}`;
  }

  cookieHeader(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  #storeCookies(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const separator = pair!.indexOf('=');
      if (separator <= 0) continue;
      const name = pair!.slice(0, separator).trim();
      const value = pair!.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key, val = ''] = attribute.split('=').map((part) => part.trim());
        if (key!.toLowerCase() === 'max-age') return Number(val) <= 0;
        if (key!.toLowerCase() === 'expires') return Date.parse(val) <= Date.now();
        return false;
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** One request to a contract operation; the answer is checked against the OpenAPI document. */
  async request(method: 'GET' | 'POST', pathTemplate: string, options: RequestOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': 'en' };
    if (options.origin !== null) headers.Origin = options.origin ?? this.settings.origin;
    const csrf = options.csrf ?? method === 'POST';
    if (csrf === true) {
      // Like the widgets: the first POST of a page fetches the session (and its cookie) first.
      if (!this.csrfToken) await this.session();
      headers[CSRF_HEADER] = this.csrfToken!;
    } else if (typeof csrf === 'string') headers[CSRF_HEADER] = csrf;
    const cookie = options.withoutCookies ? undefined : this.cookieHeader();
    if (cookie) headers.Cookie = cookie;
    if (options.dev && this.settings.devToken) headers[DEV_TOKEN_HEADER] = this.settings.devToken;
    if (options.dev === 'reviewer' && this.settings.reviewerToken) headers[REVIEWER_TOKEN_HEADER] = this.settings.reviewerToken;
    let body: string | Uint8Array | FormData | undefined;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) {
      body = options.form;
    } else if (options.raw) {
      headers['Content-Type'] = options.raw.contentType;
      body = options.raw.body;
    }
    Object.assign(headers, options.headers);

    const url = this.url(pathTemplate, options);
    const where = `${method} ${url.replace(this.settings.baseUrl, '')}`;
    let response: Response;
    try {
      response = await fetch(url, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (error) {
      throw new Error(`${where}: no answer (${(error as Error).cause ?? (error as Error).message})`);
    }
    const text = await response.text();
    this.#storeCookies(response.headers);
    const reply = this.#check(method, pathTemplate, where, response, text);
    const token = (reply.body as Partial<SessionResponse> | undefined)?.csrfToken;
    if (reply.status < 300 && typeof token === 'string') this.csrfToken = token;
    return reply;
  }

  #check(method: string, pathTemplate: string, where: string, response: Response, text: string): Reply {
    const documented = documentedResponse(method, pathTemplate, response.status);
    const excerpt = text.length > 300 ? `${text.slice(0, 300)}…` : text;
    if (!documented) {
      throw new AssertionError({ message: `${where} answered ${response.status} ${excerpt}: a status the contract does not document for this operation` });
    }
    let body: unknown;
    const contentType = response.headers.get('content-type') ?? '';
    if (documented.validate) {
      if (!/^application\/json\b/i.test(contentType)) {
        throw new AssertionError({ message: `${where} answered ${response.status} with Content-Type ${JSON.stringify(contentType)}, not application/json` });
      }
      try {
        body = JSON.parse(text);
      } catch {
        throw new AssertionError({ message: `${where} answered ${response.status} with a body that is not JSON: ${excerpt}` });
      }
      if (!documented.validate(body)) {
        throw new AssertionError({
          message: `${where} answered ${response.status} with a body that does not match the contract: ${describeErrors(documented.validate)}; body ${excerpt}`,
        });
      }
    } else if (documented.mediaTypes.length === 0 && text !== '') {
      throw new AssertionError({ message: `${where} answered ${response.status} with a body where the contract has none: ${excerpt}` });
    }
    const error = (body as Partial<ErrorBody> | undefined)?.error;
    return { status: response.status, headers: response.headers, text, body, code: error?.code, error };
  }

  get(pathTemplate: string, options: RequestOptions = {}): Promise<Reply> {
    return this.request('GET', pathTemplate, options);
  }

  post(pathTemplate: string, json?: unknown, options: RequestOptions = {}): Promise<Reply> {
    return this.request('POST', pathTemplate, { ...options, ...(json !== undefined ? { json } : {}) });
  }

  /** `GET /session`: the session (created if needed) and its CSRF token. */
  async session(): Promise<SessionResponse> {
    const reply = await this.get(API_PATHS.session);
    if (reply.status !== 200) throw new AssertionError({ message: `GET /session answered ${reply.status}` });
    return reply.body as SessionResponse;
  }

  login(email: string, password: string, options: RequestOptions = {}): Promise<Reply> {
    return this.post(API_PATHS.passwordLogin, { email, password }, options);
  }

  // ------------------------------------------------------------ development operations

  /** Every message the backend "sent" to an address (development operation). */
  async outbox(to: string): Promise<OutboxMessage[]> {
    const reply = await this.get(API_PATHS.devOutbox, { query: { to }, dev: 'dev' });
    if (reply.status !== 200) throw new AssertionError({ message: `GET /dev/outbox answered ${reply.status} ${reply.text}: the development operations must be on (and their token given)` });
    return (reply.body as DevOutboxResponse).messages;
  }

  /**
   * Waits (briefly: a backend may send e-mails asynchronously) until a
   * message of `kind` to `to` is in the outbox beyond the first `skip`, and
   * returns the newest.
   */
  async waitForMessage(to: string, kind: OutboxKind, skip = 0, timeoutMs = 5_000): Promise<OutboxMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const messages = (await this.outbox(to)).filter((message) => message.kind === kind);
      if (messages.length > skip) return messages.at(-1)!;
      if (Date.now() > deadline) {
        throw new AssertionError({ message: `no ${kind} e-mail to ${to} in the outbox within ${timeoutMs} ms (found ${messages.length}, expected more than ${skip})` });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Registrations the reviewer sees (development operation). */
  async registrations(state?: string): Promise<DevRegistration[]> {
    const reply = await this.get(API_PATHS.devRegistrations, { ...(state ? { query: { state } } : {}), dev: 'reviewer' });
    if (reply.status !== 200) throw new AssertionError({ message: `GET /dev/registrations answered ${reply.status} ${reply.text}: the reviewer operations must be on (and their tokens given)` });
    return (reply.body as DevRegistrationsResponse).registrations;
  }
}

/** The token of a confirmation or reset link: its `token` query parameter, or `token` in the fragment. */
export function tokenFromLink(link: string | undefined): string {
  if (!link) throw new AssertionError({ message: 'the e-mail has no link' });
  const url = new URL(link);
  const token = url.searchParams.get('token') ?? new URLSearchParams(url.hash.replace(/^#/, '')).get('token');
  if (!token) throw new AssertionError({ message: `no token parameter in the link ${link.replace(/token=[^&#]*/g, 'token=…')}` });
  return token;
}
