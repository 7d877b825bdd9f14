import { AuthError, type AuthClient, type RequestOptions, type UploadOptions } from './auth-client.js';
import {
  API_PATHS,
  CSRF_HEADER,
  DOCUMENTS_FIELD,
  isCsrfFailureCause,
  isErrorCode,
  type Accepted,
  type CertificateChallenge,
  type CertificateProof,
  type CertificateRegistrationRequest,
  type ConfirmEmailResponse,
  type RegistrationDeclined,
  type EmailRequest,
  type ErrorBody,
  type LoginResponse,
  type PasswordChanged,
  type PasswordLoginRequest,
  type PasswordResetCompleteRequest,
  type PublicConfig,
  type RegistrationAccepted,
  type ResetLinkChecked,
  type RegistrationFields,
  type SessionResponse,
} from './contract.js';

export interface FetchAuthClientOptions {
  /** Absolute base URL of the backend, e.g. `https://auth.example.gov.rs/api`. */
  baseUrl: string;
  /** Sent as `Accept-Language`; read on every request so a locale switch applies at once. */
  locale?: () => string;
  /** Milliseconds before a request is given up as `timeout`. */
  timeoutMs?: number;
  /** Milliseconds an upload (registration with documents) may take; default 2 minutes. */
  uploadTimeoutMs?: number;
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_UPLOAD_TIMEOUT_MS = 120_000;

/** The kit's contract over `fetch`, with cookies, the CSRF header, a timeout and abort. */
export class FetchAuthClient implements AuthClient {
  readonly #baseUrl: string;
  readonly #locale: () => string;
  readonly #timeoutMs: number;
  readonly #uploadTimeoutMs: number;
  readonly #fetch: typeof fetch;
  #csrfToken: string | undefined;

  constructor(options: FetchAuthClientOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#locale = options.locale ?? (() => 'en');
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#uploadTimeoutMs = options.uploadTimeoutMs ?? Math.max(DEFAULT_UPLOAD_TIMEOUT_MS, this.#timeoutMs);
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

  getConfig(options: RequestOptions = {}): Promise<PublicConfig> {
    return this.#request<PublicConfig>('GET', API_PATHS.config, undefined, options);
  }

  /**
   * Sends the registration as multipart/form-data. Uses XMLHttpRequest, not
   * fetch: only XHR reports upload progress, which a person sending two
   * 3 MB scans over a slow line needs to see.
   */
  async register(fields: RegistrationFields, documents: readonly File[], options: UploadOptions = {}): Promise<RegistrationAccepted> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.append(name, value);
    for (const file of documents) form.append(DOCUMENTS_FIELD, file, file.name);
    if (!this.#csrfToken) await this.getSession(options);
    try {
      return await this.#upload<RegistrationAccepted>(API_PATHS.registration, form, options);
    } catch (error) {
      if (!(error instanceof AuthError) || error.code !== 'csrf_failed') throw error;
      await this.getSession(options);
      return this.#upload<RegistrationAccepted>(API_PATHS.registration, form, options).catch(sessionNotKept);
    }
  }

  confirmEmail(token: string, options: RequestOptions = {}): Promise<ConfirmEmailResponse> {
    return this.#mutate<ConfirmEmailResponse>(API_PATHS.confirmEmail, { token }, options);
  }

  declineRegistration(token: string, options: RequestOptions = {}): Promise<RegistrationDeclined> {
    return this.#mutate<RegistrationDeclined>(API_PATHS.declineRegistration, { token }, options);
  }

  resendConfirmation(request: EmailRequest, options: RequestOptions = {}): Promise<Accepted> {
    return this.#mutate<Accepted>(API_PATHS.resendConfirmation, request, options);
  }

  requestPasswordReset(request: EmailRequest, options: RequestOptions = {}): Promise<Accepted> {
    return this.#mutate<Accepted>(API_PATHS.passwordResetRequest, request, options);
  }

  checkPasswordResetLink(token: string, options: RequestOptions = {}): Promise<ResetLinkChecked> {
    return this.#mutate<ResetLinkChecked>(API_PATHS.passwordResetCheck, { token }, options);
  }

  completePasswordReset(request: PasswordResetCompleteRequest, options: RequestOptions = {}): Promise<PasswordChanged> {
    return this.#mutate<PasswordChanged>(API_PATHS.passwordResetComplete, request, options);
  }

  certificateChallenge(options: RequestOptions = {}): Promise<CertificateChallenge> {
    return this.#mutate<CertificateChallenge>(API_PATHS.certificateChallenge, {}, options);
  }

  async loginWithCertificate(proof: CertificateProof, options: RequestOptions = {}): Promise<LoginResponse> {
    const response = await this.#mutate<LoginResponse>(API_PATHS.certificateLogin, proof, options);
    this.#csrfToken = response.csrfToken;
    return response;
  }

  registerWithCertificate(request: CertificateRegistrationRequest, options: RequestOptions = {}): Promise<RegistrationAccepted> {
    return this.#mutate<RegistrationAccepted>(API_PATHS.certificateRegistration, request, options);
  }

  /**
   * A state-changing request. The CSRF token comes from the session; when the
   * backend says it is stale (its session expired), fetch a new one and try
   * once more. When even that fails, the session cookie did not come back:
   * the error says so (`sessionNotKept`).
   */
  async #mutate<T>(path: string, body: unknown, options: RequestOptions): Promise<T> {
    if (!this.#csrfToken) await this.getSession(options);
    try {
      return await this.#request<T>('POST', path, body, options);
    } catch (error) {
      if (!(error instanceof AuthError) || error.code !== 'csrf_failed') throw error;
      await this.getSession(options);
      return this.#request<T>('POST', path, body, options).catch(sessionNotKept);
    }
  }

  /**
   * After a failed fetch to a backend on another origin: is the backend there
   * and refusing this page's origin (CORS), or really unreachable? An opaque
   * `no-cors` request, without cookies, to the side-effect-free `GET /config`
   * tells: it succeeds whenever the backend answers at all.
   */
  async #refusedByCors(signal: AbortSignal): Promise<boolean> {
    let target: URL;
    try {
      target = new URL(`${this.#baseUrl}${API_PATHS.config}`, globalThis.location?.href);
    } catch {
      return false;
    }
    if (!globalThis.location || target.origin === globalThis.location.origin) return false;
    try {
      await this.#fetch(target.href, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal });
      return true;
    } catch {
      return false;
    }
  }

