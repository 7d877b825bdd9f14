import { expect } from '@open-wc/testing';
import { AuthError } from '../client/auth-client.js';
import { API } from '../../test-support/backend.js';
import { LIMITS, type FieldErrorCode, type PublicConfig, type RegistrationFields, type UserType } from '../client/contract.js';
import { FetchAuthClient } from '../client/fetch-auth-client.js';
import { readRegistration, serverProblems, validateRegistration } from '../components/register/registration-problems.js';
import { en } from '../i18n/en.js';
import { srCyrl } from '../i18n/sr-cyrl.js';
import { NewPasswordFields } from './new-password-fields.js';
import {
  consentValidator,
  documentsValidator,
  fieldMessage,
  personalDetailValidator,
  type FieldMessageParams,
} from './registration-validators.js';
import {
  emailMessage,
  emailValidator,
  fieldProblem,
  newPasswordCodes,
  newPasswordMessage,
  passwordConfirmationMessage,
  passwordConfirmationValidator,
  passwordLengthValidator,
  passwordMessage,
} from './validators.js';

const formatTime = (date: Date) => date.toISOString().slice(11, 16);
const policy = { minLength: 15, maxLength: 64 };

/** The reference backend's policy and user types, as the form gets them. */
async function backendConfig(): Promise<{ config: PublicConfig; foreigner: UserType; params: FieldMessageParams; megabytes: string }> {
  const config = await new FetchAuthClient({ baseUrl: new URL(API, location.href).href }).getConfig();
  const foreigner = config.userTypes.find((type) => type.id === 'foreign_citizen')!;
  const megabytes = `${Math.round(config.uploads.maxFileBytes / (1024 * 1024))} MB`;
  return { config, foreigner, params: { passwordPolicy: config.passwordPolicy, uploads: config.uploads }, megabytes };
}

describe('validators: one e-mail check, one table of texts', () => {
  it('the e-mail: empty, too long, not an address, or fine (trimmed as it is sent)', () => {
    expect(emailValidator.check('')).to.equal('required');
    expect(emailValidator.check('   ')).to.equal('required');
    expect(emailValidator.check(`${'a'.repeat(LIMITS.emailMaxLength)}@x.rs`)).to.equal('too_long');
    expect(emailValidator.check('name@example')).to.equal('invalid_email');
    expect(emailValidator.check(' name@example.com ')).to.equal(undefined);
  });

  it('each e-mail code in words, in each language', () => {
    for (const t of [en, srCyrl]) {
      expect(emailMessage('required', t)).to.equal(t.emailRequired);
      expect(emailMessage('too_long', t)).to.equal(t.emailTooLong(LIMITS.emailMaxLength));
      expect(emailMessage('invalid_email', t)).to.equal(t.emailInvalid);
    }
  });

  it('the password at login: empty, or over the kit’s maximum counted in characters as a person counts them', () => {
    expect(passwordLengthValidator.check('')).to.equal('required');
    expect(passwordLengthValidator.check('x')).to.equal(undefined);
    expect(passwordLengthValidator.check('😀'.repeat(LIMITS.passwordMaxLength))).to.equal(undefined);
    expect(passwordLengthValidator.check('x'.repeat(LIMITS.passwordMaxLength + 1))).to.equal('too_long');
    expect(passwordMessage('too_long', en)).to.equal(en.passwordTooLong(LIMITS.passwordMaxLength));
    expect(passwordMessage('required', en)).to.equal(en.passwordRequired);
  });

  it('a new password under a policy, and its confirmation, checked only once the password passes', () => {
    expect(passwordLengthValidator.check('short', policy)).to.equal('too_short');
    expect(passwordLengthValidator.check('x'.repeat(65), policy)).to.equal('too_long');
    expect(passwordConfirmationValidator.check('', 'a')).to.equal('required');
    expect(passwordConfirmationValidator.check('b', 'a')).to.equal('mismatch');
    expect(newPasswordCodes('short', 'other', policy)).to.deep.equal({ password: 'too_short', passwordConfirmation: undefined });
    expect(newPasswordCodes('x'.repeat(15), 'y', policy)).to.deep.equal({ password: undefined, passwordConfirmation: 'mismatch' });
    for (const t of [en, srCyrl]) {
      expect(newPasswordMessage('too_short', t, policy)).to.equal(t.passwordTooShort(15));
      expect(newPasswordMessage('too_long', t, policy)).to.equal(t.passwordTooLong(64));
      expect(newPasswordMessage('common_password', t, policy)).to.equal(t.passwordCommon);
      expect(newPasswordMessage('contains_context', t, policy)).to.equal(t.passwordContext);
      expect(newPasswordMessage('required', t, policy)).to.equal(t.passwordRequired);
      expect(passwordConfirmationMessage('required', t)).to.equal(t.confirmPasswordRequired);
      expect(passwordConfirmationMessage('mismatch', t)).to.equal(t.passwordMismatch);
    }
  });

  it('the new-password fields: their own check and the backend’s code read the same', () => {
    const fields = new NewPasswordFields({ addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) });
    const own = fields.validate('short', '', policy)['password']!;
    expect(own.text(en, formatTime)).to.equal(en.passwordTooShort(15));
    expect(NewPasswordFields.serverProblem('too_short', policy).text(en, formatTime)).to.equal(own.text(en, formatTime));
    expect(fields.validate('x'.repeat(15), 'y'.repeat(15), policy)['passwordConfirmation']!.text(srCyrl, formatTime)).to.equal(
      srCyrl.passwordMismatch,
    );
  });

  it('fieldProblem: none for no code; otherwise a problem about the field whose text follows the language', () => {
    expect(fieldProblem('email', undefined, emailMessage)).to.equal(undefined);
    const problem = fieldProblem('email', 'invalid_email', emailMessage)!;
    expect(problem.field).to.equal('email');
    expect(problem.text(en, formatTime)).to.equal(en.emailInvalid);
    expect(problem.text(srCyrl, formatTime)).to.equal(srCyrl.emailInvalid);
  });
});

