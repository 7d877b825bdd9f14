/**
 * Registers a tag once. A second copy of the kit on the page (or a hot
 * reload) must not throw, and must not replace the first definition.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
