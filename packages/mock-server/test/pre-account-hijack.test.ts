/**
 * Issue 11, part 1 (security requirement 43, docs/security-requirements.md): no sequence of requests links a
 * certificate to an e-mail address its holder has not proven. The attacker
 * registers the victim's e-mail with the attacker's own certificate; the
 * victim, told that the address is taken, uses "Password forgotten?", and
 * so on. Each variant is played against the real server.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { API_PATHS } from '@egov/auth-widgets/contract';
import type { TestPki } from '../src/test-pki/test-pki.ts';
import { PKI_TIME, certificateLogin, certificateRegistration, sharedTestPki } from './certificate-fixtures.ts';
import { confirm, foreignFields, latest, outbox, passphrase, passportPdf, photoJpeg, register, tokenOf, uniqueEmail } from './fixtures.ts';
import { Browser, errorCode, manualClock, startServer, type TestServer } from './helpers.ts';

let shared: Awaited<ReturnType<typeof sharedTestPki>>;
let pki: TestPki;
let server: TestServer;
const clock = manualClock(PKI_TIME);

before(async () => {
  shared = await sharedTestPki();
  pki = shared.pki;
});
after(() => shared.cleanup());
// A fresh server per attack: each plays the attacker's one certificate from the start.
beforeEach(async () => {
  server = await startServer(shared.options({ clock: clock.now }));
});
afterEach(() => server.cleanup());

/** Step 1: the attacker registers the victim's address with the attacker's own certificate (never confirmed by the attacker). */
async function attackerRegisters(victim: string): Promise<Browser> {
  const attacker = new Browser(server.api);
  const reply = await certificateRegistration(attacker, pki.profile('valid'), victim);
  assert.equal(reply.status, 202);
  return attacker;
}

/** Step 2: the victim tries to register; the address is taken, the e-mail says so. */
async function victimTriesToRegister(victim: string, password: string): Promise<void> {
  const reply = await register(new Browser(server.api), foreignFields(victim, password), [passportPdf(), photoJpeg()]);
  assert.equal(reply.status, 202);
  await latest(server, victim, 'already_registered');
}

/** Step 3: "Password forgotten?" — what arrives, and whether a reset link works. */
async function victimAsksForReset(victim: string): Promise<void> {
  const reply = await new Browser(server.api).post(API_PATHS.passwordResetRequest, { email: victim });
  assert.equal(reply.status, 202, 'the same answer as for any address');
}

async function certificateLoginWorks(): Promise<boolean> {
  return (await certificateLogin(new Browser(server.api), pki.profile('valid'))).status === 200;
}

