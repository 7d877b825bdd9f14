import type { ReactiveControllerHost } from 'lit';

/**
 * A part of an element whose code waits until it is needed (the certificate
 * flow until its tab shows, login's outcomes until the first submit): `load()`
 * fetches it once and re-renders the element when it is there; `value` is
 * what the render uses meanwhile (undefined: not yet). A failed download is
 * not kept, so the next `load()` tries again.
 */
export class LazyPart<T> {
  value: T | undefined;
  #loading: Promise<T> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly loader: () => Promise<T>,
  ) {}

  load(): Promise<T> {
    this.#loading ??= this.loader().then(
      (value) => {
        this.value = value;
        this.host.requestUpdate();
        return value;
      },
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    );
    return this.#loading;
  }
}
