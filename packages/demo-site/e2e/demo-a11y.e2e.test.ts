// End to end: what the designers' demo shows passes axe (WCAG 2.2 A/AA and
// best practices) as a person meets it — every page in every language, and
// every state of the gallery in every language and theme — and the width
// preview gives each element a phone's or a tablet's width it lays out in.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { SUPPORTED_LOCALES, type Locale } from '@egov/auth-widgets';
import { THEMES } from '../src/view-settings.ts';
import { REPEATS_ELEMENTS, axeViolations, describeViolations } from './axe.ts';
import { galleryDrawn, startStack, type Stack } from './harness.ts';

/** Every page of the demo, with what shows that its script has drawn it. */
const PAGES = [
  { path: '/', drawn: '.demo-home :is(h2, p)' },
  { path: '/login.html', drawn: 'egov-login input[type=password]' },
  { path: '/register.html', drawn: 'egov-register input[name=givenName]' },
  { path: '/reset-password.html', drawn: 'egov-password-reset input[type=email]' },
  { path: '/confirm-email.html', drawn: 'egov-email-confirm .egov-notice' },
  { path: '/dev.html', drawn: 'demo-outbox input' },
  { path: '/tokens.html', drawn: '.demo-tokens egov-login input', repeatsElements: true },
  { path: '/api.html', drawn: '.demo-api h2' },
];

/** Opens a page and collects its console errors and the CSP's refusals. */
async function open(stack: Stack, url: string): Promise<{ page: Page; consoleErrors: string[]; cspViolations: string[] }> {
  const { page, cspViolations } = await stack.newPage({ viewport: { width: 1280, height: 900 } });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  await page.goto(url);
  return { page, consoleErrors, cspViolations };
}

/**
 * Switches the page to `locale` as a person does — the language menu, no
 * reload — unless it is in it already, and waits until the page and every
 * kit element on it speak it.
 */
async function speak(page: Page, locale: Locale): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) !== locale) await page.locator(`.demo-locales a[data-locale="${locale}"]`).click();
  await page.waitForFunction(
    (expected) =>
      document.documentElement.lang === expected && [...document.querySelectorAll('.egov-root')].every((root) => root.getAttribute('lang') === expected),
    locale,
  );
  // The texts a kit element loads for a new language are in once its next render is done.
  await page.evaluate(() => Promise.all([...document.querySelectorAll<Element & { updateComplete?: Promise<unknown> }>('*')].map((el) => el.updateComplete)));
}


