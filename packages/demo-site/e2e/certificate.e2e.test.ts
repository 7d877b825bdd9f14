// End to end: certificate login and registration on the built demo pages,
// with the in-browser demo agent (test keys from the mock server's test PKI).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { confirmByLink, startStack, type Stack } from './harness.ts';

let counter = 0;
const uniqueEmail = (label: string) => `${label}-${Date.now().toString(36)}-${++counter}@example.test`;

/** Types the PIN into the demo agent's own dialog (never into the kit's page). */
async function enterPin(page: Page, pin: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: /Demo agent/ });
  await dialog.getByLabel('PIN', { exact: true }).fill(pin);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function chooseCertificate(page: Page, host: string, id: string): Promise<void> {
  await page.locator(`${host} [data-certificate="${id}"] button`).click();
}

describe('certificates', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  test('the picker states page shows every state, in each language, under the strict policy', async () => {
    const problems = ['not_installed', 'not_running', 'local_network_blocked', 'tls_untrusted', 'origin_denied', 'no_token', 'page_blocked', 'not_set_up', 'agent_error', 'token_removed'];
    for (const [locale, looking, finalTry, locked] of [
      ['en', 'Looking for the certificate agent on this computer…', 'Last try: one more wrong PIN locks the card.', 'The card’s PIN is locked.'],
      ['sr-Cyrl', 'Тражење агента за сертификате на овом рачунару…', 'Последњи покушај: још један погрешан PIN закључава картицу.', 'PIN картице је закључан.'],
      ['sr-Latn', 'Traženje agenta za sertifikate na ovom računaru…', 'Poslednji pokušaj: još jedan pogrešan PIN zaključava karticu.', 'PIN kartice je zaključan.'],
    ] as const) {
      const { page, cspViolations } = await stack.newPage();
      await page.goto(`${stack.siteUrl}/states.html?locale=${locale}`);
      const state = (id: string) => page.locator(`[data-demo-state="${id}"] egov-certificate-picker`);
      await state('list').locator('.egov-certificates').waitFor({ timeout: 15_000 });
      assert.ok((await state('list').locator('[data-hidden]').count()) > 0, 'hidden certificates with reasons');
      // Serbian texts arrive a moment after the first render: wait for them.
      await state('looking').locator('[role=status]', { hasText: looking }).waitFor();
      assert.equal((await state('approve').locator('.egov-code').innerText()).trim(), '482915');
      await state('pin-previous-wrong').locator('[data-pin-warning]').waitFor();
      await state('pin-final-try').locator('[data-pin-warning]', { hasText: finalTry }).waitFor();
      await state('pin-locked').locator('[data-pin-warning]', { hasText: locked }).waitFor();
      for (const problem of problems) {
        await state(problem).locator(`[data-problem="${problem}"]`).waitFor();
        // "Try again" everywhere but where only the site can fix it.
        assert.equal(await state(problem).locator('[data-problem] ~ button').count(), problem === 'page_blocked' || problem === 'not_set_up' ? 0 : 1, problem);
      }
      assert.equal(await page.locator('html').getAttribute('lang'), locale);
      assert.deepEqual(cspViolations, []);
      await page.context().close();
    }
  });

  test('the password path never downloads the certificate code', async () => {
    const { page } = await stack.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${stack.siteUrl}/login.html`);
    await page.getByLabel('Username (e-mail address)').fill('active@example.test');
    await page.getByLabel('Password', { exact: true }).fill('Active-Demo-Passphrase-1');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'You are logged in' }).waitFor();
    const scripts = requested.filter((path) => path.endsWith('.js'));
    assert.ok(scripts.length > 0, 'the page loaded its scripts');
    const certificateCode = scripts.filter((path) => /agent|picker|certificate|protobuf|webcrypto|x509|asn1/i.test(path));
    assert.deepEqual(certificateCode, [], `password login downloaded certificate code: ${certificateCode.join(', ')}`);
    assert.equal(requested.some((path) => path.includes('/dev/test-tokens')), false);
    await page.context().close();

    // The certificate tab is what loads it.
    const { page: second } = await stack.newPage();
    const later: string[] = [];
    second.on('request', (request) => later.push(new URL(request.url()).pathname));
    await second.goto(`${stack.siteUrl}/login.html`);
    await second.getByRole('tab', { name: 'Qualified electronic certificate' }).click();
    await second.locator('egov-certificate-picker').waitFor();
    await second.waitForLoadState('networkidle');
    assert.ok(later.some((path) => /picker/i.test(path)), `the picker's chunk loads on the certificate tab: ${later.join(', ')}`);
    await second.context().close();
  });

  test('register with a certificate, confirm the e-mail, log in with the certificate', async () => {
    const email = uniqueEmail('cert');
    const { page, cspViolations } = await stack.newPage();
    await page.goto(`${stack.siteUrl}/register.html?method=certificate`);
    await chooseCertificate(page, 'egov-register', 'test-mup-id-card:valid');
    const form = page.locator('egov-register [data-certificate-form]');
    await form.waitFor();
    // The data comes from the certificate; the e-mail is editable.
    assert.match((await form.locator('.egov-data').textContent()) ?? '', /\d{13}/);
    await form.getByLabel('E-mail address (your username)').fill(email);
    await form.getByLabel(/I confirm that the information I have given is true/).check();
    await form.getByRole('button', { name: 'Create user account' }).click();
    await enterPin(page, '1234');
    await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
    assert.deepEqual(cspViolations, []);

    await confirmByLink(page, await stack.dev.link(email, 'confirm_email'));
    assert.match((await page.locator('egov-email-confirm .egov-notice').textContent()) ?? '', /Your account is active/);

    await page.goto(`${stack.siteUrl}/login.html`);
    await page.getByRole('tab', { name: 'Qualified electronic certificate' }).click();
    await chooseCertificate(page, 'egov-login', 'test-mup-id-card:valid');
    await enterPin(page, '1234');
    await page.getByRole('heading', { name: 'You are logged in' }).waitFor();
    const session = await page.evaluate(async () => (await fetch('/api/session')).json());
    assert.equal(session.user.acr, 'high');
    assert.equal(session.user.email, email);
    assert.match((await page.locator('#demo-event').textContent()) ?? '', /"acr":"high"/);
    await page.context().close();
  });

  test('a valid certificate without an account is offered registration', async () => {
    const { page } = await stack.newPage();
    await page.goto(`${stack.siteUrl}/login.html`);
    await page.getByRole('tab', { name: 'Qualified electronic certificate' }).click();
    await chooseCertificate(page, 'egov-login', 'test-halcom:valid-ecdsa');
    await enterPin(page, '1234');
    await page.getByRole('heading', { name: 'This certificate is not registered yet' }).waitFor();
    await page.getByRole('link', { name: 'Register with this certificate' }).click();
    // The registration page opens on its certificate tab, in the language the person was reading.
    await page.waitForURL(/register\.html\?locale=en&method=certificate/);
    await page.locator('egov-register egov-certificate-picker [data-certificate]').first().waitFor();
    await page.context().close();
  });

  test('wrong PIN twice: the warnings; the third time the card locks and the CA card shows', async () => {
    const { page } = await stack.newPage();
    await page.goto(`${stack.siteUrl}/login.html`);
    await page.getByRole('tab', { name: 'Qualified electronic certificate' }).click();
    const picker = page.locator('egov-login egov-certificate-picker');
    await chooseCertificate(page, 'egov-login', 'test-mup-id-card:valid');
    await enterPin(page, '0000');
    await picker.getByRole('alert').filter({ hasText: 'Wrong PIN: 2 tries left.' }).waitFor();
    assert.match((await picker.locator('[data-certificate="test-mup-id-card:valid"] [data-pin-warning]').textContent()) ?? '', /2 tries left/);
    await chooseCertificate(page, 'egov-login', 'test-mup-id-card:valid');
    await enterPin(page, '0000');
    await picker.locator('[data-certificate="test-mup-id-card:valid"] [data-pin-warning]', { hasText: 'Last try' }).waitFor();
    await chooseCertificate(page, 'egov-login', 'test-mup-id-card:valid');
    await enterPin(page, '0000');
    const card = picker.locator('[data-state=locked]');
    await card.waitFor();
    assert.match((await card.textContent()) ?? '', /The card’s PIN is locked[\s\S]*Ministry of Interior/);
    await page.context().close();
  });

  test('a revoked certificate is refused at its own entry, with username and password as the next step, which opens with the e-mail focused', async () => {
    const { page } = await stack.newPage();
    await page.goto(`${stack.siteUrl}/login.html`);
    await page.getByRole('tab', { name: 'Qualified electronic certificate' }).click();
    const picker = page.locator('egov-login egov-certificate-picker');
    await chooseCertificate(page, 'egov-login', 'test-halcom:revoked');
    await enterPin(page, '1234');
    const entry = picker.locator('[data-certificate="test-halcom:revoked"]');
    await entry.getByText(/Not accepted/).waitFor({ state: 'visible' });
    assert.match((await entry.textContent()) ?? '', /revoked/i);

    await picker.getByRole('button', { name: 'Log in with username and password' }).click();
    await page.getByRole('tab', { name: 'Username and password', selected: true }).waitFor();
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name), 'email');
    await page.context().close();
  });
});
