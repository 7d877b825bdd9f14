import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_DATA_DIR, type MockServerOptions } from './options.ts';

export interface DataFiles {
  /** Where the account store is. */
  store: { dataDir: string } | { url: string };
  /** Where the outbox (mail spool) is: a directory for `outbox.db`, or `:memory:` beside a throwaway store. */
  outbox: { dir: string } | { url: string };
  /** Directory of uploaded documents. */
  uploadsDir: string;
  /** Where the development test PKI is kept (made on first use). */
  testPkiDir: string;
}

/** The directory of a `file:` libsql URL's database, or null for other URLs. */
function fileUrlDirectory(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  const path = decodeURIComponent(url.slice('file:'.length).replace(/^\/\/(?=\/)/, '').split('?')[0]!);
  return path === '' || path === ':memory:' ? null : dirname(resolve(path));
}

/**
 * Where the server keeps its files: all in the data directory (the
 * database, the outbox, `uploads/`, `test-pki/`), or beside a `file:`
 * database. A database at another URL (`:memory:`) gets an in-memory outbox
 * and fresh temporary uploads and test-PKI directories, unless `uploadsDir`
 * says otherwise.
 */
export function dataFiles(options: MockServerOptions): DataFiles {
  if (!options.dbUrl) {
    const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
    return { store: { dataDir }, outbox: { dir: dataDir }, uploadsDir: options.uploadsDir ?? join(dataDir, 'uploads'), testPkiDir: join(dataDir, 'test-pki') };
  }
  const dir = fileUrlDirectory(options.dbUrl);
  if (dir) return { store: { url: options.dbUrl }, outbox: { dir }, uploadsDir: options.uploadsDir ?? join(dir, 'uploads'), testPkiDir: join(dir, 'test-pki') };
  return {
    store: { url: options.dbUrl },
    outbox: { url: ':memory:' },
    uploadsDir: options.uploadsDir ?? mkdtempSync(join(tmpdir(), 'egov-uploads-')),
    // Made only if the test PKI is used.
    testPkiDir: join(tmpdir(), `egov-test-pki-${randomBytes(8).toString('hex')}`),
  };
}
