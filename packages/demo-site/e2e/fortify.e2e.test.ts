// End to end with the real Fortify client: the built login page in
// certificate mode with ?agent=fortify, the kit's FortifyAgent loading the
// real @webcrypto-local/client, and the mock server's Fortify-compatible
// TEST agent on https/wss://127.0.0.1:31337 (the address is fixed, so these
// tests run serially and no other Fortify may run).
//
// CSP: the demo serves pages with ?agent=fortify with the policy certificate
// mode with the real client needs (csp.ts: 'unsafe-eval' for protobufjs, no
// Trusted Types for scripts, connect-src for the agent) and every other page
// with the strict one (SECURITY.md 29). The tests use the served policies;
// only the test of a page that forgot them replaces the policy (page.route).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { DevTestTokensResponse } from '@egov/auth-widgets/contract';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSoftHsmToken, startFortifyTestAgent, type FortifyTestAgent } from '@egov/mock-server/src/fortify-agent/index.ts';
import { x509 } from '@egov/mock-server/src/x509.ts';
import { contentSecurityPolicy, type CspOptions } from '../csp.ts';
import { confirmByLink, startStack, type Stack } from './harness.ts';

const TOKEN = 'test-mup-id-card';

let counter = 0;
const uniqueEmail = (label: string) => `${label}-${Date.now().toString(36)}-${++counter}@example.test`;

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms: ${condition.toString()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Opens a demo page with ?agent=fortify (served with certificate mode's policy, or with `csp` instead). */
async function openWithFortify(
  stack: Stack,
  path: string,
  query: string,
  { localNetwork = true, csp }: { localNetwork?: boolean; csp?: CspOptions } = {},
): Promise<{ page: Page; cspViolations: string[]; consoleErrors: string[] }> {
  const opened = await stack.newPage({ ignoreHTTPSErrors: true });
  const { page } = opened;
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  // Chrome's Local Network Access prompt, answered "allow"; without the grant, headless Chromium refuses.
  if (localNetwork) await page.context().grantPermissions(['local-network-access'], { origin: stack.siteUrl });
  if (process.env['FORTIFY_E2E_DEBUG']) {
    page.on('console', (m) => process.stderr.write(`[console] ${m.type()} ${m.text()}\n`));
    page.on('pageerror', (e) => process.stderr.write(`[pageerror] ${e.message}\n`));
    page.on('requestfailed', (r) => process.stderr.write(`[requestfailed] ${r.url()} ${r.failure()?.errorText}\n`));
  }
  if (csp) {
    await page.route(
      (url) => url.origin === stack.siteUrl && url.pathname === path,
      async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': contentSecurityPolicy(csp) } });
      },
    );
  }
  await page.goto(`${stack.siteUrl}${path}?agent=fortify${query}`);
  return { ...opened, consoleErrors };
}

/** The login page on its certificate tab, with the real client. */
async function fortifyPage(stack: Stack, query = '', options: Parameters<typeof openWithFortify>[3] = {}): ReturnType<typeof openWithFortify> {
  const opened = await openWithFortify(stack, '/login.html', query, options);
  await opened.page.getByRole('tab', { name: 'Qualified electronic certificate' }).click();
  return opened;
}

/** Registers (with the in-browser demo agent) and confirms an account for the valid RSA certificate. */
async function registerWithSoftAgent(stack: Stack, email: string): Promise<void> {
  const { page } = await stack.newPage();
  await page.goto(`${stack.siteUrl}/register.html?method=certificate`);
  await page.locator(`egov-register [data-certificate="${TOKEN}:valid"] button`).click();
  const form = page.locator('egov-register [data-certificate-form]');
  await form.getByLabel('E-mail address (your username)').fill(email);
  await form.getByLabel(/I confirm that the information I have given is true/).check();
  await form.getByRole('button', { name: 'Create user account' }).click();
  const dialog = page.getByRole('dialog', { name: /Demo agent/ });
  await dialog.getByLabel('PIN', { exact: true }).fill('1234');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
  await confirmByLink(page, await stack.dev.link(email, 'confirm_email'));
  assert.match((await page.locator('egov-email-confirm .egov-notice').textContent()) ?? '', /Your account is active/);
  await page.context().close();
}

describe('certificate login through the Fortify test agent', () => {
  let stack: Stack;
  let agent: FortifyTestAgent;
  const email = uniqueEmail('fortify');

  before(async () => {
    // A real portal is a public site: the page reaches the agent through Local Network Access.
    stack = await startStack({ publicSite: true });
    const tokens = (await (await fetch(`${stack.backend.url}/api/dev/test-tokens`)).json()) as DevTestTokensResponse;
    agent = await startFortifyTestAgent({ tokens: tokens.tokens });
    await registerWithSoftAgent(stack, email);
  });
  after(async () => {
    await agent?.stop();
    await stack?.stop();
  });

  test('approval code, the list, PIN in the agent, signature, login; the token is logged out', async () => {
    const { control } = agent;
    control.setApproval('manual');
    control.clearRecords();
    const { page, cspViolations } = await fortifyPage(stack);
    const picker = page.locator('egov-login egov-certificate-picker');

    // The site's approval: the page shows the code the agent shows.
    const code = picker.locator('[data-state=approve] .egov-code');
    await code.waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
      process.stderr.write(`picker: ${await picker.innerText()}\nrecords: ${JSON.stringify(control.records)}\n`);
      throw error;
    });
    assert.match((await code.textContent()) ?? '', /^\d{6}$/);
    // The page shows its code before its login request reaches the agent.
    await until(() => control.approvalCodes.length === 1);
    assert.equal((await code.textContent())?.trim(), control.approvalCodes[0]);
    control.approvePending();

    // The list: usable certificates, the others hidden with their reasons.
    const certificateId = control.certificateId(TOKEN, 'valid');
    const row = picker.locator(`[data-certificate="${certificateId}"]`);
    await row.waitFor();
    const hidden = await picker.locator('[data-hidden]').evaluateAll((items) => items.map((item) => item.getAttribute('data-hidden')));
    assert.ok(hidden.includes('expired'), `hidden: ${hidden.join(', ')}`);
    assert.ok(hidden.includes('untrusted_ca'), `hidden: ${hidden.join(', ')}`);

    await row.getByRole('button').click();
    await page.getByRole('heading', { name: 'You are logged in' }).waitFor();
    const session = await page.evaluate(async () => (await fetch('/api/session')).json());
    assert.equal(session.user.email, email);
    assert.equal(session.user.acr, 'high');

    // The agent's record: PIN login, one signature, then logout.
    const records = control.records.filter((r) => r.type === 'login' || r.type === 'sign' || r.type === 'logout');
    const login = records.findIndex((r) => r.type === 'login' && r.result === 'ok');
    const signed = records.findIndex((r) => r.type === 'sign' && r.result === 'ok');
    const logout = records.findIndex((r, i) => r.type === 'logout' && i > signed);
    assert.ok(login >= 0 && signed > login && logout > signed, JSON.stringify(records));
    assert.equal(control.isLoggedIn(TOKEN), false);
    assert.deepEqual(cspViolations, []);
    await page.context().close();
  });

  test('the demo serves certificate mode’s policy only to pages that ask for the Fortify agent', async () => {
    for (const path of ['/login.html', '/register.html']) {
      const strict = (await fetch(`${stack.siteUrl}${path}`)).headers.get('content-security-policy') ?? '';
      assert.match(strict, /require-trusted-types-for 'script'/);
      assert.doesNotMatch(strict, /unsafe-eval|127\.0\.0\.1:31337/);
      const fortify = (await fetch(`${stack.siteUrl}${path}?agent=fortify`)).headers.get('content-security-policy') ?? '';
      assert.match(fortify, /script-src 'self' 'unsafe-eval'/);
      assert.match(fortify, /connect-src 'self' https:\/\/127\.0\.0\.1:31337 wss:\/\/127\.0\.0\.1:31337/);
      assert.doesNotMatch(fortify, /require-trusted-types-for/);
    }
  });

  test('the site denied in the agent: the page says so', async () => {
    agent.control.setApproval('deny');
    const { page } = await fortifyPage(stack);
    await page.locator('egov-login egov-certificate-picker [data-problem="origin_denied"]').waitFor();
    assert.ok(agent.control.records.some((r) => r.type === 'approval' && r.result === 'denied'));
    agent.control.setApproval('approve');
    await page.context().close();
  });

  test('wrong PIN: the warning, the last try, then locked and the CA card', async () => {
    const { control } = agent;
    control.setApproval('approve');
    control.setPinMode(TOKEN, 'wrong');
    const { page } = await fortifyPage(stack);
    const picker = page.locator('egov-login egov-certificate-picker');
    const row = picker.locator(`[data-certificate="${control.certificateId(TOKEN, 'valid')}"]`);
    await row.getByRole('button').click();
    await row.locator('[data-pin-warning]').waitFor();
    assert.equal(control.triesLeft(TOKEN), 2);
    await row.getByRole('button').click();
    await row.locator('[data-pin-warning]', { hasText: 'Last try' }).waitFor();
    assert.equal(control.triesLeft(TOKEN), 1);
    await row.getByRole('button').click();
    const card = picker.locator('[data-state=locked]');
    await card.waitFor();
    assert.match((await card.textContent()) ?? '', /The card’s PIN is locked[\s\S]*Ministry of Interior/);
    assert.equal(control.isLoggedIn(TOKEN), false);
    control.setTriesLeft(TOKEN, 3);
    control.setPinMode(TOKEN, 'correct');
    await page.context().close();
  });

  test('the token removed while the agent asks for the PIN', async () => {
    const { control } = agent;
    control.setPinDelay(1_500);
    const { page } = await fortifyPage(stack);
    const picker = page.locator('egov-login egov-certificate-picker');
    await picker.locator(`[data-certificate="${control.certificateId(TOKEN, 'valid')}"] button`).click();
    await picker.locator('[data-state=signing]').waitFor();
    control.removeToken(TOKEN);
    await picker.getByText('The smart card or token was removed').first().waitFor();
    // The page reacts to the agent's token event; nothing stays logged in.
    assert.ok(control.records.some((r) => r.type === 'token' && r.event === 'removed'));
    assert.equal(control.isLoggedIn(TOKEN), false);
    control.setPinDelay(0);
    control.insertToken(TOKEN);
    await page.context().close();
  });

  test('the agent not running: "not installed" for a browser that never reached it', async () => {
    await agent.stop();
    try {
      const { page } = await fortifyPage(stack);
      await page.locator('egov-login egov-certificate-picker [data-problem="not_installed"]').waitFor();
      await page.context().close();
    } finally {
      const tokens = (await (await fetch(`${stack.backend.url}/api/dev/test-tokens`)).json()) as DevTestTokensResponse;
      agent = await startFortifyTestAgent({ tokens: tokens.tokens });
    }
  });

  test('certificate registration through the agent, ending with the account created', async () => {
    const { control } = agent;
    control.setApproval('approve');
    const registered = uniqueEmail('fortify-register');
    const { page, cspViolations } = await openWithFortify(stack, '/register.html', '&method=certificate');
    const picker = page.locator('egov-register egov-certificate-picker');
    const row = picker.locator(`[data-certificate="${control.certificateId('test-halcom', 'valid-ecdsa')}"]`);
    await row.waitFor({ timeout: 15_000 });
    await row.getByRole('button').click();
    const form = page.locator('egov-register [data-certificate-form]');
    await form.getByLabel('E-mail address (your username)').fill(registered);
    await form.getByLabel(/I confirm that the information I have given is true/).check();
    await form.getByRole('button', { name: 'Create user account' }).click();
    await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor({ timeout: 15_000 });
    assert.equal(control.isLoggedIn('test-halcom'), false, 'the token is logged out after signing');
    assert.deepEqual(cspViolations, []);

    await confirmByLink(page, await stack.dev.link(registered, 'confirm_email'));
    assert.match((await page.locator('egov-email-confirm .egov-notice').textContent()) ?? '', /Your account is active/);
    await page.context().close();

    // The account exists: the same certificate now logs in, through the agent.
    const { page: login } = await fortifyPage(stack);
    const again = login.locator(`egov-login egov-certificate-picker [data-certificate="${control.certificateId('test-halcom', 'valid-ecdsa')}"]`);
    await again.waitFor({ timeout: 15_000 });
    await again.getByRole('button').click();
    await login.getByRole('heading', { name: 'You are logged in' }).waitFor({ timeout: 15_000 });
    const session = await login.evaluate(async () => (await fetch('/api/session')).json());
    assert.equal(session.user.email, registered);
    await login.context().close();
  });

  test('local network access refused by the browser: the page says how to allow it', async () => {
    agent.control.setApproval('approve');
    const { page } = await fortifyPage(stack, '', { localNetwork: false });
    const problem = page.locator('egov-login egov-certificate-picker [data-problem]');
    await problem.waitFor({ timeout: 20_000 });
    assert.equal(await problem.getAttribute('data-problem'), 'local_network_blocked', await problem.innerText());
    assert.match(await problem.innerText(), /Local network access/);
    await page.context().close();
  });

  test('a page whose CSP stops Fortify’s client (no unsafe-eval, or Trusted Types): the site’s fault, said before any connection', async () => {
    for (const { unsafeEval, trustedTypes } of [
      { unsafeEval: false, trustedTypes: true },
      { unsafeEval: true, trustedTypes: true },
      { unsafeEval: false, trustedTypes: false },
    ]) {
      const csp = { unsafeEval, trustedTypes, fortify: true };
      agent.control.clearRecords();
      const { page, consoleErrors } = await fortifyPage(stack, '', { csp });
      const problem = page.locator('egov-login egov-certificate-picker [data-problem]');
      await problem.waitFor({ timeout: 15_000 });
      assert.equal(await problem.getAttribute('data-problem'), 'page_blocked', `${JSON.stringify(csp)}: ${await problem.innerText()}`);
      assert.match(await problem.innerText(), /Certificates cannot be used on this page[\s\S]*tell the site’s administrators/);
      assert.equal(await page.locator('egov-login egov-certificate-picker').getByRole('button', { name: 'Try again' }).count(), 0);
      await until(() => consoleErrors.some((text) => text.includes("needs 'unsafe-eval' in script-src")));
      // Decided in the page: the agent never saw a session.
      assert.deepEqual(agent.control.records.filter((r) => r.type === 'session'), [], JSON.stringify(csp));
      await page.context().close();
    }
  });

  test('a certificate only the backend can refuse (revoked): its entry says it was not accepted, and why', async () => {
    agent.control.setApproval('approve');
    const { page } = await fortifyPage(stack);
    const picker = page.locator('egov-login egov-certificate-picker');
    const row = picker.locator(`[data-certificate="${agent.control.certificateId('test-halcom', 'revoked')}"]`);
    // The page cannot know about revocation, so it lists the certificate…
    await row.waitFor({ timeout: 15_000 });
    await row.getByRole('button').click();
    // …and the backend refuses it after the signature: said at the certificate itself, with the reason.
    await row.getByText(/Not accepted: .*revoked/).waitFor({ state: 'visible', timeout: 15_000 });
    const session = await page.evaluate(async () => (await fetch('/api/session')).json());
    assert.equal(session.authenticated, false);
    assert.equal(agent.control.isLoggedIn('test-halcom'), false);
    await page.context().close();
  });

  test('the same login with ui="peculiar": Peculiar’s own list, then the kit signs, logs in and logs the token out', async () => {
    const { control } = agent;
    control.setApproval('approve');
    control.clearRecords();
    const tokens = (await (await fetch(`${stack.backend.url}/api/dev/test-tokens`)).json()) as DevTestTokensResponse;
    const der = tokens.tokens.find((t) => t.id === TOKEN)!.certificates.find((c) => c.profile === 'valid')!.certificate;
    const serial = new x509.X509Certificate(Buffer.from(der, 'base64')).serialNumber.toLowerCase();

    const { page, cspViolations } = await fortifyPage(stack, '&picker=peculiar');
    const element = page.locator('egov-login egov-certificate-picker peculiar-fortify-certificates');
    // The real <peculiar-fortify-certificates>, listing through the test agent.
    await element.locator('li[role=option]', { hasText: serial }).click({ timeout: 20_000 });
    await element.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'You are logged in' }).waitFor({ timeout: 15_000 });
    const session = await page.evaluate(async () => (await fetch('/api/session')).json());
    assert.equal(session.user.email, email);
    assert.equal(session.user.acr, 'high');
    assert.ok(control.records.some((r) => r.type === 'sign'), 'the agent signed');
    assert.equal(control.isLoggedIn(TOKEN), false, 'the token is logged out after signing');
    assert.deepEqual(cspViolations, []);
    await page.context().close();
  });

  test('a real PKCS#11 token (SoftHSM): the module refuses a wrong PIN, then signs, and the session is logged out', async () => {
    // The same MUP card's TEST keys, now inside SoftHSM: the PIN is checked and the signature made by the module.
    const tokens = (await (await fetch(`${stack.backend.url}/api/dev/test-tokens`)).json()) as DevTestTokensResponse;
    const dir = mkdtempSync(join(tmpdir(), 'egov-e2e-softhsm-'));
    try {
      const softHsm = await createSoftHsmToken({ dir, token: tokens.tokens.find((t) => t.id === TOKEN)! });
      await agent.stop();
      agent = await startFortifyTestAgent({ tokens: [], pkcs11Tokens: [softHsm] });
      const { control } = agent;
      control.setPinMode(softHsm.id, 'wrong');

      const { page, cspViolations } = await fortifyPage(stack);
      const picker = page.locator('egov-login egov-certificate-picker');
      const row = picker.locator(`[data-certificate="${control.certificateId(softHsm.id, 'valid')}"]`);
      await row.waitFor({ timeout: 15_000 });
      assert.match(await row.innerText(), /SoftHSM/);
      await row.getByRole('button').click();
      // SoftHSM answers CKR_PIN_INCORRECT and sets CKF_USER_PIN_COUNT_LOW (it keeps no count to show).
      await picker.getByRole('alert').filter({ hasText: /^Wrong PIN\.$/ }).waitFor();
      await row.locator('[data-pin-warning]', { hasText: 'A wrong PIN was entered on this card before' }).waitFor();
      assert.ok(control.records.some((r) => r.type === 'login' && r.tokenId === softHsm.id && r.result === 'wrong'));

      control.setPinMode(softHsm.id, 'correct');
      control.clearRecords();
      await row.getByRole('button').click();
      await page.getByRole('heading', { name: 'You are logged in' }).waitFor({ timeout: 15_000 });
      const session = await page.evaluate(async () => (await fetch('/api/session')).json());
      assert.equal(session.user.email, email);
      assert.equal(session.user.acr, 'high');
      const steps = control.records.filter((r) => r.type !== 'action' && r.type !== 'session').map((r) => `${r.type}:${'result' in r ? r.result : ''}`);
      assert.deepEqual(steps, ['login:ok', 'sign:ok', 'logout:'], JSON.stringify(control.records));
      // The module's own session state: logged out.
      assert.equal(control.isLoggedIn(softHsm.id), false);
      assert.deepEqual(cspViolations, []);
      await page.context().close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
