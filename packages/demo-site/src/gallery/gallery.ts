// The gallery (gallery.html): every state of every kit element, drawn by the
// real elements against a scripted client (and scripted agents), each with
// its own address. `?state=<id>` shows one state alone, `?element=<name>`
// one element's states; titles follow the language menu without a reload,
// and the elements follow because main.ts hands the locale to every
// <egov-auth> (as this page does too, for the ones drawn after a switch).
import '@egov/auth-widgets/define/all';
import type { Locale } from '@egov/auth-widgets';
import { html, nothing, render, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { CERTIFICATE_STATES } from './states-certificate.ts';
import { CONFIRM_STATES } from './states-confirm.ts';
import { LOGIN_STATES } from './states-login.ts';
import { REGISTER_STATES } from './states-register.ts';
import { RESET_STATES } from './states-reset.ts';
import { GALLERY_ELEMENTS, type GalleryElement, type GalleryState } from './state.ts';
import { stateTitle } from '../locales/index.ts';
import { galleryTexts } from '../locales/index.ts';
import { VIEW_PARAMS, onLocaleChange, pageLocale } from '../view-settings.ts';

/** Every state, in the order of the page: by element (GALLERY_ELEMENTS), then as each list gives them. */
const STATES: readonly GalleryState[] = GALLERY_ELEMENTS.flatMap((element) =>
  [...LOGIN_STATES, ...REGISTER_STATES, ...RESET_STATES, ...CONFIRM_STATES, ...CERTIFICATE_STATES].filter((state) => state.element === element),
);

/** The tag each section names in its heading. */
const TAGS: Record<GalleryElement, string> = {
  login: '<egov-login>',
  register: '<egov-register>',
  reset: '<egov-password-reset>',
  confirm: '<egov-email-confirm>',
  certificate: '<egov-certificate-picker>',
};

/** How many states are drawn at the same time: the page stays responsive while the rest wait their turn. */
const AT_ONCE = 6;

type Progress = { status: 'drawing' } | { status: 'ready' } | { status: 'failed'; message: string };

const root = document.querySelector<HTMLElement>('.demo-gallery')!;
const query = new URLSearchParams(location.search);
const only = { state: query.get('state'), element: query.get('element') };
const progress = new Map<string, Progress>();

let locale: Locale = pageLocale();

/** What the address asks for: the states to show, or why there are none. */
function selection(): { states: readonly GalleryState[]; unknown?: string } {
  if (only.state !== null) {
    const state = STATES.find((s) => s.id === only.state);
    return state ? { states: [state] } : { states: [], unknown: galleryTexts(locale).unknownState(only.state) };
  }
  if (only.element !== null) {
    const element = GALLERY_ELEMENTS.find((e) => e === only.element);
    return element ? { states: STATES.filter((s) => s.element === element) } : { states: [], unknown: galleryTexts(locale).unknownElement(only.element) };
  }
  return { states: STATES };
}

/** A link within the gallery that keeps the language, theme and width (main.ts updates it when they change). */
function galleryHref(params: Record<string, string> = {}): string {
  const url = new URL('/gallery.html', location.href);
  const current = new URLSearchParams(location.search);
  for (const name of VIEW_PARAMS) {
    const value = current.get(name);
    if (value) url.searchParams.set(name, value);
  }
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.pathname + url.search;
}

function sectionId(element: GalleryElement): string {
  return `section-${element}`;
}

function draw(): void {
  const t = galleryTexts(locale);
  const { states, unknown } = selection();
  const elements = GALLERY_ELEMENTS.filter((element) => states.some((s) => s.element === element));
  const whole = only.state === null && only.element === null;
  render(
    html`<p class="gallery-intro">${t.intro}</p>
      ${whole ? nothing : html`<p class="gallery-back"><a class="gallery-link" data-keeps-view href=${galleryHref()}>${t.wholeGallery}</a></p>`}
      ${unknown ? html`<p class="gallery-unknown" role="alert">${unknown}</p>` : nothing}
      ${states.length > 1 ? renderContents(elements, states) : nothing}
      ${repeat(
        elements,
        (element) => element,
        (element) => html`<section class="gallery-section" id=${sectionId(element)} aria-labelledby=${`${sectionId(element)}-heading`}>
          <h2 class="gallery-section-title" id=${`${sectionId(element)}-heading`}>
            ${t.elements[element]} — <code>${TAGS[element]}</code>
          </h2>
          <div class="gallery-cards">
            ${repeat(
              states.filter((s) => s.element === element),
              (state) => state.id,
              (state) => renderCard(state),
            )}
          </div>
        </section>`,
      )}`,
    root,
  );
}

function renderContents(elements: readonly GalleryElement[], states: readonly GalleryState[]): TemplateResult {
  const t = galleryTexts(locale);
  return html`<nav class="gallery-contents" aria-labelledby="gallery-contents-heading">
    <h2 id="gallery-contents-heading" class="gallery-contents-title">${t.contents}</h2>
    <ul class="gallery-contents-list">
      ${elements.map(
        (element) => html`<li>
          <a class="gallery-link" href=${`#${sectionId(element)}`}>${t.elements[element]}</a>
          <ul>
            ${states
              .filter((s) => s.element === element)
              .map((state) => html`<li><a class="gallery-link" href=${`#${state.id}`}>${stateTitle(state, locale)}</a></li>`)}
          </ul>
        </li>`,
      )}
    </ul>
  </nav>`;
}

function renderCard(state: GalleryState): TemplateResult {
  const t = galleryTexts(locale);
  const title = stateTitle(state, locale);
  const now = progress.get(state.id) ?? { status: 'drawing' };
  return html`<article
    class="gallery-card"
    id=${state.id}
    data-element=${state.element}
    ?data-ready=${now.status === 'ready'}
    ?data-failed=${now.status === 'failed'}
    ?data-expects-console-error=${state.expectsConsoleError === true}
    aria-labelledby=${`${state.id}-title`}
    aria-busy=${now.status === 'drawing' ? 'true' : 'false'}
  >
    <header class="gallery-card-header">
      <h3 class="gallery-card-title" id=${`${state.id}-title`}>${title}</h3>
      <a class="gallery-link gallery-permalink" data-keeps-view href=${galleryHref({ state: state.id })} aria-label=${t.linkToStateLabel(title)}
        >${t.linkToState}</a
      >
    </header>
    ${now.status === 'failed'
      ? html`<p class="gallery-failure" role="alert"><strong>${t.failed}</strong> <code>${now.message}</code></p>`
      : nothing}
    <!-- A person's actions bring the state to its moment here: inert meanwhile, so no state takes the page's focus or scrolls it. -->
    <div class="demo-frame" data-frame=${state.id} ?inert=${now.status === 'drawing'}></div>
  </article>`;
}

/** Draws each state into its frame, a few at a time, and marks each ready (or says why it failed). */
async function drawStates(states: readonly GalleryState[]): Promise<void> {
  const queue = [...states];
  const worker = async () => {
    for (let state = queue.shift(); state; state = queue.shift()) {
      const frame = root.querySelector<HTMLElement>(`[data-frame="${CSS.escape(state.id)}"]`)!;
      try {
        await state.render(frame, locale);
        progress.set(state.id, { status: 'ready' });
      } catch (error) {
        console.error(`[gallery] The state ${state.id} could not be drawn.`, error);
        progress.set(state.id, { status: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
      draw();
      keepTargetInView();
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
}

onLocaleChange((next) => {
  locale = next;
  // main.ts hands the locale to every <egov-auth> at the switch; one drawn after it (or while it was drawing) gets it here.
  for (const auth of root.querySelectorAll('egov-auth')) auth.locale = next;
  draw();
});

/**
 * Opened at a state's place in the whole gallery (`#<id>`, from a shared
 * link): the card is there once drawn, but the states above it grow as they
 * are drawn. It is kept in view until the person scrolls or acts themselves.
 */
let personMoved = false;
for (const type of ['wheel', 'touchstart', 'keydown', 'mousedown'] as const) {
  addEventListener(type, () => (personMoved = true), { once: true, passive: true });
}
function keepTargetInView(): void {
  if (personMoved || !location.hash) return;
  document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
}

draw();
keepTargetInView();
void drawStates(selection().states);
