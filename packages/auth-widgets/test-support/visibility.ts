// What a person sees, not what the DOM holds: an element "in the DOM but
// hidden" must take no room and show nothing, whatever the kit's or the
// page's CSS says.
import { expect } from '@open-wc/testing';

/**
 * Rendered (not `display: none`, not `visibility: hidden`, no ancestor hiding
 * it) and bigger than the 1 px box of a visually hidden text, which only
 * screen readers "see".
 */
export function isShown(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return element.checkVisibility({ visibilityProperty: true }) && box.width > 1 && box.height > 1;
}

/** Describes an element in a failure message: tag, classes and its first words. */
function describe(element: Element): string {
  const classes = element.getAttribute('class') ? `.${element.getAttribute('class')!.trim().split(/\s+/).join('.')}` : '';
  const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
  return `<${element.localName}${classes}> "${text}"`;
}

/**
 * Every element with the `hidden` attribute under `root` (and `root` itself)
 * is invisible, and so is everything inside it: `display: none`, no box, and
 * `checkVisibility()` false. Returns how many hidden parts it checked.
 */
export function expectHiddenPartsInvisible(root: Element): number {
  const hidden = [...(root.hasAttribute('hidden') ? [root] : []), ...root.querySelectorAll('[hidden]')];
  for (const part of hidden) {
    expect(getComputedStyle(part).display, `${describe(part)} has the hidden attribute`).to.equal('none');
    for (const element of [part, ...part.querySelectorAll('*')]) {
      expect(isShown(element), `${describe(element)} is on screen, inside a hidden part`).to.equal(false);
    }
  }
  return hidden.length;
}

/** The element is on screen: rendered, with a box. */
export function expectShown(element: Element | null | undefined, what = 'the element'): void {
  if (!element) expect.fail(`${what} is missing`);
  expect(isShown(element), `${what} (${describe(element)}) is not on screen`).to.equal(true);
}

/** The element is not on screen (absent, or hidden by itself or an ancestor). */
export function expectNotShown(element: Element | null | undefined, what = 'the element'): void {
  if (!element) return;
  expect(isShown(element), `${what} (${describe(element)}) is on screen`).to.equal(false);
}

/**
 * The texts a person sees (and the visually hidden ones a screen reader
 * reads), text node by text node; a select's options are left out (country
 * names come from the browser, in its own language).
 */
export function visibleTexts(root: Element): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement!;
    const text = node.textContent!.trim();
    if (text && !parent.closest('select') && parent.checkVisibility({ visibilityProperty: true })) texts.push(text);
  }
  return texts;
}
