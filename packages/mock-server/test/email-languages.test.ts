// E-mails in the eight languages (issue 16): every message in every language,
// complete and in its own script; and, across endpoints, the language the
// person started in is the one every later message comes in — whatever
// language the reviewer's browser or a later request speaks.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { API_PATHS, OUTBOX_KINDS } from '@egov/auth-widgets/contract';
import { composeMessage } from '../src/email-messages.ts';
import { EMAIL_LOCALES, SERVER_TEXTS } from '../src/messages/index.ts';
import { closeDatabase, openDatabase } from '../src/sqlite.ts';
import { MIGRATIONS, Store } from '../src/store.ts';
import { Browser, startServer, type TestServer } from './helpers.ts';
import { approve, confirm, foreignFields, latest, passphrase, passportPdf, register, registrationOf, tokenOf, uniqueEmail } from './fixtures.ts';

/** The letters each language is written in (a text without them is not in the language). */
const SCRIPT: Record<string, RegExp> = {
  en: /^[^\u0400-\u04ff\u0600-\u06ff\u4e00-\u9fff]*$/,
  'sr-Cyrl': /[\u0400-\u04ff]/,
  'sr-Latn': /^[^\u0400-\u04ff]*[čćžšđ][^\u0400-\u04ff]*$/i,
  ru: /[ыэъё]/i,
  uk: /[іїєґ]/i,
  'zh-Hans': /[\u4e00-\u9fff]/,
  tr: /[ıığşç]/i,
  ar: /[\u0600-\u06ff]/,
};

const PARAMS = {
  link: 'https://portal.example.gov.rs/confirm?token=AbC_123-xyz',
  reason: 'The passport photo page is not readable.',
  validForMinutes: 1440,
  reviewed: true,
  changedAt: Date.UTC(2030, 0, 1, 12, 30),
};

describe('the e-mails in every language', () => {
  test('the server writes the eight languages of the kit', () => {
    assert.deepEqual([...EMAIL_LOCALES].sort(), ['ar', 'en', 'ru', 'sr-Cyrl', 'sr-Latn', 'tr', 'uk', 'zh-Hans']);
  });

  for (const locale of EMAIL_LOCALES) {
    test(`${locale}: every message has its subject, greeting, body and signature in the language, with the link, the reason and the time as given`, () => {
      for (const kind of OUTBOX_KINDS) {
        const message = composeMessage(kind, locale, PARAMS);
        const english = composeMessage(kind, 'en', PARAMS);
        assert.ok(message.subject.trim(), `${kind}: a subject`);
        assert.match(message.subject + message.text, SCRIPT[locale]!, `${kind}: written in ${locale}`);
        if (locale !== 'en') {
          assert.notEqual(message.subject, english.subject, `${kind}: the subject is translated`);
          assert.notEqual(message.text.split('\n\n')[1], english.text.split('\n\n')[1], `${kind}: the body is translated`);
        }
        // The link is on a line of its own, exactly as sent (nothing around it that a mail client would take along).
        if (english.text.includes(PARAMS.link)) assert.ok(message.text.split('\n').includes(PARAMS.link), `${kind}: the link alone on its line`);
        if (english.text.includes(PARAMS.reason)) assert.ok(message.text.includes(PARAMS.reason), `${kind}: the reason, untouched`);
        if (english.text.includes('13:30')) assert.match(message.text, /13:30/, `${kind}: the time in Belgrade, 24-hour clock`);
        assert.ok(!/undefined|NaN|\[object/.test(message.text), `${kind}: no hole in the text`);
      }
    });
  }

  test('how long a link lasts, with the language’s plural forms', () => {
    const durations = Object.fromEntries(['ru', 'uk', 'ar', 'tr', 'zh-Hans'].map((locale) => [locale, [1, 2, 5, 60, 1440].map((m) => SERVER_TEXTS[locale]!.duration(m))]));
    assert.deepEqual(durations.ru!.slice(0, 3).map((text) => text.replace(/\d+ /, '')), ['минута', 'минуты', 'минут']);
    assert.match(durations.ru![4]!, /^24 часа$/);
    assert.match(durations.uk![2]!, /^5 хвилин$/);
    assert.equal(new Set(durations.tr!.slice(0, 3).map((text) => text.replace(/\d+ /, ''))).size, 1, 'Turkish: singular after a numeral');
    assert.equal(new Set(durations.ar!.slice(0, 3).map((text) => text.replace(/\d+ /, ''))).size, 3, 'Arabic: one, two (dual), few');
  });
});

describe('the language a person started in, across endpoints', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.close();
    await server.cleanup();
  });

  test('registered in Russian: the confirmation, the approval by an English-speaking reviewer and a later reset from a German browser all come in Russian', async () => {
    const person = new Browser(server.api);
    const email = uniqueEmail('ru');
    const password = passphrase();
    assert.equal((await register(person, foreignFields(email, password), [passportPdf()], { 'Accept-Language': 'ru-RU,ru;q=0.9,en;q=0.5' })).status, 202);
    const confirmation = await latest(server, email, 'confirm_email');
    assert.equal(confirmation.locale, 'ru');
    assert.equal(confirmation.subject, SERVER_TEXTS.ru!.confirm_email.subject);
    assert.equal((await confirm(person, tokenOf(confirmation))).status, 200);

    const reviewer = new Browser(server.api);
    const approved = await approve(reviewer, (await registrationOf(server, email)).id);
    assert.equal(approved.status, 200, approved.text);
    assert.equal((await latest(server, email, 'account_approved')).locale, 'ru', 'the reviewer’s language is not the person’s');

    // A reset asked for from a browser in a language the server does not write: the account's language.
    const later = new Browser(server.api);
    assert.equal((await later.post(API_PATHS.passwordResetRequest, { email }, { headers: { 'Accept-Language': 'de-DE,de;q=0.9' } })).status, 202);
    const reset = await latest(server, email, 'password_reset');
    assert.equal(reset.locale, 'ru');
    assert.match(reset.text, /[а-яё]/i);

    // Asked for in Traditional Chinese (which the server does not write): not Simplified, but the account's language.
    assert.equal((await later.post(API_PATHS.passwordResetRequest, { email }, { headers: { 'Accept-Language': 'zh-TW' } })).status, 202);
    assert.equal((await latest(server, email, 'password_reset')).locale, 'ru');

    // Asked for in Arabic, now: the person's language of this request wins for this message.
    assert.equal((await later.post(API_PATHS.passwordResetRequest, { email, locale: 'ar' })).status, 202);
    assert.equal((await latest(server, email, 'password_reset')).locale, 'ar');
  });
});

