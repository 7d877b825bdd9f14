/**
 * The forms' checks and the words for what they find, in one place: a
 * validator answers with a code — one of the backend's `FIELD_ERROR_CODES`,
 * so a code the form finds and the same code from the backend's
 * `validation_failed` read the same — and a field's message function turns
 * a code into text. Login, registration, password reset and the e-mail
 * request forms use these.
 *
 * Each field has its own exports (no table holding every field), so a form
 * bundles only the fields it has: the e-mail and password parts here need
 * nothing of registration (its fields are in `registration-validators.ts`).
 */
import type { FieldErrorCode, PasswordPolicy } from '../client/contract.js';
import { LIMITS, checkPasswordLength, isPlausibleEmail } from '../client/limits.js';
import type { CommonMessages } from '../i18n/locales/en/common.js';
import type { NewPasswordMessages } from '../i18n/locales/en/new-password.js';
import type { Problem } from './problems.js';

/** What a check can find: a backend field code, or `mismatch` (the two passwords differ; the backend never sees the confirmation). */
export type ValidationCode = FieldErrorCode | 'mismatch';

/** One check of a field's value; `context` is what it depends on besides the value (a policy, the other password). */
export interface Validator<V = string, C = void> {
  check(value: V, context: C): ValidationCode | undefined;
}

/** Turns a code about one field into text, in the element's language. */
export type FieldMessage<M> = (code: ValidationCode, t: M) => string;

/** The lengths a password is checked against: a `PasswordPolicy`, or the kit's own limit where no policy applies (login). */
export type PasswordLimits = Pick<PasswordPolicy, 'minLength' | 'maxLength'>;

/** Login has no policy: any length up to the kit's maximum (never truncated, SECURITY.md 1). */
export const KIT_PASSWORD_LIMITS: PasswordLimits = { minLength: 0, maxLength: LIMITS.passwordMaxLength };

/**
 * The problem of `field` for `code`, or `undefined` for none. The text is
 * made when shown, so it follows the element's language. The same call
 * serves a validator's answer and a code from the backend.
 */
export function fieldProblem<M>(field: string, code: ValidationCode | undefined, message: FieldMessage<M>): Problem<M> | undefined {
  return code === undefined ? undefined : { field, text: (t) => message(code, t) };
}

/** Empty, over `LIMITS.emailMaxLength`, or not an address (the value is trimmed first, as it is sent). */
export const emailValidator: Validator<string> = {
  check(value) {
    const email = value.trim();
    if (email === '') return 'required';
    if (email.length > LIMITS.emailMaxLength) return 'too_long';
    return isPlausibleEmail(email) ? undefined : 'invalid_email';
  },
};

export function emailMessage(code: ValidationCode, t: CommonMessages): string {
  switch (code) {
    case 'required':
      return t.emailRequired;
    case 'too_long':
      return t.emailTooLong(LIMITS.emailMaxLength);
    default:
      return t.emailInvalid;
  }
}

/**
 * Empty, or a length outside `limits` as every side counts it (see
 * `passwordLength`). Without limits (login): only the kit's maximum. Never
 * trimmed: every character counts.
 */
export const passwordLengthValidator = {
  check(password: string, limits: PasswordLimits = KIT_PASSWORD_LIMITS): ValidationCode | undefined {
    return password === '' ? 'required' : checkPasswordLength(password, limits);
  },
} satisfies Validator<string, PasswordLimits>;

/** A password's codes in words that need only the common texts (login); `limits` as checked. */
export function passwordMessage(code: ValidationCode, t: CommonMessages, limits: PasswordLimits = KIT_PASSWORD_LIMITS): string {
  return code === 'too_long' ? t.passwordTooLong(limits.maxLength) : t.passwordRequired;
}

/** A new password's codes (registration, reset), the backend's list and context checks included. */
export function newPasswordMessage(code: ValidationCode, t: CommonMessages & NewPasswordMessages, policy: PasswordLimits): string {
  switch (code) {
    case 'too_short':
      return t.passwordTooShort(policy.minLength);
    case 'common_password':
      return t.passwordCommon;
    case 'contains_context':
      return t.passwordContext;
    default:
      return passwordMessage(code, t, policy);
  }
}

/** The confirmation, given the password it must repeat. */
export const passwordConfirmationValidator: Validator<string, string> = {
  check(confirmation, password) {
    if (confirmation === '') return 'required';
    return confirmation === password ? undefined : 'mismatch';
  },
};

export function passwordConfirmationMessage(code: ValidationCode, t: NewPasswordMessages): string {
  return code === 'mismatch' ? t.passwordMismatch : t.confirmPasswordRequired;
}

/** A new password and its confirmation (registration, reset): the confirmation is checked only once the password passes. */
export function newPasswordCodes(
  password: string,
  confirmation: string,
  policy: PasswordLimits,
): Record<'password' | 'passwordConfirmation', ValidationCode | undefined> {
  const code = passwordLengthValidator.check(password, policy);
  return { password: code, passwordConfirmation: code ? undefined : passwordConfirmationValidator.check(confirmation, password) };
}
