import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { API_PATHS } from '@egov/auth-widgets/contract';
import { Browser, createAccount, startServer, type TestServer } from './helpers.ts';
import { FOREIGNER_NUMBER, confirm, foreignFields, latest, pdf, register, tokenOf } from './fixtures.ts';

const PASSWORD = 'Grep-For-Me-Passphrase-42';
const WRONG_PASSWORD = 'Also-Not-Stored-Guess-17';
const REGISTRATION_PASSWORD = 'tangerine glacier whistle ballot';
const RESET_PASSWORD = 'cobalt orchard lantern ripple';
/** Text inside an uploaded document: it may be in the upload file, nowhere else. */
const DOCUMENT_CONTENT = `DOCUMENT-CONTENT-${randomBytes(8).toString('hex')}`;

let server: TestServer;
const cookies: string[] = [];
const csrfTokens: string[] = [];
const linkTokens: string[] = [];
const links: string[] = [];

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

  // A registration with a document, its confirmation, and a password reset.
  const registering = new Browser(server.api);
  const reply = await register(registering, foreignFields('registrant@x.rs', REGISTRATION_PASSWORD), [
    { filename: 'passport.pdf', content: pdf(2000, `(${DOCUMENT_CONTENT})\n`) },
  ]);
  assert.equal(reply.status, 202, reply.text);
  const confirmation = await latest(server, 'registrant@x.rs', 'confirm_email');
  await confirm(registering, tokenOf(confirmation));
  await registering.post(API_PATHS.passwordResetRequest, { email: 'secret.keeper@x.rs' });
  const reset = await latest(server, 'secret.keeper@x.rs', 'password_reset');
  await registering.post(API_PATHS.passwordResetComplete, { token: tokenOf(reset), password: RESET_PASSWORD });
  for (const message of [confirmation, reset]) {
    linkTokens.push(tokenOf(message));
    links.push(message.link!);
  }
  // Closing checkpoints the write-ahead log into the database file; both are searched anyway.
  await server.close();
});
after(() => server.cleanup());

function bytesOf(names: (name: string) => boolean): Buffer {
  return Buffer.concat(
    readdirSync(server.dataDir)
      .filter(names)
      .map((name) => readFileSync(join(server.dataDir, name))),
  );
}

function assertAbsent(bytes: Buffer, secret: string, where: string): void {
  for (const encoded of [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le'), Buffer.from(Buffer.from(secret).toString('base64'))]) {
    assert.equal(bytes.indexOf(encoded), -1, `${secret.slice(0, 8)}… found in ${where}`);
  }
}

test('the store holds no password, session id, link token or document content', () => {
  const bytes = bytesOf((name) => name.startsWith('egov.db'));
  assert.ok(bytes.length > 0);
  for (const secret of [PASSWORD, WRONG_PASSWORD, REGISTRATION_PASSWORD, RESET_PASSWORD, ...cookies, ...linkTokens, DOCUMENT_CONTENT]) {
    assertAbsent(bytes, secret, 'the store');
  }
  assert.ok(bytes.includes(Buffer.from('$scrypt$ln=15,r=8,p=1$')), 'passwords are stored as scrypt hashes');
});

test('the outbox (the mail spool) holds the links it sent, but no password or document content', () => {
  const bytes = bytesOf((name) => name.startsWith('outbox.db'));
  for (const link of links) assert.ok(bytes.includes(Buffer.from(link)), 'the link is in the message');
  for (const secret of [PASSWORD, REGISTRATION_PASSWORD, RESET_PASSWORD, DOCUMENT_CONTENT]) assertAbsent(bytes, secret, 'the outbox');
});

test('the uploaded document is on disk under its generated name, and nothing else is', () => {
  const dir = join(server.dataDir, 'uploads');
  const files = readdirSync(dir);
  assert.equal(files.length, 1);
  const content = readFileSync(join(dir, files[0]!));
  assert.ok(content.includes(Buffer.from(DOCUMENT_CONTENT)));
  for (const secret of [REGISTRATION_PASSWORD, ...linkTokens]) assertAbsent(content, secret, 'the upload');
});

test('the log has one line per event and no password, token, link, personal number, document content or full e-mail', () => {
  const events = server.logs.map((entry) => entry.event);
  for (const event of [
    'login_failed',
    'login_refused',
    'login_succeeded',
    'logout',
    'registration_created',
    'email_sent',
    'email_confirmed',
    'password_reset_requested',
    'password_reset_completed',
  ]) {
    assert.ok(events.includes(event), event);
  }
  const text = server.logs.map((entry) => JSON.stringify(entry)).join('\n');
  for (const secret of [
    PASSWORD,
    WRONG_PASSWORD,
    REGISTRATION_PASSWORD,
    RESET_PASSWORD,
    ...cookies,
    ...csrfTokens,
    ...linkTokens,
    ...links,
    DOCUMENT_CONTENT,
    FOREIGNER_NUMBER,
    'C4X9T2K71',
    'Mileva',
    'secret.keeper@x.rs',
    'nobody.known@x.rs',
    'registrant@x.rs',
  ]) {
    assert.ok(!text.includes(secret), `${secret.slice(0, 8)}… found in the log`);
  }
  const success = server.logs.find((entry) => entry.event === 'login_succeeded')!;
  assert.equal(success.account, 's***@x.rs');
  assert.match(String(success.accountFingerprint), /^[0-9a-f]{16}$/);
});
