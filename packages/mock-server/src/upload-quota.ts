import type { IncomingMessage } from 'node:http';
import { HttpError } from './http.ts';
import type { Store } from './store.ts';

/**
 * Room on disk for the documents of registrations nobody has confirmed yet:
 * 2 GiB. Anyone can register any address, and an unconfirmed registration
 * keeps its documents for 48 h, so without a bound random e-mails could
 * fill the disk (about 6 MB each).
 */
export const DEFAULT_PENDING_UPLOAD_QUOTA_BYTES = 2 * 1024 ** 3;

/** The configured quota, checked (RangeError: a whole number of bytes above 0). */
export function checkUploadQuota(quotaBytes: number = DEFAULT_PENDING_UPLOAD_QUOTA_BYTES): number {
  if (!(Number.isSafeInteger(quotaBytes) && quotaBytes > 0)) throw new RangeError('the pending upload quota must be a whole number of bytes above 0');
  return quotaBytes;
}

/** What a refused registration is told to wait: housekeeping frees room as unconfirmed registrations expire. */
export const QUOTA_RETRY_AFTER_SECONDS = 15 * 60;

/**
 * The disk quota for pending uploads. A registration reserves room for what
 * its body may bring (its `Content-Length`, else the most the upload limits
 * allow) before a byte of it is read; the reservation ends when the request
 * does (its files are then rows, counted by the store, or gone). When the
 * unconfirmed registrations' documents and the running reservations would
 * pass the quota, the answer is 503 `service_busy` with `Retry-After`, and
 * nothing is read or stored.
 */
export class UploadQuota {
  readonly #store: Store;
  readonly #quotaBytes: number;
  #reserved = 0;

  constructor(store: Store, quotaBytes: number) {
    this.#store = store;
    this.#quotaBytes = quotaBytes;
  }

  /** Bytes reserved by registrations in progress (for tests). */
  get reserved(): number {
    return this.#reserved;
  }

  /** Reserves room for this request's body; resolves with the function that gives it back. Throws 503 when full. */
  async reserve(req: IncomingMessage, mostBytes: number): Promise<() => void> {
    const declared = Number(req.headers['content-length']);
    const bytes = Number.isSafeInteger(declared) && declared >= 0 ? Math.min(declared, mostBytes) : mostBytes;
    const pending = await this.#store.pendingUploadBytes();
    // Checked and taken in one synchronous step after the read: parallel registrations see each other's reservations.
    if (pending + this.#reserved + bytes > this.#quotaBytes) {
      throw new HttpError(503, 'service_busy', { retryAfter: QUOTA_RETRY_AFTER_SECONDS });
    }
    this.#reserved += bytes;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#reserved -= bytes;
    };
  }
}
