/**
 * The limits both sides agree on, and the checks a form makes before it
 * sends: the few rules the login form needs, apart from the contract's
 * paths and codes (which load with the client) and from registration's rules.
 */
/** The lengths a password policy allows (PublicConfig's `passwordPolicy` has them). */
export interface PasswordLengths {
  minLength: number;
  maxLength: number;
}

/** Limits both sides agree on. */
export const LIMITS = {
  emailMaxLength: 254,
  /** A password longer than this is refused, never truncated (SECURITY.md 1). */
  passwordMaxLength: 128,
  /** The configurable minimum never goes below this (SECURITY.md 1). */
  passwordMinLengthFloor: 8,
  /** Largest JSON body the backend reads. */
  jsonBodyMaxBytes: 16 * 1024,
  /** Names, document numbers, address: longest accepted text field. */
  nameMaxLength: 100,
  documentNumberMaxLength: 20,
  addressMaxLength: 200,
  phoneMaxLength: 20,
  rejectionReasonMaxLength: 1000,
  /** Registration text fields (not files) together. */
  registrationFieldsMaxBytes: 16 * 1024,
} as const;

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

export type PasswordLengthProblem = 'too_short' | 'too_long';

/**
 * A password's length as every side counts it — login, registration, reset
 * and the backend: code points of the NFKC form, so an emoji is one
 * character as a person counts it. Counting UTF-16 units anywhere would let
 * a password register that cannot log in.
 */
export function passwordLength(password: string): number {
  return [...normalizePassword(password)].length;
}

/** Over the kit's hard maximum (refused with a message, never truncated — SECURITY.md 1). */
export function isPasswordTooLong(password: string): boolean {
  return passwordLength(password) > LIMITS.passwordMaxLength;
}

/** Length only: the rules a form can check before sending (lists and context are the backend's). */
export function checkPasswordLength(password: string, policy: PasswordLengths): PasswordLengthProblem | undefined {
  const length = passwordLength(password);
  if (length < policy.minLength) return 'too_short';
  if (length > Math.min(policy.maxLength, LIMITS.passwordMaxLength)) return 'too_long';
  return undefined;
}
