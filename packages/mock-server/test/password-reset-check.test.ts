import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { API_PATHS } from '@egov/auth-widgets/contract';
import { hashLinkToken, newLinkToken } from '../src/link-tokens.ts';
import { Browser, createAccount, errorCode, manualClock, startServer, type Reply, type TestServer } from './helpers.ts';
import { latest, passphrase, tokenOf, uniqueEmail } from './fixtures.ts';

// `POST /password-reset/check`: the page a reset link opens asks first, so a
// dead link says so before anyone types a new password twice.

const ALLOWED = 'https://portal.example.gov.rs';
const clock = manualClock();
let server: TestServer;

before(async () => {
  server = await startServer({ clock: clock.now, allowedOrigins: [ALLOWED] });
});
after(() => server.cleanup());

const check = (token: string, browser = new Browser(server.api)) => browser.post(API_PATHS.passwordResetCheck, { token });
const complete = (token: string, password = passphrase()) => new Browser(server.api).post(API_PATHS.passwordResetComplete, { token, password });

/** An active account with a password, and a fresh reset link for it. */
async function freshLink(label: string): Promise<{ email: string; token: string }> {
  const email = uniqueEmail(label);
  await createAccount(server, { email, password: passphrase() });
  assert.equal((await new Browser(server.api).post(API_PATHS.passwordResetRequest, { email })).status, 202);
  return { email, token: tokenOf(await latest(server, email, 'password_reset')) };
}

/** The stored token as the store holds it: a check must leave it exactly so. */
async function storedToken(token: string) {
  return (await server.mock.store()).findToken(hashLinkToken(token), 'password_reset');
}

/** A reset token made by hand for an account the reset request never gives one to. */
async function handMadeLink(accountId: number): Promise<string> {
  const { token, record } = newLinkToken('password_reset', clock.now(), { confirmEmailMs: 86_400_000, passwordResetMs: 3_600_000 });
  await (await server.mock.store()).issueToken(accountId, record);
  return token;
}

function assertRefused(reply: Reply, what: string): void {
  assert.equal(reply.status, 400, `${what}: ${reply.text}`);
  assert.equal(errorCode(reply), 'token_invalid', what);
}

