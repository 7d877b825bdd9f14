/**
 * One table of bad requests across the registration, confirmation, reset,
 * certificate and reviewer endpoints: each gets a 4xx with an
 * error code, changes no row, file or e-mail, and the server still works.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { API_PATHS, CSRF_HEADER, DEV_TOKEN_HEADER, REVIEWER_TOKEN_HEADER, apiPath } from '@egov/auth-widgets/contract';
import { Browser, DEV_TOKEN, REVIEWER_TOKEN, request, startServer, type TestServer } from './helpers.ts';
import { FOREIGNER_NUMBER, footprint, foreignFields, jpeg, multipart, passphrase, pdf, pendingAccount, registrationOf, uniqueEmail, without, type FilePart } from './fixtures.ts';

interface BadRequest {
  name: string;
  path: string;
  method?: string;
  /** A JSON body (serialized), a raw string/Buffer, or a multipart form. */
  json?: unknown;
  raw?: string | Buffer;
  form?: { fields: Record<string, string> | [string, string][]; files?: FilePart[]; boundary?: string };
  contentType?: string;
  headers?: Record<string, string>;
  csrf?: boolean;
  status: number;
  code: string;
  fields?: Record<string, string>;
}

/** A valid foreign citizen's fields (a fresh e-mail each time: the per-address limit counts refused requests too). */
const valid = (overrides: Record<string, string> = {}) => foreignFields(uniqueEmail('bad-input'), passphrase(), overrides);
const script = '<script>alert(1)</script>';
const reviewer = { [DEV_TOKEN_HEADER]: DEV_TOKEN, [REVIEWER_TOKEN_HEADER]: REVIEWER_TOKEN };
/** Filled in before the table runs: a registration pending review. */
let pendingId = '';

