import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { API_PATHS } from '@egov/auth-widgets/contract';
import { Browser, createAccount, startServer, type TestServer } from './helpers.ts';

const PASSWORD = 'Grep-For-Me-Passphrase-42';
const WRONG_PASSWORD = 'Also-Not-Stored-Guess-17';

let server: TestServer;
const cookies: string[] = [];
const csrfTokens: string[] = [];

before(async () => {
  server = await startServer();
  await createAccount(server, { email: 'secret.keeper@x.rs', password: PASSWORD });
  await createAccount(server, { email: 'pending.keeper@x.rs', password: PASSWORD, state: 'pending_review' });
  const browser = new Browser(server.api);
  await browser.session();
  cookies.push(browser.cookie!);
  csrfTokens.push(browser.csrfToken!);
  await browser.login('secret.keeper@x.rs', WRONG_PASSWORD);
  await browser.login('nobody.known@x.rs', WRONG_PASSWORD);
  await browser.login('pending.keeper@x.rs', PASSWORD);
  await browser.login('secret.keeper@x.rs', PASSWORD);
  cookies.push(browser.cookie!);
  csrfTokens.push(browser.csrfToken!);
  await browser.post(API_PATHS.logout, {});
  // Closing checkpoints the write-ahead log into the database file; both are searched anyway.
  await server.close();
});
after(() => server.cleanup());

function storeBytes(): Buffer {
  return Buffer.concat(readdirSync(server.dataDir).map((name) => readFileSync(join(server.dataDir, name))));
}

test('the store holds no password, session id or password in another encoding', () => {
  const bytes = storeBytes();
  assert.ok(bytes.length > 0);
  for (const secret of [PASSWORD, WRONG_PASSWORD, ...cookies]) {
    assert.equal(bytes.indexOf(Buffer.from(secret, 'utf8')), -1, `${secret.slice(0, 6)}… found in the store`);
    assert.equal(bytes.indexOf(Buffer.from(secret, 'utf16le')), -1);
    assert.equal(bytes.indexOf(Buffer.from(Buffer.from(secret).toString('base64'))), -1);
  }
  assert.ok(bytes.includes(Buffer.from('$scrypt$ln=15,r=8,p=1$')), 'passwords are stored as scrypt hashes');
});

test('the log has one line per auth event and no password, token, session id or full e-mail', () => {
  const events = server.logs.map((entry) => entry.event);
  for (const event of ['login_failed', 'login_refused', 'login_succeeded', 'logout']) assert.ok(events.includes(event), event);
  const text = server.logs.map((entry) => JSON.stringify(entry)).join('\n');
  for (const secret of [PASSWORD, WRONG_PASSWORD, ...cookies, ...csrfTokens, 'secret.keeper@x.rs', 'nobody.known@x.rs']) {
    assert.ok(!text.includes(secret), `${secret.slice(0, 6)}… found in the log`);
  }
  const success = server.logs.find((entry) => entry.event === 'login_succeeded')!;
  assert.equal(success.account, 's***@x.rs');
  assert.match(String(success.accountFingerprint), /^[0-9a-f]{16}$/);
});
