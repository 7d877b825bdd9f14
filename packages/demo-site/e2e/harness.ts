// Starts the real pieces for an end-to-end test: the mock server (fresh data
// directory, demo accounts), the built demo site served by `vite preview`
// with the strict CSP in front of it, and Debian's Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import {
  API_PATHS,
  CSRF_HEADER,
  REVIEWER_TOKEN_HEADER,
  apiPath,
  type DevOutboxResponse,
  type DevRegistration,
  type DevRegistrationsResponse,
  type OutboxMessage,
  type SessionResponse,
} from '@egov/auth-widgets/contract';
// @ts-expect-error: plain-JS helpers shared with the component tests.
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import { PDF_TEXT, PNG_BYTES } from '../../auth-widgets/test-support/documents.ts';
// @ts-expect-error: a plain-JS helper of the mock server package, shared with the component tests.
import { freePort, startMockServer } from '@egov/mock-server/testing/backend-plugin.mjs';

const siteDir = fileURLToPath(new URL('..', import.meta.url));
const viteBin = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));

interface MockServer {
  url: string;
  port: number;
  dataDir: string;
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/** The reviewer ("authorized person") token the stack's mock server accepts. */
// The same token 'npm start' uses, so the demo's Outbox and review page works here too.
export const REVIEWER_TOKEN = 'demo-reviewer';

function runVite(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [viteBin, ...args], { cwd: siteDir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`process for ${url} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

let built = false;
// Each test process builds into its own folder, so test files (and people)
// building the demo at the same time never serve each other's half-written files.
const outDir = join(tmpdir(), `egov-demo-site-${process.pid}`);

/** Builds the demo site once per test process. */
async function build(): Promise<void> {
  if (built) return;
  const child = runVite(['build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {});
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`vite build failed with ${code}`);
  built = true;
  process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));
}

export interface Stack {
  siteUrl: string;
  backend: MockServer;
  browser: Browser;
  /** A page in a new browser context (options e.g. `ignoreHTTPSErrors` for the Fortify test agent). */
  newPage(options?: BrowserContextOptions): Promise<{ page: Page; cspViolations: string[] }>;
  /** The development and reviewer operations, over HTTP as any client would call them. */
  dev: DevApi;
  /** Stops the backend (its data stays), as an outage would. */
  stopBackend(): Promise<void>;
  /** Starts it again on the same port and data. */
  startBackend(): Promise<void>;
  stop(): Promise<void>;
}

export interface DevApi {
  outbox(to: string): Promise<OutboxMessage[]>;
  /** The link of the newest message of this kind to this address. */
  link(to: string, kind: OutboxMessage['kind']): Promise<string>;
  pending(): Promise<DevRegistration[]>;
  approve(email: string): Promise<void>;
  reject(email: string, reason: string): Promise<void>;
}

/** A tiny cookie-keeping client for the development operations. */
function devApi(apiUrl: () => string): DevApi {
  let cookie = '';
  async function call(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(`${apiUrl()}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), cookie, [REVIEWER_TOKEN_HEADER]: REVIEWER_TOKEN },
    });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: HTTP ${response.status} ${await response.text()}`);
    return response;
  }
  async function post(path: string, body: unknown): Promise<void> {
    const session = (await (await call(API_PATHS.session)).json()) as SessionResponse;
    await call(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: session.csrfToken },
      body: JSON.stringify(body),
    });
  }
  async function registrationOf(email: string): Promise<DevRegistration> {
    const found = (await api.pending()).find((r) => r.email === email);
    if (!found) throw new Error(`no pending registration for ${email}`);
    return found;
  }
  const api: DevApi = {
    async outbox(to) {
      return ((await (await call(`${API_PATHS.devOutbox}?to=${encodeURIComponent(to)}`)).json()) as DevOutboxResponse).messages;
    },
    async link(to, kind) {
      const message = (await api.outbox(to)).filter((m) => m.kind === kind).at(-1);
      if (!message?.link) throw new Error(`no ${kind} e-mail with a link for ${to}`);
      return message.link;
    },
    async pending() {
      return ((await (await call(`${API_PATHS.devRegistrations}?state=pending_review`)).json()) as DevRegistrationsResponse).registrations;
    },
    async approve(email) {
      await post(apiPath(API_PATHS.devApproveRegistration, { id: (await registrationOf(email)).id }), {});
    },
    async reject(email, reason) {
      await post(apiPath(API_PATHS.devRejectRegistration, { id: (await registrationOf(email)).id }), { reason });
    },
  };
  return api;
}

export interface StackOptions {
  /**
   * The browser treats the demo site as a public site, as a real portal is
   * (Chromium's IP address space override): reaching the agent on 127.0.0.1
   * is then subject to Local Network Access. By default the site is on
   * loopback like the agent, and Chrome asks nothing.
   */
  publicSite?: boolean;
  /** The host name the site is opened at (it listens on 127.0.0.1, which `localhost` reaches too). Default 127.0.0.1. */
  siteHost?: string;
  /**
   * The pages call the mock server directly at this host name (e.g.
   * `localhost`: the same site as a page on localhost; `127.0.0.1`: another
   * site), instead of through the site's /api proxy.
   */
  directBackendHost?: string;
  /** The mock server's deployment options, given the site's URL. Default: `--public-url <site>` (the /api proxy). */
  backendArgs?: (siteUrl: string) => string[];
}

export async function startStack({ publicSite = false, siteHost = '127.0.0.1', directBackendHost, backendArgs: deployment }: StackOptions = {}): Promise<Stack> {
  await build();
  const sitePort = await freePort();
  const siteUrl = `http://${siteHost}:${sitePort}`;
  // By default the site proxies /api to the backend, so the API's public URL is the site's.
  // The demo's home is at /, its login page at /login.html (the "account active" e-mail's link).
  const backendArgs = [...(deployment ? deployment(siteUrl) : ['--public-url', siteUrl]), '--reviewer-token', REVIEWER_TOKEN, '--login-path', '/login.html'];
  let backend: MockServer = await startMockServer({ args: backendArgs });
  const { port: backendPort, dataDir } = backend;
  const preview = runVite(['preview', '--outDir', outDir, '--port', String(sitePort), '--strictPort'], {
    EGOV_BACKEND_URL: backend.url,
    EGOV_DEMO_PORT: String(sitePort),
    ...(directBackendHost ? { EGOV_PAGE_BACKEND_URL: `http://${directBackendHost}:${backendPort}/api` } : {}),
  });
  await waitFor(`${siteUrl}/`, preview);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs, ...(publicSite ? [`--ip-address-space-overrides=127.0.0.1:${sitePort}=public`] : [])],
  });

  return {
    siteUrl,
    get backend() {
      return backend;
    },
    browser,
    dev: devApi(() => `${backend.url}/api`),
    async stopBackend() {
      await backend.stop({ keepData: true });
    },
    async startBackend() {
      backend = await startMockServer({ port: backendPort, dataDir, args: backendArgs });
    },
    async newPage(options) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      const cspViolations: string[] = [];
      await page.exposeFunction('__reportCsp', (text: string) => cspViolations.push(text));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          (window as unknown as { __reportCsp(t: string): void }).__reportCsp(`${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      return { page, cspViolations };
    },
    async stop() {
      await browser.close();
      preview.kill('SIGTERM');
      await backend.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until every state card of the gallery page (`cards`: all, or e.g.
 * one element's) is drawn or has failed, fails with the ones that failed and
 * why, and gives how many there are.
 */
export async function galleryDrawn(page: Page, cards = '.gallery-card', timeoutMs = 60_000): Promise<number> {
  await page.waitForFunction(
    (selector) => {
      const all = [...document.querySelectorAll(selector)];
      return all.length > 0 && all.every((card) => card.hasAttribute('data-ready') || card.hasAttribute('data-failed'));
    },
    cards,
    { timeout: timeoutMs },
  );
  const failed = await page.locator(`${cards}[data-failed]`).evaluateAll((all) => all.map((card) => `${card.id}: ${card.textContent?.trim()}`));
  if (failed.length) throw new Error(`gallery states that failed to draw:\n${failed.join('\n')}`);
  return page.locator(cards).count();
}

/**
 * A person opens the confirmation link and answers its question (nothing is
 * confirmed on page load); resolves when the page says what happened.
 */
export async function confirmByLink(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await page.getByRole('button', { name: 'Yes, confirm my registration' }).click();
  await page.locator('egov-email-confirm .egov-notice:not([data-state=asking]) .egov-notice-title').waitFor();
}

/**
 * Fills the registration form of a foreign citizen (Ana Maier, no foreigner's
 * number, two documents, consent), ready to send; the journeys then press
 * the button themselves.
 */
export async function fillForeignRegistration(page: Page, email: string, password: string, citizenship = 'DE'): Promise<void> {
  const form = page.locator('egov-register');
  await form.locator('input[name=givenName]').fill('Ana');
  await form.locator('input[name=surname]').fill('Maier');
  await form.locator('input[name=dateOfBirthDay]').fill('17');
  await form.locator('input[name=dateOfBirthMonth]').fill('5');
  await form.locator('input[name=dateOfBirthYear]').fill('1990');
  await form.locator('input[name=sex][value=F]').check();
  await form.locator('select[name=citizenship]').selectOption(citizenship);
  await form.locator('input[name=documentNumber]').fill('C01X00T47');
  await form.locator('input[name=noForeignerNumber]').check();
  await form.locator('input[name=email]').fill(email);
  await form.locator('input[name=password]').fill(password);
  await form.locator('input[name=passwordConfirmation]').fill(password);
  await form.locator('input[type=file][multiple]').setInputFiles([
    { name: 'page-1.png', mimeType: 'image/png', buffer: Buffer.from(PNG_BYTES) },
    { name: 'page-2.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF_TEXT) },
  ]);
  await form.locator('.egov-file').nth(1).waitFor();
  await form.locator('input[name=consent]').check();
}
