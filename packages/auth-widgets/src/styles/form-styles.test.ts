import { expect, fixture, html } from '@open-wc/testing';
import type { CSSResult } from 'lit';
import { expectHiddenPartsInvisible, isShown } from '../../test-support/visibility.js';
import { adoptScopedStyles } from '../internal/scoped-styles.js';
import { LIGHT_DOM_TAGS, formStyles } from './form-styles.js';
import { pickerStyles } from './picker-styles.js';
import { registerStyles } from './register-styles.js';

// No element is defined on this page: the tags below are plain elements, so
// only the kit's stylesheets decide what shows.
const SHEETS: Record<string, CSSResult> = { formStyles, registerStyles, pickerStyles };

function styleRules(sheet: CSSStyleSheet | CSSGroupingRule): CSSStyleRule[] {
  return [...sheet.cssRules].flatMap((rule) =>
    rule instanceof CSSStyleRule ? [rule] : rule instanceof CSSGroupingRule ? styleRules(rule) : [],
  );
}

/** Splits a selector list at its top-level commas (`:is(a, b) .x, :is(a, b) .y`). */
function selectorList(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(' || char === '[') depth++;
    if (char === ')' || char === ']') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  return [...parts, current.trim()];
}

/**
 * Builds, inside `host`, the elements one selector of the kit describes
 * (`:is(…) .egov-summary-list li` → div.egov-summary-list > li) and returns
 * the innermost, or undefined for a selector that needs a state (`:focus`).
 */
function build(host: Element, selector: string): Element | undefined {
  const rest = selector.replace(/^:is\([^)]*\)/, '').trim();
  if (rest === '') return host;
  if (/:(?!is\()/.test(rest)) return undefined;
  let parent: Element = host;
  for (const compound of rest.split(/\s+(?![^[]*\])/)) {
    const tag = /^[a-z][a-z0-9-]*/.exec(compound)?.[0] ?? 'div';
    const element = document.createElement(tag);
    for (const [, name] of compound.matchAll(/\.([\w-]+)/g)) element.classList.add(name!);
    for (const [, name, value] of compound.matchAll(/\[([\w-]+)(?:=["']([^"']*)["'])?\]/g)) element.setAttribute(name!, value ?? '');
    if (!['input', 'img', 'progress'].includes(tag)) element.append('text');
    parent.append(element);
    parent = element;
  }
  return parent;
}

describe('the kit’s stylesheets', () => {
  before(() => {
    for (const sheet of Object.values(SHEETS)) adoptScopedStyles(document.body, sheet);
  });

  for (const [name, sheet] of Object.entries(SHEETS)) {
    it(`${name}: the hidden attribute wins over every rule, in every element`, async () => {
      const checked: string[] = [];
      for (const rule of styleRules(sheet.styleSheet!)) {
        for (const selector of selectorList(rule.selectorText)) {
          for (const tag of LIGHT_DOM_TAGS) {
            const host = await fixture(html`<div></div>`).then((wrapper) => wrapper.appendChild(document.createElement(tag)));
            const target = build(host, selector);
            if (!target) continue;
            expect(target.matches(rule.selectorText), `${selector} built wrongly`).to.equal(true);
            target.setAttribute('hidden', '');
            expect(getComputedStyle(target).display, `<${tag}>, "${selector}" with the hidden attribute`).to.equal('none');
            expect(isShown(target)).to.equal(false);
            checked.push(selector);
          }
        }
      }
      expect(checked.length).to.be.greaterThan(10);
    });
  }

  it('a hidden element stays hidden when a page rule shows its kind (div, form { display: flex })', async () => {
    const page = new CSSStyleSheet();
    page.replaceSync('div, form, p, button, fieldset { display: flex; }');
    document.adoptedStyleSheets = [page, ...document.adoptedStyleSheets];
    try {
      const host = await fixture(html`<div></div>`).then((wrapper) => wrapper.appendChild(document.createElement('egov-register')));
      for (const [tag, className] of [['form', 'egov-form'], ['div', 'egov-notice'], ['p', 'egov-text'], ['button', 'egov-button'], ['fieldset', 'egov-fieldset']]) {
        const element = host.appendChild(document.createElement(tag!));
        element.className = className!;
        element.append('text');
        element.hidden = true;
      }
      expect(expectHiddenPartsInvisible(host)).to.equal(5);
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== page);
    }
  });
});
