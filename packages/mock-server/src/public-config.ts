import {
  DOCUMENT_TYPES,
  LIMITS,
  REGISTRATION_FIELDS,
  type CertificationBody,
  type PasswordPolicy,
  type PublicConfig,
  type UploadPolicy,
  type UserType,
} from '@egov/auth-widgets/contract';
import { DEFAULT_CERTIFICATION_BODIES, checkCertificationBodies } from './certification-bodies.ts';
import { localized } from './messages/index.ts';

/** 15 characters (NIST SP 800-63B-4 for a single-factor password) up to the kit's 128. */
export const DEFAULT_PASSWORD_POLICY: Readonly<PasswordPolicy> = Object.freeze({
  minLength: 15,
  maxLength: LIMITS.passwordMaxLength,
});

/**
 * What the portal guide asks for: both pages of the document plus the page
 * with the foreigner's registration number — three images (or one PDF with
 * all pages) —, 3 MB each, PDF or an image.
 */
export const DEFAULT_UPLOAD_POLICY: Readonly<UploadPolicy> = Object.freeze({
  minFiles: 1,
  maxFiles: 3,
  maxFileBytes: 3 * 1024 * 1024,
  acceptedTypes: [...DOCUMENT_TYPES],
});

/** Largest per-file limit the server accepts as configuration. */
const MAX_FILE_BYTES_CEILING = 50 * 1024 * 1024;
/** Most files per registration the server accepts as configuration. */
const MAX_FILES_CEILING = 10;

/**
 * The portal's user types (its user guide): foreign citizens register with
 * their passport data and upload the document, checked by an authorized
 * person; citizens of Serbia give their identity card data and need no
 * upload (their account is active once the e-mail is confirmed).
 */
export const DEFAULT_USER_TYPES: readonly UserType[] = Object.freeze([
  {
    id: 'foreign_citizen',
    label: localized((t) => t.userTypes.foreign_citizen),
    default: true,
    documents: true,
    fields: [
      { name: 'givenName', required: true },
      { name: 'surname', required: true },
      { name: 'dateOfBirth', required: true },
      { name: 'sex', required: true },
      { name: 'citizenship', required: true },
      { name: 'documentNumber', required: true },
      // Required unless the user ticks "I don't have it / I forgot it" (noForeignerNumber).
      { name: 'foreignerNumber', required: true },
      { name: 'addressInSerbia', required: false },
      { name: 'phone', required: false },
    ],
  },
  {
    id: 'serbian_citizen',
    label: localized((t) => t.userTypes.serbian_citizen),
    documents: false,
    fields: [
      { name: 'givenName', required: true },
      { name: 'surname', required: true },
      { name: 'dateOfBirth', required: true },
      { name: 'sex', required: false },
      { name: 'documentNumber', required: true },
      { name: 'addressInSerbia', required: false },
      { name: 'phone', required: false },
    ],
  },
] satisfies UserType[]);

export interface PublicConfigOptions {
  passwordPolicy?: Partial<PasswordPolicy>;
  uploads?: Partial<UploadPolicy>;
  userTypes?: readonly UserType[];
  loginModes?: PublicConfig['loginModes'];
  certificateRegistrationReview?: boolean;
  certificationBodies?: readonly CertificationBody[];
  /** Whether the server can verify certificates (trust anchors configured, or the test PKI). */
  certificatesConfigured?: boolean;
}

function integerIn(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${name} must be an integer from ${min} to ${max}`);
  return value;
}

function checkUploads(uploads: UploadPolicy): UploadPolicy {
  integerIn('uploads.maxFiles', uploads.maxFiles, 1, MAX_FILES_CEILING);
  integerIn('uploads.minFiles', uploads.minFiles, 1, uploads.maxFiles);
  integerIn('uploads.maxFileBytes', uploads.maxFileBytes, 1024, MAX_FILE_BYTES_CEILING);
  if (uploads.acceptedTypes.length === 0 || !uploads.acceptedTypes.every((type) => (DOCUMENT_TYPES as readonly string[]).includes(type))) {
    throw new RangeError(`uploads.acceptedTypes must be some of ${DOCUMENT_TYPES.join(', ')}`);
  }
  return { ...uploads, acceptedTypes: [...new Set(uploads.acceptedTypes)] };
}

function checkUserTypes(userTypes: readonly UserType[]): UserType[] {
  if (userTypes.length === 0) throw new RangeError('at least one user type is needed');
  const ids = new Set<string>();
  for (const type of userTypes) {
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(type.id) || ids.has(type.id)) throw new RangeError(`user type id ${JSON.stringify(type.id)} is invalid or repeated`);
    ids.add(type.id);
    for (const field of type.fields) {
      if (!(REGISTRATION_FIELDS as readonly string[]).includes(field.name)) throw new RangeError(`user type ${type.id}: unknown field ${field.name}`);
    }
    if (new Set(type.fields.map((f) => f.name)).size !== type.fields.length) throw new RangeError(`user type ${type.id}: a field is listed twice`);
  }
  if (userTypes.filter((type) => type.default).length > 1) throw new RangeError('only one user type can be the default');
  return userTypes.map((type) => ({ ...type, fields: type.fields.map((field) => ({ ...field })) }));
}

/**
 * `GET /config`: the policy the widgets show before the user types, built
 * from the server's options and checked once at startup (a bad value
 * stops the server rather than confusing every form).
 */
export function buildPublicConfig(options: PublicConfigOptions = {}): PublicConfig {
  const passwordPolicy = { ...DEFAULT_PASSWORD_POLICY, ...options.passwordPolicy };
  integerIn('passwordPolicy.maxLength', passwordPolicy.maxLength, 64, LIMITS.passwordMaxLength);
  integerIn('passwordPolicy.minLength', passwordPolicy.minLength, LIMITS.passwordMinLengthFloor, passwordPolicy.maxLength);
  // Certificate login first where the server can verify certificates: it is the high level of assurance.
  const loginModes = options.loginModes ?? (options.certificatesConfigured ? ['certificate', 'password'] : ['password']);
  if (loginModes.length === 0 || !loginModes.every((mode) => mode === 'password' || mode === 'certificate')) {
    throw new RangeError('loginModes must be some of certificate, password');
  }
  if (loginModes.includes('certificate') && !options.certificatesConfigured) {
    throw new RangeError('certificate login needs trust anchors (--trust-anchor) or the development test PKI (--dev)');
  }
  return {
    passwordPolicy,
    uploads: checkUploads({ ...DEFAULT_UPLOAD_POLICY, ...options.uploads }),
    loginModes: [...new Set(loginModes)],
    userTypes: checkUserTypes(options.userTypes ?? DEFAULT_USER_TYPES),
    certificateRegistrationReview: options.certificateRegistrationReview ?? false,
    certificationBodies: checkCertificationBodies(options.certificationBodies ?? DEFAULT_CERTIFICATION_BODIES),
    // Filled per request by GET /config from the certificate service (it loads the trust configuration lazily).
    qualifiedPolicies: [],
  };
}