describe('registration validators', () => {
  const check = (name: Parameters<typeof personalDetailValidator>[0], value: string, required = true) =>
    personalDetailValidator(name).check(value, { required, today: '2030-01-01' });

  it('a personal detail: empty (only when required), too long, then its own rule', () => {
    expect(check('givenName', '')).to.equal('required');
    expect(check('phone', '', false)).to.equal(undefined);
    expect(check('givenName', 'x'.repeat(LIMITS.nameMaxLength + 1))).to.equal('too_long');
    expect(check('dateOfBirth', '2031-01-01')).to.equal('invalid_date');
    expect(check('dateOfBirth', '1985-03-27')).to.equal(undefined);
    expect(check('documentNumber', 'AB#1')).to.equal('invalid_format');
    expect(check('phone', 'call me')).to.equal('invalid_format');
    expect(check('foreignerNumber', '123')).to.equal('invalid_format');
    expect(check('foreignerNumber', '3213990000000')).to.equal('invalid_date');
    expect(documentsValidator.check(0, { minFiles: 1 })).to.equal('too_few_files');
    expect(documentsValidator.check(1, { minFiles: 1 })).to.equal(undefined);
    expect(consentValidator.check('')).to.equal('not_accepted');
  });

  it('each code of each field in words', async () => {
    const { config, params, megabytes } = await backendConfig();
    const { minLength } = config.passwordPolicy;
    const expected: Record<string, Partial<Record<FieldErrorCode | 'mismatch', string>>> = {
      givenName: { required: en.givenNameRequired, too_long: en.fieldTooLong(en.givenNameLabel, LIMITS.nameMaxLength) },
      surname: { required: en.surnameRequired },
      dateOfBirth: { required: en.dateOfBirthRequired, invalid_date: en.dateOfBirthInvalid },
      sex: { required: en.sexRequired, invalid_choice: en.invalidChoice },
      citizenship: { required: en.citizenshipRequired },
      documentNumber: { required: en.documentNumberRequired, invalid_format: en.documentNumberInvalid },
      foreignerNumber: {
        required: en.foreignerNumberRequired,
        invalid_format: en.foreignerNumberFormat,
        invalid_date: en.foreignerNumberDate,
        invalid_checksum: en.foreignerNumberChecksum,
      },
      addressInSerbia: { too_long: en.fieldTooLong(en.addressLabel, LIMITS.addressMaxLength) },
      phone: { required: en.phoneInvalid, invalid_format: en.phoneInvalid, too_long: en.fieldTooLong(en.phoneLabel, LIMITS.phoneMaxLength) },
      userType: { invalid_choice: en.invalidChoice },
      email: { required: en.emailRequired, too_long: en.emailTooLong(LIMITS.emailMaxLength), invalid_email: en.emailInvalid },
      password: { too_short: en.passwordTooShort(minLength), common_password: en.passwordCommon, contains_context: en.passwordContext },
      passwordConfirmation: { required: en.confirmPasswordRequired, mismatch: en.passwordMismatch },
      documents: {
        too_few_files: en.documentsRequired,
        invalid_file_type: en.filesWrongType,
        file_too_large: en.filesTooLarge(megabytes),
        too_many_files: en.tooManyFiles(config.uploads.maxFiles),
      },
      consent: { not_accepted: en.consentRequired, required: en.consentRequired },
    };
    for (const [field, texts] of Object.entries(expected)) {
      for (const [code, text] of Object.entries(texts)) {
        expect(fieldMessage(field, code as FieldErrorCode, en, params), `${field} ${code}`).to.equal(text);
      }
    }
  });

  it('the form’s own check and the backend’s code for the same fault give the same message, in each language', async () => {
    const { config, foreigner } = await backendConfig();
    const fields = {
      userType: 'foreign_citizen',
      email: 'name@example',
      password: '',
      consent: '' as 'true',
      locale: 'en',
      givenName: 'x'.repeat(LIMITS.nameMaxLength + 1),
      dateOfBirth: '2999-01-01',
      documentNumber: 'AB#1',
      foreignerNumber: '0101990710009',
      phone: 'call me',
    } as RegistrationFields;
    const own = validateRegistration(
      { fields, password: 'short', confirmation: '' },
      { type: foreigner, config, noForeignerNumber: false, documents: 0 },
    );
    const backend: Record<string, FieldErrorCode> = {
      surname: 'required',
      sex: 'required',
      citizenship: 'required',
      givenName: 'too_long',
      dateOfBirth: 'invalid_date',
      documentNumber: 'invalid_format',
      foreignerNumber: 'invalid_checksum',
      phone: 'invalid_format',
      email: 'invalid_email',
      password: 'too_short',
      documents: 'too_few_files',
      consent: 'not_accepted',
    };
    const server = serverProblems(new AuthError('validation_failed', 400, { fields: backend }), config);
    expect(Object.keys(own).sort()).to.deep.equal(Object.keys(backend).sort());
    for (const field of Object.keys(backend)) {
      for (const t of [en, srCyrl]) expect(own[field]!.text(t, formatTime), field).to.equal(server[field]!.text(t, formatTime));
    }
    expect(own['foreignerNumber']!.text(en, formatTime)).to.equal(en.foreignerNumberChecksum);
  });

  it('a refused upload is the documents’ problem', async () => {
    const { config, megabytes } = await backendConfig();
    const tooLarge = serverProblems(new AuthError('payload_too_large', 413), config);
    expect(tooLarge['documents']!.text(en, formatTime)).to.equal(en.filesTooLarge(megabytes));
    const wrongType = serverProblems(new AuthError('unsupported_media_type', 415), config);
    expect(wrongType['documents']!.text(en, formatTime)).to.equal(en.filesWrongType);
  });

  it('reads only the chosen user type’s fields, the date of birth as YYYY-MM-DD', async () => {
    const { config, foreigner } = await backendConfig();
    const citizen = config.userTypes.find((type) => type.id === 'serbian_citizen')!;
    const form = document.createElement('form');
    const answers = {
      email: ' a@b.rs ',
      givenName: ' Ana ',
      citizenship: 'RS',
      foreignerNumber: '0101990710008',
      dateOfBirthDay: '7',
      dateOfBirthMonth: '3',
      dateOfBirthYear: '1985',
      password: ' p ',
    };
    for (const [name, value] of Object.entries(answers)) form.append(Object.assign(document.createElement('input'), { name, value }));
    const read = readRegistration(form, citizen, 'en', false);
    expect(read.fields).to.deep.include({ email: 'a@b.rs', givenName: 'Ana', dateOfBirth: '1985-03-07' });
    expect(read.fields).not.to.have.any.keys('citizenship', 'foreignerNumber', 'noForeignerNumber');
    expect(read.password).to.equal(' p ');
    const withoutNumber = readRegistration(form, foreigner, 'en', true).fields;
    expect(withoutNumber).to.deep.include({ citizenship: 'RS', noForeignerNumber: 'true' });
    expect(withoutNumber).not.to.have.property('foreignerNumber');
  });
});
