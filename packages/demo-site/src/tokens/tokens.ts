// The token editor (tokens.html): every `--egov-*` token of the kit with its
// value in the theme chosen in the header, editable live; the kit's own
// elements as the preview; the contrast of every pair the kit draws
// together; and the theme's CSS to copy. Values apply to the preview only
// (custom properties on its box, through the CSSOM: the CSP allows no style
// attributes), so the demo's own page keeps its look.
import type { Locale } from '@egov/auth-widgets';
import { html, nothing, render } from 'lit';
import { onLocaleChange, pageLocale, pageTheme, parseTheme, themeHref, type Theme } from '../view-settings.ts';
import { CONTRAST_PAIRS, contrastRatio, floorRatio, parseHex, parseThemeCss, passes, toHex, type Rgb } from './contrast.ts';
import { KIT_TOKENS, type KitToken } from './kit-tokens.ts';
import { enterPreviewStates, previewTemplate } from './preview.ts';
import { type TokenTexts } from './texts.ts';
import { tokenTexts } from '../locales/index.ts';

const container = document.querySelector<HTMLElement>('.demo-tokens')!;

let locale: Locale = pageLocale();
let theme: Theme | undefined;
/** The theme's value of each token (the kit's default where the theme sets none). */
const defaults = new Map(KIT_TOKENS.map((token) => [token.name, token.default]));
let themeValues = new Map(defaults);
/** What the editor holds now: the theme's values and the edits. */
let values = new Map(defaults);
let copyStatus: 'copied' | 'failed' | undefined;

// ---- Colours -------------------------------------------------------------

const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true });

/** Any CSS colour the browser knows, as sRGB (the canvas converts); undefined when it is no colour. */
function resolveColour(value: string): Rgb | undefined {
  const hex = parseHex(value);
  if (hex) return hex;
  // var() passes CSS.supports and means nothing here; the canvas ignores what is no colour, so
  // a value that leaves two different starting colours as they were is none.
  if (!probe || /var\(/i.test(value) || !CSS.supports('color', value)) return undefined;
  const known = ['#010203', '#040506'].some((start) => {
    probe.fillStyle = start;
    probe.fillStyle = value;
    return probe.fillStyle !== start;
  });
  if (!known) return undefined;
  probe.clearRect(0, 0, 1, 1);
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!];
}

/** The colour the contrast is judged with: the value, or the kit's default when the value is no colour. */
const colourOf = (name: string): Rgb => resolveColour(values.get(name) ?? '') ?? resolveColour(defaults.get(name) ?? '') ?? [0, 0, 0];

// ---- The theme -----------------------------------------------------------

const themeFiles = new Map<Theme, Promise<Map<string, string>>>();

/** A theme's tokens, read from the same file the header links (the files are only `--egov-*` on :root). */
function themeTokens(id: Theme): Promise<Map<string, string>> {
  const href = themeHref(id);
  if (!href) return Promise.resolve(new Map());
  let file = themeFiles.get(id);
  if (!file) {
    file = fetch(href).then(async (response) => {
      if (!response.ok) throw new Error(`${href}: HTTP ${response.status}`);
      return parseThemeCss(await response.text());
    });
    themeFiles.set(id, file);
  }
  return file;
}

const currentTheme = (): Theme => parseTheme(document.documentElement.dataset['theme']) ?? pageTheme();

/** Starts again from the header's theme: its values, no edits. */
async function loadTheme(): Promise<void> {
  const id = currentTheme();
  const tokens = await themeTokens(id);
  if (id !== currentTheme()) return; // another switch came first
  theme = id;
  themeValues = new Map(KIT_TOKENS.map((token) => [token.name, tokens.get(token.name) ?? token.default]));
  values = new Map(themeValues);
  copyStatus = undefined;
  draw();
}

// ---- Output --------------------------------------------------------------

/** The whole theme as CSS: every token, changed or not. */
const themeCss = (): string => `:root {\n${KIT_TOKENS.map((token) => `  ${token.name}: ${values.get(token.name)};`).join('\n')}\n}\n`;

const changed = (name: string): boolean => values.get(name) !== themeValues.get(name);

