import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { API_PATHS, CSRF_HEADER, LIMITS } from '@egov/auth-widgets/contract';
import { Browser, createAccount, errorCode, request, startServer, type TestServer } from './helpers.ts';

interface BadRequest {
  name: string;
  body?: string | Buffer;
  contentType?: string;
  method?: string;
  path?: string;
  status: number;
  code: string;
  fields?: Record<string, string>;
}

const PASSWORD = 'validation-passphrase-1';

const CASES: BadRequest[] = [
  { name: 'no fields', body: '{}', status: 400, code: 'validation_failed', fields: { email: 'required', password: 'required' } },
  { name: 'missing password', body: '{"email":"a@x.rs"}', status: 400, code: 'validation_failed', fields: { password: 'required' } },
  { name: 'empty e-mail', body: '{"email":"  ","password":"x"}', status: 400, code: 'validation_failed', fields: { email: 'required' } },
  { name: 'e-mail a number', body: '{"email":42,"password":"x"}', status: 400, code: 'validation_failed', fields: { email: 'invalid_type' } },
  { name: 'password an object', body: '{"email":"a@x.rs","password":{"$ne":""}}', status: 400, code: 'validation_failed', fields: { password: 'invalid_type' } },
  { name: 'password null', body: '{"email":"a@x.rs","password":null}', status: 400, code: 'validation_failed', fields: { password: 'invalid_type' } },
  { name: 'password an array', body: '{"email":"a@x.rs","password":["a"]}', status: 400, code: 'validation_failed', fields: { password: 'invalid_type' } },
  { name: 'implausible e-mail', body: '{"email":"not-an-email","password":"x"}', status: 400, code: 'validation_failed', fields: { email: 'invalid_email' } },
  {
    name: 'overlong e-mail',
    body: JSON.stringify({ email: `${'a'.repeat(250)}@x.rs`, password: 'x' }),
    status: 400,
    code: 'validation_failed',
    fields: { email: 'too_long' },
  },
  {
    name: 'password of 129 characters',
    body: JSON.stringify({ email: 'a@x.rs', password: 'p'.repeat(LIMITS.passwordMaxLength + 1) }),
    status: 400,
    code: 'validation_failed',
    fields: { password: 'too_long' },
  },
  {
    name: 'unknown field',
    body: '{"email":"a@x.rs","password":"x","remember":true}',
    status: 400,
    code: 'validation_failed',
    fields: { remember: 'unknown_field' },
  },
  {
    name: '__proto__ field',
    body: '{"email":"a@x.rs","password":"x","__proto__":{"admin":true}}',
    status: 400,
    code: 'validation_failed',
    fields: { ['__proto__']: 'unknown_field' },
  },
  { name: 'malformed JSON', body: '{"email": "a@x.rs", "password": ', status: 400, code: 'bad_request' },
  { name: 'JSON array', body: '[1,2]', status: 400, code: 'bad_request' },
  { name: 'JSON null', body: 'null', status: 400, code: 'bad_request' },
  { name: 'JSON string', body: '"hello"', status: 400, code: 'bad_request' },
  { name: 'empty body', body: '', status: 400, code: 'bad_request' },
  { name: 'invalid UTF-8', body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), status: 400, code: 'bad_request' },
  { name: 'deeply nested JSON', body: '['.repeat(8_000) + ']'.repeat(8_000), status: 400, code: 'bad_request' },
  {
    name: 'body over the limit',
    body: JSON.stringify({ email: 'a@x.rs', password: 'x', pad: 'y'.repeat(LIMITS.jsonBodyMaxBytes) }),
    status: 413,
    code: 'payload_too_large',
  },
  {
    name: 'huge body (1 MB)',
    body: Buffer.alloc(1024 * 1024, 0x20),
    status: 413,
    code: 'payload_too_large',
  },
  { name: 'text/plain', body: '{"email":"a@x.rs","password":"x"}', contentType: 'text/plain', status: 415, code: 'unsupported_media_type' },
  {
    name: 'form encoded',
    body: 'email=a%40x.rs&password=x',
    contentType: 'application/x-www-form-urlencoded',
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'JSON in another charset',
    body: '{"email":"a@x.rs","password":"x"}',
    contentType: 'application/json; charset=utf-16',
    status: 415,
    code: 'unsupported_media_type',
  },
  { name: 'no content type', body: '{"email":"a@x.rs","password":"x"}', contentType: '', status: 415, code: 'unsupported_media_type' },
  { name: 'unknown path', path: '/nope', method: 'GET', status: 404, code: 'not_found' },
  { name: 'path outside the API', path: '/../../etc/passwd', method: 'GET', status: 404, code: 'not_found' },
  { name: 'GET on the login path', path: API_PATHS.passwordLogin, method: 'GET', status: 405, code: 'method_not_allowed' },
  { name: 'DELETE on the session path', path: API_PATHS.session, method: 'DELETE', status: 405, code: 'method_not_allowed' },
];

