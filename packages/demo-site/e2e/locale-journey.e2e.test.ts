// End to end: a person who starts in a language stays in it on every page
// they land on — through the kit's links and through the links in the
// e-mails the backend sends (issue 12, item 2). One journey per locale:
// login page → "Create a user account" → register → confirmation e-mail →
// confirm → review → "account active" e-mail → log in; and "Password
// forgotten?" → reset e-mail → new password → log in. Selectors are
// language-neutral (names, data attributes): the test reads the language
// from the page, never assumes it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { partOf, type PartName } from '../../auth-widgets/src/i18n/locale-pack.ts';
import { loadLocalePack } from '../../auth-widgets/src/i18n/locales.ts';
import { fillForeignRegistration, startStack, type Stack } from './harness.ts';

const PASSWORD = 'quiet river under seven old bridges';
const NEW_PASSWORD = 'seven green lanterns by the lake';
// Russian (issue 16: a registration with its e-mails in Russian) and Arabic, right to left, beside Serbian and English.
const LOCALES = ['sr-Cyrl', 'sr-Latn', 'en', 'ru', 'ar'] as const;
type Locale = (typeof LOCALES)[number];
let counter = 0;
const uniqueEmail = (label: string) => `${label}-${Date.now().toString(36)}-${++counter}@example.test`;

/** Every text of a locale's folder: a heading a person reads must be one of its own language's texts. */
const TEXTS = Object.fromEntries(
  await Promise.all(
    LOCALES.map(async (locale) => {
      const pack = await loadLocalePack(locale);
      const parts = await Promise.all((Object.keys(pack.parts) as PartName[]).map((name) => partOf(pack, name)));
      const texts = parts.flatMap((part) => Object.values(part).filter((v): v is string => typeof v === 'string'));
      return [locale, new Set(texts)] as const;
    }),
  ),
) as Record<Locale, Set<string>>;

/** What an e-mail in the language is written in. */
const SCRIPT: Record<Locale, RegExp> = { 'sr-Cyrl': /[љњђћџ]/i, 'sr-Latn': /[čćđšž]/i, en: /^[^\u0400-\u04ff\u0600-\u06ff]*$/, ru: /[ыэё]/i, ar: /[\u0600-\u06ff]/ };

