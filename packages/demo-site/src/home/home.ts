// The home page: what the kit is, its elements, how to embed it (snippets
// with a Copy button each), the contract and where to go next. Drawn with
// lit into .demo-home, again on every language change (no reload).
import type { Locale } from '@egov/auth-widgets';
import { API_PATHS } from '@egov/auth-widgets/contract';
import { html, nothing, render, type TemplateResult } from 'lit';
import { type DemoTextKey } from '../demo-texts.ts';
import { demoTexts } from '../locales/index.ts';
import type { GalleryElement } from '../gallery/state.ts';
import { VIEW_PARAMS, onLocaleChange, pageLocale } from '../view-settings.ts';
import {
  CDN_CSP,
  CERTIFICATE_IMPORT,
  CERTIFICATE_INSTALL,
  CONFORMANCE_COMMAND,
  NPM_INSTALL,
  NPM_PAGE,
  NPM_SCRIPT,
  REACT_COMPONENT,
  cdnSnippet,
  type CdnManifest,
} from './snippets.ts';
import { type HomeTexts } from './texts.ts';
import { homeTexts } from '../locales/index.ts';

// The kit's CDN build is made by `pnpm build` (tools/build.mjs) and is not in
// git: when the demo is built beside one, the snippet shows its real file
// names and integrity values; otherwise (an empty glob) only their places.
const cdnBuilds = import.meta.glob<CdnManifest>('../../../auth-widgets/cdn/manifest.json', { eager: true, import: 'default' });
const cdnManifest: CdnManifest | undefined = Object.values(cdnBuilds)[0];

/** The OpenAPI document, as the mock server serves it behind the demo's /api. */
const OPENAPI_HREF = `/api${API_PATHS.openapi}`;

type ElementKey = 'elementLogin' | 'elementRegister' | 'elementReset' | 'elementConfirm' | 'elementCertificate' | 'elementAuth';

/** The kit's elements, each with its line and its gallery section (the configuration provider has none). */
const ELEMENTS: { tag: string; text: ElementKey; gallery?: GalleryElement }[] = [
  { tag: 'egov-login', text: 'elementLogin', gallery: 'login' },
  { tag: 'egov-register', text: 'elementRegister', gallery: 'register' },
  { tag: 'egov-password-reset', text: 'elementReset', gallery: 'reset' },
  { tag: 'egov-email-confirm', text: 'elementConfirm', gallery: 'confirm' },
  { tag: 'egov-certificate-picker', text: 'elementCertificate', gallery: 'certificate' },
  { tag: 'egov-auth', text: 'elementAuth' },
];

const LIVE_PAGES: { href: string; label: DemoTextKey }[] = [
  { href: '/login.html', label: 'pageLogin' },
  { href: '/register.html', label: 'pageRegister' },
  { href: '/reset-password.html', label: 'pageReset' },
  { href: '/confirm-email.html', label: 'pageConfirm' },
  { href: '/dev.html', label: 'pageDev' },
];

type CopyOutcome = 'copied' | 'failed';
/** What the last press of each Copy button did, by block id. */
const copyOutcomes = new Map<string, CopyOutcome>();

/** A link to another demo page that keeps the language, theme and width (and any #fragment). */
function demoHref(path: string, params: Record<string, string> = {}, hash = ''): string {
  const current = new URLSearchParams(location.search);
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  for (const name of VIEW_PARAMS) {
    const value = current.get(name);
    if (value) url.searchParams.set(name, value);
  }
  return `${url.pathname}${url.search}${hash}`;
}

async function copy(id: string, code: string, block: HTMLElement): Promise<void> {
  // Emptied first, so that a second press is announced again.
  copyOutcomes.delete(id);
  draw();
  try {
    await navigator.clipboard.writeText(code);
    copyOutcomes.set(id, 'copied');
  } catch {
    // No clipboard (permission refused, an insecure origin): the code is
    // selected instead, for the person to copy with the keyboard.
    copyOutcomes.set(id, 'failed');
    const codeElement = block.querySelector('code');
    if (codeElement) getSelection()?.selectAllChildren(codeElement);
  }
  draw();
}

/** A code block with its label, the code (selectable, scrollable by keyboard) and a Copy button that says what it did. */
function snippet(id: string, label: string, code: string, t: HomeTexts): TemplateResult {
  const outcome = copyOutcomes.get(id);
  return html`<figure class="demo-snippet" data-snippet=${id}>
    <figcaption id=${`snippet-${id}`} class="demo-snippet-label">${rich(label)}</figcaption>
    <pre class="demo-code" tabindex="0"><code>${code}</code></pre>
    <div class="demo-snippet-actions">
      <button
        type="button"
        class="demo-button demo-button--secondary"
        aria-describedby=${`snippet-${id}`}
        @click=${(event: Event) => copy(id, code, (event.currentTarget as HTMLElement).closest('figure')!)}
      >
        ${rich(t.copy)}
      </button>
      <span class="demo-copy-status" role="status" data-outcome=${outcome ?? nothing}>${outcome === 'copied' ? t.copied : outcome === 'failed' ? t.copyFailed : ''}</span>
    </div>
  </figure>`;
}

