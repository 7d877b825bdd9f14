import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

type HeadingTemplate = (className: string, id: string | undefined, tabindex: string | typeof nothing, content: unknown) => TemplateResult;

/**
 * The six headings, one template each: a site chooses the level, never the
 * markup (and no static-html runtime is needed for a tag chosen at run time).
 */
const TAGS: readonly HeadingTemplate[] = [
  (c, id, tab, content) => html`<h1 class=${c} id=${ifDefined(id)} tabindex=${tab}>${content}</h1>`,
  (c, id, tab, content) => html`<h2 class=${c} id=${ifDefined(id)} tabindex=${tab}>${content}</h2>`,
  (c, id, tab, content) => html`<h3 class=${c} id=${ifDefined(id)} tabindex=${tab}>${content}</h3>`,
  (c, id, tab, content) => html`<h4 class=${c} id=${ifDefined(id)} tabindex=${tab}>${content}</h4>`,
  (c, id, tab, content) => html`<h5 class=${c} id=${ifDefined(id)} tabindex=${tab}>${content}</h5>`,
  (c, id, tab, content) => html`<h6 class=${c} id=${ifDefined(id)} tabindex=${tab}>${content}</h6>`,
];

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
  const heading = TAGS[Math.min(6, Math.max(1, Math.round(level))) - 1]!;
  const { className, id, focusable = false } = options;
  return heading(className, id, focusable ? '-1' : nothing, content);
}
