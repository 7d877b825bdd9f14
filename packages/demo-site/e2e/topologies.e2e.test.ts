// End to end: the deployments the kit supports, on loopback, in Chromium,
// with the built demo site and the mock server started with each
// deployment's documented settings (README.md, "Deployment").
//
// - same origin: the portal proxies /api to the backend (http://localhost:P/api);
// - same site: the page on http://localhost:P calls http://localhost:Q/api
//   (ports do not change the site), its origin on the backend's allow-list;
// - cross site: the page on http://localhost:P calls http://127.0.0.1:Q/api.
//   Not supported: the session cookie is a third-party cookie there, which
//   the browser does not keep, whatever the cookie's SameSite. The person
//   gets a clear message, the developer one console.error with the fix.
// And the mistakes: an origin the backend does not allow, a proxy whose
// backend does not know its public URL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startStack, type Stack } from './harness.ts';

const ACTIVE = { email: 'active@example.test', password: 'Active-Demo-Passphrase-1' };
const NOT_SET_UP = 'This page is not set up correctly. Please tell the site’s administrators.';

/** A page that records every console.error call (the browser's own network messages are not calls). */
async function openLogin(stack: Stack): Promise<{ page: Page; consoleErrors: () => Promise<string[]>; cspViolations: string[] }> {
  const { page, cspViolations } = await stack.newPage();
  await page.addInitScript(() => {
    const calls: string[] = [];
    (window as unknown as { __consoleErrors: string[] }).__consoleErrors = calls;
    const original = console.error.bind(console);
    console.error = (...args: unknown[]) => {
      calls.push(args.map(String).join(' '));
      original(...args);
    };
  });
  await page.goto(`${stack.siteUrl}/login.html`);
  return {
    page,
    cspViolations,
    consoleErrors: () => page.evaluate(() => [...(window as unknown as { __consoleErrors: string[] }).__consoleErrors]),
  };
}