/** The preview takes the edits; what is not edited comes from the theme's own stylesheet, as on a site. */
function applyToPreview(): void {
  const preview = container.querySelector<HTMLElement>('.demo-token-preview-frames');
  if (!preview) return;
  for (const token of KIT_TOKENS) {
    if (changed(token.name)) preview.style.setProperty(token.name, values.get(token.name)!);
    else preview.style.removeProperty(token.name);
  }
}

/** The contrast table's samples: their colours through the CSSOM. */
function paintSamples(): void {
  for (const sample of container.querySelectorAll<HTMLElement>('[data-sample-fg]')) {
    sample.style.setProperty('color', toHex(colourOf(sample.dataset['sampleFg']!)));
    sample.style.setProperty('background-color', toHex(colourOf(sample.dataset['sampleBg']!)));
  }
}

function edit(name: string, value: string): void {
  values.set(name, value);
  copyStatus = undefined;
  draw();
}

async function copyCss(): Promise<void> {
  try {
    await navigator.clipboard.writeText(themeCss());
    copyStatus = 'copied';
  } catch {
    copyStatus = 'failed';
  }
  draw();
  if (copyStatus === 'failed') container.querySelector<HTMLTextAreaElement>('#demo-token-css')?.select();
}

// ---- Drawing -------------------------------------------------------------

const formatter = () => new Intl.NumberFormat(locale === 'en' ? 'en' : 'sr-Latn', { minimumFractionDigits: 1, maximumFractionDigits: 2 });

function tokenItem(token: KitToken, t: TokenTexts) {
  const value = values.get(token.name) ?? '';
  const id = `token-${token.name.slice(2)}`;
  const pairs = CONTRAST_PAIRS.filter((pair) => pair.foreground === token.name || pair.background === token.name);
  const colour = token.kind === 'color' ? resolveColour(value) : undefined;
  return html`<li class="demo-token" data-token=${token.name}>
    <h3 class="demo-token-name">
      <code>${token.name}</code>${changed(token.name) ? html` <span class="demo-token-changed">(${t.changed})</span>` : nothing}
    </h3>
    <p class="demo-token-description">${locale === 'en' ? token.description : (t.tokenDescriptions[token.name] ?? token.description)}</p>
    <p class="demo-token-meta">${t.usedBy}: ${token.usedBy.map((tag, i) => html`${i ? ', ' : ''}<code>${tag}</code>`)}</p>
    <p class="demo-token-meta">
      ${token.kind === 'color' ? html`${t.drawnIn}: ${pairs.map((pair) => t.pairs[pair.id]).join('; ')}.` : t.noPairs}
    </p>
    <div class="demo-token-value">
      ${token.kind === 'color'
        ? html`<input
            type="color"
            class="demo-token-colour"
            data-token-colour=${token.name}
            aria-label=${t.colourLabel(token.name)}
            .value=${toHex(colour ?? colourOf(token.name))}
            @input=${(event: Event) => edit(token.name, (event.target as HTMLInputElement).value)}
          />`
        : nothing}
      <input
        type="text"
        id=${id}
        class="demo-input demo-token-text"
        data-token-text=${token.name}
        aria-label=${t.valueLabel(token.name)}
        aria-describedby=${`${id}-default`}
        spellcheck="false"
        autocomplete="off"
        .value=${value}
        @input=${(event: Event) => edit(token.name, (event.target as HTMLInputElement).value)}
      />
    </div>
    <p class="demo-token-default" id=${`${id}-default`}>${t.kitDefault}: <code>${token.default}</code></p>
    ${token.kind === 'color' && !colour ? html`<p class="demo-token-warning" role="alert">${t.notAColour}</p>` : nothing}
  </li>`;
}

