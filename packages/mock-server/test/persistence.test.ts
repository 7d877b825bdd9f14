import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { Browser, createAccount, errorCode, manualClock, startServer, type TestServer } from './helpers.ts';
import {
  approve,
  confirm,
  foreignFields,
  latest,
  outbox,
  passphrase,
  passportPdf,
  photoJpeg,
  register,
  registrationOf,
  tokenOf,
  uniqueEmail,
  uploadedFiles,
} from './fixtures.ts';

const PASSWORD = 'survives-a-restart-1';

let second: TestServer | undefined;
after(() => second?.cleanup());

test('accounts, sessions and throttle counters survive a restart', async () => {
  const clock = manualClock();
  const first = await startServer({ clock: clock.now });
  await createAccount(first, { email: 'kept@x.rs', password: PASSWORD });
  const browser = new Browser(first.api);
  assert.equal((await browser.login('kept@x.rs', PASSWORD)).status, 200);
  const attacker = new Browser(first.api);
  for (let i = 0; i < 5; i += 1) assert.equal((await attacker.login('locked@x.rs', 'guess')).status, 401);
  await first.close();

  second = await startServer({ clock: clock.now, dataDir: first.dataDir });
  assert.notEqual(second.url, first.url, 'a new server on a new port');
  browser.api = second.api;
  attacker.api = second.api;

  const session = await browser.session();
  assert.equal(session.authenticated, true, 'the session is still valid');
  assert.deepEqual(session.user, { email: 'kept@x.rs', acr: 'basic' });

  const fresh = new Browser(second.api);
  assert.equal((await fresh.login('kept@x.rs', PASSWORD)).status, 200, 'the account still logs in');
  assert.equal(errorCode(await attacker.login('locked@x.rs', 'guess')), 'throttled', 'the counter was kept');
});

test('a registration survives a restart: its link confirms, the reviewer approves, it logs in', async () => {
  const first = await startServer();
  const email = uniqueEmail('restart');
  const password = passphrase();
  assert.equal((await register(new Browser(first.api), foreignFields(email, password), [passportPdf(), photoJpeg()])).status, 202);
  const token = tokenOf(await latest(first, email, 'confirm_email'));
  await first.close();

  const restarted = await startServer({ dataDir: first.dataDir });
  try {
    const browser = new Browser(restarted.api);
    assert.equal((await confirm(browser, token)).json.accountState, 'pending_review');
    const registration = await registrationOf(restarted, email);
    assert.equal(registration.documents.length, 2);
    assert.equal(uploadedFiles(restarted).length, 2, 'the documents are still on disk (not taken for orphans)');
    assert.equal((await approve(browser, registration.id)).status, 200);
    assert.equal((await browser.login(email, password)).status, 200);
    assert.equal((await outbox(restarted, email)).length, 2, 'the outbox survives too');
  } finally {
    await restarted.cleanup();
  }
});
