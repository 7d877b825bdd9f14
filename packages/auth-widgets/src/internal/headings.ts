import { nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, literal } from 'lit/static-html.js';

/** The six heading tags as constants: a site chooses the level, never the markup. */
const TAGS = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/** What a `heading-display` attribute may say; anything else is `visible`. */
export type HeadingDisplay = 'visible' | 'visually-hidden' | 'none';

/** A heading level from an attribute: a whole number from 1 to 6, else `fallback`. */
export function headingLevel(value: unknown, fallback = 2): number {
  const level = Number(value);
  return Number.isInteger(level) && level >= 1 && level <= 6 ? level : fallback;
}

export function headingDisplay(value: unknown): HeadingDisplay {
  return value === 'visually-hidden' || value === 'none' ? value : 'visible';
}

export interface HeadingOptions {
  className: string;
  id?: string;
  /** Focus is moved here from code (a new state): `tabindex="-1"`. */
  focusable?: boolean;
}

/** `<hN>` at `level`, kept within 1–6 (a level below h6 is still a heading, an h6). */
export function renderHeading(level: number, content: unknown, options: HeadingOptions): TemplateResult {
  const tag = TAGS[Math.min(6, Math.max(1, Math.round(level))) - 1]!;
  const { className, id, focusable = false } = options;
  return staticHtml`<${tag} class=${className} id=${ifDefined(id)} tabindex=${focusable ? '-1' : nothing}>${content}</${tag}>`;
}
