/** E-mail link tokens and password reset (SECURITY.md 13, 15, 16, 19). */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { API_PATHS, type ConfirmEmailResponse } from '@egov/auth-widgets/contract';
import { tokenFromLink } from '../client.ts';
import { activeAccount, newBrowser, newPassword, publicConfig, register, uniqueEmail } from '../fixtures.ts';

describe('e-mail link tokens', { timeout: 180_000 }, () => {
  test('an unknown token is token_invalid on both endpoints', async () => {
    const browser = newBrowser();
    const token = randomBytes(32).toString('base64url');
    const confirm = await browser.post(API_PATHS.confirmEmail, { token });
    assert.equal(confirm.status, 400);
    assert.equal(confirm.code, 'token_invalid');
    const reset = await browser.post(API_PATHS.passwordResetComplete, { token, password: newPassword() });
    assert.equal(reset.status, 400);
    assert.equal(reset.code, 'token_invalid');
  });

  test('a confirmation token is refused by the reset endpoint, and still confirms afterwards', async () => {
    const browser = newBrowser();
    const { email, password } = await register(browser, 'confirm-on-reset');
    const token = tokenFromLink((await browser.waitForMessage(email, 'confirm_email')).link);
    const misuse = await browser.post(API_PATHS.passwordResetComplete, { token, password: newPassword() });
    assert.equal(misuse.status, 400);
    assert.equal(misuse.code, 'token_invalid');
    const confirmed = await browser.post(API_PATHS.confirmEmail, { token });
    assert.equal(confirmed.status, 200, confirmed.text);
    // The password did not change.
    const login = await newBrowser().login(email, password);
    assert.notEqual(login.code, 'invalid_credentials', 'the original password still verifies');
  });

  test('a used confirmation link answers already_confirmed, never confirms twice', async () => {
    const browser = newBrowser();
    const { email } = await register(browser, 'confirm-twice');
    const token = tokenFromLink((await browser.waitForMessage(email, 'confirm_email')).link);
    const first = await browser.post(API_PATHS.confirmEmail, { token });
    assert.equal(first.status, 200);
    assert.equal((first.body as ConfirmEmailResponse).result, 'confirmed');
    const second = await newBrowser().post(API_PATHS.confirmEmail, { token });
    assert.equal(second.status, 200, second.text);
    const body = second.body as ConfirmEmailResponse;
    assert.equal(body.result, 'already_confirmed');
    assert.equal(body.accountState, (first.body as ConfirmEmailResponse).accountState);
  });
});

