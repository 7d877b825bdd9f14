import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { API_PATHS } from '@egov/auth-widgets/contract';
import { createMockServer } from '../src/app.ts';
import { Browser, createAccount, errorCode, manualClock, startServer, type TestServer } from './helpers.ts';
import { approve, confirm, foreignFields, latest, outbox, passphrase, passportPdf, register, registrationOf, serbianFields, tokenOf, uniqueEmail } from './fixtures.ts';

const clock = manualClock();
let server: TestServer;

before(async () => {
  server = await startServer({ clock: clock.now, allowedOrigins: ['https://ministry.example'] });
});
after(() => server.cleanup());

/** A fresh browser: advancing the clock by hours ends earlier sessions. */
const browser = () => new Browser(server.api);

async function registered(label: string, headers: Record<string, string> = {}): Promise<{ email: string; password: string }> {
  const email = uniqueEmail(label);
  const password = passphrase();
  const reply = await register(browser(), serbianFields(email, password), [], headers);
  assert.equal(reply.status, 202, reply.text);
  return { email, password };
}

/** Confirms the registration: only a confirmed account gets a reset link (an unconfirmed one, its confirmation link again: pre-account-hijack.test.ts). */
async function confirmed(email: string): Promise<void> {
  const reply = await confirm(browser(), tokenOf(await latest(server, email, 'confirm_email')));
  assert.equal(reply.status, 200, reply.text);
}

async function resetToken(email: string): Promise<string> {
  if ((await server.mock.store().then((store) => store.findAccountByEmail(email)))?.state === 'unconfirmed') await confirmed(email);
  assert.equal((await browser().post(API_PATHS.passwordResetRequest, { email })).status, 202);
  return tokenOf(await latest(server, email, 'password_reset'));
}

const complete = (token: string, password: string) => browser().post(API_PATHS.passwordResetComplete, { token, password });

describe('confirmation and reset tokens', () => {
  test('are 256-bit random strings in the link', async () => {
    const { email } = await registered('shape');
    const token = tokenOf(await latest(server, email, 'confirm_email'));
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
  });

  test('a used confirmation link answers already_confirmed and confirms nothing twice', async () => {
    const { email } = await registered('reuse');
    const token = tokenOf(await latest(server, email, 'confirm_email'));
    assert.deepEqual((await confirm(browser(), token)).json, { result: 'confirmed', accountState: 'active' });
    const again = await confirm(browser(), token);
    assert.equal(again.status, 200);
    assert.deepEqual(again.json, { result: 'already_confirmed', accountState: 'active' });
  });

  test('a used reset link is token_invalid', async () => {
    const { email } = await registered('reset-reuse');
    const token = await resetToken(email);
    assert.equal((await complete(token, passphrase())).status, 200);
    const again = await complete(token, passphrase());
    assert.equal(again.status, 400);
    assert.equal(errorCode(again), 'token_invalid');
  });

  test('a confirmation link expires after 24 hours, by the injected clock', async () => {
    const early = await registered('expiry-early');
    const late = await registered('expiry-late');
    const earlyToken = tokenOf(await latest(server, early.email, 'confirm_email'));
    const lateToken = tokenOf(await latest(server, late.email, 'confirm_email'));
    clock.advance(24 * 60 * 60_000 - 1_000);
    assert.equal((await confirm(browser(), earlyToken)).status, 200, 'valid just before');
    clock.advance(1_000);
    const expired = await confirm(browser(), lateToken);
    assert.equal(expired.status, 400);
    assert.equal(errorCode(expired), 'token_invalid');
    // A new link (resend) works.
    assert.equal((await browser().post(API_PATHS.resendConfirmation, { email: late.email })).status, 202);
    assert.equal((await confirm(browser(), tokenOf(await latest(server, late.email, 'confirm_email')))).status, 200);
  });

  test('a reset link expires after 60 minutes', async () => {
    const { email } = await registered('reset-expiry');
    const token = await resetToken(email);
    clock.advance(60 * 60_000);
    assert.equal(errorCode(await complete(token, passphrase())), 'token_invalid');
  });

  test('a token works only for its purpose', async () => {
    const { email } = await registered('purpose');
    const confirmToken = tokenOf(await latest(server, email, 'confirm_email'));
    const refused = await complete(confirmToken, passphrase());
    assert.equal(errorCode(refused), 'token_invalid', 'a confirmation token cannot reset the password');
    assert.equal((await confirm(browser(), confirmToken)).json.result, 'confirmed', 'and it still confirms afterwards');
    const reset = await resetToken(email);
    assert.equal(errorCode(await confirm(browser(), reset)), 'token_invalid', 'a reset token cannot confirm');
  });

  test('a newer confirmation link makes the older one invalid', async () => {
    const { email } = await registered('newer-confirm');
    const first = tokenOf(await latest(server, email, 'confirm_email'));
    await browser().post(API_PATHS.resendConfirmation, { email });
    const second = tokenOf(await latest(server, email, 'confirm_email'));
    assert.notEqual(first, second);
    assert.equal(errorCode(await confirm(browser(), first)), 'token_invalid');
    assert.equal((await confirm(browser(), second)).json.result, 'confirmed');
    // Once confirmed, the replaced link tells so instead of an error.
    assert.equal((await confirm(browser(), first)).json.result, 'already_confirmed');
  });

  test('a newer reset request, and a password change, make older reset links invalid', async () => {
    const { email } = await registered('newer-reset');
    const first = await resetToken(email);
    const second = await resetToken(email);
    assert.equal(errorCode(await complete(first, passphrase())), 'token_invalid');
    const third = await resetToken(email);
    assert.equal((await complete(third, passphrase())).status, 200);
    assert.equal(errorCode(await complete(second, passphrase())), 'token_invalid', 'the password change revoked it');
  });

  test('malformed tokens are token_invalid; a missing one is a validation error', async () => {
    for (const token of ['', 'x', 'a'.repeat(43).replace(/a$/, '!'), '../../etc/passwd']) {
      const reply = await confirm(browser(), token);
      assert.equal(reply.status, 400);
      assert.equal(errorCode(reply), token === '' ? 'validation_failed' : 'token_invalid', JSON.stringify(token));
    }
    assert.deepEqual((await browser().post(API_PATHS.confirmEmail, {})).json.error.fields, { token: 'required' });
    assert.deepEqual((await browser().post(API_PATHS.confirmEmail, { token: 42 })).json.error.fields, { token: 'invalid_type' });
  });
});

