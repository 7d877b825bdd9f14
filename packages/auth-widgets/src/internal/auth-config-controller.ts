import { ContextEvent } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import { AuthError, type AuthClient } from '../client/auth-client.js';
import { lazyFetchClient } from '../client/lazy-auth-client.js';
import { checkConfig, localizedLink, mergeConfigInputs, type AuthConfigInput, type AuthLinks, type CheckedConfig } from '../config/auth-config.js';
import type { CertificateAgent } from '../agent/certificate-agent.js';
import { authClientContext, authConfigContext, certificateAgentContext } from '../config/context.js';

const CONTEXTS = [authConfigContext, authClientContext, certificateAgentContext] as const;
type AuthContext = (typeof CONTEXTS)[number];
import type { Catalog } from '../i18n/catalog.js';
import { LocaleController } from '../i18n/locale-controller.js';

/** The connected elements: each looks at its language again when a `lang` on the page or the browser's languages change. */
const listening = new Set<ReactiveElement>();
let following = false;

function followLanguage(host: ReactiveElement): void {
  if (!following) {
    following = true;
    const changed = () => listening.forEach((element) => element.requestUpdate());
    // Once per page, for the page's life: one observer, filtered to `lang`, costs nothing while nothing changes.
    new MutationObserver(changed).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['lang'] });
    addEventListener('languagechange', changed);
  }
  listening.add(host);
}

export interface ConfigurableHost extends ReactiveElement {
  /** The element's own settings (attributes and properties); they win over `<egov-auth>`. */
  configOverrides(): AuthConfigInput;
  /** A client set on the element itself, e.g. a site's adapter for another backend. */
  client?: AuthClient;
}

/**
 * Resolves what an element needs before it renders: configuration from the
 * nearest `<egov-auth>` merged with the element's own attributes, validated;
 * the client for that backend; and the locale's texts from the element's catalog.
 */
export class AuthConfigController<M> implements ReactiveController {
  readonly i18n: LocaleController<M>;
  result: CheckedConfig = { ok: false, problems: [], locale: 'en' };
  /** What providers answered, per context, with the way to stop listening. */
  readonly #provided = new Map<AuthContext, { value: unknown; unsubscribe?: () => void }>();
  /** One answer callback per context, the same on every connection (a provider keeps its listeners by it). */
  readonly #answers = new Map<AuthContext, (value: unknown, unsubscribe?: () => void) => void>();
  #key = '';
  #ownClient: { url: string; client: AuthClient } | undefined;

  constructor(
    private readonly host: ConfigurableHost,
    catalog: Catalog<M>,
  ) {
    host.addController(this);
    this.i18n = new LocaleController(host, catalog);
    for (const context of CONTEXTS) {
      this.#answers.set(context, (value, unsubscribe) => {
        const old = this.#provided.get(context)?.unsubscribe;
        // Another provider answers now (the element moved): let the old one go.
        if (old && old !== unsubscribe) old();
        this.#provided.set(context, { value, unsubscribe });
        host.requestUpdate();
      });
    }
  }

  /**
   * Asks `<egov-auth>` (any provider above, across shadow roots) for the
   * configuration, the client and the agent, and keeps listening to them
   * (the context protocol, @lit/context's events). A provider defined after
   * this element (its module loads later) announces itself: then ask again.
   */
  hostConnected(): void {
    followLanguage(this.host);
    for (const context of CONTEXTS) this.#ask(context);
    document.addEventListener('context-provider', this.#onProvider);
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    listening.delete(this.host);
    document.removeEventListener('context-provider', this.#onProvider);
    for (const { unsubscribe } of this.#provided.values()) unsubscribe?.();
    this.#provided.clear();
  }

  #ask(context: AuthContext): void {
    this.host.dispatchEvent(new ContextEvent(context, this.host, this.#answers.get(context)!, true));
  }

  #onProvider = (event: Event): void => {
    const { context } = event as Event & { context?: unknown };
    if (CONTEXTS.includes(context as AuthContext) && !this.#provided.has(context as AuthContext)) this.#ask(context as AuthContext);
  };

  #value<T>(context: AuthContext): T | undefined {
    return this.#provided.get(context)?.value as T | undefined;
  }

  hostUpdate(): void {
    this.#refresh();
  }

  /**
   * Resolves the configuration and asks for its locale's texts now, before
   * the element's first render: the promise says when those texts are in
   * place; without one, the render follows at once.
   */
  prepare(): Promise<void> | undefined {
    this.#refresh();
    return this.i18n.firstTextsPending ? this.i18n.ready : undefined;
  }

  #refresh(): void {
    const own = this.host.configOverrides();
    const input = mergeConfigInputs(this.#value<AuthConfigInput>(authConfigContext), own);
    // Without a locale set, the page's language, then the browser's (see `checkConfig`).
    const preferred = [this.host.closest('[lang]')?.getAttribute('lang'), ...navigator.languages];
    const key = JSON.stringify([input, preferred]);
    if (key !== this.#key) {
      this.#key = key;
      this.result = checkConfig(input, document.baseURI, preferred);
    }
    this.i18n.set(this.result.ok ? this.result.config.locale : this.result.locale);
  }

  /**
   * A configured link in the person's current language (see
   * `localizedLink`): every page the kit sends them to opens in the
   * language they are reading. Undefined when the link is not configured.
   */
  link(name: keyof AuthLinks): string | undefined {
    if (!this.result.ok) return undefined;
    const { links, localeParam } = this.result.config;
    const link = links[name];
    return link === undefined ? undefined : localizedLink(link, this.i18n.locale, localeParam);
  }

  /** The certificate agent `<egov-auth>` provides, if it provides one (else the picker loads the configured kind). */
  get agent(): CertificateAgent | undefined {
    return this.#value<CertificateAgent>(certificateAgentContext);
  }

  /** The client for the resolved backend: the element's, the provider's, or one made here. */
  get client(): AuthClient {
    if (this.host.client) return this.host.client;
    if (!this.result.ok) throw new AuthError('bad_response');
    const ownUrl = this.host.configOverrides().backendUrl;
    const provided = this.#value<AuthClient>(authClientContext);
    if (provided && !ownUrl) return provided;
    const { backendUrl, timeoutMs } = this.result.config;
    if (this.#ownClient?.url !== backendUrl) {
      this.#ownClient = {
        url: backendUrl,
        client: lazyFetchClient({ baseUrl: backendUrl, timeoutMs, locale: () => this.i18n.locale }),
      };
    }
    return this.#ownClient.client;
  }

}
