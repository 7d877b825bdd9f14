// Helpers for the shared element suite (src/elements.suite.test.ts): the
// same checks, run against every element of the kit. Nothing here knows a
// particular element; the suite's table says how to drive each one.
import { waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CertificateAgent, ConnectOptions, TokenEvent } from '../src/agent/certificate-agent.js';
import type { AuthClient } from '../src/client/auth-client.js';
import { FetchAuthClient } from '../src/client/fetch-auth-client.js';
import { isShown } from './visibility.js';

/** What the suite needs of a kit element. */
export type KitElement = HTMLElement & { updateComplete: Promise<boolean>; client?: AuthClient; locale?: string };

/** Types as a person does: focus the field, select what is there, then real key presses. */
export async function typeLikeAPerson(field: HTMLInputElement, text: string): Promise<void> {
  field.focus();
  field.select();
  await sendKeys({ type: text });
}

/** Attributes whose value is one id or a list of ids. */
export const ID_REFERENCES = [
  'for',
  'aria-labelledby',
  'aria-describedby',
  'aria-controls',
  'aria-errormessage',
  'aria-owns',
  'aria-activedescendant',
  'aria-details',
  'aria-flowto',
  'list',
  'form',
] as const;

/** Names an element in a failure message: tag, id and its first words. */
export function describeElement(element: Element): string {
  const id = element.id ? `#${element.id}` : '';
  const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
  return `<${element.localName}${id}> "${text}"`;
}

/**
 * The id problems of a page with instances of `tag`: an id used more than
 * once in the document, and any id reference (ID_REFERENCES, and `#id`
 * links) of an instance that does not resolve, or resolves into another
 * instance. `references` counts what was checked, so a test can tell that
 * it checked something.
 */
export function idProblems(tag: string): { problems: string[]; references: number } {
  const problems: string[] = [];
  const counts = new Map<string, number>();
  for (const element of document.querySelectorAll('[id]')) counts.set(element.id, (counts.get(element.id) ?? 0) + 1);
  for (const [id, count] of counts) if (count > 1) problems.push(`id "${id}" is used ${count} times in the document`);
  let references = 0;
  const check = (instance: Element, referrer: Element, attribute: string, id: string) => {
    references += 1;
    const target = document.getElementById(id);
    if (!target) problems.push(`${describeElement(referrer)} ${attribute}="${id}": no such id`);
    else if (target.closest(tag) !== instance) problems.push(`${describeElement(referrer)} ${attribute}="${id}": resolves outside its own <${tag}>`);
  };
  for (const instance of document.querySelectorAll(tag)) {
    for (const referrer of instance.querySelectorAll('*')) {
      // A nested instance of the same tag is checked as an instance of its own.
      if (referrer.closest(tag) !== instance) continue;
      for (const attribute of ID_REFERENCES) {
        const value = referrer.getAttribute(attribute);
        if (value === null) continue;
        for (const id of value.trim().split(/\s+/).filter(Boolean)) check(instance, referrer, attribute, id);
      }
      const href = referrer instanceof HTMLAnchorElement ? referrer.getAttribute('href') : null;
      if (href && href.startsWith('#') && href.length > 1) check(instance, referrer, 'href', decodeURIComponent(href.slice(1)));
    }
  }
  return { problems, references };
}

/** Records the requests the page starts (fetch, XMLHttpRequest, sendBeacon) until `restore()`. */
export function spyOnRequests(): { requests: string[]; restore: () => void } {
  const requests: string[] = [];
  const originalFetch = window.fetch;
  const originalOpen = XMLHttpRequest.prototype.open;
  const originalBeacon = navigator.sendBeacon;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(`fetch ${input instanceof Request ? input.url : String(input)}`);
    return originalFetch.call(window, input, init);
  };
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    requests.push(`xhr ${String(args[1])}`);
    return (originalOpen as (...a: unknown[]) => void).apply(this, args);
  } as typeof XMLHttpRequest.prototype.open;
  navigator.sendBeacon = (url: string | URL, data?: BodyInit | null) => {
    requests.push(`beacon ${String(url)}`);
    return originalBeacon.call(navigator, url, data);
  };
  return {
    requests,
    restore: () => {
      window.fetch = originalFetch;
      XMLHttpRequest.prototype.open = originalOpen;
      navigator.sendBeacon = originalBeacon;
    },
  };
}

/** Collects console.error calls until `restore()` (and keeps them off the test log). */
export function captureConsoleErrors(): { errors: unknown[][]; restore: () => void } {
  const errors: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args);
  return { errors, restore: () => (console.error = original) };
}

/** Records the events of these types that reach `target`, with whether the element was on the page then. */
export function recordEvents(target: EventTarget, types: readonly string[]): { type: string; connected: boolean }[] {
  const seen: { type: string; connected: boolean }[] = [];
  for (const type of types) target.addEventListener(type, () => seen.push({ type, connected: (target as Node).isConnected }));
  return seen;
}

export interface RecordedCall {
  method: string;
  signal: AbortSignal | undefined;
  /** How the call ended: `resolved`, or the error code it rejected with. */
  outcome: Promise<string>;
}

/**
 * The kit's real fetch client for `backend` (by default the slow faulty
 * backend: it answers state-changing requests after 5 s), recording each
 * call the element makes with the abort signal it passed.
 * `getConfig` (the shared policy load) is passed through unrecorded.
 */
