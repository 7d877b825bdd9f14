import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import { createClient, type Client, type InStatement, type Row } from '@libsql/client';
import { ACCOUNT_STATES, type Acr, type AccountState } from '@egov/auth-widgets/contract';
import { KeyedMutex } from './mutex.ts';

/** File name of the database inside a data directory. */
export const DATABASE_FILE = 'egov.db';

export interface AccountRecord {
  id: number;
  /** Normalized (trimmed, lower-cased): the account key. */
  email: string;
  passwordHash: string;
  state: AccountState;
  rejectionReason: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface NewAccount {
  email: string;
  passwordHash: string;
  state: AccountState;
  rejectionReason?: string | null;
}

export interface SessionRecord {
  /** SHA-256 of the cookie value; the value itself is never stored. */
  idHash: string;
  csrfToken: string;
  accountId: number | null;
  acr: Acr | null;
  createdAt: number;
  lastSeenAt: number;
}

/** A session joined with its account, when it has one. */
export interface SessionWithAccount extends SessionRecord {
  account: { email: string; state: AccountState } | null;
}

export interface ThrottleRecord {
  key: string;
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
}

/*
 * Schema migrations, applied in order; PRAGMA user_version records how many
 * ran. Append new ones, never edit a released one.
 */
const MIGRATIONS: readonly (readonly string[])[] = [
  [
    `CREATE TABLE meta (
       key TEXT PRIMARY KEY,
       value TEXT NOT NULL
     )`,
    `CREATE TABLE accounts (
       id INTEGER PRIMARY KEY,
       email TEXT NOT NULL UNIQUE,
       password_hash TEXT NOT NULL,
       state TEXT NOT NULL CHECK (state IN (${ACCOUNT_STATES.map((s) => `'${s}'`).join(', ')})),
       rejection_reason TEXT,
       created_at INTEGER NOT NULL,
       updated_at INTEGER NOT NULL
     )`,
    `CREATE TABLE sessions (
       id_hash TEXT PRIMARY KEY,
       csrf_token TEXT NOT NULL,
       account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
       acr TEXT CHECK (acr IN ('basic', 'high')),
       created_at INTEGER NOT NULL,
       last_seen_at INTEGER NOT NULL
     )`,
    `CREATE INDEX sessions_by_account ON sessions(account_id)`,
    `CREATE TABLE throttle (
       key TEXT PRIMARY KEY,
       failures INTEGER NOT NULL,
       last_failure_at INTEGER NOT NULL,
       locked_until INTEGER NOT NULL
     )`,
  ],
];

export interface StoreOptions {
  /** A directory; the database is `<dataDir>/egov.db`. */
  dataDir?: string;
  /** A libsql URL (`file:…`, or `:memory:` for throwaway use); overrides dataDir. */
  url?: string;
}

function text(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new TypeError(`column ${column} is not text`);
  return value;
}

function nullableText(row: Row, column: string): string | null {
  const value = row[column];
  return value === null || value === undefined ? null : text(row, column);
}

function integer(row: Row, column: string): number {
  const value = row[column];
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new TypeError(`column ${column} is not an integer`);
}

function nullableInteger(row: Row, column: string): number | null {
  const value = row[column];
  return value === null || value === undefined ? null : integer(row, column);
}

function toAccount(row: Row): AccountRecord {
  return {
    id: integer(row, 'id'),
    email: text(row, 'email'),
    passwordHash: text(row, 'password_hash'),
    state: text(row, 'state') as AccountState,
    rejectionReason: nullableText(row, 'rejection_reason'),
    createdAt: integer(row, 'created_at'),
    updatedAt: integer(row, 'updated_at'),
  };
}

function toSession(row: Row): SessionWithAccount {
  const email = nullableText(row, 'account_email');
  return {
    idHash: text(row, 'id_hash'),
    csrfToken: text(row, 'csrf_token'),
    accountId: nullableInteger(row, 'account_id'),
    acr: nullableText(row, 'acr') as Acr | null,
    createdAt: integer(row, 'created_at'),
    lastSeenAt: integer(row, 'last_seen_at'),
    account: email === null ? null : { email, state: text(row, 'account_state') as AccountState },
  };
}

function toThrottle(row: Row): ThrottleRecord {
  return {
    key: text(row, 'key'),
    failures: integer(row, 'failures'),
    lastFailureAt: integer(row, 'last_failure_at'),
    lockedUntil: integer(row, 'locked_until'),
  };
}

/**
 * The reference backend's persistent state in one embedded SQLite database
 * (libsql). Multi-row writes go through `batch`, which libsql runs as one
 * transaction; read-then-write sequences run inside `exclusive`.
 */
export class Store {
  readonly #client: Client;
  readonly #mutex = new KeyedMutex();
  /** Path of the database file, when it is a file. */
  readonly file: string | null;

