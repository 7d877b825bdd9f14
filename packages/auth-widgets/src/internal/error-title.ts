import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ErrorTitleState {
  /** The page opted in (`title-error-prefix`). */
  enabled: boolean;
  /** "Error:" in the element's language. */
  prefix: string;
  /** An error summary is on screen. */
  showing: boolean;
}

/**
 * GOV.UK puts "Error: " before the page title while an error summary shows,
 * so a screen reader says it first. The page owns its title (a single-page
 * app sets it on every route), so this only ever adds and removes its own
 * prefix, and only when the page asked for it.
 */
export class ErrorTitle implements ReactiveController {
  /** The prefix this element put there, with its space. */
  #added: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly state: () => ErrorTitleState,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const { enabled, prefix, showing } = this.state();
    if (enabled && showing) this.#add(`${prefix} `);
    else this.#remove();
  }

  hostDisconnected(): void {
    this.#remove();
  }

  #add(prefix: string): void {
    if (this.#added === prefix && document.title.startsWith(prefix)) return;
    this.#remove();
    if (!document.title.startsWith(prefix)) document.title = `${prefix}${document.title}`;
    this.#added = prefix;
  }

  #remove(): void {
    const added = this.#added;
    if (!added) return;
    this.#added = undefined;
    // Another opted-in element on the page still shows its errors: the prefix is its too.
    const others = [...document.querySelectorAll('[title-error-prefix]')].some(
      (element) => element !== this.host && [...element.querySelectorAll('.egov-summary')].some((summary) => summary.checkVisibility()),
    );
    if (!others && document.title.startsWith(added)) document.title = document.title.slice(added.length);
  }
}
