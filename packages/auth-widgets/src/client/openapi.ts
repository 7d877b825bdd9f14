/**
 * The backend contract as an OpenAPI 3.1 document.
 *
 * Built from the constants of `contract.ts` (paths, error codes, states,
 * limits), so renaming a path or adding a code changes this document too.
 * The schema names in `components.schemas` are the names of the contract's
 * TypeScript types, and a test (`packages/mock-server/test/openapi-contract.test.ts`)
 * compares each one with a JSON Schema generated from the TypeScript type, so
 * the two cannot drift apart.
 *
 * Plain data, no runtime dependencies; the reference backend serves it at
 * `GET {baseUrl}/openapi.json` with `servers` set to its own API URL.
 */
import {
  ACCOUNT_STATES,
  API_PATHS,
  CERTIFICATE_PROOF_FORMAT,
  CSRF_HEADER,
  DEV_TOKEN_HEADER,
  DOCUMENT_TYPES,
  DOCUMENTS_FIELD,
  CSRF_FAILURE_CAUSES,
  ERROR_CODES,
  FIELD_ERROR_CODES,
  LIMITS,
  OUTBOX_KINDS,
  REGISTRATION_FIELDS,
  REVIEWER_TOKEN_HEADER,
  SEX_VALUES,
  SIGNATURE_ALGORITHMS,
  type ErrorCode,
} from './contract.js';

/** A JSON Schema (2020-12) or any other JSON object of the document. */
export type JsonObject = { [key: string]: unknown };

export interface OpenApiServer {
  url: string;
  description?: string;
  variables?: Record<string, { default: string; description?: string; enum?: string[] }>;
}

export interface OpenApiOperation extends JsonObject {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  responses: Record<string, JsonObject>;
  parameters?: JsonObject[];
  requestBody?: JsonObject;
  security?: Record<string, string[]>[];
}

export type HttpMethod = 'get' | 'post';

export type OpenApiPathItem = Partial<Record<HttpMethod, OpenApiOperation>>;