describe('password reset', { timeout: 180_000 }, () => {
  test('an unknown e-mail gets the same 202 as a known one, and no e-mail', async () => {
    const { email } = await activeAccount('reset-known');
    const browser = newBrowser();
    const known = await browser.post(API_PATHS.passwordResetRequest, { email });
    const unknownEmail = uniqueEmail('reset-unknown');
    const unknown = await browser.post(API_PATHS.passwordResetRequest, { email: unknownEmail });
    assert.equal(known.status, 202);
    assert.deepEqual(known.body, { status: 'accepted' });
    assert.equal(unknown.status, known.status);
    assert.equal(unknown.text, known.text, 'same body, byte for byte');
    await browser.waitForMessage(email, 'password_reset');
    assert.deepEqual(await browser.outbox(unknownEmail), [], 'no e-mail to an unknown address');
  });

  test('request → link → new password: the old one fails, the new one works, the token is single-use, other sessions end', async () => {
    const { email, password } = await activeAccount('reset-flow');
    const other = newBrowser('other device');
    assert.equal((await other.login(email, password)).status, 200);
    assert.equal((await other.session()).authenticated, true);

    const browser = newBrowser();
    const request = await browser.post(API_PATHS.passwordResetRequest, { email });
    assert.equal(request.status, 202);
    // Asking changes nothing yet.
    assert.equal((await newBrowser().login(email, password)).status, 200, 'the password still works before the link is used');
    const token = tokenFromLink((await browser.waitForMessage(email, 'password_reset')).link);

    // The page checks the link when it opens: valid, and checking twice uses nothing up.
    for (let i = 0; i < 2; i++) {
      const check = await browser.post(API_PATHS.passwordResetCheck, { token });
      assert.equal(check.status, 200, check.text);
      assert.deepEqual(check.body, { valid: true }, 'nothing about the account');
    }

    const newOne = newPassword();
    const complete = await browser.post(API_PATHS.passwordResetComplete, { token, password: newOne });
    assert.equal(complete.status, 200, complete.text);
    assert.deepEqual(complete.body, { status: 'password_changed' });
    assert.equal((await browser.session()).authenticated, false, 'no automatic login');
    await browser.waitForMessage(email, 'password_changed');

    const old = await newBrowser().login(email, password);
    assert.equal(old.status, 401);
    assert.equal(old.code, 'invalid_credentials');
    assert.equal((await newBrowser().login(email, newOne)).status, 200);
    assert.equal((await other.session()).authenticated, false, 'the other session ended');

    const reuse = await newBrowser().post(API_PATHS.passwordResetComplete, { token, password: newPassword() });
    assert.equal(reuse.status, 400);
    assert.equal(reuse.code, 'token_invalid');
    const recheck = await newBrowser().post(API_PATHS.passwordResetCheck, { token });
    assert.equal(recheck.status, 400, 'a used link checks as dead');
    assert.equal(recheck.code, 'token_invalid');
    assert.equal((await newBrowser().login(email, newOne)).status, 200, 'the reused token changed nothing');
  });

  test('a newer reset link invalidates the older one; a reset token is refused by the confirm endpoint', async () => {
    const { email, password } = await activeAccount('reset-newer');
    const browser = newBrowser();
    await browser.post(API_PATHS.passwordResetRequest, { email });
    const first = tokenFromLink((await browser.waitForMessage(email, 'password_reset')).link);
    await browser.post(API_PATHS.passwordResetRequest, { email });
    const second = tokenFromLink((await browser.waitForMessage(email, 'password_reset', 1)).link);
    assert.notEqual(first, second);

    const onConfirm = await browser.post(API_PATHS.confirmEmail, { token: second });
    assert.equal(onConfirm.status, 400);
    assert.equal(onConfirm.code, 'token_invalid');

    const staleCheck = await browser.post(API_PATHS.passwordResetCheck, { token: first });
    assert.equal(staleCheck.code, 'token_invalid', 'the older link checks as dead');
    const stale = await browser.post(API_PATHS.passwordResetComplete, { token: first, password: newPassword() });
    assert.equal(stale.status, 400);
    assert.equal(stale.code, 'token_invalid');
    assert.equal((await newBrowser().login(email, password)).status, 200, 'nothing changed');

    const done = await browser.post(API_PATHS.passwordResetComplete, { token: second, password: newPassword() });
    assert.equal(done.status, 200, done.text);
  });

  test('the new password follows the policy', async () => {
    const { email } = await activeAccount('reset-policy');
    const { passwordPolicy } = await publicConfig();
    const browser = newBrowser();
    await browser.post(API_PATHS.passwordResetRequest, { email });
    const token = tokenFromLink((await browser.waitForMessage(email, 'password_reset')).link);
    const short = await browser.post(API_PATHS.passwordResetComplete, { token, password: 'x'.repeat(passwordPolicy.minLength - 1) });
    assert.equal(short.status, 400);
    assert.equal(short.code, 'validation_failed');
    assert.equal(short.error?.fields?.password, 'too_short');
    const long = await browser.post(API_PATHS.passwordResetComplete, { token, password: 'long words '.repeat(12).slice(0, 129) });
    assert.equal(long.status, 400);
    assert.equal(long.error?.fields?.password, 'too_long');
    // A refused password does not use up the token.
    const ok = await browser.post(API_PATHS.passwordResetComplete, { token, password: newPassword() });
    assert.equal(ok.status, 200, ok.text);
  });
});
