// End to end: the gallery (gallery.html) on the built demo site, under the
// strict CSP. Every state's address is listed here: a state's id is a URL
// designers link to, so a renamed or dropped state fails this test.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { REPEATS_ELEMENTS, axeViolations, describeViolations } from './axe.ts';
import { GALLERY_CONFIG } from '../src/gallery/scripted-client.ts';
import { DEMO_LANGUAGES } from '../src/locales/index.ts';
import { galleryDrawn, startStack, type Stack } from './harness.ts';

/** The stable state URLs (`/gallery.html?state=<id>`), per element, in the gallery's order. */
const STATE_IDS = {
  login: [
    'login-empty',
    'login-filled',
    'login-field-errors',
    'login-wrong-credentials',
    'login-throttled',
    'login-password-suspended',
    'login-unavailable',
    'login-config-problem',
    'login-logging-in',
    'login-not-confirmed',
    'login-pending-review',
    'login-rejected',
    'login-logged-in',
  ],
  register: [
    'register-empty',
    'register-filled',
    'register-field-errors',
    'register-server-errors',
    'register-document-problems',
    'register-documents-refused',
    'register-sending',
    'register-check-email',
    'register-unavailable',
    'register-config-problem',
  ],
  reset: [
    'reset-request',
    'reset-request-field-error',
    'reset-check-email',
    'reset-checking-link',
    'reset-new-password',
    'reset-new-password-errors',
    'reset-link-expired',
    'reset-link-used',
    'reset-password-changed',
  ],
  confirm: [
    'confirm-asking',
    'confirm-confirming',
    'confirm-confirmed-pending-review',
    'confirm-confirmed-active',
    'confirm-link-expired',
    'confirm-link-used',
    'confirm-declined',
  ],
  // The certificate states (states-certificate.ts), as drawn on 2026-12-05: the certificate picker's owner keeps this list.
  certificate: [
    'certificate-looking',
    'certificate-approve',
    'certificate-list',
    'certificate-pin-previous-wrong',
    'certificate-pin-final-try',
    'certificate-pin-locked',
    'certificate-pin-locked-contacts',
    'certificate-pin-in-window',
    'certificate-pin-wrong',
    'certificate-cancelled',
    'certificate-sign-failed',
    'certificate-no-usable',
    'certificate-refused',
    'certificate-not-registered',
    'certificate-not-installed',
    'certificate-not-running',
    'certificate-local-network-blocked',
    'certificate-tls-untrusted',
    'certificate-origin-denied',
    'certificate-no-token',
    'certificate-page-blocked',
    'certificate-not-set-up',
    'certificate-agent-error',
    'certificate-token-removed',
  ],
} as const;
const ALL_IDS = Object.values(STATE_IDS).flat();

/** Latin words a Serbian title may keep as they are (GLOSSARY.md: brand names, "PIN"). */
const LATIN_IN_SERBIAN = ['PIN', 'Fortify', 'CSP'];

/** The kit's elements a state's frame may show. */
const KIT_ELEMENTS = 'egov-login, egov-register, egov-password-reset, egov-email-confirm, egov-certificate-picker';

interface Watched {
  page: Page;
  cspViolations: string[];
  consoleErrors: string[];
  /** Requests to the backend: the gallery's states must make none. */
  backendRequests: string[];
}

async function open(stack: Stack): Promise<Watched> {
  const { page, cspViolations } = await stack.newPage();
  const watched: Watched = { page, cspViolations, consoleErrors: [], backendRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watched.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watched.consoleErrors.push(String(error)));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api') || url.origin !== new URL(stack.siteUrl).origin) watched.backendRequests.push(request.url());
  });
  return watched;
}

/** The titles as a person reads them, by state id. */
async function titles(page: Page): Promise<Map<string, string>> {
  const pairs = await page
    .locator('.gallery-card')
    .evaluateAll((cards) => cards.map((card) => [card.id, (card.querySelector('h3') as HTMLElement).innerText.trim()] as const));
  return new Map(pairs);
}

