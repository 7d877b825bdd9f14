// End to end: the built demo page, served under a strict CSP, in Debian's
// Chromium, against the real mock server. A person logs in.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startStack, type Stack } from './harness.ts';

const ACTIVE = { email: 'active@example.test', password: 'Active-Demo-Passphrase-1' };

describe('login on the demo page', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  test('logs in with e-mail and password and shows the success state', async () => {
    const { page, cspViolations } = await stack.newPage();
    await page.goto(`${stack.siteUrl}/login.html`);
    await page.getByLabel('Username (e-mail address)').fill(ACTIVE.email);
    await page.getByLabel('Password', { exact: true }).fill(ACTIVE.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'You are logged in' }).waitFor();
    assert.equal(await page.locator('#demo-event').textContent(), `egov-login-success: {"user":{"email":"${ACTIVE.email}","acr":"basic"}}`);
    // The session is a cookie the page cannot read, and nothing sits in web storage.
    const storage = await page.evaluate(() => ({ cookies: document.cookie, local: localStorage.length, session: sessionStorage.length }));
    assert.deepEqual(storage, { cookies: '', local: 0, session: 0 });
    const session = await page.evaluate(async () => (await fetch('/api/session')).json());
    assert.equal(session.authenticated, true);
    assert.equal(session.user.email, ACTIVE.email);
    // SECURITY.md 29: the password flow runs under script-src 'self', style-src 'self' and Trusted Types.
    assert.deepEqual(cspViolations, []);
    await page.context().close();
  });

  test('a wrong password gets the generic message and an empty password field', async () => {
    const { page, cspViolations } = await stack.newPage();
    await page.goto(`${stack.siteUrl}/login.html`);
    await page.getByLabel('Username (e-mail address)').fill(ACTIVE.email);
    await page.getByLabel('Password', { exact: true }).fill('not the right password');
    await page.keyboard.press('Enter');
    const summary = page.locator('.egov-summary');
    await summary.waitFor();
    assert.match((await summary.textContent()) ?? '', /There is a problem\s*Wrong e-mail address or password/);
    assert.equal(await page.getByLabel('Password', { exact: true }).inputValue(), '');
    assert.equal(await page.getByLabel('Username (e-mail address)').inputValue(), ACTIVE.email);
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('egov-summary')), true);
    const session = await page.evaluate(async () => (await fetch('/api/session')).json());
    assert.equal(session.authenticated, false);
    assert.deepEqual(cspViolations, []);
    await page.context().close();
  });

  test('switches language at runtime and keeps what was typed', async () => {
    const { page } = await stack.newPage();
    await page.goto(`${stack.siteUrl}/login.html`);
    await page.getByLabel('Username (e-mail address)').fill('kept@example.test');
    await page.getByRole('link', { name: 'Српски (ћирилица)' }).click();
    await page.getByRole('heading', { name: 'Пријава', exact: true }).first().waitFor();
    assert.equal(await page.getByLabel('Корисничко име (адреса електронске поште)').inputValue(), 'kept@example.test');
    assert.equal(new URL(page.url()).searchParams.get('locale'), 'sr-Cyrl');
    await page.getByRole('link', { name: 'Srpski (latinica)' }).click();
    await page.getByRole('button', { name: 'Prijavite se' }).waitFor();
    await page.getByRole('button', { name: 'Prijavite se' }).click();
    await page.getByText('Unesite lozinku').first().waitFor();
    await page.context().close();
  });
});
