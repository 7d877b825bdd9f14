import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { AuthError, type AuthClient } from '../client/auth-client.js';
import type { PublicConfig } from '../client/contract.js';
import type { CommonMessages } from '../i18n/locales/en/common.js';

// One request per client, shared by every element on the page that needs the policy.
const loads = new WeakMap<AuthClient, Promise<PublicConfig>>();

export type PublicConfigState =
  | { status: 'loading' }
  | { status: 'ready'; config: PublicConfig }
  | { status: 'error'; error: AuthError };

/**
 * The backend's public policy (password rules, upload limits, user types),
 * loaded once when the element first needs it. A failed load is not cached,
 * so `retry()` asks again.
 */
export class PublicConfigController implements ReactiveController {
  state: PublicConfigState = { status: 'loading' };
  #client: AuthClient | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly clientOf: () => AuthClient | undefined,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const client = this.clientOf();
    if (client && client !== this.#client) {
      this.#client = client;
      this.#load(client);
    }
  }

  /** The form once the policy is there; until then "Loading…", or the failure with "Try again". */
  render(t: CommonMessages, ready: (config: PublicConfig) => TemplateResult): TemplateResult {
    const state = this.state;
    if (state.status === 'ready') return ready(state.config);
    if (state.status === 'loading') return html`<p class="egov-text" role="status">${t.loading}</p>`;
    return html`<div class="egov-notice" role="alert">
      <p>${t.configLoadFailed}</p>
      <button type="button" class="egov-button" @click=${() => this.retry()}>${t.tryAgain}</button>
    </div>`;
  }

  retry(): void {
    if (!this.#client) return;
    loads.delete(this.#client);
    this.#load(this.#client);
  }

  #load(client: AuthClient): void {
    // A form on screen stays while a new backend's policy loads: what is typed must not vanish.
    if (this.state.status !== 'ready') this.state = { status: 'loading' };
    let load = loads.get(client);
    if (!load) {
      load = client.getConfig();
      loads.set(client, load);
      load.catch(() => loads.delete(client));
    }
    load.then(
      (config) => {
        if (this.#client !== client) return;
        this.state = { status: 'ready', config };
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (this.#client !== client) return;
        this.state = { status: 'error', error: error instanceof AuthError ? error : new AuthError('network_error') };
        this.host.requestUpdate();
      },
    );
  }
}
