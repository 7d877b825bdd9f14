// End to end: the portal guide's password journeys on the built demo pages,
// in Debian's Chromium, against the real mock server and its outbox.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { PDF_TEXT, PNG_BYTES } from '../../auth-widgets/test-support/documents.ts';
import { confirmByLink, startStack, type Stack } from './harness.ts';

const PASSWORD = 'quiet river under seven old bridges';
let counter = 0;
const uniqueEmail = (label: string) => `${label}-${Date.now().toString(36)}-${++counter}@example.test`;

const DOCUMENTS = [
  { name: 'passport-page-1.png', mimeType: 'image/png', buffer: Buffer.from(PNG_BYTES) },
  { name: 'passport-page-2.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF_TEXT) },
];

/** Fills the registration form as a foreign citizen would. */
async function fillRegistration(page: Page, email: string, options: { foreignerNumber?: string } = {}): Promise<void> {
  await page.getByLabel('Given name').fill('Ana');
  await page.getByLabel('Surname').fill('Testić');
  const form = page.locator('egov-register');
  await form.getByLabel('Day', { exact: true }).fill('17');
  await form.getByLabel('Month', { exact: true }).fill('5');
  await form.getByLabel('Year', { exact: true }).fill('1990');
  await page.getByRole('radio', { name: 'Female' }).check();
  await page.getByLabel('Citizenship').selectOption('DE');
  await page.getByLabel('Passport or identity document number').fill('C01X00T47');
  if (options.foreignerNumber) await page.getByLabel('Foreigner’s registration number').fill(options.foreignerNumber);
  else await page.getByLabel('I don’t have it / I forgot it').check();
  await page.getByLabel('E-mail address (your username)').fill(email);
  await page.getByLabel('New password').fill(PASSWORD);
  await page.getByLabel('Confirm password').fill(PASSWORD);
  await page.locator('egov-register input[type=file][multiple]').setInputFiles(DOCUMENTS);
  await page.locator('egov-register .egov-file').nth(1).waitFor();
  await page.getByLabel(/I confirm that the information I have given is true/).check();
}

async function register(stack: Stack, email: string, options: { foreignerNumber?: string } = {}): Promise<void> {
  const { page, cspViolations } = await stack.newPage();
  await page.goto(`${stack.siteUrl}/register.html`);
  await fillRegistration(page, email, options);
  await page.getByRole('button', { name: 'Create user account' }).click();
  await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
  assert.match((await page.locator('egov-register .egov-notice').textContent()) ?? '', new RegExp(email.replace(/[.]/g, '\\.')));
  assert.deepEqual(cspViolations, []);
  await page.context().close();
}

/** Opens the confirmation link from the outbox and returns what the page says. */
async function confirm(stack: Stack, email: string): Promise<string> {
  const link = await stack.dev.link(email, 'confirm_email');
  assert.equal(new URL(link).origin, stack.siteUrl, 'the link leads to the site that registered');
  const { page } = await stack.newPage();
  await confirmByLink(page, link);
  const title = page.locator('egov-email-confirm .egov-notice-title');
  // The token left the address bar.
  assert.equal(new URL(page.url()).searchParams.has('token'), false);
  const text = `${await title.textContent()} ${await page.locator('egov-email-confirm .egov-notice').textContent()}`;
  await page.context().close();
  return text;
}

/** Logs in on the login page and returns the heading of what it shows. */
async function logIn(stack: Stack, email: string, password: string): Promise<string> {
  const { page } = await stack.newPage();
  await page.goto(`${stack.siteUrl}/login.html`);
  await page.getByLabel('Username (e-mail address)').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  const outcome = page.locator('egov-login .egov-notice-title, egov-login .egov-summary li').first();
  await outcome.waitFor();
  const text = (await page.locator('egov-login .egov-notice, egov-login .egov-summary').first().textContent()) ?? '';
  await page.context().close();
  return text.trim();
}

describe('registration, confirmation, review and password reset', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  test('a mail scanner that opens the confirmation link and runs its script confirms nothing; the owner of the address deletes a registration they did not make', async () => {
    const email = uniqueEmail('scanned');
    await register(stack, email);
    const link = await stack.dev.link(email, 'confirm_email');
    // The scanner: loads the page, runs its scripts, clicks nothing.
    const scanner = await stack.newPage();
    await scanner.page.goto(link);
    const question = scanner.page.getByRole('heading', { name: 'Did you register with this e-mail address?' });
    await question.waitFor({ state: 'visible' });
    await scanner.page.waitForTimeout(1000);
    assert.equal(await scanner.page.getByText('Your e-mail address is confirmed').count(), 0);
    await scanner.page.context().close();

    // The owner of the address opens the same link and says it was not them.
    const { page, cspViolations } = await stack.newPage();
    await page.goto(link);
    await page.getByRole('button', { name: 'This was not me' }).click();
    await page.getByRole('heading', { name: 'The registration was deleted' }).waitFor({ state: 'visible' });
    assert.equal(await page.getByRole('button', { name: 'Yes, confirm my registration' }).count(), 0);
    assert.deepEqual(cspViolations, []);
    await page.context().close();

    // The address is free: registering it again sends a new confirmation, not "already registered".
    await register(stack, email);
    const kinds = (await stack.dev.outbox(email)).map((message) => message.kind);
    assert.deepEqual(kinds, ['confirm_email', 'confirm_email']);
  });

  test('1. a foreign citizen registers with two documents, confirms, waits for review, is approved, logs in', async () => {
    const email = uniqueEmail('journey');
    await register(stack, email, { foreignerNumber: '1705990710004' });
    assert.match(await confirm(stack, email), /Your e-mail address is confirmed.*within 24 hours/s);
    assert.match(await logIn(stack, email, PASSWORD), /^Your account is awaiting review/);
    const [registration] = (await stack.dev.pending()).filter((r) => r.email === email);
    assert.equal(registration?.documents.length, 2);
    assert.equal(registration?.fields.foreignerNumber, '1705990710004');
    await stack.dev.approve(email);
    assert.deepEqual((await stack.dev.outbox(email)).map((m) => m.kind), ['confirm_email', 'account_approved']);
    assert.match(await logIn(stack, email, PASSWORD), /^You are logged in/);
  });

  test('2. the same without a foreigner’s registration number', async () => {
    const email = uniqueEmail('nonumber');
    await register(stack, email);
    const [registration] = (await stack.dev.pending()).filter((r) => r.email === email);
    assert.equal(registration, undefined, 'not pending before the e-mail is confirmed');
    await confirm(stack, email);
    const [pending] = (await stack.dev.pending()).filter((r) => r.email === email);
    assert.equal(pending?.noForeignerNumber, true);
    assert.equal(pending?.fields.foreignerNumber, undefined);
    await stack.dev.approve(email);
    assert.match(await logIn(stack, email, PASSWORD), /^You are logged in/);
  });

  test('3. the reviewer rejects: login shows the rejection and its reason', async () => {
    const email = uniqueEmail('rejected');
    await register(stack, email);
    await confirm(stack, email);
    await stack.dev.reject(email, 'The photo page is not readable.');
    const shown = await logIn(stack, email, PASSWORD);
    assert.match(shown, /^Your registration was not approved/);
    assert.match(shown, /The photo page is not readable\./);
  });

  test('4. password forgotten: the link sets a new password, the old fails, the link works once', async () => {
    const email = uniqueEmail('reset');
    await register(stack, email);
    await confirm(stack, email);
    await stack.dev.approve(email);

    const { page } = await stack.newPage();
    await page.goto(`${stack.siteUrl}/login.html`);
    await page.getByRole('link', { name: 'Password forgotten?' }).click();
    await page.waitForURL(/reset-password\.html/);
    await page.getByLabel('Username (e-mail address)').fill(email);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
    const link = await stack.dev.link(email, 'password_reset');

    const newPassword = 'seven green lanterns by the lake';
    await page.goto(link);
    assert.equal(new URL(page.url()).searchParams.has('token'), false);
    await page.getByLabel('New password').fill(newPassword);
    await page.getByLabel('Confirm password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'Your password has been changed' }).waitFor();
    await page.context().close();

    assert.match(await logIn(stack, email, PASSWORD), /Wrong e-mail address or password/);
    assert.match(await logIn(stack, email, newPassword), /^You are logged in/);

    // The used link says so when the page opens, before anyone types a new password.
    const { page: again } = await stack.newPage();
    await again.goto(link);
    await again.getByRole('heading', { name: 'This link has expired or has already been used' }).waitFor();
    assert.equal(await again.getByLabel('New password').isVisible(), false);
    assert.equal(await again.getByRole('button', { name: 'Change password' }).isVisible(), false);
    await again.getByRole('button', { name: 'Request a new link' }).waitFor();
    await again.context().close();
  });

  test('5. the backend stops during the submit: nothing is lost, and it goes through when the backend is back', async () => {
    const email = uniqueEmail('outage');
    const { page } = await stack.newPage();
    await page.goto(`${stack.siteUrl}/register.html`);
    await fillRegistration(page, email);
    await stack.stopBackend();
    try {
      await page.getByRole('button', { name: 'Create user account' }).click();
      await page.locator('egov-register .egov-summary').waitFor();
      assert.match((await page.locator('egov-register .egov-summary').textContent()) ?? '', /The service is not available right now/);
      assert.equal(await page.getByLabel('Given name').inputValue(), 'Ana');
      assert.equal(await page.getByLabel('E-mail address (your username)').inputValue(), email);
      assert.equal(await page.getByLabel('New password').inputValue(), PASSWORD);
      assert.deepEqual(await page.locator('egov-register .egov-file-name').allTextContents(), DOCUMENTS.map((d) => d.name));
    } finally {
      await stack.startBackend();
    }
    await page.getByRole('button', { name: 'Create user account' }).click();
    await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
    assert.deepEqual((await stack.dev.outbox(email)).map((m) => m.kind), ['confirm_email']);
    await page.context().close();
  });

  test('the demo’s outbox page shows the e-mail with its link, and its review page approves', async () => {
    const email = uniqueEmail('devpage');
    await register(stack, email);
    const { page } = await stack.newPage();
    await page.goto(`${stack.siteUrl}/dev.html`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByRole('button', { name: 'Show messages' }).click();
    await page.getByRole('link', { name: 'Open the link' }).click();
    await page.getByRole('button', { name: 'Yes, confirm my registration' }).click();
    await page.locator('egov-email-confirm .egov-notice:not([data-state=asking]) .egov-notice-title').waitFor();
    assert.equal((await page.locator('egov-email-confirm .egov-notice-title').textContent())?.trim(), 'Your e-mail address is confirmed');
    await page.goto(`${stack.siteUrl}/dev.html`);
    const entry = page.locator('demo-review article', { hasText: email });
    await entry.getByRole('button', { name: 'Approve' }).click();
    await entry.waitFor({ state: 'detached' });
    await page.context().close();
    assert.match(await logIn(stack, email, PASSWORD), /^You are logged in/);
  });
});