describe('bad requests get a 4xx with an error code, and the server keeps answering', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    server = await startServer();
    await createAccount(server, { email: 'valid@x.rs', password: PASSWORD });
    browser = new Browser(server.api);
    await browser.session();
  });
  after(() => server.cleanup());

  for (const c of CASES) {
    test(c.name, async () => {
      const headers: Record<string, string | number> = {
        Cookie: `egov_sid=${browser.cookie}`,
        [CSRF_HEADER]: browser.csrfToken!,
      };
      const contentType = c.contentType ?? 'application/json';
      if (contentType) headers['Content-Type'] = contentType;
      if (c.body !== undefined) headers['Content-Length'] = Buffer.byteLength(c.body);
      const reply = await request(`${server.api}${c.path ?? API_PATHS.passwordLogin}`, {
        method: c.method ?? 'POST',
        headers,
        body: c.body,
      });
      assert.equal(reply.status, c.status, reply.text);
      assert.equal(errorCode(reply), c.code);
      if (c.fields) assert.deepEqual(reply.json.error.fields, c.fields);
      else assert.equal(reply.json.error.fields, undefined);
      assert.equal(reply.headers['cache-control'], 'no-store');
      if (c.status === 405) assert.match(String(reply.headers.allow), /OPTIONS/);
    });
  }

  test('a chunked body over the limit is cut off with 413', async () => {
    const reply = await request(`${server.api}${API_PATHS.passwordLogin}`, {
      method: 'POST',
      headers: {
        Cookie: `egov_sid=${browser.cookie}`,
        [CSRF_HEADER]: browser.csrfToken!,
        'Content-Type': 'application/json',
        'Transfer-Encoding': 'chunked',
      },
      body: `{"email":"${'a'.repeat(200_000)}"}`,
    });
    assert.equal(reply.status, 413);
    assert.equal(errorCode(reply), 'payload_too_large');
  });

  test('a 128-character password is not refused by validation', async () => {
    const reply = await browser.login('valid@x.rs', 'p'.repeat(LIMITS.passwordMaxLength));
    assert.equal(reply.status, 401);
    assert.equal(errorCode(reply), 'invalid_credentials');
  });

  test('a 129-character password that starts with the right one is not truncated into a login', async () => {
    const long = 'q'.repeat(LIMITS.passwordMaxLength);
    await createAccount(server, { email: 'long@x.rs', password: long });
    assert.equal((await browser.login('long@x.rs', `${long}q`)).status, 400);
    assert.equal((await browser.login('long@x.rs', long)).status, 200);
  });

  test('after all of that the server still answers and logs in', async () => {
    const fresh = new Browser(server.api);
    assert.equal((await fresh.session()).authenticated, false);
    assert.equal((await fresh.login('valid@x.rs', PASSWORD)).status, 200);
    assert.ok(!server.logs.some((entry) => entry.event === 'internal_error'), 'no bad request counts as a crash');
  });
});

describe('an unexpected failure', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.cleanup());

  test('answers 500 internal_error and is logged without the request secrets', async () => {
    const browser = new Browser(server.api);
    await browser.session();
    // Pull the database out from under the server: every query now throws.
    await (await server.mock.store()).close();
    const reply = await browser.login('someone@x.rs', 'secret-in-a-crash-9');
    assert.equal(reply.status, 500);
    assert.deepEqual(reply.json, { error: { code: 'internal_error' } });
    const logged = server.logs.filter((entry) => entry.event === 'internal_error');
    assert.equal(logged.length, 1);
    const line = JSON.stringify(logged[0]);
    assert.ok(!line.includes('secret-in-a-crash-9'));
    assert.ok(!line.includes(browser.cookie!));
    assert.ok(!line.includes(browser.csrfToken!));
  });
});