/** Asserts that the page and the kit's element on it speak `locale`, and that what a person reads looks like it. */
async function assertLocale(page: Page, locale: Locale, element: string, where: string): Promise<void> {
  await page.locator(`${element} .egov-root`).first().waitFor();
  // The page settles (its script applies ?locale= once it has loaded): then it must be in the language.
  await page
    .waitForFunction(
      ([expected, tag]) => document.documentElement.lang === expected && document.querySelector(`${tag} .egov-root`)?.getAttribute('lang') === expected,
      [locale, element] as const,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  assert.equal(await page.evaluate(() => document.documentElement.lang), locale, `${where}: the page's lang (${page.url()})`);
  assert.equal(await page.locator(`${element} .egov-root`).first().getAttribute('lang'), locale, `${where}: the element's lang`);
  const direction = locale === 'ar' ? 'rtl' : 'ltr';
  assert.equal(await page.evaluate(() => document.documentElement.dir), direction, `${where}: the page's direction`);
  assert.equal(await page.locator(`${element} .egov-root`).first().getAttribute('dir'), direction, `${where}: the element's direction`);
  const heading = ((await page.locator(`${element} h2, ${element} h3`).first().textContent()) ?? '').trim();
  assert.ok(TEXTS[locale].has(heading), `${where}: the heading "${heading}" is a ${locale} text`);
}

async function logIn(page: Page, email: string, password: string): Promise<void> {
  const login = page.locator('egov-login');
  await login.locator('input[name=email]').fill(email);
  await login.locator('input[name=password]').fill(password);
  await login.locator('input[name=password]').press('Enter');
  await login.locator('.egov-notice--success').waitFor({ state: 'visible' });
}

describe('the language a person starts in, on every page they land on', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  for (const locale of LOCALES) {
    test(`${locale}: register → e-mail → confirm → review → log in; password forgotten → e-mail → new password → log in`, async () => {
      const email = uniqueEmail(`journey-${locale.toLowerCase()}`);
      const { page, cspViolations } = await stack.newPage();

      await page.goto(`${stack.siteUrl}/login.html?locale=${locale}`);
      await assertLocale(page, locale, 'egov-login', 'login page');
      await page.locator(`egov-login a.egov-link[href*="register"][href*="${locale}"]`).last().click();
      await page.waitForURL(/register\.html/);
      await assertLocale(page, locale, 'egov-register', 'register page, reached by "Create a user account"');

      await fillForeignRegistration(page, email, PASSWORD);
      await page.locator('egov-register button[type=submit]').click();
      await page.locator('egov-register .egov-notice').first().waitFor({ state: 'visible' });

      const confirmMail = (await stack.dev.outbox(email)).find((m) => m.kind === 'confirm_email')!;
      assert.equal(confirmMail.locale, locale, 'the confirmation e-mail is in the language of the registration');
      assert.match(confirmMail.subject + confirmMail.text, SCRIPT[locale], 'the confirmation e-mail is written in it');
      await page.goto(confirmMail.link!);
      await assertLocale(page, locale, 'egov-email-confirm', 'confirmation page, reached from the e-mail');
      await page.locator('egov-email-confirm button[data-answer=confirm]').click();
      await page.locator('egov-email-confirm .egov-notice:not([data-state=asking]) .egov-notice-title').waitFor();

      await stack.dev.approve(email);
      const approved = (await stack.dev.outbox(email)).find((m) => m.kind === 'account_approved')!;
      assert.equal(approved.locale, locale);
      assert.match(approved.subject + approved.text, SCRIPT[locale], 'the "account active" e-mail is written in it');
      await page.goto(approved.link!);
      await assertLocale(page, locale, 'egov-login', 'login page, reached from the "account active" e-mail');
      await logIn(page, email, PASSWORD);
      await page.context().close();

      const { page: reset } = await stack.newPage();
      await reset.goto(`${stack.siteUrl}/login.html?locale=${locale}`);
      await assertLocale(reset, locale, 'egov-login', 'login page');
      await reset.locator(`egov-login a.egov-link[href*="reset-password"][href*="${locale}"]`).click();
      await reset.waitForURL(/reset-password\.html/);
      await assertLocale(reset, locale, 'egov-password-reset', 'reset page, reached by "Password forgotten?"');
      await reset.locator('egov-password-reset input[name=email]').fill(email);
      await reset.locator('egov-password-reset button[type=submit]').click();
      await reset.locator('egov-password-reset .egov-notice').first().waitFor({ state: 'visible' });
      const resetMail = (await stack.dev.outbox(email)).find((m) => m.kind === 'password_reset')!;
      assert.equal(resetMail.locale, locale, 'the reset e-mail is in the language of the request');
      await reset.goto(resetMail.link!);
      await assertLocale(reset, locale, 'egov-password-reset', 'new-password page, reached from the e-mail');
      await reset.locator('egov-password-reset input[name=password]').fill(NEW_PASSWORD);
      await reset.locator('egov-password-reset input[name=passwordConfirmation]').fill(NEW_PASSWORD);
      await reset.locator('egov-password-reset button[type=submit]').click();
      await reset.locator('egov-password-reset a.egov-link').last().waitFor({ state: 'visible' });
      await reset.locator('egov-password-reset a.egov-link').last().click();
      await reset.waitForURL((url) => !url.pathname.includes('reset-password'));
      await assertLocale(reset, locale, 'egov-login', 'login page, reached by "Log in" after the new password');
      await logIn(reset, email, NEW_PASSWORD);
      assert.deepEqual(cspViolations, []);
      await reset.context().close();
    });
  }
});
