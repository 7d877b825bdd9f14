import { readFileSync } from 'node:fs';
import { LIMITS, normalizePassword, type PasswordPolicy } from '@egov/auth-widgets/contract';
import { cyrillicToLatin } from '@egov/auth-widgets/i18n/transliterate';
import { checkPasswordLength } from '@egov/auth-widgets/rules';
import { PasswordPatterns } from './password-patterns.ts';

/** What is wrong with a new password, as a field error code. */
export type PasswordProblem = 'too_short' | 'too_long' | 'common_password' | 'contains_context';

/**
 * The regional list shipped with the server (a few hundred entries: Serbian
 * favourites, site words, famous passphrases; see the file's header). It is
 * checked beside the breached-password corpus of @zxcvbn-ts/language-common.
 */
export const COMMON_PASSWORDS_FILE = new URL('../data/common-passwords.txt', import.meta.url);

/** Words of the site itself, refused inside any password (SECURITY.md 4). */
export const SITE_WORDS: readonly string[] = Object.freeze([
  'egov',
  'euprava',
  'еуправа',
  'srbija',
  'србија',
  'serbia',
  'livinginserbia',
  'econsulate',
]);

/** Context words shorter than this (after folding) are not looked for: "Ana" would refuse "banana-split-…". */
const MIN_CONTEXT_WORD_LENGTH = 4;

/** Reads a password list: one entry a line, `#` comments, compared lower-case. */
export function loadPasswordList(file: URL | string = COMMON_PASSWORDS_FILE): Set<string> {
  const entries = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const entry = line.trim();
    if (entry === '' || entry.startsWith('#')) continue;
    entries.add(normalizePassword(entry).toLowerCase());
  }
  return entries;
}

/**
 * Lower case, Serbian Cyrillic as Latin, accents dropped (đ → d), and only
 * letters and digits kept: "Đorđe", "ђорђе" and "dj.or-de" compare alike
 * enough for "is this name inside the password?".
 */
export function foldForComparison(value: string): string {
  return cyrillicToLatin(value.normalize('NFKC').toLowerCase())
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Personal words a new password must not contain. */
export interface PasswordContext {
  email?: string;
  givenName?: string;
  surname?: string;
}

function contextWords(context: PasswordContext): string[] {
  const words: string[] = [...SITE_WORDS];
  if (context.email) {
    const email = context.email.trim();
    const at = email.lastIndexOf('@');
    const local = at > 0 ? email.slice(0, at) : email;
    words.push(local, ...local.split(/[._+-]+/));
  }
  for (const name of [context.givenName, context.surname]) {
    if (name) words.push(name, ...name.split(/[\s'’-]+/));
  }
  const folded = words.map(foldForComparison).filter((word) => word.length >= MIN_CONTEXT_WORD_LENGTH);
  return [...new Set(folded)];
}

let sharedPatterns: PasswordPatterns | undefined;

/**
 * The corpus, the regional list and the keyboards, loaded once per process
 * (about 0.2 s and 4 MiB of heap, measured) and shared by every server in it.
 */
export function defaultPasswordPatterns(): PasswordPatterns {
  sharedPatterns ??= new PasswordPatterns(loadPasswordList());
  return sharedPatterns;
}

/**
 * The backend's password rules (SECURITY.md 1–4): the length the form also
 * checks (shared `checkPasswordLength`), then breached and patterned
 * passwords (a corpus of about 49,000 breached passwords plus the regional
 * list, keyboard walks, sequences, repetitions: see password-patterns.ts),
 * then words from the user's own data and the site. No composition rules: a
 * long passphrase of lowercase words is fine.
 */
export class PasswordRules {
  readonly policy: Readonly<PasswordPolicy>;
  readonly #patterns: PasswordPatterns;

  constructor(policy: PasswordPolicy, patterns: PasswordPatterns = defaultPasswordPatterns()) {
    if (!Number.isInteger(policy.minLength) || policy.minLength < LIMITS.passwordMinLengthFloor) {
      throw new RangeError(`password minimum length must be an integer of at least ${LIMITS.passwordMinLengthFloor}`);
    }
    if (!Number.isInteger(policy.maxLength) || policy.maxLength < 64 || policy.maxLength > LIMITS.passwordMaxLength) {
      throw new RangeError(`password maximum length must be between 64 and ${LIMITS.passwordMaxLength}`);
    }
    if (policy.minLength > policy.maxLength) throw new RangeError('password minimum length is above the maximum');
    this.policy = Object.freeze({ ...policy });
    this.#patterns = patterns;
  }

  check(password: string, context: PasswordContext = {}): PasswordProblem | undefined {
    const length = checkPasswordLength(password, this.policy);
    if (length) return length;
    if (this.isCommon(password)) return 'common_password';
    if (this.containsContext(password, context)) return 'contains_context';
    return undefined;
  }

  /** Breached, or made of keyboard walks, sequences and repetitions (the `common_password` code). */
  isCommon(password: string): boolean {
    return this.#patterns.isPatterned(password);
  }

  containsContext(password: string, context: PasswordContext): boolean {
    const folded = foldForComparison(password);
    return contextWords(context).some((word) => folded.includes(word));
  }
}