/** The configuration problem's one line for the site's developers. */
const CONFIG_ERROR = /\[egov\] <egov-[a-z-]+> is not configured correctly/;

describe('gallery', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  test('shows every listed state, in order, each at its own address, with no CSP refusal, request or unexpected error', async () => {
    const whole = await open(stack);
    const { page } = whole;
    await page.goto(`${stack.siteUrl}/gallery.html`);
    await galleryDrawn(page);
    assert.deepEqual(await page.locator('.gallery-card').evaluateAll((cards) => cards.map((card) => card.id)), ALL_IDS);
    // Each card says which element it shows, and the contents link to each.
    for (const [element, ids] of Object.entries(STATE_IDS)) {
      for (const id of ids) assert.equal(await page.locator(`#${id}`).getAttribute('data-element'), element, id);
    }
    assert.deepEqual(await page.locator('.gallery-contents a[href^="#"]:not([href^="#section-"])').evaluateAll((links) => links.map((a) => a.getAttribute('href'))), ALL_IDS.map((id) => `#${id}`));
    const english = await titles(page);
    const expectErrors = new Set(await page.locator('[data-expects-console-error]').evaluateAll((cards) => cards.map((card) => card.id)));
    assert.equal(whole.consoleErrors.length, expectErrors.size, whole.consoleErrors.join('\n'));
    for (const error of whole.consoleErrors) assert.match(error, CONFIG_ERROR);
    assert.deepEqual(whole.cspViolations, []);
    assert.deepEqual(whole.backendRequests, []);
    // One element's states; each permalink keeps the view's choices.
    await page.goto(`${stack.siteUrl}/gallery.html?element=login&theme=health&width=phone`);
    await galleryDrawn(page);
    assert.deepEqual(await page.locator('.gallery-card').evaluateAll((cards) => cards.map((card) => card.id)), STATE_IDS.login);
    assert.equal(await page.locator('#login-empty .gallery-permalink').getAttribute('href'), '/gallery.html?theme=health&width=phone&state=login-empty');
    await page.context().close();

    // Each state alone at its address, a few pages at a time.
    const queue = [...ALL_IDS];
    const worker = async () => {
      const watched = await open(stack);
      for (let id = queue.shift(); id; id = queue.shift()) {
        watched.consoleErrors.length = 0;
        await watched.page.goto(`${stack.siteUrl}/gallery.html?state=${id}`, { waitUntil: 'domcontentloaded' });
        await galleryDrawn(watched.page);
        const card = watched.page.locator(`.gallery-card[id="${id}"][data-ready]`);
        assert.equal(await watched.page.locator('.gallery-card').count(), 1, id);
        const title = card.locator('h3');
        assert.ok(await title.isVisible(), `${id}: title visible`);
        assert.equal((await title.innerText()).trim(), english.get(id), `${id}: title in English`);
        assert.ok(await card.locator('.demo-frame').locator(KIT_ELEMENTS).first().isVisible(), `${id}: the kit's element is visible`);
        assert.ok(await watched.page.locator('.gallery-back a[href="/gallery.html"]').isVisible(), `${id}: a link back to the whole gallery`);
        // Alone, the element's landmarks are unique, as on a portal's page (the whole gallery repeats them: e2e/axe.ts).
        const landmarks = await axeViolations(watched.page, { only: REPEATS_ELEMENTS });
        assert.deepEqual(landmarks, [], `${id}: ${describeViolations(landmarks)}`);
        if (expectErrors.has(id)) {
          assert.equal(watched.consoleErrors.length, 1, `${id}: ${watched.consoleErrors.join('\n')}`);
          assert.match(watched.consoleErrors[0]!, CONFIG_ERROR);
        } else {
          assert.deepEqual(watched.consoleErrors, [], id);
        }
      }
      assert.deepEqual(watched.cspViolations, []);
      assert.deepEqual(watched.backendRequests, []);
      await watched.page.context().close();
    };
    await Promise.all(Array.from({ length: 4 }, worker));

    // An unknown address says so, and draws nothing.
    const unknown = await open(stack);
    await unknown.page.goto(`${stack.siteUrl}/gallery.html?state=no-such-state`);
    assert.match(await unknown.page.locator('.gallery-unknown').innerText(), /no state called “no-such-state”/);
    assert.equal(await unknown.page.locator('.gallery-card').count(), 0);
    assert.deepEqual(unknown.consoleErrors, []);
    await unknown.page.context().close();
  });

  test('the gallery’s copy of GET /config says what the mock server says, in every language (the test PKI’s keys apart, new each run)', async () => {
    const live = (await (await fetch(`${stack.backend.url}/api/config`)).json()) as typeof GALLERY_CONFIG;
    const texts = (config: typeof GALLERY_CONFIG) => ({
      userTypes: config.userTypes,
      certificationBodies: config.certificationBodies.map(({ id, name, pinUnblock }) => ({ id, name, pinUnblock })),
    });
    assert.deepEqual(texts(GALLERY_CONFIG), texts(live));
  });

  test('every language of the demo titles exactly the gallery’s states', () => {
    for (const [locale, language] of Object.entries(DEMO_LANGUAGES)) assert.deepEqual(Object.keys(language.stateTitles).sort(), [...ALL_IDS].sort(), locale);
  });

  test('titles and the elements follow the language menu without a reload, and what was typed stays', async () => {
    const { page, cspViolations, consoleErrors } = await open(stack);
    await page.goto(`${stack.siteUrl}/gallery.html?locale=sr-Cyrl`);
    await galleryDrawn(page);
    const allowed = new RegExp(`\\b(?:${LATIN_IN_SERBIAN.join('|')})\\b`, 'g');
    for (const [id, title] of await titles(page)) {
      assert.match(title, /\p{Script=Cyrillic}/u, `${id}: ${title}`);
      assert.doesNotMatch(title.replace(allowed, ''), /[A-Za-z]/, `${id}: ${title}`);
    }
    const login = page.locator('#login-empty egov-login');
    await login.locator('button[type=submit]', { hasText: 'Пријавите се' }).waitFor();
    const typedEmail = await page.locator('#login-filled input[name=email]').inputValue();
    assert.equal(typedEmail, 'ana.maier@example.com');
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    await page.locator('.demo-locales a[data-locale=en]').click();
    await page.waitForFunction(() => [...document.querySelectorAll('.gallery-card h3')].every((h3) => !/\p{Script=Cyrillic}/u.test(h3.textContent ?? '')));
    assert.equal((await page.locator('#login-filled h3').innerText()).trim(), 'Filled in');
    assert.equal((await page.locator('.gallery-section-title').first().innerText()).trim(), 'Login — <egov-login>');
    await login.locator('button[type=submit]', { hasText: 'Log in' }).waitFor();
    await page.locator('#register-filled egov-register label', { hasText: 'Given name' }).first().waitFor();
    // Nothing typed or attached is lost.
    assert.equal(await page.locator('#login-filled input[name=email]').inputValue(), typedEmail);
    assert.equal(await page.locator('#login-filled input[name=password]').inputValue(), 'quiet river under seven old bridges');
    assert.equal(await page.locator('#register-filled input[name=givenName]').inputValue(), 'Ana');
    assert.equal(await page.locator('#register-filled .egov-file').count(), 2);
    assert.equal(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true);

    // Arabic, right to left: every state's title in Arabic letters (its own language's file), the page turned.
    await page.locator('.demo-locales a[data-locale=ar]').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl' && [...document.querySelectorAll('.gallery-card h3')].every((h3) => /\p{Script=Arabic}/u.test(h3.textContent ?? '')));
    assert.equal(await page.locator('#login-filled input[name=email]').inputValue(), typedEmail, 'what was typed stays in Arabic too');
    // Only the configuration problems' lines, one per such state.
    assert.equal(consoleErrors.length, await page.locator('[data-expects-console-error]').count(), consoleErrors.join('\n'));
    for (const error of consoleErrors) assert.match(error, CONFIG_ERROR);
    assert.deepEqual(cspViolations, []);
    await page.context().close();
  });
});
