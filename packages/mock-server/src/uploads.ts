import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, type ReadStream, type WriteStream } from 'node:fs';
import { readFile, readdir, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Generated upload names: 128 random bits, hex, no extension (nothing may guess a type from it). */
const STORED_NAME = /^[0-9a-f]{32}$/;
/** Longest display name kept, in code points. */
const DISPLAY_NAME_MAX_LENGTH = 100;

/**
 * The name a user's file had, as display text only (SECURITY.md 26): the
 * last path segment, without control and bidirectional-override characters
 * (which can make "gpj.exe" read as "exe.jpg"), trimmed and shortened. It is
 * never used as a path.
 */
export function displayFileName(raw: string | undefined): string {
  const lastSegment = (raw ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = lastSegment
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '')
    .trim()
    .replace(/^\.+/, '');
  const chars = [...cleaned];
  return chars.length === 0 ? 'document' : chars.slice(0, DISPLAY_NAME_MAX_LENGTH).join('');
}

/**
 * Uploaded documents on disk: one directory (owner-only, outside anything
 * served), files under generated names. The database row of a document
 * refers to its file by that name; a file no row refers to is an orphan
 * (a crash between writing the file and committing the row) and is removed
 * at startup.
 */
export class UploadStore {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  newName(): string {
    return randomBytes(16).toString('hex');
  }

  #path(storedName: string): string {
    // The name comes from this class or the database, never the client; checked anyway.
    if (!STORED_NAME.test(storedName)) throw new TypeError('not a stored upload name');
    return join(this.dir, storedName);
  }

  /** A new file, created exclusively and owner-only. */
  create(storedName: string): WriteStream {
    return createWriteStream(this.#path(storedName), { flags: 'wx', mode: 0o600 });
  }

  open(storedName: string): ReadStream {
    return createReadStream(this.#path(storedName));
  }

  /** The file's path (for a reader in a worker thread; never built from client input). */
  pathOf(storedName: string): string {
    return this.#path(storedName);
  }

  /** The whole file (the whole-file checks need it; they run one at a time). */
  read(storedName: string): Promise<Buffer> {
    return readFile(this.#path(storedName));
  }

  /** A new file with these bytes, created exclusively and owner-only (a re-encoded image). */
  async write(storedName: string, bytes: Uint8Array): Promise<void> {
    await writeFile(this.#path(storedName), bytes, { flag: 'wx', mode: 0o600 });
  }

  async size(storedName: string): Promise<number> {
    return (await stat(this.#path(storedName))).size;
  }

  /** Deletes files; one that is already gone is fine. */
  async remove(storedNames: readonly string[]): Promise<void> {
    await Promise.all(
      storedNames.map(async (name) => {
        try {
          await unlink(this.#path(name));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }),
    );
  }

  /** The generated names present on disk (other files in the directory are left alone). */
  async list(): Promise<string[]> {
    return (await readdir(this.dir)).filter((name) => STORED_NAME.test(name));
  }

  /**
   * Deletes every upload no database row refers to. Only safe when no
   * upload is in progress: the server runs it before it accepts requests.
   */
  async removeOrphans(referenced: ReadonlySet<string>): Promise<number> {
    const orphans = (await this.list()).filter((name) => !referenced.has(name));
    await this.remove(orphans);
    return orphans.length;
  }
}
