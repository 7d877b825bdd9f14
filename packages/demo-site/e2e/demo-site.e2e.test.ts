// End to end: the demo site itself, as a citizen and a reviewer use it
// (issue 12, item 13) — a skip link on every page, a focus indicator one can
// see on the dark header, the outbox and review page in the page's language
// with the fields under the labels the person saw, the focus after a decision
// on what happened, a way back to log in from the reset page, and logging out.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { REGISTRATION_FIELDS } from '../../auth-widgets/src/client/contract.ts';
import { formatDate } from '../../auth-widgets/src/i18n/date-format.ts';
import { srCyrl } from '../../auth-widgets/src/i18n/sr-cyrl.ts';
import { DEMO_TEXTS } from '../src/demo-texts.ts';
import { confirmByLink, fillForeignRegistration, startStack, type Stack } from './harness.ts';

const PASSWORD = 'quiet river under seven old bridges';
const ACTIVE = { email: 'active@example.test', password: 'Active-Demo-Passphrase-1' };
// The certificate picker's states moved to the gallery (states.html now only sends old links there).
const PAGES = ['/', '/gallery.html', '/login.html', '/register.html', '/reset-password.html', '/confirm-email.html', '/dev.html'];
let counter = 0;
const uniqueEmail = (label: string) => `${label}-${Date.now().toString(36)}-${++counter}@example.test`;

/** Opens a demo page and waits until its script has applied the language. */
async function open(page: Page, url: string, locale: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction((expected) => document.documentElement.lang === expected && document.querySelector('.demo-header a'), locale);
}

/** Registers a foreign citizen (citizenship VI, as in the issue) and confirms the address: the registration awaits review. */
async function registerForReview(stack: Stack, email: string): Promise<void> {
  const { page } = await stack.newPage();
  await page.goto(`${stack.siteUrl}/register.html`);
  await fillForeignRegistration(page, email, PASSWORD, 'VI');
  await page.locator('egov-register button[type=submit]').click();
  await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
  await confirmByLink(page, await stack.dev.link(email, 'confirm_email'));
  await page.context().close();
}

