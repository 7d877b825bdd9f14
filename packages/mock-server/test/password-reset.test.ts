import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { API_PATHS } from '@egov/auth-widgets/contract';
import { Browser, createAccount, errorCode, sessionCookieFrom, startServer, type TestServer } from './helpers.ts';
import { footprint, latest, outbox, passphrase, tokenOf } from './fixtures.ts';

let server: TestServer;

before(async () => {
  server = await startServer();
});
after(() => server.cleanup());

test('request → link → new password: old fails, new works, sessions end, notice e-mail, no login', async () => {
  const email = 'reset.flow@example.test';
  const oldPassword = passphrase();
  await createAccount(server, { email, password: oldPassword });
  const elsewhere = new Browser(server.api);
  assert.equal((await elsewhere.login(email, oldPassword)).status, 200);
  assert.equal((await elsewhere.session()).authenticated, true);

  const browser = new Browser(server.api);
  const requested = await browser.post(API_PATHS.passwordResetRequest, { email, locale: 'sr-Cyrl' });
  assert.equal(requested.status, 202);
  assert.deepEqual(requested.json, { status: 'accepted' });
  const message = await latest(server, email, 'password_reset');
  assert.equal(message.locale, 'sr-Cyrl');
  assert.match(message.text, /у року од 60 минута/);
  assert.equal((await browser.login(email, oldPassword)).status, 200, 'a request alone changes nothing');
  await browser.post(API_PATHS.logout, {});
  await browser.session();

  const newPassword = passphrase();
  const cookieBefore = browser.cookie;
  const completed = await browser.post(
    API_PATHS.passwordResetComplete,
    { token: tokenOf(message), password: newPassword },
    { headers: { 'Accept-Language': 'sr-Cyrl' } },
  );
  assert.equal(completed.status, 200, completed.text);
  assert.deepEqual(completed.json, { status: 'password_changed' });
  assert.equal(sessionCookieFrom(completed.headers), null, 'no session cookie: nobody is logged in');
  assert.equal(browser.cookie, cookieBefore);
  assert.equal((await browser.session()).authenticated, false);

  assert.equal((await elsewhere.session()).authenticated, false, 'the other session ended');
  assert.equal(errorCode(await browser.login(email, oldPassword)), 'invalid_credentials');
  assert.equal((await browser.login(email, newPassword)).status, 200);

  const notice = await latest(server, email, 'password_changed');
  assert.equal(notice.link, undefined);
  assert.match(notice.text, /Лозинка вашег корисничког налога/);
});

test('an unknown e-mail gets the same 202 and no e-mail; nothing is stored', async () => {
  await createAccount(server, { email: 'known.reset@example.test', password: passphrase() });
  const browser = new Browser(server.api);
  const known = await browser.post(API_PATHS.passwordResetRequest, { email: 'known.reset@example.test' });
  const before = await footprint(server);
  const unknown = await browser.post(API_PATHS.passwordResetRequest, { email: 'nobody.here@example.test' });
  assert.equal(unknown.status, known.status);
  assert.deepEqual(unknown.json, known.json);
  assert.deepEqual(Object.keys(unknown.headers).sort(), Object.keys(known.headers).sort());
  assert.deepEqual(await footprint(server), before);
  assert.deepEqual(await outbox(server, 'nobody.here@example.test'), []);
});

test('the new password follows the policy; a refused one leaves the link usable', async () => {
  const email = 'reset.policy@example.test';
  await createAccount(server, { email, password: passphrase() });
  const browser = new Browser(server.api);
  await browser.post(API_PATHS.passwordResetRequest, { email });
  const token = tokenOf(await latest(server, email, 'password_reset'));
  for (const [password, code] of [
    ['too short', 'too_short'],
    ['password12345678', 'common_password'],
    ['reset.policy forever and ever', 'contains_context'],
    ['x'.repeat(129), 'too_long'],
  ]) {
    const reply = await browser.post(API_PATHS.passwordResetComplete, { token, password });
    assert.equal(reply.status, 400);
    assert.deepEqual(reply.json.error, { code: 'validation_failed', fields: { password: code } }, password);
  }
  assert.equal((await browser.post(API_PATHS.passwordResetComplete, { token, password: passphrase() })).status, 200);
});

test('a reset also clears the account’s login throttle', async () => {
  const email = 'reset.throttle@example.test';
  await createAccount(server, { email, password: passphrase() });
  const browser = new Browser(server.api);
  for (let i = 0; i < 5; i += 1) await browser.login(email, 'a wrong guess of a password');
  assert.equal(errorCode(await browser.login(email, 'a wrong guess of a password')), 'throttled');
  await browser.post(API_PATHS.passwordResetRequest, { email });
  const password = passphrase();
  await browser.post(API_PATHS.passwordResetComplete, { token: tokenOf(await latest(server, email, 'password_reset')), password });
  assert.equal((await browser.login(email, password)).status, 200);
});