const CASES: BadRequest[] = [
  // --- JSON endpoints: malformed, wrong types, missing, unknown, oversized
  ...[API_PATHS.confirmEmail, API_PATHS.resendConfirmation, API_PATHS.passwordResetRequest, API_PATHS.passwordResetComplete].flatMap((path): BadRequest[] => [
    { name: `${path}: malformed JSON`, path, raw: '{"email": "a@x.rs", ', status: 400, code: 'bad_request' },
    { name: `${path}: a JSON array`, path, raw: '[]', status: 400, code: 'bad_request' },
    { name: `${path}: empty body`, path, raw: '', status: 400, code: 'bad_request' },
    { name: `${path}: over 16 KiB`, path, json: { pad: 'x'.repeat(17 * 1024) }, status: 413, code: 'payload_too_large' },
    { name: `${path}: form-encoded`, path, raw: 'email=a%40x.rs', contentType: 'application/x-www-form-urlencoded', status: 415, code: 'unsupported_media_type' },
    { name: `${path}: no CSRF token`, path, json: {}, csrf: false, status: 403, code: 'csrf_failed' },
  ]),
  { name: 'confirm: no token', path: API_PATHS.confirmEmail, json: {}, status: 400, code: 'validation_failed', fields: { token: 'required' } },
  { name: 'confirm: token an array', path: API_PATHS.confirmEmail, json: { token: ['x'] }, status: 400, code: 'validation_failed', fields: { token: 'invalid_type' } },
  { name: 'confirm: unknown field', path: API_PATHS.confirmEmail, json: { token: 'x', admin: true }, status: 400, code: 'validation_failed', fields: { admin: 'unknown_field' } },
  { name: 'confirm: a made-up token', path: API_PATHS.confirmEmail, json: { token: 'A'.repeat(43) }, status: 400, code: 'token_invalid' },
  { name: 'confirm: token too long', path: API_PATHS.confirmEmail, json: { token: 'A'.repeat(257) }, status: 400, code: 'validation_failed', fields: { token: 'too_long' } },
  { name: 'resend: e-mail a number', path: API_PATHS.resendConfirmation, json: { email: 42 }, status: 400, code: 'validation_failed', fields: { email: 'invalid_type' } },
  { name: 'resend: no e-mail', path: API_PATHS.resendConfirmation, json: { locale: 'en' }, status: 400, code: 'validation_failed', fields: { email: 'required' } },
  { name: 'resend: __proto__', path: API_PATHS.resendConfirmation, raw: '{"email":"a@x.rs","__proto__":{"x":1}}', status: 400, code: 'validation_failed', fields: { ['__proto__']: 'unknown_field' } },
  { name: 'reset: implausible e-mail', path: API_PATHS.passwordResetRequest, json: { email: script }, status: 400, code: 'validation_failed', fields: { email: 'invalid_email' } },
  { name: 'reset: locale an object', path: API_PATHS.passwordResetRequest, json: { email: 'a@x.rs', locale: {} }, status: 400, code: 'validation_failed', fields: { locale: 'invalid_type' } },
  { name: 'complete: no password', path: API_PATHS.passwordResetComplete, json: { token: 'A'.repeat(43) }, status: 400, code: 'validation_failed', fields: { password: 'required' } },
  { name: 'complete: password null', path: API_PATHS.passwordResetComplete, json: { token: 'A'.repeat(43), password: null }, status: 400, code: 'validation_failed', fields: { password: 'invalid_type' } },
  { name: 'complete: password of 129 characters', path: API_PATHS.passwordResetComplete, json: { token: 'A'.repeat(43), password: 'p'.repeat(129) }, status: 400, code: 'validation_failed', fields: { password: 'too_long' } },

  // --- registration: transport
  { name: 'registration: JSON instead of multipart', path: API_PATHS.registration, json: valid(), status: 415, code: 'unsupported_media_type' },
  { name: 'registration: no boundary', path: API_PATHS.registration, raw: 'x', contentType: 'multipart/form-data', status: 400, code: 'bad_request' },
  { name: 'registration: boundary not in the body', path: API_PATHS.registration, raw: multipart(valid(), [{ filename: 'a.pdf', content: pdf() }], 'body-boundary').body, contentType: 'multipart/form-data; boundary=header-boundary', status: 400, code: 'bad_request' },
  { name: 'registration: truncated body', path: API_PATHS.registration, raw: multipart(valid(), [{ filename: 'a.pdf', content: pdf() }]).body.subarray(0, 900), contentType: 'multipart/form-data; boundary=PLACEHOLDER', status: 400, code: 'bad_request' },
  { name: 'registration: malformed part header', path: API_PATHS.registration, raw: `--b\r\n${'X'.repeat(20_000)}\r\n\r\nvalue\r\n--b--\r\n`, contentType: 'multipart/form-data; boundary=b', status: 400, code: 'bad_request' },
  { name: 'registration: empty body', path: API_PATHS.registration, raw: '', contentType: 'multipart/form-data; boundary=b', status: 400, code: 'bad_request' },
  { name: 'registration: no CSRF token', path: API_PATHS.registration, form: { fields: valid(), files: [{ filename: 'a.pdf', content: pdf() }] }, csrf: false, status: 403, code: 'csrf_failed' },
  { name: 'registration: a cross-site form post', path: API_PATHS.registration, form: { fields: valid() }, headers: { Origin: 'https://evil.example' }, status: 403, code: 'origin_not_allowed' },
  { name: 'registration: GET', path: API_PATHS.registration, method: 'GET', status: 405, code: 'method_not_allowed' },
  {
    name: 'registration: text over 16 KiB in all',
    path: API_PATHS.registration,
    form: { fields: Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`pad${i}`, 'x'.repeat(3000)])) },
    status: 413,
    code: 'payload_too_large',
  },
  { name: 'registration: too many parts', path: API_PATHS.registration, form: { fields: Array.from({ length: 40 }, (_, i): [string, string] => [`p${i}`, 'x']) }, status: 413, code: 'payload_too_large' },

  // --- registration: fields
  {
    name: 'registration: nothing at all',
    path: API_PATHS.registration,
    form: { fields: {} },
    status: 400,
    code: 'validation_failed',
    fields: { userType: 'required', email: 'required', password: 'required', consent: 'not_accepted' },
  },
  {
    name: 'registration: <script> in every text field',
    path: API_PATHS.registration,
    form: {
      fields: { ...Object.fromEntries(Object.keys(valid({ noForeignerNumber: 'false', locale: 'en' })).map((name) => [name, script])), userType: 'foreign_citizen' },
      files: [{ filename: `${script}.pdf`, content: pdf() }],
    },
    status: 400,
    code: 'validation_failed',
    // Names and address may hold it (as data); every field with a form refuses it; the password contains the "name".
    fields: {
      email: 'invalid_email',
      password: 'contains_context',
      noForeignerNumber: 'invalid_choice',
      consent: 'not_accepted',
      locale: 'invalid_format',
      dateOfBirth: 'too_long',
      sex: 'too_long',
      citizenship: 'too_long',
      documentNumber: 'too_long',
      foreignerNumber: 'too_long',
      phone: 'too_long',
    },
  },
  {
    name: 'registration: values in the wrong form',
    path: API_PATHS.registration,
    form: { fields: valid({ dateOfBirth: '2023-02-30', sex: 'Q', citizenship: 'XX', documentNumber: '-AB', foreignerNumber: FOREIGNER_NUMBER.slice(0, 12) + String((Number(FOREIGNER_NUMBER[12]) + 1) % 10), phone: 'call me', givenName: 'Ana\u0000' }), files: [{ filename: 'a.pdf', content: pdf() }] },
    status: 400,
    code: 'validation_failed',
    fields: { dateOfBirth: 'invalid_date', sex: 'invalid_choice', citizenship: 'invalid_choice', documentNumber: 'invalid_format', foreignerNumber: 'invalid_checksum', phone: 'invalid_format', givenName: 'invalid_format' },
  },
  { name: 'registration: born tomorrow', path: API_PATHS.registration, form: { fields: valid({ dateOfBirth: '2999-01-01' }), files: [{ filename: 'a.pdf', content: pdf() }] }, status: 400, code: 'validation_failed', fields: { dateOfBirth: 'invalid_date' } },
  { name: 'registration: unknown user type', path: API_PATHS.registration, form: { fields: valid({ userType: 'admin' }), files: [{ filename: 'a.pdf', content: pdf() }] }, status: 400, code: 'validation_failed', fields: { userType: 'invalid_choice' } },
  { name: 'registration: no consent', path: API_PATHS.registration, form: { fields: without(valid(), 'consent'), files: [{ filename: 'a.pdf', content: pdf() }] }, status: 400, code: 'validation_failed', fields: { consent: 'not_accepted' } },
  { name: 'registration: unknown fields', path: API_PATHS.registration, form: { fields: valid({ role: 'admin', __proto__x: '1' }), files: [{ filename: 'a.pdf', content: pdf() }] }, status: 400, code: 'validation_failed', fields: { role: 'unknown_field', __proto__x: 'unknown_field' } },
  { name: 'registration: __proto__ as a part name', path: API_PATHS.registration, form: { fields: [...Object.entries(valid()), ['__proto__', '{"admin":true}']], files: [{ filename: 'a.pdf', content: pdf() }] }, status: 400, code: 'validation_failed', fields: { ['__proto__']: 'unknown_field' } },
  { name: 'registration: a field twice', path: API_PATHS.registration, form: { fields: [...Object.entries(valid()), ['email', 'other@x.rs']], files: [{ filename: 'a.pdf', content: pdf() }] }, status: 400, code: 'validation_failed', fields: { email: 'invalid_type' } },
  { name: 'registration: a 5 KB name', path: API_PATHS.registration, form: { fields: valid({ surname: 'x'.repeat(5000) }), files: [{ filename: 'a.pdf', content: pdf() }] }, status: 400, code: 'validation_failed', fields: { surname: 'too_long' } },
  { name: 'registration: a polyglot file', path: API_PATHS.registration, form: { fields: valid(), files: [{ filename: 'a.jpg', content: jpeg(3000, '<html><script>alert(1)</script>') }] }, status: 400, code: 'validation_failed', fields: { documents: 'invalid_file_type' } },
  { name: 'registration: documents as text', path: API_PATHS.registration, form: { fields: [...Object.entries(valid()), ['documents', 'a.pdf']] }, status: 400, code: 'validation_failed', fields: { documents: 'invalid_type' } },

  // --- certificate operations: CSRF checked first, then the shape of the body
  ...[API_PATHS.certificateChallenge, API_PATHS.certificateLogin, API_PATHS.certificateRegistration].flatMap((path): BadRequest[] => [
    { name: `${path}: without CSRF`, path, json: {}, csrf: false, status: 403, code: 'csrf_failed' },
    { name: `${path}: malformed JSON`, path, raw: '{"nonce":', status: 400, code: 'bad_request' },
  ]),
  { name: 'certificate challenge: an unknown field', path: API_PATHS.certificateChallenge, json: { origin: 'https://evil.example' }, status: 400, code: 'validation_failed', fields: { origin: 'unknown_field' } },
  {
    name: 'certificate login: an empty proof',
    path: API_PATHS.certificateLogin,
    json: {},
    status: 400,
    code: 'validation_failed',
    fields: { format: 'required', certificate: 'required', algorithm: 'required', signature: 'required', nonce: 'required' },
  },
  {
    name: 'certificate login: values of the wrong type, markup as data',
    path: API_PATHS.certificateLogin,
    json: { format: 'egov-auth:1', certificate: script, chain: script, algorithm: ['none'], signature: 5, nonce: { $ne: '' } },
    status: 400,
    code: 'validation_failed',
    fields: { chain: 'invalid_type', algorithm: 'invalid_type', signature: 'invalid_type', nonce: 'invalid_type' },
  },
  { name: 'certificate login: a proof for an unknown nonce', path: API_PATHS.certificateLogin, json: { format: 'egov-auth:1', certificate: 'AAAA', algorithm: 'none', signature: 'AAAA', nonce: 'x'.repeat(43) }, status: 401, code: 'challenge_invalid' },
  {
    name: 'certificate registration: nothing in it',
    path: API_PATHS.certificateRegistration,
    json: {},
    status: 400,
    code: 'validation_failed',
    fields: { email: 'required', consent: 'not_accepted', proof: 'required' },
  },
  {
    name: 'certificate registration: a proof that is not an object, __proto__ as a field',
    path: API_PATHS.certificateRegistration,
    raw: '{"proof":"x","email":"a@example.test","consent":"true","__proto__":{"admin":true}}',
    status: 400,
    code: 'validation_failed',
    fields: { proof: 'invalid_type', ['__proto__']: 'unknown_field' },
  },

  // --- reviewer operations
  { name: 'registrations: a state that does not exist', path: `${API_PATHS.devRegistrations}?state=${encodeURIComponent(script)}`, method: 'GET', headers: reviewer, status: 400, code: 'validation_failed', fields: { state: 'invalid_choice' } },
  { name: 'approve: an id that does not exist', path: apiPath(API_PATHS.devApproveRegistration, { id: 'nope' }), json: {}, headers: reviewer, status: 404, code: 'not_found' },
  { name: 'approve: a traversal id', path: `${API_PATHS.devRegistrations}/..%2F..%2Fetc/approve`, json: {}, headers: reviewer, status: 404, code: 'not_found' },
  { name: 'approve: an unknown field', path: 'PENDING:approve', json: { state: 'active' }, headers: reviewer, status: 400, code: 'validation_failed', fields: { state: 'unknown_field' } },
  { name: 'reject: no reason', path: 'PENDING:reject', json: {}, headers: reviewer, status: 400, code: 'validation_failed', fields: { reason: 'required' } },
  { name: 'reject: reason a number', path: 'PENDING:reject', json: { reason: 5 }, headers: reviewer, status: 400, code: 'validation_failed', fields: { reason: 'invalid_type' } },
  { name: 'reject: malformed JSON', path: 'PENDING:reject', raw: '{"reason":', headers: reviewer, status: 400, code: 'bad_request' },
  { name: 'document: an id that does not exist', path: apiPath(API_PATHS.devRegistrationDocument, { id: 'nope', documentId: 'nope' }), method: 'GET', headers: reviewer, status: 404, code: 'not_found' },
];

