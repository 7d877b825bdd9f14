/**
 * The backend contract of the eGov Auth Kit: paths, bodies and error codes.
 *
 * This module is the one place both sides read: the widgets' fetch client
 * and the reference backend (`@egov/mock-server`) import it, so a renamed
 * field or code fails to compile on both sides at once. It has no runtime
 * dependencies and no side effects.
 */

/** Paths relative to the configured backend base URL. */
export const API_PATHS = {
  session: '/session',
  logout: '/logout',
  passwordLogin: '/login/password',
  /** Development-only operations (off unless the server enables them). */
  devAccounts: '/dev/accounts',
} as const;

/** Header that carries the anti-CSRF token on every state-changing request. */
export const CSRF_HEADER = 'X-CSRF-Token';

/** Level of assurance of a session: password is basic, certificate is high. */
export type Acr = 'basic' | 'high';

/** Lifecycle of an account, as the portal's guide describes it. */
export const ACCOUNT_STATES = ['unconfirmed', 'pending_review', 'active', 'rejected'] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

export interface SessionUser {
  email: string;
  acr: Acr;
}

/** `GET /session`: who is logged in, and the CSRF token for this session. */
export interface SessionResponse {
  authenticated: boolean;
  user?: SessionUser;
  csrfToken: string;
}

/** `POST /login/password` body. */
export interface PasswordLoginRequest {
  email: string;
  password: string;
}

/** `POST /login/password` success: a new session (the id changes on every login). */
export interface LoginResponse {
  user: SessionUser;
  csrfToken: string;
}

/**
 * Every error code a backend may answer with. The widgets map each to their
 * own localized text; server-provided text is never rendered as markup.
 */
export const ERROR_CODES = [
  // request shape and transport
  'bad_request',
  'validation_failed',
  'payload_too_large',
  'unsupported_media_type',
  'not_found',
  'method_not_allowed',
  'not_implemented',
  'internal_error',
  // CSRF, origin, session
  'csrf_failed',
  'origin_not_allowed',
  'unauthenticated',
  // login
  'invalid_credentials',
  'email_not_confirmed',
  'pending_review',
  'account_rejected',
  'throttled',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes a field may carry in `error.fields`. */
export const FIELD_ERROR_CODES = ['required', 'invalid_email', 'too_long', 'invalid_type', 'unknown_field'] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export interface ErrorBody {
  error: {
    code: ErrorCode;
    /** Field name → code, for `validation_failed`. */
    fields?: Record<string, FieldErrorCode>;
    /** Seconds to wait, for `throttled` (the same number as the `Retry-After` header). */
    retryAfter?: number;
    /** The reviewer's reason, for `account_rejected`. Plain text. */
    reason?: string;
  };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Limits both sides agree on. */
export const LIMITS = {
  emailMaxLength: 254,
  /** A password longer than this is refused, never truncated (SECURITY.md 1). */
  passwordMaxLength: 128,
  /** Largest JSON body the backend reads. */
  jsonBodyMaxBytes: 16 * 1024,
} as const;

/** Development-only: `POST /dev/accounts` creates a test account in any state. */
export interface DevAccountRequest {
  email: string;
  password: string;
  state: AccountState;
  rejectionReason?: string;
}

/** Header that carries the development token for the development operations. */
export const DEV_TOKEN_HEADER = 'X-Egov-Dev-Token';

/**
 * E-mail as an account key: trimmed and lower-cased, so "Test@x.rs " and
 * "test@x.rs" are the same account and share one throttling counter.
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Passwords are compared after NFKC normalization (SECURITY.md 3). */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A deliberately loose check: the confirmation e-mail is the real proof. */
export function isPlausibleEmail(email: string): boolean {
  const trimmed = email.trim();
  return trimmed.length <= LIMITS.emailMaxLength && EMAIL_PATTERN.test(trimmed);
}
