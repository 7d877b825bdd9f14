import { html, nothing, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { AuthError, type AuthClient } from '../client/auth-client.js';
import type { AuthConfigInput } from '../config/auth-config.js';
import type { Catalog } from '../i18n/catalog.js';
import type { CommonMessages } from '../i18n/en/common.js';
import { formStyles } from '../styles/form-styles.js';
import { AuthConfigController } from './auth-config-controller.js';
import { renderConfigProblem } from './config-problem.js';
import { EgovElement, uniqueIdPrefix } from './egov-element.js';
import { renderErrorSummary } from './error-summary.js';
import type { Problem } from './problems.js';
import { adoptScopedStyles } from './scoped-styles.js';

/**
 * What the kit's form elements share: configuration from `<egov-auth>` or
 * their own attributes, texts in the current locale, rendering in the light
 * DOM (password managers cannot see into shadow roots) with the kit's scoped
 * stylesheet, page-unique ids, moving focus after a render, and one request
 * at a time, aborted when the element leaves the page.
 */
export abstract class EgovFormElement<M extends CommonMessages = CommonMessages> extends EgovElement {
  /** Backend base URL; overrides `<egov-auth>`. */
  @property({ attribute: 'backend-url' }) backendUrl?: string;
  /** `en`, `sr-Latn` or `sr-Cyrl`; overrides `<egov-auth>` and the page's `lang`. */
  @property() locale?: string;
  /** Where "Create a user account" leads (https, a path on the site, or http only on localhost); overrides `<egov-auth>`. */
  @property({ attribute: 'register-url' }) registerUrl?: string;
  /** Where "Password forgotten?" leads (https, a path on the site, or http only on localhost); overrides `<egov-auth>`. */
  @property({ attribute: 'password-reset-url' }) passwordResetUrl?: string;
  /** Where "Log in" leads (https, a path on the site, or http only on localhost); overrides `<egov-auth>`. */
  @property({ attribute: 'login-url' }) loginUrl?: string;
  /**
   * `fortify` (default: the Fortify app, its client loaded only when needed) or
   * `soft` (the in-browser demo agent with the mock server's test keys, clearly
   * labelled; demos and tests only); overrides `<egov-auth>`.
   */
  @property({ attribute: 'certificate-agent' }) certificateAgent?: string;
  /** `kit` (default) or `peculiar` (`<peculiar-fortify-certificates>` inside the picker); overrides `<egov-auth>`. */
  @property({ attribute: 'picker-ui' }) pickerUi?: string;
  /** A client for another backend (an adapter); by default the kit's fetch client. */
  @property({ attribute: false }) client?: AuthClient;

  protected readonly config: AuthConfigController<M>;
  readonly #idPrefix = uniqueIdPrefix(this.localName || 'egov');
  #focusAfterRender: string | undefined;
  #abort: AbortController | undefined;
  /** Deployment problems already logged: each once, however often the person tries again. */
  readonly #loggedDeployment = new Set<string>();

  readonly #styles: readonly CSSResult[];

  /**
   * `texts`: the element's catalog, the parts of the kit's texts it uses;
   * `styles`: its own sheets, adopted after the shared form styles.
   */
  constructor(texts: Catalog<M>, styles: readonly CSSResult[] = []) {
    super();
    this.config = new AuthConfigController(this, texts);
    this.#styles = styles;
  }

  /**
   * The element's own settings, which win over `<egov-auth>`'s. Public only
   * because the configuration controller reads it.
   * @internal
   */
  configOverrides(): AuthConfigInput {
    return {
      backendUrl: this.backendUrl,
      locale: this.locale,
      certificateAgent: this.certificateAgent,
      certificatePickerUi: this.pickerUi,
      links: { register: this.registerUrl, passwordReset: this.passwordResetUrl, login: this.loginUrl },
    };
  }

  protected get t(): M {
    return this.config.i18n.t;
  }

  /** A page-unique id for one of this element's parts. */
  protected partId(part: string): string {
    return `${this.#idPrefix}-${part}`;
  }

  /** Moves focus to `id(part)` once the next render is on screen. */
  protected focusAfterRender(part: string): void {
    this.#focusAfterRender = this.partId(part);
    this.requestUpdate();
  }

  protected formatTime = (date: Date): string => this.config.i18n.formatTime(date);

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const sheet of [formStyles, ...this.#styles]) adoptScopedStyles(this, sheet);
  }

  /** The first render waits for the locale's texts (a moment, once per page and locale). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const texts = this.hasUpdated ? undefined : this.config.prepare();
    return texts ? texts.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusAfterRender) {
      this.querySelector<HTMLElement>(`#${this.#focusAfterRender}`)?.focus();
      this.#focusAfterRender = undefined;
    }
  }

  /**
   * Runs one backend call with a fresh abort signal (a newer call aborts the
   * older one). Every failure arrives as an AuthError.
   */
  protected async call<T>(task: (client: AuthClient, signal: AbortSignal) => Promise<T>): Promise<T> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    try {
      return await task(this.config.client, abort.signal);
    } catch (error) {
      const failure = error instanceof AuthError ? error : new AuthError('network_error');
      this.#reportDeployment(failure);
      throw failure;
    } finally {
      if (this.#abort === abort) this.#abort = undefined;
    }
  }

  /**
   * One console.error for the site's developers when the failure comes from
   * how page and backend are deployed. The message is long and only ever
   * needed on a misconfigured site: it loads then, not with the element.
   */
  #reportDeployment(error: AuthError): void {
    if (!this.config.result.ok || (error.code !== 'csrf_failed' && error.code !== 'origin_not_allowed')) return;
    const backendUrl = this.config.result.config.backendUrl;
    void import('./deployment-problems.js').then(({ deploymentProblem }) => {
      const message = deploymentProblem(this.localName, error, backendUrl, location.origin);
      if (!message || this.#loggedDeployment.has(message)) return;
      this.#loggedDeployment.add(message);
      console.error(message);
    });
  }

  /** The element's frame: its heading, and the configuration problem instead of the content when there is one. */
  protected renderFrame(heading: string, content: () => TemplateResult): TemplateResult {
    const { t, locale } = this.config.i18n;
    const result = this.config.result;
    return html`<div class="egov-root" lang=${locale}>
      <h2 class="egov-heading" id=${this.partId('heading')} tabindex="-1">${heading}</h2>
      ${result.ok ? content() : renderConfigProblem(t, result.problems)}
    </div>`;
  }

  /** The error summary for these problems, focusable as `id('summary')`. */
  protected renderSummary(problems: Problem<M>[]): TemplateResult | typeof nothing {
    const t = this.t;
    return renderErrorSummary(
      t,
      this.partId('summary'),
      problems.map((p) => ({ text: p.text(t, this.formatTime), href: p.field ? `#${this.partId(p.field)}` : undefined })),
      (event, href) => {
        const target = this.querySelector<HTMLElement>(href);
        if (!target) return;
        event.preventDefault();
        target.focus();
      },
    );
  }

  /** Text of the problem about `field`, if any. */
  protected problemText(problem: Problem<M> | undefined): string | undefined {
    return problem?.text(this.t, this.formatTime);
  }
}