export interface OpenApiDocument {
  openapi: '3.1.0';
  jsonSchemaDialect: string;
  info: JsonObject & { title: string; version: string };
  servers: OpenApiServer[];
  tags: { name: string; description: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, OpenApiPathItem>;
  components: {
    schemas: Record<string, JsonObject>;
    parameters: Record<string, JsonObject>;
    headers: Record<string, JsonObject>;
    responses: Record<string, JsonObject>;
    securitySchemes: Record<string, JsonObject>;
  };
}

/** Name of the session cookie the reference backend sets (another backend may choose its own). */
export const REFERENCE_SESSION_COOKIE = 'egov_sid';

/** Where `$ref`s to the schemas below point. */
export const SCHEMA_REF_PREFIX = '#/components/schemas/';

const ref = (name: string): JsonObject => ({ $ref: `${SCHEMA_REF_PREFIX}${name}` });
const responseRef = (name: string): JsonObject => ({ $ref: `#/components/responses/${name}` });
const parameterRef = (name: string): JsonObject => ({ $ref: `#/components/parameters/${name}` });
const headerRef = (name: string): JsonObject => ({ $ref: `#/components/headers/${name}` });

function stringEnum(values: readonly string[], description?: string): JsonObject {
  return { type: 'string', enum: [...values], ...(description ? { description } : {}) };
}

/** An object that allows no other properties (the contract refuses unknown fields and sends none). */
function object(properties: Record<string, JsonObject>, required: readonly string[], description?: string): JsonObject {
  return {
    type: 'object',
    ...(description ? { description } : {}),
    properties,
    required: [...required],
    additionalProperties: false,
  };
}

const text = (description: string, extra: JsonObject = {}): JsonObject => ({ type: 'string', description, ...extra });
const email = (description: string): JsonObject => ({ type: 'string', format: 'email', maxLength: LIMITS.emailMaxLength, description });
const timestamp = (description: string): JsonObject => ({ type: 'string', format: 'date-time', description });
const count = (description: string, minimum = 0): JsonObject => ({ type: 'integer', minimum, description });

// ---------------------------------------------------------------- schemas

const schemas: Record<string, JsonObject> = {
  Acr: stringEnum(
    ['basic', 'substantial', 'high'],
    'Level of assurance of a session: `basic` after a password login, `high` after a login with a qualified certificate, `substantial` with a card’s authentication certificate where the backend accepts one (`authenticationCertificates`). A site may ask for step-up.',
  ),
  AccountState: stringEnum(
    ACCOUNT_STATES,
    'Lifecycle of an account: `unconfirmed` (e-mail not confirmed yet), `pending_review` (documents are checked by an authorized person within 24 h), `active`, `rejected` (with a reason).',
  ),
  SessionUser: object({ email: email('The account e-mail (normalized: trimmed, lower case).'), acr: ref('Acr') }, ['email', 'acr']),
  SessionResponse: object(
    {
      authenticated: { type: 'boolean' },
      user: ref('SessionUser'),
      csrfToken: text(`This session's anti-CSRF token: send it in \`${CSRF_HEADER}\` on every POST.`, { minLength: 1 }),
    },
    ['authenticated', 'csrfToken'],
    'Who is logged in (`user` only when `authenticated`), and the CSRF token of this session.',
  ),
  PasswordLoginRequest: object(
    {
      email: email('Compared after normalization (trimmed, lower case).'),
      password: text(`Never trimmed or truncated; NFKC-normalized before hashing. At most ${LIMITS.passwordMaxLength} characters.`, {
        minLength: 1,
        maxLength: LIMITS.passwordMaxLength,
      }),
    },
    ['email', 'password'],
  ),
  LoginResponse: object(
    {
      user: ref('SessionUser'),
      csrfToken: text('The new session has a new CSRF token: use this one from now on.', { minLength: 1 }),
    },
    ['user', 'csrfToken'],
    'A new session: the session id (cookie) and the CSRF token change on every login.',
  ),
  ErrorCode: stringEnum(ERROR_CODES, 'Every error code a backend may answer with. Clients map codes to their own texts.'),
  FieldErrorCode: stringEnum(FIELD_ERROR_CODES, 'Codes a field may carry in `error.fields`.'),
  CsrfFailureCause: stringEnum(
    CSRF_FAILURE_CAUSES,
    'Why a `csrf_failed` was answered, for the site\'s developers: `cross_site` (no session cookie, and `Sec-Fetch-Site: cross-site`: the cookie is a third-party cookie, which browsers refuse; serve the API from the page\'s origin or site), `no_session_cookie` (no session cookie), `unknown_session` (the cookie names no live session), `token_mismatch` (no CSRF header, or another session\'s token).',
  ),
  ErrorBody: object(
    {
      error: object(
        {
          code: ref('ErrorCode'),
          cause: ref('CsrfFailureCause'),
          fields: {
            type: 'object',
            description: `Field name → code, for \`validation_failed\` (uploads: the field \`${DOCUMENTS_FIELD}\`).`,
            additionalProperties: ref('FieldErrorCode'),
          },
          retryAfter: count('Seconds to wait, for `throttled` and `service_busy`: the same number as the `Retry-After` header.', 1),
          reason: text('The reviewer\'s reason, for `account_rejected`. Plain text: never render it as markup.', {
            maxLength: LIMITS.rejectionReasonMaxLength,
          }),
          acceptedTypes: {
            type: 'array',
            description: 'The document types the backend accepts, when a file was refused as `invalid_file_type`.',
            items: ref('DocumentType'),
          },
        },
        ['code'],
      ),
    },
    ['error'],
    'Every error answer. Clients show their own localized text for `code`; server text is never rendered as HTML.',
  ),
  LocalizedText: {
    ...object(
      { en: { type: 'string' }, 'sr-Cyrl': { type: 'string' } },
      ['en', 'sr-Cyrl'],
      "Text in each of the kit's locales, by language tag. `sr-Latn` may be omitted: it is derived from `sr-Cyrl`. Other languages (`ru`, `uk`, `zh-Hans`, `tr`, `ar`, or one a site registers) may be given; where one is missing the kit shows English.",
    ),
    propertyNames: { pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$', maxLength: 35 },
    additionalProperties: { type: 'string' },
  },
  DocumentType: stringEnum(DOCUMENT_TYPES, 'A type of ID-document file, recognized by content (magic bytes), not by name or declared type.'),
  PasswordPolicy: object(
    {
      minLength: count(`Default 15 (NIST SP 800-63B-4 for a single-factor password), never below ${LIMITS.passwordMinLengthFloor}.`, LIMITS.passwordMinLengthFloor),
      maxLength: count(`At least 64; passwords longer than ${LIMITS.passwordMaxLength} characters are always refused (never truncated).`, 64),
    },
    ['minLength', 'maxLength'],
    'Length counts code points of the NFKC-normalized password. No composition rules; breached and patterned passwords (a breach corpus, keyboard walks, sequences, repetitions) and context words are refused.',
  ),
  UploadPolicy: object(
    {
      minFiles: count('Fewest documents a registration with documents sends.'),
      maxFiles: count('Most documents one registration may send (default 3: both pages of the document and the page with the foreigner’s registration number, or one PDF with all pages).', 1),
      maxFileBytes: count('Largest document in bytes (default 3 MB). One byte more is refused with 413.', 1),
      acceptedTypes: { type: 'array', items: ref('DocumentType'), minItems: 1 },
    },
    ['minFiles', 'maxFiles', 'maxFileBytes', 'acceptedTypes'],
    'Enforced by the backend while streaming; the widgets only pre-check for a better experience.',
  ),
  RegistrationFieldName: stringEnum(REGISTRATION_FIELDS, 'The registration fields a user type may ask for.'),
  UserType: object(
    {
      id: text('e.g. `foreign_citizen`; the widgets know the portal ids and fall back to `label` for others.', { minLength: 1 }),
      label: ref('LocalizedText'),
      default: { type: 'boolean', description: 'The type preselected in the form.' },
      fields: {
        type: 'array',
        items: object({ name: ref('RegistrationFieldName'), required: { type: 'boolean' } }, ['name', 'required']),
      },
      documents: { type: 'boolean', description: 'Whether ID documents are uploaded (and reviewed) for this type.' },
    },
    ['id', 'label', 'fields', 'documents'],
  ),
  PublicConfig: object(
    {
      passwordPolicy: ref('PasswordPolicy'),
      uploads: ref('UploadPolicy'),
      loginModes: { type: 'array', items: stringEnum(['certificate', 'password']), uniqueItems: true },
      userTypes: { type: 'array', items: ref('UserType'), minItems: 1 },
      certificateRegistrationReview: { type: 'boolean', description: 'Whether a certificate registration also waits for review.' },
      certificationBodies: {
        type: 'array',
        items: ref('CertificationBody'),
        description: 'The CA directory: the certification bodies whose qualified certificates the backend accepts.',
      },
      qualifiedPolicies: {
        type: 'array',
        items: { type: 'string', pattern: '^[0-2](\\.[0-9]+)+$' },
        description: 'Certificate policy OIDs of qualified certificates; the backend accepts a certificate only with one of them.',
      },
      trustedList: ref('TrustedListInfo'),
      authenticationCertificates: {
        type: 'boolean',
        description: "Whether a card's authentication certificate (not qualified) also logs in, at `acr: substantial`. Default false.",
      },
    },
    ['passwordPolicy', 'uploads', 'loginModes', 'userTypes', 'certificateRegistrationReview', 'certificationBodies', 'qualifiedPolicies'],
    'What the widgets need to know before the user types.',
  ),
  TrustedListInfo: object(
    {
      sequenceNumber: { type: 'integer', minimum: 1, description: 'TSLSequenceNumber.' },
      territory: text('SchemeTerritory, e.g. `RS`.', { minLength: 2 }),
      issuedAt: { type: 'string', format: 'date-time', description: 'ListIssueDateTime.' },
      nextUpdate: {
        type: ['string', 'null'],
        format: 'date-time',
        description: "NextUpdate (null: a closed list). Past it, the list's CAs are refused until a newer list is configured.",
      },
    },
    ['sequenceNumber', 'territory', 'issuedAt', 'nextUpdate'],
    'The edition of the trusted list (ETSI TS 119 612) the backend takes its qualified CAs from.',
  ),
  CertificationBodyIssuer: object(
    {
      subject: text("The CA certificate's subject name, DER, base64.", { minLength: 4, pattern: '^[A-Za-z0-9+/]+={0,2}$' }),
      keyIdentifier: text("The CA certificate's subject key identifier, hex, lower case.", { pattern: '^([0-9a-f]{2})+$' }),
      name: text("The CA's common name, for people and logs.", { minLength: 1 }),
    },
    ['subject', 'name'],
    'One issuing CA of a certification body.',
  ),
  CertificationBody: object(
    {
      id: text('e.g. `mup`, `posta`, `pks`, `halcom`, `esmart`, `ite`.', { minLength: 1 }),
      name: ref('LocalizedText'),
      site: text("The certification body's web site (https).", { format: 'uri' }),
      instructions: text('Where the body explains how to get its qualified certificate and install it (https); default: `site`.', { format: 'uri' }),
      support: object(
        {
          phone: text('Support telephone.'),
          email: email('Support e-mail.'),
          url: text('Support page.', { format: 'uri' }),
        },
        [],
        'How people reach its support (any of the three).',
      ),
      pinUnblock: ref('LocalizedText'),
      issuers: {
        type: 'array',
        items: ref('CertificationBodyIssuer'),
        description:
          "Its issuing CAs as their certificates name them: a certificate is the body's when its issuer is one of these subjects byte for byte and its authority key identifier (when present) is that CA's. A body with issuers is never recognised by name alone.",
      },
      issuerNames: {
        type: 'array',
        items: { type: 'string' },
        description:
          "Common names and organizations of its issuing CAs: derived from `issuers` where there are some (for DN-string filters); the only way to recognise a body configured without `issuers`.",
      },
    },
    ['id', 'name', 'site', 'support', 'pinUnblock', 'issuerNames'],
    'A certification body (CA) whose qualified certificates the backend trusts, as people are told about it. `pinUnblock` says what to do after too many wrong PINs or a forgotten PIN.',
  ),
  SignatureAlgorithm: stringEnum(
    SIGNATURE_ALGORITHMS,
    'Signature algorithms a certificate proof may name. ECDSA signatures are IEEE P1363 (r || s, as WebCrypto and PKCS#11 produce them); RSA-PSS uses a salt as long as the hash.',
  ),
  CertificateChallenge: object(
    {
      nonce: text('At least 256 random bits, base64url; single use, bound to this session.', { minLength: 43, pattern: '^[A-Za-z0-9_-]+$' }),
      expiresAt: timestamp('When the nonce stops working: at most 5 minutes after it was issued.'),
      origin: text("The origin the signature must bind: the backend's configured one, never taken from the request.", { format: 'uri' }),
    },
    ['nonce', 'expiresAt', 'origin'],
    `Sign \`"${CERTIFICATE_PROOF_FORMAT}" || SHA-256(origin) || SHA-256(nonce)\` (\`certificateSignedData\` in the contract) with the key of the chosen certificate.`,
  ),
  CertificateProof: object(
    {
      format: { type: 'string', const: CERTIFICATE_PROOF_FORMAT, description: 'The version of the signed data.' },
      certificate: text("The signer's certificate, DER, base64.", { minLength: 1, contentEncoding: 'base64' }),
      chain: {
        type: 'array',
        items: { type: 'string', contentEncoding: 'base64' },
        description: 'Intermediate certificates, DER, base64: only a hint. The backend builds the chain to its own trust anchors and ignores any root sent here.',
      },
      algorithm: ref('SignatureAlgorithm'),
      signature: text('The signature over `certificateSignedData(origin, nonce)`, base64.', { minLength: 1, contentEncoding: 'base64' }),
      nonce: text('The nonce of a challenge this session asked for.', { minLength: 1 }),
    },
    ['format', 'certificate', 'algorithm', 'signature', 'nonce'],
    'Proof of possession of a certificate\'s private key, bound to the configured origin and a fresh nonce.',
  ),
  CertificateLoginRequest: { ...ref('CertificateProof'), description: 'The body of a certificate login: a CertificateProof.' },
  CertificateRegistrationRequest: object(
    {
      proof: ref('CertificateProof'),
      email: email("The certificate's e-mail (possibly edited) or the one the person typed; the confirmation link goes there."),
      consent: { type: 'string', const: 'true', description: 'Must be `"true"`.' },
      locale: text('Locale of the e-mails (else `Accept-Language`).'),
    },
    ['proof', 'email', 'consent'],
    'Registration with a certificate: the proof plus what the certificate cannot say. Name, surname and personal number come from the verified certificate, never from the request.',
  ),
  Sex: stringEnum(SEX_VALUES),
  RegistrationFields: object(
    {
      userType: text('One of `PublicConfig.userTypes[].id`.', { minLength: 1 }),
      email: email('The account e-mail; the confirmation link is sent to it.'),
      password: text('Checked against `PublicConfig.passwordPolicy`, the breached-password corpus, keyboard walks, sequences, repetitions and the context words (e-mail local part, names, site words).', {
        maxLength: LIMITS.passwordMaxLength,
      }),
      givenName: text('Required when the user type says so.', { maxLength: LIMITS.nameMaxLength }),
      surname: text('Required when the user type says so.', { maxLength: LIMITS.nameMaxLength }),
      dateOfBirth: text('`YYYY-MM-DD`, in the past.', { format: 'date' }),
      sex: ref('Sex'),
      citizenship: text('ISO 3166-1 alpha-2, upper case.', { pattern: '^[A-Z]{2}$' }),
      documentNumber: text('Passport or ID document number.', { maxLength: LIMITS.documentNumberMaxLength }),
      foreignerNumber: text("The foreigner's registration number (evidencijski broj stranca): 13 digits, DDMMYYY birth date first, mod-11 control digit last. Absent when `noForeignerNumber` is `\"true\"`.", {
        pattern: '^[0-9]{13}$',
      }),
      noForeignerNumber: stringEnum(['true', 'false'], '`"true"`: "I don\'t have it / I forgot it".'),
      addressInSerbia: text('Address in Serbia.', { maxLength: LIMITS.addressMaxLength }),
      phone: text('Digits, spaces, `+`, `-`, `(`, `)`; at least 6 digits.', { maxLength: LIMITS.phoneMaxLength }),
      consent: { type: 'string', const: 'true', description: 'Must be `"true"`.' },
      locale: text('The site locale, for the e-mails (else `Accept-Language`).'),
    },
    ['userType', 'email', 'password', 'consent'],
    `The text parts of a registration (every value a string; optional fields may be absent or empty). Files go in parts named \`${DOCUMENTS_FIELD}\`. Unknown parts are refused (\`unknown_field\`).`,
  ),
  RegistrationAccepted: object(
    {
      status: { type: 'string', const: 'confirmation_sent' },
      email: email('The e-mail the registration was for, as the user can recognize it.'),
    },
    ['status', 'email'],
    'The same answer for a new and an existing e-mail (the owner of an existing account gets a notice e-mail instead).',
  ),
  ConfirmEmailRequest: object({ token: text('The token from the confirmation link.', { minLength: 1 }) }, ['token']),
  DeclineRegistrationRequest: object({ token: text('The token from the confirmation link.', { minLength: 1 }) }, ['token']),
  RegistrationDeclined: object(
    { result: { type: 'string', const: 'declined' } },
    ['result'],
    'The unconfirmed registration is deleted with everything of it: its certificate link, its documents, its tokens.',
  ),
  ConfirmEmailResponse: object(
    {
      result: stringEnum(['confirmed', 'already_confirmed'], '`already_confirmed`: a used link of an already confirmed account.'),
      accountState: ref('AccountState'),
    },
    ['result', 'accountState'],
    '`accountState` is `pending_review` (documents are checked within 24 h) or `active`.',
  ),
  EmailRequest: object(
    {
      email: email('Any e-mail: the answer is the same whether an account exists or not.'),
      locale: text('Locale of the e-mail (else `Accept-Language`).'),
    },
    ['email'],
  ),
  Accepted: object({ status: { type: 'string', const: 'accepted' } }, ['status'], 'Always the same answer, whatever the e-mail.'),
  PasswordResetCheckRequest: object({ token: text('The token from the reset link.', { minLength: 1 }) }, ['token']),
  ResetLinkChecked: object(
    { valid: { type: 'boolean', const: true } },
    ['valid'],
    'The link can set a new password. Nothing about the account is told, and the token is not used up.',
  ),
  PasswordResetCompleteRequest: object(
    {
      token: text('The token from the reset link.', { minLength: 1 }),
      password: text('The new password, checked like at registration.', { maxLength: LIMITS.passwordMaxLength }),
    },
    ['token', 'password'],
  ),
  PasswordChanged: object(
    { status: { type: 'string', const: 'password_changed' } },
    ['status'],
    'The password changed; the user is not logged in, other sessions ended, and a notice e-mail went out.',
  ),
  OutboxKind: stringEnum(OUTBOX_KINDS, 'What an e-mail is about.'),
  OutboxMessage: object(
    {
      id: { type: 'string' },
      to: email('Recipient.'),
      kind: ref('OutboxKind'),
      locale: text('Locale the message was written in.'),
      subject: { type: 'string' },
      text: text('Plain-text body.'),
      link: text('The link in the message (confirmation, reset), if any: built from the configured public URL, never from the request.', {
        format: 'uri',
      }),
      sentAt: timestamp('When it was "sent".'),
    },
    ['id', 'to', 'kind', 'locale', 'subject', 'text', 'sentAt'],
    'An e-mail the backend "sent" (development operations only).',
  ),
  DevOutboxResponse: object({ messages: { type: 'array', items: ref('OutboxMessage') } }, ['messages'], 'Oldest first.'),
  DevDocument: object(
    {
      id: { type: 'string' },
      name: text("The user's file name: display only, never used as a path."),
      type: ref('DocumentType'),
      size: count('Bytes.'),
    },
    ['id', 'name', 'type', 'size'],
  ),
  DevRegistration: object(
    {
      id: { type: 'string' },
      email: email('The account e-mail.'),
      state: ref('AccountState'),
      userType: { type: 'string' },
      fields: object(
        Object.fromEntries(REGISTRATION_FIELDS.map((name) => [name, { type: 'string' }])),
        [],
        'The registration fields the user filled in.',
      ),
      noForeignerNumber: { type: 'boolean' },
      documents: { type: 'array', items: ref('DevDocument') },
      registeredAt: timestamp('When the registration was received.'),
    },
    ['id', 'email', 'state', 'userType', 'fields', 'noForeignerNumber', 'documents', 'registeredAt'],
    'A registration as the authorized person (reviewer) sees it.',
  ),
  DevRegistrationsResponse: object({ registrations: { type: 'array', items: ref('DevRegistration') } }, ['registrations']),
  DevRejectRequest: object(
    { reason: text('Shown to the user at login (as plain text).', { minLength: 1, maxLength: LIMITS.rejectionReasonMaxLength }) },
    ['reason'],
  ),
  DevAccountRequest: object(
    {
      email: email('Creates the account, or replaces the one with this e-mail (its sessions end, its throttle counter is cleared).'),
      password: text('The password, stored hashed.', { minLength: 1, maxLength: LIMITS.passwordMaxLength }),
      state: ref('AccountState'),
      rejectionReason: text('For `rejected`.', { maxLength: LIMITS.rejectionReasonMaxLength }),
    },
    ['email', 'password', 'state'],
  ),
  DevTestCertificate: object(
    {
      id: { type: 'string', minLength: 1 },
      profile: text('What the test PKI made it to be: `valid`, `valid-ecdsa`, `expired`, `untrusted`, `revoked`, …'),
      certificate: text('DER, base64.', { contentEncoding: 'base64' }),
      chain: { type: 'array', items: { type: 'string', contentEncoding: 'base64' }, description: 'Issuer chain up to (excluding) the root, DER, base64.' },
      privateKey: text('PKCS#8, base64: a published TEST key. Absent for a certificate whose key is not on the token.', { contentEncoding: 'base64' }),
      keyAlgorithm: object(
        {
          name: stringEnum(['RSASSA-PKCS1-v1_5', 'ECDSA']),
          hash: stringEnum(['SHA-256', 'SHA-384']),
          namedCurve: stringEnum(['P-256', 'P-384']),
        },
        ['name'],
        'WebCrypto import parameters for the key.',
      ),
    },
    ['id', 'profile', 'certificate', 'chain', 'keyAlgorithm'],
    'A certificate of the generated test PKI (never a real person\'s), with its TEST private key.',
  ),
  DevTestToken: object(
    {
      id: { type: 'string', minLength: 1 },
      label: text('Shown wherever the agent is shown: these are test keys, not a person\'s.'),
      pin: text('The PIN of the soft token (public: these are test keys).'),
      maxPinTries: count('Wrong PIN entries allowed before the token locks.', 1),
      certificates: { type: 'array', items: ref('DevTestCertificate') },
    },
    ['id', 'label', 'pin', 'maxPinTries', 'certificates'],
    'A soft token of the test PKI, as the in-browser demo agent loads it.',
  ),
  DevTestTokensResponse: object({ tokens: { type: 'array', items: ref('DevTestToken') } }, ['tokens'], 'The test PKI\'s soft tokens (development only).'),
};

// ---------------------------------------------------------------- reusable parts

const errorContent = (codes: readonly ErrorCode[]): JsonObject => ({
  'application/json': {
    schema: ref('ErrorBody'),
    examples: Object.fromEntries(codes.map((code) => [code, { value: { error: { code } } }])),
  },
});

function errorResponse(description: string, codes: readonly ErrorCode[], headers?: Record<string, JsonObject>): JsonObject {
  return { description: `${description} Codes: ${codes.map((code) => `\`${code}\``).join(', ')}.`, ...(headers ? { headers } : {}), content: errorContent(codes) };
}

const securityHeaders: Record<string, JsonObject> = {
  'Cache-Control': headerRef('CacheControl'),
  'X-Content-Type-Options': headerRef('ContentTypeOptions'),
};

function jsonResponse(description: string, schema: JsonObject, headers: Record<string, JsonObject> = {}): JsonObject {
  return { description, headers: { ...securityHeaders, ...headers }, content: { 'application/json': { schema } } };
}

function jsonBody(schemaName: string, description?: string): JsonObject {
  return { required: true, ...(description ? { description } : {}), content: { 'application/json': { schema: ref(schemaName) } } };
}

const parameters: Record<string, JsonObject> = {
  CsrfToken: {
    name: CSRF_HEADER,
    in: 'header',
    required: true,
    description:
      'The session\'s anti-CSRF token (from `GET /session` or the last login). Needed on every state-changing request, login and registration included; without it, or with another session\'s token, the answer is 403 `csrf_failed` (with a `cause`, e.g. `cross_site` when the browser sent no session cookie from another site) and nothing changes.',
    schema: { type: 'string', minLength: 1 },
  },
  AcceptLanguage: {
    name: 'Accept-Language',
    in: 'header',
    required: false,
    description: 'Locale of the e-mails sent (`en`, `sr-Latn`, `sr-Cyrl`), unless the body names one.',
    schema: { type: 'string' },
  },
  DevToken: {
    name: DEV_TOKEN_HEADER,
    in: 'header',
    required: false,
    description: 'The development token, required when the backend is configured with one (else 401 `unauthenticated`).',
    schema: { type: 'string' },
  },
  ReviewerToken: {
    name: REVIEWER_TOKEN_HEADER,
    in: 'header',
    required: true,
    description: 'The authorized person\'s token (without it, or with another, 403 `forbidden`). Reviewer operations also need the development token when the backend has one.',
    schema: { type: 'string' },
  },
  RegistrationId: { name: 'id', in: 'path', required: true, description: 'A `DevRegistration.id`.', schema: { type: 'string' } },
  DocumentId: { name: 'documentId', in: 'path', required: true, description: 'A `DevDocument.id`.', schema: { type: 'string' } },
};

const headers: Record<string, JsonObject> = {
  RetryAfter: {
    description: 'Seconds to wait before trying again; the same number as `error.retryAfter`.',
    required: true,
    schema: { type: 'integer', minimum: 1 },
  },
  CacheControl: { description: 'Auth answers are never cached.', schema: { type: 'string', const: 'no-store' } },
  ContentTypeOptions: { description: 'No MIME sniffing.', schema: { type: 'string', const: 'nosniff' } },
  SetSessionCookie: {
    description: `The session cookie (the reference backend calls it \`__Host-${REFERENCE_SESSION_COOKIE}\`, and \`${REFERENCE_SESSION_COOKIE}\` only on plain-http localhost development where it cannot be Secure): HttpOnly, SameSite, Path=/, no Domain, Secure except on plain-http localhost development, never readable by scripts.`,
    schema: { type: 'string' },
  },
};

const responses: Record<string, JsonObject> = {
  BadRequest: errorResponse('The request is malformed or a field is wrong (`fields` names each wrong field).', ['bad_request', 'validation_failed']),
  CsrfRefused: errorResponse(
    'Refused before the body is read, nothing changed: no session, no or a wrong CSRF token, or an `Origin` that is neither the backend\'s own nor allow-listed (also `null`, and `Sec-Fetch-Site: cross-site` without `Origin`).',
    ['csrf_failed', 'origin_not_allowed'],
  ),
  PayloadTooLarge: errorResponse(`The body is too large (JSON bodies: ${LIMITS.jsonBodyMaxBytes} bytes). Reading stops there and the connection is closed.`, ['payload_too_large']),
  UnsupportedMediaType: errorResponse('The body is not of the expected media type (JSON bodies: `application/json`, UTF-8).', ['unsupported_media_type']),
  Throttled: errorResponse('Too many attempts: wait `Retry-After` seconds (the same as `error.retryAfter`). Never a permanent lock.', ['throttled'], {
    'Retry-After': headerRef('RetryAfter'),
  }),
  DevOff: errorResponse('Development operations are off (they are unless the backend enables them), or the id is unknown.', ['not_found']),
  DevUnauthenticated: errorResponse('The backend has a development token and the request did not carry it.', ['unauthenticated']),
  ReviewerForbidden: errorResponse('The request did not carry the reviewer token.', ['forbidden']),
  Conflict: errorResponse('The registration is not in a state the decision applies to (only `pending_review` can be approved or rejected).', ['conflict']),
  MisdirectedRequest: errorResponse(
    'The request\'s `Host` is not one of the backend\'s own names (refused before anything else: DNS rebinding, or a proxy that does not pass `Host` through).',
    ['misdirected_request'],
  ),
  ServiceBusy: errorResponse(
    'The backend is busy: too many logins are being checked at once (answered at once, without checking the password, the same for every e-mail), or there is no room for more documents of unconfirmed registrations (answered before the body is read). Try again after `Retry-After` seconds.',
    ['service_busy'],
    { 'Retry-After': headerRef('RetryAfter') },
  ),
  NotImplemented: errorResponse('This backend does not implement the operation (yet).', ['not_implemented']),
  InternalError: errorResponse('Something unexpected; try again later.', ['internal_error']),
};

const securitySchemes: Record<string, JsonObject> = {
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: REFERENCE_SESSION_COOKIE,
    description:
      'The session cookie set by `GET /session` (a pre-login session) and replaced by every login. HttpOnly, SameSite, Secure outside plain-http localhost development; the session id is never in a URL or in script-readable storage. Browsers send it with `credentials: include`.',
  },
  devToken: {
    type: 'apiKey',
    in: 'header',
    name: DEV_TOKEN_HEADER,
    description: 'Development operations: the token the backend was configured with (when it has one).',
  },
  reviewerToken: {
    type: 'apiKey',
    in: 'header',
    name: REVIEWER_TOKEN_HEADER,
    description: 'Reviewer ("authorized person") operations: the token the backend was configured with. The reference backend offers these operations only when it has one.',
  },
};

