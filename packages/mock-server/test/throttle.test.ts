import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { Browser, createAccount, errorCode, manualClock, startServer, type Reply, type TestServer } from './helpers.ts';
import { DEFAULT_ACCOUNT_POLICY, lockDelayMs } from '../src/throttle.ts';

const PASSWORD = 'throttle-passphrase-1';
const WRONG = 'not-the-passphrase';

function assertThrottled(reply: Reply, seconds?: number): void {
  assert.equal(reply.status, 429, reply.text);
  assert.equal(errorCode(reply), 'throttled');
  const retryAfter = reply.json.error.retryAfter;
  assert.equal(typeof retryAfter, 'number');
  assert.equal(reply.headers['retry-after'], String(retryAfter), 'header and body agree');
  if (seconds !== undefined) assert.equal(retryAfter, seconds);
}

async function fail(browser: Browser, email: string, times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) {
    const reply = await browser.login(email, WRONG);
    assert.equal(reply.status, 401, `failure ${i + 1} for ${email}`);
  }
}

describe('per-account throttling', () => {
  const clock = manualClock();
  let server: TestServer;
  let browser: Browser;
  let accountNumber = 0;
  let email = '';

  before(async () => {
    server = await startServer({ clock: clock.now });
    browser = new Browser(server.api);
  });
  after(() => server.cleanup());

  // Each test gets its own account, so counters never leak between tests, and a new
  // browser, because a day passes between tests and sessions expire.
  async function freshAccount(): Promise<string> {
    browser = new Browser(server.api);
    accountNumber += 1;
    email = `user${accountNumber}@x.rs`;
    await createAccount(server, { email, password: PASSWORD });
    return email;
  }
  afterEach(() => clock.advance(24 * 60 * 60_000));

  test('after 5 failures even the right password waits, then works', async () => {
    await freshAccount();
    await fail(browser, email, 5);
    const refused = await browser.login(email, PASSWORD);
    assertThrottled(refused, 30);
    assert.equal(refused.headers['set-cookie'], undefined);
    assert.equal((await browser.session()).authenticated, false);

    clock.advance(29_000);
    assertThrottled(await browser.login(email, PASSWORD), 1);
    clock.advance(1_000);
    assert.equal((await browser.login(email, PASSWORD)).status, 200);
  });

  test('four failures are still answered normally', async () => {
    await freshAccount();
    await fail(browser, email, 4);
    assert.equal((await browser.login(email, PASSWORD)).status, 200);
  });

  test('a success resets the counter', async () => {
    await freshAccount();
    await fail(browser, email, 4);
    assert.equal((await browser.login(email, PASSWORD)).status, 200);
    await fail(browser, email, 4);
    assert.equal((await browser.login(email, PASSWORD)).status, 200, 'only 4 failures since the success');
  });

  test('delays double with every further failure, capped at 15 minutes, never permanent', async () => {
    await freshAccount();
    await fail(browser, email, 5);
    const expected = [30, 60, 120, 240, 480, 900, 900];
    for (const seconds of expected) {
      assertThrottled(await browser.login(email, WRONG), seconds);
      clock.advance(seconds * 1000);
      assert.equal((await browser.login(email, WRONG)).status, 401, 'one attempt after each wait');
    }
    clock.advance(900_000);
    assert.equal((await browser.login(email, PASSWORD)).status, 200);
  });

  test('"Test@x.rs " and "test@x.rs" share one counter', async () => {
    browser = new Browser(server.api);
    await createAccount(server, { email: 'test@x.rs', password: PASSWORD });
    for (const variant of ['Test@x.rs ', 'test@x.rs', ' TEST@X.RS', 'test@X.rs', 'Test@x.rs ']) {
      assert.equal((await browser.login(variant, WRONG)).status, 401);
    }
    assertThrottled(await browser.login('test@x.rs', PASSWORD));
    assertThrottled(await browser.login('Test@x.rs ', PASSWORD));
  });

  test('an unknown e-mail is throttled exactly like an existing one', async () => {
    await freshAccount();
    await fail(browser, email, 5);
    await fail(browser, 'ghost@x.rs', 5);
    const known = await browser.login(email, WRONG);
    const unknown = await browser.login('ghost@x.rs', WRONG);
    assertThrottled(known, 30);
    assertThrottled(unknown, 30);
    assert.equal(unknown.text, known.text);
  });

  test('failures spread further apart than the window do not add up', async () => {
    await freshAccount();
    await fail(browser, email, 4);
    clock.advance(DEFAULT_ACCOUNT_POLICY.windowMs);
    browser = new Browser(server.api);
    await fail(browser, email, 4);
    assert.equal((await browser.login(email, PASSWORD)).status, 200);
  });

  test('parallel guesses cannot slip past the limit', async () => {
    await freshAccount();
    const replies = await Promise.all(Array.from({ length: 12 }, () => browser.login(email, WRONG)));
    const statuses = replies.map((r) => r.status).sort();
    assert.deepEqual(statuses, [...Array(5).fill(401), ...Array(7).fill(429)]);
  });

  test('a throttled attempt is logged without the password', async () => {
    const entries = server.logs.filter((e) => e.event === 'login_throttled');
    assert.ok(entries.length > 0);
    assert.ok(entries.every((e) => typeof e.retryAfter === 'number' && !JSON.stringify(e).includes(PASSWORD)));
  });
});

describe('per-address throttling', () => {
  const clock = manualClock();
  let server: TestServer;

  before(async () => {
    server = await startServer({ clock: clock.now, throttle: { ip: { maxFailures: 8 }, countLoopback: true } });
    await createAccount(server, { email: 'victim@x.rs', password: PASSWORD });
  });
  after(() => server.cleanup());

  test('one address guessing across many accounts is slowed down too', async () => {
    const browser = new Browser(server.api);
    for (let i = 0; i < 8; i += 1) assert.equal((await browser.login(`spray${i}@x.rs`, WRONG)).status, 401);
    assertThrottled(await browser.login('victim@x.rs', PASSWORD), 60);
    clock.advance(60_000);
    assert.equal((await browser.login('victim@x.rs', PASSWORD)).status, 200);
  });
});

describe('per-address throttling and loopback clients', () => {
  let server: TestServer;

  before(async () => {
    server = await startServer({ throttle: { ip: { maxFailures: 3 } } });
    await createAccount(server, { email: 'local@x.rs', password: PASSWORD });
  });
  after(() => server.cleanup());

  test('are not counted by default: behind a local proxy everyone would share one counter', async () => {
    const browser = new Browser(server.api);
    for (let i = 0; i < 6; i += 1) assert.equal((await browser.login(`other${i}@x.rs`, WRONG)).status, 401);
    assert.equal((await browser.login('local@x.rs', PASSWORD)).status, 200);
  });
});

test('lock delays: 30 s doubling from the 5th failure, capped at 15 min', () => {
  const policy = DEFAULT_ACCOUNT_POLICY;
  assert.deepEqual(
    [4, 5, 6, 7, 8, 9, 10, 11, 50, 500].map((n) => lockDelayMs(n, policy) / 1000),
    [0, 30, 60, 120, 240, 480, 900, 900, 900, 900],
  );
});
