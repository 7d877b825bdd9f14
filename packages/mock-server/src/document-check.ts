/**
 * The whole-file check of uploaded documents (SECURITY.md 24; security
 * review issue 11), run once a file is completely on disk and before any
 * database row refers to it:
 *
 * - PDF: inspected structurally (pdf-check.ts); stored as uploaded when
 *   nothing active is found.
 * - PNG, JPEG: judged, decoded and re-encoded (image-check.ts); the
 *   re-encoded file replaces the upload.
 *
 * The checks run in a child process (document-check-process.mjs), one
 * file at a time (`CHECKS_AT_ONCE`):
 *
 * - a native decoder that crashes on a hostile file ends that process,
 *   not the server (the file is refused, the next one gets a new process);
 * - a check that overruns its deadline is killed and the file refused;
 * - libvips and pdf-lib's memory is not the server's: with glibc's
 *   allocator, decoding images in a long-running multi-threaded process
 *   leaves its RSS hundreds of MB higher (sharp's documentation says as
 *   much); the child runs with fewer malloc arenas and is replaced when it
 *   has grown, and pdf-lib's interned PDF names go with it;
 * - a decoded 12 MP photo holds about 36 MB, and the machine has two
 *   cores: waiting checks hold nothing but a file name.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { DocumentType } from '@egov/auth-widgets/contract';
import type { CheckJob, CheckResult } from './document-check-job.ts';
import { FileRefused } from './file-types.ts';
import type { UploadStore } from './uploads.ts';

/** Checks running at once (one child process each; there is one). */
export const CHECKS_AT_ONCE = 1;
/** A check that takes longer is refused (and its process killed). */
const CHECK_DEADLINE_MS = 20_000;
/** The child process is replaced once its resident memory passes this … */
const CHILD_RSS_LIMIT_BYTES = 256 * 1024 * 1024;
/** … or after this many files. */
const CHILD_MAX_JOBS = 200;
/** An idle child process is stopped after this long (it holds 60–100 MB). */
const CHILD_IDLE_MS = 30_000;

/** A file on disk under a generated name, as the multipart reader hands it over. */
export interface StoredDocument {
  storedName: string;
  type: DocumentType;
  size: number;
}

/** Runs async tasks with at most `slots` at a time, in arrival order. */
class Slots {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(slots: number) {
    this.#free = slots;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free -= 1;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free += 1;
    }
  }
}

type Outcome = CheckResult | { ok: false; reason: string; failed?: boolean };

/** The child process, one job at a time. */
class Checker {
  #child: ChildProcess | null = null;
  #ready: Promise<void> | null = null;
  #jobs = 0;
  #nextId = 0;
  #current: { id: number; child: ChildProcess; settle: (outcome: Outcome) => void } | null = null;
  #idleTimer: NodeJS.Timeout | null = null;

  /** The child's process id, when one runs (diagnostics and tests). */
  get pid(): number | undefined {
    return this.#child?.pid;
  }

  #start(): Promise<void> {
    const child = fork(new URL('./document-check-process.mjs', import.meta.url), [], {
      // Not the server's flags (--inspect, test runner flags); a heap limit of its own.
      execArgv: ['--max-old-space-size=256'],
      // Fewer glibc malloc arenas: much less memory left behind by libvips' threads.
      env: { ...process.env, MALLOC_ARENA_MAX: '2' },
      // pdf-lib warns on the console about odd files: nothing of a document goes to the server's output.
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      serialization: 'json',
    });
    this.#child = child;
    this.#jobs = 0;
    const ready = new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('error', reject);
      child.once('exit', (code, signal) => reject(new Error(`the document checker stopped while starting (${signal ?? code})`)));
    });
    ready.catch(() => undefined);
    child.on('message', (message: { id?: number; result?: Outcome; rss?: number }) => {
      if (message.id === undefined || this.#current?.id !== message.id) return;
      this.#settle(message.result ?? { ok: false, reason: 'no answer', failed: true });
      if ((message.rss ?? 0) > CHILD_RSS_LIMIT_BYTES || this.#jobs >= CHILD_MAX_JOBS) this.#stop();
    });
    child.on('exit', (code, signal) => {
      if (this.#child === child) this.#forget();
      if (this.#current?.child === child) this.#settle({ ok: false, reason: `cannot be inspected (the checker stopped: ${signal ?? code})` });
    });
    child.on('error', () => {
      if (this.#child === child) this.#stop();
    });
    this.#ready = ready;
    return ready;
  }

  #settle(outcome: Outcome): void {
    const current = this.#current;
    if (!current) return;
    this.#current = null;
    current.settle(outcome);
  }

  #forget(): void {
    this.#child = null;
    this.#ready = null;
  }

  #stop(): void {
    const child = this.#child;
    if (!child) return;
    this.#forget();
    child.kill('SIGKILL');
  }

  async check(job: Omit<CheckJob, 'id'>): Promise<Outcome> {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    try {
      if (!this.#child || !this.#ready) await this.#start();
      else await this.#ready;
    } catch (error) {
      this.#stop();
      return { ok: false, reason: error instanceof Error ? error.message : 'no checker', failed: true };
    }
    const child = this.#child!;
    const id = (this.#nextId += 1);
    this.#jobs += 1;
    // Referenced while it works (a caller awaits it), unreferenced while idle, so it never keeps the server running.
    child.ref();
    child.channel?.ref();
    const outcome = await new Promise<Outcome>((settle) => {
      const timer = setTimeout(() => {
        this.#settle({ ok: false, reason: 'cannot be inspected (too slow)' });
        this.#stop();
      }, CHECK_DEADLINE_MS);
      this.#current = {
        id,
        child,
        settle: (result) => {
          clearTimeout(timer);
          settle(result);
        },
      };
      child.send({ ...job, id });
    });
    if (this.#child === child) {
      child.unref();
      child.channel?.unref();
    }
    this.#idleTimer = setTimeout(() => this.#stop(), CHILD_IDLE_MS);
    this.#idleTimer.unref();
    return outcome;
  }
}

const slots = new Slots(CHECKS_AT_ONCE);
const checker = new Checker();

/** The document checker's process id, when it runs (for tests and diagnostics). */
export function documentCheckerPid(): number | undefined {
  return checker.pid;
}

/**
 * Checks one stored document. Returns it as it is to be recorded: a PDF
 * unchanged, an image under a new generated name with its re-encoded size
 * (the uploaded file is deleted). Throws FileRefused when the file is
 * refused (or cannot be inspected), another error when the check itself
 * failed; either way no file this function made is left behind (the
 * upload itself is the caller's).
 */
export function checkStoredDocument<T extends StoredDocument>(uploads: UploadStore, file: T): Promise<T> {
  return slots.run(async () => {
    const outputName = uploads.newName();
    const outcome = await checker.check({ type: file.type, path: uploads.pathOf(file.storedName), outputPath: uploads.pathOf(outputName) });
    if (!outcome.ok || file.type === 'application/pdf') await uploads.remove([outputName]).catch(() => undefined);
    if (!outcome.ok) {
      if ('failed' in outcome && outcome.failed) throw new Error(`document check failed: ${outcome.reason}`);
      throw new FileRefused(outcome.reason);
    }
    if (file.type === 'application/pdf') return file;
    try {
      await uploads.remove([file.storedName]);
    } catch (error) {
      await uploads.remove([outputName]).catch(() => undefined);
      throw error;
    }
    return { ...file, storedName: outputName, size: outcome.size ?? (await uploads.size(outputName)) };
  });
}
