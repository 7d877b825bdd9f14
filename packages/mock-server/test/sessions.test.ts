import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Browser, createAccount, manualClock, startServer, type TestServer } from './helpers.ts';
import { DEFAULT_SESSION_POLICY, hashSessionId } from '../src/sessions.ts';

const PASSWORD = 'session-expiry-passphrase-1';
const clock = manualClock();
let server: TestServer;

before(async () => {
  server = await startServer({ clock: clock.now });
  await createAccount(server, { email: 'expiring@x.rs', password: PASSWORD });
});
after(() => server.cleanup());

test('a session used regularly stays; an idle one ends (by the injected clock)', async () => {
  const browser = new Browser(server.api);
  assert.equal((await browser.login('expiring@x.rs', PASSWORD)).status, 200);
  for (let i = 0; i < 4; i += 1) {
    clock.advance(DEFAULT_SESSION_POLICY.idleTimeoutMs - 60_000);
    assert.equal((await browser.session()).authenticated, true, `still in use after ${i + 1} long pauses`);
  }
  clock.advance(DEFAULT_SESSION_POLICY.idleTimeoutMs);
  assert.equal((await browser.session()).authenticated, false);
});

test('a session ends at its absolute timeout however busy it is', async () => {
  const browser = new Browser(server.api);
  assert.equal((await browser.login('expiring@x.rs', PASSWORD)).status, 200);
  const steps = Math.ceil(DEFAULT_SESSION_POLICY.absoluteTimeoutMs / (10 * 60_000));
  let lastAuthenticated = true;
  for (let i = 0; i < steps; i += 1) {
    clock.advance(10 * 60_000);
    lastAuthenticated = (await browser.session()).authenticated;
    if (!lastAuthenticated) break;
  }
  assert.equal(lastAuthenticated, false);
});

test('session cookies carry 256 random bits and the store keeps only their hash', async () => {
  const browser = new Browser(server.api);
  await browser.session();
  assert.equal(Buffer.from(browser.cookie!, 'base64url').length, 32);
  const store = await server.mock.store();
  assert.ok(await store.findSession(hashSessionId(browser.cookie!)));
  assert.equal(await store.findSession(browser.cookie!), null);
});

test('the cookie is Secure when configured, or behind an https public URL', async () => {
  const variants = [
    { options: { cookieSecure: true }, secure: true, sameSite: 'Lax' },
    { options: { publicUrl: 'https://auth.example.gov.rs' }, secure: true, sameSite: 'Lax' },
    { options: { cookieSameSite: 'None' as const }, secure: true, sameSite: 'None' },
    { options: {}, secure: false, sameSite: 'Lax' },
  ];
  for (const variant of variants) {
    const other = await startServer(variant.options);
    try {
      const reply = await new Browser(other.api).get('/session');
      const cookie = reply.headers['set-cookie']![0]!;
      assert.equal(/; Secure/.test(cookie), variant.secure, cookie);
      assert.match(cookie, new RegExp(`SameSite=${variant.sameSite}`));
    } finally {
      await other.cleanup();
    }
  }
});