  async #request<T>(method: string, path: string, body: unknown, options: RequestOptions): Promise<T> {
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const headers = this.#headers(method);
    if (body !== undefined) headers['Content-Type'] = 'application/json';

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
      if (await this.#refusedByCors(signal)) throw new AuthError('origin_not_allowed', 0, { corsRefused: true });
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
    throw toAuthError(parsed, response.status, response.headers.get('Retry-After'));
  }

  #headers(method: string): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': this.#locale() };
    if (method !== 'GET' && this.#csrfToken) headers[CSRF_HEADER] = this.#csrfToken;
    return headers;
  }

  #upload<T>(path: string, form: FormData, options: UploadOptions): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (options.signal?.aborted) return reject(new AuthError('aborted'));
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${this.#baseUrl}${path}`);
      xhr.withCredentials = true;
      xhr.timeout = this.#uploadTimeoutMs;
      for (const [name, value] of Object.entries(this.#headers('POST'))) xhr.setRequestHeader(name, value);
      const onAbort = () => xhr.abort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const done = (action: () => void) => {
        options.signal?.removeEventListener('abort', onAbort);
        action();
      };
      if (options.onProgress) {
        const report = options.onProgress;
        xhr.upload.addEventListener('progress', (event) => report(event.loaded, event.lengthComputable ? event.total : 0));
      }
      xhr.addEventListener('abort', () => done(() => reject(new AuthError('aborted'))));
      xhr.addEventListener('timeout', () => done(() => reject(new AuthError('timeout'))));
      xhr.addEventListener('error', () => done(() => reject(new AuthError('network_error'))));
      xhr.addEventListener('load', () =>
        done(() => {
          let parsed: unknown;
          try {
            parsed = JSON.parse(xhr.responseText);
          } catch {
            reject(new AuthError(xhr.status >= 500 ? 'internal_error' : 'bad_response', xhr.status));
            return;
          }
          if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as T);
          else reject(toAuthError(parsed, xhr.status, xhr.getResponseHeader('Retry-After')));
        }),
      );
      xhr.send(form);
    });
  }
}

/** Marks a `csrf_failed` that came even with a fresh token: the browser did not send the session cookie. */
function sessionNotKept(error: unknown): never {
  if (error instanceof AuthError && error.code === 'csrf_failed' && error.details.cause !== 'token_mismatch') {
    throw new AuthError(error.code, error.status, { ...error.details, sessionNotKept: true });
  }
  throw error;
}

function toAuthError(parsed: unknown, status: number, retryAfterHeader: string | null): AuthError {
  const error = (parsed as Partial<ErrorBody> | null)?.error;
  if (!error || !isErrorCode(error.code)) {
    return new AuthError(status >= 500 ? 'internal_error' : 'bad_response', status);
  }
  const headerRetry = Number(retryAfterHeader);
  const retryAfter =
    typeof error.retryAfter === 'number' ? error.retryAfter : Number.isFinite(headerRetry) && headerRetry > 0 ? headerRetry : undefined;
  return new AuthError(error.code, status, {
    fields: error.fields,
    retryAfter,
    reason: typeof error.reason === 'string' ? error.reason : undefined,
    cause: isCsrfFailureCause(error.cause) ? error.cause : undefined,
  });
}
