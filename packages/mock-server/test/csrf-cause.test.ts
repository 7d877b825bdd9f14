/**
 * A `csrf_failed` says why (`error.cause`), so the kit can tell the site's
 * developers that the browser did not send the session cookie — the usual
 * deployment mistake, a page on another site than the API — instead of a
 * bare "something went wrong".
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { API_PATHS, CSRF_FAILURE_CAUSES, CSRF_HEADER, type ErrorBody } from '@egov/auth-widgets/contract';
import { Browser, createAccount, errorCode, request, startServer, type Reply, type TestServer } from './helpers.ts';

const PASSWORD = 'csrf-cause-passphrase-1';
const PAGE = 'http://localhost:5173';
const LOGIN = { email: 'cause@x.rs', password: PASSWORD };

function causeOf(reply: Reply): string | undefined {
  return (reply.json as unknown as Partial<ErrorBody>).error?.cause;
}

describe('csrf_failed causes', () => {
  let server: TestServer;

  before(async () => {
    server = await startServer({ allowedOrigins: [PAGE] });
    await createAccount(server, { email: LOGIN.email, password: PASSWORD });
  });
  after(() => server.cleanup());

  /** A POST as a browser sends it when it kept no cookie: the token from GET /session, no Cookie header. */
  async function postWithoutCookie(secFetchSite: string | undefined): Promise<Reply> {
    const session = new Browser(server.api);
    await session.session();
    const body = JSON.stringify(LOGIN);
    return request(`${server.api}${API_PATHS.passwordLogin}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
        Origin: PAGE,
        [CSRF_HEADER]: session.csrfToken!,
        ...(secFetchSite ? { 'Sec-Fetch-Site': secFetchSite } : {}),
      },
      body,
    });
  }

  test('no session cookie from another site: cross_site', async () => {
    const reply = await postWithoutCookie('cross-site');
    assert.equal(reply.status, 403, reply.text);
    assert.equal(errorCode(reply), 'csrf_failed');
    assert.equal(causeOf(reply), 'cross_site');
    assert.equal(reply.headers['access-control-allow-origin'], PAGE, 'the allow-listed page can read why');
  });

  test('no session cookie from the same site (or a browser that does not say): no_session_cookie', async () => {
    for (const site of ['same-site', 'same-origin', undefined]) {
      const reply = await postWithoutCookie(site);
      assert.equal(reply.status, 403, reply.text);
      assert.equal(errorCode(reply), 'csrf_failed');
      assert.equal(causeOf(reply), 'no_session_cookie', String(site));
    }
  });

  test('a cookie naming no live session: unknown_session', async () => {
    const browser = new Browser(server.api);
    await browser.session();
    browser.cookie = 'A'.repeat(43);
    const reply = await browser.post(API_PATHS.passwordLogin, LOGIN, { headers: { Origin: PAGE, 'Sec-Fetch-Site': 'cross-site' } });
    assert.equal(reply.status, 403, reply.text);
    assert.equal(causeOf(reply), 'unknown_session');
  });

  test('the session is there but the token is missing or another one: token_mismatch', async () => {
    const browser = new Browser(server.api);
    await browser.session();
    assert.equal(causeOf(await browser.post(API_PATHS.passwordLogin, LOGIN, { csrf: false })), 'token_mismatch');
    assert.equal(causeOf(await browser.post(API_PATHS.passwordLogin, LOGIN, { csrf: 'another-sessions-token' })), 'token_mismatch');
  });

  test('every cause is in the contract, and the right cookie and token still log in', async () => {
    assert.deepEqual([...CSRF_FAILURE_CAUSES].sort(), ['cross_site', 'no_session_cookie', 'token_mismatch', 'unknown_session']);
    const browser = new Browser(server.api);
    const reply = await browser.post(API_PATHS.passwordLogin, LOGIN, { headers: { Origin: PAGE, 'Sec-Fetch-Site': 'same-site' } });
    assert.equal(reply.status, 200, reply.text);
    assert.equal(causeOf(reply), undefined);
  });
});
