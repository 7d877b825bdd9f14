// End to end: certificate login and registration on the built demo pages,
// with the in-browser demo agent (test keys from the mock server's test PKI).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { srCyrl } from '../../auth-widgets/src/i18n/sr-cyrl.ts';
import { confirmByLink, galleryDrawn, startStack, type Stack } from './harness.ts';

/**
 * What each certificate state of the gallery shows, in Serbian Cyrillic: the
 * kit's own words (its catalog) and what the scripted agent and directory
 * put there (the code, the person, the certification body's contacts).
 */
const EXPECTED: Record<string, { where?: string; texts: (t: typeof srCyrl) => string[] }> = {
  looking: { texts: (t) => [t.agentLooking] },
  approve: { texts: (t) => [t.agentApproveTitle, '482915'] },
  list: { texts: (t) => ['Petar Testović', 'TEST Pošta token', t.hiddenCertificates(4)] },
  'pin-previous-wrong': { texts: (t) => [t.pinPreviousWrong(2)] },
  'pin-final-try': { texts: (t) => [t.pinFinalTry] },
  'pin-locked': { texts: (t) => [t.pinLockedWarning] },
  'pin-locked-contacts': { where: '[data-state=locked]', texts: (t) => [t.pinLockedTitle, 'МУП Републике Србије', 'За сертификат на личној карти то је Министарство унутрашњих послова.', 'ca@mup.gov.rs'] },
  'pin-in-window': { texts: (t) => [t.pinEnterInAgent('Fortify')] },
  'pin-wrong': { where: '[role=alert]', texts: (t) => [t.pinWrong(2)] },
  cancelled: { where: '[role=alert]', texts: (t) => [t.signingCancelled] },
  'sign-failed': { where: '[role=alert]', texts: (t) => [t.signFailed] },
  'no-usable': { texts: (t) => [t.noUsableTitle, t.noUsableBody] },
  // The refusal is said at the certificate's own entry.
  refused: { where: '[data-certificate="gallery-id-card:signing"]', texts: (t) => [t.certificateRefused(t.refusedRevoked)] },
  'not-registered': { texts: (t) => [t.certificateNotRegisteredTitle, t.registerWithCertificate] },
  'not-installed': { texts: (t) => [t.agentNotInstalledTitle, t.agentDownload] },
  'not-running': { texts: (t) => [t.agentNotRunningTitle] },
  'local-network-blocked': { texts: (t) => [t.agentBlockedTitle] },
  'tls-untrusted': { texts: (t) => [t.agentTlsTitle] },
  'origin-denied': { texts: (t) => [t.agentDeniedTitle] },
  'no-token': { texts: (t) => [t.noTokenTitle] },
  'page-blocked': { texts: (t) => [t.agentPageBlockedTitle, t.agentPageBlockedBody] },
  'not-set-up': { texts: (t) => [t.agentNotSetUpTitle] },
  'agent-error': { texts: (t) => [t.agentErrorTitle] },
  'token-removed': { texts: (t) => [t.tokenRemovedTitle] },
};

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

  test('the gallery shows every certificate state in Serbian, each saying what the person sees, with no console or network error', async () => {
    const { page, cspViolations } = await stack.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    const networkErrors: string[] = [];
    page.on('requestfailed', (request) => networkErrors.push(`${request.url()}: ${request.failure()?.errorText}`));
    page.on('response', (response) => {
      if (response.status() >= 400) networkErrors.push(`${response.url()}: HTTP ${response.status()}`);
    });

    // One load: the whole certificate section, each state brought to its moment by the page itself.
    await page.goto(`${stack.siteUrl}/gallery.html?element=certificate&locale=sr-Cyrl`);
    const cards = page.locator('.gallery-card[data-element=certificate]');
    await galleryDrawn(page, '.gallery-card[data-element=certificate]', 30_000);
    assert.deepEqual(await cards.evaluateAll((all) => all.map((card) => card.id)), Object.keys(EXPECTED).map((id) => `certificate-${id}`), 'every state, in order');

    const t = srCyrl;
    for (const [id, { where, texts }] of Object.entries(EXPECTED)) {
      const frame = page.locator(`#certificate-${id} .demo-frame`);
      const target = where ? frame.locator(where) : frame;
      for (const text of texts(t)) {
        await assert.doesNotReject(target.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout: 2_000 }), `${id}: "${text}"`);
      }
    }
    // The state titles are Serbian too.
    assert.equal((await page.locator('#certificate-pin-locked-contacts-title').innerText()).trim(), 'PIN картице је закључан: подаци за контакт сертификационог тела');
    // "Try again" everywhere but where only the site can fix it.
    for (const problem of ['not-installed', 'not-running', 'local-network-blocked', 'tls-untrusted', 'origin-denied', 'no-token', 'page-blocked', 'not-set-up', 'agent-error', 'token-removed']) {
      const retry = page.locator(`#certificate-${problem} .demo-frame`).getByRole('button', { name: t.tryAgain });
      assert.equal(await retry.count(), problem === 'page-blocked' || problem === 'not-set-up' ? 0 : 1, problem);
    }
    // The hidden certificates, each with why.
    assert.equal(await page.locator('#certificate-list [data-hidden]').count(), 4);

    assert.equal(await page.locator('html').getAttribute('lang'), 'sr-Cyrl');
    assert.deepEqual(cspViolations, []);
    assert.deepEqual(networkErrors, []);
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
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