export function recordingClient(backend = '/faulty/slow/api'): { client: AuthClient; calls: RecordedCall[] } {
  const real = new FetchAuthClient({ baseUrl: new URL(backend, location.href).href });
  const calls: RecordedCall[] = [];
  const client = new Proxy(real, {
    get(target, name) {
      const value: unknown = Reflect.get(target, name, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      if (name === 'getConfig') return method.bind(target);
      return (...args: unknown[]) => {
        const options = args.find((arg): arg is { signal?: AbortSignal } => typeof arg === 'object' && arg !== null && 'signal' in arg);
        const result = method.apply(target, args);
        calls.push({
          method: String(name),
          signal: options?.signal,
          outcome: result.then(
            () => 'resolved',
            (error: unknown) => (error as { code?: string }).code ?? String(error),
          ),
        });
        return result;
      };
    },
  });
  return { client, calls };
}

/**
 * A certificate agent around another one whose `connect` waits (as the real
 * agent does while the person approves the site in Fortify) until `release()`,
 * or until the signal the caller passed is aborted. It records that signal
 * and counts the token-event subscriptions still open.
 */
export function gatedAgent(inner: CertificateAgent): {
  agent: CertificateAgent;
  connects: (AbortSignal | undefined)[];
  openSubscriptions: () => number;
  release: () => void;
} {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const connects: (AbortSignal | undefined)[] = [];
  let open = 0;
  const agent = new Proxy(inner, {
    get(target, name) {
      if (name === 'connect') {
        return async (options: ConnectOptions = {}) => {
          connects.push(options.signal);
          await new Promise<void>((resolve, reject) => {
            void gate.then(resolve);
            options.signal?.addEventListener('abort', () => reject(options.signal!.reason), { once: true });
          });
          return target.connect(options);
        };
      }
      if (name === 'onTokenEvent') {
        return (listener: (event: TokenEvent) => void) => {
          open += 1;
          const unsubscribe = target.onTokenEvent(listener);
          let done = false;
          return () => {
            if (!done) open -= 1;
            done = true;
            unsubscribe();
          };
        };
      }
      const value: unknown = Reflect.get(target, name, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { agent, connects, openSubscriptions: () => open, release };
}

/** Computed styles the look depends on; a page's stylesheet must change none of them on a kit part. */
export const KEY_STYLES = [
  'display',
  'float',
  'position',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'font-variant-caps',
  'line-height',
  'letter-spacing',
  'text-transform',
  'text-align',
  'text-indent',
  'color',
  'background-color',
  'background-image',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'border-top-width',
  'border-right-width',
  'border-bottom-width',
  'border-left-width',
  'border-top-style',
  'border-right-style',
  'border-bottom-style',
  'border-left-style',
  'border-top-color',
  'border-bottom-color',
  'border-top-left-radius',
  'box-shadow',
  'list-style-type',
  'transform',
] as const;

/** The parts of an element the style comparison looks at. */
export const STYLED_PARTS = 'input, select, textarea, button, label, a, h1, h2, h3, h4, p, ul, li, fieldset, legend, summary';

/**
 * Differences between two instances of one element in the same state, one
 * on a clean page and one under a hostile stylesheet: per visible part (by
 * order), its box size (more than 1 px) and every KEY_STYLES value.
 */
export function styleDifferences(clean: Element, hostile: Element, selector = STYLED_PARTS): { differences: string[]; compared: number } {
  const cleanParts = [...clean.querySelectorAll(selector)];
  const hostileParts = [...hostile.querySelectorAll(selector)];
  const differences: string[] = [];
  if (cleanParts.length !== hostileParts.length) {
    differences.push(`${cleanParts.length} parts on the clean page, ${hostileParts.length} under the page's styles`);
    return { differences, compared: 0 };
  }
  let compared = 0;
  cleanParts.forEach((part, index) => {
    const other = hostileParts[index]!;
    const name = describeElement(part);
    if (isShown(part) !== isShown(other)) {
      differences.push(`${name}: ${isShown(part) ? 'shown' : 'not shown'} on the clean page, ${isShown(other) ? 'shown' : 'not shown'} under the page's styles`);
      return;
    }
    if (!isShown(part)) return;
    compared += 1;
    const [a, b] = [part.getBoundingClientRect(), other.getBoundingClientRect()];
    if (Math.abs(a.width - b.width) > 1 || Math.abs(a.height - b.height) > 1) {
      differences.push(`${name}: ${a.width.toFixed(1)}×${a.height.toFixed(1)} on the clean page, ${b.width.toFixed(1)}×${b.height.toFixed(1)} under the page's styles`);
    }
    const [sa, sb] = [getComputedStyle(part), getComputedStyle(other)];
    for (const property of KEY_STYLES) {
      const [va, vb] = [sa.getPropertyValue(property), sb.getPropertyValue(property)];
      if (va !== vb) differences.push(`${name}: ${property} is "${va}" on the clean page, "${vb}" under the page's styles`);
    }
  });
  return { differences, compared };
}

/** Waits until `check` holds, with a longer default than waitUntil's 1 s (the backend is real). */
export function eventually(check: () => unknown, message: string, timeout = 8000): Promise<void> {
  return waitUntil(check, message, { timeout });
}