/** A text with its `code` spans as <code> (paths, commands, names stay as written in every language). */
const rich = (text: string) =>
  text.split(/(`[^`]+`)/).map((part) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? html`<code>${part.slice(1, -1)}</code>` : part));

const tag = (name: string) => html`<code>&lt;${name}&gt;</code>`;

function elements(t: HomeTexts): TemplateResult {
  return html`<section class="demo-home-section" aria-labelledby="home-elements">
    <h2 id="home-elements">${rich(t.elementsHeading)}</h2>
    <ul class="demo-element-list">
      ${ELEMENTS.map(
        (element) => html`<li class="demo-element" data-element=${element.tag}>
          <h3>${tag(element.tag)}</h3>
          <p>${rich(t[element.text])}</p>
          <ul class="demo-element-links">
            ${element.gallery
              ? html`<li>
                  <a href=${demoHref('/gallery.html', { element: element.gallery })} data-link="gallery"
                    >${rich(t.galleryLink)}<span class="demo-visually-hidden"> (${element.tag})</span></a
                  >
                </li>`
              : nothing}
            <li>
              <a href=${demoHref('/api.html', {}, `#${element.tag}`)} data-link="api"
                >${rich(t.apiLink)}<span class="demo-visually-hidden"> (${element.tag})</span></a
              >
            </li>
          </ul>
        </li>`,
      )}
    </ul>
  </section>`;
}

function embedding(t: HomeTexts): TemplateResult {
  return html`<section class="demo-home-section" aria-labelledby="home-embed">
    <h2 id="home-embed">${rich(t.embedHeading)}</h2>
    <section aria-labelledby="home-npm">
      <h3 id="home-npm">${rich(t.npmHeading)}</h3>
      <p>${rich(t.npmIntro)}</p>
      ${snippet('npm-install', t.blockInstall, NPM_INSTALL, t)} ${snippet('npm-script', t.blockScript, NPM_SCRIPT, t)}
      ${snippet('npm-page', t.blockPage, NPM_PAGE, t)}
      <p>${rich(t.certificateOptIn)}</p>
      ${snippet('certificate-install', t.blockInstall, CERTIFICATE_INSTALL, t)} ${snippet('certificate-import', t.blockScript, CERTIFICATE_IMPORT, t)}
    </section>
    <section aria-labelledby="home-cdn">
      <h3 id="home-cdn">${rich(t.cdnHeading)}</h3>
      <p>${rich(t.cdnIntro)}</p>
      <p class="demo-callout" data-cdn=${cdnManifest ? 'real' : 'shape'}>${rich(cdnManifest ? t.cdnReal(cdnManifest.version) : t.cdnShape)}</p>
      ${snippet('cdn-page', t.blockCdnPage, cdnSnippet(cdnManifest), t)}
      <p>${rich(t.cdnCsp)}</p>
      ${snippet('cdn-csp', t.blockCsp, CDN_CSP, t)}
      <p>${rich(t.cdnChunks)}</p>
    </section>
    <section aria-labelledby="home-react">
      <h3 id="home-react">${rich(t.reactHeading)}</h3>
      <p>${rich(t.reactIntro)}</p>
      ${snippet('react', t.blockReact, REACT_COMPONENT, t)}
    </section>
  </section>`;
}

function contract(t: HomeTexts): TemplateResult {
  return html`<section class="demo-home-section" aria-labelledby="home-contract">
    <h2 id="home-contract">${rich(t.contractHeading)}</h2>
    <p><a href=${OPENAPI_HREF} type="application/json" data-link="openapi">${rich(t.openApiLink)}</a> ${rich(t.openApiServed)}</p>
    <h3>${rich(t.conformanceHeading)}</h3>
    <p>${rich(t.conformanceIntro)}</p>
    ${snippet('conformance', t.blockCommand, CONFORMANCE_COMMAND, t)}
    <p>${rich(t.conformanceMore)} <a href="/docs/conformance.md" hreflang="en" data-link="conformance">${rich(t.conformanceLink)}</a></p>
    <h3>${rich(t.guideHeading)}</h3>
    <p><a href="/docs/integrator-guide.md" hreflang="en" data-link="guide">${rich(t.guideLink)}</a>: ${rich(t.guideIntro)}</p>
  </section>`;
}

function demoPages(t: HomeTexts, locale: Locale): TemplateResult {
  const pages = demoTexts(locale);
  return html`<section class="demo-home-section" aria-labelledby="home-demo">
    <h2 id="home-demo">${rich(t.demoHeading)}</h2>
    <ul class="demo-page-list">
      <li><a href=${demoHref('/gallery.html')} data-link="gallery">${pages.pageGallery}</a>: ${rich(t.demoGallery)}</li>
      <li>
        ${pages.liveSection}: ${rich(t.demoLive)}
        <ul>
          ${LIVE_PAGES.map((page) => html`<li><a href=${demoHref(page.href)} data-link="live">${pages[page.label]}</a></li>`)}
        </ul>
      </li>
      <li><a href=${demoHref('/tokens.html')} data-link="tokens">${pages.pageTokens}</a>: ${rich(t.demoTokens)}</li>
      <li><a href=${demoHref('/api.html')} data-link="api">${pages.pageApi}</a>: ${rich(t.demoApi)}</li>
    </ul>
  </section>`;
}

const container = document.querySelector<HTMLElement>('.demo-home')!;

function draw(): void {
  const locale = pageLocale();
  const t = homeTexts(locale);
  render(
    html`<p class="demo-lead">${rich(t.intro)}</p>
      <p>${rich(t.introContract)}</p>
      ${elements(t)} ${embedding(t)} ${contract(t)} ${demoPages(t, locale)}`,
    container,
  );
}

draw();
onLocaleChange(draw);
// The header's theme and width links change the address without a reload:
// the links here carry the new choice too (the header's own handler runs first).
document.addEventListener('click', (event) => {
  if ((event.target as Element | null)?.closest?.('.demo-header [data-choices] a')) draw();
});