function pathOf(c: BadRequest): string {
  if (c.path === 'PENDING:approve') return apiPath(API_PATHS.devApproveRegistration, { id: pendingId });
  if (c.path === 'PENDING:reject') return apiPath(API_PATHS.devRejectRegistration, { id: pendingId });
  return c.path;
}

describe('bad requests to the new endpoints: a 4xx with a code, nothing stored, the server keeps working', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    server = await startServer();
    browser = new Browser(server.api);
    const { email } = await pendingAccount(server, browser, 'bad-input');
    pendingId = (await registrationOf(server, email)).id;
  });
  after(() => server.cleanup());

  for (const c of CASES) {
    test(c.name, async () => {
      await browser.session();
      const method = c.method ?? 'POST';
      const headers: Record<string, string | number> = { Cookie: `egov_sid=${browser.cookie}`, ...c.headers };
      if (method !== 'GET' && c.csrf !== false) headers[CSRF_HEADER] = browser.csrfToken!;
      let body: string | Buffer | undefined;
      if (c.form) {
        const form = multipart(c.form.fields, c.form.files ?? [], c.form.boundary);
        body = form.body;
        headers['Content-Type'] = form.contentType;
      } else if (c.json !== undefined) {
        body = JSON.stringify(c.json);
        headers['Content-Type'] = 'application/json';
      } else if (c.raw !== undefined) {
        body = c.raw;
        headers['Content-Type'] = 'application/json';
      }
      if (c.contentType) {
        // A truncated multipart body keeps the boundary it was built with.
        const boundary = Buffer.isBuffer(body) ? /^--([^\r]+)/.exec(body.toString('latin1'))?.[1] : undefined;
        headers['Content-Type'] = c.contentType.replace('PLACEHOLDER', boundary ?? 'x');
      }
      if (body !== undefined) headers['Content-Length'] = Buffer.byteLength(body);

      const before = await footprint(server);
      const reply = await request(`${server.api}${pathOf(c)}`, { method, headers, body });
      assert.equal(reply.status, c.status, reply.text);
      assert.equal(reply.json.error.code, c.code);
      if (c.fields) assert.deepEqual(reply.json.error.fields, c.fields);
      assert.equal(reply.headers['cache-control'], 'no-store');
      assert.deepEqual(await footprint(server), before, 'no row, file or e-mail');
    });
  }

  test('afterwards the server still registers, confirms and answers', async () => {
    const fresh = new Browser(server.api);
    assert.equal((await fresh.session()).authenticated, false);
    await pendingAccount(server, fresh, 'after-bad-input');
    assert.ok(!server.logs.some((entry) => entry.event === 'internal_error'), 'no bad request was a crash');
  });
});
