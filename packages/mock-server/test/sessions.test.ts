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
      // Secure: the __Host- prefix (Path=/, no Domain), so a sibling subdomain cannot plant it.
      assert.match(cookie, variant.secure ? /^__Host-egov_sid=[A-Za-z0-9_-]{43}; Path=\/;/ : /^egov_sid=[A-Za-z0-9_-]{43}; Path=\/;/);
      assert.doesNotMatch(cookie, /Domain=/i);
    } finally {
      await other.cleanup();
    }
  }
});

test('a Secure deployment reads only the __Host- cookie: one planted by a sibling subdomain is ignored', async () => {
  const secure = await startServer({ cookieSecure: true });
  try {
    // The attacker's own session (from a sibling subdomain, e.g. evil.portal.gov.rs, as `egov_sid` for the parent domain).
    const attacker = new Browser(secure.api);
    await createAccount(secure, { email: 'planter@x.rs', password: PASSWORD });
    assert.equal((await attacker.login('planter@x.rs', PASSWORD)).status, 200);
    assert.equal(attacker.cookieName, '__Host-egov_sid');
    const planted = await new Browser(secure.api).get('/session', { Cookie: `egov_sid=${attacker.cookie}` });
    assert.equal(planted.json.authenticated, false, 'the planted cookie is not the session');
    assert.notEqual(planted.json.csrfToken, attacker.csrfToken);
    const own = await new Browser(secure.api).get('/session', { Cookie: `__Host-egov_sid=${attacker.cookie}` });
    assert.equal(own.json.authenticated, true);
  } finally {
    await secure.cleanup();
  }
});
