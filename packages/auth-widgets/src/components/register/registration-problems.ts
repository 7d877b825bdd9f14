import type { AuthError } from '../../client/auth-client.js';
import { REGISTRATION_FIELDS, type PublicConfig, type RegistrationFields, type UserType } from '../../client/contract.js';
import type { Locale } from '../../i18n/locales.js';
import type { FieldProblems } from '../../internal/problems.js';
import {
  consentValidator,
  documentsValidator,
  fieldMessage,
  personalDetailValidator,
  today,
  type RegistrationTexts,
} from '../../internal/registration-validators.js';
import { emailValidator, fieldProblem, newPasswordCodes, type ValidationCode } from '../../internal/validators.js';
import { isRequired } from './personal-details.js';

/** Form order: the error summary lists problems in this order. */
export const FIELD_ORDER = ['userType', ...REGISTRATION_FIELDS, 'email', 'password', 'passwordConfirmation', 'documents', 'consent'];

/** What the form holds: the contract's fields, and the two passwords (never trimmed: every character counts). */
export interface RegistrationAnswers {
  fields: RegistrationFields;
  password: string;
  confirmation: string;
}

/** Reads the form into the contract's fields: only the fields of the chosen user type. */
export function readRegistration(form: HTMLFormElement, type: UserType, locale: Locale, noForeignerNumber: boolean): RegistrationAnswers {
  const data = new FormData(form);
  const value = (name: string) => (typeof data.get(name) === 'string' ? (data.get(name) as string).trim() : '');
  const fields: RegistrationFields = {
    userType: type.id,
    email: value('email'),
    password: '',
    consent: data.get('consent') === 'true' ? 'true' : ('' as 'true'),
    locale,
  };
  // The three date fields become the contract's YYYY-MM-DD; anything not a number stays visibly wrong.
  const [day, month, year] = ['Day', 'Month', 'Year'].map((part) => value(`dateOfBirth${part}`));
  const dateOfBirth = day || month || year ? `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : '';
  for (const { name } of type.fields) {
    if (name === 'foreignerNumber' && noForeignerNumber) continue;
    const v = name === 'dateOfBirth' ? dateOfBirth : value(name);
    if (v !== '') (fields as unknown as Record<string, string>)[name] = v;
  }
  if (type.fields.some((f) => f.name === 'foreignerNumber')) fields.noForeignerNumber = noForeignerNumber ? 'true' : 'false';
  return { fields, password: String(data.get('password') ?? ''), confirmation: String(data.get('passwordConfirmation') ?? '') };
}

/** Field → code, in words: the same table for the form's checks and for the backend's codes. */
function problemsOf(codes: Readonly<Record<string, ValidationCode | undefined>>, config: PublicConfig): FieldProblems<RegistrationTexts> {
  const problems: FieldProblems<RegistrationTexts> = {};
  for (const [field, code] of Object.entries(codes)) {
    const problem = fieldProblem<RegistrationTexts>(field, code, (c, t) => fieldMessage(field, c, t, config));
    if (problem) problems[field] = problem;
  }
  return problems;
}

export interface RegistrationContext {
  type: UserType;
  config: PublicConfig;
  noForeignerNumber: boolean;
  /** How many documents are attached. */
  documents: number;
}

/** What the form can check itself before sending. */
export function validateRegistration(answers: RegistrationAnswers, context: RegistrationContext): FieldProblems<RegistrationTexts> {
  const { fields, password, confirmation } = answers;
  const { type, config, noForeignerNumber, documents } = context;
  const record = fields as unknown as Record<string, string | undefined>;
  const codes: Record<string, ValidationCode | undefined> = {};
  const day = today();
  for (const { name } of type.fields) {
    codes[name] = personalDetailValidator(name).check(record[name] ?? '', { required: isRequired(type, name, noForeignerNumber), today: day });
  }
  codes['email'] = emailValidator.check(fields.email);
  Object.assign(codes, newPasswordCodes(password, confirmation, config.passwordPolicy));
  if (type.documents) codes['documents'] = documentsValidator.check(documents, config.uploads);
  codes['consent'] = consentValidator.check(fields.consent);
  return problemsOf(codes, config);
}

/** The backend's field codes, in the form's own words; a refused upload is the documents' problem. */
export function serverProblems(error: AuthError, config: PublicConfig): FieldProblems<RegistrationTexts> {
  const codes: Record<string, ValidationCode | undefined> = { ...error.details.fields };
  if (error.code === 'payload_too_large') codes['documents'] ??= 'file_too_large';
  if (error.code === 'unsupported_media_type') codes['documents'] ??= 'invalid_file_type';
  return problemsOf(codes, config);
}
