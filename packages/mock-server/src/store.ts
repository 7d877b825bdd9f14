import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Client, InStatement, Row } from '@libsql/client';
import {
  ACCOUNT_STATES,
  type Acr,
  type AccountState,
  type DocumentType,
  type RegistrationFieldName,
} from '@egov/auth-widgets/contract';
import type { Locale } from '@egov/auth-widgets/i18n/locales';
import { KeyedMutex } from './mutex.ts';
import { closeDatabase, integer, nullableInteger, nullableText, openDatabase, text, type Migrations } from './sqlite.ts';

/** File name of the database inside a data directory. */
export const DATABASE_FILE = 'egov.db';

export interface AccountRecord {
  id: number;
  /** Normalized (trimmed, lower-cased): the account key. */
  email: string;
  /** Null for an account without a password (registered with a certificate). */
  passwordHash: string | null;
  state: AccountState;
  rejectionReason: string | null;
  /** The language of the e-mails to this account. */
  locale: Locale;
  createdAt: number;
  updatedAt: number;
}

export interface NewAccount {
  email: string;
  passwordHash: string;
  state: AccountState;
  rejectionReason?: string | null;
  locale?: Locale;
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

export const TOKEN_PURPOSES = ['confirm_email', 'password_reset'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** A single-use link token: only its SHA-256 is stored. */
export interface TokenRecord {
  hash: string;
  purpose: TokenPurpose;
  createdAt: number;
  expiresAt: number;
}

export interface StoredToken extends TokenRecord {
  accountId: number;
  usedAt: number | null;
  /** Set when a newer token of the same purpose, or a password change, replaced this one. */
  revokedAt: number | null;
}

export type RegistrationTextFields = Partial<Record<RegistrationFieldName, string>>;

export interface RegistrationRecord {
  /** Random, not sequential: it appears in the reviewer's URLs. */
  id: string;
  accountId: number;
  userType: string;
  fields: RegistrationTextFields;
  noForeignerNumber: boolean;
  createdAt: number;
}

export interface DocumentRecord {
  /** Random, not sequential. */
  id: string;
  registrationId: string;
  /** The generated file name under the uploads directory; never derived from the client's name. */
  storedName: string;
  /** The client's file name, sanitized: display text only. */
  displayName: string;
  /** Sniffed from the content. */
  type: DocumentType;
  size: number;
  /** Order in which the files were sent. */
  position: number;
  createdAt: number;
}

/** A registration with its account's e-mail and state, and its documents (for the reviewer). */
export interface RegistrationView extends RegistrationRecord {
  email: string;
  state: AccountState;
  rejectionReason: string | null;
  locale: Locale;
  documents: DocumentRecord[];
}

/** Everything a registration writes, in one transaction. */
export interface NewRegistration {
  account: { email: string; passwordHash: string; locale: Locale };
  registration: Omit<RegistrationRecord, 'accountId' | 'createdAt'>;
  documents: Omit<DocumentRecord, 'registrationId' | 'createdAt'>[];
  token: TokenRecord;
}

/** Everything a certificate registration writes, in one transaction: no password, no documents. */
export interface NewCertificateRegistration {
  account: { email: string; locale: Locale };
  /** The certificate identity's keyed hash (see `identityKey`). */
  identity: string;
  registration: Omit<RegistrationRecord, 'accountId' | 'createdAt'>;
  token: TokenRecord;
}

/** What a certificate registration found instead of creating an account. */
/** The rejected account(s) a new registration replaced: their documents' files, to remove after the commit. */
export interface Replaced {
  files: string[];
}

export interface ExistingForCertificate {
  /** The account that already has the e-mail, if any. */
  byEmail: AccountRecord | null;
  /** The account that already has the certificate identity, if any. */
  byIdentity: AccountRecord | null;
}

/** A certificate challenge: only the nonce's SHA-256 is stored, with the session it belongs to. */
export interface ChallengeRecord {
  nonceHash: string;
  sessionIdHash: string;
  createdAt: number;
  expiresAt: number;
}

export type CountedTable =
  | 'accounts'
  | 'registrations'
  | 'documents'
  | 'tokens'
  | 'sessions'
  | 'certificate_identities'
  | 'certificate_challenges';

/** What `password_hash` holds for an account without a password (the column is NOT NULL since migration 1). */
const NO_PASSWORD = '';

/*
 * Schema migrations, applied in order; PRAGMA user_version records how many
 * ran. Append new ones, never edit a released one.
 */
export const MIGRATIONS: Migrations = [
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
  [
    `ALTER TABLE accounts ADD COLUMN locale TEXT NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'sr-Latn', 'sr-Cyrl'))`,
    `CREATE TABLE registrations (
       id TEXT PRIMARY KEY,
       account_id INTEGER NOT NULL UNIQUE REFERENCES accounts(id) ON DELETE CASCADE,
       user_type TEXT NOT NULL,
       fields TEXT NOT NULL,
       no_foreigner_number INTEGER NOT NULL,
       created_at INTEGER NOT NULL
     )`,
    `CREATE TABLE documents (
       id TEXT PRIMARY KEY,
       registration_id TEXT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
       stored_name TEXT NOT NULL UNIQUE,
       display_name TEXT NOT NULL,
       type TEXT NOT NULL,
       size INTEGER NOT NULL,
       position INTEGER NOT NULL,
       created_at INTEGER NOT NULL
     )`,
    `CREATE INDEX documents_by_registration ON documents(registration_id)`,
    `CREATE TABLE tokens (
       hash TEXT PRIMARY KEY,
       account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
       purpose TEXT NOT NULL CHECK (purpose IN ('confirm_email', 'password_reset')),
       created_at INTEGER NOT NULL,
       expires_at INTEGER NOT NULL,
       used_at INTEGER,
       revoked_at INTEGER
     )`,
    `CREATE INDEX tokens_by_account ON tokens(account_id, purpose)`,
  ],
  [
    // Certificate login: an account's certificate identities (keyed hashes), and the challenges of sessions.
    `CREATE TABLE certificate_identities (
       identity TEXT PRIMARY KEY,
       account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
       created_at INTEGER NOT NULL
     )`,
    `CREATE INDEX certificate_identities_by_account ON certificate_identities(account_id)`,
    `CREATE TABLE certificate_challenges (
       nonce_hash TEXT PRIMARY KEY,
       session_id_hash TEXT NOT NULL REFERENCES sessions(id_hash) ON DELETE CASCADE,
       created_at INTEGER NOT NULL,
       expires_at INTEGER NOT NULL
     )`,
    `CREATE INDEX certificate_challenges_by_session ON certificate_challenges(session_id_hash, created_at)`,
  ],
  [
    // acr 'substantial' (a card's authentication certificate, where allowed): SQLite cannot change a CHECK, so the
    // table is made again and the sessions copied. Dropping the old one drops the sessions' pending certificate
    // challenges (ON DELETE CASCADE): they live five minutes, and the person asks for a new one.
    `CREATE TABLE sessions_next (
       id_hash TEXT PRIMARY KEY,
       csrf_token TEXT NOT NULL,
       account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
       acr TEXT CHECK (acr IN ('basic', 'substantial', 'high')),
       created_at INTEGER NOT NULL,
       last_seen_at INTEGER NOT NULL
     )`,
    `INSERT INTO sessions_next (id_hash, csrf_token, account_id, acr, created_at, last_seen_at)
       SELECT id_hash, csrf_token, account_id, acr, created_at, last_seen_at FROM sessions`,
    `DROP TABLE sessions`,
    `ALTER TABLE sessions_next RENAME TO sessions`,
    `CREATE INDEX sessions_by_account ON sessions(account_id)`,
  ],
  [
    // Issue 16: e-mails in more languages (ru, uk, zh-Hans, tr, ar). The locale's CHECK named the three of then;
    // SQLite cannot change a CHECK, so the column is made again, held only to the shape of a language tag: the
    // server stores only languages it has e-mails for (messages/), and a new one needs no migration.
    `ALTER TABLE accounts ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (length(language) BETWEEN 2 AND 35)`,
    `UPDATE accounts SET language = locale`,
    `ALTER TABLE accounts DROP COLUMN locale`,
    `ALTER TABLE accounts RENAME COLUMN language TO locale`,
  ],
];

export interface StoreOptions {
  /** A directory; the database is `<dataDir>/egov.db`. */
  dataDir?: string;
  /** A libsql URL (`file:…`, or `:memory:` for throwaway use); overrides dataDir. */
  url?: string;
}

function toAccount(row: Row): AccountRecord {
  return {
    id: integer(row, 'id'),
    email: text(row, 'email'),
    passwordHash: text(row, 'password_hash') === NO_PASSWORD ? null : text(row, 'password_hash'),
    state: text(row, 'state') as AccountState,
    rejectionReason: nullableText(row, 'rejection_reason'),
    locale: text(row, 'locale') as Locale,
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

function toToken(row: Row): StoredToken {
  return {
    hash: text(row, 'hash'),
    accountId: integer(row, 'account_id'),
    purpose: text(row, 'purpose') as TokenPurpose,
    createdAt: integer(row, 'created_at'),
    expiresAt: integer(row, 'expires_at'),
    usedAt: nullableInteger(row, 'used_at'),
    revokedAt: nullableInteger(row, 'revoked_at'),
  };
}

function toRegistration(row: Row): RegistrationRecord {
  return {
    id: text(row, 'id'),
    accountId: integer(row, 'account_id'),
    userType: text(row, 'user_type'),
    fields: JSON.parse(text(row, 'fields')) as RegistrationTextFields,
    noForeignerNumber: integer(row, 'no_foreigner_number') === 1,
    createdAt: integer(row, 'created_at'),
  };
}

function toDocument(row: Row): DocumentRecord {
  return {
    id: text(row, 'id'),
    registrationId: text(row, 'registration_id'),
    storedName: text(row, 'stored_name'),
    displayName: text(row, 'display_name'),
    type: text(row, 'type') as DocumentType,
    size: integer(row, 'size'),
    position: integer(row, 'position'),
    createdAt: integer(row, 'created_at'),
  };
}

const ACCOUNT_BY_EMAIL = '(SELECT id FROM accounts WHERE email = ?)';

function insertTokenStatement(token: TokenRecord, accountIdSql: string, accountIdArg: number | string): InStatement {
  return {
    sql: `INSERT INTO tokens (hash, account_id, purpose, created_at, expires_at) VALUES (?, ${accountIdSql}, ?, ?, ?)`,
    args: [token.hash, accountIdArg, token.purpose, token.createdAt, token.expiresAt],
  };
}

/**
 * The reference backend's persistent state in one embedded SQLite database
 * (libsql). Multi-row writes go through `batch`, which libsql runs as one
 * transaction; read-then-write sequences run inside `exclusive`. Methods
 * that take the exclusive section themselves say so: do not call them from
 * inside one.
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
    if (options.url) return new Store(await openDatabase({ url: options.url }, MIGRATIONS), null);
    if (!options.dataDir) throw new TypeError('Store.open needs dataDir or url');
    const file = join(options.dataDir, DATABASE_FILE);
    return new Store(await openDatabase({ file }, MIGRATIONS), file);
  }

  /** Runs a read-then-write section with no other exclusive section in between. */
  exclusive<T>(section: () => Promise<T>): Promise<T> {
    return this.#mutex.run('store', section);
  }

  /** Folds the write-ahead log into the database file (a cleanly stopped store is one file), then closes. */
  close(): Promise<void> {
    return closeDatabase(this.#client, this.file !== null);
  }

  /** Rows in one table (for tests and diagnostics). */
  async count(table: CountedTable): Promise<number> {
    const result = await this.#client.execute(`SELECT COUNT(*) AS n FROM ${table}`);
    return integer(result.rows[0]!, 'n');
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

  async findAccountById(id: number): Promise<AccountRecord | null> {
    const result = await this.#client.execute({ sql: 'SELECT * FROM accounts WHERE id = ?', args: [id] });
    return result.rows[0] ? toAccount(result.rows[0]) : null;
  }

  countAccounts(): Promise<number> {
    return this.count('accounts');
  }

  /**
   * Creates the account or replaces everything about an existing one with the
   * same e-mail. A replaced account's sessions end, its outstanding link
   * tokens are revoked, and the given throttle keys are cleared, in the same
   * transaction. Takes the exclusive section.
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
          sql: `INSERT INTO accounts (email, password_hash, state, rejection_reason, locale, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (email) DO UPDATE SET
                  password_hash = excluded.password_hash,
                  state = excluded.state,
                  rejection_reason = excluded.rejection_reason,
                  locale = excluded.locale,
                  updated_at = excluded.updated_at`,
          args: [account.email, account.passwordHash, account.state, account.rejectionReason ?? null, account.locale ?? 'en', now, now],
        },
        { sql: `DELETE FROM sessions WHERE account_id = ${ACCOUNT_BY_EMAIL}`, args: [account.email] },
        {
          sql: `UPDATE tokens SET revoked_at = ? WHERE account_id = ${ACCOUNT_BY_EMAIL} AND used_at IS NULL AND revoked_at IS NULL`,
          args: [now, account.email],
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

  /** Deletes accounts with everything that belongs to them (registration, documents' rows, tokens, sessions). */
  async deleteAccounts(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.#client.batch(
      ids.map((id) => ({ sql: 'DELETE FROM accounts WHERE id = ?', args: [id] })),
      'write',
    );
  }

  // --- registrations ------------------------------------------------------

  /**
   * Stores a registration: the account (unconfirmed), its registration
   * details, its documents' rows and its confirmation token — all in one
   * transaction, or none of it. When an account with the e-mail already
   * exists, nothing is written. Takes the exclusive section.
   *
   * `failBeforeCommit` is fault injection for crash-safety tests: the
   * transaction ends with a statement that fails after every row was
   * written, so SQLite itself has to roll them back.
   */
  async createRegistration(
    input: NewRegistration,
    now: number,
    options: { failBeforeCommit?: boolean } = {},
  ): Promise<{ created: true; account: AccountRecord; replaced: Replaced | null } | { created: false; account: AccountRecord }> {
    return this.exclusive(async () => {
      const existing = await this.findAccountByEmail(input.account.email);
      if (existing && existing.state !== 'rejected') return { created: false, account: existing };
      const replaced = await this.#replaceRejected(existing ? [existing] : []);
      const { account, registration, documents, token } = input;
      const statements: InStatement[] = [
        ...replaced.statements,
        {
          sql: `INSERT INTO accounts (email, password_hash, state, rejection_reason, locale, created_at, updated_at)
                VALUES (?, ?, 'unconfirmed', NULL, ?, ?, ?)`,
          args: [account.email, account.passwordHash, account.locale, now, now],
        },
        {
          sql: `INSERT INTO registrations (id, account_id, user_type, fields, no_foreigner_number, created_at)
                VALUES (?, ${ACCOUNT_BY_EMAIL}, ?, ?, ?, ?)`,
          args: [registration.id, account.email, registration.userType, JSON.stringify(registration.fields), registration.noForeignerNumber ? 1 : 0, now],
        },
        ...documents.map((document) => ({
          sql: `INSERT INTO documents (id, registration_id, stored_name, display_name, type, size, position, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          args: [document.id, registration.id, document.storedName, document.displayName, document.type, document.size, document.position, now],
        })),
        insertTokenStatement(token, ACCOUNT_BY_EMAIL, account.email),
      ];
      // NULL into a NOT NULL column: a runtime failure after all rows above were written.
      if (options.failBeforeCommit) statements.push({ sql: 'INSERT INTO meta (key, value) VALUES (NULL, NULL)', args: [] });
      await this.#client.batch(statements, 'write');
      const stored = await this.findAccountByEmail(account.email);
      if (!stored) throw new Error('account vanished after registration');
      return { created: true, account: stored, replaced: replaced.statements.length > 0 ? { files: replaced.files } : null };
    });
  }

  /**
   * A rejected account gives way to a new registration (the way forward its
   * owner is offered): its rows go in the new registration's transaction; its
   * documents' files are the caller's to remove, after the commit (an orphan
   * file is removed at the next start; a row without its file never exists).
   */
  async #replaceRejected(accounts: readonly AccountRecord[]): Promise<{ statements: InStatement[]; files: string[] }> {
    // One account may stand in the way twice (by its e-mail and by its certificate).
    const rejected = [...new Map(accounts.filter((account) => account.state === 'rejected').map((account) => [account.id, account])).values()];
    const files: string[] = [];
    for (const account of rejected) {
      const registration = await this.findRegistrationByAccount(account.id);
      const documents = registration ? ((await this.#documentsOf([registration.id])).get(registration.id) ?? []) : [];
      files.push(...documents.map((document) => document.storedName));
    }
    return { statements: rejected.map((account) => ({ sql: 'DELETE FROM accounts WHERE id = ?', args: [account.id] })), files };
  }

  /**
   * Stores a certificate registration: the account (unconfirmed, without a
   * password), its certificate identity, its registration details and its
   * confirmation token — in one transaction. When an account already has the
   * e-mail or the identity, nothing is written and those accounts are
   * returned. Takes the exclusive section.
   */
  async createCertificateRegistration(
    input: NewCertificateRegistration,
    now: number,
  ): Promise<{ created: true; account: AccountRecord; replaced: Replaced | null } | ({ created: false } & ExistingForCertificate)> {
    return this.exclusive(async () => {
      const byEmail = await this.findAccountByEmail(input.account.email);
      const byIdentity = await this.findAccountByCertificateIdentity(input.identity);
      const standing = [byEmail, byIdentity].filter((account) => account !== null && account.state !== 'rejected');
      if (standing.length > 0) return { created: false, byEmail, byIdentity };
      const replaced = await this.#replaceRejected([byEmail, byIdentity].filter((account): account is AccountRecord => account !== null));
      const { account, registration, token } = input;
      await this.#client.batch(
        [
          ...replaced.statements,
          {
            sql: `INSERT INTO accounts (email, password_hash, state, rejection_reason, locale, created_at, updated_at)
                  VALUES (?, ?, 'unconfirmed', NULL, ?, ?, ?)`,
            args: [account.email, NO_PASSWORD, account.locale, now, now],
          },
          {
            sql: `INSERT INTO certificate_identities (identity, account_id, created_at) VALUES (?, ${ACCOUNT_BY_EMAIL}, ?)`,
            args: [input.identity, account.email, now],
          },
          {
            sql: `INSERT INTO registrations (id, account_id, user_type, fields, no_foreigner_number, created_at)
                  VALUES (?, ${ACCOUNT_BY_EMAIL}, ?, ?, 0, ?)`,
            args: [registration.id, account.email, registration.userType, JSON.stringify(registration.fields), now],
          },
          insertTokenStatement(token, ACCOUNT_BY_EMAIL, account.email),
        ],
        'write',
      );
      const stored = await this.findAccountByEmail(account.email);
      if (!stored) throw new Error('account vanished after registration');
      return { created: true, account: stored, replaced: replaced.statements.length > 0 ? { files: replaced.files } : null };
    });
  }

  async findAccountByCertificateIdentity(identity: string): Promise<AccountRecord | null> {
    const result = await this.#client.execute({
      sql: 'SELECT a.* FROM accounts a JOIN certificate_identities c ON c.account_id = a.id WHERE c.identity = ?',
      args: [identity],
    });
    return result.rows[0] ? toAccount(result.rows[0]) : null;
  }

  async findRegistrationByAccount(accountId: number): Promise<RegistrationRecord | null> {
    const result = await this.#client.execute({ sql: 'SELECT * FROM registrations WHERE account_id = ?', args: [accountId] });
    return result.rows[0] ? toRegistration(result.rows[0]) : null;
  }

  async #documentsOf(registrationIds: readonly string[]): Promise<Map<string, DocumentRecord[]>> {
    const byRegistration = new Map<string, DocumentRecord[]>();
    if (registrationIds.length === 0) return byRegistration;
    const result = await this.#client.execute({
      sql: `SELECT * FROM documents WHERE registration_id IN (${registrationIds.map(() => '?').join(', ')})
            ORDER BY registration_id, position`,
      args: [...registrationIds],
    });
    for (const document of result.rows.map(toDocument)) {
      const list = byRegistration.get(document.registrationId) ?? [];
      list.push(document);
      byRegistration.set(document.registrationId, list);
    }
    return byRegistration;
  }

  async #views(where: string, args: (string | number)[]): Promise<RegistrationView[]> {
    const result = await this.#client.execute({
      sql: `SELECT r.*, a.email, a.state, a.rejection_reason, a.locale
              FROM registrations r JOIN accounts a ON a.id = r.account_id
             ${where}
             ORDER BY r.created_at, r.id`,
      args,
    });
    const registrations = result.rows.map((row) => ({
      ...toRegistration(row),
      email: text(row, 'email'),
      state: text(row, 'state') as AccountState,
      rejectionReason: nullableText(row, 'rejection_reason'),
      locale: text(row, 'locale') as Locale,
    }));
    const documents = await this.#documentsOf(registrations.map((r) => r.id));
    return registrations.map((registration) => ({ ...registration, documents: documents.get(registration.id) ?? [] }));
  }

  /** Registrations, oldest first; only those whose account is in `state`, when given. */
  listRegistrations(state?: AccountState): Promise<RegistrationView[]> {
    return state ? this.#views('WHERE a.state = ?', [state]) : this.#views('', []);
  }

  async findRegistration(id: string): Promise<RegistrationView | null> {
    return (await this.#views('WHERE r.id = ?', [id]))[0] ?? null;
  }

  /**
   * The reviewer's decision: moves the registration's account from
   * `pending_review` to `active` or `rejected`. Null when the registration
   * is not pending review (or does not exist). Takes the exclusive section.
   */
  async reviewRegistration(
    id: string,
    decision: { state: 'active' } | { state: 'rejected'; reason: string },
    now: number,
  ): Promise<{ outcome: 'reviewed'; registration: RegistrationView } | { outcome: 'not_found' | 'not_pending' }> {
    return this.exclusive(async () => {
      const registration = await this.findRegistration(id);
      if (!registration) return { outcome: 'not_found' };
      if (registration.state !== 'pending_review') return { outcome: 'not_pending' };
      await this.#client.execute({
        sql: `UPDATE accounts SET state = ?, rejection_reason = ?, updated_at = ? WHERE id = ? AND state = 'pending_review'`,
        args: [decision.state, decision.state === 'rejected' ? decision.reason : null, now, registration.accountId],
      });
      return { outcome: 'reviewed', registration: (await this.findRegistration(id))! };
    });
  }

  /**
   * Registrations still unconfirmed that were made before `createdBefore`,
   * with their documents (the abandoned ones housekeeping deletes).
   */
  async findAbandonedRegistrations(createdBefore: number): Promise<RegistrationView[]> {
    return this.#views(`WHERE a.state = 'unconfirmed' AND r.created_at < ?`, [createdBefore]);
  }

  async findDocument(registrationId: string, documentId: string): Promise<DocumentRecord | null> {
    const result = await this.#client.execute({
      sql: 'SELECT * FROM documents WHERE id = ? AND registration_id = ?',
      args: [documentId, registrationId],
    });
    return result.rows[0] ? toDocument(result.rows[0]) : null;
  }

  /** The stored names of every document row (to find upload files no row refers to). */
  async storedDocumentNames(): Promise<Set<string>> {
    const result = await this.#client.execute('SELECT stored_name FROM documents');
    return new Set(result.rows.map((row) => text(row, 'stored_name')));
  }

  // --- link tokens --------------------------------------------------------

  /** Stores a new token for the account, revoking its older unused tokens of the same purpose (one transaction). */
  async issueToken(accountId: number, token: TokenRecord): Promise<void> {
    await this.#client.batch(
      [
        {
          sql: `UPDATE tokens SET revoked_at = ?
                 WHERE account_id = ? AND purpose = ? AND used_at IS NULL AND revoked_at IS NULL`,
          args: [token.createdAt, accountId, token.purpose],
        },
        insertTokenStatement(token, '?', accountId),
      ],
      'write',
    );
  }

  /** The token with this hash, only if it was issued for `purpose`. */
  async findToken(hash: string, purpose: TokenPurpose): Promise<StoredToken | null> {
    const result = await this.#client.execute({ sql: 'SELECT * FROM tokens WHERE hash = ? AND purpose = ?', args: [hash, purpose] });
    return result.rows[0] ? toToken(result.rows[0]) : null;
  }

  /** Confirmation: the token is used up and the account leaves `unconfirmed` (one transaction). */
  async confirmEmail(tokenHash: string, accountId: number, state: AccountState, now: number): Promise<void> {
    await this.#client.batch(
      [
        { sql: 'UPDATE tokens SET used_at = ? WHERE hash = ?', args: [now, tokenHash] },
        {
          sql: `UPDATE accounts SET state = ?, updated_at = ? WHERE id = ? AND state = 'unconfirmed'`,
          args: [state, now, accountId],
        },
      ],
      'write',
    );
  }

  /**
   * Password reset: the token is used up, every other outstanding reset
   * token of the account revoked, the password hash replaced, all of the
   * account's sessions ended and the given throttle keys cleared — one
   * transaction.
   */
  async resetPassword(
    tokenHash: string,
    accountId: number,
    passwordHash: string,
    now: number,
    clearThrottleKeys: readonly string[] = [],
  ): Promise<void> {
    await this.#client.batch(
      [
        { sql: 'UPDATE tokens SET used_at = ? WHERE hash = ?', args: [now, tokenHash] },
        {
          sql: `UPDATE tokens SET revoked_at = ?
                 WHERE account_id = ? AND purpose = 'password_reset' AND used_at IS NULL AND revoked_at IS NULL`,
          args: [now, accountId],
        },
        { sql: 'UPDATE accounts SET password_hash = ?, updated_at = ? WHERE id = ?', args: [passwordHash, now, accountId] },
        { sql: 'DELETE FROM sessions WHERE account_id = ?', args: [accountId] },
        ...clearThrottleKeys.map((key) => ({ sql: 'DELETE FROM throttle WHERE key = ?', args: [key] })),
      ],
      'write',
    );
  }

  /** Forgets tokens that expired before `before` (used, revoked or not). */
  async deleteExpiredTokens(before: number): Promise<number> {
    const result = await this.#client.execute({ sql: 'DELETE FROM tokens WHERE expires_at < ?', args: [before] });
    return result.rowsAffected;
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

  // --- certificate challenges ---------------------------------------------

  /** Stores a challenge of a session, keeping only the session's `keep` newest (one transaction). */
  async insertChallenge(challenge: ChallengeRecord, keep: number): Promise<void> {
    await this.#client.batch(
      [
        {
          sql: `INSERT INTO certificate_challenges (nonce_hash, session_id_hash, created_at, expires_at) VALUES (?, ?, ?, ?)`,
          args: [challenge.nonceHash, challenge.sessionIdHash, challenge.createdAt, challenge.expiresAt],
        },
        {
          sql: `DELETE FROM certificate_challenges
                 WHERE session_id_hash = ?
                   AND nonce_hash NOT IN (SELECT nonce_hash FROM certificate_challenges WHERE session_id_hash = ?
                                           ORDER BY created_at DESC, rowid DESC LIMIT ?)`,
          args: [challenge.sessionIdHash, challenge.sessionIdHash, keep],
        },
      ],
      'write',
    );
  }

  /** Deletes the challenge with this nonce hash and returns what it was (null when there was none): single use. */
  async takeChallenge(nonceHash: string): Promise<ChallengeRecord | null> {
    const result = await this.#client.execute({
      sql: 'DELETE FROM certificate_challenges WHERE nonce_hash = ? RETURNING *',
      args: [nonceHash],
    });
    const row = result.rows[0];
    if (!row) return null;
    return {
      nonceHash: text(row, 'nonce_hash'),
      sessionIdHash: text(row, 'session_id_hash'),
      createdAt: integer(row, 'created_at'),
      expiresAt: integer(row, 'expires_at'),
    };
  }

  /** Forgets challenges that expired before `now`. */
  async deleteExpiredChallenges(now: number): Promise<number> {
    const result = await this.#client.execute({ sql: 'DELETE FROM certificate_challenges WHERE expires_at <= ?', args: [now] });
    return result.rowsAffected;
  }

  /** Bytes of the documents of registrations whose e-mail is not confirmed yet (the upload quota's use). */
  async pendingUploadBytes(): Promise<number> {
    const result = await this.#client.execute({
      sql: `SELECT COALESCE(SUM(d.size), 0) AS bytes FROM documents d
              JOIN registrations r ON r.id = d.registration_id
              JOIN accounts a ON a.id = r.account_id
             WHERE a.state = 'unconfirmed'`,
      args: [],
    });
    return Number(result.rows[0]?.['bytes'] ?? 0);
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
  /**
   * Deletes unlocked counters whose last failure is before `before`; keys
   * starting with `longPrefix` only when before `longBefore` (the guess budget).
   */
  async deleteStaleThrottle(before: number, now: number, long: { prefix: string; before: number }): Promise<number> {
    const result = await this.#client.execute({
      sql: `DELETE FROM throttle WHERE locked_until <= ?
              AND last_failure_at < CASE WHEN substr(key, 1, length(?)) = ? THEN ? ELSE ? END`,
      args: [now, long.prefix, long.prefix, long.before, before],
    });
    return result.rowsAffected;
  }
}