  private constructor(client: Client, file: string | null) {
    this.#client = client;
    this.file = file;
  }

  static async open(options: StoreOptions): Promise<Store> {
    let url = options.url;
    let file: string | null = null;
    if (!url) {
      if (!options.dataDir) throw new TypeError('Store.open needs dataDir or url');
      // Owner-only: the directory holds password hashes and session data.
      mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
      file = join(options.dataDir, DATABASE_FILE);
      url = pathToFileURL(file).href;
    }
    const created = file !== null && !existsSync(file);
    const client = createClient({ url });
    if (file && created) chmodSync(file, 0o600);
    const store = new Store(client, file);
    try {
      await store.#migrate();
    } catch (error) {
      client.close();
      throw error;
    }
    return store;
  }

  async #migrate(): Promise<void> {
    await this.#client.execute('PRAGMA foreign_keys = ON');
    if (this.file) await this.#client.execute('PRAGMA journal_mode = WAL');
    const version = integer((await this.#client.execute('PRAGMA user_version')).rows[0]!, 'user_version');
    if (version > MIGRATIONS.length) {
      throw new Error(`database schema version ${version} is newer than this server (${MIGRATIONS.length})`);
    }
    for (let index = version; index < MIGRATIONS.length; index += 1) {
      await this.#client.batch([...MIGRATIONS[index]!, `PRAGMA user_version = ${index + 1}`], 'write');
    }
  }

  /** Runs a read-then-write section with no other exclusive section in between. */
  exclusive<T>(section: () => Promise<T>): Promise<T> {
    return this.#mutex.run('store', section);
  }

  /** Folds the write-ahead log into the database file (a cleanly stopped store is one file), then closes. */
  async close(): Promise<void> {
    if (this.#client.closed) return;
    try {
      if (this.file) await this.#client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    } catch {
      // Not fatal: the log is folded in on the next open.
    }
    this.#client.close();
  }

  // --- meta -------------------------------------------------------------

  /** A random secret kept in the database, created on first use (e.g. the log fingerprint key). */
  async secret(name: string): Promise<string> {
    await this.#client.execute({
      sql: 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING',
      args: [`secret:${name}`, randomBytes(32).toString('base64url')],
    });
    const result = await this.#client.execute({ sql: 'SELECT value FROM meta WHERE key = ?', args: [`secret:${name}`] });
    return text(result.rows[0]!, 'value');
  }

  // --- accounts -----------------------------------------------------------

  async findAccountByEmail(email: string): Promise<AccountRecord | null> {
    const result = await this.#client.execute({ sql: 'SELECT * FROM accounts WHERE email = ?', args: [email] });
    return result.rows[0] ? toAccount(result.rows[0]) : null;
  }

  async countAccounts(): Promise<number> {
    const result = await this.#client.execute('SELECT COUNT(*) AS n FROM accounts');
    return integer(result.rows[0]!, 'n');
  }

  /**
   * Creates the account or replaces everything about an existing one with the
   * same e-mail. A replaced account's sessions end, and the given throttle
   * keys are cleared, in the same transaction.
   */
  async upsertAccount(
    account: NewAccount,
    now: number,
    clearThrottleKeys: readonly string[] = [],
  ): Promise<{ account: AccountRecord; created: boolean }> {
    return this.exclusive(async () => {
      const existing = await this.findAccountByEmail(account.email);
      const statements: InStatement[] = [
        {
          sql: `INSERT INTO accounts (email, password_hash, state, rejection_reason, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (email) DO UPDATE SET
                  password_hash = excluded.password_hash,
                  state = excluded.state,
                  rejection_reason = excluded.rejection_reason,
                  updated_at = excluded.updated_at`,
          args: [account.email, account.passwordHash, account.state, account.rejectionReason ?? null, now, now],
        },
        {
          sql: 'DELETE FROM sessions WHERE account_id = (SELECT id FROM accounts WHERE email = ?)',
          args: [account.email],
        },
        ...clearThrottleKeys.map((key) => ({ sql: 'DELETE FROM throttle WHERE key = ?', args: [key] })),
      ];
      await this.#client.batch(statements, 'write');
      const stored = await this.findAccountByEmail(account.email);
      if (!stored) throw new Error('account vanished after upsert');
      return { account: stored, created: existing === null };
    });
  }

