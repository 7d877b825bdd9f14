// Regenerates the README's screenshots from the real demo page:
//   pnpm --filter @egov/demo-site screenshots
// One per locale of the login form, and one of the error state.
import { fileURLToPath } from 'node:url';
import { startStack } from './harness.ts';

const out = fileURLToPath(new URL('../../../docs/', import.meta.url));
const stack = await startStack();
try {
  for (const locale of ['en', 'sr-Cyrl', 'sr-Latn']) {
    const { page } = await stack.newPage();
    await page.setViewportSize({ width: 1100, height: 760 });
    await page.goto(`${stack.siteUrl}/?locale=${locale}`);
    await page.locator('egov-login form').waitFor();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}login-${locale}.png` });
    await page.locator('egov-login button[type=submit]').click();
    await page.locator('.egov-summary').waitFor();
    await page.screenshot({ path: `${out}login-errors-${locale}.png` });
    await page.context().close();
  }
  console.log(`screenshots written to ${out}`);
} finally {
  await stack.stop();
}
