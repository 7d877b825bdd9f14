// End to end: a person whose account was attacked with wrong passwords sees,
// in the language they started in, why the right password no longer logs
// them in and what to do — and is told by e-mail.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startStack, type Stack } from './harness.ts';

const ACTIVE = { email: 'active@example.test', password: 'Active-Demo-Passphrase-1' };
const BUDGET = 3;

describe('the password guess budget on the demo page', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ backendArgs: (site) => ['--public-url', site, '--password-guess-budget', String(BUDGET)] });
  });
  after(async () => {
    await stack?.stop();
  });

  test('after the budget of wrong passwords, the right one shows what to do, in Cyrillic, visibly', async () => {
    const { page, cspViolations } = await stack.newPage();
    await page.goto(`${stack.siteUrl}/login.html?locale=sr-Cyrl`);
    const email = page.getByLabel('Корисничко име (адреса електронске поште)');
    const password = page.getByLabel('Лозинка', { exact: true });
    const summary = page.locator('egov-login .egov-summary');
    for (let i = 0; i < BUDGET; i += 1) {
      await email.fill(ACTIVE.email);
      await password.fill(`wrong guess number ${i}`);
      await password.press('Enter');
      await summary.getByText('Погрешна адреса електронске поште или лозинка').waitFor({ state: 'visible' });
      await page.waitForFunction(() => document.querySelector('egov-login button[type=submit]')?.getAttribute('aria-disabled') === 'false');
    }
    await email.fill(ACTIVE.email);
    await password.fill(ACTIVE.password);
    await password.press('Enter');
    const message = summary.getByText('Пријава лозинком на овај налог је привремено искључена', { exact: false });
    await message.waitFor({ state: 'visible' });
    assert.ok(await message.isVisible());
    // The way out is right there, and visible too.
    assert.ok(await page.locator('egov-login').first().getByRole('link', { name: 'Заборављена лозинка?', exact: true }).isVisible());
    const session = await page.evaluate(async () => (await fetch('/api/session')).json());
    assert.equal(session.authenticated, false);
    const mails = (await stack.dev.outbox(ACTIVE.email)).filter((m) => m.kind === 'password_login_suspended');
    assert.equal(mails.length, 1);
    assert.deepEqual(cspViolations, []);
    await page.context().close();
  });
});