// ---------------------------------------------------------------- operations

const csrf = [parameterRef('CsrfToken')];
type SecurityRequirements = Record<string, string[]>[];
const withSession: SecurityRequirements = [{ sessionCookie: [] }];
const devSecurity: SecurityRequirements = [{ sessionCookie: [], devToken: [] }, { sessionCookie: [] }];
const devGetSecurity: SecurityRequirements = [{ devToken: [] }, {}];
const reviewerSecurity: SecurityRequirements = [{ devToken: [], reviewerToken: [] }, { reviewerToken: [] }];
const commonErrors = { '421': responseRef('MisdirectedRequest'), '500': responseRef('InternalError') };
const postErrors = { '403': responseRef('CsrfRefused'), ...commonErrors };
const jsonPostErrors = { '400': responseRef('BadRequest'), '413': responseRef('PayloadTooLarge'), '415': responseRef('UnsupportedMediaType'), ...postErrors };

const DEV_NOTE =
  'Development operation: off unless the backend enables it (then it answers 404 `not_found`). Never enable it on a reachable production backend; a test environment that runs the conformance suite must enable it.';

const ENUMERATION_NOTE = 'Enumeration-safe: the answer (status, body, headers) is the same whether an account exists for the e-mail or not.';

const CERTIFICATE_NOT_SUPPORTED =
  'A backend without certificate support (or with none configured) answers 501 `not_implemented`.';

