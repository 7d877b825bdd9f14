import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { API_PATHS, CSRF_HEADER, DEV_TOKEN_HEADER } from '@egov/auth-widgets/contract';
import { createMockServer } from '../src/app.ts';
import { Browser, createAccount, errorCode, request, startServer, type Reply, type TestServer } from './helpers.ts';

const PASSWORD = 'csrf-test-passphrase-1';
const ALLOWED = 'https://portal.example.gov.rs';
const EVIL = 'https://evil.example';

describe('CSRF and origin checks', () => {
  let server: TestServer;

  before(async () => {
    server = await startServer({ allowedOrigins: [ALLOWED] });
    await createAccount(server, { email: 'user@x.rs', password: PASSWORD });
  });
  after(() => server.cleanup());

  /** Asserts the refusal and that the session did not change. */
  async function assertRefused(browser: Browser, reply: Reply, code: string, cookieBefore: string | null, csrfBefore: string | null) {
    assert.equal(reply.status, 403, reply.text);
    assert.equal(errorCode(reply), code);
    assert.equal(reply.headers['set-cookie'], undefined, 'no cookie change');
    assert.equal(browser.cookie, cookieBefore);
    const session = await browser.session();
    assert.equal(session.authenticated, false, 'not logged in');
    assert.equal(session.csrfToken, csrfBefore, 'the same session as before');
    assert.equal(browser.cookie, cookieBefore);
  }

  test('login without the CSRF header is refused', async () => {
    const browser = new Browser(server.api);
    await browser.session();
    const reply = await browser.post(API_PATHS.passwordLogin, { email: 'user@x.rs', password: PASSWORD }, { csrf: false });
    await assertRefused(browser, reply, 'csrf_failed', browser.cookie, browser.csrfToken);
  });

  test('login with a wrong CSRF token is refused', async () => {
    const browser = new Browser(server.api);
    await browser.session();
    const other = new Browser(server.api);
    await other.session();
    const reply = await browser.post(API_PATHS.passwordLogin, { email: 'user@x.rs', password: PASSWORD }, { csrf: other.csrfToken! });
    await assertRefused(browser, reply, 'csrf_failed', browser.cookie, browser.csrfToken);
  });

  test('login without any session is refused', async () => {
    const browser = new Browser(server.api);
    const reply = await browser.post(API_PATHS.passwordLogin, { email: 'user@x.rs', password: PASSWORD }, { csrf: 'made-up' });
    assert.equal(reply.status, 403);
    assert.equal(errorCode(reply), 'csrf_failed');
    assert.equal(reply.headers['set-cookie'], undefined);
  });

  test('a valid token from a foreign Origin is refused', async () => {
    const browser = new Browser(server.api);
    await browser.session();
    for (const origin of [EVIL, 'null', `${ALLOWED}.evil.example`, 'http://portal.example.gov.rs']) {
      const reply = await browser.post(API_PATHS.passwordLogin, { email: 'user@x.rs', password: PASSWORD }, { headers: { Origin: origin } });
      await assertRefused(browser, reply, 'origin_not_allowed', browser.cookie, browser.csrfToken);
    }
  });

  test('Sec-Fetch-Site: cross-site without an allowed Origin is refused', async () => {
    const browser = new Browser(server.api);
    await browser.session();
    const reply = await browser.post(
      API_PATHS.passwordLogin,
      { email: 'user@x.rs', password: PASSWORD },
      { headers: { 'Sec-Fetch-Site': 'cross-site' } },
    );
    await assertRefused(browser, reply, 'origin_not_allowed', browser.cookie, browser.csrfToken);
  });

  test('a cross-site HTML form POST is refused and stores nothing', async () => {
    const browser = new Browser(server.api);
    await browser.session();
    const store = await server.mock.store();
    const accountsBefore = await store.countAccounts();
    const form = (path: string, body: string) =>
      request(`${server.api}${path}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': Buffer.byteLength(body),
          Origin: EVIL,
          'Sec-Fetch-Site': 'cross-site',
          'Sec-Fetch-Mode': 'navigate',
          Cookie: `egov_sid=${browser.cookie}`,
        },
        body,
      });
    const login = await form(API_PATHS.passwordLogin, `email=user%40x.rs&password=${encodeURIComponent(PASSWORD)}`);
    await assertRefused(browser, login, 'origin_not_allowed', browser.cookie, browser.csrfToken);
    const dev = await form(API_PATHS.devAccounts, 'email=planted%40x.rs&password=planted-pass-1&state=active');
    assert.equal(dev.status, 403);
    assert.equal(await store.countAccounts(), accountsBefore, 'no account created');
    assert.equal(await store.findAccountByEmail('planted@x.rs'), null);
  });

  test('logout from a foreign origin leaves the session alone', async () => {
    const browser = new Browser(server.api);
    assert.equal((await browser.login('user@x.rs', PASSWORD)).status, 200);
    const reply = await browser.post(API_PATHS.logout, {}, { headers: { Origin: EVIL } });
    assert.equal(reply.status, 403);
    assert.equal((await browser.session()).authenticated, true);
  });

  test('the allow-listed origin and the server’s own origin may log in', async () => {
    for (const origin of [ALLOWED, server.url]) {
      const browser = new Browser(server.api);
      const reply = await browser.post(
        API_PATHS.passwordLogin,
        { email: 'user@x.rs', password: PASSWORD },
        { headers: { Origin: origin, 'Sec-Fetch-Site': origin === ALLOWED ? 'cross-site' : 'same-origin' } },
      );
      assert.equal(reply.status, 200, `${origin}: ${reply.text}`);
    }
  });
});

describe('CORS', () => {
  let server: TestServer;

  before(async () => {
    server = await startServer({ allowedOrigins: [ALLOWED, 'http://localhost:5173'] });
  });
  after(() => server.cleanup());

  test('an allow-listed origin is echoed, with credentials', async () => {
    for (const origin of [ALLOWED, 'http://localhost:5173']) {
      const reply = await request(`${server.api}${API_PATHS.session}`, { headers: { Origin: origin } });
      assert.equal(reply.status, 200);
      assert.equal(reply.headers['access-control-allow-origin'], origin);
      assert.equal(reply.headers['access-control-allow-credentials'], 'true');
      assert.match(String(reply.headers.vary), /Origin/);
      assert.match(String(reply.headers['access-control-expose-headers']), /Retry-After/);
    }
  });

  test('an unknown origin gets no allow header, and never * or null', async () => {
    for (const origin of [EVIL, 'null', 'https://portal.example.gov.rs.evil.example']) {
      const reply = await request(`${server.api}${API_PATHS.session}`, { headers: { Origin: origin } });
      assert.equal(reply.headers['access-control-allow-origin'], undefined, origin);
      assert.equal(reply.headers['access-control-allow-credentials'], undefined);
      assert.match(String(reply.headers.vary), /Origin/);
    }
    const none = await request(`${server.api}${API_PATHS.session}`);
    assert.equal(none.headers['access-control-allow-origin'], undefined);
  });

  test('a preflight from an allowed origin names the methods and headers', async () => {
    const reply = await request(`${server.api}${API_PATHS.passwordLogin}`, {
      method: 'OPTIONS',
      headers: {
        Origin: ALLOWED,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, x-csrf-token, accept-language',
      },
    });
    assert.equal(reply.status, 204);
    assert.equal(reply.headers['access-control-allow-origin'], ALLOWED);
    assert.equal(reply.headers['access-control-allow-credentials'], 'true');
    assert.match(String(reply.headers['access-control-allow-methods']), /POST/);
    const allowed = String(reply.headers['access-control-allow-headers']).toLowerCase();
    for (const header of ['content-type', CSRF_HEADER.toLowerCase(), 'accept-language']) assert.ok(allowed.includes(header), header);
    assert.ok(allowed.includes(DEV_TOKEN_HEADER.toLowerCase()), 'dev header allowed while dev operations are on');
  });

  test('a preflight from an unknown origin is refused without allow headers', async () => {
    const reply = await request(`${server.api}${API_PATHS.passwordLogin}`, {
      method: 'OPTIONS',
      headers: { Origin: EVIL, 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(reply.status, 403);
    assert.equal(reply.headers['access-control-allow-origin'], undefined);
    assert.equal(reply.headers['access-control-allow-methods'], undefined);
  });

  test('a wildcard or null origin cannot be configured', () => {
    for (const origin of ['*', 'null', 'https://a.example/path', 'file:///tmp']) {
      assert.throws(() => createMockServer({ allowedOrigins: [origin], dbUrl: ':memory:' }), TypeError, origin);
    }
  });
});

describe('security headers', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.cleanup());

  test('are on every API response, errors included', async () => {
    const browser = new Browser(server.api);
    const replies = [
      await browser.get(API_PATHS.session),
      await browser.login('nobody@x.rs', 'whatever-password'),
      await browser.post(API_PATHS.passwordLogin, {}, { csrf: false }),
      await request(`${server.api}/missing`),
      await request(`${server.url}/`),
      await request(`${server.api}${API_PATHS.session}`, { method: 'OPTIONS' }),
    ];
    for (const reply of replies) {
      assert.equal(reply.headers['cache-control'], 'no-store');
      assert.equal(reply.headers['x-content-type-options'], 'nosniff');
      assert.match(String(reply.headers['content-security-policy']), /frame-ancestors 'none'/);
      assert.equal(reply.headers['referrer-policy'], 'no-referrer');
    }
  });
});
