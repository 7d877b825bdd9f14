// End to end: the token editor (tokens.html). It starts from the header's
// theme and follows a switch without a reload; editing a token changes the
// kit's elements in the preview and the contrast shown, in words; its
// language follows the header; and the CSS it copies, pasted into a plain
// page with nothing of the demo, gives the same pixels as its preview.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { KIT_TOKENS } from '../src/tokens/kit-tokens.ts';
import { REPEATS_ELEMENTS, axeViolations, describeViolations } from './axe.ts';
import { startStack, type Stack } from './harness.ts';

const VIEWPORT = { width: 1400, height: 1000 };

interface Opened {
  page: Page;
  cspViolations: string[];
  consoleErrors: string[];
}

async function open(stack: Stack, query = '', permissions: string[] = []): Promise<Opened> {
  const { page, cspViolations } = await stack.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce' });
  if (permissions.length) await page.context().grantPermissions(permissions, { origin: stack.siteUrl });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  await page.goto(`${stack.siteUrl}/tokens.html${query}`);
  await ready(page);
  return { page, cspViolations, consoleErrors };
}

/** The preview's states are on screen and the editor holds the header's theme. */
async function ready(page: Page, theme?: string): Promise<void> {
  await page.locator('.demo-token-preview-frames[data-ready=true]').waitFor();
  await page.locator(theme ? `[data-theme-loaded=${theme}]` : '[data-theme-loaded]:not([data-theme-loaded=""])').waitFor();
}

const field = (page: Page, token: string): Locator => page.locator(`input[data-token-text="${token}"]`);
const row = (page: Page, pair: string): Locator => page.locator(`tr[data-pair="${pair}"]`);
const loginButton = (page: Page, state = 'login'): Locator => page.locator(`[data-preview=${state}] egov-login button[type=submit]`);

const backgroundOf = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element).backgroundColor);

