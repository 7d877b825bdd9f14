import { ContextProvider } from '@lit/context';
import { css, html, nothing, type PropertyValues, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { CertificateAgent } from '../../agent/certificate-agent.js';
import { mergeConfigInputs, type AuthConfigInput } from '../../config/auth-config.js';
import { authClientContext, authConfigContext, certificateAgentContext } from '../../config/context.js';
import { EgovConfigElement } from '../../internal/egov-config-element.js';

declare global {
  interface HTMLElementTagNameMap {
    'egov-auth': EgovAuth;
  }
}

/**
 * Configuration provider: every kit element inside it reads the backend,
 * locale, login modes and links from here (an element's own attributes win).
 * Set it by attributes, by a JSON `config` attribute, or by the `config` property.
 *
 * @summary Shares one configuration with the kit's elements inside it.
 * @tag egov-auth
 * @slot - The kit's elements and anything else.
 * @cssprop [--egov-color-error=#b1261d] - Border of the message about an invalid `config` attribute.
 * @cssprop [--egov-font-family=system-ui, sans-serif] - Font of that message.
 */
export class EgovAuth extends EgovConfigElement {
  static override properties: PropertyDeclarations = {
    modes: {},
    localeParam: { attribute: 'locale-param' },
    timeoutMs: { attribute: 'timeout-ms', type: Number },
    config: {
      converter: {
        fromAttribute: (value: string | null): AuthConfigInput | string | undefined => {
          if (value === null) return undefined;
          try {
            return JSON.parse(value) as AuthConfigInput;
          } catch {
            // Kept as the raw string so the element can say what is wrong.
            return value;
          }
        },
      },
    },
    agent: { attribute: false },
    jsonProblem: { state: true, attribute: false },
  };

  static override styles = css`
    :host {
      display: block;
    }
    .problem {
      margin: 0 0 1rem;
      padding: 1rem;
      border: 4px solid var(--egov-color-error, #b1261d);
      font-family: var(--egov-font-family, system-ui, sans-serif);
    }
  `;

  /** Login modes in tab order: `"certificate password"` (default) or one of them. */
  modes?: string;
  /**
   * How the site's pages are told the language on every link the kit makes
   * (`register-url`, `password-reset-url`, `login-url`): this query parameter (default `locale`; `""` for
   * none), unless a link has a `{locale}` slot in its path, e.g.
   * `register-url="/{locale}/registracija"`.
   */
  localeParam?: string;
  /** Milliseconds before a backend request fails as `timeout` (default 15000). */
  timeoutMs?: number;
  /**
   * The whole configuration as an object (property) or JSON (attribute), e.g.
   * `{"backendUrl": …, "links": {"register": …}}`; the attributes above win over it.
   */
  config?: AuthConfigInput | string;
  /**
   * A certificate agent for the pickers inside (their own `agent` wins). By
   * default each picker loads the one `certificate-agent` names, shared by
   * the page's pickers; two `<egov-auth>` can each give theirs.
   */
  agent?: CertificateAgent;

  private jsonProblem = false;

  readonly #configProvider = new ContextProvider(this, { context: authConfigContext });
  readonly #clientProvider = new ContextProvider(this, { context: authClientContext });
  readonly #agentProvider = new ContextProvider(this, { context: certificateAgentContext });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const json = typeof this.config === 'string' ? undefined : this.config;
    this.jsonProblem = typeof this.config === 'string';
    if (this.jsonProblem) {
      console.error('[egov] <egov-auth config="…"> is not valid JSON; the attributes alone are used.');
    }
    this.#configProvider.setValue(
      mergeConfigInputs(json, { ...this.sharedConfig(), localeParam: this.localeParam, modes: this.modes, timeoutMs: this.timeoutMs }),
    );
    this.#clientProvider.setValue(this.client);
    this.#agentProvider.setValue(this.agent);
  }

  protected override render(): TemplateResult {
    return html`${this.jsonProblem
        ? html`<p class="problem" role="alert" lang="en">The config attribute of &lt;egov-auth&gt; is not valid JSON.</p>`
        : nothing}<slot></slot>`;
  }
}
