import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Client, Row } from '@libsql/client';
import type { OutboxKind, OutboxMessage } from '@egov/auth-widgets/contract';
import type { Locale } from '@egov/auth-widgets/i18n/locales';
import type { AuditLog } from './audit-log.ts';
import { composeMessage, type MessageParams } from './email-messages.ts';
import { closeDatabase, integer, nullableText, openDatabase, text, type Migrations } from './sqlite.ts';

/** File name of the outbox (the simulated mail spool) inside a data directory. */
export const OUTBOX_FILE = 'outbox.db';

/** At most this many messages are listed at once (the newest). */
const LIST_LIMIT = 500;

const MIGRATIONS: Migrations = [
  [
    `CREATE TABLE messages (
       seq INTEGER PRIMARY KEY AUTOINCREMENT,
       id TEXT NOT NULL UNIQUE,
       recipient TEXT NOT NULL,
       kind TEXT NOT NULL,
       locale TEXT NOT NULL,
       subject TEXT NOT NULL,
       body TEXT NOT NULL,
       link TEXT,
       sent_at INTEGER NOT NULL
     )`,
    `CREATE INDEX messages_by_recipient ON messages(recipient, seq)`,
  ],
];

function toMessage(row: Row): OutboxMessage {
  const link = nullableText(row, 'link');
  return {
    id: text(row, 'id'),
    to: text(row, 'recipient'),
    kind: text(row, 'kind') as OutboxKind,
    locale: text(row, 'locale'),
    subject: text(row, 'subject'),
    text: text(row, 'body'),
    ...(link === null ? {} : { link }),
    sentAt: new Date(integer(row, 'sent_at')).toISOString(),
  };
}

/**
 * Where the reference backend "sends" e-mail: a mail spool in its own
 * database file, kept apart from the account store. It holds what the
 * recipients would receive, links included — like a real mail server's
 * queue — while the account store keeps only the links' hashes.
 */
export class Outbox {
  readonly #client: Client;
  readonly #isFile: boolean;

  private constructor(client: Client, isFile: boolean) {
    this.#client = client;
    this.#isFile = isFile;
  }

  /** `<dir>/outbox.db`, or a libsql URL (`:memory:` for a throwaway outbox). */
  static async open(location: { dir: string } | { url: string }): Promise<Outbox> {
    if ('url' in location) return new Outbox(await openDatabase({ url: location.url }, MIGRATIONS), false);
    return new Outbox(await openDatabase({ file: join(location.dir, OUTBOX_FILE) }, MIGRATIONS), true);
  }

  async add(message: { to: string; kind: OutboxKind; locale: Locale; subject: string; text: string; link?: string }, now: number): Promise<OutboxMessage> {
    const id = randomBytes(12).toString('base64url');
    await this.#client.execute({
      sql: `INSERT INTO messages (id, recipient, kind, locale, subject, body, link, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [id, message.to, message.kind, message.locale, message.subject, message.text, message.link ?? null, now],
    });
    return { id, ...message, sentAt: new Date(now).toISOString() };
  }

  /** Messages, oldest first (the newest last); only those to `to`, when given. */
  async list(to?: string): Promise<OutboxMessage[]> {
    const where = to === undefined ? '' : 'WHERE recipient = ?';
    const result = await this.#client.execute({
      sql: `SELECT * FROM (SELECT * FROM messages ${where} ORDER BY seq DESC LIMIT ${LIST_LIMIT}) ORDER BY seq`,
      args: to === undefined ? [] : [to],
    });
    return result.rows.map(toMessage);
  }

  async count(): Promise<number> {
    const result = await this.#client.execute('SELECT COUNT(*) AS n FROM messages');
    return integer(result.rows[0]!, 'n');
  }

  close(): Promise<void> {
    return closeDatabase(this.#client, this.#isFile);
  }
}

/**
 * Composes and sends the backend's e-mails: each is put in the outbox and
 * logged by kind and masked recipient — never with its link or text.
 * Sending never fails the request that caused it: the state change it
 * reports has already happened, so a failure is logged instead.
 */
export class Mailer {
  readonly #outbox: Outbox;
  readonly #log: AuditLog;
  readonly #clock: () => number;

  constructor(outbox: Outbox, log: AuditLog, clock: () => number) {
    this.#outbox = outbox;
    this.#log = log;
    this.#clock = clock;
  }

  async send(kind: OutboxKind, to: string, locale: Locale, params: MessageParams = {}, requestId?: string): Promise<void> {
    try {
      const composed = composeMessage(kind, locale, params);
      const message = await this.#outbox.add(
        { to, kind, locale, subject: composed.subject, text: composed.text, ...(params.link ? { link: params.link } : {}) },
        this.#clock(),
      );
      this.#log.auth('email_sent', { email: to, kind, locale, messageId: message.id, requestId });
    } catch (error) {
      this.#log.error('email_failed', error, { kind, requestId });
    }
  }
}
