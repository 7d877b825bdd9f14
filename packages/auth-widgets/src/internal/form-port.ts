import type { nothing, ReactiveControllerHost, TemplateResult } from 'lit';
import type { AuthClient } from '../client/auth-client.js';
import type { AuthConfigController } from './auth-config-controller.js';
import type { HeadingOptions } from './headings.js';
import type { Problem } from './problems.js';

/**
 * What the parts of a form that load later (the certificate flow with the
 * certificate tab, login's outcomes with the first try) use of the form:
 * its configuration and texts, its ids, headings and focus, its calls (one
 * abort per operation), its clock format and how it shows problems. These
 * parts are the element's own code, split off so that a page loads only
 * what it shows; the port is the element itself (EgovFormElement.port()),
 * seen through this interface — its members stay `protected` to the page.
 */
export interface FormPort extends ReactiveControllerHost, HTMLElement {
  readonly config: AuthConfigController<unknown>;
  /** The element's own heading level (`heading-level`), as set. */
  readonly headingLevel: number;
  partId(part: string): string;
  renderHeading(depth: number, content: unknown, options: HeadingOptions): TemplateResult;
  call<T>(operation: string, task: (client: AuthClient, signal: AbortSignal) => Promise<T>): Promise<T>;
  focusAfterRender(part: string): void;
  formatTime(date: Date): string;
  /** Loads how problems show (the summary's and notices' styles), for `<egov-login>`'s first try. */
  loadProblems(): Promise<void>;
  /** The error summary for these problems, focusable as `partId('summary')`. */
  renderSummary(problems: Problem<never>[]): TemplateResult | typeof nothing;
}
