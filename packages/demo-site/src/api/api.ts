// The API reference, generated from the kit's Custom Elements Manifest: for
// every declaration with a tag name, its description, attributes, public
// properties and methods, events with their detail types, CSS custom
// properties, parts and slots. Nothing is written here per element, so the
// page follows the kit. The manifest's texts are English and marked so
// (lang="en"); the page's own chrome follows the language menu.
import manifest from '@egov/auth-widgets/custom-elements.json';
import { html, nothing, render, type TemplateResult } from 'lit';
import { onLocaleChange, pageLocale } from '../view-settings.ts';
import {
  detailFieldsOf,
  detailTypeOf,
  elementsOf,
  methodsOf,
  propertiesOf,
  type ElementDoc,
  type ManifestMember,
  type ManifestNamed,
} from './manifest.ts';
import { type ApiTexts } from './texts.ts';
import { apiTexts } from '../locales/index.ts';

const ELEMENTS = elementsOf(manifest);

/** A description from the manifest: paragraphs at blank lines, `code` spans as <code>. */
function prose(text: string | undefined): TemplateResult[] {
  return (text ?? '')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .map((paragraph) => html`<p>${inline(paragraph)}</p>`);
}

/** One line of manifest text with its `code` spans. */
function inline(text: string | undefined): (string | TemplateResult)[] {
  return (text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .split(/(`[^`]+`)/)
    .map((part) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? html`<code>${part.slice(1, -1)}</code>` : part));
}

const code = (text: string | undefined) => (text ? html`<code>${text}</code>` : nothing);

/**
 * A table of manifest rows: translated column headers, the first cell of a
 * row is its header. Wide tables scroll inside a focusable region (keyboard users
 * scroll it too), named by the part's and the element's headings ("Attributes
 * <egov-login>"): each landmark's name is unique on the page.
 */
function table(headingId: string, elementId: string, headers: string[], rows: TemplateResult[][], kind: string): TemplateResult {
  return html`<div class="demo-api-table" role="region" aria-labelledby=${`${headingId} ${elementId}`} tabindex="0">
    <table data-table=${kind}>
      <thead>
        <tr>
          ${headers.map((header) => html`<th scope="col">${header}</th>`)}
        </tr>
      </thead>
      <tbody lang="en">
        ${rows.map(
          ([first, ...rest]) =>
            html`<tr>
              <th scope="row">${first}</th>
              ${rest.map((cell) => html`<td>${cell}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** One part of an element's reference: a heading, then the table or what there is not. */
function part(id: string, heading: string, content: TemplateResult | string): TemplateResult {
  return html`<div class="demo-api-part">
    <h3 id=${id}>${heading}</h3>
    ${typeof content === 'string' ? html`<p>${inline(content)}</p>` : content}
  </div>`;
}

function attributes(element: ElementDoc, t: ApiTexts): TemplateResult {
  const id = `${element.tagName}-attributes`;
  const list = element.declaration.attributes ?? [];
  return part(
    id,
    t.attributes,
    list.length === 0
      ? t.noAttributes
      : table(
          id,
          element.tagName,
          [t.attribute, t.property, t.type, t.defaultValue, t.description],
          list.map((a) => [html`<code>${a.name}</code>`, html`${code(a.fieldName)}`, html`${code(a.type?.text)}`, html`${code(a.default)}`, html`${inline(a.description)}`]),
          'attributes',
        ),
  );
}

function properties(element: ElementDoc, t: ApiTexts): TemplateResult {
  const id = `${element.tagName}-properties`;
  const list = propertiesOf(element);
  return part(
    id,
    t.properties,
    list.length === 0
      ? t.noProperties
      : table(
          id,
          element.tagName,
          [t.property, t.attribute, t.type, t.defaultValue, t.description],
          list.map((p) => [html`<code>${p.name}</code>`, html`${code(p.attribute)}`, html`${code(p.type?.text)}`, html`${code(p.default)}`, html`${inline(p.description)}`]),
          'properties',
        ),
  );
}

const signature = (method: ManifestMember) =>
  (method.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}${p.type ? `: ${p.type.text}` : ''}`).join(', ');

function methods(element: ElementDoc, t: ApiTexts): TemplateResult {
  const id = `${element.tagName}-methods`;
  const list = methodsOf(element);
  return part(
    id,
    t.methods,
    list.length === 0
      ? t.noMethods
      : table(
          id,
          element.tagName,
          [t.method, t.parameters, t.returns, t.description],
          list.map((m) => [html`<code>${m.name}()</code>`, html`${code(signature(m))}`, html`${code(m.return?.type?.text)}`, html`${inline(m.description)}`]),
          'methods',
        ),
  );
}

function events(element: ElementDoc, t: ApiTexts): TemplateResult {
  const id = `${element.tagName}-events`;
  const list = element.declaration.events ?? [];
  if (list.length === 0) return part(id, t.events, t.noEvents);
  const details = list.map((event) => ({ event, typeName: detailTypeOf(event), fields: detailFieldsOf(manifest, detailTypeOf(event)) }));
  const described = details.filter((d) => d.fields && d.fields.length > 0);
  return part(
    id,
    t.events,
    html`${table(
      id,
      element.tagName,
      [t.event, t.detail, t.description],
      list.map((e) => [html`<code>${e.name}</code>`, html`${code(e.type?.text)}`, html`${inline(e.description)}`]),
      'events',
    )}
    ${described.map(({ typeName, fields }) => {
      const fieldsId = `${element.tagName}-${typeName}`;
      return html`<h4 id=${fieldsId}>${t.detailFields} <code>${typeName}</code></h4>
        ${table(
          fieldsId,
          element.tagName,
          [t.field, t.type, t.description],
          fields!.map((f) => [html`<code>${f.name}</code>`, html`${code(f.type?.text)}`, html`${inline(f.description)}`]),
          'detail',
        )}`;
    })}
    ${described.length < details.length ? html`<p>${t.detailNotDescribed}</p>` : nothing}`,
  );
}

function named(element: ElementDoc, t: ApiTexts, kind: 'cssProperties' | 'cssParts' | 'slots'): TemplateResult {
  const id = `${element.tagName}-${kind === 'cssProperties' ? 'css-properties' : kind === 'cssParts' ? 'parts' : 'slots'}`;
  const list: ManifestNamed[] = element.declaration[kind] ?? [];
  const heading = kind === 'cssProperties' ? t.cssProperties : kind === 'cssParts' ? t.parts : t.slots;
  const none = kind === 'cssProperties' ? t.noCssProperties : kind === 'cssParts' ? t.noParts : t.noSlots;
  if (list.length === 0) return part(id, heading, none);
  const name = (item: ManifestNamed) => (kind === 'slots' && item.name === '' ? html`<span lang=${pageLocale()}>${t.defaultSlot}</span>` : html`<code>${item.name}</code>`);
  return part(
    id,
    heading,
    kind === 'cssProperties'
      ? table(id, element.tagName, [t.name, t.defaultValue, t.description], list.map((item) => [name(item), html`${code(item.default)}`, html`${inline(item.description)}`]), kind)
      : table(id, element.tagName, [t.name, t.description], list.map((item) => [name(item), html`${inline(item.description)}`]), kind),
  );
}

const tag = (name: string) => html`<code>&lt;${name}&gt;</code>`;

function reference(element: ElementDoc, t: ApiTexts): TemplateResult {
  const { tagName, declaration } = element;
  return html`<section class="demo-api-element" aria-labelledby=${tagName} data-element=${tagName}>
    <h2 id=${tagName} tabindex="-1">${tag(tagName)}</h2>
    <div class="demo-api-description" lang="en">
      ${declaration.summary ? html`<p class="demo-api-summary">${inline(declaration.summary)}</p>` : nothing} ${prose(declaration.description)}
    </div>
    <p class="demo-api-class"><span>${t.className}:</span> <code>${declaration.name}</code></p>
    ${attributes(element, t)} ${properties(element, t)} ${methods(element, t)} ${events(element, t)} ${named(element, t, 'cssProperties')}
    ${named(element, t, 'cssParts')} ${named(element, t, 'slots')}
  </section>`;
}

const container = document.querySelector<HTMLElement>('.demo-api')!;

function draw(): void {
  const locale = pageLocale();
  const t = apiTexts(locale);
  render(
    html`<p class="demo-lead">${inline(t.intro)}</p>
      ${locale === 'en' ? nothing : html`<p class="demo-callout" data-api-language>${t.inEnglish}</p>`}
      <nav class="demo-api-contents" aria-labelledby="api-contents">
        <h2 id="api-contents">${t.contents}</h2>
        <ul>
          ${ELEMENTS.map(
            (element) =>
              html`<li>
                <a href=${`#${element.tagName}`}>${tag(element.tagName)}</a>${element.declaration.summary
                  ? html` — <span lang="en">${inline(element.declaration.summary)}</span>`
                  : nothing}
              </li>`,
          )}
        </ul>
      </nav>
      ${ELEMENTS.map((element) => reference(element, t))}`,
    container,
  );
}

draw();
onLocaleChange(draw);

// The reference is drawn after the browser looked for the address's
// #fragment: go there now, as a link from another page (the home page's
// "API reference" of an element) means.
const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
target?.scrollIntoView();
