import { LitElement } from 'lit';

type DetailOf<K extends keyof HTMLElementEventMap> = HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/** The kit's base element: a typed `emit` for the events declared in `HTMLElementEventMap`. */
export class EgovElement extends LitElement {
  /** Dispatches a bubbling, composed event, so a host page can listen on any ancestor. */
  protected emit<K extends keyof HTMLElementEventMap>(type: K, detail: DetailOf<K>): boolean {
    // Built apart from dispatchEvent: the manifest analyzer would otherwise list a
    // generic event named after the `type` parameter. Each element documents its own events.
    const event = new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: false });
    return this.dispatchEvent(event);
  }
}

let nextId = 0;

/** A page-unique id prefix: light-DOM ids must not collide between two instances. */
export function uniqueIdPrefix(tag: string): string {
  nextId += 1;
  return `${tag}-${nextId}`;
}
