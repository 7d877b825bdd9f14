// Regenerates the README's screenshots from the real demo pages:
//   pnpm --filter @egov/demo-site screenshots
// The login form in each locale and with errors; the registration form; the
// confirmation and reset pages; the gallery in each locale and each theme;
// and every element's main state in every language (docs/screenshots/), with
// Arabic right to left also at a phone's width.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LOCALE_NAMES, SUPPORTED_LOCALES } from '@egov/auth-widgets';
import { THEMES } from '../src/view-settings.ts';
import { galleryDrawn, startStack } from './harness.ts';

const out = fileURLToPath(new URL('../../../docs/', import.meta.url));
const stack = await startStack();
try {
  for (const locale of ['en', 'sr-Cyrl', 'sr-Latn']) {
    const { page } = await stack.newPage();
    await page.setViewportSize({ width: 1100, height: 760 });
    await page.goto(`${stack.siteUrl}/login.html?locale=${locale}`);
    await page.locator('egov-login form').waitFor();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}login-${locale}.png` });
    await page.locator('egov-login button[type=submit]').click();
    await page.locator('.egov-summary').waitFor();
    await page.screenshot({ path: `${out}login-errors-${locale}.png` });

    await page.goto(`${stack.siteUrl}/register.html?locale=${locale}`);
    await page.locator('egov-register form input[name=givenName]').waitFor();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}register-${locale}.png`, fullPage: true });
    await page.context().close();
  }
  for (const locale of ['en', 'sr-Cyrl', 'sr-Latn']) {
    const { page } = await stack.newPage();
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(`${stack.siteUrl}/login.html?locale=${locale}`);
    await page.locator('egov-login [role=tab]').first().click();
    await page.locator('egov-login [data-certificate]').first().waitFor();
    await page.screenshot({ path: `${out}login-certificate-${locale}.png`, fullPage: true });
    await page.context().close();
  }
  {
    const { page } = await stack.newPage();
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(`${stack.siteUrl}/login.html?locale=sr-Latn`);
    await page.locator('egov-login [role=tab]').first().click();
    await page.locator('egov-login [data-certificate="test-mup-id-card:valid"] button').click();
    await page.getByRole('dialog').waitFor();
    await page.screenshot({ path: `${out}soft-agent-pin-sr-Latn.png` });
    for (let i = 0; i < 3; i++) {
      if (i > 0) await page.locator('egov-login [data-certificate="test-mup-id-card:valid"] button').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('PIN', { exact: true }).fill('0000');
      await dialog.getByRole('button', { name: /^(OK|Потврдите|Potvrdite)$/ }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    await page.locator('egov-login [data-state=locked]').waitFor();
    await page.screenshot({ path: `${out}pin-locked-sr-Latn.png`, fullPage: true });
    await page.goto(`${stack.siteUrl}/login.html?agent=fortify`);
    await page.locator('egov-login [role=tab]').first().click();
    await page.locator('egov-login [data-problem]').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: `${out}fortify-missing-en.png` });
    await page.context().close();
  }
  const { page } = await stack.newPage();
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.goto(`${stack.siteUrl}/confirm-email.html?token=expired-or-made-up`);
  await page.locator('egov-email-confirm .egov-notice').waitFor();
  await page.screenshot({ path: `${out}confirm-invalid-en.png` });
  // Step 2 needs a live link (the page checks it before showing the form): ask for one for a demo account.
  await page.goto(`${stack.siteUrl}/reset-password.html?locale=sr-Latn`);
  await page.locator('egov-password-reset input[name=email]').fill('active@example.test');
  await page.locator('egov-password-reset button[type=submit]').click();
  await page.locator('egov-password-reset .egov-notice').first().waitFor();
  await page.goto(await stack.dev.link('active@example.test', 'password_reset'));
  await page.locator('egov-password-reset input[name=password]').waitFor();
  await page.locator('egov-password-reset input[name=password]').fill('kratka');
  await page.waitForTimeout(1200);
  await page.screenshot({ path: `${out}reset-step2-sr-Latn.png` });
  await page.context().close();
  // The gallery, as designers open it: its top in each language, the
  // certificate states in Cyrillic, and one state in each example theme.
  for (const locale of ['en', 'sr-Cyrl', 'sr-Latn']) {
    const { page } = await stack.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.goto(`${stack.siteUrl}/gallery.html?locale=${locale}`);
    await galleryDrawn(page);
    await page.screenshot({ path: `${out}gallery-${locale}.png` });
    await page.context().close();
  }
  {
    const { page } = await stack.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.goto(`${stack.siteUrl}/gallery.html?element=certificate&locale=sr-Cyrl`);
    await galleryDrawn(page);
    await page.screenshot({ path: `${out}gallery-certificate-sr-Cyrl.png` });
    await page.context().close();
  }
  for (const theme of THEMES) {
    const { page } = await stack.newPage({ viewport: { width: 720, height: 900 } });
    await page.goto(`${stack.siteUrl}/gallery.html?state=login-field-errors&theme=${theme}&locale=sr-Latn`);
    await galleryDrawn(page);
    await page.locator('#login-field-errors').screenshot({ path: `${out}theme-${theme}.png` });
    await page.context().close();
  }
  // Every element's main state in every language: the gallery's own state pages, one card each.
  const MAIN_STATES = [
    ['login-field-errors', 'Log in, with the errors of an empty try'],
    ['register-empty', 'Create a user account'],
    ['reset-request', 'Password forgotten?'],
    ['confirm-asking', 'Confirm your registration'],
    ['certificate-list', 'Select a certificate'],
  ] as const;
  const views = [...SUPPORTED_LOCALES.map((locale) => ({ locale, width: 'desktop', folder: locale as string })), { locale: 'ar' as const, width: 'phone', folder: 'ar-phone' }];
  for (const { locale, width, folder } of views) {
    mkdirSync(`${out}screenshots/${folder}`, { recursive: true });
    const { page } = await stack.newPage({ viewport: { width: width === 'phone' ? 420 : 760, height: 1000 } });
    for (const [state] of MAIN_STATES) {
      await page.goto(`${stack.siteUrl}/gallery.html?state=${state}&locale=${locale}&width=${width}`);
      await galleryDrawn(page);
      await page.locator(`#${state} .demo-frame`).screenshot({ path: `${out}screenshots/${folder}/${state}.png` });
    }
    await page.context().close();
  }
  const rows = views.map(
    ({ locale, folder, width }) =>
      `| ${LOCALE_NAMES[locale]}${width === 'phone' ? ', phone (360 px)' : ''} | ${MAIN_STATES.map(([state]) => `![${state}](${folder}/${state}.png)`).join(' | ')} |`,
  );
  writeFileSync(
    `${out}screenshots/README.md`,
    [
      '# Every element in every language',
      '',
      'Made by `pnpm --filter @egov/demo-site screenshots` from the gallery’s own state pages (`/gallery.html?state=…&locale=…`); do not edit by hand.',
      '',
      `| Language | ${MAIN_STATES.map(([, title]) => title).join(' | ')} |`,
      `|---|${MAIN_STATES.map(() => '---').join('|')}|`,
      ...rows,
      '',
    ].join('\n'),
  );
  console.log(`screenshots written to ${out}`);
} finally {
  await stack.stop();
}