async function logIn(page: Page, account = ACTIVE): Promise<void> {
  await page.getByLabel('Username (e-mail address)').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** The backend URL the page's <egov-auth> names. */
const backendUrlOf = (page: Page) => page.locator('egov-auth').getAttribute('backend-url');

async function assertLoggedIn(page: Page, consoleErrors: () => Promise<string[]>, cspViolations: string[]): Promise<void> {
  await page.getByRole('heading', { name: 'You are logged in' }).waitFor();
  assert.equal(await page.locator('#demo-event').textContent(), `egov-login-success: {"user":{"email":"${ACTIVE.email}","acr":"basic"}}`);
  // The session cookie came back: the backend knows the person.
  const apiUrl = new URL((await backendUrlOf(page))!, page.url()).href;
  const session = await page.evaluate(async (api) => (await fetch(`${api}/session`, { credentials: 'include' })).json(), apiUrl);
  assert.equal(session.authenticated, true);
  assert.deepEqual(await consoleErrors(), []);
  assert.deepEqual(cspViolations, []);
}

/** The visible message and exactly one console.error; returns it. */
async function assertRefused(page: Page, consoleErrors: () => Promise<string[]>, code: string): Promise<string> {
  const summary = page.locator('.egov-summary');
  await summary.waitFor();
  assert.match((await summary.textContent()) ?? '', new RegExp(`There is a problem\\s*${NOT_SET_UP}`));
  assert.equal(await page.locator('#demo-event').textContent(), `egov-login-error: {"code":"${code}"}`);
  // The developers' message loads with its module on the first such failure: wait for it.
  let errors = await consoleErrors();
  for (let waited = 0; errors.length === 0 && waited < 5_000; waited += 100) {
    await page.waitForTimeout(100);
    errors = await consoleErrors();
  }
  assert.equal(errors.length, 1, errors.join('\n'));
  assert.ok(!errors[0]!.includes(ACTIVE.password), 'no password in the log');
  return errors[0]!;
}

describe('deployment topologies', () => {
  describe('same origin: the portal proxies /api to the backend (backend --public-url = the portal)', () => {
    let stack: Stack;
    before(async () => {
      stack = await startStack({ siteHost: 'localhost', backendArgs: (site) => ['--public-url', site] });
    });
    after(async () => {
      await stack?.stop();
    });

    test('logs in', async () => {
      const { page, consoleErrors, cspViolations } = await openLogin(stack);
      assert.equal(await backendUrlOf(page), '/api');
      await logIn(page);
      await assertLoggedIn(page, consoleErrors, cspViolations);
      const [cookie] = await page.context().cookies();
      assert.equal(cookie?.name, 'egov_sid');
      assert.equal(cookie?.sameSite, 'Lax');
      assert.equal(cookie?.httpOnly, true);
      await page.context().close();
    });
  });

  describe('same origin, but the backend does not know the portal’s URL (no --public-url)', () => {
    let stack: Stack;
    before(async () => {
      stack = await startStack({ siteHost: 'localhost', backendArgs: () => [] });
    });
    after(async () => {
      await stack?.stop();
    });

    test('is refused as origin_not_allowed, and the console names --public-url', async () => {
      const { page, consoleErrors } = await openLogin(stack);
      await logIn(page);
      const message = await assertRefused(page, consoleErrors, 'origin_not_allowed');
      assert.match(message, /^\[egov\] <egov-login>: the backend refused this page's origin \(403 origin_not_allowed\)/);
      assert.ok(message.includes(`share the origin ${stack.siteUrl}`), message);
      assert.ok(message.includes(`--public-url ${stack.siteUrl}`), message);
      await page.context().close();
    });
  });

  describe('same site: page on localhost:P, API on localhost:Q, the page’s origin allow-listed', () => {
    let stack: Stack;
    before(async () => {
      stack = await startStack({ siteHost: 'localhost', directBackendHost: 'localhost', backendArgs: (site) => ['--allowed-origin', site] });
    });
    after(async () => {
      await stack?.stop();
    });

    test('logs in across origins (CORS with credentials, SameSite=Lax cookie)', async () => {
      const { page, consoleErrors, cspViolations } = await openLogin(stack);
      assert.equal(await backendUrlOf(page), `http://localhost:${stack.backend.port}/api`);
      await logIn(page);
      await assertLoggedIn(page, consoleErrors, cspViolations);
      const cookies = await page.context().cookies(`http://localhost:${stack.backend.port}`);
      assert.deepEqual(
        cookies.map((c) => [c.name, c.domain, c.sameSite]),
        [['egov_sid', 'localhost', 'Lax']],
      );
      await page.context().close();
    });
  });

  describe('same site, but the page’s origin is not on the backend’s allow-list', () => {
    let stack: Stack;
    before(async () => {
      stack = await startStack({ siteHost: 'localhost', directBackendHost: 'localhost', backendArgs: () => [] });
    });
    after(async () => {
      await stack?.stop();
    });

    test('is refused (origin_not_allowed), with its own console message', async () => {
      const { page, consoleErrors } = await openLogin(stack);
      await logIn(page);
      const message = await assertRefused(page, consoleErrors, 'origin_not_allowed');
      const api = `http://localhost:${stack.backend.port}`;
      assert.match(message, /^\[egov\] <egov-login>: the backend does not accept this page's origin/);
      assert.ok(message.includes(`This page is on ${stack.siteUrl}, its backend on ${api}.`), message);
      assert.ok(message.includes(`--allowed-origin ${stack.siteUrl}`), message);
      // The backend itself refuses that origin: the preflight and the request.
      const preflight = await fetch(`${api}/api/login/password`, {
        method: 'OPTIONS',
        headers: { Origin: stack.siteUrl, 'Access-Control-Request-Method': 'POST' },
      });
      assert.equal(preflight.status, 403);
      assert.equal(((await preflight.json()) as { error: { code: string } }).error.code, 'origin_not_allowed');
      assert.equal(preflight.headers.get('access-control-allow-origin'), null);
      await page.context().close();
    });
  });

  for (const sameSite of ['Lax', 'None'] as const) {
    describe(`cross site: page on localhost:P, API on 127.0.0.1:Q, allow-listed, cookie SameSite=${sameSite}`, () => {
      let stack: Stack;
      before(async () => {
        stack = await startStack({
          siteHost: 'localhost',
          directBackendHost: '127.0.0.1',
          backendArgs: (site) => ['--allowed-origin', site, '--cookie-same-site', sameSite],
        });
      });
      after(async () => {
        await stack?.stop();
      });

      test('is refused: a clear message for the person, one console.error with the cause and the fix', async () => {
        const { page, consoleErrors, cspViolations } = await openLogin(stack);
        const api = `http://127.0.0.1:${stack.backend.port}`;
        assert.equal(await backendUrlOf(page), `${api}/api`);
        await logIn(page);
        const message = await assertRefused(page, consoleErrors, 'csrf_failed');
        assert.match(message, /^\[egov\] <egov-login>: the browser did not send the backend's session cookie back \(403 csrf_failed, cause "cross_site"/);
        assert.ok(message.includes(`This page is on ${stack.siteUrl}, its backend on ${api}.`), message);
        assert.ok(message.includes('different sites'), message);
        assert.ok(message.includes('third-party cookie'), message);
        assert.ok(message.includes('through a proxy'), message);
        assert.ok(message.includes(`with ${stack.siteUrl} on the backend's allowed origins`), message);
        // The browser kept no cookie from the API's site: not at GET /session, not at login.
        assert.deepEqual(await page.context().cookies(api), []);
        // Trying again shows the message again, but logs nothing more.
        const logins: number[] = [];
        let bothAnswered!: () => void;
        const answered = new Promise<void>((resolve) => (bothAnswered = resolve));
        page.on('response', (response) => {
          if (response.request().method() !== 'POST' || !response.url().endsWith('/api/login/password')) return;
          logins.push(response.status());
          if (logins.length === 2) bothAnswered();
        });
        await page.getByLabel('Password', { exact: true }).fill(ACTIVE.password);
        await page.getByRole('button', { name: 'Log in' }).click();
        // The client tries once more with a fresh token, then gives up.
        await answered;
        await page.getByRole('button', { name: 'Log in' }).waitFor();
        assert.deepEqual(logins, [403, 403]);
        assert.match((await page.locator('.egov-summary').textContent()) ?? '', new RegExp(NOT_SET_UP));
        assert.equal((await consoleErrors()).length, 1);
        assert.deepEqual(cspViolations, []);
        await page.context().close();
      });
    });
  }
});
