// End to end, for every real certification body's TEST profile (issue 13):
// on the built demo pages with the in-browser demo agent, the picker lists
// the certificate as usable (not hidden as from an unknown CA), registration
// with it ends with an active account, and it logs in. Petar's MUP, Pošta and
// PKS certificates are one person's: the first registration makes his
// account, the other two register into the same account (the "already
// registered" notice, nothing new) and log into it. One stack for the file.
import assert from 'node:assert/strict';
import { after, before, describe, test, type TestContext } from 'node:test';
import type { Page } from 'playwright-core';
import { confirmByLink, startStack, type Stack } from './harness.ts';

interface Profile {
  /** `<token>:<profile>`, the picker's certificate id. */
  id: string;
  /** The issuing CA's CN, as the picker names the issuer. */
  issuer: string;
}

const MUP_GRADJANI: Profile = { id: 'test-mup-id-card:valid', issuer: 'TEST MUP Gradjani CA 4' };
const MUP_STRANCI: Profile = { id: 'test-mup-foreigner-card:mup-stranci', issuer: 'TEST MUP Stranci CA 4' };
const POSTA: Profile = { id: 'test-other-profiles:multi-valued-rdn', issuer: 'TEST Pošta Srbije CA 1' };
const PKS: Profile = { id: 'test-other-profiles:reversed-rdn', issuer: 'TEST PKS CA Class1 - Kvalifikovani sertifikati' };
const HALCOM: Profile = { id: 'test-halcom:valid-ecdsa', issuer: 'TEST Halcom BG CA FL e-signature' };
const ESMART: Profile = { id: 'test-other-profiles:esmart-rsa-pss', issuer: 'TEST ESS IQCA1 V3' };
const ITE: Profile = { id: 'test-other-profiles:no-email', issuer: 'TEST EID RS Sign' };
const PAPERLESS: Profile = { id: 'test-other-profiles:paperless', issuer: 'TEST Paperless FL eSignature CA 1' };
const ALL = [MUP_GRADJANI, MUP_STRANCI, POSTA, PKS, HALCOM, ESMART, ITE, PAPERLESS];

let counter = 0;
const uniqueEmail = (label: string) => `${label}-${Date.now().toString(36)}-${++counter}@example.test`;

/** Types the PIN into the demo agent's own dialog (never into the kit's page). */
async function enterPin(page: Page, pin: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: /Demo agent/ });
  await dialog.getByLabel('PIN', { exact: true }).fill(pin);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** The picker in `host` lists the certificate as usable, and nothing from its CA is hidden as untrusted. */
async function assertListedAsUsable(page: Page, host: string, profile: Profile): Promise<void> {
  const picker = page.locator(`${host} egov-certificate-picker`);
  const entry = picker.locator(`[data-certificate="${profile.id}"]`);
  await entry.waitFor({ state: 'visible', timeout: 15_000 });
  assert.ok(await entry.locator('button').isVisible(), `${profile.id}: choosable`);
  assert.match((await entry.textContent()) ?? '', new RegExp(profile.issuer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), `${profile.id}: issuer named`);
  assert.equal(await picker.locator('[data-hidden=untrusted_ca]', { hasText: profile.issuer }).count(), 0, `${profile.id}: not hidden as untrusted`);
}

