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
  /** `GET`: the backend's public policy (PublicConfig). */
  config: '/config',
  /** `GET`: the OpenAPI 3.1 document of this contract. */
  openapi: '/openapi.json',
  session: '/session',
  logout: '/logout',
  passwordLogin: '/login/password',
  /** `POST` multipart/form-data: RegistrationFields + 1..n `documents` files. */
  registration: '/registrations',
  confirmEmail: '/registrations/confirm',
  /** `POST` DeclineRegistrationRequest: "this was not me" — deletes an unconfirmed registration. */
  declineRegistration: '/registrations/decline',
  resendConfirmation: '/registrations/resend',
  passwordResetRequest: '/password-reset',
  /** `POST` PasswordResetCheckRequest: whether a reset link still works, asked when its page opens; changes nothing. */
  passwordResetCheck: '/password-reset/check',
  passwordResetComplete: '/password-reset/complete',
  certificateChallenge: '/certificate/challenge',
  certificateLogin: '/login/certificate',
  certificateRegistration: '/registrations/certificate',
  /** Development-only operations (off unless the server enables them). */
  devAccounts: '/dev/accounts',
  /** `GET ?to=<e-mail>`: messages the backend "sent" (DevOutboxResponse). */
  devOutbox: '/dev/outbox',
  /** `GET ?state=pending_review`: registrations for the authorized person (DevRegistrationsResponse). */
  devRegistrations: '/dev/registrations',
  /** `GET`: one document, as an attachment. */
  devRegistrationDocument: '/dev/registrations/{id}/documents/{documentId}',
  /** `POST`: the account becomes active. */
  devApproveRegistration: '/dev/registrations/{id}/approve',
  /** `POST` DevRejectRequest: the account becomes rejected, with the reason. */
  devRejectRegistration: '/dev/registrations/{id}/reject',
  /** `GET`: the test PKI's soft tokens (certificates and PKCS#8 keys) for the in-browser SoftAgent. Development only. */
  devTestTokens: '/dev/test-tokens',
} as const;

