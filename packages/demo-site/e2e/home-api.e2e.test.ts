// End to end: the home page and the API reference (issue 15), as a designer
// or an integrator meets them in the built site under its strict CSP — the
// reference shows everything the kit's Custom Elements Manifest lists, its
// headings work as anchors, each Copy button copies exactly the code shown,
// the CDN snippet's integrity values are the files' own, the OpenAPI link
// answers with the document, and both pages speak the page's language.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import type { Locale } from '@egov/auth-widgets';
import { openApiDocument } from '@egov/auth-widgets/openapi';
import { API_TEXTS } from '../src/api/texts.ts';
import type { CustomElementsManifest, ManifestDeclaration } from '../src/api/manifest.ts';
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
} from '../src/home/snippets.ts';
import { HOME_TEXTS } from '../src/home/texts.ts';
import { homeTexts } from '../src/locales/index.ts';
import { startStack, type Stack } from './harness.ts';

const kitDir = fileURLToPath(new URL('../../auth-widgets/', import.meta.url));
/** The manifest the package exports, read here on its own. */
const manifest = JSON.parse(readFileSync(`${kitDir}custom-elements.json`, 'utf8')) as CustomElementsManifest;
const ELEMENTS = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d): d is ManifestDeclaration & { tagName: string } => Boolean(d.tagName));

/** The kit's CDN build, when `pnpm build` made one (it is not in git). */
const cdnManifestFile = `${kitDir}cdn/manifest.json`;
const cdnManifest = existsSync(cdnManifestFile) ? (JSON.parse(readFileSync(cdnManifestFile, 'utf8')) as CdnManifest) : undefined;

