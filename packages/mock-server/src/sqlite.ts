import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClient, type Client, type Row } from '@libsql/client';

/** Schema migrations, applied in order; PRAGMA user_version records how many ran. */
export type Migrations = readonly (readonly string[])[];

/**
 * Opens a libsql database — a file (created owner-only, WAL mode) or a URL —
 * with foreign keys on, and applies the migrations it has not seen yet.
 */
export async function openDatabase(location: { file: string } | { url: string }, migrations: Migrations): Promise<Client> {
  let url: string;
  let file: string | null = null;
  if ('file' in location) {
    file = location.file;
    // Owner-only: the directory holds password hashes, session data and uploads.
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    url = pathToFileURL(file).href;
  } else {
    url = location.url;
  }
  const created = file !== null && !existsSync(file);
  const client = createClient({ url });
  if (file && created) chmodSync(file, 0o600);
  try {
    await client.execute('PRAGMA foreign_keys = ON');
    if (file) await client.execute('PRAGMA journal_mode = WAL');
    const version = integer((await client.execute('PRAGMA user_version')).rows[0]!, 'user_version');
    if (version > migrations.length) {
      throw new Error(`database schema version ${version} is newer than this server (${migrations.length})`);
    }
    for (let index = version; index < migrations.length; index += 1) {
      await client.batch([...migrations[index]!, `PRAGMA user_version = ${index + 1}`], 'write');
    }
  } catch (error) {
    client.close();
    throw error;
  }
  return client;
}

/** Folds the write-ahead log into the database file (a cleanly stopped database is one file), then closes. */
export async function closeDatabase(client: Client, isFile: boolean): Promise<void> {
  if (client.closed) return;
  try {
    if (isFile) await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  } catch {
    // Not fatal: the log is folded in on the next open.
  }
  client.close();
}

export function text(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new TypeError(`column ${column} is not text`);
  return value;
}

export function nullableText(row: Row, column: string): string | null {
  const value = row[column];
  return value === null || value === undefined ? null : text(row, column);
}

export function integer(row: Row, column: string): number {
  const value = row[column];
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new TypeError(`column ${column} is not an integer`);
}

export function nullableInteger(row: Row, column: string): number | null {
  const value = row[column];
  return value === null || value === undefined ? null : integer(row, column);
}
