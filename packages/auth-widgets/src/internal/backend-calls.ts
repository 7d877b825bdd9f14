import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AuthError, type AuthClient } from '../client/auth-client.js';
import type { AuthConfigController } from './auth-config-controller.js';

/**
 * A form's backend calls: one abort per operation (a newer call of the same
 * operation aborts the older one, never another's), all aborted when the
 * element leaves the page; every failure an AuthError; and one
 * console.error for the site's developers when a failure comes from how
 * page and backend are deployed. Loads with the form's first call.
 */
export class BackendCalls implements ReactiveController {
  readonly #aborts = new Map<string, AbortController>();
  /** Deployment problems already logged: each once, however often the person tries again. */
  readonly #logged = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly config: AuthConfigController<unknown>,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const abort of this.#aborts.values()) abort.abort();
    this.#aborts.clear();
  }

  async call<T>(operation: string, task: (client: AuthClient, signal: AbortSignal) => Promise<T>): Promise<T> {
    // The element left the page while this code loaded: nothing is sent.
    if (!this.host.isConnected) throw new AuthError('aborted');
    this.#aborts.get(operation)?.abort();
    const abort = new AbortController();
    this.#aborts.set(operation, abort);
    try {
      return await task(this.config.client, abort.signal);
    } catch (error) {
      const failure = error instanceof AuthError ? error : new AuthError('network_error');
      this.#reportDeployment(failure);
      throw failure;
    } finally {
      if (this.#aborts.get(operation) === abort) this.#aborts.delete(operation);
    }
  }

  /** The message is long and only ever needed on a misconfigured site: it loads then. */
  #reportDeployment(error: AuthError): void {
    const result = this.config.result;
    if (!result.ok || (error.code !== 'csrf_failed' && error.code !== 'origin_not_allowed')) return;
    void import('./deployment-problems.js').then(({ deploymentProblem }) => {
      const message = deploymentProblem(this.host.localName, error, result.config.backendUrl, location.origin);
      if (!message || this.#logged.has(message)) return;
      this.#logged.add(message);
      console.error(message);
    });
  }
}
