/** Password login: success, one generic failure, states after the password (SECURITY.md 9, 10). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { API_PATHS } from '@egov/auth-widgets/contract';
import type { Reply } from '../client.ts';
import { activeAccount, newBrowser, newPassword, uniqueEmail } from '../fixtures.ts';

/** Headers that differ between any two answers and say nothing about the account. */
const VOLATILE_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'x-request-id']);

function headerNames(reply: Reply): string[] {
  return [...reply.headers.keys()].filter((name) => !VOLATILE_HEADERS.has(name)).sort();
}

describe('password login', { timeout: 120_000 }, () => {
  // Made on first use, so a run filtered by test name does not register anyone needlessly.
  let accountPromise: Promise<{ email: string; password: string }> | undefined;
  let account: { email: string; password: string };
  const setUp = async () => {
    account = await (accountPromise ??= activeAccount('login'));
  };

  test('the right password logs in with acr basic', async () => {
    await setUp();
    const browser = newBrowser();
    const reply = await browser.login(account.email, account.password);
    assert.equal(reply.status, 200, reply.text);
    const session = await browser.session();
    assert.equal(session.authenticated, true);
    assert.equal(session.user?.email, account.email);
    assert.equal(session.user?.acr, 'basic');
  });

  test('the e-mail is compared normalized (case and surrounding spaces)', async () => {
    await setUp();
    const reply = await newBrowser().login(`  ${account.email.toUpperCase()} `, account.password);
    assert.equal(reply.status, 200, reply.text);
  });

  test('an unknown e-mail and a wrong password get the identical answer', async () => {
    await setUp();
    const unknown = await newBrowser().login(uniqueEmail('nobody'), newPassword());
    const wrong = await newBrowser().login(account.email, newPassword());
    assert.equal(unknown.status, 401);
    assert.equal(unknown.code, 'invalid_credentials');
    assert.equal(wrong.status, unknown.status, 'same status');
    assert.equal(wrong.text, unknown.text, 'same body, byte for byte');
    assert.deepEqual(headerNames(wrong), headerNames(unknown), 'same headers');
    assert.equal(wrong.headers.get('content-type'), unknown.headers.get('content-type'));
    assert.equal(wrong.headers.getSetCookie().length, 0, 'a failure sets no cookie');
  });

  test('a password that differs only after a long shared prefix is wrong', async () => {
    await setUp();
    const reply = await newBrowser().login(account.email, `${account.password}x`);
    assert.equal(reply.status, 401);
    assert.equal(reply.code, 'invalid_credentials');
  });

  test('a malformed body is 400, not a crash', async () => {
    await setUp();
    const browser = newBrowser();
    const broken = await browser.request('POST', API_PATHS.passwordLogin, { raw: { body: '{"email":', contentType: 'application/json' } });
    assert.equal(broken.status, 400);
    assert.equal(broken.code, 'bad_request');
    const missing = await browser.post(API_PATHS.passwordLogin, { email: account.email });
    assert.equal(missing.status, 400);
    assert.equal(missing.code, 'validation_failed');
    assert.ok(missing.error?.fields?.password, 'the missing field is named');
    const unknownField = await browser.post(API_PATHS.passwordLogin, { email: account.email, password: 'x'.repeat(20), admin: true });
    assert.equal(unknownField.status, 400);
    assert.equal(unknownField.error?.fields?.admin, 'unknown_field');
    const tooLong = await browser.post(API_PATHS.passwordLogin, { email: account.email, password: 'p'.repeat(129) });
    assert.equal(tooLong.status, 400);
    assert.equal(tooLong.error?.fields?.password, 'too_long');
    const notJson = await browser.request('POST', API_PATHS.passwordLogin, { raw: { body: 'email=a', contentType: 'application/x-www-form-urlencoded' } });
    assert.equal(notJson.status, 415);
    assert.equal(notJson.code, 'unsupported_media_type');
    // The server still answers normally.
    assert.equal((await newBrowser().login(account.email, account.password)).status, 200);
  });
});
