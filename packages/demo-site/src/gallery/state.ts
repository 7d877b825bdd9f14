// One state of one element in the gallery (gallery.html). A state is drawn
// by the real element, against a scripted client or a scripted agent, and
// brought to its moment by what a person would do (type, press, choose):
// no screenshots, no copies of the kit's markup.
import type { AuthClient, Locale } from '@egov/auth-widgets';
import type { CertificateAgent } from '@egov/auth-widgets/agent';
import { html, render, type TemplateResult } from 'lit';

/** The kit elements the gallery shows, in the order of its sections. */
export const GALLERY_ELEMENTS = ['login', 'register', 'reset', 'confirm', 'certificate'] as const;
export type GalleryElement = (typeof GALLERY_ELEMENTS)[number];

/** A title written in English and Serbian Cyrillic; the Latin script is derived. */
export interface StateTitle {
  en: string;
  'sr-Cyrl': string;
}

export interface GalleryState {
  /**
   * Stable and unique: the state's address is `/gallery.html?state=<id>` and
   * its place in the whole gallery `#<id>`. Designers link to it; never rename
   * one (e2e/gallery.e2e.test.ts lists them all).
   */
  id: string;
  element: GalleryElement;
  title: StateTitle;
  /**
   * Draws the state into `frame` (an empty element in the page, in the
   * page's `locale`) and resolves once the state is on screen. The gallery
   * then marks the state ready (`data-ready`), which the tests wait for.
   */
  render(frame: HTMLElement, locale: Locale): Promise<void>;
  /**
   * The state logs one `console.error` by design (a configuration problem
   * tells the site's developers in the console): the tests expect exactly
   * that one error from it, and none from any other state.
   */
  expectsConsoleError?: boolean;
}

// ---------------------------------------------------------------- what a person does
// Small helpers the states use to bring an element to its moment the way a
// person would, and to wait until it is there.

/** Polls `check` until it gives something (each 20 ms), or fails after `timeoutMs`, saying what did not appear. */
export async function until<T>(check: () => T | null | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > timeoutMs) throw new Error(`gallery: ${what} did not appear within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The element `selector` names inside `root`, or an error saying what is missing. */
export function find<E extends Element = HTMLElement>(root: ParentNode, selector: string): E {
  const found = root.querySelector<E>(selector);
  if (!found) throw new Error(`gallery: no ${selector} to act on`);
  return found;
}

/** Types `text` into a field: the value changes and the field hears `input` and `change`, as from a keyboard. */
export function typeInto(root: ParentNode, selector: string, text: string): void {
  const field = find<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(root, selector);
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Clicks a button, a checkbox or a radio button, as a person's click does (a submit button sends its form). */
export function press(root: ParentNode, selector: string): void {
  find(root, selector).click();
}

/** Waits until a Lit element (and the kit elements inside `root`) have rendered what they were told. */
export async function settled(root: Element): Promise<void> {
  const elements = [root, ...root.querySelectorAll('*')].filter((el): el is Element & { updateComplete: Promise<unknown> } => 'updateComplete' in el);
  await Promise.all(elements.map((el) => el.updateComplete));
}

/** Where the kit's links lead from the gallery: the demo's live pages. */
const LINKS = { register: '/register.html', passwordReset: '/reset-password.html', login: '/login.html' } as const;

export interface DrawOptions {
  /** `<egov-auth backend-url>`; default `/api` (never called: the client answers). A wrong one shows the configuration problem. */
  backendUrl?: string;
  /** `<egov-auth .agent>`: the certificate agent the pickers inside use. */
  agent?: CertificateAgent;
}

/**
 * Draws `content` (one kit element, e.g. `html\`<egov-login heading-level="4"></egov-login>\``)
 * inside an `<egov-auth>` that gives it `client` and the page's `locale`,
 * and resolves with the element `tag` once it has rendered.
 */
export async function drawKit<K extends keyof HTMLElementTagNameMap>(
  frame: HTMLElement,
  locale: Locale,
  client: AuthClient,
  tag: K,
  content: TemplateResult,
  { backendUrl = '/api', agent }: DrawOptions = {},
): Promise<HTMLElementTagNameMap[K]> {
  await customElements.whenDefined(tag);
  render(
    html`<egov-auth
      backend-url=${backendUrl}
      locale=${locale}
      register-url=${LINKS.register}
      password-reset-url=${LINKS.passwordReset}
      login-url=${LINKS.login}
      .client=${client}
      .agent=${agent}
      >${content}</egov-auth
    >`,
    frame,
  );
  const element = find<HTMLElementTagNameMap[K]>(frame, tag);
  await settled(frame);
  return element;
}