/** The reasons a certificate proof is refused (SECURITY.md 32–35), by status. */
const PROOF_REFUSED_400: ErrorCode[] = ['bad_request', 'validation_failed', 'algorithm_not_allowed', 'certificate_malformed'];
const PROOF_REFUSED_401: ErrorCode[] = ['challenge_invalid', 'signature_invalid'];
const PROOF_REFUSED_403: ErrorCode[] = [
  'csrf_failed',
  'origin_not_allowed',
  'certificate_expired',
  'certificate_not_yet_valid',
  'certificate_untrusted',
  'certificate_revoked',
  'certificate_key_usage',
  'certificate_policy',
  'certificate_no_identity',
];

const PROOF_CHECKS = [
  'The backend takes the nonce out of its store before it verifies anything (a nonce works once, within its lifetime, in the session that asked for it: else 401 `challenge_invalid`), then checks, each failure with its own code:',
  '`format` and `algorithm` on its allow-list (400 `algorithm_not_allowed`); the proof\'s size and the certificate\'s encoding (400 `certificate_malformed`); the validity dates (403 `certificate_expired`, `certificate_not_yet_valid`); a chain to its configured trust anchors only, whatever the client sends (403 `certificate_untrusted`: self-signed, unknown CA, a bad CA signature; also when revocation checking is on and no current revocation list covers the issuer); key usage digitalSignature and an extended key usage, if any, that allows client authentication (403 `certificate_key_usage`); a qualified policy from its allow-list (403 `certificate_policy`); revocation where configured (403 `certificate_revoked`); the signature over `certificateSignedData(configured origin, nonce)` with the certificate\'s key (401 `signature_invalid`); a personal number (subject serialNumber `PNORS…`, checksum-verified) or else the issuer and serial number as the identity — never the CN (403 `certificate_no_identity` when a personal number is present but invalid or ambiguous).',
].join(' ');

