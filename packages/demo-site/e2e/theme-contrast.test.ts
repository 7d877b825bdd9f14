// The example ministry themes (public/themes/*.css) and the kit's defaults
// (from its custom-elements manifest) meet WCAG 2.2 AA in every pair of
// colours the kit draws together: 4.5:1 for text, 3:1 for borders and the
// focus indicator. Plain node: the theme files are parsed, no browser needed.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { THEMES } from '../src/view-settings.ts';
import { AA_NON_TEXT, AA_TEXT, CONTRAST_PAIRS, contrastRatio, floorRatio, parseHex, parseThemeCss, passes } from '../src/tokens/contrast.ts';
import { KIT_TOKENS } from '../src/tokens/kit-tokens.ts';

const EXAMPLE_THEMES = THEMES.filter((theme) => theme !== 'kit');
const themeFile = (theme: string) => new URL(`../public/themes/${theme}.css`, import.meta.url);
const kitDefaults = new Map(KIT_TOKENS.map((token) => [token.name, token.default]));
const colourTokens = KIT_TOKENS.filter((token) => token.kind === 'color').map((token) => token.name);

/** Every pair that does not reach its minimum, in words. */
function failures(tokens: Map<string, string>): string[] {
  return CONTRAST_PAIRS.flatMap((pair) => {
    const foreground = parseHex(tokens.get(pair.foreground) ?? '');
    const background = parseHex(tokens.get(pair.background) ?? '');
    if (!foreground || !background) return [`${pair.id}: ${pair.foreground} or ${pair.background} is not a hex colour`];
    const ratio = contrastRatio(foreground, background);
    return passes(ratio, pair.minimum) ? [] : [`${pair.id}: ${pair.foreground} on ${pair.background} is ${floorRatio(ratio)}:1, needs ${pair.minimum}:1`];
  });
}

async function themeTokens(theme: string): Promise<Map<string, string>> {
  return parseThemeCss(await readFile(themeFile(theme), 'utf8'));
}

describe('contrast of the kit’s defaults and the example themes (WCAG 2.2 AA)', () => {
  test('the arithmetic is WCAG’s', () => {
    assert.equal(contrastRatio([0, 0, 0], [255, 255, 255]), 21);
    assert.equal(contrastRatio([12, 60, 120], [12, 60, 120]), 1);
    // #767676 on white: the lightest grey that passes for text.
    assert.equal(floorRatio(contrastRatio(parseHex('#767676')!, parseHex('#fff')!)), 4.54);
    assert.equal(passes(4.499, AA_TEXT), false, 'a ratio just under 4.5 is not rounded up to pass');
    assert.equal(passes(3, AA_NON_TEXT), true);
  });

  test('the pairs name only the kit’s documented tokens, and every colour token is in a pair', () => {
    const names = new Set(KIT_TOKENS.map((token) => token.name));
    assert.ok(colourTokens.length >= 14, `the manifest documents the colour tokens (found ${colourTokens.length})`);
    for (const pair of CONTRAST_PAIRS) {
      assert.ok(names.has(pair.foreground), `${pair.id}: ${pair.foreground} is in the manifest`);
      assert.ok(names.has(pair.background), `${pair.id}: ${pair.background} is in the manifest`);
    }
    const paired = new Set(CONTRAST_PAIRS.flatMap((pair) => [pair.foreground, pair.background]));
    assert.deepEqual(
      colourTokens.filter((name) => !paired.has(name)),
      [],
      'a colour token the kit draws is checked against what it is drawn with',
    );
  });

  test('the kit’s defaults pass', () => {
    assert.deepEqual(failures(kitDefaults), []);
  });

  for (const theme of EXAMPLE_THEMES) {
    test(`${theme}: only --egov-* tokens on :root, every token set, system fonts only`, async () => {
      const text = await readFile(themeFile(theme), 'utf8');
      const tokens = parseThemeCss(text); // throws on any other rule or property
      assert.deepEqual([...tokens.keys()].sort(), KIT_TOKENS.map((token) => token.name).sort(), 'the theme sets exactly the kit’s tokens');
      for (const name of colourTokens) assert.ok(parseHex(tokens.get(name)!), `${name} is a hex colour`);
      assert.doesNotMatch(text, /url\(|@import|@font-face/i, 'no web fonts, nothing from the network');
    });

    test(`${theme}: every pair passes AA`, async () => {
      assert.deepEqual(failures(await themeTokens(theme)), []);
    });
  }

  test('the themes are three distinct looks, none the kit’s', async () => {
    const looks = await Promise.all(
      EXAMPLE_THEMES.map(async (theme) => {
        const tokens = await themeTokens(theme);
        return ['--egov-color-primary', '--egov-color-surface', '--egov-font-family', '--egov-radius'].map((name) => tokens.get(name)).join(' | ');
      }),
    );
    const kitLook = ['--egov-color-primary', '--egov-color-surface', '--egov-font-family', '--egov-radius'].map((name) => kitDefaults.get(name)).join(' | ');
    assert.equal(new Set([...looks, kitLook]).size, EXAMPLE_THEMES.length + 1, looks.join('\n'));
  });

  test('a theme file with anything but tokens is refused', () => {
    assert.throws(() => parseThemeCss(':root { --egov-radius: 0; } body { color: red; }'));
    assert.throws(() => parseThemeCss(':root { color: red; }'));
    assert.deepEqual([...parseThemeCss('/* a note */ :root { --egov-radius: 0; }')], [['--egov-radius', '0']]);
  });
});
