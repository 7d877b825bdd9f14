/**
 * The registration form's fields on top of `validators.ts`: the personal
 * details, the documents and the consent, and `fieldMessage`, the one table
 * from a field and its code to text — for the form's own checks and for the
 * backend's `validation_failed` alike.
 */
import type { RegistrationFieldName, UploadPolicy } from '../client/contract.js';
import { LIMITS } from '../client/limits.js';
import { checkForeignerNumber, isPlausibleBirthDate, isPlausibleDocumentNumber, isPlausiblePhone } from '../client/rules.js';
import type { CommonMessages } from '../i18n/locales/en/common.js';
import type { NewPasswordMessages } from '../i18n/locales/en/new-password.js';
import type { RegisterMessages } from '../i18n/locales/en/register.js';
import {
  emailMessage,
  newPasswordMessage,
  passwordConfirmationMessage,
  type PasswordLimits,
  type ValidationCode,
  type Validator,
} from './validators.js';

/** The texts the registration's messages use. */
export type RegistrationTexts = CommonMessages & NewPasswordMessages & RegisterMessages;

/** The longest text each free-text field takes, as the backend counts. */
export const TEXT_LIMITS: Partial<Record<RegistrationFieldName, number>> = {
  givenName: LIMITS.nameMaxLength,
  surname: LIMITS.nameMaxLength,
  documentNumber: LIMITS.documentNumberMaxLength,
  addressInSerbia: LIMITS.addressMaxLength,
  phone: LIMITS.phoneMaxLength,
};

/** Today as `YYYY-MM-DD` in UTC, as the backend counts it. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export interface PersonalDetailContext {
  /** Whether an empty value is a problem (the user type asks for it, and the person did not turn it off). */
  required: boolean;
  /** `YYYY-MM-DD`, UTC: a date of birth must be before it. */
  today: string;
}

/** What a non-empty value of a field must be, besides short enough. */
const VALUE_CHECKS: Partial<Record<RegistrationFieldName, (value: string, today: string) => ValidationCode | undefined>> = {
  dateOfBirth: (value, today) => (isPlausibleBirthDate(value, today) ? undefined : 'invalid_date'),
  documentNumber: (value) => (isPlausibleDocumentNumber(value) ? undefined : 'invalid_format'),
  phone: (value) => (isPlausiblePhone(value) ? undefined : 'invalid_format'),
  foreignerNumber: checkForeignerNumber,
};

/** A personal detail's check (`dateOfBirth` as the contract's `YYYY-MM-DD`): empty, too long, then its own rule. */
export function personalDetailValidator(name: RegistrationFieldName): Validator<string, PersonalDetailContext> {
  return {
    check(value, { required, today }) {
      if (value === '') return required ? 'required' : undefined;
      const max = TEXT_LIMITS[name];
      if (max !== undefined && value.length > max) return 'too_long';
      return VALUE_CHECKS[name]?.(value, today);
    },
  };
}

/** The keys of the texts without parameters. */
type TextKey = { [K in keyof RegisterMessages]: RegisterMessages[K] extends string ? K : never }[keyof RegisterMessages];

/** The label a field has on the form, for messages that name it ("Given name must be …"); others are named as sent. */
const LABELS: Partial<Record<string, TextKey>> = {
  givenName: 'givenNameLabel',
  surname: 'surnameLabel',
  documentNumber: 'documentNumberLabel',
  addressInSerbia: 'addressLabel',
  phone: 'phoneLabel',
};

/** What an empty required field says; a field not listed: "Select one of the options". */
const REQUIRED: Partial<Record<string, TextKey>> = {
  givenName: 'givenNameRequired',
  surname: 'surnameRequired',
  dateOfBirth: 'dateOfBirthRequired',
  sex: 'sexRequired',
  citizenship: 'citizenshipRequired',
  documentNumber: 'documentNumberRequired',
  foreignerNumber: 'foreignerNumberRequired',
  phone: 'phoneInvalid',
};

function fieldLabel(t: RegisterMessages, field: string): string {
  const key = LABELS[field];
  return key ? t[key] : field;
}

/** A personal detail's codes (and the user type's: `invalid_choice`). */
export function personalDetailMessage(field: string, code: ValidationCode, t: RegisterMessages): string {
  switch (code) {
    case 'required':
      return t[REQUIRED[field] ?? 'invalidChoice'];
    case 'too_long':
      return t.fieldTooLong(fieldLabel(t, field), TEXT_LIMITS[field as RegistrationFieldName] ?? LIMITS.nameMaxLength);
    case 'invalid_date':
      return field === 'foreignerNumber' ? t.foreignerNumberDate : t.dateOfBirthInvalid;
    case 'invalid_checksum':
      return t.foreignerNumberChecksum;
    case 'invalid_format':
      return field === 'foreignerNumber' ? t.foreignerNumberFormat : field === 'phone' ? t.phoneInvalid : t.documentNumberInvalid;
    default:
      return t.invalidChoice;
  }
}

/** Fewer documents attached than the backend asks for. */
export const documentsValidator: Validator<number, Pick<UploadPolicy, 'minFiles'>> = {
  check: (count, uploads) => (count < uploads.minFiles ? 'too_few_files' : undefined),
};

export function documentsMessage(code: ValidationCode, t: RegisterMessages, uploads: Pick<UploadPolicy, 'maxFiles' | 'maxFileBytes'>): string {
  switch (code) {
    case 'invalid_file_type':
      return t.filesWrongType;
    case 'file_too_large':
      return t.filesTooLarge(`${Math.round(uploads.maxFileBytes / (1024 * 1024))} MB`);
    case 'too_many_files':
      return t.tooManyFiles(uploads.maxFiles);
    case 'required':
    case 'too_few_files':
      return t.documentsRequired;
    default:
      return t.invalidChoice;
  }
}

/** The consent checkbox's value (`true` when ticked). */
export const consentValidator: Validator<string> = {
  check: (value) => (value === 'true' ? undefined : 'not_accepted'),
};

export function consentMessage(code: ValidationCode, t: RegisterMessages): string {
  return code === 'required' || code === 'not_accepted' ? t.consentRequired : t.invalidChoice;
}

/** What the messages of the registration form depend on: `GET /config`'s policies. */
export interface FieldMessageParams {
  passwordPolicy: PasswordLimits;
  uploads: Pick<UploadPolicy, 'maxFiles' | 'maxFileBytes'>;
}

/**
 * The registration form's table: any of its fields (`email`, `password`,
 * `passwordConfirmation`, `documents`, `consent`, the personal details,
 * `userType`) and a code, in words. The form's own checks and the backend's
 * field codes both go through it, so the same code reads the same.
 */
export function fieldMessage(field: string, code: ValidationCode, t: RegistrationTexts, params: FieldMessageParams): string {
  switch (field) {
    case 'email':
      return emailMessage(code, t);
    case 'password':
      return newPasswordMessage(code, t, params.passwordPolicy);
    case 'passwordConfirmation':
      return passwordConfirmationMessage(code, t);
    case 'documents':
      return documentsMessage(code, t, params.uploads);
    case 'consent':
      return consentMessage(code, t);
    default:
      return personalDetailMessage(field, code, t);
  }
}
