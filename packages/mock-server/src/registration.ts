import {
  DOCUMENTS_FIELD,
  LIMITS,
  REGISTRATION_FIELDS,
  SEX_VALUES,
  normalizeEmail,
  type AccountState,
  type FieldErrorCode,
  type PublicConfig,
  type RegistrationFieldName,
  type UserType,
} from '@egov/auth-widgets/contract';
import type { Locale } from '@egov/auth-widgets/i18n/locales';
import { checkForeignerNumber, isCountryCode, isPlausibleBirthDate, isPlausibleDocumentNumber, isPlausiblePhone } from '@egov/auth-widgets/rules';
import { emailLocale, isLanguageTag } from './locale.ts';
import type { PasswordRules } from './password-policy.ts';
import type { RegistrationTextFields } from './store.ts';
import { BodyValidator } from './validation.ts';

/** The text parts of a registration (RegistrationFields). */
export const REGISTRATION_TEXT_FIELDS: readonly string[] = Object.freeze([
  'userType',
  'email',
  'password',
  ...REGISTRATION_FIELDS,
  'noForeignerNumber',
  'consent',
  'locale',
]);

/** Longest value of each registration field, in code points. */
const MAX_LENGTH: Record<RegistrationFieldName, number> = {
  givenName: LIMITS.nameMaxLength,
  surname: LIMITS.nameMaxLength,
  dateOfBirth: 10,
  sex: 1,
  citizenship: 2,
  documentNumber: LIMITS.documentNumberMaxLength,
  foreignerNumber: 13,
  addressInSerbia: LIMITS.addressMaxLength,
  phone: LIMITS.phoneMaxLength,
};

/** Control characters have no place in a one-line field (and break e-mails and logs that quote it). */
const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]/u;

/** A valid registration, normalized: trimmed values, only the fields its user type asks for. */
export interface RegistrationInput {
  userType: UserType;
  /** Normalized (trimmed, lower-cased). */
  email: string;
  password: string;
  fields: RegistrationTextFields;
  noForeignerNumber: boolean;
  /** The locale the site sent, when it is one of the kit's. */
  locale: Locale | undefined;
}

function todayUtc(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** Checks one registration field's form (after required and length); returns the problem, if any. */
function fieldProblem(name: RegistrationFieldName, value: string, now: number): FieldErrorCode | undefined {
  switch (name) {
    case 'dateOfBirth':
      return isPlausibleBirthDate(value, todayUtc(now)) ? undefined : 'invalid_date';
    case 'sex':
      return (SEX_VALUES as readonly string[]).includes(value) ? undefined : 'invalid_choice';
    case 'citizenship':
      return isCountryCode(value) ? undefined : 'invalid_choice';
    case 'documentNumber':
      return isPlausibleDocumentNumber(value) ? undefined : 'invalid_format';
    case 'foreignerNumber':
      return checkForeignerNumber(value);
    case 'phone':
      return isPlausiblePhone(value) ? undefined : 'invalid_format';
    default:
      // Names and address are free text: anything printable, stored and shown only as data.
      return CONTROL_CHARACTERS.test(value) ? 'invalid_format' : undefined;
  }
}

/**
 * Validates the text parts of a registration with the rules the form uses
 * (`@egov/auth-widgets/rules`), the user type's field list, and the
 * password rules, and the number of accepted files against the user type.
 * Every problem goes into `validator` (which may hold the multipart
 * reader's already); the caller calls `finish()`. Returns the normalized
 * input when nothing was wrong.
 */
export function validateRegistration(
  validator: BodyValidator,
  values: ReadonlyMap<string, string>,
  fileCount: number,
  config: PublicConfig,
  passwordRules: PasswordRules,
  now: number,
): RegistrationInput | undefined {
  const typeId = validator.choice('userType', config.userTypes.map((t) => t.id), { required: true });
  const userType = config.userTypes.find((t) => t.id === typeId);
  const rawEmail = validator.email('email');
  const password = validator.password('password');

  const noForeignerNumberValue = validator.choice('noForeignerNumber', ['true', 'false'] as const);
  const noForeignerNumber = noForeignerNumberValue === 'true';
  // An unticked box is not sent at all: absent, empty or anything but "true" is no consent.
  if (values.get('consent') !== 'true') validator.fail('consent', 'not_accepted');
  const localeValue = validator.text('locale', { maxLength: 35 });
  if (localeValue && !isLanguageTag(localeValue)) validator.fail('locale', 'invalid_format');

  const fields: RegistrationTextFields = {};
  for (const name of REGISTRATION_FIELDS) {
    const asked = userType?.fields.find((field) => field.name === name);
    if (!asked) {
      // A field this user type does not ask for: empty is how forms send "nothing"; a value is refused.
      if (userType && (values.get(name) ?? '').trim() !== '') validator.fail(name, 'unknown_field');
      continue;
    }
    const required = asked.required && !(name === 'foreignerNumber' && noForeignerNumber);
    const value = validator.text(name, { required, maxLength: MAX_LENGTH[name] })?.trim();
    if (!value) continue;
    const problem = fieldProblem(name, value, now);
    if (problem) validator.fail(name, problem);
    else fields[name] = value;
  }
  if (noForeignerNumber && userType && !userType.fields.some((field) => field.name === 'foreignerNumber')) {
    validator.fail('noForeignerNumber', 'unknown_field');
  }

  if (userType?.documents && fileCount < config.uploads.minFiles) validator.fail(DOCUMENTS_FIELD, 'too_few_files');
  if (userType && !userType.documents && fileCount > 0) validator.fail(DOCUMENTS_FIELD, 'unknown_field');

  if (password !== undefined) {
    const problem = passwordRules.check(password, { email: rawEmail, givenName: fields.givenName, surname: fields.surname });
    if (problem) validator.fail('password', problem);
  }
  if (!userType || rawEmail === undefined || password === undefined || validator.errors.size > 0) return undefined;
  return {
    userType,
    email: normalizeEmail(rawEmail),
    password,
    fields,
    noForeignerNumber: noForeignerNumber && fields.foreignerNumber === undefined,
    locale: emailLocale(localeValue),
  };
}

/**
 * The user type stored for a registration with a qualified electronic
 * certificate. It is not one of `PublicConfig.userTypes` (those are the
 * password registration's form choices): the certificate says who it is.
 */
export const CERTIFICATE_USER_TYPE = 'certificate';

/**
 * Where a confirmed account goes: a certificate registration is active
 * (its identity was verified by the certificate) unless the configuration
 * asks for a review of those too; otherwise to review when its user type
 * uploads documents (or when it has no registration details — an account
 * made by a development operation is not trusted to skip review), else
 * active.
 */
export function stateAfterConfirmation(config: PublicConfig, userTypeId: string | undefined): AccountState {
  if (userTypeId === CERTIFICATE_USER_TYPE) return config.certificateRegistrationReview ? 'pending_review' : 'active';
  const type = config.userTypes.find((t) => t.id === userTypeId);
  return type && !type.documents ? 'active' : 'pending_review';
}

/** Whether the account's documents are reviewed after it confirms (what its confirmation e-mail says). */
export function isReviewed(config: PublicConfig, userTypeId: string | undefined): boolean {
  return stateAfterConfirmation(config, userTypeId) === 'pending_review';
}
