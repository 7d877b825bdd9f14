import type { Services } from './services.ts';
import { GUESSES_KEY_PREFIX } from './throttle-keys.ts';

export interface HousekeepingPolicy {
  /** Longest throttle window: counters idle longer than that are forgotten. */
  throttleWindowMs: number;
  /** The guess budget's window: its counters are kept that long. */
  guessCapWindowMs: number;
  /** Registrations unconfirmed for longer than this are deleted with their files. */
  abandonedRegistrationMs: number;
}

export interface HousekeepingReport {
  expiredSessions: number;
  staleThrottleCounters: number;
  expiredTokens: number;
  expiredChallenges: number;
  abandonedRegistrations: number;
  removedFiles: number;
}

/** How often housekeeping runs on its own, at most (it is triggered by traffic). */
export const HOUSEKEEPING_INTERVAL_MS = 10 * 60_000;
/**
 * Link tokens are kept this long after they expire: a used confirmation
 * link clicked again within that time still answers `already_confirmed`.
 */
const TOKEN_RETENTION_MS = 30 * 24 * 60 * 60_000;

/**
 * Deletes what has outlived its use, by the injected clock: expired
 * sessions, stale throttle counters, old link tokens, expired certificate
 * challenges, and registrations
 * never confirmed (SECURITY.md 27) together with their uploaded files.
 */
export class Housekeeping {
  readonly #services: Services;
  readonly #policy: HousekeepingPolicy;
  #last = Number.NEGATIVE_INFINITY;
  #running: Promise<HousekeepingReport> | null = null;

  constructor(services: Services, policy: HousekeepingPolicy) {
    this.#services = services;
    this.#policy = policy;
  }

  /** Runs when the last run is at least HOUSEKEEPING_INTERVAL_MS ago (by the injected clock). */
  async maybeRun(): Promise<void> {
    if (this.#services.clock() - this.#last < HOUSEKEEPING_INTERVAL_MS) return;
    await this.run();
  }

  /** Runs every task now (one run at a time). */
  run(): Promise<HousekeepingReport> {
    this.#running ??= this.#run().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #run(): Promise<HousekeepingReport> {
    const { store, sessions, clock } = this.#services;
    const now = clock();
    this.#last = now;
    const report: HousekeepingReport = {
      expiredSessions: await sessions.purgeExpired(),
      staleThrottleCounters: await store.deleteStaleThrottle(now - this.#policy.throttleWindowMs, now, {
        prefix: GUESSES_KEY_PREFIX,
        before: now - this.#policy.guessCapWindowMs,
      }),
      expiredTokens: await store.deleteExpiredTokens(now - TOKEN_RETENTION_MS),
      expiredChallenges: await store.deleteExpiredChallenges(now),
      abandonedRegistrations: 0,
      removedFiles: 0,
    };
    const abandoned = await store.findAbandonedRegistrations(now - this.#policy.abandonedRegistrationMs);
    if (abandoned.length > 0) {
      // Rows first: a file whose row is gone is an orphan the next startup removes, never the reverse.
      await store.deleteAccounts(abandoned.map((registration) => registration.accountId));
      const files = abandoned.flatMap((registration) => registration.documents.map((document) => document.storedName));
      await this.#services.uploads.remove(files);
      report.abandonedRegistrations = abandoned.length;
      report.removedFiles = files.length;
      this.#services.log.info('abandoned_registrations_deleted', { count: abandoned.length, files: files.length });
    }
    return report;
  }

  /**
   * At startup, before any request: uploaded files no database row refers
   * to — left by a crash between writing a file and committing its
   * registration — are deleted.
   */
  async removeOrphanUploads(): Promise<number> {
    const removed = await this.#services.uploads.removeOrphans(await this.#services.store.storedDocumentNames());
    if (removed > 0) this.#services.log.info('orphan_uploads_removed', { count: removed });
    return removed;
  }
}
