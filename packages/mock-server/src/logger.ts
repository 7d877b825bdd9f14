import { createHmac } from 'node:crypto';

/** One structured log record; serialized as one JSON line. */
export interface LogEntry {
  time: string;
  level: 'info' | 'warn' | 'error';
  event: string;
  [field: string]: unknown;
}

/** Receives every log record. The default writes JSON lines to stdout; tests pass a collector. */
export type Logger = (entry: LogEntry) => void;

export const jsonLinesLogger: Logger = (entry) => {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
};

/**
 * "jane.doe@example.test" → "j***@example.test": enough for an operator to
 * recognise an account, not enough to harvest addresses from a log file.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  const domain = email.slice(at + 1, at + 1 + 100);
  return `${email.slice(0, 1)}***@${domain}`;
}

/**
 * A keyed hash of a normalized e-mail, so log lines about one account can be
 * correlated without the address itself; keyed because an unkeyed hash of an
 * e-mail is reversed with a list of addresses.
 */
export function emailFingerprint(key: string, normalizedEmail: string): string {
  return createHmac('sha256', key).update(normalizedEmail).digest('hex').slice(0, 16);
}
