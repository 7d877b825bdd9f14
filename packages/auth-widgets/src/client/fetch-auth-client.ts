import { AuthError, type AuthClient, type RequestOptions } from './auth-client.js';
import {
  API_PATHS,
  CSRF_HEADER,
  isErrorCode,
  type ErrorBody,
  type LoginResponse,
  type PasswordLoginRequest,
  type SessionResponse,
} from './contract.js';

export interface FetchAuthClientOptions {
  /** Absolute base URL of the backend, e.g. `https://auth.example.gov.rs/api`. */
  baseUrl: string;
  /** Sent as `Accept-Language`; read on every request so a locale switch applies at once. */
  locale?: () => string;
  /** Milliseconds before a request is given up as `timeout`. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** The kit's contract over `fetch`, with cookies, the CSRF header, a timeout and abort. */
export class FetchAuthClient implements AuthClient {
  readonly #baseUrl: string;
  readonly #locale: () => string;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;
  #csrfToken: string | undefined;

  constructor(options: FetchAuthClientOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#locale = options.locale ?? (() => 'en');
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  async getSession(options: RequestOptions = {}): Promise<SessionResponse> {
    const session = await this.#request<SessionResponse>('GET', API_PATHS.session, undefined, options);
    this.#csrfToken = session.csrfToken;
    return session;
  }

  async loginWithPassword(request: PasswordLoginRequest, options: RequestOptions = {}): Promise<LoginResponse> {
    const response = await this.#mutate<LoginResponse>(API_PATHS.passwordLogin, request, options);
    // The session id changed on login; so did its CSRF token.
    this.#csrfToken = response.csrfToken;
    return response;
  }

  async logout(options: RequestOptions = {}): Promise<void> {
    await this.#mutate<void>(API_PATHS.logout, {}, options);
    this.#csrfToken = undefined;
  }

  /**
   * A state-changing request. The CSRF token comes from the session; when the
   * backend says it is stale (its session expired), fetch a new one and try once more.
   */
  async #mutate<T>(path: string, body: unknown, options: RequestOptions): Promise<T> {
    if (!this.#csrfToken) await this.getSession(options);
    try {
      return await this.#request<T>('POST', path, body, options);
    } catch (error) {
      if (!(error instanceof AuthError) || error.code !== 'csrf_failed') throw error;
      await this.getSession(options);
      return this.#request<T>('POST', path, body, options);
    }
  }

  async #request<T>(method: string, path: string, body: unknown, options: RequestOptions): Promise<T> {
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': this.#locale(),
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && this.#csrfToken) headers[CSRF_HEADER] = this.#csrfToken;

    let response: Response;
    try {
      response = await this.#fetch(`${this.#baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'include',
        cache: 'no-store',
        signal,
      });
    } catch {
      if (options.signal?.aborted) throw new AuthError('aborted');
      if (timeout.aborted) throw new AuthError('timeout');
      throw new AuthError('network_error');
    }
    if (response.status === 204) return undefined as T;
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch {
      if (timeout.aborted) throw new AuthError('timeout', response.status);
      throw new AuthError(response.ok ? 'bad_response' : response.status >= 500 ? 'internal_error' : 'bad_response', response.status);
    }
    if (response.ok) return parsed as T;
    throw toAuthError(parsed, response);
  }
}

function toAuthError(parsed: unknown, response: Response): AuthError {
  const error = (parsed as Partial<ErrorBody> | null)?.error;
  if (!error || !isErrorCode(error.code)) {
    return new AuthError(response.status >= 500 ? 'internal_error' : 'bad_response', response.status);
  }
  const headerRetry = Number(response.headers.get('Retry-After'));
  const retryAfter =
    typeof error.retryAfter === 'number' ? error.retryAfter : Number.isFinite(headerRetry) && headerRetry > 0 ? headerRetry : undefined;
  return new AuthError(error.code, response.status, {
    fields: error.fields,
    retryAfter,
    reason: typeof error.reason === 'string' ? error.reason : undefined,
  });
}