describe('pre-account hijack: a certificate is never linked to an e-mail its holder has not proven', () => {
  test('the whole sequence: reset on an unconfirmed registration sends no reset link, and the attacker never logs in', async () => {
    const victim = uniqueEmail('victim');
    const password = passphrase();
    await attackerRegisters(victim);
    await victimTriesToRegister(victim, password);
    await victimAsksForReset(victim);
    const kinds = (await outbox(server, victim)).map((message) => message.kind);
    assert.equal(kinds.includes('password_reset'), false, `no reset link for an unconfirmed registration: ${kinds.join(', ')}`);
    // Instead: the confirmation link again, with "this was not me" on the page it opens.
    const notice = await latest(server, victim, 'reset_unconfirmed');
    assert.match(notice.text, /not confirmed/);
    assert.match(notice.text, /This was not me/);

    // The victim declines the registration they never made: everything of it goes.
    const declined = await new Browser(server.api).post(API_PATHS.declineRegistration, { token: tokenOf(notice) });
    assert.equal(declined.status, 200, declined.text);
    assert.deepEqual(declined.json, { result: 'declined' });
    assert.equal((await certificateLogin(new Browser(server.api), pki.profile('valid'))).status, 403, 'the attacker’s certificate is linked to nothing');

    // The address is free again: the victim registers it for real.
    const again = await register(new Browser(server.api), foreignFields(victim, password), [passportPdf(), photoJpeg()]);
    assert.equal(again.status, 202);
    const confirmation = await latest(server, victim, 'confirm_email');
    assert.equal((await confirm(new Browser(server.api), tokenOf(confirmation))).status, 200);
    assert.equal(await certificateLoginWorks(), false);
  });

  test('a reset link issued before (or by any other path) cannot set a password on an unconfirmed registration', async () => {
    const victim = uniqueEmail('victim');
    await attackerRegisters(victim);
    // The old behaviour's link, made by hand: a reset token for the unconfirmed account.
    const account = await server.mock.store().then((store) => store.findAccountByEmail(victim));
    assert.ok(account);
    const { newLinkToken } = await import('../src/link-tokens.ts');
    const { token, record } = newLinkToken('password_reset', clock.now(), { confirmEmailMs: 86_400_000, passwordResetMs: 3_600_000 });
    await (await server.mock.store()).issueToken(account.id, record);
    const reply = await new Browser(server.api).post(API_PATHS.passwordResetComplete, { token, password: passphrase() });
    assert.equal(reply.status, 400);
    assert.equal(errorCode(reply), 'token_invalid');
    assert.equal((await server.mock.store().then((store) => store.findAccountByEmail(victim)))?.passwordHash, null);
  });

  test('variant: the victim confirms first — no password is ever added to the certificate account', async () => {
    const victim = uniqueEmail('victim');
    const password = passphrase();
    await attackerRegisters(victim);
    // The victim clicks the confirmation link of a registration they did not make.
    const confirmation = await latest(server, victim, 'confirm_email');
    assert.equal((await confirm(new Browser(server.api), tokenOf(confirmation))).status, 200);
    await victimAsksForReset(victim);
    const kinds = (await outbox(server, victim)).map((message) => message.kind);
    assert.equal(kinds.includes('password_reset'), false, `no reset link for an account without a password: ${kinds.join(', ')}`);
    const notice = await latest(server, victim, 'reset_certificate_account');
    assert.match(notice.text, /qualified electronic certificate/);
    assert.match(notice.text, /no password/);
    // The victim's password never works for it.
    assert.equal((await new Browser(server.api).login(victim, password)).status, 401);
  });

  test('variant: a mail scanner opens the confirmation link — opening it confirms nothing (the page asks for a click)', async () => {
    // The server side of it: only POST /registrations/confirm confirms; the link itself is a page.
    const victim = uniqueEmail('victim');
    await attackerRegisters(victim);
    const link = new URL((await latest(server, victim, 'confirm_email')).link!);
    assert.equal(link.searchParams.has('token'), true);
    const store = await server.mock.store();
    assert.equal((await store.findAccountByEmail(victim))?.state, 'unconfirmed');
    // Declining works from the same link, and a used or declined link does nothing more.
    const token = tokenOf(await latest(server, victim, 'confirm_email'));
    assert.equal((await new Browser(server.api).post(API_PATHS.declineRegistration, { token })).status, 200);
    assert.equal(await store.findAccountByEmail(victim), null);
    const twice = await new Browser(server.api).post(API_PATHS.declineRegistration, { token });
    assert.equal(twice.status, 400);
    assert.equal(errorCode(twice), 'token_invalid');
    assert.equal((await confirm(new Browser(server.api), token)).status, 400);
  });

  test('declining a confirmed account is refused: the link of a confirmed account cannot delete it', async () => {
    const victim = uniqueEmail('owner');
    await register(new Browser(server.api), foreignFields(victim, passphrase()), [passportPdf(), photoJpeg()]);
    const token = tokenOf(await latest(server, victim, 'confirm_email'));
    assert.equal((await confirm(new Browser(server.api), token)).status, 200);
    const reply = await new Browser(server.api).post(API_PATHS.declineRegistration, { token });
    assert.equal(reply.status, 400);
    assert.equal(errorCode(reply), 'token_invalid');
    assert.equal((await (await server.mock.store()).findAccountByEmail(victim))?.state, 'pending_review');
  });
});
