/** Security headers and CORS (SECURITY.md 22, 23), and the certificate operations' documented answers. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { API_PATHS } from '@egov/auth-widgets/contract';
import type { Reply } from '../client.ts';
import { newBrowser, newPassword, settings, uniqueEmail } from '../fixtures.ts';

const FOREIGN_ORIGIN = 'https://unknown-site.example';

function assertSecurityHeaders(reply: Reply, what: string): void {
  assert.match(reply.headers.get('cache-control') ?? '', /\bno-store\b/i, `${what}: Cache-Control no-store`);
  assert.equal(reply.headers.get('x-content-type-options')?.toLowerCase(), 'nosniff', `${what}: X-Content-Type-Options nosniff`);
  const csp = reply.headers.get('content-security-policy') ?? '';
  const frameOptions = reply.headers.get('x-frame-options') ?? '';
  assert.ok(
    /frame-ancestors\s+('none'|'self')/i.test(csp) || /^(deny|sameorigin)$/i.test(frameOptions),
    `${what}: framing restricted (CSP frame-ancestors or X-Frame-Options)`,
  );
}

describe('response headers', { timeout: 60_000 }, () => {
  test('auth answers are not cached, not sniffed and not framed', async () => {
    const browser = newBrowser();
    assertSecurityHeaders(await browser.get(API_PATHS.session), 'GET /session');
    assertSecurityHeaders(await browser.get(API_PATHS.config), 'GET /config');
    const failed = await browser.login(uniqueEmail('headers'), newPassword());
    assert.equal(failed.status, 401);
    assertSecurityHeaders(failed, 'failed login');
    const refused = await browser.login(uniqueEmail('headers'), newPassword(), { csrf: false });
    assert.equal(refused.status, 403);
    assertSecurityHeaders(refused, 'CSRF refusal');
    const reset = await browser.post(API_PATHS.passwordResetRequest, { email: uniqueEmail('headers') });
    assert.equal(reset.status, 202);
    assertSecurityHeaders(reset, 'reset request');
  });

  test('an unknown Origin gets no CORS permission; never a wildcard', async () => {
    const browser = newBrowser();
    const reply = await browser.get(API_PATHS.session, { origin: FOREIGN_ORIGIN });
    const allowed = reply.headers.get('access-control-allow-origin');
    assert.ok(allowed === null || allowed === settings.origin, `no Access-Control-Allow-Origin for ${FOREIGN_ORIGIN} (got ${allowed})`);
    assert.notEqual(allowed, '*');
    assert.notEqual(allowed, 'null');
    const preflight = await fetch(`${settings.baseUrl}${API_PATHS.passwordLogin}`, {
      method: 'OPTIONS',
      headers: { Origin: FOREIGN_ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-csrf-token' },
    });
    await preflight.text();
    const preflightAllowed = preflight.headers.get('access-control-allow-origin');
    assert.ok(preflightAllowed === null || preflightAllowed === settings.origin, `preflight from ${FOREIGN_ORIGIN} not allowed (got ${preflightAllowed})`);
  });

  test('the configured site, when it is another origin, gets credentialed CORS for itself only', async (t) => {
    if (settings.origin === new URL(settings.baseUrl).origin) return t.skip('--origin is the backend’s own origin: no CORS involved');
    const reply = await newBrowser().get(API_PATHS.session);
    assert.equal(reply.headers.get('access-control-allow-origin'), settings.origin);
    assert.equal(reply.headers.get('access-control-allow-credentials'), 'true');
    const preflight = await fetch(`${settings.baseUrl}${API_PATHS.passwordLogin}`, {
      method: 'OPTIONS',
      headers: { Origin: settings.origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-csrf-token' },
    });
    await preflight.text();
    assert.ok(preflight.status >= 200 && preflight.status < 300, `preflight answers 2xx (${preflight.status})`);
    assert.equal(preflight.headers.get('access-control-allow-origin'), settings.origin);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /x-csrf-token/i);
  });
});

describe('certificate operations', { timeout: 60_000 }, () => {
  test('answer an empty body as documented (a challenge, or 400; 501 from a backend without certificate support)', async () => {
    const browser = newBrowser();
    for (const path of [API_PATHS.certificateChallenge, API_PATHS.certificateLogin, API_PATHS.certificateRegistration]) {
      // The client fails the test for any status the contract does not list for the operation.
      const reply = await browser.post(path, {});
      assert.ok(reply.status < 500 || reply.status === 501, `POST ${path}: ${reply.status}`);
    }
  });
});