describe('links in e-mails', () => {
  test('each link opens its page in the message\'s language: a query parameter, or a {locale} slot in the path', async () => {
    const slotted = await startServer({ siteUrl: 'https://portal.example/', confirmEmailPath: '/{locale}/potvrda', resetPasswordPath: '/{locale}/lozinka' });
    try {
      const email = uniqueEmail('slot');
      await register(new Browser(slotted.api), serbianFields(email, passphrase(), { locale: 'sr-Cyrl' }));
      assert.match((await latest(slotted, email, 'confirm_email')).link!, /^https:\/\/portal\.example\/sr-Cyrl\/potvrda\?token=/);
      await createAccount(slotted, { email: 'slot.reset@x.rs', password: passphrase() });
      await new Browser(slotted.api).post(API_PATHS.passwordResetRequest, { email: 'slot.reset@x.rs', locale: 'sr-Latn' });
      assert.match((await latest(slotted, 'slot.reset@x.rs', 'password_reset')).link!, /^https:\/\/portal\.example\/sr-Latn\/lozinka\?token=/);
    } finally {
      await slotted.cleanup();
    }
    const named = await startServer({ linkLocaleParam: 'lang' });
    try {
      await createAccount(named, { email: 'named@x.rs', password: passphrase() });
      await new Browser(named.api).post(API_PATHS.passwordResetRequest, { email: 'named@x.rs', locale: 'sr-Cyrl' });
      const link = new URL((await latest(named, 'named@x.rs', 'password_reset')).link!);
      assert.equal(link.searchParams.get('lang'), 'sr-Cyrl');
      assert.equal(link.searchParams.has('locale'), false);
    } finally {
      await named.cleanup();
    }
  });

  test('a Host header does not change the link; a foreign one is refused before anything is sent', async () => {
    const port = new URL(server.url).port;
    // Another of the server's own names, and a forwarded host that is not: the link is still the configured one.
    const { email } = await registered('host', { Host: `localhost:${port}`, 'X-Forwarded-Host': 'evil.example' });
    const link = new URL((await latest(server, email, 'confirm_email')).link!);
    assert.equal(link.origin, server.url);
    assert.equal(link.pathname, '/confirm-email.html');
    await confirmed(email);
    const foreign = await browser().post(API_PATHS.passwordResetRequest, { email }, { headers: { Host: 'evil.example' } });
    assert.equal(foreign.status, 421);
    assert.equal((await outbox(server, email)).filter((m) => m.kind === 'password_reset').length, 0);
    await browser().post(API_PATHS.passwordResetRequest, { email }, { headers: { Host: `localhost:${port}`, 'X-Forwarded-Host': 'evil.example' } });
    const reset = new URL((await latest(server, email, 'password_reset')).link!);
    assert.equal(reset.origin, server.url);
    assert.equal(reset.pathname, '/reset-password.html');
  });

  test('a request from an allow-listed site gets links to that site; any other Origin is refused before', async () => {
    const { email } = await registered('site', { Origin: 'https://ministry.example' });
    assert.equal(new URL((await latest(server, email, 'confirm_email')).link!).origin, 'https://ministry.example');
    const evil = await browser().post(API_PATHS.passwordResetRequest, { email }, { headers: { Origin: 'https://evil.example' } });
    assert.equal(errorCode(evil), 'origin_not_allowed');
  });

  test('the site URL and page paths come from configuration', async () => {
    const configured = await startServer({ siteUrl: 'https://portal.example/sr/', confirmEmailPath: 'potvrda.html', resetPasswordPath: '/nalog/lozinka' });
    try {
      const email = uniqueEmail('configured');
      await register(new Browser(configured.api), serbianFields(email, passphrase()), [], { 'X-Forwarded-Host': 'evil.example' });
      const link = (await latest(configured, email, 'confirm_email')).link!;
      // The page opens in the message's language (the registration was sent in English).
      assert.match(link, /^https:\/\/portal\.example\/sr\/potvrda\.html\?locale=en&token=[A-Za-z0-9_-]{43}$/);
      await createAccount(configured, { email: 'reset@x.rs', password: passphrase() });
      await new Browser(configured.api).post(API_PATHS.passwordResetRequest, { email: 'reset@x.rs' });
      assert.match((await latest(configured, 'reset@x.rs', 'password_reset')).link!, /^https:\/\/portal\.example\/nalog\/lozinka\?locale=en&token=/);
    } finally {
      await configured.cleanup();
    }
    assert.throws(() => createMockServer({ dbUrl: ':memory:', siteUrl: 'javascript:alert(1)' }), TypeError);
    assert.throws(() => createMockServer({ dbUrl: ':memory:', confirmEmailPath: '//evil.example/confirm' }), TypeError);
    assert.throws(() => createMockServer({ dbUrl: ':memory:', resetPasswordPath: 'https://evil.example/reset' }), TypeError);
    assert.throws(() => createMockServer({ dbUrl: ':memory:', loginPath: '//evil.example/login' }), TypeError);
  });

  test('the "account active" e-mail opens the configured login page, else the site itself', async () => {
    for (const [loginPath, expected] of [
      ['/login.html', /^https:\/\/portal\.example\/login\.html\?locale=en$/],
      [undefined, /^https:\/\/portal\.example\/\?locale=en$/],
    ] as const) {
      const server = await startServer({ siteUrl: 'https://portal.example/', ...(loginPath ? { loginPath } : {}) });
      try {
        const email = uniqueEmail('approved');
        const browser = new Browser(server.api);
        assert.equal((await register(browser, foreignFields(email, passphrase()), [passportPdf()])).status, 202);
        await confirm(browser, tokenOf(await latest(server, email, 'confirm_email')));
        assert.equal((await approve(browser, (await registrationOf(server, email)).id)).status, 200);
        assert.match((await latest(server, email, 'account_approved')).link!, expected, String(loginPath));
      } finally {
        await server.cleanup();
      }
    }
  });

  test('the outbox keeps the link; the log names the message without it', async () => {
    const messages = await outbox(server);
    assert.ok(messages.length > 0);
    const log = JSON.stringify(server.logs);
    for (const message of messages) {
      if (message.link) assert.ok(!log.includes(tokenOf(message)), 'no token in the log');
    }
    const sent = server.logs.filter((entry) => entry.event === 'email_sent');
    assert.equal(sent.length, messages.length);
    assert.match(String(sent[0]!.account), /^.\*\*\*@example\.test$/);
  });
});