/** What a person sees of a focusable element's look, to compare it focused and not. */
async function look(page: Page, selector: string, index: number) {
  return page.locator(selector).nth(index).evaluate((el) => {
    const style = getComputedStyle(el);
    return { color: style.color, backgroundColor: style.backgroundColor, boxShadow: style.boxShadow, outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` };
  });
}

describe('the demo site as a citizen and a reviewer use it', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  test('every page: the first Tab reaches "Skip to main content" (shown only then, in the page’s language), and it moves the focus to main', async () => {
    const { page, cspViolations } = await stack.newPage();
    const cases = [
      ...PAGES.map((path) => ({ path, locale: 'sr-Cyrl' as const })),
      { path: '/login.html', locale: 'en' as const },
      { path: '/dev.html', locale: 'sr-Latn' as const },
    ];
    for (const { path, locale } of cases) {
      const where = `${path}?locale=${locale}`;
      await open(page, `${stack.siteUrl}${where}`, locale);
      const skip = page.locator('.demo-skip');
      const hidden = await skip.boundingBox();
      assert.ok(hidden && hidden.width <= 1 && hidden.height <= 1, `${where}: off screen before it has the focus`);

      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'demo-skip', `${where}: the first Tab stop`);
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), DEMO_TEXTS[locale].skipToMain, `${where}: in the page's language`);
      const shown = await skip.boundingBox();
      assert.ok(shown && shown.width > 100 && shown.height > 16, `${where}: visible when focused (${JSON.stringify(shown)})`);

      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main-content');
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'MAIN', `${where}: the focus is on main`);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => Boolean(document.activeElement?.closest('main'))), true, `${where}: the next Tab stays in main, past the header`);
    }
    assert.deepEqual(cspViolations, []);
    await page.context().close();
  });

  test('every header link shows the kit’s focus indicator (yellow behind the text, a dark bar under it), reached by Tab', async () => {
    const { page, cspViolations } = await stack.newPage();
    await open(page, `${stack.siteUrl}/login.html?locale=sr-Cyrl`, 'sr-Cyrl');
    const links = page.locator('.demo-header a');
    const count = await links.count();
    assert.ok(count >= 10, 'pages, the agent switch and three languages');
    const unfocused = [];
    for (let i = 0; i < count; i++) unfocused.push(await look(page, '.demo-header a', i));

    // Tab by Tab from the top of the page (the skip link comes first): each header link in turn.
    for (let i = 0, presses = 0; i < count; presses++) {
      assert.ok(presses <= count + 2, `Tab reaches header link ${i}`);
      await page.keyboard.press('Tab');
      if (!(await links.nth(i).evaluate((el) => el === document.activeElement))) continue;
      const focused = await look(page, '.demo-header a', i);
      const name = await links.nth(i).textContent();
      assert.notEqual(focused.backgroundColor, unfocused[i]!.backgroundColor, `"${name}": its background changes with the focus`);
      assert.notEqual(focused.color, unfocused[i]!.color, `"${name}": its text colour changes with the focus`);
      assert.notEqual(focused.boxShadow, 'none', `"${name}": a bar under it`);
      assert.notEqual(focused.boxShadow, unfocused[i]!.boxShadow, `"${name}": the bar comes with the focus`);
      i++;
    }
    assert.deepEqual(cspViolations, []);
    await page.context().close();
  });

  test('the review page in Serbian Cyrillic: headings and labels in Cyrillic, the kit’s field labels, values as people read them; after Approve the focus is on what happened', async () => {
    const approveMe = uniqueEmail('review-approve');
    const rejectMe = uniqueEmail('review-reject');
    await registerForReview(stack, approveMe);
    await registerForReview(stack, rejectMe);

    const { page, cspViolations } = await stack.newPage();
    await open(page, `${stack.siteUrl}/dev.html?locale=sr-Cyrl`, 'sr-Cyrl');
    const entry = page.locator('demo-review article', { hasText: approveMe });
    await entry.waitFor();
    await page.getByRole('button', { name: DEMO_TEXTS['sr-Cyrl'].approve }).first().waitFor();

    const headings = await page.locator('main h1, main h2').allTextContents();
    assert.equal(headings.length, 3);
    for (const heading of headings) assert.match(heading, /^[\p{Script=Cyrillic}\s]+$/u, `heading "${heading}" is Cyrillic`);
    const labels = await page.locator('main label').allTextContents();
    for (const label of labels) assert.match(label, /^[\p{Script=Cyrillic}\s]+$/u, `label "${label}" is Cyrillic`);

    // The fields under the labels the person saw in the form; codes and dates as people read them.
    const terms = await entry.locator('dt').allTextContents();
    const values = await entry.locator('dd').allTextContents();
    const field = (label: string) => values[terms.indexOf(label)];
    assert.equal(field(srCyrl.givenNameLabel), 'Ana');
    assert.equal(field(srCyrl.surnameLabel), 'Maier');
    assert.equal(field(srCyrl.sexLegend), srCyrl.sexFemale);
    const virginIslands = await page.evaluate(() => new Intl.DisplayNames(['sr-Cyrl'], { type: 'region' }).of('VI'));
    assert.notEqual(virginIslands, 'VI');
    assert.equal(field(srCyrl.citizenshipLabel), virginIslands, 'citizenship VI is named, not coded');
    assert.equal(field(srCyrl.dateOfBirthLabel), formatDate(new Date(1990, 4, 17), 'sr-Cyrl'));
    assert.equal(field(srCyrl.documentNumberLabel), 'C01X00T47');
    assert.equal(field(srCyrl.foreignerNumberLabel), srCyrl.noForeignerNumber);
    assert.equal(field(DEMO_TEXTS['sr-Cyrl'].registeringAs), srCyrl.userTypeForeignCitizen);

    // No raw field name, user type or code where a person reads.
    const visible = await page.locator('main').innerText();
    for (const raw of [...REGISTRATION_FIELDS, 'noForeignerNumber', 'foreign_citizen', 'pending_review']) {
      assert.equal(visible.includes(raw), false, `"${raw}" is not shown`);
    }
    assert.doesNotMatch(visible, /\bVI\b/);

    // The demo's own buttons show the focus indicator too.
    const approve = entry.getByRole('button', { name: DEMO_TEXTS['sr-Cyrl'].approve });
    const before = await approve.evaluate((el) => getComputedStyle(el).backgroundColor);
    await approve.focus();
    assert.notEqual(await approve.evaluate((el) => getComputedStyle(el).backgroundColor), before);

    await approve.click();
    const status = page.locator('demo-review [data-outcome]');
    await status.waitFor();
    await entry.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement !== document.body);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-outcome')), 'approve', 'the focus is on the status message, not on body');
    assert.equal(await status.getAttribute('tabindex'), '-1');
    assert.equal(await status.textContent(), DEMO_TEXTS['sr-Cyrl'].approved(approveMe));
    assert.match((await status.textContent()) ?? '', /одобрен/);
    assert.equal((await stack.dev.pending()).some((r) => r.email === approveMe), false, 'the account left the queue');
    assert.deepEqual(
      (await stack.dev.outbox(approveMe)).map((m) => m.kind),
      ['confirm_email', 'account_approved'],
    );

    // The language menu of every page, here too: what happened is said again in English.
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByRole('heading', { name: 'Registrations awaiting review' }).waitFor();
    await page.getByText(DEMO_TEXTS.en.approved(approveMe)).waitFor();
    assert.match(DEMO_TEXTS.en.approved(approveMe), /is approved/);

    const other = page.locator('demo-review article', { hasText: rejectMe });
    await other.getByLabel('Reason for rejecting').fill('The scan is not legible.');
    await other.getByRole('button', { name: 'Reject' }).click();
    await page.locator('demo-review [data-outcome=reject]').waitFor();
    await other.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement !== document.body);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-outcome')), 'reject');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), DEMO_TEXTS.en.rejected(rejectMe));

    // The outbox, in the page's language; the messages in theirs.
    await page.getByRole('link', { name: 'Српски (ћирилица)' }).click();
    await page.getByLabel('Адреса електронске поште').fill(rejectMe);
    await page.getByRole('button', { name: 'Прикажите поруке' }).click();
    await page.locator('demo-outbox article').first().waitFor();
    assert.equal(await page.locator('demo-outbox article[data-kind=account_rejected] h3').getAttribute('lang'), 'en');
    assert.match((await page.locator('demo-outbox .demo-meta').first().textContent()) ?? '', /English · послато .* у \d\d:\d\d/);
    const confirmation = page.locator('demo-outbox article[data-kind=confirm_email]');
    assert.equal(await confirmation.getByRole('link', { name: 'Отворите везу' }).count(), 1, 'the confirmation e-mail has its link');
    assert.deepEqual(cspViolations, []);
    await page.context().close();
  });

  test('the reset page has a visible "Back to log in" that keeps the language', async () => {
    const { page, cspViolations } = await stack.newPage();
    for (const locale of ['sr-Latn', 'en'] as const) {
      await open(page, `${stack.siteUrl}/reset-password.html?locale=${locale}`, locale);
      const back = page.getByRole('link', { name: DEMO_TEXTS[locale].backToLogin, exact: true });
      assert.equal(await back.isVisible(), true, `${locale}: visible`);
      const href = new URL((await back.getAttribute('href'))!, stack.siteUrl);
      assert.equal(href.pathname, '/login.html');
      assert.equal(href.searchParams.get('locale'), locale);
    }
    // Switching the language on the page changes the link with it.
    await page.getByRole('link', { name: 'Српски (ћирилица)' }).click();
    const back = page.getByRole('link', { name: DEMO_TEXTS['sr-Cyrl'].backToLogin, exact: true });
    assert.equal(new URL((await back.getAttribute('href'))!, stack.siteUrl).searchParams.get('locale'), 'sr-Cyrl');
    await back.click();
    await page.waitForURL((url) => url.pathname === '/login.html');
    await page.locator('egov-login .egov-root[lang=sr-Cyrl]').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'sr-Cyrl');
    assert.deepEqual(cspViolations, []);
    await page.context().close();
  });

  test('log in → "Log out" → logged out at the backend, the login form back, in the same language', async () => {
    const { page, cspViolations } = await stack.newPage();
    const t = DEMO_TEXTS['sr-Cyrl'];
    await open(page, `${stack.siteUrl}/login.html?locale=sr-Cyrl`, 'sr-Cyrl');
    const logOut = page.getByRole('button', { name: t.logOut });
    assert.equal(await logOut.isVisible(), false, 'nothing to log out of yet');

    const login = page.locator('egov-login');
    await login.locator('input[name=email]').fill(ACTIVE.email);
    await login.locator('input[name=password]').fill(ACTIVE.password);
    await login.locator('input[name=password]').press('Enter');
    await login.locator('.egov-notice--success').waitFor();
    await logOut.waitFor({ state: 'visible' });
    const session = () => page.evaluate(async () => ((await (await fetch('/api/session')).json()) as { authenticated: boolean }).authenticated);
    assert.equal(await session(), true);

    const before = await logOut.evaluate((el) => getComputedStyle(el).backgroundColor);
    await logOut.focus();
    assert.notEqual(await logOut.evaluate((el) => getComputedStyle(el).backgroundColor), before, 'the button shows the focus');
    await page.keyboard.press('Enter');

    const status = page.locator('[data-demo-session-status]');
    await status.waitFor({ state: 'visible' });
    assert.equal(await status.textContent(), t.loggedOut);
    assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute('data-demo-session-status')), true, 'the focus is on what happened');
    assert.equal(await session(), false, 'the backend has no session');
    assert.equal(await logOut.isVisible(), false);
    await page.locator('egov-login input[name=email]').waitFor({ state: 'visible' });
    assert.equal(await page.locator('egov-login .egov-root').getAttribute('lang'), 'sr-Cyrl', 'the login form is back in the same language');
    assert.equal(await page.locator('egov-login input[name=password]').inputValue(), '', 'nothing typed is kept');
    assert.equal(new URL(page.url()).searchParams.get('locale'), 'sr-Cyrl');

    // And once more: the new form logs in, and "Log out" comes back.
    await page.locator('egov-login input[name=email]').fill(ACTIVE.email);
    await page.locator('egov-login input[name=password]').fill(ACTIVE.password);
    await page.locator('egov-login input[name=password]').press('Enter');
    await logOut.waitFor({ state: 'visible' });
    assert.equal(await status.isVisible(), false);
    assert.equal(await session(), true);
    assert.deepEqual(cspViolations, []);
    await page.context().close();
  });
});
