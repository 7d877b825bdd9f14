// End to end: the kit's light-DOM elements keep their look inside hostile
// host pages (issue 14). The demo's host-css.html puts one element into a
// page's content area under Bootstrap 5, Pico CSS 2 (classless), Bulma 1 or
// a CMS theme of id- and class-qualified rules (src/host-css/), and each
// state is compared with the same state on the clean page: at most 2 % of
// the pixels may differ (a pixel counts as the same when an equal pixel is
// within 2 px in the other image; area gained or lost counts as changed) and
// the size stays within 2 px.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { startStack, type Stack } from './harness.ts';

const FRAMEWORKS = ['bootstrap', 'pico', 'bulma', 'cms', 'cms-important'] as const;
const MAX_CHANGED = 0.02;
const SHIFT = 2;
/** Per channel: anti-aliasing differs a little with the text's position on the pixel grid. */
const CHANNEL_TOLERANCE = 24;

interface State {
  name: string;
  element: 'login' | 'register' | 'reset';
  /** Brings the element into the state, on a page that is ready. */
  enter(page: Page): Promise<void>;
}

const STATES: State[] = [
  { name: 'login, password tab', element: 'login', enter: async (page) => void (await page.locator('egov-login input[type=password]').waitFor()) },
  {
    name: 'login, errors after an empty submit',
    element: 'login',
    enter: async (page) => {
      await page.locator('egov-login button[type=submit]').click();
      await page.locator('egov-login .egov-summary').waitFor();
    },
  },
  {
    name: 'login, certificate tab',
    element: 'login',
    enter: async (page) => {
      await page.locator('egov-login [role=tab]').first().click();
      await page.locator('egov-login [data-certificate]').first().waitFor();
    },
  },
  { name: 'register, empty', element: 'register', enter: async (page) => void (await page.locator('egov-register input[name=givenName]').waitFor()) },
  { name: 'password reset, first step', element: 'reset', enter: async (page) => void (await page.locator('egov-password-reset input[type=email]').waitFor()) },
];

interface Shot {
  png: PNG;
  width: number;
  height: number;
}

async function open(stack: Stack, query: string): Promise<{ page: Page; cspViolations: string[] }> {
  const opened = await stack.newPage({ viewport: { width: 1000, height: 900 }, colorScheme: 'light', reducedMotion: 'reduce' });
  await opened.page.goto(`${stack.siteUrl}/host-css.html?${query}`);
  await opened.page.locator('html[data-ready=true]').waitFor();
  return opened;
}

/** The element's content (`.egov-root`, the kit's own box) in a state, as a PNG. */
async function shoot(stack: Stack, framework: string, state: State): Promise<Shot> {
  const { page, cspViolations } = await open(stack, `framework=${framework}&element=${state.element}`);
  try {
    await state.enter(page);
    // No hover or caret in the picture; fonts loaded; layout settled.
    await page.mouse.move(0, 0);
    await page.evaluate(async () => {
      (document.activeElement as HTMLElement | null)?.blur();
      await document.fonts.ready;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    });
    const png = PNG.sync.read(await page.locator('.egov-root').first().screenshot({ animations: 'disabled', caret: 'hide' }));
    assert.deepEqual(cspViolations, [], `${framework}: the page's styles load under the strict CSP`);
    return { png, width: png.width, height: png.height };
  } finally {
    await page.context().close();
  }
}

function pixel(png: PNG, x: number, y: number): number | undefined {
  if (x < 0 || y < 0 || x >= png.width || y >= png.height) return undefined;
  return (y * png.width + x) * 4;
}

/** Whether `a`'s pixel at (x, y) has an equal pixel in `b` within SHIFT pixels. */
function matched(a: PNG, b: PNG, x: number, y: number): boolean {
  const i = pixel(a, x, y);
  if (i === undefined) return false;
  for (let dy = -SHIFT; dy <= SHIFT; dy++) {
    for (let dx = -SHIFT; dx <= SHIFT; dx++) {
      const j = pixel(b, x + dx, y + dy);
      if (j === undefined) continue;
      if (
        Math.abs(a.data[i]! - b.data[j]!) <= CHANNEL_TOLERANCE &&
        Math.abs(a.data[i + 1]! - b.data[j + 1]!) <= CHANNEL_TOLERANCE &&
        Math.abs(a.data[i + 2]! - b.data[j + 2]!) <= CHANNEL_TOLERANCE
      ) {
        return true;
      }
    }
  }
  return false;
}

