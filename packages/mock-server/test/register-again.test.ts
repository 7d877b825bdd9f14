import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Browser, errorCode, startServer, type TestServer } from './helpers.ts';
import {
  approve,
  confirm,
  footprint,
  foreignFields,
  latest,
  outbox,
  passphrase,
  passportPdf,
  pdf,
  pendingAccount,
  photoJpeg,
  register,
  registrationOf,
  reject,
  tokenOf,
  uploadedFiles,
} from './fixtures.ts';

// Issue 12, item 8: a rejected registration is not a dead end. Its owner is
// told the reviewer's reason and that they may register again with the same
// address; the new registration replaces the rejected one (rows and files).

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server.cleanup());

/** A registration rejected by the reviewer, in Serbian Cyrillic. */
async function rejected(label: string): Promise<{ email: string; password: string; files: string[] }> {
  const browser = new Browser(server.api);
  const account = await pendingAccount(server, browser, label);
  const registration = await registrationOf(server, account.email);
  assert.equal((await reject(browser, registration.id, 'The scan of page 2 is unreadable.')).status, 200);
  return { ...account, files: uploadedFiles(server) };
}

test('the rejection e-mail gives the reason as the reviewer wrote it, and the way forward with a link', async () => {
  const { email } = await rejected('told');
  const message = await latest(server, email, 'account_rejected');
  assert.match(message.text, /as the authorized person wrote it:\nThe scan of page 2 is unreadable\./);
  assert.match(message.text, /You can register again with the same e-mail address/);
  assert.match(message.text, /^http:\/\/\S+\?locale=en$/m, 'a link to the login page, in the message’s language');
});

test('register → reject → register again with the same address: a new registration replaces the rejected one', async () => {
  const { email, files: before } = await rejected('again');
  const browser = new Browser(server.api);
  const oldId = (await registrationOf(server, email)).id;
  const counts = await footprint(server);

  const newPassword = passphrase();
  const reply = await register(browser, foreignFields(email, newPassword), [{ filename: 'all-pages.pdf', contentType: 'application/pdf', content: pdf(900) }]);
  assert.equal(reply.status, 202);

  // The owner gets a confirmation link, not "already registered".
  const kinds = (await outbox(server, email)).map((message) => message.kind);
  assert.equal(kinds.at(-1), 'confirm_email');
  assert.ok(!kinds.includes('already_registered'));

  // The rejected account, its registration, its two documents and their files are gone; the new one is there.
  const after = await footprint(server);
  assert.equal(after.accounts, counts.accounts, 'one account replaced by one');
  assert.equal(after.registrations, counts.registrations);
  assert.equal(after.documents, counts.documents - 2 + 1);
  assert.equal(after.files, counts.files - 2 + 1);
  const fresh = await registrationOf(server, email);
  assert.notEqual(fresh.id, oldId);
  assert.equal(fresh.state, 'unconfirmed');
  assert.equal(fresh.documents.length, 1);
  const removed = before.filter((file) => !uploadedFiles(server).includes(file));
  assert.equal(removed.length, 2, 'exactly the rejected registration’s two files left the disk');

  // The old password no longer opens it; the new one meets "not confirmed" until the link is used…
  assert.equal(errorCode(await browser.login(email, newPassword)), 'email_not_confirmed');
  assert.equal((await confirm(browser, tokenOf(await latest(server, email, 'confirm_email')))).json.accountState, 'pending_review');
  // …and a reviewer decides on the new documents.
  assert.equal((await approve(browser, fresh.id)).status, 200);
  assert.equal((await browser.login(email, newPassword)).status, 200);
});

test('an account that is not rejected (here: awaiting review) is never replaced', async () => {
  const browser = new Browser(server.api);
  const pending = await pendingAccount(server, browser, 'standing');
  const before = await footprint(server);
  assert.equal((await register(browser, foreignFields(pending.email, passphrase()), [passportPdf(), photoJpeg()])).status, 202);
  assert.equal((await latest(server, pending.email, 'already_registered')).kind, 'already_registered');
  const after = await footprint(server);
  assert.deepEqual({ ...after, messages: 0 }, { ...before, messages: 0 }, 'no row or file changed');
  assert.equal((await registrationOf(server, pending.email)).state, 'pending_review');
  assert.equal(errorCode(await browser.login(pending.email, pending.password)), 'pending_review');
});