/** A certificate operation: tagged, session-bound, and answered 501 by a backend without certificate support. */
function certificatePost(operation: Pick<OpenApiOperation, 'operationId' | 'summary' | 'description' | 'responses' | 'parameters' | 'requestBody'>): OpenApiOperation {
  return {
    ...operation,
    tags: ['certificate'],
    security: withSession,
    description: `${operation.description}\n\n${CERTIFICATE_NOT_SUPPORTED}`,
    responses: { ...operation.responses, '501': responseRef('NotImplemented') },
  };
}

const registrationMultipartSchema = (() => {
  const fields = schemas.RegistrationFields as { properties: Record<string, JsonObject>; required: string[] };
  return {
    type: 'object',
    properties: {
      ...fields.properties,
      [DOCUMENTS_FIELD]: {
        type: 'array',
        description: 'The ID document files (both pages; the passport page with the registration number), each one part. Count and size per `PublicConfig.uploads`; type by content.',
        items: { type: 'string', format: 'binary', contentMediaType: 'application/octet-stream' },
      },
    },
    required: fields.required,
    additionalProperties: false,
  } satisfies JsonObject;
})();

const paths: Record<string, OpenApiPathItem> = {
  [API_PATHS.config]: {
    get: {
      operationId: 'getConfig',
      tags: ['session'],
      summary: 'Public configuration',
      description: 'The backend\'s public policy: password rules, upload limits, user types and the fields each asks for, login modes, and the certification bodies whose certificates it accepts (with their support contacts and PIN-unblock guidance).',
      security: [{}],
      responses: { '200': jsonResponse('The policy.', ref('PublicConfig')), ...commonErrors },
    },
  },
  [API_PATHS.openapi]: {
    get: {
      operationId: 'getOpenApiDocument',
      tags: ['session'],
      summary: 'This document',
      description: 'The OpenAPI 3.1 document of the contract, with `servers` set to this backend\'s API URL. Optional for other backends.',
      security: [{}],
      responses: { '200': jsonResponse('The OpenAPI document.', { type: 'object', required: ['openapi', 'paths'] }), ...commonErrors },
    },
  },
  [API_PATHS.session]: {
    get: {
      operationId: 'getSession',
      tags: ['session'],
      summary: 'Current session and CSRF token',
      description: 'Who is logged in, and this session\'s CSRF token. Without a (valid) session cookie a pre-login session is created and its cookie set, so the CSRF token can be sent with the first POST. New sessions are counted per client address (429 with `Retry-After` past the limit).',
      security: [{ sessionCookie: [] }, {}],
      responses: {
        '200': jsonResponse('The session.', ref('SessionResponse'), { 'Set-Cookie': headerRef('SetSessionCookie') }),
        '429': responseRef('Throttled'),
        ...commonErrors,
      },
    },
  },
  [API_PATHS.logout]: {
    post: {
      operationId: 'logout',
      tags: ['session'],
      summary: 'Log out',
      description: 'Ends the session on the server side and clears the cookie; an old cookie no longer works. Body: none or `{}`.',
      parameters: csrf,
      security: withSession,
      requestBody: { required: false, content: { 'application/json': { schema: { type: 'object', additionalProperties: false } } } },
      responses: { '204': { description: 'Logged out.', headers: { ...securityHeaders, 'Set-Cookie': headerRef('SetSessionCookie') } }, ...jsonPostErrors },
    },
  },
  [API_PATHS.passwordLogin]: {
    post: {
      operationId: 'loginWithPassword',
      tags: ['login'],
      summary: 'Log in with e-mail and password',
      description: [
        'Basic level of assurance (`acr: basic`). On success the session id and the CSRF token change.',
        'An unknown e-mail and a wrong password get the identical 401 `invalid_credentials` (status, body, headers and roughly the same time: unknown accounts are checked against a dummy hash).',
        'The account state (403 `email_not_confirmed`, `pending_review`, `account_rejected` with `reason`) is told only after the password is verified.',
        'Throttling: per account (keyed on the normalized e-mail, whether or not it exists) with increasing delays, never a permanent lock, and per client address; while throttled even the right password gets 429 with `Retry-After`. A verified password resets the account counter. Parallel attempts cannot slip past a limit: each is counted when it is admitted and given back when the password is right.',
        'An absolute guess budget per account (100 wrong passwords in a row by default, NIST SP 800-63B-4): past it the answer is 403 `password_login_suspended` for any password until a password reset is completed (the reset link and certificate login keep working), and the owner is told by e-mail. Unknown e-mails are treated alike.',
        'Password checks wait in one bounded queue: when it (or one client address\'s share of it) is full, the answer is 503 `service_busy` with `Retry-After`, at once and the same for every e-mail.',
      ].join('\n\n'),
      parameters: csrf,
      security: withSession,
      requestBody: jsonBody('PasswordLoginRequest'),
      responses: {
        ...jsonPostErrors,
        '200': jsonResponse('Logged in; a new session cookie.', ref('LoginResponse'), { 'Set-Cookie': headerRef('SetSessionCookie') }),
        '401': errorResponse('Unknown e-mail or wrong password: one generic answer.', ['invalid_credentials']),
        '403': errorResponse('CSRF or origin refused (nothing checked); the right password on an account that is not active; or password login paused after too many wrong passwords in a row (`password_login_suspended`, whatever the e-mail and password: a reset lifts it).', [
          'csrf_failed',
          'origin_not_allowed',
          'password_login_suspended',
          'email_not_confirmed',
          'pending_review',
          'account_rejected',
        ]),
        '429': responseRef('Throttled'),
        '503': responseRef('ServiceBusy'),
      },
    },
  },
  [API_PATHS.registration]: {
    post: {
      operationId: 'registerWithPassword',
      tags: ['registration'],
      summary: 'Register with e-mail and password (multipart, with ID documents)',
      description: [
        `\`multipart/form-data\`: the \`RegistrationFields\` as text parts and the ID documents as file parts named \`${DOCUMENTS_FIELD}\`. The user type (\`PublicConfig.userTypes\`) decides which fields are required and whether documents are sent.`,
        `Uploads are streamed and checked while they arrive: type by content (magic bytes), not by name or declared type (\`invalid_file_type\`); fewer than \`uploads.minFiles\` files is 400 \`validation_failed\` with \`fields.${DOCUMENTS_FIELD} = too_few_files\`. Reading stops at once, with 413 \`payload_too_large\`, at a file of more than \`uploads.maxFileBytes\` bytes (\`fields.${DOCUMENTS_FIELD} = file_too_large\`), at one file more than \`uploads.maxFiles\` (\`too_many_files\`), or at too much text; the connection is then closed. A refused registration stores nothing: no account, no file, no e-mail.`,
        `${ENUMERATION_NOTE} For a new e-mail the account is created \`unconfirmed\` and a confirmation link is e-mailed (valid ≤ 24 h); the owner of an existing account gets an "already registered" notice instead, and nothing else changes.`,
        'Throttled per client address (429 with `Retry-After`). The documents of unconfirmed registrations have a disk quota: past it the answer is 503 `service_busy` with `Retry-After`, before the body is read.',
        'Each document is also judged whole once received: a PDF with active content (scripts, actions other than a jump inside the document, embedded files, multimedia, XFA), an encrypted or unparsable PDF, an image over 12,000 px a side or 50 megapixels, or markup outside an image\'s pixels is `invalid_file_type`. Images are stored re-encoded, without metadata.',
      ].join('\n\n'),
      parameters: [...csrf, parameterRef('AcceptLanguage')],
      security: withSession,
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: registrationMultipartSchema,
            encoding: { [DOCUMENTS_FIELD]: { contentType: DOCUMENT_TYPES.join(', ') } },
          },
        },
      },
      responses: {
        '202': jsonResponse('Accepted: "check your e-mail".', ref('RegistrationAccepted')),
        '400': errorResponse('Malformed multipart, or wrong fields or files (`fields`).', ['bad_request', 'validation_failed']),
        '413': errorResponse(
          `A document over \`uploads.maxFileBytes\` (\`fields.${DOCUMENTS_FIELD} = file_too_large\`), more than \`uploads.maxFiles\` documents (\`too_many_files\`), text fields over ${LIMITS.registrationFieldsMaxBytes} bytes together, or a declared length over what the limits allow.`,
          ['payload_too_large'],
        ),
        '415': errorResponse('Not `multipart/form-data`.', ['unsupported_media_type']),
        '429': responseRef('Throttled'),
        '503': responseRef('ServiceBusy'),
        ...postErrors,
      },
    },
  },
  [API_PATHS.confirmEmail]: {
    post: {
      operationId: 'confirmEmail',
      tags: ['registration'],
      summary: 'Confirm the e-mail address',
      description:
        'The token from the confirmation link, sent in the body (the widget removes it from the address bar). Tokens are ≥ 128-bit random, stored hashed, bound to one account and purpose, valid ≤ 24 h; a newer confirmation e-mail invalidates older links. An unknown, expired or other-purpose token (a reset token, for instance) is 400 `token_invalid`; a used link of a confirmed account answers `already_confirmed`.',
      parameters: csrf,
      security: withSession,
      requestBody: jsonBody('ConfirmEmailRequest'),
      responses: {
        ...jsonPostErrors,
        '200': jsonResponse('Confirmed: the account now awaits review (`pending_review`) or is `active`.', ref('ConfirmEmailResponse')),
        '400': errorResponse('Malformed request, or a token that is unknown, used, expired or for another purpose.', ['bad_request', 'validation_failed', 'token_invalid']),
        '429': responseRef('Throttled'),
      },
    },
  },
  [API_PATHS.declineRegistration]: {
    post: {
      operationId: 'declineRegistration',
      tags: ['registration'],
      summary: '"This was not me": delete an unconfirmed registration',
      description:
        'The token from the confirmation link, sent in the body. Only an unconfirmed registration is deleted (with its certificate link, documents and tokens): whoever holds the address decides, so nobody can keep a registration of an address they do not own. The token of a confirmed account, and an unknown, expired or used one, is 400 `token_invalid` and nothing changes.',
      parameters: csrf,
      security: withSession,
      requestBody: jsonBody('DeclineRegistrationRequest'),
      responses: {
        ...jsonPostErrors,
        '200': jsonResponse('Deleted.', ref('RegistrationDeclined')),
        '400': errorResponse('Malformed request, or a token that is unknown, used, expired, for another purpose or of a confirmed account.', ['bad_request', 'validation_failed', 'token_invalid']),
        '429': responseRef('Throttled'),
      },
    },
  },
  [API_PATHS.resendConfirmation]: {
    post: {
      operationId: 'resendConfirmation',
      tags: ['registration'],
      summary: 'Send the confirmation e-mail again',
      description: `${ENUMERATION_NOTE} Only an unconfirmed account gets a new link (older links stop working). Throttled per client address and per e-mail (429 with \`Retry-After\`).`,
      parameters: [...csrf, parameterRef('AcceptLanguage')],
      security: withSession,
      requestBody: jsonBody('EmailRequest'),
      responses: { '202': jsonResponse('Accepted, whatever the e-mail.', ref('Accepted')), '429': responseRef('Throttled'), ...jsonPostErrors },
    },
  },
  [API_PATHS.passwordResetRequest]: {
    post: {
      operationId: 'requestPasswordReset',
      tags: ['password-reset'],
      summary: 'Ask for a password-reset link',
      description: `${ENUMERATION_NOTE} An unknown e-mail gets no e-mail and nothing changes; a known one gets a single-use reset link (valid ≤ 60 min; a newer request invalidates older links) — except an unconfirmed registration, which gets its confirmation link again (no password can be set before the address is proven: a registration by someone else is declined there), and an account that logs in with a certificate only, which is told so (a password is never added to it). The password stays valid until a link is used. Throttled per client address and per e-mail (429 with \`Retry-After\`).`,
      parameters: [...csrf, parameterRef('AcceptLanguage')],
      security: withSession,
      requestBody: jsonBody('EmailRequest'),
      responses: { '202': jsonResponse('Accepted, whatever the e-mail.', ref('Accepted')), '429': responseRef('Throttled'), ...jsonPostErrors },
    },
  },
  [API_PATHS.passwordResetCheck]: {
    post: {
      operationId: 'checkPasswordResetLink',
      tags: ['password-reset'],
      summary: 'Check a reset link before asking for the new password',
      description:
        'The token from the reset link, sent in the body (never in a URL), asked when the link\'s page opens so that a used or expired link says so before the person types a new password (as GOV.UK does). The same rule as `completePasswordReset`: a used, expired, revoked, unknown or confirmation token, and the token of an unconfirmed registration or of an account without a password, is 400 `token_invalid`. Nothing changes: the token stays usable, and the answer tells nothing about the account.',
      parameters: csrf,
      security: withSession,
      requestBody: jsonBody('PasswordResetCheckRequest'),
      responses: {
        ...jsonPostErrors,
        '200': jsonResponse('The link can set a new password.', ref('ResetLinkChecked')),
        '400': errorResponse('Malformed request, or a token that is unknown, used, expired or for another purpose.', ['bad_request', 'validation_failed', 'token_invalid']),
        '429': responseRef('Throttled'),
      },
    },
  },
  [API_PATHS.passwordResetComplete]: {
    post: {
      operationId: 'completePasswordReset',
      tags: ['password-reset'],
      summary: 'Set a new password with a reset token',
      description:
        'The token from the reset link and the new password (checked like at registration: `too_short`, `too_long`, `common_password`, `contains_context`). The token is single-use and bound to the reset purpose: a used, expired, unknown or confirmation token, and the token of an unconfirmed registration or of an account without a password, is 400 `token_invalid`. A password the policy refuses (400 `validation_failed`) does not use the token up. On success the old password stops working, every session of the account ends, a notice e-mail goes out, and the user is not logged in.',
      parameters: csrf,
      security: withSession,
      requestBody: jsonBody('PasswordResetCompleteRequest'),
      responses: {
        ...jsonPostErrors,
        '200': jsonResponse('Password changed; log in with the new one.', ref('PasswordChanged')),
        '400': errorResponse('Malformed request, a password the policy refuses, or a token that is unknown, used, expired or for another purpose.', [
          'bad_request',
          'validation_failed',
          'token_invalid',
        ]),
        '429': responseRef('Throttled'),
      },
    },
  },
  [API_PATHS.certificateChallenge]: {
    post: certificatePost({
      operationId: 'getCertificateChallenge',
      summary: 'Challenge for a certificate login or registration',
      description: `A random nonce (≥ 256 bit, base64url), single use, valid ≤ 5 min, bound to the (pre-login) session, and the origin the signature must bind (the backend's configured one). The widget signs \`"${CERTIFICATE_PROOF_FORMAT}" || SHA-256(origin) || SHA-256(nonce)\` with the key chosen in the certificate picker. Body: none or \`{}\`. Throttled per client address (429 with \`Retry-After\`).`,
      parameters: csrf,
      requestBody: { required: false, content: { 'application/json': { schema: { type: 'object', additionalProperties: false } } } },
      responses: {
        ...jsonPostErrors,
        '200': jsonResponse('The challenge.', ref('CertificateChallenge')),
        '429': responseRef('Throttled'),
      },
    }),
  },
  [API_PATHS.certificateLogin]: {
    post: certificatePost({
      operationId: 'loginWithCertificate',
      summary: 'Log in with a qualified electronic certificate',
      description: [
        'Body: a `CertificateProof` over a challenge of this session. High level of assurance (`acr: high`) with a qualified certificate, `substantial` with an authentication certificate where `authenticationCertificates` allows it; on success the session id and the CSRF token change.',
        PROOF_CHECKS,
        'A verified certificate with no account answers 403 `certificate_not_registered` (only the key holder can learn it: the signature is verified first); one whose account is not active answers its state (403 `email_not_confirmed`, `pending_review`, `account_rejected` with `reason`). Failures are throttled per client address (429 with `Retry-After`).',
      ].join('\n\n'),
      parameters: csrf,
      requestBody: jsonBody('CertificateLoginRequest'),
      responses: {
        ...jsonPostErrors,
        '200': jsonResponse('Logged in with `acr: high` (or `substantial`, see above); a new session cookie.', ref('LoginResponse'), { 'Set-Cookie': headerRef('SetSessionCookie') }),
        '400': errorResponse('Malformed request or proof, or an algorithm not on the allow-list.', PROOF_REFUSED_400),
        '401': errorResponse('The nonce is unknown, used, expired or from another session; or the signature does not verify.', PROOF_REFUSED_401),
        '403': errorResponse('CSRF or origin refused (nothing checked), the certificate refused, or no active account for it.', [
          ...PROOF_REFUSED_403,
          'certificate_not_registered',
          'email_not_confirmed',
          'pending_review',
          'account_rejected',
        ]),
        '429': responseRef('Throttled'),
      },
    }),
  },
  [API_PATHS.certificateRegistration]: {
    post: certificatePost({
      operationId: 'registerWithCertificate',
      summary: 'Register with a qualified electronic certificate',
      description: [
        'Body: `CertificateRegistrationRequest` — a `CertificateProof` over a challenge of this session, the e-mail (the certificate\'s, edited, or typed) and consent. The proof is verified as for the certificate login. Given name, surname and personal number come from the certificate; the account is keyed on the certificate\'s identity and has no password (password login for it fails like a wrong password).',
        PROOF_CHECKS,
        `${ENUMERATION_NOTE} The same holds for a certificate identity that already has an account: nothing is created and the existing account's owner gets a notice e-mail instead. A new account gets a confirmation link; once confirmed it is \`active\` (no documents to review), or \`pending_review\` when \`PublicConfig.certificateRegistrationReview\` is on. Throttled per client address and per e-mail (429 with \`Retry-After\`).`,
      ].join('\n\n'),
      parameters: [...csrf, parameterRef('AcceptLanguage')],
      requestBody: jsonBody('CertificateRegistrationRequest'),
      responses: {
        ...jsonPostErrors,
        '202': jsonResponse('Accepted: a confirmation e-mail (or, for an existing e-mail or certificate, a notice) went out.', ref('RegistrationAccepted')),
        '400': errorResponse('Malformed request or proof (`fields` names a wrong e-mail, consent or locale), or an algorithm not on the allow-list.', PROOF_REFUSED_400),
        '401': errorResponse('The nonce is unknown, used, expired or from another session; or the signature does not verify.', PROOF_REFUSED_401),
        '403': errorResponse('CSRF or origin refused (nothing checked), or the certificate refused.', PROOF_REFUSED_403),
        '429': responseRef('Throttled'),
      },
    }),
  },
  [API_PATHS.devAccounts]: {
    post: {
      operationId: 'devSaveAccount',
      tags: ['development'],
      summary: 'Create or replace a test account (development)',
      description: `${DEV_NOTE} Creates an account in any state, or replaces the one with that e-mail (its sessions end, its throttle counter is cleared).`,
      parameters: [...csrf, parameterRef('DevToken')],
      security: devSecurity,
      requestBody: jsonBody('DevAccountRequest'),
      responses: {
        '200': jsonResponse('Replaced.', object({ email: email('The account e-mail.'), state: ref('AccountState') }, ['email', 'state'])),
        '201': jsonResponse('Created.', object({ email: email('The account e-mail.'), state: ref('AccountState') }, ['email', 'state'])),
        '401': responseRef('DevUnauthenticated'),
        '404': responseRef('DevOff'),
        ...jsonPostErrors,
      },
    },
  },
  [API_PATHS.devOutbox]: {
    get: {
      operationId: 'devReadOutbox',
      tags: ['development'],
      summary: 'Read the e-mails the backend sent (development)',
      description: `${DEV_NOTE} The messages the backend would have e-mailed, oldest first; with \`to\`, only those to that address (compared normalized). The conformance suite reads confirmation and reset links here.`,
      parameters: [
        parameterRef('DevToken'),
        { name: 'to', in: 'query', required: false, description: 'Only messages to this e-mail.', schema: { type: 'string' } },
      ],
      security: devGetSecurity,
      responses: {
        '200': jsonResponse('The messages.', ref('DevOutboxResponse')),
        '401': responseRef('DevUnauthenticated'),
        '404': responseRef('DevOff'),
        ...commonErrors,
      },
    },
  },
  [API_PATHS.devRegistrations]: {
    get: {
      operationId: 'devListRegistrations',
      tags: ['development'],
      summary: 'List registrations for review (reviewer, development)',
      description: `${DEV_NOTE} What the authorized person sees: the registrations (with \`state\`, only those in that state), their fields and documents.`,
      parameters: [
        parameterRef('DevToken'),
        parameterRef('ReviewerToken'),
        { name: 'state', in: 'query', required: false, description: 'Only registrations in this state.', schema: ref('AccountState') },
      ],
      security: reviewerSecurity,
      responses: {
        '200': jsonResponse('The registrations.', ref('DevRegistrationsResponse')),
        '400': responseRef('BadRequest'),
        '401': responseRef('DevUnauthenticated'),
        '403': responseRef('ReviewerForbidden'),
        '404': responseRef('DevOff'),
        ...commonErrors,
      },
    },
  },
  [API_PATHS.devRegistrationDocument]: {
    get: {
      operationId: 'devGetRegistrationDocument',
      tags: ['development'],
      summary: 'Download one ID document (reviewer, development)',
      description: `${DEV_NOTE} The stored file, always as an attachment (\`Content-Disposition: attachment\`), with its content-checked type. Stored under a generated name; the user's file name is never used as a path.`,
      parameters: [parameterRef('DevToken'), parameterRef('ReviewerToken'), parameterRef('RegistrationId'), parameterRef('DocumentId')],
      security: reviewerSecurity,
      responses: {
        '200': {
          description: 'The document.',
          headers: {
            ...securityHeaders,
            'Content-Disposition': { description: 'Always `attachment`.', required: true, schema: { type: 'string', pattern: '^attachment' } },
          },
          content: Object.fromEntries(DOCUMENT_TYPES.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }])),
        },
        '401': responseRef('DevUnauthenticated'),
        '403': responseRef('ReviewerForbidden'),
        '404': responseRef('DevOff'),
        ...commonErrors,
      },
    },
  },
  [API_PATHS.devApproveRegistration]: {
    post: {
      operationId: 'devApproveRegistration',
      tags: ['development'],
      summary: 'Approve a registration (reviewer, development)',
      description: `${DEV_NOTE} The account becomes \`active\` and the user gets an "approved" e-mail. Only a registration in \`pending_review\` can be approved.`,
      parameters: [...csrf, parameterRef('DevToken'), parameterRef('ReviewerToken'), parameterRef('RegistrationId')],
      security: reviewerSecurity,
      requestBody: { required: false, content: { 'application/json': { schema: { type: 'object', additionalProperties: false } } } },
      responses: {
        ...jsonPostErrors,
        '200': jsonResponse('Approved.', ref('DevRegistration')),
        '401': responseRef('DevUnauthenticated'),
        '403': errorResponse('CSRF or origin refused, or no reviewer token.', ['csrf_failed', 'origin_not_allowed', 'forbidden']),
        '404': responseRef('DevOff'),
        '409': responseRef('Conflict'),
      },
    },
  },
  [API_PATHS.devRejectRegistration]: {
    post: {
      operationId: 'devRejectRegistration',
      tags: ['development'],
      summary: 'Reject a registration (reviewer, development)',
      description: `${DEV_NOTE} The account becomes \`rejected\`; the reason is e-mailed and shown (as plain text) when the user logs in with the right password.`,
      parameters: [...csrf, parameterRef('DevToken'), parameterRef('ReviewerToken'), parameterRef('RegistrationId')],
      security: reviewerSecurity,
      requestBody: jsonBody('DevRejectRequest'),
      responses: {
        ...jsonPostErrors,
        '200': jsonResponse('Rejected.', ref('DevRegistration')),
        '401': responseRef('DevUnauthenticated'),
        '403': errorResponse('CSRF or origin refused, or no reviewer token.', ['csrf_failed', 'origin_not_allowed', 'forbidden']),
        '404': responseRef('DevOff'),
        '409': responseRef('Conflict'),
      },
    },
  },
  [API_PATHS.devTestTokens]: {
    get: {
      operationId: 'devGetTestTokens',
      tags: ['development'],
      summary: 'Soft tokens of the test PKI (development)',
      description: `${DEV_NOTE} The generated test PKI's certificates with their TEST private keys (PKCS#8), grouped as soft tokens with a PIN, for the in-browser demo agent and the certificate conformance tests: valid ones and one of each kind the backend must refuse. Never real people's certificates; the keys are public.`,
      parameters: [parameterRef('DevToken')],
      security: devGetSecurity,
      responses: {
        '200': jsonResponse('The soft tokens.', ref('DevTestTokensResponse')),
        '401': responseRef('DevUnauthenticated'),
        '404': responseRef('DevOff'),
        ...commonErrors,
      },
    },
  },
};

