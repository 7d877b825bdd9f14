import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { API_PATHS, DEV_TOKEN_HEADER, REVIEWER_TOKEN_HEADER, apiPath } from '@egov/auth-widgets/contract';
import { Browser, DEV_TOKEN, REVIEWER_TOKEN, errorCode, request, startServer, type TestServer } from './helpers.ts';
import { approve, confirm, foreignFields, latest, passphrase, passportPdf, pendingAccount, register, registrationOf, registrations, reviewerHeaders, tokenOf, uniqueEmail } from './fixtures.ts';

describe('reviewer operations with a reviewer token', () => {
  let server: TestServer;
  let browser: Browser;
  let id: string;
  let documentUrl: string;

  before(async () => {
    server = await startServer({ allowedOrigins: ['https://reviewer.example'] });
    browser = new Browser(server.api);
    const { email } = await pendingAccount(server, browser, 'review');
    const registration = await registrationOf(server, email);
    id = registration.id;
    documentUrl = `${server.api}${apiPath(API_PATHS.devRegistrationDocument, { id, documentId: registration.documents[0]!.id })}`;
  });
  after(() => server.cleanup());

  test('refuse a missing or wrong reviewer token with 403 forbidden', async () => {
    for (const headers of [{ [DEV_TOKEN_HEADER]: DEV_TOKEN }, reviewerHeaders('guess'), reviewerHeaders(`${REVIEWER_TOKEN}x`)]) {
      const list = await request(`${server.api}${API_PATHS.devRegistrations}`, { headers });
      assert.equal(list.status, 403);
      assert.equal(errorCode(list), 'forbidden');
      const approval = await browser.post(apiPath(API_PATHS.devApproveRegistration, { id }), {}, { headers });
      assert.equal(approval.status, 403);
    }
    assert.ok((await registrations(server, 'pending_review')).some((r) => r.id === id), 'still pending review');
  });

  test('need the development token too, when one is set (401)', async () => {
    const reply = await request(`${server.api}${API_PATHS.devRegistrations}`, { headers: { [REVIEWER_TOKEN_HEADER]: REVIEWER_TOKEN } });
    assert.equal(reply.status, 401);
    assert.equal(errorCode(reply), 'unauthenticated');
    assert.equal((await request(`${server.api}${API_PATHS.devOutbox}`)).status, 401, 'the outbox needs the development token');
  });

  test('a document is never served without the reviewer token; with it, only as an attachment', async () => {
    const anonymous = await request(documentUrl);
    assert.equal(anonymous.status, 403);
    assert.equal(anonymous.headers['content-disposition'], undefined);
    assert.match(String(anonymous.headers['content-type']), /^application\/json/);
    const reviewer = await request(documentUrl, { headers: reviewerHeaders() });
    assert.equal(reviewer.status, 200);
    assert.match(String(reviewer.headers['content-disposition']), /^attachment; /);
    assert.equal(reviewer.headers['cross-origin-resource-policy'], 'same-origin');
    assert.equal(reviewer.headers['cache-control'], 'no-store');
  });

  test('approving needs the CSRF token like every POST', async () => {
    const reply = await browser.post(apiPath(API_PATHS.devApproveRegistration, { id }), {}, { headers: reviewerHeaders(), csrf: false });
    assert.equal(errorCode(reply), 'csrf_failed');
    assert.equal((await approve(browser, id)).status, 200);
  });

  test('a preflight from an allowed site may send the reviewer token header', async () => {
    const reply = await request(`${server.api}${API_PATHS.devRegistrations}`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://reviewer.example', 'Access-Control-Request-Method': 'GET' },
    });
    assert.equal(reply.status, 204);
    assert.match(String(reply.headers['access-control-allow-headers']), /X-Egov-Reviewer-Token/);
  });
});

test('the approval e-mail links to the site\'s login page, in the registration\'s language', async () => {
  const server = await startServer({ siteUrl: 'https://portal.example/sr/' });
  try {
    const browser = new Browser(server.api);
    const email = uniqueEmail('approved');
    assert.equal((await register(browser, foreignFields(email, passphrase(), { locale: 'sr-Cyrl' }), [passportPdf()])).status, 202);
    assert.equal((await confirm(browser, tokenOf(await latest(server, email, 'confirm_email')))).status, 200);
    assert.equal((await approve(browser, (await registrationOf(server, email)).id)).status, 200);
    const message = await latest(server, email, 'account_approved');
    assert.equal(message.link, 'https://portal.example/sr/?locale=sr-Cyrl');
    assert.match(message.text, /Пријавите се овде:\n\nhttps:\/\/portal\.example\/sr\/\?locale=sr-Cyrl/);
  } finally {
    await server.cleanup();
  }
});

describe('reviewer operations are not there', () => {
  test('without a configured reviewer token (404), while the outbox is', async () => {
    const server = await startServer({ reviewerToken: undefined });
    try {
      for (const path of [API_PATHS.devRegistrations, apiPath(API_PATHS.devRegistrationDocument, { id: 'a', documentId: 'b' })]) {
        const reply = await request(`${server.api}${path}`, { headers: reviewerHeaders() });
        assert.equal(reply.status, 404, path);
        assert.equal(errorCode(reply), 'not_found');
      }
      const approval = await new Browser(server.api).post(apiPath(API_PATHS.devApproveRegistration, { id: 'a' }), {}, { headers: reviewerHeaders() });
      assert.equal(approval.status, 404);
      assert.equal((await request(`${server.api}${API_PATHS.devOutbox}`, { headers: { [DEV_TOKEN_HEADER]: DEV_TOKEN } })).status, 200);
    } finally {
      await server.cleanup();
    }
  });

  test('with development operations off and a reviewer token: the reviewer works, nothing of development comes along', async () => {
    const server = await startServer({ dev: { enabled: false }, reviewerToken: REVIEWER_TOKEN });
    try {
      const listed = await request(`${server.api}${API_PATHS.devRegistrations}`, { headers: { [REVIEWER_TOKEN_HEADER]: REVIEWER_TOKEN } });
      assert.equal(listed.status, 200, listed.text);
      assert.equal((await request(`${server.api}${API_PATHS.devRegistrations}`)).status, 403, 'still needs the token');
      // No account seeding, no outbox, no test keys, no test PKI.
      for (const path of [API_PATHS.devOutbox, API_PATHS.devTestTokens]) {
        assert.equal((await request(`${server.api}${path}`, { headers: reviewerHeaders() })).status, 404, path);
      }
      const seeded = await new Browser(server.api).post(API_PATHS.devAccounts, { email: 'x@x.rs', password: 'a-long-enough-passphrase', state: 'active' }, { headers: reviewerHeaders() });
      assert.equal(seeded.status, 404);
      const config = await request(`${server.api}${API_PATHS.config}`);
      assert.deepEqual(config.json.loginModes, ['password'], 'the test PKI is not trusted');
    } finally {
      await server.cleanup();
    }
  });
});