/** The share of the pixels of both pictures (their union) that changed, forgiving a shift of SHIFT pixels. */
export function changedShare(a: PNG, b: PNG): number {
  const width = Math.max(a.width, b.width);
  const height = Math.max(a.height, b.height);
  let changed = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inA = x < a.width && y < a.height;
      const inB = x < b.width && y < b.height;
      if (!inA || !inB || !matched(a, b, x, y) || !matched(b, a, x, y)) changed++;
    }
  }
  return changed / (width * height);
}

describe('the kit’s elements in hostile host pages', () => {
  let stack: Stack;
  const results: string[] = [];
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    if (results.length) console.log(`host-css results (framework, state: changed pixels, size vs clean):\n${results.join('\n')}`);
    await stack?.stop();
  });

  test('the comparison forgives a 2 px shift and counts a change', () => {
    const a = new PNG({ width: 20, height: 20 });
    const b = new PNG({ width: 20, height: 20 });
    a.data.fill(255);
    b.data.fill(255);
    // A 4×4 black square, moved 2 px in b: the same picture.
    for (let y = 5; y < 9; y++) for (let x = 5; x < 9; x++) a.data.fill(0, (y * 20 + x) * 4, (y * 20 + x) * 4 + 3);
    for (let y = 7; y < 11; y++) for (let x = 7; x < 11; x++) b.data.fill(0, (y * 20 + x) * 4, (y * 20 + x) * 4 + 3);
    assert.equal(changedShare(a, b), 0);
    // Moved 5 px: changed.
    const c = new PNG({ width: 20, height: 20 });
    c.data.fill(255);
    for (let y = 10; y < 14; y++) for (let x = 10; x < 14; x++) c.data.fill(0, (y * 20 + x) * 4, (y * 20 + x) * 4 + 3);
    assert.ok(changedShare(a, c) > 0.05);
    // Taller: the area gained counts.
    const taller = new PNG({ width: 20, height: 40 });
    taller.data.fill(255);
    a.data.copy(taller.data);
    assert.equal(changedShare(a, taller), 0.5);
  });

  for (const state of STATES) {
    describe(state.name, () => {
      let clean: Shot;
      before(async () => {
        clean = await shoot(stack, 'none', state);
      });
      for (const framework of FRAMEWORKS) {
        test(`looks the same under ${framework}`, async () => {
          const shot = await shoot(stack, framework, state);
          const share = changedShare(clean.png, shot.png);
          results.push(
            `${framework.padEnd(13)} ${state.name.padEnd(38)} ${(share * 100).toFixed(1).padStart(5)} %  ${shot.width}×${shot.height} vs ${clean.width}×${clean.height}`,
          );
          assert.ok(share <= MAX_CHANGED, `${(share * 100).toFixed(1)} % of the pixels changed under ${framework}`);
          assert.ok(Math.abs(shot.width - clean.width) <= 2 && Math.abs(shot.height - clean.height) <= 2, `size ${shot.width}×${shot.height} under ${framework}, ${clean.width}×${clean.height} on the clean page`);
        });
      }
    });
  }

  describe('theming', () => {
    async function look(query: string): Promise<{ background: string; radius: string; font: string; transform: string }> {
      const { page } = await open(stack, query);
      try {
        const button = page.locator('egov-login button[type=submit]');
        await button.waitFor();
        return await button.evaluate((b) => {
          const style = getComputedStyle(b);
          return { background: style.backgroundColor, radius: style.borderTopLeftRadius, font: style.fontFamily, transform: style.textTransform };
        });
      } finally {
        await page.context().close();
      }
    }

    test('the --egov-* tokens a site sets on the element theme it, in a clean page and in the CMS page', async () => {
      const plain = await look('framework=none');
      assert.equal(plain.background, 'rgb(12, 60, 120)');
      assert.equal(plain.radius, '4px');
      for (const framework of ['none', 'cms', 'cms-important', 'pico']) {
        const themed = await look(`framework=${framework}&tokens=element`);
        assert.equal(themed.background, 'rgb(122, 31, 92)', framework);
        assert.notEqual(themed.background, plain.background);
        assert.equal(themed.radius, '0px', framework);
        assert.match(themed.font, /^Georgia/, framework);
      }
    });

    test('the tokens set on :root theme it too', async () => {
      for (const framework of ['none', 'cms']) {
        const themed = await look(`framework=${framework}&tokens=root`);
        assert.equal(themed.background, 'rgb(29, 92, 46)', framework);
        assert.equal(themed.radius, '12px', framework);
      }
    });

    test('the limit: an !important rule in a cascade layer of the page wins; an unlayered one does not', async () => {
      assert.equal((await look('framework=cms-important')).transform, 'none');
      assert.equal((await look('framework=cms-layered')).transform, 'uppercase');
    });
  });
});