/** Example base URL: the reference backend on its default port. */
export const EXAMPLE_BASE_URL = 'http://127.0.0.1:8787/api';

export const openApiDocument: OpenApiDocument = {
  openapi: '3.1.0',
  jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
  info: {
    title: 'eGov Auth Kit backend contract',
    version: '1.0.0',
    summary: 'Registration, e-mail confirmation, login, password reset and certificate login for the eGov Auth Kit widgets.',
    description: [
      'One REST + JSON contract between the eGov Auth Kit widgets and any backend. The TypeScript types in `@egov/auth-widgets/contract` and this document are kept identical by a test.',
      `**Sessions and CSRF.** A client first calls \`GET ${API_PATHS.session}\`: it sets the session cookie and returns a \`csrfToken\`. Every POST must carry that token in \`${CSRF_HEADER}\` and, when the browser sends \`Origin\`, an origin that is the backend's own or allow-listed (CORS with an explicit allow-list and credentials, never \`*\`). A login replaces the session and its token.`,
      '**Errors** are `{ "error": { "code", "cause"?, "fields"?, "retryAfter"?, "reason"? } }` with a code from `ErrorCode`; clients show their own localized text and never render server text as HTML.',
      '**No account enumeration.** Login failures, registration, resend and reset requests answer identically whether an account exists or not; states are told only after the password is verified.',
      '**Tokens** in e-mail links are ≥ 128-bit random, stored hashed, single-use, bound to an account and a purpose, and expire (confirmation ≤ 24 h, reset ≤ 60 min). Links are built from the configured public URL, never from the request\'s `Host`.',
      '**Throttling** answers 429 `throttled` with a `Retry-After` header and the same number in `error.retryAfter`.',
      '**Headers.** Every answer has `Cache-Control: no-store` and `X-Content-Type-Options: nosniff`.',
      `**Certificates.** \`POST ${API_PATHS.certificateChallenge}\` gives a single-use nonce bound to the session and the origin to bind; the widget signs \`"${CERTIFICATE_PROOF_FORMAT}" || SHA-256(origin) || SHA-256(nonce)\` with the token's key and sends the proof to the certificate login or registration. The backend verifies the chain to its own trust anchors, validity, key usage, qualified policy, revocation where configured, and the signature over its configured origin, and maps the certificate to an account by the personal number in the subject serialNumber (never the CN). Residual risk: the local agent (Fortify) lets the page choose what is signed, so the origin binding rests on the person approving the right origin in the agent.`,
      '**Development operations** (tag `development`: the outbox of sent e-mails, test accounts, the reviewer\'s list, documents, approve and reject, the test PKI\'s soft tokens) are off unless the backend enables them, and then may need a development token and a reviewer token. A test environment that runs the conformance suite (`pnpm conformance --base-url URL`) must enable them.',
    ].join('\n\n'),
  },
  servers: [
    {
      url: '{baseUrl}',
      description: 'The backend\'s API base URL; every path below is relative to it.',
      variables: { baseUrl: { default: EXAMPLE_BASE_URL, description: 'e.g. the reference backend on its default port' } },
    },
  ],
  tags: [
    { name: 'session', description: 'Configuration, session and logout.' },
    { name: 'login', description: 'Password login.' },
    { name: 'registration', description: 'Registration and e-mail confirmation.' },
    { name: 'password-reset', description: 'Password reset by e-mail link.' },
    { name: 'certificate', description: 'Qualified-electronic-certificate challenge, login and registration.' },
    { name: 'development', description: 'Development and reviewer operations: off unless the backend enables them.' },
  ],
  security: [{ sessionCookie: [] }, {}],
  paths,
  components: { schemas, parameters, headers, responses, securitySchemes },
};

/** A copy of the document whose `servers` entry is the given API base URL (e.g. `http://127.0.0.1:8787/api`). */
export function openApiDocumentFor(apiUrl: string): OpenApiDocument {
  const copy = structuredClone(openApiDocument);
  copy.servers = [{ url: apiUrl, description: 'This backend.' }];
  return copy;
}