describe('every real CA’s test profile through the demo site and the demo agent', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  /** Registration with the certificate on the registration page, up to "Check your e-mail". */
  async function register(page: Page, profile: Profile, email: string): Promise<void> {
    await page.goto(`${stack.siteUrl}/register.html?method=certificate`);
    await assertListedAsUsable(page, 'egov-register', profile);
    await page.locator(`egov-register [data-certificate="${profile.id}"] button`).click();
    const form = page.locator('egov-register [data-certificate-form]');
    await form.waitFor();
    // The holder's data comes from the certificate: a 13-digit personal number (JMBG or a foreigner's number) for each of these.
    assert.match((await form.locator('.egov-data').textContent()) ?? '', /\d{13}/, profile.id);
    await form.getByLabel('E-mail address (your username)').fill(email);
    await form.getByLabel(/I confirm that the information I have given is true/).check();
    await form.getByRole('button', { name: 'Create user account' }).click();
    await enterPin(page, '1234');
    await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
  }

  /** Certificate login on the login page; resolves with the session's e-mail and acr. */
  async function login(page: Page, profile: Profile): Promise<{ email: string; acr: string }> {
    await page.goto(`${stack.siteUrl}/login.html`);
    await page.getByRole('tab', { name: 'Qualified electronic certificate' }).click();
    await assertListedAsUsable(page, 'egov-login', profile);
    await page.locator(`egov-login [data-certificate="${profile.id}"] button`).click();
    await enterPin(page, '1234');
    await page.getByRole('heading', { name: 'You are logged in' }).waitFor();
    const session = await page.evaluate(async () => (await fetch('/api/session')).json());
    return session.user;
  }

  /** Registers, confirms by the e-mail's link (the account is then active) and logs in, in a fresh browser context. */
  async function registerConfirmLogin(t: TestContext, profile: Profile, label: string): Promise<string> {
    const started = Date.now();
    const email = uniqueEmail(label);
    const { page, cspViolations } = await stack.newPage();
    await register(page, profile, email);
    await confirmByLink(page, await stack.dev.link(email, 'confirm_email'));
    assert.match((await page.locator('egov-email-confirm .egov-notice').textContent()) ?? '', /Your account is active/, profile.id);
    assert.deepEqual(await login(page, profile), { email, acr: 'high' });
    assert.deepEqual(cspViolations, []);
    await page.context().close();
    t.diagnostic(`${profile.id}: registration, confirmation and login in ${Date.now() - started} ms`);
    return email;
  }

  test('the login picker lists each real CA’s certificate as usable, none hidden as from an unknown CA', async () => {
    const { page } = await stack.newPage();
    await page.goto(`${stack.siteUrl}/login.html`);
    await page.getByRole('tab', { name: 'Qualified electronic certificate' }).click();
    for (const profile of ALL) await assertListedAsUsable(page, 'egov-login', profile);
    await page.context().close();
  });

  test('MUP Stranci CA 4 (a foreigner’s MUP card, no chain sent): register, confirm, log in', async (t) => {
    await registerConfirmLogin(t, MUP_STRANCI, 'stranci');
  });

  test('Halcom: register, confirm, log in', async (t) => {
    await registerConfirmLogin(t, HALCOM, 'halcom');
  });

  test('E-Smart (RSA-PSS CA): register, confirm, log in', async (t) => {
    await registerConfirmLogin(t, ESMART, 'esmart');
  });

  test('ITE (no e-mail in the certificate: the typed one): register, confirm, log in', async (t) => {
    await registerConfirmLogin(t, ITE, 'ite');
  });

  test('Paperless: register, confirm, log in', async (t) => {
    await registerConfirmLogin(t, PAPERLESS, 'paperless');
  });

  test('Petar: registered with Pošta; his MUP card (no chain sent) and PKS certificates register into and log into the same account', async (t) => {
    const email = await registerConfirmLogin(t, POSTA, 'petar');
    for (const profile of [MUP_GRADJANI, PKS]) {
      const started = Date.now();
      const { page } = await stack.newPage();
      const before = (await stack.dev.outbox(email)).filter((message) => message.kind === 'certificate_already_registered').length;
      // The same answer as for a new account (no enumeration); the account is told instead, and no second account is made.
      const other = uniqueEmail('petar-again');
      await register(page, profile, other);
      assert.deepEqual(await stack.dev.outbox(other), [], `${profile.id}: nothing to the new address`);
      assert.equal((await stack.dev.outbox(email)).filter((message) => message.kind === 'certificate_already_registered').length, before + 1, profile.id);
      assert.deepEqual(await login(page, profile), { email, acr: 'high' });
      await page.context().close();
      t.diagnostic(`${profile.id}: registration (already registered) and login in ${Date.now() - started} ms`);
    }
  });
});
