// WCAG 2.2 contrast, and the pairs of tokens the kit draws together (read
// from packages/auth-widgets/src/styles/: what colour of text or line sits
// on what background). Pure: the token editor and the theme contrast test
// (e2e/theme-contrast.test.ts) use the same pairs and the same arithmetic.

/** sRGB channels 0–255. */
export type Rgb = readonly [number, number, number];

/** Text must reach 4.5:1 (SC 1.4.3); borders and focus indicators 3:1 (SC 1.4.11). */
export const AA_TEXT = 4.5;
export const AA_NON_TEXT = 3;

export interface ContrastPair {
  /** Stable, and the key of the pair's words in texts.ts. */
  id: string;
  /** The token drawn on top (text, a line). */
  foreground: string;
  /** The token it is drawn on. */
  background: string;
  minimum: typeof AA_TEXT | typeof AA_NON_TEXT;
}

const pair = (id: string, foreground: string, background: string, minimum: ContrastPair['minimum']): ContrastPair => ({
  id,
  foreground: `--egov-${foreground}`,
  background: `--egov-${background}`,
  minimum,
});

/** Every pair the kit's sheets draw together; each must pass in the kit's defaults and in every example theme. */
export const CONTRAST_PAIRS: readonly ContrastPair[] = [
  pair('text-background', 'color-text', 'color-background', AA_TEXT),
  pair('text-surface', 'color-text', 'color-surface', AA_TEXT),
  pair('secondary-background', 'color-text-secondary', 'color-background', AA_TEXT),
  pair('link-background', 'color-link', 'color-background', AA_TEXT),
  pair('link-surface', 'color-link', 'color-surface', AA_TEXT),
  pair('on-primary-primary', 'color-on-primary', 'color-primary', AA_TEXT),
  pair('on-primary-primary-hover', 'color-on-primary', 'color-primary-hover', AA_TEXT),
  pair('on-primary-success', 'color-on-primary', 'color-success', AA_TEXT),
  pair('error-background', 'color-error', 'color-background', AA_TEXT),
  pair('success-background', 'color-success', 'color-background', AA_TEXT),
  pair('info-background', 'color-info', 'color-background', AA_TEXT),
  pair('focus-text-focus', 'color-focus-text', 'color-focus', AA_TEXT),
  pair('text-focus', 'color-text', 'color-focus', AA_TEXT),
  pair('border-background', 'color-border', 'color-background', AA_NON_TEXT),
  pair('border-surface', 'color-border', 'color-surface', AA_NON_TEXT),
  pair('focus-indicator', 'color-focus-text', 'color-background', AA_NON_TEXT),
];

/** `#rgb` or `#rrggbb` (what the themes and the kit's defaults use); undefined for anything else. */
export function parseHex(value: string): Rgb | undefined {
  const hex = value.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(hex);
  if (short) return [parseInt(short[1]! + short[1]!, 16), parseInt(short[2]! + short[2]!, 16), parseInt(short[3]! + short[3]!, 16)];
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(hex);
  if (long) return [parseInt(long[1]!, 16), parseInt(long[2]!, 16), parseInt(long[3]!, 16)];
  return undefined;
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2.2 relative luminance. */
export function relativeLuminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The contrast ratio, 1–21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Rounded down to two decimals for display and judgement: 4.499 shows as
 * 4.49 and fails, never as a rounded-up 4.5 that seems to pass.
 */
export function floorRatio(ratio: number): number {
  return Math.floor(ratio * 100) / 100;
}

export function passes(ratio: number, minimum: number): boolean {
  return floorRatio(ratio) >= minimum;
}

/** The `--egov-*` declarations of a theme file (only `:root { --egov-…: …; }` is allowed; anything else throws). */
export function parseThemeCss(text: string): Map<string, string> {
  const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, '');
  const block = /^\s*:root\s*\{([^{}]*)\}\s*$/.exec(withoutComments);
  if (!block) throw new Error('a theme is one :root { … } rule and nothing else');
  const tokens = new Map<string, string>();
  for (const declaration of block[1]!.split(';')) {
    if (!declaration.trim()) continue;
    const match = /^\s*(--egov-[a-z0-9-]+)\s*:\s*([^]+?)\s*$/.exec(declaration);
    if (!match) throw new Error(`not an --egov-* token: ${declaration.trim()}`);
    tokens.set(match[1]!, match[2]!);
  }
  return tokens;
}
