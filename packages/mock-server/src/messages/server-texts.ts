import type { OutboxKind } from '@egov/auth-widgets/contract';

/** What a message may need besides its kind and language. */
export interface MessageParams {
  /** The confirmation or reset link. */
  link?: string;
  /** How long the link is valid, in minutes. */
  validForMinutes?: number;
  /** The account waits for a review of its documents after confirming (else it is active at once). */
  reviewed?: boolean;
  /** The account was registered with a qualified electronic certificate (it logs in with it, and has no documents). */
  certificate?: boolean;
  /** The reviewer's reason (account_rejected); plain text, inserted as is. */
  reason?: string;
  /** When the password was changed (ms since the epoch). */
  changedAt?: number;
}

/** Strings inserted into a template: free text the transliteration must not touch. */
export interface Slots {
  link: string;
  reason: string;
  /** The time, as the language's `dateTime` writes it. */
  changedAt: string;
}

export interface Template {
  subject: string;
  /** The paragraphs between the greeting and the signature. */
  body: (slots: Slots, params: MessageParams) => string[];
}

/**
 * The reference backend's texts in one language (one file per language in
 * this folder): every e-mail, and the texts `GET /config` gives the kit
 * (user types, what to do with a locked PIN).
 */
export type ServerTexts = Record<OutboxKind, Template> & {
  greeting: string;
  signature: string;
  /** "24 hours", "60 minutes": how long a link is valid. */
  duration: (minutes: number) => string;
  /** A moment in the portal's time zone (`belgradeTime`), day, month in words, year and the 24-hour time. */
  dateTime: (ms: number) => string;
  /** What happens after the confirmation, by how the account was registered and whether it is reviewed. */
  afterConfirming: (how: { reviewed?: boolean; certificate?: boolean }) => string;
  /** The registration form's user types (`UserType.label`). */
  userTypes: { foreign_citizen: string; serbian_citizen: string };
  /** What to do with a locked or forgotten PIN; `note` (a body's own, from `pinNotes`) goes after the second sentence. */
  pinUnblock: (note?: string) => string;
  /** Notes of single certification bodies for `pinUnblock`. */
  pinNotes: { mup: string };
};

/** Times in e-mails are the portal's local time. */
export const TIME_ZONE = 'Europe/Belgrade';

/** Day, month (0–11), year and "13:30" of a moment in the portal's time zone. */
export function belgradeTime(ms: number): { day: number; month: number; year: number; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(ms)
      .map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  return { day: Number(parts.day), month: Number(parts.month) - 1, year: Number(parts.year), time: `${parts.hour}:${parts.minute}` };
}

/** A date as `Intl` writes it in `locale` (month in words, Latin digits), for languages without a rule of their own. */
export function intlDate(locale: string, ms: number): string {
  return new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric', numberingSystem: 'latn' }).format(ms);
}

/** 24 h reads better as hours, 60 min as minutes: the hours, or null. */
export function asHours(minutes: number): number | null {
  return minutes >= 120 && minutes % 60 === 0 ? minutes / 60 : null;
}