function contrastRows(t: TokenTexts) {
  const number = formatter();
  return CONTRAST_PAIRS.map((pair) => {
    const ratio = floorRatio(contrastRatio(colourOf(pair.foreground), colourOf(pair.background)));
    const ok = passes(ratio, pair.minimum);
    return html`<tr data-pair=${pair.id} data-ratio=${ratio} data-result=${ok ? 'pass' : 'fail'}>
      <th scope="row">${t.pairs[pair.id]}</th>
      <td>
        <span class="demo-sample" data-sample-fg=${pair.foreground} data-sample-bg=${pair.background} aria-hidden="true">Aa</span>
        <code>${pair.foreground}</code> ${t.on} <code>${pair.background}</code>
      </td>
      <td class="demo-number">${number.format(ratio)}:1</td>
      <td class="demo-number">${number.format(pair.minimum)}:1</td>
      <td class=${ok ? 'demo-result demo-result--pass' : 'demo-result demo-result--fail'}>${ok ? t.pass : t.fail}</td>
    </tr>`;
  });
}

function draw(): void {
  const t = tokenTexts(locale);
  const failures = CONTRAST_PAIRS.filter((pair) => !passes(contrastRatio(colourOf(pair.foreground), colourOf(pair.background)), pair.minimum)).length;
  render(
    html`<p class="demo-tokens-intro">${t.intro}</p>
      <div class="demo-tokens-layout" data-theme-loaded=${theme ?? ''}>
        <section class="demo-token-list" aria-labelledby="demo-tokens-heading">
          <h2 id="demo-tokens-heading">${t.tokensHeading}</h2>
          <p>${t.tokensIntro}</p>
          ${theme ? html`<ul class="demo-token-items">${KIT_TOKENS.map((token) => tokenItem(token, t))}</ul>` : nothing}
          <h3>${t.resetHeading}</h3>
          <p>
            <button type="button" class="demo-button" data-token-reset @click=${() => void loadTheme()}>${t.resetButton}</button>
          </p>
        </section>
        <div class="demo-tokens-side">
          <section class="demo-token-preview" aria-labelledby="demo-preview-heading">
            <h2 id="demo-preview-heading">${t.previewHeading}</h2>
            <p>${t.previewIntro}</p>
            <div class="demo-token-preview-frames">${previewTemplate(t, locale)}</div>
          </section>
          <section class="demo-token-contrast" aria-labelledby="demo-contrast-heading">
            <h2 id="demo-contrast-heading">${t.contrastHeading}</h2>
            <p>${t.contrastIntro}</p>
            <p class="demo-contrast-summary" data-failures=${failures}>
              <strong>${failures ? t.summaryFailures(failures) : t.summaryAllPass}</strong>
            </p>
            <div class="demo-table-wrap">
              <table class="demo-contrast-table">
                <caption>${t.contrastCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">${t.columnWhere}</th>
                    <th scope="col">${t.columnColours}</th>
                    <th scope="col">${t.columnRatio}</th>
                    <th scope="col">${t.columnNeeded}</th>
                    <th scope="col">${t.columnResult}</th>
                  </tr>
                </thead>
                <tbody>
                  ${theme ? contrastRows(t) : nothing}
                </tbody>
              </table>
            </div>
          </section>
        </div>
      </div>
      <section class="demo-token-css" aria-labelledby="demo-css-heading">
        <h2 id="demo-css-heading">${t.cssHeading}</h2>
        <p>${t.cssIntro}</p>
        <p class="demo-copy">
          <button type="button" class="demo-button" data-copy-css @click=${() => void copyCss()}>${t.copyButton}</button>
          <span class="demo-copy-status" role="status" data-copy-status=${copyStatus ?? ''}
            >${copyStatus === 'copied' ? t.copied : copyStatus === 'failed' ? t.copyFailed : ''}</span
          >
        </p>
        <label class="demo-css-label" for="demo-token-css">${t.cssLabel}</label>
        <textarea id="demo-token-css" class="demo-css" readonly rows=${KIT_TOKENS.length + 3} spellcheck="false" .value=${themeCss()}></textarea>
      </section>`,
    container,
  );
  applyToPreview();
  paintSamples();
}

draw();
void enterPreviewStates(container.querySelector<HTMLElement>('.demo-token-preview-frames')!);
void loadTheme();

onLocaleChange((next) => {
  locale = next;
  draw();
});
// The header's theme choice: main.ts sets html[data-theme] and swaps the theme's stylesheet, without a reload.
new MutationObserver(() => {
  if (currentTheme() !== theme) void loadTheme();
}).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