/** Fills `{name}` placeholders of an API path, URL-encoding each value. */
export function apiPath(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

/** Header that carries the anti-CSRF token on every state-changing request. */
export const CSRF_HEADER = 'X-CSRF-Token';

/**
 * Level of assurance of a session: a password is `basic`, a qualified
 * certificate `high`; a card's authentication certificate (not qualified,
 * accepted only where the backend allows it: `PublicConfig.authenticationCertificates`)
 * is `substantial`.
 */
export type Acr = 'basic' | 'substantial' | 'high';

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
  /** The request's `Host` is not one of the backend's names (421): DNS rebinding, or a misconfigured proxy. */
  'misdirected_request',
  /** Too many logins are being checked at once (503 with `Retry-After`): try again in a moment. */
  'service_busy',
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
  /**
   * Password login for this e-mail is paused after too many wrong passwords
   * in a row (100 by default, NIST SP 800-63B-4): a password reset (or a
   * certificate login) is the way back in. The same for every e-mail.
   */
  'password_login_suspended',
  // e-mail confirmation and password reset links: unknown, used, expired or for another purpose
  'token_invalid',
  // the reviewer operations without the right token
  'forbidden',
  // certificate login and registration (SECURITY.md 32–35): each vector its own code
  /** The challenge nonce is unknown, used, expired, or from another session. */
  'challenge_invalid',
  /** `format` or `algorithm` not on the allow-list (e.g. "none"). */
  'algorithm_not_allowed',
  /** Not a parsable X.509 certificate, or the proof is oversized. */
  'certificate_malformed',
  'certificate_expired',
  'certificate_not_yet_valid',
  /** Does not chain to a configured trust anchor (self-signed, wrong CA). */
  'certificate_untrusted',
  'certificate_revoked',
  /** Lacks digitalSignature (or has a forbidden extended key usage). */
  'certificate_key_usage',
  /** None of its policies is on the qualified-policy allow-list. */
  'certificate_policy',
  /** The signature does not verify over the configured origin and this nonce. */
  'signature_invalid',
  /** No checksum-valid personal number (or other identity) in the subject. */
  'certificate_no_identity',
  /** Valid, but no account is registered for it: offer registration with this certificate. */
  'certificate_not_registered',
  // the operation does not apply in the resource's current state (approving a registration that is not pending review)
  'conflict',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes a field may carry in `error.fields`. */
export const FIELD_ERROR_CODES = [
  'required',
  'invalid_email',
  'too_long',
  'too_short',
  'invalid_type',
  'unknown_field',
  /** Not in the expected form (e.g. a phone number with letters). */
  'invalid_format',
  /** Not one of the allowed values (user type, sex, country). */
  'invalid_choice',
  /** Not a real date, or in the future where a past date is needed. */
  'invalid_date',
  /** The foreigner's registration number's control digit is wrong. */
  'invalid_checksum',
  /** The password is on the list of common or breached passwords. */
  'common_password',
  /** The password contains the e-mail's local part, a name, or the site's words. */
  'contains_context',
  /** Consent must be given. */
  'not_accepted',
  /** Uploads: content is not one of PublicConfig.uploads.acceptedTypes (checked by content, not name). */
  'invalid_file_type',
  'file_too_large',
  'too_many_files',
  'too_few_files',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/**
 * Why a `csrf_failed` was answered, for the site's developers (the kit logs
 * it; people see their own text):
 * - `cross_site`: the request carried no session cookie and the browser said
 *   it came from another site (`Sec-Fetch-Site: cross-site`). The cookie is a
 *   third-party cookie there, which browsers refuse (SameSite=Lax always;
 *   SameSite=None wherever third-party cookies are blocked). Serve the API
 *   from the page's origin (a proxy) or from a host of the page's site.
 * - `no_session_cookie`: no session cookie, from the same site or a browser
 *   that does not say (the cookie was never stored, was dropped, or expired).
 * - `unknown_session`: a session cookie that names no live session (it expired or was ended).
 * - `token_mismatch`: the session is there, but the CSRF header is missing or is another session's token.
 */
export const CSRF_FAILURE_CAUSES = ['cross_site', 'no_session_cookie', 'unknown_session', 'token_mismatch'] as const;
export type CsrfFailureCause = (typeof CSRF_FAILURE_CAUSES)[number];

export function isCsrfFailureCause(value: unknown): value is CsrfFailureCause {
  return typeof value === 'string' && (CSRF_FAILURE_CAUSES as readonly string[]).includes(value);
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    /** Why, for `csrf_failed` (for developers: never shown as text). */
    cause?: CsrfFailureCause;
    /** Field name → code, for `validation_failed`. */
    fields?: Record<string, FieldErrorCode>;
    /** Seconds to wait, for `throttled` (the same number as the `Retry-After` header). */
    retryAfter?: number;
    /** The reviewer's reason, for `account_rejected`. Plain text. */
    reason?: string;
    /** The document types the backend accepts, when a file was refused as `invalid_file_type`. */
    acceptedTypes?: DocumentType[];
  };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

export { LIMITS, normalizeEmail, normalizePassword, isPlausibleEmail } from './limits.js';

// ---------------------------------------------------------------- public configuration

/**
 * Text in each of the kit's locales, by language tag: `en` and `sr-Cyrl`
 * always; `sr-Latn` may be omitted (it is derived from `sr-Cyrl`); other
 * languages (`ru`, `uk`, `zh-Hans`, `tr`, `ar`, or one a site registers) may
 * be given, and where one is missing the kit shows English.
 */
export interface LocalizedText {
  en: string;
  'sr-Cyrl': string;
  [locale: string]: string;
}

export const DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface PasswordPolicy {
  /** Default 15 (NIST 800-63B-4 for a single-factor password), never below 8. */
  minLength: number;
  /** At least 64; the kit's maximum is LIMITS.passwordMaxLength. */
  maxLength: number;
}

export interface UploadPolicy {
  minFiles: number;
  /** Default 2 (both pages of the document). */
  maxFiles: number;
  /** Default 3 MB per file. */
  maxFileBytes: number;
  acceptedTypes: DocumentType[];
}

/** The registration fields a user type asks for. */
export const REGISTRATION_FIELDS = [
  'givenName',
  'surname',
  'dateOfBirth',
  'sex',
  'citizenship',
  'documentNumber',
  'foreignerNumber',
  'addressInSerbia',
  'phone',
] as const;
export type RegistrationFieldName = (typeof REGISTRATION_FIELDS)[number];

export interface UserType {
  /** e.g. `foreign_citizen`; the widgets know the portal's ids and fall back to `label`. */
  id: string;
  label: LocalizedText;
  /** The type preselected in the form ("Foreign citizen" on the first portal). */
  default?: boolean;
  fields: { name: RegistrationFieldName; required: boolean }[];
  /** Whether ID documents are uploaded (and reviewed) for this type. */
  documents: boolean;
}

/** `GET /config`: what the widgets need to know before the user types. */
/**
 * A certification body (CA) whose qualified certificates the backend
 * trusts, as people are told about it: name, site, support, what to do when
 * the PIN is locked.
 */
export interface CertificationBody {
  /** e.g. `mup`, `posta`, `pks`, `halcom`, `esmart`, `ite`. */
  id: string;
  name: LocalizedText;
  /** The CA's web site (https). */
  site: string;
  /**
   * Where the body explains how to get its qualified certificate and install
   * it (https); the certificate tabs link each accepted body to it. Default: `site`.
   */
  instructions?: string;
  support: { phone?: string; email?: string; url?: string };
  /** What to do after too many wrong PINs, or a forgotten PIN. */
  pinUnblock: LocalizedText;
  /**
   * Its issuing CAs, as their certificates name them: a certificate is the
   * body's when its issuer is one of these subjects byte for byte and its
   * authority key identifier (when it has one) is that CA's key identifier.
   * The default directory takes them from the trusted list's CA
   * certificates; a body with `issuers` is never recognised by name alone.
   */
  issuers?: CertificationBodyIssuer[];
  /**
   * Common names / organizations of its issuing CAs. Derived from `issuers`
   * where there are some (for a list that only sees DN strings, Peculiar's);
   * the only way to recognise a body configured without `issuers`.
   */
  issuerNames: string[];
}

/** One issuing CA of a certification body (`CertificationBody.issuers`). */
export interface CertificationBodyIssuer {
  /** The CA certificate's subject name, DER, base64. */
  subject: string;
  /** The CA certificate's subject key identifier, hex, lower case. */
  keyIdentifier?: string;
  /** The CA's common name, for people and logs. */
  name: string;
}

export interface PublicConfig {
  passwordPolicy: PasswordPolicy;
  uploads: UploadPolicy;
  loginModes: ('certificate' | 'password')[];
  userTypes: UserType[];
  /** Whether a certificate registration also waits for review (default false). */
  certificateRegistrationReview: boolean;
  /** The certification bodies whose certificates are accepted (the CA directory). */
  certificationBodies: CertificationBody[];
  /**
   * Certificate policy OIDs of qualified certificates: the backend accepts a
   * certificate only with one of them, so the picker hides the others up front.
   */
  qualifiedPolicies: string[];
  /**
   * The trusted list the backend takes its qualified CAs from (ETSI TS 119
   * 612), when it uses one: which edition, so an operator or a support desk
   * can tell which list a refusal was decided by.
   */
  trustedList?: TrustedListInfo;
  /**
   * Whether a card's authentication certificate (digitalSignature without
   * nonRepudiation: not a qualified certificate) also logs in, at
   * `acr: substantial`. Default false: only the qualified signing
   * certificate does, and the picker says to choose it.
   */
  authenticationCertificates?: boolean;
}

/** `PublicConfig.trustedList`: the edition of the trusted list in use. */
export interface TrustedListInfo {
  /** `TSLSequenceNumber` (the Serbian list of May 2026: 36). */
  sequenceNumber: number;
  /** `SchemeTerritory`, e.g. `RS`. */
  territory: string;
  /** `ListIssueDateTime`, ISO 8601. */
  issuedAt: string;
  /** `NextUpdate`, ISO 8601; null for a closed list. Past it, the list's CAs are refused until a newer list is configured. */
  nextUpdate: string | null;
}

// ---------------------------------------------------------------- certificates

/** The version tag that starts the signed data (PRODUCT.md, "Certificate login protocol"). */
export const CERTIFICATE_PROOF_FORMAT = 'egov-auth:1';

/**
 * Signature algorithms a proof may name. ECDSA signatures are IEEE P1363
 * (r || s), as WebCrypto and PKCS#11 produce them.
 */
export const SIGNATURE_ALGORITHMS = ['RSASSA-PKCS1-v1_5-SHA256', 'RSA-PSS-SHA256', 'ECDSA-P256-SHA256', 'ECDSA-P384-SHA384'] as const;
export type SignatureAlgorithm = (typeof SIGNATURE_ALGORITHMS)[number];

/** `POST /certificate/challenge` → a nonce bound to this (pre-login) session. */
export interface CertificateChallenge {
  /** ≥ 256-bit random, base64url; single use. */
  nonce: string;
  /** ISO 8601; at most 5 minutes ahead. */
  expiresAt: string;
  /** The origin the signature must bind: the backend's configured one, never the request's. */
  origin: string;
}

/** What the widget sends after signing the challenge with the token's key. */
export interface CertificateProof {
  format: typeof CERTIFICATE_PROOF_FORMAT;
  /** The signer's certificate, DER, base64. */
  certificate: string;
  /** Intermediate certificates, DER, base64 (only a hint: the backend builds the chain to its own anchors). */
  chain?: string[];
  algorithm: SignatureAlgorithm;
  /** Signature over certificateSignedData(origin, nonce), base64. */
  signature: string;
  nonce: string;
}

/** `POST /login/certificate` body; the answer is a LoginResponse with `acr: 'high'`. */
export type CertificateLoginRequest = CertificateProof;

/** `POST /registrations/certificate`: the proof plus what the certificate cannot say. */
export interface CertificateRegistrationRequest {
  proof: CertificateProof;
  /** The certificate's e-mail (edited) or the one the person typed; a confirmation link goes there. */
  email: string;
  consent: 'true';
  locale?: string;
}

/**
 * The bytes a token signs: "egov-auth:1" || SHA-256(UTF-8 origin) ||
 * SHA-256(UTF-8 nonce). Binding the origin defeats a page that relays
 * another site's challenge (residual risk: Fortify lets the page choose what
 * is signed, so this rests on the person approving the right origin in Fortify).
 */
export async function certificateSignedData(origin: string, nonce: string): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const [originHash, nonceHash] = await Promise.all([
    crypto.subtle.digest('SHA-256', encoder.encode(origin)),
    crypto.subtle.digest('SHA-256', encoder.encode(nonce)),
  ]);
  const prefix = encoder.encode(CERTIFICATE_PROOF_FORMAT);
  const data = new Uint8Array(prefix.length + 64);
  data.set(prefix, 0);
  data.set(new Uint8Array(originHash), prefix.length);
  data.set(new Uint8Array(nonceHash), prefix.length + 32);
  return data;
}

// ---------------------------------------------------------------- registration

export const SEX_VALUES = ['F', 'M', 'X'] as const;
export type Sex = (typeof SEX_VALUES)[number];

/**
 * The text parts of `POST /registrations` (multipart/form-data; every value
 * a string). Files go in parts named `documents`. Optional fields may be absent
 * or empty. Unknown parts are refused (`unknown_field`).
 */
export interface RegistrationFields {
  userType: string;
  email: string;
  password: string;
  givenName?: string;
  surname?: string;
  /** `YYYY-MM-DD`, in the past. */
  dateOfBirth?: string;
  sex?: Sex;
  /** ISO 3166-1 alpha-2, upper case. */
  citizenship?: string;
  documentNumber?: string;
  /** 13 digits (see isForeignerNumber); absent when `noForeignerNumber` is `"true"`. */
  foreignerNumber?: string;
  /** `"true"`: "I don't have it / I forgot it". */
  noForeignerNumber?: 'true' | 'false';
  addressInSerbia?: string;
  phone?: string;
  /** Must be `"true"`. */
  consent: 'true';
  /** The site's locale, for the e-mails (else Accept-Language). */
  locale?: string;
}

/** The multipart part name of the ID document files. */
export const DOCUMENTS_FIELD = 'documents';

/**
 * `POST /registrations` → 202, the same for a new and an existing e-mail
 * (the owner of an existing account gets a notice e-mail instead).
 */
export interface RegistrationAccepted {
  status: 'confirmation_sent';
  email: string;
}

/** `POST /registrations/confirm`. */
export interface ConfirmEmailRequest {
  token: string;
}

/** `POST /registrations/confirm` → 200. A used link of a confirmed account answers `already_confirmed`. */
export interface ConfirmEmailResponse {
  result: 'confirmed' | 'already_confirmed';
  /** `pending_review` (documents are checked within 24 h) or `active`. */
  accountState: AccountState;
}

/** `POST /registrations/decline`: the token from the confirmation link. */
export interface DeclineRegistrationRequest {
  token: string;
}

/** `POST /registrations/decline` → 200: the unconfirmed registration and all of it (a certificate link, documents) are deleted. */
export interface RegistrationDeclined {
  result: 'declined';
}

/** `POST /registrations/resend` and `POST /password-reset`: always 202, whatever the e-mail. */
export interface EmailRequest {
  email: string;
  locale?: string;
}

export interface Accepted {
  status: 'accepted';
}

/** `POST /password-reset/check`: the token from the reset link, in the body (never in a URL). */
export interface PasswordResetCheckRequest {
  token: string;
}

/**
 * `POST /password-reset/check` → 200: the link can set a new password (any
 * other link is 400 `token_invalid`). The token is not used up, and nothing
 * about the account is told.
 */
export interface ResetLinkChecked {
  valid: true;
}

/** `POST /password-reset/complete` → 200 PasswordChanged; no automatic login. */
export interface PasswordResetCompleteRequest {
  token: string;
  password: string;
}

export interface PasswordChanged {
  status: 'password_changed';
}

// ---------------------------------------------------------------- development operations

/** Header the reviewer ("authorized person") operations need, when the server sets a reviewer token. */
export const REVIEWER_TOKEN_HEADER = 'X-Egov-Reviewer-Token';

export const OUTBOX_KINDS = [
  'confirm_email',
  'already_registered',
  'password_reset',
  'password_changed',
  'account_approved',
  'account_rejected',
  /** A certificate registration for a certificate that already has an account: sent to that account's e-mail. */
  'certificate_already_registered',
  /** A password reset asked for a registration that is not confirmed: no reset link, the confirmation link (with "this was not me") instead. */
  'reset_unconfirmed',
  /** A password reset asked for an account that logs in with a certificate only: no password is ever added to it. */
  'reset_certificate_account',
  /** Password login was paused after too many wrong passwords in a row: the way back in (a reset, a certificate). */
  'password_login_suspended',
] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

export interface OutboxMessage {
  id: string;
  to: string;
  kind: OutboxKind;
  locale: string;
  subject: string;
  text: string;
  /** The link in the message (confirmation, reset), if any. */
  link?: string;
  /** ISO 8601. */
  sentAt: string;
}

export interface DevOutboxResponse {
  messages: OutboxMessage[];
}

export interface DevDocument {
  id: string;
  /** The name the user's file had (display only; never used as a path). */
  name: string;
  type: DocumentType;
  size: number;
}

export interface DevRegistration {
  id: string;
  email: string;
  state: AccountState;
  userType: string;
  fields: Partial<Record<RegistrationFieldName, string>>;
  noForeignerNumber: boolean;
  documents: DevDocument[];
  /** ISO 8601. */
  registeredAt: string;
}

export interface DevRegistrationsResponse {
  registrations: DevRegistration[];
}

export interface DevRejectRequest {
  reason: string;
}

/** Development-only: `POST /dev/accounts` creates a test account in any state. */
export interface DevAccountRequest {
  email: string;
  password: string;
  state: AccountState;
  rejectionReason?: string;
}

/** Header that carries the development token for the development operations. */
export const DEV_TOKEN_HEADER = 'X-Egov-Dev-Token';

/** One soft token of the test PKI, as the SoftAgent loads it (development only). */
export interface DevTestToken {
  id: string;
  /** Shown wherever the agent is shown: these are test keys, not a person's. */
  label: string;
  pin: string;
  /** Wrong PIN entries allowed before the token locks. */
  maxPinTries: number;
  certificates: DevTestCertificate[];
}

export interface DevTestCertificate {
  id: string;
  /** What the test PKI made it to be: valid, expired, untrusted, … */
  profile: string;
  /** DER, base64. */
  certificate: string;
  /** Issuer chain up to (excluding) the root, DER, base64. */
  chain: string[];
  /** PKCS#8, base64; absent for a certificate without a private key on the token. */
  privateKey?: string;
  /** WebCrypto import parameters for the key. */
  keyAlgorithm: { name: 'RSASSA-PKCS1-v1_5' | 'ECDSA'; hash?: 'SHA-256' | 'SHA-384'; namedCurve?: 'P-256' | 'P-384' };
}

export interface DevTestTokensResponse {
  tokens: DevTestToken[];
}
