import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import { AuthError, type AuthClient } from '../client/auth-client.js';
import { lazyFetchClient } from '../client/lazy-auth-client.js';
import { localizedLink, mergeConfigInputs, resolveConfig, type AuthConfigInput, type AuthLinks, type ConfigResult } from '../config/auth-config.js';
import type { CertificateAgent } from '../agent/certificate-agent.js';
import { authClientContext, authConfigContext, certificateAgentContext } from '../config/context.js';
import type { Catalog } from '../i18n/catalog.js';
import { LocaleController } from '../i18n/locale-controller.js';
import { parseLocale } from '../i18n/locales.js';

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
  result: ConfigResult = { ok: false, problems: [], locale: 'en' };
  #contextConfig: AuthConfigInput | undefined;
  #contextClient: AuthClient | undefined;
  #contextAgent: CertificateAgent | undefined;
  #key = '';
  #ownClient: { url: string; client: AuthClient } | undefined;
  #loggedProblems = '';

  constructor(
    private readonly host: ConfigurableHost,
    catalog: Catalog<M>,
  ) {
    host.addController(this);
    this.i18n = new LocaleController(host, catalog);
    new ContextConsumer(host, {
      context: authConfigContext,
      subscribe: true,
      callback: (value) => {
        this.#contextConfig = value;
        host.requestUpdate();
      },
    });
    new ContextConsumer(host, {
      context: authClientContext,
      subscribe: true,
      callback: (value) => {
        this.#contextClient = value;
        host.requestUpdate();
      },
    });
    new ContextConsumer(host, {
      context: certificateAgentContext,
      subscribe: true,
      callback: (value) => {
        this.#contextAgent = value;
        host.requestUpdate();
      },
    });
  }

  hostConnected(): void {
    this.host.requestUpdate();
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
    const pageLocale = parseLocale(this.host.closest('[lang]')?.getAttribute('lang'));
    const input = mergeConfigInputs({ locale: pageLocale }, this.#contextConfig, own);
    const key = JSON.stringify(input);
    if (key !== this.#key) {
      this.#key = key;
      this.result = resolveConfig(input);
      this.#reportProblems();
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
    return this.#contextAgent;
  }

  /** The client for the resolved backend: the element's, the provider's, or one made here. */
  get client(): AuthClient {
    if (this.host.client) return this.host.client;
    if (!this.result.ok) throw new AuthError('bad_response');
    const ownUrl = this.host.configOverrides().backendUrl;
    if (this.#contextClient && !ownUrl) return this.#contextClient;
    const { backendUrl, timeoutMs } = this.result.config;
    if (this.#ownClient?.url !== backendUrl) {
      this.#ownClient = {
        url: backendUrl,
        client: lazyFetchClient({ baseUrl: backendUrl, timeoutMs, locale: () => this.i18n.locale }),
      };
    }
    return this.#ownClient.client;
  }

  #reportProblems(): void {
    if (this.result.ok) {
      this.#loggedProblems = '';
      return;
    }
    const text = this.result.problems.map((p) => p.detail).join(' ');
    if (text === this.#loggedProblems) return;
    this.#loggedProblems = text;
    console.error(`[egov] <${this.host.localName}> is not configured correctly: ${text}`);
  }
}
