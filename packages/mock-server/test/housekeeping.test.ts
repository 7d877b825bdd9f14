import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Browser, createAccount, manualClock, startServer, type TestServer } from './helpers.ts';
import {
  confirm,
  footprint,
  foreignFields,
  latest,
  passphrase,
  passportPdf,
  photoJpeg,
  register,
  registrations,
  tokenOf,
  uniqueEmail,
  uploadedFiles,
} from './fixtures.ts';

const HOUR = 60 * 60_000;
const clock = manualClock();
let server: TestServer;

before(async () => {
  server = await startServer({ clock: clock.now });
});
after(() => server.cleanup());

test('registrations unconfirmed after 48 hours are deleted with their files; others stay', async () => {
  const abandoned = uniqueEmail('abandoned');
  const confirmed = uniqueEmail('confirmed');
  await createAccount(server, { email: 'dev.unconfirmed@example.test', password: passphrase(), state: 'unconfirmed' });
  for (const email of [abandoned, confirmed]) {
    assert.equal((await register(new Browser(server.api), foreignFields(email, passphrase()), [passportPdf(), photoJpeg()])).status, 202);
  }
  assert.equal((await confirm(new Browser(server.api), tokenOf(await latest(server, confirmed, 'confirm_email')))).status, 200);
  const filesBefore = uploadedFiles(server);
  assert.equal(filesBefore.length, 4);

  clock.advance(47 * HOUR);
  assert.equal((await server.mock.housekeeping()).abandonedRegistrations, 0, 'not yet');
  clock.advance(HOUR + 1);
  const report = await server.mock.housekeeping();
  assert.equal(report.abandonedRegistrations, 1);
  assert.equal(report.removedFiles, 2);

  assert.deepEqual((await registrations(server)).map((r) => r.email), [confirmed]);
  assert.equal(uploadedFiles(server).length, 2);
  const store = await server.mock.store();
  assert.equal(await store.findAccountByEmail(abandoned), null);
  assert.equal((await store.findAccountByEmail('dev.unconfirmed@example.test'))?.state, 'unconfirmed', 'an account without a registration is not purged');
  assert.equal(await store.count('documents'), 2);
  assert.ok(server.logs.some((entry) => entry.event === 'abandoned_registrations_deleted' && entry.count === 1));

  // The address is free again.
  assert.equal((await register(new Browser(server.api), foreignFields(abandoned, passphrase()), [passportPdf()])).status, 202);
  assert.equal((await registrations(server)).length, 2);
});

test('at startup, upload files no row refers to are deleted; referenced ones and foreign files are kept', async () => {
  const referenced = uploadedFiles(server);
  assert.ok(referenced.length > 0);
  await server.close();
  const uploads = join(server.dataDir, 'uploads');
  writeFileSync(join(uploads, 'deadbeefdeadbeefdeadbeefdeadbeef'), '%PDF-1.4 left behind by a crash');
  writeFileSync(join(uploads, 'README.txt'), 'not ours');
  const restarted = await startServer({ clock: clock.now, dataDir: server.dataDir });
  try {
    assert.deepEqual(uploadedFiles(restarted).sort(), [...referenced, 'README.txt'].sort());
    assert.ok(restarted.logs.some((entry) => entry.event === 'orphan_uploads_removed' && entry.count === 1));
    assert.equal((await footprint(restarted)).documents, referenced.length);
  } finally {
    await restarted.close();
  }
});