describe('the demo site, as axe sees it', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  test('every page passes axe in every language, switched without a reload, with no console error', async () => {
    for (const { path, drawn, repeatsElements } of PAGES as { path: string; drawn: string; repeatsElements?: boolean }[]) {
      const { page, consoleErrors, cspViolations } = await open(stack, `${stack.siteUrl}${path}?locale=en`);
      await page.locator(drawn).first().waitFor();
      for (const locale of SUPPORTED_LOCALES) {
        const where = `${path} in ${locale}`;
        await speak(page, locale);
        const violations = await axeViolations(page, { except: repeatsElements ? REPEATS_ELEMENTS : [] });
        assert.deepEqual(violations, [], `${where}:\n${describeViolations(violations)}`);
      }
      assert.deepEqual(consoleErrors, [], path);
      assert.deepEqual(cspViolations, [], path);
      await page.context().close();
    }
  });

  test('every state of the gallery passes axe in every language (the kit’s theme) and in every theme (English and Serbian Cyrillic)', async () => {
    // A theme changes colours, the same in every language; a language changes texts, lang and direction, the same in every theme.
    const languagesOf = (theme: string): readonly Locale[] => (theme === 'kit' ? SUPPORTED_LOCALES : ['en', 'sr-Cyrl']);
    // The themes side by side, each in its own browser context (axe is the time here, and each page has its own renderer).
    await Promise.all(
      THEMES.map(async (theme) => {
        const { page, consoleErrors, cspViolations } = await open(stack, `${stack.siteUrl}/gallery.html?locale=en&theme=${theme}`);
        const states = await galleryDrawn(page);
        assert.ok(states >= 60, `${theme}: ${states} states`);
        assert.equal(await page.evaluate(() => document.documentElement.dataset['theme']), theme);
        for (const locale of languagesOf(theme)) {
          await speak(page, locale);
          const violations = await axeViolations(page, { except: REPEATS_ELEMENTS });
          assert.deepEqual(violations, [], `gallery, ${theme} theme, ${locale}:\n${describeViolations(violations)}`);
        }
        // Only the configuration-problem states speak to the console: one error each, naming the setting.
        const expected = await page.locator('.gallery-card[data-expects-console-error]').count();
        assert.equal(consoleErrors.length, expected, `${theme}: ${consoleErrors.join('\n')}`);
        assert.deepEqual(cspViolations, [], theme);
        await page.context().close();
      }),
    );
  });

  test('the width preview gives every element a phone’s and a tablet’s width, switched without a reload, and nothing spills out', async () => {
    const { page, cspViolations } = await open(stack, `${stack.siteUrl}/gallery.html?locale=sr-Latn`);
    await galleryDrawn(page);
    const typed = 'ostaje@primer.rs';
    const email = page.locator('#login-filled egov-login input[type=email]');
    await email.fill(typed);
    for (const [width, max] of [
      ['phone', 360],
      ['tablet', 768],
    ] as const) {
      await page.locator(`[data-choices=width] a[data-choice=${width}]`).click();
      assert.equal(new URL(page.url()).searchParams.get('width'), width, 'the address keeps the width, to share');
      const frames = await page.locator('.gallery-card .demo-frame').evaluateAll((elements) =>
        elements.map((frame) => {
          const kit = frame.querySelector(':scope > egov-auth > *, :scope > *') as HTMLElement;
          const spill = [...frame.querySelectorAll<HTMLElement>('*')].find((el) => el.getBoundingClientRect().right > frame.getBoundingClientRect().right + 1);
          return {
            state: frame.closest<HTMLElement>('.gallery-card')!.id,
            width: frame.getBoundingClientRect().width,
            kitWidth: kit.getBoundingClientRect().width,
            spill: spill ? `${spill.tagName.toLowerCase()}.${spill.className}` : null,
          };
        }),
      );
      for (const frame of frames) {
        assert.ok(frame.width <= max && frame.width > max / 2, `${width}: ${JSON.stringify(frame)}`);
        assert.equal(frame.spill, null, `${width}: something reaches out of ${frame.state}`);
      }
    }
    assert.equal(await email.inputValue(), typed, 'what was typed stays');
    assert.deepEqual(cspViolations, []);
    await page.context().close();
  });

  test('right to left: an Arabic page and its elements run from the right at a phone’s width with nothing spilling out; a forced direction turns the page, never the elements', async () => {
    const { page, cspViolations, consoleErrors } = await open(stack, `${stack.siteUrl}/gallery.html?locale=ar&width=phone`);
    await galleryDrawn(page);
    const directions = () =>
      page.evaluate(() => ({
        page: getComputedStyle(document.documentElement).direction,
        elements: [...new Set([...document.querySelectorAll('.egov-root')].map((root) => getComputedStyle(root).direction))],
      }));
    assert.deepEqual(await directions(), { page: 'rtl', elements: ['rtl'] });
    // Nothing reaches out of its frame on either side.
    const spills = await page.locator('.gallery-card .demo-frame').evaluateAll((frames) =>
      frames.flatMap((frame) => {
        const edge = frame.getBoundingClientRect();
        const out = [...frame.querySelectorAll<HTMLElement>('*')].find((el) => {
          const box = el.getBoundingClientRect();
          return box.width > 0 && (box.left < edge.left - 1 || box.right > edge.right + 1);
        });
        return out ? [`${frame.closest<HTMLElement>('.gallery-card')!.id}: ${out.tagName.toLowerCase()}.${out.className}`] : [];
      }),
    );
    assert.deepEqual(spills, []);
    // An English page forced right to left (an Arabic portal showing the English form): the page turns, the elements do not.
    await page.locator('.demo-locales a[data-locale="en"]').click();
    await page.locator('[data-choices=dir] a[data-choice=rtl]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en' && document.documentElement.dir === 'rtl');
    await page.waitForFunction(() => [...document.querySelectorAll('.egov-root')].every((root) => root.getAttribute('lang') === 'en'));
    assert.deepEqual(await directions(), { page: 'rtl', elements: ['ltr'] });
    assert.equal(new URL(page.url()).searchParams.get('dir'), 'rtl', 'the address keeps the direction');
    assert.deepEqual(await axeViolations(page, { except: REPEATS_ELEMENTS }), []);
    assert.deepEqual(cspViolations, []);
    assert.equal(consoleErrors.length, await page.locator('.gallery-card[data-expects-console-error]').count());
    await page.context().close();
  });
});