  async updatePasswordHash(accountId: number, passwordHash: string, now: number): Promise<void> {
    await this.#client.execute({
      sql: 'UPDATE accounts SET password_hash = ?, updated_at = ? WHERE id = ?',
      args: [passwordHash, now, accountId],
    });
  }

  // --- sessions -----------------------------------------------------------

  async findSession(idHash: string): Promise<SessionWithAccount | null> {
    const result = await this.#client.execute({
      sql: `SELECT s.*, a.email AS account_email, a.state AS account_state
              FROM sessions s LEFT JOIN accounts a ON a.id = s.account_id
             WHERE s.id_hash = ?`,
      args: [idHash],
    });
    return result.rows[0] ? toSession(result.rows[0]) : null;
  }

  async insertSession(session: SessionRecord): Promise<void> {
    await this.#client.execute({
      sql: `INSERT INTO sessions (id_hash, csrf_token, account_id, acr, created_at, last_seen_at)
            VALUES (?, ?, ?, ?, ?, ?)`,
      args: [session.idHash, session.csrfToken, session.accountId, session.acr, session.createdAt, session.lastSeenAt],
    });
  }

  /**
   * Swaps a session for a new one in one transaction (login): the old row is
   * deleted, the new one inserted, and the given throttle keys cleared.
   */
  async replaceSession(oldIdHash: string | null, session: SessionRecord, clearThrottleKeys: readonly string[] = []): Promise<void> {
    const statements: InStatement[] = [];
    if (oldIdHash) statements.push({ sql: 'DELETE FROM sessions WHERE id_hash = ?', args: [oldIdHash] });
    statements.push({
      sql: `INSERT INTO sessions (id_hash, csrf_token, account_id, acr, created_at, last_seen_at)
            VALUES (?, ?, ?, ?, ?, ?)`,
      args: [session.idHash, session.csrfToken, session.accountId, session.acr, session.createdAt, session.lastSeenAt],
    });
    for (const key of clearThrottleKeys) statements.push({ sql: 'DELETE FROM throttle WHERE key = ?', args: [key] });
    await this.#client.batch(statements, 'write');
  }

  async touchSession(idHash: string, now: number): Promise<void> {
    await this.#client.execute({ sql: 'UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?', args: [now, idHash] });
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.#client.execute({ sql: 'DELETE FROM sessions WHERE id_hash = ?', args: [idHash] });
  }

  /** Deletes sessions idle since before `idleBefore` or created before `createdBefore`. */
  async deleteExpiredSessions(idleBefore: number, createdBefore: number): Promise<number> {
    const result = await this.#client.execute({
      sql: 'DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?',
      args: [idleBefore, createdBefore],
    });
    return result.rowsAffected;
  }

  // --- throttle -----------------------------------------------------------

  async findThrottle(keys: readonly string[]): Promise<ThrottleRecord[]> {
    if (keys.length === 0) return [];
    const result = await this.#client.execute({
      sql: `SELECT * FROM throttle WHERE key IN (${keys.map(() => '?').join(', ')})`,
      args: [...keys],
    });
    return result.rows.map(toThrottle);
  }

  async putThrottle(record: ThrottleRecord): Promise<void> {
    await this.#client.execute({
      sql: `INSERT INTO throttle (key, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET
              failures = excluded.failures,
              last_failure_at = excluded.last_failure_at,
              locked_until = excluded.locked_until`,
      args: [record.key, record.failures, record.lastFailureAt, record.lockedUntil],
    });
  }

  async deleteThrottle(keys: readonly string[]): Promise<void> {
    await this.#client.batch(
      keys.map((key) => ({ sql: 'DELETE FROM throttle WHERE key = ?', args: [key] })),
      'write',
    );
  }

  /** Forgets counters whose last failure is older than `before` and that are not locked at `now`. */
  async deleteStaleThrottle(before: number, now: number): Promise<number> {
    const result = await this.#client.execute({
      sql: 'DELETE FROM throttle WHERE last_failure_at < ? AND locked_until <= ?',
      args: [before, now],
    });
    return result.rowsAffected;
  }
}
