import { LIMITS, isPlausibleEmail, type FieldErrorCode } from '@egov/auth-widgets/contract';
import { isPasswordTooLong } from '@egov/auth-widgets/rules';
import { HttpError, type HttpErrorDetails } from './http.ts';

/** At most this many unknown field names are reported back (they come from the client). */
const MAX_REPORTED_UNKNOWN = 10;

/** Length in Unicode code points, so an emoji counts as one character, as a person counts it. */
export function codePointLength(value: string): number {
  return [...value].length;
}

/**
 * Checks a JSON request body field by field and collects every problem, so
 * one `validation_failed` answer names all of them. Unknown fields are
 * refused rather than ignored: a typo in a client must not pass silently.
 */
export class BodyValidator {
  readonly #body: Record<string, unknown>;
  readonly #errors = new Map<string, FieldErrorCode>();

  /** Refuses a body that is not a JSON object; notes fields outside `allowed`. */
  constructor(body: unknown, allowed: readonly string[]) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new HttpError(400, 'bad_request');
    }
    this.#body = body as Record<string, unknown>;
    let reported = 0;
    for (const name of Object.keys(this.#body)) {
      if (allowed.includes(name)) continue;
      if (reported < MAX_REPORTED_UNKNOWN) this.#errors.set(name, 'unknown_field');
      reported += 1;
    }
  }

  #string(name: string, required: boolean): string | undefined {
    // A field that already has a problem (e.g. from the multipart reader) keeps it.
    if (this.#errors.has(name)) return undefined;
    if (!Object.hasOwn(this.#body, name) || this.#body[name] === undefined) {
      if (required) this.#errors.set(name, 'required');
      return undefined;
    }
    const value = this.#body[name];
    if (typeof value !== 'string') {
      this.#errors.set(name, 'invalid_type');
      return undefined;
    }
    return value;
  }

  /** An e-mail address: required, at most LIMITS.emailMaxLength, plausible. Returned as sent. */
  email(name: string): string | undefined {
    const value = this.#string(name, true);
    if (value === undefined) return undefined;
    const trimmed = value.trim();
    if (trimmed === '') this.#errors.set(name, 'required');
    else if (trimmed.length > LIMITS.emailMaxLength) this.#errors.set(name, 'too_long');
    else if (!isPlausibleEmail(trimmed)) this.#errors.set(name, 'invalid_email');
    else return value;
    return undefined;
  }

  /**
   * A password: required, at most LIMITS.passwordMaxLength characters as the
   * shared rule counts them (`passwordLength`: code points of the NFKC form),
   * the count the login, registration and reset forms use — and never
   * trimmed or truncated (SECURITY.md 1).
   */
  password(name: string): string | undefined {
    const value = this.#string(name, true);
    if (value === undefined) return undefined;
    if (value === '') this.#errors.set(name, 'required');
    // The raw cap first, so an absurd value is not normalized at all.
    else if (codePointLength(value) > 4 * LIMITS.passwordMaxLength) this.#errors.set(name, 'too_long');
    else if (isPasswordTooLong(value)) this.#errors.set(name, 'too_long');
    else return value;
    return undefined;
  }

  /** Plain text, optional unless `required`; at most `maxLength` code points. */
  text(name: string, options: { required?: boolean; maxLength: number }): string | undefined {
    const value = this.#string(name, options.required ?? false);
    if (value === undefined) return undefined;
    if (options.required && value.trim() === '') this.#errors.set(name, 'required');
    else if (codePointLength(value) > options.maxLength) this.#errors.set(name, 'too_long');
    else return value;
    return undefined;
  }

  /** An optional list of strings (`invalid_type` when it is anything else). */
  strings(name: string): string[] | undefined {
    if (this.#errors.has(name) || !Object.hasOwn(this.#body, name) || this.#body[name] === undefined) return undefined;
    const value = this.#body[name];
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      this.#errors.set(name, 'invalid_type');
      return undefined;
    }
    return value as string[];
  }

  /** One of the allowed values (`invalid_choice` otherwise); optional unless `required`, where empty is absent. */
  choice<T extends string>(name: string, values: readonly T[], options: { required?: boolean } = {}): T | undefined {
    const value = this.#string(name, options.required ?? false);
    if (value === undefined) return undefined;
    if (value === '') {
      if (options.required) this.#errors.set(name, 'required');
      return undefined;
    }
    if (!(values as readonly string[]).includes(value)) {
      this.#errors.set(name, 'invalid_choice');
      return undefined;
    }
    return value as T;
  }

  /** Records a problem found outside this validator (the first problem of a field wins). */
  fail(name: string, code: FieldErrorCode): void {
    if (!this.#errors.has(name)) this.#errors.set(name, code);
  }

  /** Whether the field already has a problem. */
  failed(name: string): boolean {
    return this.#errors.has(name);
  }

  /** One of a fixed list of strings. */
  oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const value = this.#string(name, true);
    if (value === undefined) return undefined;
    if (!(values as readonly string[]).includes(value)) {
      this.#errors.set(name, 'invalid_type');
      return undefined;
    }
    return value as T;
  }

  /** Throws `validation_failed` naming every bad field, if there is one (with `details` added). */
  finish(details: Omit<HttpErrorDetails, 'fields'> = {}): void {
    if (this.#errors.size > 0) {
      // fromEntries defines own properties, so a field named "__proto__" stays a plain key.
      throw new HttpError(400, 'validation_failed', { ...details, fields: Object.fromEntries(this.#errors) });
    }
  }

  /** The problems so far, by field. */
  get errors(): ReadonlyMap<string, FieldErrorCode> {
    return this.#errors;
  }
}