test('a version-4 database: the accounts keep their language, and the new languages can be stored', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'egov-languages-'));
  try {
    const file = join(dir, 'egov.db');
    const old = await openDatabase({ file }, MIGRATIONS.slice(0, 4));
    await old.batch(
      [
        `INSERT INTO accounts (id, email, password_hash, state, locale, created_at, updated_at) VALUES (1, 'ana@example.test', 'h', 'active', 'sr-Latn', 1, 1)`,
        `INSERT INTO sessions (id_hash, csrf_token, account_id, acr, created_at, last_seen_at) VALUES ('s1', 'c1', 1, 'basic', 10, 20)`,
        `INSERT INTO tokens (hash, account_id, purpose, created_at, expires_at) VALUES ('t1', 1, 'password_reset', 1, 99)`,
      ],
      'write',
    );
    await assert.rejects(old.execute(`UPDATE accounts SET locale = 'ru' WHERE id = 1`), /CHECK constraint failed/, 'version 4 knows three languages');
    await closeDatabase(old, true);

    const store = await Store.open({ dataDir: dir });
    try {
      assert.equal((await store.findAccountByEmail('ana@example.test'))?.locale, 'sr-Latn');
      assert.equal((await store.findSession('s1'))?.accountId, 1, 'the account’s sessions are kept');
      await store.upsertAccount({ email: 'ana@example.test', passwordHash: 'h', state: 'active', locale: 'zh-Hans' }, 2);
      assert.equal((await store.findAccountByEmail('ana@example.test'))?.locale, 'zh-Hans');
    } finally {
      await store.close();
    }
    const after = await openDatabase({ file }, MIGRATIONS);
    try {
      assert.equal(Number((await after.execute('SELECT COUNT(*) FROM tokens')).rows[0]![0]), 1, 'the account’s tokens are kept');
      await assert.rejects(after.execute(`UPDATE accounts SET locale = 'x' WHERE id = 1`), /CHECK constraint failed/, 'still a language tag’s length');
      assert.deepEqual((await after.execute('PRAGMA foreign_key_check')).rows, []);
    } finally {
      await closeDatabase(after, true);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
