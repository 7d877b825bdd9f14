// Runs axe-core (Deque's accessibility engine) in a demo page as the page
// is: under its strict CSP. The engine is evaluated through the DevTools
// protocol (not a <script> element the policy would refuse) and only reads
// the page.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

export interface AxeOptions {
  /** Only these rules (by id), instead of every WCAG 2.0–2.2 A/AA rule and best practice. */
  only?: string[];
  /** Leave these rules out (each caller says why). */
  except?: string[];
}

/** The WCAG 2.0–2.2 A and AA rules and axe's best practices (or `only` some) over the whole page. */
export async function axeViolations(page: Page, { only, except = [] }: AxeOptions = {}): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await axeSource);
  return page.evaluate(
    async ({ only, except }) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const result = await axe.run(document, {
        runOnly: only ? { type: 'rule', values: only } : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        rules: Object.fromEntries(except.map((id) => [id, { enabled: false }])),
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
    },
    { only, except },
  );
}

/**
 * Pages that show one kit element many times over (the gallery, the token
 * editor's preview) repeat its landmarks — the login form named "Log in" —
 * as no real page does. There, `landmark-unique` is left out, and checked
 * instead on each state's own page (`?state=`), where the element is alone.
 */
export const REPEATS_ELEMENTS = ['landmark-unique'];

/** One line per violation, for an assertion's message. */
export const describeViolations = (violations: AxeViolation[]) =>
  violations
    .map((v) => `${v.impact ?? ''} ${v.id}: ${v.help} — ${v.targets.slice(0, 4).join(', ')}${v.targets.length > 4 ? ` (+${v.targets.length - 4} more)` : ''}`)
    .join('\n');
