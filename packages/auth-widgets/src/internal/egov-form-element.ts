import { html, nothing, type CSSResult, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { AuthError, type AuthClient } from '../client/auth-client.js';
import type { AuthConfigInput } from '../config/auth-config.js';
import type { BackendCalls } from './backend-calls.js';
import type { FormPort } from './form-port.js';
import type { ProblemView } from './problem-view.js';
import { renderErrorSummary } from './error-summary.js';
import type { Catalog } from '../i18n/catalog.js';
import type { CommonMessages } from '../i18n/locales/en/common.js';
import { formStyles } from '../styles/form-styles.js';
import { AuthConfigController } from './auth-config-controller.js';
import { EgovConfigElement } from './egov-config-element.js';
import { uniqueIdPrefix } from './egov-element.js';
import { headingDisplay, headingLevel, renderHeading, type HeadingOptions } from './headings.js';
import type { Problem } from './problems.js';
import { adoptScopedStyles } from '../styles/scoped-styles.js';
import { localeDirection } from '../i18n/locales.js';

/**
 * What the kit's form elements share: configuration from `<egov-auth>` or
 * their own attributes, texts in the current locale, rendering in the light
 * DOM (password managers cannot see into shadow roots) with the kit's scoped
 * stylesheet, page-unique ids, moving focus after a render, one request per
 * operation, aborted when the element leaves the page — and the parts that
 * load later (how problems show, the calls, a configuration problem's
 * message, the title prefix), each once, when first needed.
 */
export abstract class EgovFormElement<M extends CommonMessages = CommonMessages> extends EgovConfigElement {
  static override properties: PropertyDeclarations = {
    headingLevel: { attribute: 'heading-level', type: Number },
    headingDisplay: { attribute: 'heading-display' },
    titleErrorPrefix: { attribute: 'title-error-prefix', type: Boolean },
  };

  /**
   * The level of the element's own heading, `1` to `4` (default `2`, under
   * the page's `<h1>`); the headings inside it (notices, the error summary)
   * are one level below. `1` when the element is the page's main content and
   * the page has no heading of its own.
   */
  headingLevel: 1 | 2 | 3 | 4 = 2;
  /**
   * How the element's own heading (`<egov-register>`'s "Create a user account") shows: `visible`
   * (default); `visually-hidden`, for screen readers only, when the page shows
   * the same words in its own heading; `none`, not rendered, when the page's
   * heading at `heading-level` already names the form. The headings inside
   * keep their levels either way.
   */
  headingDisplay: 'visible' | 'visually-hidden' | 'none' = 'visible';
  /**
   * Puts the translated "Error: " before `document.title` while the error
   * summary shows, and takes it away after (GOV.UK: screen readers read the
   * title first). Off by default: the page owns its title; a single-page app
   * that manages the title leaves it off and adds the prefix itself.
   */
  titleErrorPrefix = false;

  protected readonly config: AuthConfigController<M>;
  readonly #idPrefix = uniqueIdPrefix(this.localName || 'egov');
  #focusAfterRender: string | undefined;
  /** The backend calls (one abort per operation), loaded with the first. */
  #calls: Promise<BackendCalls> | undefined;

  #styles: readonly CSSResult[];
  /** How problems show (problem-view.ts): given with the form, or loaded when first needed. */
  #problems: ProblemView | undefined;
  #problemsLoad: Promise<void> | undefined;
  #errorTitle: Promise<void> | undefined;
  /** What a wrong configuration shows, loaded only then. */
  #configProblem: typeof import('./config-problem.js') | undefined;
  #configProblemLoad: Promise<void> | undefined;

  /**
   * `texts`: the element's catalog, the parts of the kit's texts it uses;
   * `styles`: its own sheets, adopted after the shared form styles;
   * `problems`: how problems show, when the element shows them from the
   * start (else `loadProblems()` brings it when first needed).
   */
  constructor(texts: Catalog<M>, styles: readonly CSSResult[] = [], problems?: ProblemView) {
    super();
    this.config = new AuthConfigController(this, texts);
    this.#styles = problems ? [problems.problemStyles, ...styles] : styles;
    this.#problems = problems;
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
      this.config.result.ok ? undefined : this.#loadConfigProblem(),
      this.titleErrorPrefix ? this.#loadErrorTitle() : undefined,
    ].filter((wait) => wait !== undefined);
    return waits.length > 0 ? Promise.all(waits).then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /**
   * How problems show — the error summary, and the styles of the summary,
   * field errors and notices (problem-view.ts) — once: given with the form
   * (the constructor's `problems`), or loaded now (`<egov-login>`).
   */
  protected loadProblems(): Promise<void> {
    this.#problemsLoad ??= this.#problems
      ? Promise.resolve()
      : import('./problem-view.js').then(({ problemView: view }) => {
          this.#problems = view;
          this.#styles = [...this.#styles, view.problemStyles];
          if (this.isConnected) adoptScopedStyles(this, view.problemStyles);
          this.requestUpdate();
        });
    return this.#problemsLoad;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.titleErrorPrefix) void this.#loadErrorTitle();
    // The configuration is wrong: its message (loaded before the first render, or now) and one line for the site's developers.
    const result = this.config.result;
    if (!result.ok) void this.#loadConfigProblem().then(() => this.#configProblem?.reportConfigProblems(this, result.problems));
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
   * Every failure arrives as an AuthError (internal/backend-calls.ts, loaded
   * with the first call).
   */
  protected async call<T>(operation: string, task: (client: AuthClient, signal: AbortSignal) => Promise<T>): Promise<T> {
    this.#calls ||= import('./backend-calls.js').then(
      ({ BackendCalls }) => new BackendCalls(this, this.config as AuthConfigController<unknown>),
      () => {
        this.#calls = undefined;
        throw new AuthError('network_error');
      },
    );
    return (await this.#calls).call(operation, task);
  }

  /**
   * This form as the parts that load later (certificate flow, login's
   * outcomes) see it: the members FormPort names, which are this class's
   * own protected ones (form-port.ts says why).
   */
  protected port(): FormPort {
    return this as unknown as FormPort;
  }

  /** The configuration problem's view and the problem styles, once (the first render waits for them). */
  #loadConfigProblem(): Promise<void> {
    this.#configProblemLoad ||= Promise.all([
      import('./config-problem.js'),
      this.loadProblems(),
      // Its words are among the problem texts, which <egov-login> loads only when needed.
      import('../i18n/parts/problems.js').then(({ problemTexts }) => this.config.i18n.extend(problemTexts)),
    ]).then(([view]) => {
      this.#configProblem = view;
      if (this.hasUpdated) this.requestUpdate();
    });
    return this.#configProblemLoad;
  }

  /** What a wrong configuration shows in place of the element's content (nothing until its code is there). */
  protected renderConfigProblem(): TemplateResult | typeof nothing {
    const result = this.config.result;
    return result.ok || !this.#configProblem ? nothing : this.#configProblem.renderConfigProblem(this.t, result.problems);
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

  /** The element's frame: its heading, and the configuration problem instead of the content when there is one. */
  protected renderFrame(heading: string, content: () => TemplateResult): TemplateResult {
    const { locale } = this.config.i18n;
    const result = this.config.result;
    const display = headingDisplay(this.headingDisplay);
    return html`<div class="egov-root" lang=${locale} dir=${localeDirection(locale)}>
      ${display === 'none'
        ? nothing
        : this.renderHeading(0, heading, {
            className: display === 'visually-hidden' ? 'egov-heading egov-visually-hidden' : 'egov-heading',
            id: this.partId('heading'),
            focusable: true,
          })}
      ${result.ok ? content() : this.renderConfigProblem()}
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

  /** The error summary for these problems, focusable as `id('summary')` (nothing until problems can show: loadProblems). */
  protected renderSummary(problems: Problem<M>[]): TemplateResult | typeof nothing {
    const t = this.t;
    if (!this.#problems) return nothing;
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
