import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { API_PATHS } from '@egov/auth-widgets/contract';
import { Browser, createAccount, errorCode, sessionCookieFrom, startServer, type TestServer } from './helpers.ts';

const PASSWORD = 'correct-login-passphrase-7';

describe('password login', () => {
  let server: TestServer;

  before(async () => {
    server = await startServer();
    await createAccount(server, { email: 'active@x.rs', password: PASSWORD });
    await createAccount(server, { email: 'unconfirmed@x.rs', password: PASSWORD, state: 'unconfirmed' });
    await createAccount(server, { email: 'pending@x.rs', password: PASSWORD, state: 'pending_review' });
    await createAccount(server, {
      email: 'rejected@x.rs',
      password: PASSWORD,
      state: 'rejected',
      rejectionReason: 'Passport scan <b>unreadable</b>',
    });
  });
  after(() => server.cleanup());

  test('the right password logs in, with a new session id and CSRF token', async () => {
    const browser = new Browser(server.api);
    const before = await browser.session();
    assert.equal(before.authenticated, false);
    const preLoginCookie = browser.cookie;
    assert.match(preLoginCookie ?? '', /^[A-Za-z0-9_-]{43}$/);

    const reply = await browser.login('active@x.rs', PASSWORD);
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.json.user, { email: 'active@x.rs', acr: 'basic' });
    const newCookie = sessionCookieFrom(reply.headers);
    assert.ok(newCookie, 'login sets the cookie again');
    assert.notEqual(newCookie, preLoginCookie, 'the session id changes on login');
    assert.notEqual(reply.json.csrfToken, before.csrfToken, 'so does the CSRF token');
    const setCookie = reply.headers['set-cookie']![0]!;
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Lax/);
    assert.match(setCookie, /Path=\//);
    assert.match(setCookie, /Max-Age=\d+/);
    assert.doesNotMatch(setCookie, /Secure/, 'plain-http loopback: not Secure');

    const after = await browser.session();
    assert.equal(after.authenticated, true);
    assert.deepEqual(after.user, { email: 'active@x.rs', acr: 'basic' });
    assert.equal(after.csrfToken, reply.json.csrfToken);

    // The pre-login session is gone: its cookie is an unknown session now.
    const old = new Browser(server.api);
    old.cookie = preLoginCookie;
    const oldSession = await old.session();
    assert.equal(oldSession.authenticated, false);
    assert.notEqual(old.cookie, preLoginCookie, 'an unknown id gets a fresh session');
  });

  test('the e-mail is matched after trimming and lower-casing', async () => {
    const browser = new Browser(server.api);
    const reply = await browser.login('  ACTIVE@X.rs ', PASSWORD);
    assert.equal(reply.status, 200);
    assert.equal(reply.json.user.email, 'active@x.rs');
  });

  test('a wrong password and an unknown e-mail get the identical answer', async () => {
    const browser = new Browser(server.api);
    const wrong = await browser.login('active@x.rs', 'wrong-password-guess');
    const unknown = await browser.login('nobody@x.rs', 'wrong-password-guess');
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, wrong.status);
    assert.equal(unknown.text, wrong.text);
    assert.deepEqual(wrong.json, { error: { code: 'invalid_credentials' } });
    const comparable = (headers: typeof wrong.headers) => {
      const { date: _date, ...rest } = headers;
      return rest;
    };
    assert.deepEqual(comparable(unknown.headers), comparable(wrong.headers));
    assert.equal(wrong.headers['set-cookie'], undefined);
  });

  test('account states are told only after the right password', async () => {
    const cases = [
      { email: 'unconfirmed@x.rs', code: 'email_not_confirmed' },
      { email: 'pending@x.rs', code: 'pending_review' },
      { email: 'rejected@x.rs', code: 'account_rejected' },
    ];
    for (const { email, code } of cases) {
      const browser = new Browser(server.api);
      const wrong = await browser.login(email, 'not-the-password');
      assert.equal(wrong.status, 401, `${email} with a wrong password`);
      assert.deepEqual(wrong.json, { error: { code: 'invalid_credentials' } });

      const right = await browser.login(email, PASSWORD);
      assert.equal(right.status, 403, `${email} with the right password`);
      assert.equal(errorCode(right), code);
      assert.equal(right.headers['set-cookie'], undefined, 'no session for a non-active account');
      assert.equal((await browser.session()).authenticated, false);
    }
  });

  test('a rejected account gets the reason as plain text', async () => {
    const browser = new Browser(server.api);
    const reply = await browser.login('rejected@x.rs', PASSWORD);
    assert.deepEqual(reply.json, { error: { code: 'account_rejected', reason: 'Passport scan <b>unreadable</b>' } });
    assert.match(String(reply.headers['content-type']), /^application\/json/);
  });

  test('logout ends the session on the server and clears the cookie', async () => {
    const browser = new Browser(server.api);
    assert.equal((await browser.login('active@x.rs', PASSWORD)).status, 200);
    const loggedInCookie = browser.cookie;

    const reply = await browser.post(API_PATHS.logout, {});
    assert.equal(reply.status, 204);
    assert.equal(reply.text, '');
    const cleared = reply.headers['set-cookie']![0]!;
    assert.match(cleared, /^egov_sid=;/);
    assert.match(cleared, /Max-Age=0/);

    const replay = new Browser(server.api);
    replay.cookie = loggedInCookie;
    const session = await replay.session();
    assert.equal(session.authenticated, false, 'the old cookie no longer authenticates');
    assert.equal(session.user, undefined);
  });

  test('logout without a body works too, and needs the CSRF token', async () => {
    const browser = new Browser(server.api);
    await browser.login('active@x.rs', PASSWORD);
    const refused = await browser.post(API_PATHS.logout, {}, { csrf: false });
    assert.equal(refused.status, 403);
    assert.equal((await browser.session()).authenticated, true, 'a refused logout changes nothing');
    const reply = await browser.post(API_PATHS.logout, undefined, { raw: '', headers: { 'Content-Type': 'text/plain' } });
    assert.equal(reply.status, 204);
    assert.equal((await browser.session()).authenticated, false);
  });

  test('logging in again from a logged-in session rotates it again', async () => {
    const browser = new Browser(server.api);
    await browser.login('active@x.rs', PASSWORD);
    const first = browser.cookie;
    await browser.login('active@x.rs', PASSWORD);
    assert.notEqual(browser.cookie, first);
    const stale = new Browser(server.api);
    stale.cookie = first;
    assert.equal((await stale.session()).authenticated, false);
  });

  test('a password in NFC form logs in when typed in NFD form', async () => {
    const nfc = 'Šifra-čvrsta-ćirilica-1'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    assert.notEqual(nfc, nfd);
    await createAccount(server, { email: 'unicode@x.rs', password: nfc });
    const browser = new Browser(server.api);
    assert.equal((await browser.login('unicode@x.rs', nfd)).status, 200);
  });
});
