import { ContextRoot } from '@lit/context';

let contextRootAttached = false;

/**
 * Registers a tag once. A second copy of the kit on the page (or a hot
 * reload) must not throw, and must not replace the first definition.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!contextRootAttached && typeof document !== 'undefined') {
    // Elements may upgrade before <egov-auth> does (definition order, lazy
    // loading); the root replays their context requests once it is there.
    new ContextRoot().attach(document.documentElement);
    contextRootAttached = true;
  }
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
