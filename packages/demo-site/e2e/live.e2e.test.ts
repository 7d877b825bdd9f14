// End to end: the live pages as a designer walks them alone (issue 15,
// "Live") — the kit's element against the mock server, with the mailbox and
// the reviewer beside it. The mailbox follows the journey (no address typed),
// its links lead on in the language the journey started in, and the
// reviewer's queue fills when the address is confirmed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { srCyrl } from '../../auth-widgets/src/i18n/sr-cyrl.ts';
import { DEMO_TEXTS } from '../src/demo-texts.ts';
import { LIVE_TEXTS } from '../src/live/texts.ts';
import { fillForeignRegistration, startStack, type Stack } from './harness.ts';

const PASSWORD = 'quiet river under seven old bridges';
const ACTIVE = { email: 'active@example.test', password: 'Active-Demo-Passphrase-1' };
const t = DEMO_TEXTS['sr-Cyrl'];
const l = LIVE_TEXTS['sr-Cyrl'];
/** Serbian in Cyrillic: Cyrillic letters, and no Latin one. */
const CYRILLIC = /^[^A-Za-z]*\p{Script=Cyrillic}[^A-Za-z]*$/u;

/** A page with its console errors and the CSP's refusals collected. */
async function openPage(stack: Stack, width = 1280): Promise<{ page: Page; consoleErrors: string[]; cspViolations: string[] }> {
  const { page, cspViolations } = await stack.newPage({ viewport: { width, height: 900 } });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  return { page, consoleErrors, cspViolations };
}

/**
 * The page landed on is in Serbian Cyrillic, as a person sees it: the
 * address keeps the language, the element speaks it, and the page's own
 * headings and the panels beside it are visible and in Cyrillic.
 */
async function landedInCyrillic(page: Page, pathname: string, element: string): Promise<Locator> {
  await page.waitForURL((url) => url.pathname === pathname);
  assert.equal(new URL(page.url()).searchParams.get('locale'), 'sr-Cyrl', `${pathname}: the address keeps the language`);
  await page.waitForFunction(() => document.documentElement.lang === 'sr-Cyrl');
  await page.locator(`${element} .egov-root[lang=sr-Cyrl]`).waitFor({ state: 'visible' });

  const beside = page.getByRole('complementary', { name: l.besideLabel });
  await beside.getByRole('heading', { name: l.mailboxHeading, level: 2 }).waitFor({ state: 'visible' });
  await beside.getByRole('heading', { name: t.reviewHeading, level: 2 }).waitFor({ state: 'visible' });
  await beside.getByRole('button', { name: t.refresh }).waitFor({ state: 'visible' });
  await page.getByRole('heading', { name: l.aboutHeading, level: 2 }).waitFor({ state: 'visible' });
  const texts = [
    await page.locator('h1').innerText(),
    ...(await page.locator('main h2:not(egov-auth h2)').allInnerTexts()),
    ...(await beside.locator('label, button, .demo-panel-intro').allInnerTexts()),
  ];
  for (const text of texts) assert.match(text.trim(), CYRILLIC, `${pathname}: "${text}" is in Cyrillic`);
  return beside;
}

