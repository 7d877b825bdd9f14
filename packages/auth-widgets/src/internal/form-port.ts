import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { AuthClient } from '../client/auth-client.js';
import type { AuthConfigController } from './auth-config-controller.js';
import type { HeadingOptions } from './headings.js';

/**
 * What the parts of a form that load later (the certificate flow with the
 * certificate tab, login's outcomes with the first try) need of the form:
 * its configuration and texts, its ids, headings and focus, its calls (one
 * abort per operation), its clock format and its problem styles. One port,
 * made by the form (EgovFormElement.port()), so those parts reach nothing else.
 */
export interface FormPort {
  /** The element, for controllers the part adds to it. */
  readonly host: ReactiveControllerHost & HTMLElement;
  readonly config: AuthConfigController<unknown>;
  headingLevel(): number;
  partId(part: string): string;
  heading(depth: number, content: unknown, options: HeadingOptions): TemplateResult;
  call<T>(operation: string, task: (client: AuthClient, signal: AbortSignal) => Promise<T>): Promise<T>;
  focusAfterRender(part: string): void;
  formatTime(date: Date): string;
  problemStyles(): Promise<void>;
}
