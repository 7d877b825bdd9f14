import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { API_PATHS } from '@egov/auth-widgets/contract';
import { Browser, createAccount, errorCode, manualClock, startServer, type Reply, type TestServer } from './helpers.ts';
import { footprint, passphrase, passportPdf, foreignFields, register, uniqueEmail, outbox } from './fixtures.ts';

const clock = manualClock();
/** Only per-address limits that matter in a test run; the other server has per-address limits off. */
let server: TestServer;
let byEmailOnly: TestServer;

before(async () => {
  server = await startServer({
    clock: clock.now,
    // The test client is on loopback: count it per address as a remote client would be.
    throttle: { countLoopback: true, clientRequests: { maxFailures: 4 } },
  });
  byEmailOnly = await startServer({ clock: clock.now, throttle: { clientRequests: false } });
  for (const target of [server, byEmailOnly]) {
    await createAccount(target, { email: 'owner@example.test', password: passphrase(), state: 'unconfirmed' });
  }
});
after(async () => {
  await server.cleanup();
  await byEmailOnly.cleanup();
});
// Counters restart after their window: every test starts clean.
beforeEach(() => clock.advance(2 * 60 * 60_000));

function assertThrottled(reply: Reply, seconds: number): void {
  assert.equal(reply.status, 429, reply.text);
  assert.equal(errorCode(reply), 'throttled');
  assert.equal(reply.json.error.retryAfter, seconds);
  assert.equal(reply.headers['retry-after'], String(seconds));
}

const post = (path: string, body: unknown, target = server) => new Browser(target.api).post(path, body);

describe('per e-mail address (3 requests by default)', () => {
  for (const [name, path] of [
    ['resend confirmation', API_PATHS.resendConfirmation],
    ['password reset request', API_PATHS.passwordResetRequest],
  ] as const) {
    test(`${name}: 3 requests, then 429 with Retry-After; the same for an unknown address; waiting is enough`, async () => {
      for (const email of ['owner@example.test', 'nobody@example.test']) {
        for (let i = 0; i < 3; i += 1) assert.equal((await post(path, { email }, byEmailOnly)).status, 202);
        assertThrottled(await post(path, { email: ` ${email.toUpperCase()} ` }, byEmailOnly), 60);
      }
      clock.advance(60_000);
      assert.equal((await post(path, { email: 'owner@example.test' }, byEmailOnly)).status, 202, 'after the wait');
      assertThrottled(await post(path, { email: 'owner@example.test' }, byEmailOnly), 120);
    });
  }

  test('registration: a taken address cannot be used to flood its owner with notices', async () => {
    const browser = new Browser(byEmailOnly.api);
    for (let i = 0; i < 3; i += 1) assert.equal((await register(browser, foreignFields('owner@example.test', passphrase()), [passportPdf()])).status, 202);
    const before = await footprint(byEmailOnly);
    assertThrottled(await register(browser, foreignFields('owner@example.test', passphrase()), [passportPdf()]), 60);
    assert.deepEqual(await footprint(byEmailOnly), before, 'a refused registration stores nothing');
    assert.equal((await outbox(byEmailOnly, 'owner@example.test')).filter((m) => m.kind === 'already_registered').length, 3);
  });
});

describe('per client address (request counts, not only failures; 4 here)', () => {
  for (const [name, path] of [
    ['resend confirmation', API_PATHS.resendConfirmation],
    ['password reset request', API_PATHS.passwordResetRequest],
  ] as const) {
    test(`${name}: 4 requests for different addresses, then 429`, async () => {
      for (let i = 0; i < 4; i += 1) assert.equal((await post(path, { email: uniqueEmail('ip') })).status, 202);
      assertThrottled(await post(path, { email: uniqueEmail('ip') }), 60);
      // Malformed requests count too, before their body is read.
      clock.advance(60_000);
      assert.equal((await post(path, { email: 'not an e-mail' })).status, 400);
      assertThrottled(await post(path, { email: uniqueEmail('ip') }), 120);
    });
  }

  test('registration: 4 requests, valid or not, then 429 before the body is read', async () => {
    const browser = new Browser(server.api);
    assert.equal((await register(browser, foreignFields(uniqueEmail('ip'), passphrase()), [passportPdf()])).status, 202);
    for (let i = 0; i < 3; i += 1) assert.equal((await register(browser, { userType: 'foreign_citizen' })).status, 400);
    const before = await footprint(server);
    assertThrottled(await register(browser, foreignFields(uniqueEmail('ip'), passphrase()), [passportPdf()]), 60);
    assert.deepEqual(await footprint(server), before);
  });

  test('the operations have separate counters; login failures are not request counts', async () => {
    for (let i = 0; i < 4; i += 1) await post(API_PATHS.resendConfirmation, { email: uniqueEmail('sep') });
    assert.equal((await post(API_PATHS.resendConfirmation, { email: uniqueEmail('sep') })).status, 429);
    assert.equal((await post(API_PATHS.passwordResetRequest, { email: uniqueEmail('sep') })).status, 202);
    assert.equal((await new Browser(server.api).login('owner@example.test', 'wrong password here')).status, 401);
  });
});
