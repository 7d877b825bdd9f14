import { expect, fixture, html } from '@open-wc/testing';
import { css, type CSSResult } from 'lit';
import { expectHiddenPartsInvisible, isShown } from '../../test-support/visibility.js';
import { adoptScopedStyles, kitSheet } from './scoped-styles.js';
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
  it('kitSheet: every declaration important, in the layer egov, but :where rules and custom properties as tokens', () => {
    const sheet = kitSheet(css`
      :where(a) { display: block; }
      /* a; comment { } */
      a b { color: red; margin: 1rem -0.5rem; }
      @media (min-width: 1px) { a c { --x: 1px; padding: 0 } }
    `).styleSheet!;
    const layer = sheet.cssRules[0] as CSSLayerBlockRule;
    expect(sheet.cssRules.length).to.equal(1);
    expect(layer.name).to.equal('egov');
    const [where, plain] = [...layer.cssRules] as CSSStyleRule[];
    expect(where!.style.getPropertyPriority('display')).to.equal('');
    expect(plain!.style.getPropertyPriority('color')).to.equal('important');
    // rem is the element's font size (--egov-rem), not the page's root.
    expect(plain!.style.getPropertyValue('margin')).to.match(/^calc\(1 \* var\(--egov-rem\)\) calc\(-0\.5 \* var\(--egov-rem\)\)$/);
    const nested = ((layer.cssRules[2] as CSSMediaRule).cssRules[0] as CSSStyleRule).style;
    expect([nested.getPropertyPriority('--x'), nested.getPropertyPriority('padding-top')]).to.deep.equal(['important', 'important']);
  });

  it('a page rule wins over none of it, whatever its specificity or !important; the tokens still theme', async () => {
    const page = new CSSStyleSheet();
    page.replaceSync(`
      body #page .content egov-login input.egov-input { padding: 40px; border: 9px dotted red; font-size: 40px; }
      body #page .content egov-login button { background: red !important; letter-spacing: 1em !important; }
      body #page .content { letter-spacing: 3px; text-transform: uppercase; }
      html { font-size: 10px; }
    `);
    document.adoptedStyleSheets = [page, ...document.adoptedStyleSheets];
    try {
      const wrapper = await fixture(html`<div id="page"><div class="content"></div></div>`);
      const host = wrapper.querySelector('.content')!.appendChild(document.createElement('egov-login'));
      const input = host.appendChild(document.createElement('input'));
      input.className = 'egov-input';
      const button = host.appendChild(document.createElement('button'));
      button.className = 'egov-button';
      const inputStyle = getComputedStyle(input);
      expect([inputStyle.paddingTop, inputStyle.borderTopWidth, inputStyle.borderTopStyle, inputStyle.fontSize]).to.deep.equal(['6px', '2px', 'solid', '16px']);
      expect([getComputedStyle(button).backgroundColor, getComputedStyle(button).letterSpacing, getComputedStyle(button).textTransform]).to.deep.equal(['rgb(12, 60, 120)', 'normal', 'none']);
      host.style.setProperty('--egov-color-primary', 'rgb(1, 2, 3)');
      expect(getComputedStyle(button).backgroundColor).to.equal('rgb(1, 2, 3)');
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== page);
    }
  });
});