/** Descriptions as a person reads them: no backticks, lines joined. */
const plain = (text = '') => text.replace(/`/g, '').replace(/\s+/g, ' ').trim();

interface Opened {
  page: Page;
  consoleErrors: string[];
  cspViolations: string[];
}

async function open(stack: Stack, path: string, locale: Locale, options: Parameters<Stack['newPage']>[0] = {}): Promise<Opened> {
  const { page, cspViolations } = await stack.newPage({ viewport: { width: 1280, height: 900 }, ...options });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  await page.goto(`${stack.siteUrl}${path}`);
  await page.waitForFunction((expected) => document.documentElement.lang === expected && document.querySelector('main h2'), locale);
  return { page, consoleErrors, cspViolations };
}

function assertClean({ consoleErrors, cspViolations }: Opened, where: string): void {
  assert.deepEqual(cspViolations, [], `${where}: CSP violations`);
  assert.deepEqual(consoleErrors, [], `${where}: console errors`);
}

/** The body rows of the table a section's heading names: each cell's text as shown, and whether the row is on screen. */
async function rows(region: Locator): Promise<{ cells: string[]; visible: boolean }[]> {
  return region.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      cells: [...tr.children].map((cell) => (cell as HTMLElement).innerText.trim()),
      visible: tr.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && tr.getBoundingClientRect().height > 0,
    })),
  );
}

/** A table of the reference, as a screen reader names it: its part's heading and the element's ("Attributes <egov-login>"). */
const table = (section: Locator, heading: string, tag: string) => section.getByRole('region', { name: `${heading} <${tag}>`, exact: true });

/** Whether an element's top is inside the window (a heading scrolled to). */
const inView = (locator: Locator) => locator.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().top < innerHeight - 20);

describe('the home page and the API reference', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  test('the API reference shows every attribute, property, event with its detail type and CSS property the manifest lists', async () => {
    const opened = await open(stack, '/api.html', 'en');
    const { page } = opened;
    const t = API_TEXTS.en;
    assert.ok(ELEMENTS.length >= 6, `the manifest lists ${ELEMENTS.length} elements`);
    for (const element of ELEMENTS) {
      const tag = element.tagName;
      const section = page.locator(`section:has(> h2#${tag})`);
      assert.equal(await section.getByRole('heading', { level: 2 }).innerText(), `<${tag}>`);
      if (element.summary) assert.ok(await section.getByText(plain(element.summary), { exact: true }).first().isVisible(), `${tag}: its summary`);

      const attributes = await rows(table(section, t.attributes, tag));
      assert.deepEqual(
        attributes.map((row) => row.cells.slice(0, 4)),
        (element.attributes ?? []).map((a) => [a.name, a.fieldName ?? '', a.type?.text ?? '', a.default ?? '']),
        `${tag}: attribute, property, type, default`,
      );
      assert.deepEqual(
        attributes.map((row) => plain(row.cells[4])),
        (element.attributes ?? []).map((a) => plain(a.description)),
        `${tag}: the attributes' descriptions`,
      );
      assert.ok(attributes.every((row) => row.visible), `${tag}: every attribute on screen`);

      const fields = (element.members ?? []).filter((m) => m.kind === 'field' && (m.privacy ?? 'public') === 'public' && !m.static);
      const properties = await rows(table(section, t.properties, tag));
      assert.deepEqual(
        properties.map((row) => row.cells.slice(0, 3)),
        fields.map((f) => [f.name, f.attribute ?? '', f.type?.text ?? '']),
        `${tag}: properties with their attributes and types`,
      );
      assert.ok(properties.every((row) => row.visible), `${tag}: every property on screen`);

      const events = element.events ?? [];
      if (events.length > 0) {
        const shown = await rows(table(section, t.events, tag));
        assert.deepEqual(
          shown.map((row) => row.cells.slice(0, 2)),
          events.map((e) => [e.name, e.type?.text ?? '']),
          `${tag}: events with their detail types`,
        );
        assert.ok(shown.every((row) => row.visible), `${tag}: every event on screen`);
        assert.ok(
          shown.every((row) => /^CustomEvent<.+>$/.test(row.cells[1]!)),
          `${tag}: each detail type as the manifest writes it`,
        );
      } else {
        assert.ok(await section.getByText(t.noEvents).isVisible(), `${tag}: says it fires no events`);
      }

      const cssProperties = element.cssProperties ?? [];
      assert.ok(cssProperties.length > 0, `${tag}: the manifest lists its tokens`);
      const css = await rows(table(section, t.cssProperties, tag));
      assert.deepEqual(
        css.map((row) => row.cells.slice(0, 2)),
        cssProperties.map((p) => [p.name, p.default ?? '']),
        `${tag}: CSS custom properties with their defaults`,
      );
      assert.ok(css.every((row) => row.visible), `${tag}: every CSS custom property on screen`);

      // No parts today: the page says why (light DOM, tokens) instead of an empty table.
      if (!element.cssParts?.length) assert.ok(await section.getByText(plain(t.noParts)).isVisible(), `${tag}: no parts, and why`);
      if (element.slots?.length) {
        const slots = await rows(table(section, t.slots, tag));
        assert.deepEqual(
          slots.map((row) => row.cells[0]),
          element.slots.map((s) => (s.name === '' ? t.defaultSlot : s.name)),
          `${tag}: slots`,
        );
      }
    }
    // Proper tables: every header cell says what it heads.
    assert.equal(await page.locator('.demo-api thead th:not([scope=col]), .demo-api tbody th:not([scope=row])').count(), 0);
    assert.ok((await page.locator('.demo-api tbody td code, .demo-api tbody th code').count()) > 100, 'names and types in <code>');
    assertClean(opened, '/api.html');
  });

  test('the API reference: the contents and the headings’ ids work as anchors, from the page and from an address', async () => {
    const opened = await open(stack, '/api.html', 'en');
    const { page } = opened;
    const contents = page.getByRole('navigation', { name: API_TEXTS.en.contents });
    assert.deepEqual(
      await contents.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
      ELEMENTS.map((e) => `#${e.tagName}`),
    );
    for (const element of [...ELEMENTS].reverse()) {
      await contents.locator(`a[href="#${element.tagName}"]`).click();
      await page.waitForFunction((hash) => location.hash === hash, `#${element.tagName}`);
      assert.ok(await inView(page.locator(`h2#${element.tagName}`)), `${element.tagName}: the heading is scrolled to`);
    }
    assertClean(opened, '/api.html');
    await page.context().close();

    // A link from elsewhere (the home page's "API reference" of an element), in another language.
    const middle = ELEMENTS[Math.floor(ELEMENTS.length / 2)]!.tagName;
    const linked = await open(stack, `/api.html?locale=sr-Cyrl#${middle}`, 'sr-Cyrl');
    await linked.page.waitForFunction(() => scrollY > 0);
    assert.ok(await inView(linked.page.locator(`h2#${middle}`)), `#${middle} from the address`);
    assertClean(linked, `/api.html?locale=sr-Cyrl#${middle}`);
    await linked.page.context().close();
  });

  test('the API reference in Serbian: the page’s own texts translated, the reference marked as English, and a language switch without reload', async () => {
    const opened = await open(stack, '/api.html?locale=sr-Cyrl', 'sr-Cyrl');
    const { page } = opened;
    const t = API_TEXTS['sr-Cyrl'];
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    assert.equal(await page.locator('[data-api-language]').innerText(), t.inEnglish);
    assert.ok(await page.locator('[data-api-language]').isVisible());
    const first = page.locator(`section:has(> h2#${ELEMENTS[0]!.tagName})`);
    assert.ok(await first.getByRole('heading', { name: t.attributes, exact: true }).isVisible());
    assert.deepEqual(
      await table(first, t.attributes, ELEMENTS[0]!.tagName).locator('thead th').allInnerTexts(),
      [t.attribute, t.property, t.type, t.defaultValue, t.description],
    );
    // Screen readers read the manifest's English as English.
    assert.equal(await page.locator('.demo-api-description:not([lang=en]), .demo-api tbody:not([lang=en])').count(), 0);
    assert.ok((await page.locator('.demo-api-description[lang=en]').count()) === ELEMENTS.length);

    await page.locator('.demo-locales a[data-locale="sr-Latn"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'sr-Latn');
    const latin = API_TEXTS['sr-Latn'];
    assert.ok(await first.getByRole('heading', { name: latin.attributes, exact: true }).isVisible());
    assert.equal(await page.locator('[data-api-language]').innerText(), latin.inEnglish);
    assert.equal(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true, 'no reload');
    assertClean(opened, '/api.html?locale=sr-Cyrl');
  });

  test('home: each Copy button puts exactly the code shown on the clipboard, and says so', async () => {
    const opened = await open(stack, '/', 'en', { permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = opened;
    const t = HOME_TEXTS.en;
    const expected: Record<string, string> = {
      'npm-install': NPM_INSTALL,
      'npm-script': NPM_SCRIPT,
      'npm-page': NPM_PAGE,
      'certificate-install': CERTIFICATE_INSTALL,
      'certificate-import': CERTIFICATE_IMPORT,
      'cdn-page': cdnSnippet(cdnManifest),
      'cdn-csp': CDN_CSP,
      react: REACT_COMPONENT,
      conformance: CONFORMANCE_COMMAND,
    };
    const ids = await page.locator('figure[data-snippet]').evaluateAll((figures) => figures.map((f) => (f as HTMLElement).dataset['snippet']!));
    assert.deepEqual(ids.sort(), Object.keys(expected).sort());
    for (const id of ids) {
      const figure = page.locator(`figure[data-snippet="${id}"]`);
      const shown = await figure.locator('pre code').innerText();
      assert.equal(shown, expected[id], `${id}: the code shown`);
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await figure.getByRole('button', { name: t.copy }).click();
      const status = figure.getByRole('status');
      await status.getByText(t.copied).waitFor();
      assert.ok(await status.isVisible(), `${id}: "Copied." can be seen`);
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shown, `${id}: the clipboard holds exactly the code shown`);
    }
    // The code is text a person can select (and scroll by keyboard).
    assert.equal(await page.locator('pre.demo-code').first().evaluate((pre) => getComputedStyle(pre).userSelect), 'text');
    assert.equal(await page.locator('pre.demo-code:not([tabindex="0"])').count(), 0);
    assertClean(opened, '/');
  });

  test('home: the CDN snippet’s integrity values are the real ones (or, without a CDN build, none is made up)', async () => {
    const opened = await open(stack, '/', 'en');
    const { page } = opened;
    const shown = await page.locator('figure[data-snippet="cdn-page"] pre code').innerText();
    const integrities = [...shown.matchAll(/(?:src|href)="\/kit\/([^"]+)" integrity="([^"]+)"/g)];
    assert.equal(integrities.length, shown.split('\n').filter((line) => line.startsWith('<link') || line.startsWith('<script')).length, 'every file has its integrity');
    if (cdnManifest) {
      assert.equal(await page.locator('[data-cdn]').getAttribute('data-cdn'), 'real');
      assert.ok(await page.getByText(plain(HOME_TEXTS.en.cdnReal(cdnManifest.version))).isVisible());
      for (const [, file, integrity] of integrities) {
        const bytes = readFileSync(`${kitDir}cdn/${file}`);
        assert.equal(integrity, `sha384-${createHash('sha384').update(bytes).digest('base64')}`, `${file}: the file's own sha384`);
        assert.equal(integrity, cdnManifest.files[file!], `${file}: as cdn/manifest.json says`);
      }
      for (const entry of ['egov-auth', 'egov-login']) {
        assert.ok(shown.includes(`src="/kit/${cdnManifest.entries[entry]!.file}" integrity="${cdnManifest.entries[entry]!.integrity}"`), entry);
      }
    } else {
      assert.equal(await page.locator('[data-cdn]').getAttribute('data-cdn'), 'shape');
      assert.ok(await page.getByText(plain(HOME_TEXTS.en.cdnShape)).isVisible(), 'says where to take the values from');
      assert.ok(integrities.every(([, , integrity]) => integrity === 'sha384-…'), 'no made-up hash');
    }
    assertClean(opened, '/');
  });

  test('home: the elements link to their gallery sections and API reference, and the OpenAPI link answers with the document', async () => {
    const opened = await open(stack, '/', 'en');
    const { page } = opened;
    const t = HOME_TEXTS.en;
    const listed = await page.locator('.demo-element').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset['element']));
    assert.deepEqual([...listed].sort(), ELEMENTS.map((e) => e.tagName).sort(), 'every element of the kit');
    const gallery = await page.locator('.demo-element a[data-link=gallery]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.deepEqual(gallery, ['login', 'register', 'reset', 'confirm', 'certificate'].map((element) => `/gallery.html?element=${element}`));
    for (const tag of ELEMENTS.map((e) => e.tagName)) {
      assert.equal(await page.locator(`.demo-element[data-element="${tag}"] a[data-link=api]`).getAttribute('href'), `/api.html#${tag}`);
    }
    for (const link of ['gallery', 'live', 'tokens', 'api']) {
      assert.ok(await page.locator(`.demo-page-list a[data-link=${link}]`).first().isVisible(), `a link to the ${link} pages`);
    }

    // The integrator guide and the conformance suite's README: the repository's own files, served by the demo as text.
    for (const [name, file, first] of [
      [t.guideLink, '../../../docs/integrator-guide.md', '# Integrator guide'],
      [t.conformanceLink, '../../mock-server/conformance/README.md', '#'],
    ] as const) {
      const link = page.getByRole('link', { name, exact: true });
      assert.ok(await link.isVisible(), `${name}: visible`);
      const answer = await fetch(new URL((await link.getAttribute('href'))!, stack.siteUrl));
      assert.equal(answer.status, 200, name);
      assert.match(answer.headers.get('content-type') ?? '', /^text\/plain; charset=utf-8/);
      const text = await answer.text();
      assert.equal(text, readFileSync(new URL(file, import.meta.url), 'utf8'), `${name}: the repository's file`);
      assert.ok(text.startsWith(first));
    }

    const openApi = page.getByRole('link', { name: t.openApiLink });
    assert.ok(await openApi.isVisible());
    const href = (await openApi.getAttribute('href'))!;
    assertClean(opened, '/');
    const response = await page.goto(new URL(href, stack.siteUrl).href);
    assert.equal(response?.status(), 200, `${href} answers 200`);
    const document = (await response!.json()) as typeof openApiDocument;
    assert.equal(document.openapi, openApiDocument.openapi);
    assert.deepEqual(document.paths, openApiDocument.paths, 'the contract’s OpenAPI document');
  });

  test('home in Serbian Cyrillic, then Latin without a reload: every text in the page’s language, links keeping it', async () => {
    const opened = await open(stack, '/?locale=sr-Cyrl', 'sr-Cyrl');
    const { page } = opened;
    const texts = (locale: Locale) => homeTexts(locale);
    const check = async (locale: Locale) => {
      const t = texts(locale);
      assert.equal(await page.locator('.demo-lead').innerText(), t.intro);
      assert.deepEqual(await page.locator('.demo-home h2').allInnerTexts(), [t.elementsHeading, t.embedHeading, t.contractHeading, t.demoHeading]);
      assert.equal(await page.getByRole('button', { name: t.copy, exact: true }).count(), await page.locator('figure[data-snippet]').count());
      assert.ok(await page.getByRole('link', { name: t.openApiLink }).isVisible());
      assert.equal(
        await page.locator('.demo-element[data-element="egov-login"] a[data-link=gallery]').getAttribute('href'),
        `/gallery.html?element=login&locale=${locale}`,
      );
      assert.equal(await page.locator('.demo-element[data-element="egov-login"] a[data-link=api]').getAttribute('href'), `/api.html?locale=${locale}#egov-login`);
      assert.ok(await page.getByText(t.elementLogin).isVisible());
    };
    await check('sr-Cyrl');
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await page.locator('.demo-locales a[data-locale="sr-Latn"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'sr-Latn');
    await check('sr-Latn');
    assert.equal(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true, 'no reload');
    assertClean(opened, '/?locale=sr-Cyrl');
  });
});