describe('POST /password-reset/check', () => {
  test('a fresh link is valid, says nothing about the account, and stays usable', async () => {
    const { email, token } = await freshLink('check-fresh');
    const before = await storedToken(token);
    assert.ok(before);

    const reply = await check(token);
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual(reply.json, { valid: true });
    assert.equal(reply.text.includes(email), false, 'no e-mail in the answer');
    assert.equal(JSON.stringify(reply.headers).includes(email), false, 'no e-mail in the headers');
    assert.equal((await check(token)).status, 200, 'a second check: still valid');
    assert.deepEqual(await storedToken(token), before, 'the token is neither used up nor changed');

    assert.equal((await complete(token)).status, 200, 'the checked link still sets the password');
  });

  test('request → check → complete → check again: invalid', async () => {
    const { token } = await freshLink('check-sequence');
    assert.deepEqual((await check(token)).json, { valid: true });
    assert.equal((await complete(token)).status, 200);
    const again = await check(token);
    assertRefused(again, 'the used link');
    assert.deepEqual(again.json, { error: { code: 'token_invalid' } });
  });

  test('a used, expired, revoked, unknown, malformed or confirmation token is token_invalid, logged as token_refused without the token', async () => {
    const used = await freshLink('check-used');
    assert.equal((await complete(used.token)).status, 200);

    const revoked = await freshLink('check-revoked');
    await new Browser(server.api).post(API_PATHS.passwordResetRequest, { email: revoked.email });
    const newer = tokenOf(await latest(server, revoked.email, 'password_reset'));
    assert.notEqual(newer, revoked.token);
    assert.equal((await check(newer)).status, 200, 'the newer link is the one that works');

    const expired = await freshLink('check-expired');
    assert.equal((await check(expired.token)).status, 200, 'valid before the hour is over');
    clock.advance(60 * 60_000);

    const unconfirmed = uniqueEmail('check-unconfirmed');
    await createAccount(server, { email: unconfirmed, password: passphrase(), state: 'unconfirmed' });
    const unconfirmedAccount = await (await server.mock.store()).findAccountByEmail(unconfirmed);
    const confirmationLike = newLinkToken('confirm_email', clock.now(), { confirmEmailMs: 86_400_000, passwordResetMs: 3_600_000 });
    await (await server.mock.store()).issueToken(unconfirmedAccount!.id, confirmationLike.record);

    const cases: [string, string][] = [
      ['used', used.token],
      ['revoked by a newer request', revoked.token],
      ['expired', expired.token],
      ['unknown', randomBytes(32).toString('base64url')],
      ['a confirmation token', confirmationLike.token],
      ['a reset token of an unconfirmed registration', await handMadeLink(unconfirmedAccount!.id)],
    ];
    for (const [what, token] of cases) {
      const refusedBefore = server.logs.filter((entry) => entry.event === 'token_refused').length;
      const reply = await check(token);
      assertRefused(reply, what);
      const refusals = server.logs.filter((entry) => entry.event === 'token_refused');
      assert.equal(refusals.length, refusedBefore + 1, `${what}: logged once`);
      assert.equal(refusals.at(-1)!.kind, 'password_reset', what);
    }
    assertRefused(await check('../../etc/passwd'), 'malformed');
    assert.deepEqual((await new Browser(server.api).post(API_PATHS.passwordResetCheck, {})).json.error.fields, { token: 'required' });

    const logged = JSON.stringify(server.logs);
    for (const [what, token] of cases) assert.equal(logged.includes(token), false, `${what}: the token is not in the log`);
  });

  test('an account without a password (certificate only) gets no valid link, whatever was issued', async () => {
    const email = uniqueEmail('check-certificate');
    const store = await server.mock.store();
    const confirmation = newLinkToken('confirm_email', clock.now(), { confirmEmailMs: 86_400_000, passwordResetMs: 3_600_000 });
    const created = await store.createCertificateRegistration(
      {
        account: { email, locale: 'en' },
        identity: `check-identity-${randomBytes(4).toString('hex')}`,
        registration: { id: randomBytes(8).toString('hex'), userType: 'serbian_citizen', fields: {}, noForeignerNumber: false },
        token: confirmation.record,
      },
      clock.now(),
    );
    assert.ok(created.created);
    await store.confirmEmail(confirmation.record.hash, created.account.id, 'active', clock.now());
    assertRefused(await check(await handMadeLink(created.account.id)), 'no password');
  });

  test('is CSRF-checked like /password-reset/complete, and a refused check leaves the link usable', async () => {
    const { token } = await freshLink('check-csrf');
    const browser = new Browser(server.api);
    await browser.session();
    for (const path of [API_PATHS.passwordResetCheck, API_PATHS.passwordResetComplete]) {
      const body = path === API_PATHS.passwordResetCheck ? { token } : { token, password: passphrase() };
      const noHeader = await browser.post(path, body, { csrf: false });
      assert.equal(noHeader.status, 403, `${path} without the header`);
      assert.equal(errorCode(noHeader), 'csrf_failed', path);
      const other = new Browser(server.api);
      await other.session();
      const wrong = await browser.post(path, body, { csrf: other.csrfToken! });
      assert.equal(errorCode(wrong), 'csrf_failed', `${path} with another session's token`);
      const noSession = await new Browser(server.api).post(path, body, { csrf: 'made-up' });
      assert.equal(errorCode(noSession), 'csrf_failed', `${path} without a session`);
      for (const origin of ['https://evil.example', 'null']) {
        const foreign = await browser.post(path, body, { headers: { Origin: origin } });
        assert.equal(foreign.status, 403, `${path} from ${origin}`);
        assert.equal(errorCode(foreign), 'origin_not_allowed', `${path} from ${origin}`);
      }
      const crossSite = await browser.post(path, body, { headers: { 'Sec-Fetch-Site': 'cross-site' } });
      assert.equal(errorCode(crossSite), 'origin_not_allowed', `${path} cross-site`);
    }
    const allowed = await browser.post(API_PATHS.passwordResetCheck, { token }, { headers: { Origin: ALLOWED } });
    assert.equal(allowed.status, 200, `the allow-listed origin may check: ${allowed.text}`);
    assert.equal((await complete(token)).status, 200, 'nothing refused used the link up');
  });
});
