/**
 * Runs async sections one after another per key. Used where a decision and
 * the write it leads to must not interleave with another request's (the
 * store's exclusive section: a throttle check and its count).
 */
export class KeyedMutex {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, section: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(section, section);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }

  /** Number of keys with a section running or queued (for tests and diagnostics). */
  get size(): number {
    return this.#tails.size;
  }
}
