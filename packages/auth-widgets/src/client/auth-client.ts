import type {
  Accepted,
  CsrfFailureCause,
  CertificateChallenge,
  CertificateProof,
  CertificateRegistrationRequest,
  ConfirmEmailResponse,
  RegistrationDeclined,
  EmailRequest,
  ErrorCode,
  FieldErrorCode,
  LoginResponse,
  PasswordChanged,
  PasswordLoginRequest,
  PasswordResetCompleteRequest,
  PublicConfig,
  ResetLinkChecked,
  RegistrationAccepted,
  RegistrationFields,
  SessionResponse,
} from './contract.js';

/** Failures that happen before a backend answers with a contract error. */
export const TRANSPORT_ERROR_CODES = ['network_error', 'timeout', 'bad_response', 'aborted'] as const;
export type TransportErrorCode = (typeof TRANSPORT_ERROR_CODES)[number];

export type AuthErrorCode = ErrorCode | TransportErrorCode;

/** The one error type an AuthClient throws: a code the widgets map to their own text. */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  constructor(
    readonly code: AuthErrorCode,
    readonly status = 0,
    readonly details: {
      fields?: Record<string, FieldErrorCode>;
      retryAfter?: number;
      reason?: string;
      /** The backend's reason for `csrf_failed` (for the developer's console, never shown). */
      cause?: CsrfFailureCause;
      /**
       * `csrf_failed` even with a fresh token from `GET /session`: the browser
       * did not keep or send the session cookie (a deployment problem, e.g.
       * the page and the API on different sites).
       */
      sessionNotKept?: boolean;
      /**
       * `origin_not_allowed` seen by the client itself: the backend answered,
       * but not to this page's origin (no CORS headers for it), so the browser
       * kept the answer from the page.
       */
      corsRefused?: boolean;
    } = {},
  ) {
    super(`Auth backend error: ${code}${status ? ` (HTTP ${status})` : ''}`);
  }

  /** True when trying again later may succeed (the backend was down, slow or broken). */
  get retryable(): boolean {
    return (
      this.code === 'network_error' ||
      this.code === 'timeout' ||
      this.code === 'bad_response' ||
      this.code === 'internal_error' ||
      this.code === 'service_busy'
    );
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface UploadOptions extends RequestOptions {
  /** Bytes sent so far of the whole request, as the browser reports them. */
  onProgress?: (sent: number, total: number) => void;
}

/**
 * What the widgets need from a backend. `FetchAuthClient` implements it for
 * the kit's contract; a site with another backend writes an adapter, not a fork.
 */
export interface AuthClient {
  getSession(options?: RequestOptions): Promise<SessionResponse>;
  loginWithPassword(request: PasswordLoginRequest, options?: RequestOptions): Promise<LoginResponse>;
  logout(options?: RequestOptions): Promise<void>;
  getConfig(options?: RequestOptions): Promise<PublicConfig>;
  register(fields: RegistrationFields, documents: readonly File[], options?: UploadOptions): Promise<RegistrationAccepted>;
  confirmEmail(token: string, options?: RequestOptions): Promise<ConfirmEmailResponse>;
  /** "This was not me": deletes the unconfirmed registration the confirmation link belongs to. */
  declineRegistration(token: string, options?: RequestOptions): Promise<RegistrationDeclined>;
  resendConfirmation(request: EmailRequest, options?: RequestOptions): Promise<Accepted>;
  requestPasswordReset(request: EmailRequest, options?: RequestOptions): Promise<Accepted>;
  /** Whether a reset link can still set a password (`token_invalid` when not); uses nothing up. */
  checkPasswordResetLink(token: string, options?: RequestOptions): Promise<ResetLinkChecked>;
  completePasswordReset(request: PasswordResetCompleteRequest, options?: RequestOptions): Promise<PasswordChanged>;
  certificateChallenge(options?: RequestOptions): Promise<CertificateChallenge>;
  loginWithCertificate(proof: CertificateProof, options?: RequestOptions): Promise<LoginResponse>;
  registerWithCertificate(request: CertificateRegistrationRequest, options?: RequestOptions): Promise<RegistrationAccepted>;
}