/** No hover, caret or focus ring in the picture; fonts loaded; layout settled. */
async function settle(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(async () => {
    (document.activeElement as HTMLElement | null)?.blur();
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/** Pixels that differ between two same-sized pictures, in any channel, by any amount. */
function differingPixels(a: PNG, b: PNG): number {
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (a.data.readUInt32BE(i) !== b.data.readUInt32BE(i)) differing++;
  }
  return differing;
}

describe('the token editor', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  test('shows every token of the manifest with its theme’s value; editing one changes the preview and the contrast, in words', async () => {
    const { page, cspViolations, consoleErrors } = await open(stack, '?theme=interior');
    try {
      // Every token the manifest documents, each named and described.
      const items = page.locator('.demo-token');
      assert.equal(await items.count(), KIT_TOKENS.length);
      for (const token of KIT_TOKENS) {
        const item = page.locator(`.demo-token[data-token="${token.name}"]`);
        assert.ok(await item.getByRole('heading', { name: token.name }).isVisible(), `${token.name} is named`);
        assert.ok(await item.getByText(token.description, { exact: true }).isVisible(), `${token.name} is described`);
        assert.ok(await field(page, token.name).isVisible());
      }
      // The header's theme (interior), not the kit's defaults.
      assert.equal(await field(page, '--egov-color-primary').inputValue(), '#1b365d');
      assert.equal(await backgroundOf(loginButton(page)), 'rgb(27, 54, 93)');

      // A colour typed in the text field: the kit's button takes it, and the contrast follows.
      const before = Number(await row(page, 'on-primary-primary').getAttribute('data-ratio'));
      await field(page, '--egov-color-primary').fill('#2e7d32');
      assert.equal(await backgroundOf(loginButton(page)), 'rgb(46, 125, 50)');
      assert.equal(await backgroundOf(loginButton(page, 'login-errors')), 'rgb(46, 125, 50)');
      const afterEdit = Number(await row(page, 'on-primary-primary').getAttribute('data-ratio'));
      assert.notEqual(afterEdit, before);
      assert.equal(afterEdit, 5.12);
      assert.equal((await row(page, 'on-primary-primary').locator('td').nth(1).innerText()).trim(), '5.12:1');
      assert.ok(await page.locator('.demo-token[data-token="--egov-color-primary"]').getByText('(changed)').isVisible());

      // The colour picker edits the same token, and the text field shows what was picked.
      await page.locator('input[data-token-colour="--egov-color-primary"]').fill('#123456');
      assert.equal(await field(page, '--egov-color-primary').inputValue(), '#123456');
      assert.equal(await backgroundOf(loginButton(page)), 'rgb(18, 52, 86)');

      // A hint colour too light: the pair fails, and the page says so in words.
      await field(page, '--egov-color-text-secondary').fill('#aaaaaa');
      const hint = page.locator('[data-preview=login] egov-login .egov-hint').first();
      assert.equal(await hint.evaluate((element) => getComputedStyle(element).color), 'rgb(170, 170, 170)');
      assert.equal(await row(page, 'secondary-background').getAttribute('data-result'), 'fail');
      assert.ok(await row(page, 'secondary-background').getByText('Fails AA').isVisible());
      assert.ok(await page.getByText('1 pair fails AA.').isVisible());
      // A value that is no colour: said in words, and the contrast is judged with the kit's default.
      await field(page, '--egov-color-info').fill('var(--nothing)');
      assert.ok(await page.locator('.demo-token[data-token="--egov-color-info"]').getByRole('alert').isVisible());
      assert.equal(await row(page, 'info-background').getAttribute('data-result'), 'pass');
      await field(page, '--egov-color-info').fill('#1b365d');
      await field(page, '--egov-color-text-secondary').fill('#454c54');
      assert.ok(await row(page, 'secondary-background').getByText('Passes AA').isVisible());
      assert.ok(await page.getByText('Every pair passes AA.').isVisible());
      // The edited page passes axe (its preview repeats the login form's landmark: e2e/axe.ts).
      const violations = await axeViolations(page, { except: REPEATS_ELEMENTS });
      assert.deepEqual(violations, [], describeViolations(violations));

      // Radius and size reach the kit's elements as well.
      await field(page, '--egov-radius').fill('12px');
      assert.equal(await loginButton(page).evaluate((element) => getComputedStyle(element).borderTopLeftRadius), '12px');
      await field(page, '--egov-font-size').fill('20px');
      assert.equal(await page.locator('[data-preview=login] egov-login').evaluate((element) => getComputedStyle(element).fontSize), '20px');

      // The demo's own page keeps its look: the edits reach the preview only.
      assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--egov-color-primary').trim()), '#1b365d');

      assert.deepEqual(cspViolations, []);
      assert.deepEqual(consoleErrors, []);
    } finally {
      await page.context().close();
    }
  });

  test('follows the header’s theme and language without a reload', async () => {
    const { page, cspViolations, consoleErrors } = await open(stack);
    try {
      await page.evaluate(() => Object.assign(window, { sameDocument: true }));
      assert.equal(await field(page, '--egov-color-primary').inputValue(), '#0c3c78', 'the kit’s defaults');
      await field(page, '--egov-color-link').fill('#553399');

      await page.locator('.demo-header').getByRole('link', { name: 'Example: Health' }).click();
      await ready(page, 'health');
      assert.equal(await field(page, '--egov-color-primary').inputValue(), '#00665a');
      assert.equal(await field(page, '--egov-color-link').inputValue(), '#005f73', 'a theme switch starts again from the theme');
      await page.waitForFunction(() => {
        const button = document.querySelector('[data-preview=login] egov-login button[type=submit]');
        return button && getComputedStyle(button).backgroundColor === 'rgb(0, 102, 90)';
      });
      assert.ok(await row(page, 'on-primary-primary').getByText('Passes AA').isVisible());
      assert.equal(await row(page, 'on-primary-primary').getAttribute('data-ratio'), '6.88');

      await page.locator('.demo-header').getByRole('link', { name: 'Kit default' }).click();
      await ready(page, 'kit');
      assert.equal(await field(page, '--egov-color-primary').inputValue(), '#0c3c78');

      // What was typed stays when the language changes; every text follows.
      await field(page, '--egov-radius').fill('6px');
      await page.locator('.demo-header').getByRole('link', { name: 'Српски (ћирилица)' }).click();
      await page.getByRole('heading', { name: 'Токени', exact: true }).waitFor();
      assert.ok(await page.getByRole('heading', { name: 'Преглед', exact: true }).isVisible());
      assert.ok(await page.getByRole('button', { name: 'Копирајте CSS' }).isVisible());
      assert.ok(await row(page, 'on-primary-primary').getByText('Задовољава AA').isVisible());
      assert.ok(await page.getByText('Главна дугмад.', { exact: true }).isVisible(), 'the tokens are described in Serbian');
      assert.ok(await page.locator('[data-preview=login] egov-login').getByRole('button', { name: 'Пријавите се' }).isVisible(), 'the kit’s elements follow');
      assert.equal(await field(page, '--egov-radius').inputValue(), '6px');
      await page.locator('.demo-header').getByRole('link', { name: 'Srpski (latinica)' }).click();
      await page.getByRole('heading', { name: 'Tokeni', exact: true }).waitFor();
      assert.ok(await row(page, 'on-primary-primary').getByText('Zadovoljava AA').isVisible());

      assert.equal(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument), true, 'no reload');
      assert.deepEqual(cspViolations, []);
      assert.deepEqual(consoleErrors, []);
    } finally {
      await page.context().close();
    }
  });

  test('the copied CSS, pasted into a plain page, gives the same pixels as the preview', async () => {
    const { page, cspViolations, consoleErrors } = await open(stack, '?theme=finance', ['clipboard-read', 'clipboard-write']);
    const states = ['login', 'login-errors'] as const;
    let plain: Page | undefined;
    try {
      await field(page, '--egov-color-primary').fill('#4a2a7a');
      await field(page, '--egov-color-error').fill('#8a1538');
      await field(page, '--egov-radius').fill('12px');
      await field(page, '--egov-font-size').fill('18px');
      await page.locator('input[data-token-colour="--egov-color-surface"]').fill('#eeeedd');

      await page.getByRole('button', { name: 'Copy CSS' }).click();
      await page.getByRole('status').getByText('Copied. The whole theme is on the clipboard.').waitFor();
      const css = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(css, await page.getByLabel(/CSS of the theme/).inputValue(), 'the clipboard holds what the page shows');
      assert.match(css, /^:root \{\n/);
      assert.match(css, /--egov-color-primary: #4a2a7a;/);
      assert.match(css, /--egov-color-surface: #eeeedd;/);
      assert.match(css, /--egov-color-link: #7b1e2e;/, 'the whole theme, unchanged tokens too');

      await settle(page);
      const editorShots = new Map<string, PNG>();
      /** Where each element is in the editor's page: the plain page puts it at the same place, to the fraction of a pixel. */
      const boxes = new Map<string, { left: number; top: number; width: number }>();
      for (const state of states) {
        const auth = page.locator(`[data-preview=${state}] egov-auth`);
        boxes.set(
          state,
          await auth.evaluate((element) => {
            const rect = element.getBoundingClientRect();
            return { left: rect.left + window.scrollX, top: rect.top + window.scrollY, width: rect.width };
          }),
        );
        editorShots.set(state, PNG.sync.read(await page.locator(`[data-preview=${state}] .egov-root`).first().screenshot({ animations: 'disabled', caret: 'hide' })));
      }

      // The plain page: the copied CSS in one <style>, the kit's own module as the demo
      // built it (define/all), the same element at the same place and width; nothing else of the demo.
      const built = await (await fetch(`${stack.siteUrl}/tokens.html`)).text();
      const kitModule = /\/assets\/all-[\w-]+\.js/.exec(built)?.[0];
      assert.ok(kitModule, 'the demo’s page loads the kit’s define/all module');
      const plainUrl = `${stack.siteUrl}/plain-page-with-copied-theme.html`;
      const element = (state: string) =>
        `<egov-auth backend-url="/api" certificate-agent="soft" locale="en" register-url="/register.html" password-reset-url="/reset-password.html" data-state="${state}"><egov-login></egov-login></egov-auth>`;
      const plainHtml = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A ministry's page</title>
<style>${css}</style>
<script type="module" src="${kitModule}"></script>
</head>
<body>${states
        .map((state) => {
          const box = boxes.get(state)!;
          return `<div style="position: absolute; left: ${box.left}px; top: ${box.top}px; width: ${box.width}px">${element(state)}</div>`;
        })
        .join('')}</body>
</html>`;
      const context = await stack.browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce' });
      plain = await context.newPage();
      const plainErrors: string[] = [];
      plain.on('console', (message) => {
        if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) plainErrors.push(message.text());
      });
      plain.on('pageerror', (error) => plainErrors.push(String(error)));
      await plain.route(plainUrl, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: plainHtml }));
      // Honest: the plain page loads nothing from the demo but the kit's modules (and the mock server's API).
      const loaded: string[] = [];
      plain.on('request', (request) => loaded.push(new URL(request.url()).pathname));
      await plain.goto(plainUrl);
      await plain.locator('[data-state=login] egov-login button[type=submit]').waitFor();
      await plain.locator('[data-state=login-errors] egov-login button[type=submit]').click();
      await plain.locator('[data-state=login-errors] egov-login .egov-summary').waitFor();
      await settle(plain);
      assert.deepEqual(
        loaded.filter((path) => !path.startsWith('/assets/') && !path.startsWith('/api/') && path !== '/plain-page-with-copied-theme.html' && path !== '/favicon.ico'),
        [],
      );
      assert.ok(!loaded.some((path) => path.endsWith('.css')), 'no stylesheet of the demo');

      for (const state of states) {
        const shot = PNG.sync.read(await plain.locator(`[data-state=${state}] .egov-root`).first().screenshot({ animations: 'disabled', caret: 'hide' }));
        const editorShot = editorShots.get(state)!;
        assert.deepEqual([shot.width, shot.height], [editorShot.width, editorShot.height], `${state}: the same size`);
        assert.equal(differingPixels(shot, editorShot), 0, `${state}: the same pixels`);
      }
      assert.deepEqual(plainErrors, []);
      assert.deepEqual(cspViolations, []);
      assert.deepEqual(consoleErrors, []);
    } finally {
      await plain?.context().close();
      await page.context().close();
    }
  });
});
