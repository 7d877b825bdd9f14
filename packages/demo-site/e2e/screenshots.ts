// Regenerates the README's screenshots from the real demo pages:
//   pnpm --filter @egov/demo-site screenshots
// The login form in each locale and with errors; the registration form; the
// confirmation and reset pages; the gallery in each locale and each theme.
import { fileURLToPath } from 'node:url';
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
  console.log(`screenshots written to ${out}`);
} finally {
  await stack.stop();
}
