import { html, nothing, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { AuthError, type AuthClient } from '../client/auth-client.js';
import type { AuthConfigInput } from '../config/auth-config.js';
import type { FormPort } from './form-port.js';
import type { Catalog } from '../i18n/catalog.js';
import type { CommonMessages } from '../i18n/en/common.js';
import { formStyles } from '../styles/form-styles.js';
import { AuthConfigController } from './auth-config-controller.js';
import { renderConfigProblem } from './config-problem.js';
import { EgovConfigElement } from './egov-config-element.js';
import { uniqueIdPrefix } from './egov-element.js';
import { renderErrorSummary } from './error-summary.js';
import { headingDisplay, headingLevel, renderHeading, type HeadingOptions } from './headings.js';
import type { Problem } from './problems.js';
import { adoptScopedStyles } from '../styles/scoped-styles.js';

/**
 * What the kit's form elements share: configuration from `<egov-auth>` or
 * their own attributes, texts in the current locale, rendering in the light
 * DOM (password managers cannot see into shadow roots) with the kit's scoped
 * stylesheet, page-unique ids, moving focus after a render, and one request
 * at a time, aborted when the element leaves the page.
 */
export abstract class EgovFormElement<M extends CommonMessages = CommonMessages> extends EgovConfigElement {
  /**
   * The level of the element's own heading, `1` to `4` (default `2`, under
   * the page's `<h1>`); the headings inside it (notices, the error summary)
   * are one level below. `1` when the element is the page's main content and
   * the page has no heading of its own.
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: 1 | 2 | 3 | 4 = 2;
  /**
   * How the element's own heading (`<egov-register>`'s "Create a user account") shows: `visible`
   * (default); `visually-hidden`, for screen readers only, when the page shows
   * the same words in its own heading; `none`, not rendered, when the page's
   * heading at `heading-level` already names the form. The headings inside
   * keep their levels either way.
   */
  @property({ attribute: 'heading-display' }) headingDisplay: 'visible' | 'visually-hidden' | 'none' = 'visible';
  /**
   * Puts the translated "Error: " before `document.title` while the error
   * summary shows, and takes it away after (GOV.UK: screen readers read the
   * title first). Off by default: the page owns its title; a single-page app
   * that manages the title leaves it off and adds the prefix itself.
   */
  @property({ attribute: 'title-error-prefix', type: Boolean }) titleErrorPrefix = false;

  protected readonly config: AuthConfigController<M>;
  readonly #idPrefix = uniqueIdPrefix(this.localName || 'egov');
  #focusAfterRender: string | undefined;
  /** One abort per operation: a newer call of the same operation aborts the older one, never another's. */
  readonly #aborts = new Map<string, AbortController>();
  /** Deployment problems already logged: each once, however often the person tries again. */
  readonly #loggedDeployment = new Set<string>();

  #styles: readonly CSSResult[];
  #problemStyles: Promise<void> | undefined;
  #errorTitle: Promise<void> | undefined;
  #port: FormPort | undefined;

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
    return this.sharedConfig();
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

  /**
   * The first render waits for the locale's texts (a moment, once per page
   * and locale), for the problem styles when the configuration is wrong,
   * and for the title prefix's code on a page that asks for it.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated) return super.scheduleUpdate();
    const waits = [
      this.config.prepare(),
      this.config.result.ok ? undefined : this.problemStyles(),
      this.titleErrorPrefix ? this.#loadErrorTitle() : undefined,
    ].filter((wait) => wait !== undefined);
    return waits.length > 0 ? Promise.all(waits).then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /**
   * The styles of the error summary, field errors and notices
   * (styles/problem-styles.ts), adopted once: with the form for the elements
   * that pass them to the constructor, when first needed for `<egov-login>`.
   */
  protected problemStyles(): Promise<void> {
    this.#problemStyles ??= import('../styles/problem-styles.js').then(({ problemStyles }) => {
      if (!this.#styles.includes(problemStyles)) this.#styles = [...this.#styles, problemStyles];
      if (this.isConnected) adoptScopedStyles(this, problemStyles);
    });
    return this.#problemStyles;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const abort of this.#aborts.values()) abort.abort();
    this.#aborts.clear();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.titleErrorPrefix) void this.#loadErrorTitle();
    // The configuration went wrong after the first render: its message needs the problem styles.
    if (!this.config.result.ok) void this.problemStyles();
    if (this.#focusAfterRender) {
      this.querySelector<HTMLElement>(`#${this.#focusAfterRender}`)?.focus();
      this.#focusAfterRender = undefined;
    }
  }

  /**
   * Runs one backend call of `operation` (e.g. `register`, `certificate`,
   * `resend`) with a fresh abort signal: a newer call of the same operation
   * aborts the older one, and leaving the page aborts them all — but a
   * certificate registration never cancels a running document upload.
   * Every failure arrives as an AuthError.
   */
  protected async call<T>(operation: string, task: (client: AuthClient, signal: AbortSignal) => Promise<T>): Promise<T> {
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

  /** What the parts that load later (certificate flow, login's outcomes) need of this form. */
  protected port(): FormPort {
    this.#port ??= {
      host: this,
      config: this.config as AuthConfigController<unknown>,
      headingLevel: () => headingLevel(this.headingLevel),
      partId: (part) => this.partId(part),
      heading: (depth, content, options) => this.renderHeading(depth, content, options),
      call: (operation, task) => this.call(operation, task),
      focusAfterRender: (part) => this.focusAfterRender(part),
      formatTime: this.formatTime,
      problemStyles: () => this.problemStyles(),
    };
    return this.#port;
  }

  /**
   * "Error: " in the page title while the summary shows, for pages that ask
   * (`title-error-prefix`): its code loads only on those pages.
   */
  #loadErrorTitle(): Promise<void> {
    this.#errorTitle ||= import('./error-title.js').then(({ ErrorTitle }) => {
      // Registers itself with the element (addController) and cleans up when it leaves the page.
      new ErrorTitle(this, () => ({
        enabled: this.titleErrorPrefix,
        prefix: this.t.errorPrefix,
        // On screen, not only in the DOM: a summary in a hidden tab panel is not shown.
        showing: this.titleErrorPrefix && [...this.querySelectorAll('.egov-summary')].some((summary) => summary.checkVisibility()),
      }));
      if (this.hasUpdated) this.requestUpdate();
    });
    return this.#errorTitle;
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
    const display = headingDisplay(this.headingDisplay);
    return html`<div class="egov-root" lang=${locale}>
      ${display === 'none'
        ? nothing
        : this.renderHeading(0, heading, {
            className: display === 'visually-hidden' ? 'egov-heading egov-visually-hidden' : 'egov-heading',
            id: this.partId('heading'),
            focusable: true,
          })}
      ${result.ok ? content() : renderConfigProblem(t, result.problems)}
    </div>`;
  }

  /**
   * A heading `depth` levels below the element's own (`0`: the element's own
   * level, `1`: a notice or section inside it), so a page's `heading-level`
   * moves every heading of the element together.
   */
  protected renderHeading(depth: number, content: unknown, options: HeadingOptions): TemplateResult {
    return renderHeading(headingLevel(this.headingLevel) + depth, content, options);
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
      headingLevel(this.headingLevel) + 1,
    );
  }

  /** Text of the problem about `field`, if any. */
  protected problemText(problem: Problem<M> | undefined): string | undefined {
    return problem?.text(this.t, this.formatTime);
  }
}
