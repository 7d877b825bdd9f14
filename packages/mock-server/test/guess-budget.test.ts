/**
 * The absolute guess budget (issue 11, part 7): the short locks alone let an
 * attacker try ~35,000 passwords a year against one account. After the
 * budget (100 wrong passwords in a row by default; 8 here) password login
 * waits for a reset — waiting does not help — the owner is told by e-mail,
 * and the owner always has a way back in that the attacker cannot block:
 * the reset link, or a certificate.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { API_PATHS } from '@egov/auth-widgets/contract';
import { PKI_TIME, certificateLogin, registerAndConfirm, sharedTestPki } from './certificate-fixtures.ts';
import { latest, outbox, passphrase, tokenOf } from './fixtures.ts';
import { Browser, createAccount, errorCode, manualClock, startServer, type Reply, type TestServer } from './helpers.ts';

const BUDGET = 8;
const WRONG = 'not-the-passphrase';
const DAY = 24 * 60 * 60_000;

let shared: Awaited<ReturnType<typeof sharedTestPki>>;
const clock = manualClock(PKI_TIME);
let server: TestServer;

before(async () => {
  shared = await sharedTestPki();
  server = await startServer(
    shared.options({
      clock: clock.now,
      // Short delays, so a test can spend the budget; the budget itself as configured.
      throttle: { account: { maxFailures: 3, baseDelayMs: 1_000, maxDelayMs: 1_000 }, guessCap: { maxFailures: BUDGET } },
    }),
  );
});
after(async () => {
  await server.cleanup();
  shared.cleanup();
});

/** Wrong passwords one after another, waiting out each short lock as a patient attacker would. */
async function guess(email: string, times: number): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (let i = 0; i < times; i += 1) {
    clock.advance(1_000);
    replies.push(await new Browser(server.api).login(email, WRONG));
  }
  return replies;
}

function assertSuspended(reply: Reply): void {
  assert.equal(reply.status, 403, reply.text);
  assert.equal(errorCode(reply), 'password_login_suspended');
  assert.equal(reply.headers['retry-after'], undefined, 'waiting does not help: no Retry-After');
}

describe('the absolute guess budget', () => {
  test(`after ${BUDGET} wrong passwords in a row even the right one is refused, a week later too; a reset lets the owner in`, async () => {
    const email = 'budget.owner@x.rs';
    const password = passphrase();
    await createAccount(server, { email, password });
    assert.deepEqual(
      (await guess(email, BUDGET)).map((r) => r.status),
      Array(BUDGET).fill(401),
    );
    assertSuspended(await new Browser(server.api).login(email, password));
    clock.advance(7 * DAY);
    assertSuspended(await new Browser(server.api).login(email, password));

    // The owner was told once, in the account's language, how to get back in.
    const told = (await outbox(server, email)).filter((m) => m.kind === 'password_login_suspended');
    assert.equal(told.length, 1);
    assert.match(told[0]!.text, /Password forgotten\?/);
    assert.ok(!told[0]!.text.includes(WRONG) && !told[0]!.text.includes(password));

    // The reset link still works, and lifts the suspension.
    const browser = new Browser(server.api);
    assert.equal((await browser.post(API_PATHS.passwordResetRequest, { email })).status, 202);
    const fresh = passphrase();
    const done = await browser.post(API_PATHS.passwordResetComplete, { token: tokenOf(await latest(server, email, 'password_reset')), password: fresh });
    assert.equal(done.status, 200, done.text);
    assert.equal((await new Browser(server.api).login(email, fresh)).status, 200);
  });

  test('an unknown e-mail gets the same answer after the same number of guesses (no enumeration)', async () => {
    const known = 'budget.known@x.rs';
    await createAccount(server, { email: known, password: passphrase() });
    await guess(known, BUDGET);
    await guess('budget.nobody@x.rs', BUDGET);
    const a = await new Browser(server.api).login(known, WRONG);
    const b = await new Browser(server.api).login('budget.nobody@x.rs', WRONG);
    assertSuspended(a);
    assert.equal(a.text, b.text);
    assert.equal(a.status, b.status);
  });

  test('"in a row": a right password starts the count over', async () => {
    const email = 'budget.forgetful@x.rs';
    const password = passphrase();
    await createAccount(server, { email, password });
    await guess(email, BUDGET - 1);
    clock.advance(1_000);
    assert.equal((await new Browser(server.api).login(email, password)).status, 200);
    assert.deepEqual((await guess(email, BUDGET - 1)).map((r) => r.status), Array(BUDGET - 1).fill(401));
    clock.advance(1_000);
    assert.equal((await new Browser(server.api).login(email, password)).status, 200);
  });

  test('the count outlives the short window and housekeeping: guesses hours apart still add up', async () => {
    const email = 'budget.patient@x.rs';
    const password = passphrase();
    await createAccount(server, { email, password });
    for (let i = 0; i < BUDGET; i += 1) {
      clock.advance(2 * 60 * 60_000);
      await server.mock.housekeeping();
      assert.equal((await new Browser(server.api).login(email, WRONG)).status, 401);
    }
    clock.advance(2 * 60 * 60_000);
    await server.mock.housekeeping();
    assertSuspended(await new Browser(server.api).login(email, password));
  });

  test('certificate login keeps working while password login is suspended', async () => {
    const email = 'budget.card@x.rs';
    await registerAndConfirm(server, shared.pki.profile('valid'), email);
    await guess(email, BUDGET);
    assertSuspended(await new Browser(server.api).login(email, WRONG));
    const reply = await certificateLogin(new Browser(server.api), shared.pki.profile('valid'));
    assert.equal(reply.status, 200, reply.text);
  });
});
