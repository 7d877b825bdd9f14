/** Sessions, CSRF and origin checks (SECURITY.md 20, 21). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { API_PATHS, type LoginResponse, type SessionResponse } from '@egov/auth-widgets/contract';
import { activeAccount, newBrowser, register, registrationFields, registrationForm, uniqueEmail, userTypeWithDocuments, newPassword, publicConfig, happyUploads } from '../fixtures.ts';

const CROSS_SITE = 'https://attacker.example';

describe('session and CSRF', { timeout: 120_000 }, () => {
  test('GET /session creates a pre-login session with a CSRF token and a cookie', async () => {
    const browser = newBrowser();
    const reply = await browser.get(API_PATHS.session);
    assert.equal(reply.status, 200);
    const body = reply.body as SessionResponse;
    assert.equal(body.authenticated, false);
    assert.equal(body.user, undefined);
    assert.ok(body.csrfToken.length >= 16, 'a CSRF token of some length');
    assert.ok(browser.cookies.size > 0, 'a session cookie is set');
    const again = (await browser.get(API_PATHS.session)).body as SessionResponse;
    assert.equal(again.csrfToken, body.csrfToken, 'the same session keeps its token');
    const other = await newBrowser().session();
    assert.notEqual(other.csrfToken, body.csrfToken, 'another session has another token');
  });

  test('the session cookie is HttpOnly and SameSite', async () => {
    const response = await fetch(`${newBrowser().settings.baseUrl}${API_PATHS.session}`, { headers: { Origin: newBrowser().settings.origin } });
    await response.text();
    const cookies = response.headers.getSetCookie();
    assert.ok(cookies.length > 0, 'a cookie is set');
    for (const cookie of cookies) {
      assert.match(cookie, /;\s*HttpOnly/i, `${cookie.split('=')[0]} is HttpOnly`);
      assert.match(cookie, /;\s*SameSite=(Lax|Strict|None)/i, `${cookie.split('=')[0]} has SameSite`);
    }
  });

  test('a POST without the CSRF token is refused with 403 csrf_failed', async () => {
    const browser = newBrowser();
    await browser.session();
    const reply = await browser.login(uniqueEmail('nocsrf'), newPassword(), { csrf: false });
    assert.equal(reply.status, 403);
    assert.equal(reply.code, 'csrf_failed');
  });

  test("a POST with another session's token, or without a session, is refused", async () => {
    const victim = newBrowser();
    const attacker = newBrowser();
    const attackerSession = await attacker.session();
    await victim.session();
    const foreign = await victim.login(uniqueEmail('foreign'), newPassword(), { csrf: attackerSession.csrfToken });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.code, 'csrf_failed');
    const cookieless = await newBrowser().login(uniqueEmail('cookieless'), newPassword(), { csrf: attackerSession.csrfToken, withoutCookies: true });
    assert.equal(cookieless.status, 403);
    assert.equal(cookieless.code, 'csrf_failed');
  });

  test('a POST from a cross-site Origin is refused with 403, even with a valid token', async () => {
    const browser = newBrowser();
    await browser.session();
    const reply = await browser.login(uniqueEmail('crosssite'), newPassword(), { origin: CROSS_SITE });
    assert.equal(reply.status, 403);
    assert.equal(reply.code, 'origin_not_allowed');
    const opaque = await browser.login(uniqueEmail('nullorigin'), newPassword(), { origin: 'null' });
    assert.equal(opaque.status, 403);
    assert.equal(opaque.code, 'origin_not_allowed');
  });

  test('a cross-site registration stores nothing and sends no e-mail', async () => {
    const userType = (await userTypeWithDocuments()) ?? (await publicConfig()).userTypes[0]!;
    const browser = newBrowser();
    await browser.session();
    const email = uniqueEmail('crosssite-registration');
    const form = registrationForm(registrationFields(userType, email, newPassword()), await happyUploads(userType));
    const reply = await browser.request('POST', API_PATHS.registration, { form, origin: CROSS_SITE });
    assert.equal(reply.status, 403);
    assert.equal(reply.code, 'origin_not_allowed');
    const withoutToken = await browser.request('POST', API_PATHS.registration, {
      form: registrationForm(registrationFields(userType, email, newPassword()), await happyUploads(userType)),
      csrf: false,
    });
    assert.equal(withoutToken.status, 403);
    assert.equal(withoutToken.code, 'csrf_failed');
    assert.deepEqual(await browser.outbox(email), [], 'no e-mail');
    assert.deepEqual((await browser.registrations()).filter((registration) => registration.email === email), [], 'no registration');
  });

  test('login gives a new session (cookie and CSRF token change); logout ends it on the server', async () => {
    const { email, password } = await activeAccount('session');
    const browser = newBrowser();
    const before = await browser.session();
    const cookiesBefore = browser.cookieHeader();
    const login = await browser.login(email, password);
    assert.equal(login.status, 200, login.text);
    const body = login.body as LoginResponse;
    assert.equal(body.user.email, email);
    assert.equal(body.user.acr, 'basic');
    assert.notEqual(body.csrfToken, before.csrfToken, 'a new CSRF token');
    assert.notEqual(browser.cookieHeader(), cookiesBefore, 'a new session cookie');
    const session = await browser.session();
    assert.equal(session.authenticated, true);
    assert.deepEqual(session.user, { email, acr: 'basic' });

    // The pre-login token is dead: the new session only takes the new token.
    const stale = await browser.post(API_PATHS.logout, undefined, { csrf: before.csrfToken });
    assert.equal(stale.status, 403);
    assert.equal(stale.code, 'csrf_failed');

    const loggedInCookies = browser.cookieHeader()!;
    const logout = await browser.post(API_PATHS.logout);
    assert.equal(logout.status, 204);
    assert.equal((await browser.session()).authenticated, false);

    // Replaying the old cookie does not bring the session back.
    const replay = newBrowser();
    for (const pair of loggedInCookies.split('; ')) {
      const [name, ...value] = pair.split('=');
      replay.cookies.set(name!, value.join('='));
    }
    assert.equal((await replay.session()).authenticated, false, 'the old cookie no longer authenticates');
  });

  test('registration needs a session too', async () => {
    const userType = (await userTypeWithDocuments()) ?? (await publicConfig()).userTypes[0]!;
    const browser = newBrowser();
    const email = uniqueEmail('nosession');
    const reply = await browser.request('POST', API_PATHS.registration, {
      form: registrationForm(registrationFields(userType, email, newPassword()), await happyUploads(userType)),
      csrf: 'made-up-token',
    });
    assert.equal(reply.status, 403);
    assert.equal(reply.code, 'csrf_failed');
    // And the happy path still works for the same e-mail afterwards.
    await register(newBrowser(), 'nosession', { email });
  });
});
