/**
 * Schema migrations on a database made by an earlier version: migration 4
 * makes the sessions table again so `acr` may be `substantial` (a card's
 * authentication certificate, issue 13). Sessions survive it; nothing else
 * changes.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { closeDatabase, openDatabase } from '../src/sqlite.ts';
import { MIGRATIONS, Store } from '../src/store.ts';

test('a version-3 database: its sessions are kept, a session may now have acr substantial, and its challenges are dropped', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'egov-migrations-'));
  try {
    const file = join(dir, 'egov.db');
    const old = await openDatabase({ file }, MIGRATIONS.slice(0, 3));
    await old.batch(
      [
        `INSERT INTO accounts (id, email, password_hash, state, created_at, updated_at) VALUES (1, 'petar@example.test', '', 'active', 1, 1)`,
        `INSERT INTO sessions (id_hash, csrf_token, account_id, acr, created_at, last_seen_at) VALUES ('s-high', 'c1', 1, 'high', 10, 20)`,
        `INSERT INTO sessions (id_hash, csrf_token, account_id, acr, created_at, last_seen_at) VALUES ('s-anonymous', 'c2', NULL, NULL, 11, 21)`,
        `INSERT INTO certificate_challenges (nonce_hash, session_id_hash, created_at, expires_at) VALUES ('n1', 's-anonymous', 11, 300011)`,
      ],
      'write',
    );
    await assert.rejects(
      old.execute(`INSERT INTO sessions (id_hash, csrf_token, account_id, acr, created_at, last_seen_at) VALUES ('s-x', 'c', 1, 'substantial', 1, 1)`),
      /CHECK constraint failed/,
      'version 3 refuses substantial',
    );
    await closeDatabase(old, true);

    const store = await Store.open({ dataDir: dir });
    try {
      const high = await store.findSession('s-high');
      assert.equal(high?.acr, 'high');
      assert.equal(high?.accountId, 1);
      assert.equal(high?.csrfToken, 'c1');
      assert.equal((await store.findSession('s-anonymous'))?.acr, null);
      await store.insertSession({ idHash: 's-substantial', csrfToken: 'c3', accountId: 1, acr: 'substantial', createdAt: 30, lastSeenAt: 30 });
      assert.equal((await store.findSession('s-substantial'))?.acr, 'substantial');
      await assert.rejects(
        store.insertSession({ idHash: 's-bad', csrfToken: 'c4', accountId: 1, acr: 'very-high' as 'high', createdAt: 30, lastSeenAt: 30 }),
        /CHECK constraint failed/,
        'still only the three levels',
      );
      // Deleting an account still deletes its sessions (the foreign key survived the new table).
      await store.deleteAccounts([1]);
      assert.equal(await store.findSession('s-high'), null);
    } finally {
      await store.close();
    }
    const after = await openDatabase({ file }, MIGRATIONS);
    try {
      assert.equal(Number((await after.execute('PRAGMA user_version')).rows[0]![0]), MIGRATIONS.length);
      assert.equal(Number((await after.execute('SELECT COUNT(*) AS n FROM certificate_challenges')).rows[0]![0]), 0, 'the pending challenges went with the old table');
      assert.deepEqual((await after.execute('PRAGMA foreign_key_check')).rows, [], 'no dangling reference');
    } finally {
      await closeDatabase(after, true);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
