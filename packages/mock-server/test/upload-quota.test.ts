/**
 * The disk quota for pending uploads (issue 11, part 3): anyone can register
 * any address, and an unconfirmed registration keeps its documents for 48 h,
 * so random e-mails could fill the disk. Past the quota a registration is
 * refused with 503 before its body is read, and nothing is stored.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { confirm, footprint, foreignFields, latest, passphrase, pdf, register, tokenOf, uniqueEmail, type FilePart } from './fixtures.ts';
import { Browser, errorCode, startServer, type Reply, type TestServer } from './helpers.ts';

const DOCUMENT_BYTES = 10_000;
const document = (): FilePart => ({ filename: 'passport.pdf', contentType: 'application/pdf', content: pdf(DOCUMENT_BYTES) });

function assertBusy(reply: Reply): void {
  assert.equal(reply.status, 503, reply.text);
  assert.equal(errorCode(reply), 'service_busy');
  assert.equal(reply.headers['retry-after'], String(reply.json.error.retryAfter));
  assert.ok(Number(reply.json.error.retryAfter) >= 60);
}

describe('the pending upload quota', () => {
  let server: TestServer;
  before(async () => {
    // Room for two registrations with one document each (a body is the document plus ~1 KB of fields), not three.
    server = await startServer({ pendingUploadQuotaBytes: 2 * DOCUMENT_BYTES + 4_000 });
  });
  after(() => server.cleanup());

  test('fills with unconfirmed registrations, then refuses the next before reading it; confirming one frees its room', async () => {
    const first = uniqueEmail('quota');
    assert.equal((await register(new Browser(server.api), foreignFields(first, passphrase()), [document()])).status, 202);
    assert.equal((await register(new Browser(server.api), foreignFields(uniqueEmail('quota'), passphrase()), [document()])).status, 202);

    const before = await footprint(server);
    assertBusy(await register(new Browser(server.api), foreignFields(uniqueEmail('quota'), passphrase()), [document()]));
    assert.deepEqual(await footprint(server), before, 'a refused registration stores nothing');

    // The owner of the first one confirms: its documents are no longer pending, and there is room again.
    assert.equal((await confirm(new Browser(server.api), tokenOf(await latest(server, first, 'confirm_email')))).status, 200);
    assert.equal((await register(new Browser(server.api), foreignFields(uniqueEmail('quota'), passphrase()), [document()])).status, 202);
  });
});

describe('the quota under parallel registrations', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ pendingUploadQuotaBytes: 2 * DOCUMENT_BYTES + 4_000 });
  });
  after(() => server.cleanup());

  test('six at once into room for two: at most two are stored, the rest get 503', async () => {
    const browsers = Array.from({ length: 6 }, () => new Browser(server.api));
    for (const browser of browsers) await browser.session();
    const replies = await Promise.all(browsers.map((browser) => register(browser, foreignFields(uniqueEmail('rush'), passphrase()), [document()])));
    const accepted = replies.filter((reply) => reply.status === 202).length;
    assert.ok(accepted >= 1 && accepted <= 2, `${accepted} accepted`);
    for (const reply of replies.filter((r) => r.status !== 202)) assertBusy(reply);
    assert.equal((await footprint(server)).documents, accepted);
    assert.equal(await (await server.mock.store()).pendingUploadBytes(), accepted * DOCUMENT_BYTES);
  });
});

test('a quota that is not a whole number of bytes above 0 stops the server', async () => {
  const { createMockServer } = await import('../src/app.ts');
  for (const bad of [0, -1, 1.5, Number.NaN]) {
    assert.throws(() => createMockServer({ dbUrl: ':memory:', pendingUploadQuotaBytes: bad }), RangeError, String(bad));
  }
});