describe('the live pages: the journeys with the mailbox and the reviewer beside them', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  test('in Serbian Cyrillic: register → the e-mail beside → confirm → approve beside → the approval e-mail → log in', async () => {
    const email = `live-${Date.now().toString(36)}@example.test`;
    const { page, consoleErrors, cspViolations } = await openPage(stack);

    // Registration: the mailbox waits for an address; nobody types one into it.
    await page.goto(`${stack.siteUrl}/register.html?locale=sr-Cyrl`);
    let beside = await landedInCyrillic(page, '/register.html', 'egov-register');
    const mailbox = beside.locator('demo-outbox');
    assert.equal(await mailbox.getByText(l.mailboxWaiting).isVisible(), true);
    // Wide screen: the panels are beside the element's column, not under it.
    const frame = await page.locator('.demo-frame').boundingBox();
    const aside = await beside.boundingBox();
    assert.ok(frame && aside && aside.x >= frame.x + frame.width && aside.y < frame.y + frame.height, 'beside the element');

    await fillForeignRegistration(page, email, PASSWORD);
    await page.locator('egov-register button[type=submit]').click();
    await page.locator('egov-register').getByRole('heading', { name: srCyrl.checkEmailTitle }).waitFor({ state: 'visible' });

    const confirmation = mailbox.locator('article[data-kind=confirm_email]');
    await confirmation.waitFor({ state: 'visible' });
    assert.match(await confirmation.locator('h3').innerText(), CYRILLIC, 'the e-mail is in the language the person registered in');
    assert.equal(await mailbox.getByLabel(t.outboxAddress).inputValue(), email, 'the address came from the form');
    assert.equal(await mailbox.getByRole('status').innerText(), l.messageCount(1, email));
    await confirmation.getByRole('link', { name: t.openLink }).click();

    // The confirmation page, opened from the e-mail: the mailbox still shows it; the reviewer gets the registration once it is confirmed.
    beside = await landedInCyrillic(page, '/confirm-email.html', 'egov-email-confirm');
    await beside.locator('demo-outbox article[data-kind=confirm_email]').waitFor({ state: 'visible' });
    const entry = beside.locator('demo-review article', { hasText: email });
    assert.equal(await entry.isVisible(), false, 'not awaiting review before the address is confirmed');
    const confirm = page.locator('egov-email-confirm');
    await confirm.getByRole('button', { name: srCyrl.confirmButton }).click();
    await confirm.getByText(srCyrl.confirmedTitle).waitFor({ state: 'visible' });
    await entry.waitFor({ state: 'visible' });
    assert.equal(await entry.getByRole('heading', { name: email }).isVisible(), true);

    await entry.getByRole('button', { name: t.approve }).click();
    await beside.getByText(t.approved(email)).waitFor({ state: 'visible' });
    const approval = beside.locator('demo-outbox article[data-kind=account_approved]');
    await approval.waitFor({ state: 'visible' });
    assert.match(await approval.locator('h3').innerText(), CYRILLIC);
    assert.equal(await beside.locator('demo-outbox').getByRole('status').innerText(), l.messageCount(2, email));
    await approval.getByRole('link', { name: l.openLogin }).click();

    // The approval e-mail leads to log in, in the same language.
    await landedInCyrillic(page, '/login.html', 'egov-login');
    const login = page.locator('egov-login');
    await login.getByLabel(srCyrl.emailLabel).fill(email);
    await login.getByLabel(srCyrl.passwordLabel, { exact: true }).fill(PASSWORD);
    await login.getByLabel(srCyrl.passwordLabel, { exact: true }).press('Enter');
    await login.getByRole('heading', { name: srCyrl.loggedInHeading }).waitFor({ state: 'visible' });
    await login.getByText(srCyrl.loggedInAs(email)).waitFor({ state: 'visible' });

    assert.deepEqual(cspViolations, []);
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  test('password reset on /reset-password.html: request → the e-mail beside → its link → a new password → changed, and that e-mail too', async () => {
    const { page, consoleErrors, cspViolations } = await openPage(stack, 600);
    await page.goto(`${stack.siteUrl}/reset-password.html?locale=sr-Cyrl`);
    let beside = await landedInCyrillic(page, '/reset-password.html', 'egov-password-reset');
    // Narrow screen: the panels come below the element.
    const frame = await page.locator('.demo-frame').boundingBox();
    const aside = await beside.boundingBox();
    assert.ok(frame && aside && aside.y >= frame.y + frame.height, 'below the element');

    const reset = page.locator('egov-password-reset');
    await reset.getByLabel(srCyrl.emailLabel).fill(ACTIVE.email);
    await reset.getByLabel(srCyrl.emailLabel).press('Enter');
    await reset.getByRole('heading', { name: srCyrl.resetSentTitle }).waitFor({ state: 'visible' });

    const message = beside.locator('demo-outbox article[data-kind=password_reset]');
    await message.waitFor({ state: 'visible' });
    assert.equal(await beside.getByLabel(t.outboxAddress).inputValue(), ACTIVE.email, 'the address came from the form');

    // The language menu: the panels beside and the page's notes follow at once, without a reload; the messages stay.
    const en = LIVE_TEXTS.en;
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await page.getByRole('link', { name: 'English' }).click();
    const besideEn = page.getByRole('complementary', { name: en.besideLabel });
    await besideEn.getByRole('heading', { name: en.mailboxHeading, level: 2 }).waitFor({ state: 'visible' });
    await besideEn.getByRole('heading', { name: DEMO_TEXTS.en.reviewHeading, level: 2 }).waitFor({ state: 'visible' });
    await page.getByRole('heading', { name: en.aboutHeading, level: 2 }).waitFor({ state: 'visible' });
    await besideEn.getByText(en.messageCount(await besideEn.locator('demo-outbox article').count(), ACTIVE.email)).waitFor({ state: 'visible' });
    assert.equal(await besideEn.getByLabel(DEMO_TEXTS.en.outboxAddress).inputValue(), ACTIVE.email);
    assert.equal(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true, 'no reload');
    // The e-mail's link keeps the language the person asked in.
    const link = besideEn.locator('demo-outbox article[data-kind=password_reset]').getByRole('link', { name: DEMO_TEXTS.en.openLink });
    assert.equal(new URL((await link.getAttribute('href'))!, stack.siteUrl).searchParams.get('locale'), 'sr-Cyrl');
    await link.click();

    beside = await landedInCyrillic(page, '/reset-password.html', 'egov-password-reset');
    const newPassword = 'seven green lanterns by the lake';
    await reset.getByLabel(srCyrl.newPasswordLabel).fill(newPassword);
    await reset.getByLabel(srCyrl.confirmPasswordLabel).fill(newPassword);
    await reset.getByRole('button', { name: srCyrl.changePassword }).click();
    await reset.getByRole('heading', { name: srCyrl.passwordChangedTitle }).waitFor({ state: 'visible' });
    await beside.locator('demo-outbox article[data-kind=password_changed]').waitFor({ state: 'visible' });

    assert.deepEqual(cspViolations, []);
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });
});
