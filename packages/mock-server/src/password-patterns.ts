import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { normalizePassword } from '@egov/auth-widgets/contract';
import { cyrillicToLatin } from '@egov/auth-widgets/i18n/transliterate';

/*
 * "Is this a password attackers try early?" — the blocklist of NIST SP
 * 800-63B-4 (commonly used, expected or compromised values), with no
 * composition rule. The rule, in words:
 *
 *   The password is folded (NFKC, lower case, white space removed; checked a
 *   second time with Cyrillic written in Latin and accents dropped). It is
 *   refused when it can be cut into nothing but
 *     - ONE entry of the breached-password corpus or the regional list, at
 *       most (used once, or again: "summer2024summer"): as it is, with
 *       look-alike characters (p@ssw0rd) or reversed;
 *     - keyboard walks: 4+ neighbouring keys on QWERTY, QWERTZ, Serbian
 *       Latin, Serbian Cyrillic or a numeric keypad, going mostly straight
 *       (rows, columns, "zaq12wsx") or zigzagging regularly ("1q2w3e4r");
 *     - sequences: 4+ characters with one step of 1 to 5 (abcd, 97531, абвг);
 *     - repetitions: of a unit that is itself such pieces, with at most one
 *       other character or digits around an entry ("qwertyqwerty",
 *       "m0nk3y-m0nk3y-", "marko123marko123"), or of up to 4 characters
 *       repeated 3+ times ("xk7#xk7#xk7#");
 *     - recent years (1900–2029);
 *   plus EITHER at most MAX_EXTRA_CHARACTERS other characters anywhere, OR
 *   any digits and symbols before and after when the rest is pieces only,
 *   one of them a corpus entry, walk or sequence typed with 4+ letters
 *   ("sunshine8173645!", the old list's "entry + digits" rule).
 *
 * Two or more words that are not together an entry ("orange purple monkey
 * dishwasher") pass: a passphrase is what NIST asks verifiers to allow.
 *
 * Data: @zxcvbn-ts/language-common — its "passwords-common" corpus (49,233
 * passwords that occurred more than ten times in a 10-million-password
 * breach compilation, minus those a keyboard or sequence pattern already
 * explains) and its QWERTY, QWERTZ and keypad adjacency graphs; the two
 * Serbian keyboards are below. The matching follows zxcvbn's matchers but is
 * done here: zxcvbn's own (in @zxcvbn-ts/core, not exported one by one) also
 * estimate guess counts, which this rule does not use, and took 10–30 ms on
 * a 128-character password; these take about 0.1 ms for a usual password
 * and under 2 ms for 128 characters.
 */

/** Characters that may be left over beside the pieces (the "few added characters" people use). */
export const MAX_EXTRA_CHARACTERS = 3;

/**
 * Walks and sequences shorter than this are not pieces: three neighbouring
 * keys or letters ("lop", "edf", "stu") are too common inside ordinary words.
 */
export const MIN_WALK_LENGTH = 4;

/** Corpus entries shorter than this are not looked for (the corpus has none). */
const MIN_WORD_LENGTH = 3;

/** Repetitions shorter than this are not pieces ("ll", "33"). */
const MIN_REPEAT_LENGTH = 3;

/** At most this many entries that occur twice or more get their own search ("summer2024summer"), longest first. */
const MAX_RETURNING_ENTRIES = 8;

/** A unit this short counts when repeated three times or more, whatever it is: "xk7#xk7#xk7#xk7#". */
const MAX_TRIVIAL_UNIT = 4;
const MIN_TRIVIAL_REPEATS = 3;

/** The largest step of a sequence: 97531 (2), "aeimquy" (4). */
const MAX_SEQUENCE_STEP = 5;

/**
 * Digits and symbols around the pieces are free only beside a corpus entry,
 * walk or sequence typed with at least this many letters: "sunshine8173645!"
 * is refused, "5724047062dada07" ("dada" is a repetition) and
 * "003674c343667872" ("74c3" reads "lace") are not.
 */
const MIN_PADDED_LETTERS = 4;

const RECENT_YEAR = /19\d\d|20[0-2]\d/g;

// ---------------------------------------------------------------- keyboards

/** Which keys are next to which: every character maps to the keys around its key (null at an edge). */
export type KeyboardGraph = Readonly<Record<string, readonly (string | null)[]>>;

const NUMBER_ROW = ['`~', '1!', '2"', '3#', '4$', '5%', '6&', '7/', '8(', '9)', '0=', "'?", '+*'];

/**
 * Serbian (Latin) keyboard, as Linux (xkb "rs latin") and Windows lay it out:
 * QWERTZ with š đ / č ć ž where German has ü + / ö ä #.
 */
export const SERBIAN_LATIN_KEYBOARD: readonly (readonly string[])[] = [
  NUMBER_ROW,
  ['qQ', 'wW', 'eE', 'rR', 'tT', 'zZ', 'uU', 'iI', 'oO', 'pP', 'šŠ', 'đĐ'],
  ['aA', 'sS', 'dD', 'fF', 'gG', 'hH', 'jJ', 'kK', 'lL', 'čČ', 'ćĆ', 'žŽ'],
  ['yY', 'xX', 'cC', 'vV', 'bB', 'nN', 'mM', ',;', '.:', '-_'],
];

/**
 * Serbian (Cyrillic) keyboard: љ њ е р т з … on the QWERTZ keys. The key left
 * of џ types ѕ on Windows and ж on Linux (xkb "rs"), so both are on it.
 */
export const SERBIAN_CYRILLIC_KEYBOARD: readonly (readonly string[])[] = [
  NUMBER_ROW,
  ['љЉ', 'њЊ', 'еЕ', 'рР', 'тТ', 'зЗ', 'уУ', 'иИ', 'оО', 'пП', 'шШ', 'ђЂ'],
  ['аА', 'сС', 'дД', 'фФ', 'гГ', 'хХ', 'јЈ', 'кК', 'лЛ', 'чЧ', 'ћЋ', 'жЖ'],
  ['ѕЅжЖ', 'џЏ', 'цЦ', 'вВ', 'бБ', 'нН', 'мМ', ',;', '.:', '-_'],
];

/**
 * The adjacency graph of a staggered keyboard, as zxcvbn builds it: the keys
 * around each key in a fixed order (left, up, up-right, right, down,
 * down-left), so a walk is a chain of neighbours and the index is its
 * direction. The number row starts one key further left than the letter
 * rows ("1" is above-left of "q"). A character on two keys gets both
 * neighbourhoods (directions 6–11 for the second).
 */
export function keyboardGraph(rows: readonly (readonly string[])[]): KeyboardGraph {
  const keys = new Map<string, string>();
  rows.forEach((row, y) => row.forEach((key, index) => keys.set(`${index + (y === 0 ? 0 : 1)},${y}`, key)));
  const graph: Record<string, (string | null)[]> = {};
  for (const [position, key] of keys) {
    const [x, y] = position.split(',').map(Number) as [number, number];
    const around = [
      [x - 1, y],
      [x, y - 1],
      [x + 1, y - 1],
      [x + 1, y],
      [x, y + 1],
      [x - 1, y + 1],
    ].map(([ax, ay]) => keys.get(`${ax},${ay}`) ?? null);
    for (const char of key) graph[char] = [...(graph[char] ?? []), ...around];
  }
  return graph;
}

/** The keyboards walked on. AZERTY and Dvorak are left out: not used here, and each layout makes random text look more like walks. */
export const KEYBOARDS: Readonly<Record<string, KeyboardGraph>> = Object.freeze({
  qwerty: adjacencyGraphs.qwerty,
  qwertz: adjacencyGraphs.qwertz,
  keypad: adjacencyGraphs.keypad,
  keypadMac: adjacencyGraphs.keypadMac,
  serbianLatin: keyboardGraph(SERBIAN_LATIN_KEYBOARD),
  serbianCyrillic: keyboardGraph(SERBIAN_CYRILLIC_KEYBOARD),
});

/**
 * A walk a person makes on purpose: mostly straight (on average at least two
 * steps before each turn: "qwertyuiop", "zaq12wsxcde3", "1qazxsw2") or a
 * regular zigzag between two directions ("1q2w3e4r5t"). Chance neighbours in
 * ordinary text ("aseswa" in "chase swab") turn at almost every step.
 */
export function isDeliberateWalk(directions: readonly number[]): boolean {
  if (directions.length === 0) return false;
  let runs = 1;
  for (let index = 1; index < directions.length; index += 1) if (directions[index] !== directions[index - 1]) runs += 1;
  if (runs * 2 <= directions.length) return true;
  return directions.length >= 3 && directions.every((direction, index) => index < 2 || direction === directions[index - 2]);
}

// ---------------------------------------------------------------- folding

/** The breached-password corpus, most common first. */
export const BREACHED_PASSWORDS: readonly string[] = dictionary['passwords-common'];

/** How a password is compared: NFKC, lower case, no white space. */
export function foldPassword(password: string): string {
  return normalizePassword(password).toLowerCase().replace(/\s+/gu, '');
}

/** The folded password and, when different, its Latin-script, accent-free spelling ("ŠIFRA" → "sifra", "лозинка" → "lozinka"). */
export function passwordVariants(password: string): string[] {
  const folded = foldPassword(password);
  const plain = cyrillicToLatin(folded).normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd');
  return plain === folded ? [folded] : [folded, plain];
}

/**
 * Look-alike characters, one for one so positions stay put; two readings, as
 * "1", "!", "|" and "7" stand for two letters each.
 */
const LOOK_ALIKES: readonly Readonly<Record<string, string>>[] = [
  { '4': 'a', '@': 'a', '8': 'b', '(': 'c', '3': 'e', '6': 'g', '9': 'g', '#': 'h', '1': 'i', '!': 'i', '|': 'i', '0': 'o', '$': 's', '5': 's', '7': 't', '+': 't', '2': 'z', '%': 'x' },
  { '4': 'a', '@': 'a', '8': 'b', '(': 'c', '3': 'e', '6': 'g', '9': 'g', '#': 'h', '1': 'l', '!': 'l', '|': 'l', '0': 'o', '$': 's', '5': 's', '7': 'l', '+': 't', '2': 'z', '%': 'x' },
];

// ---------------------------------------------------------------- the check

/** What a piece of a password is. */
export type PieceKind = 'word' | 'walk' | 'sequence' | 'repetition' | 'year';

/** A piece found in a folded password: [start, end) in UTF-16 units. */
export interface Piece {
  kind: PieceKind;
  start: number;
  end: number;
  token: string;
  /** A word's corpus entry (differs from the token when reversed or read with look-alikes). */
  entry?: string;
}

interface Candidate {
  end: number;
  /** For a corpus entry: the entry (the same entry may come back: "summer2024summer"). */
  word: string | undefined;
  /** Not a repetition, and typed with MIN_PADDED_LETTERS letters: digits and symbols around it are padding. */
  licensesPadding: boolean;
}

/** How much may be left over: in a whole password, or in a repeated unit ("m0nk3y-" of "m0nk3y-m0nk3y-m0nk3y"). */
interface Allowance {
  extra: number;
  padding: boolean;
}
const WHOLE: Allowance = { extra: MAX_EXTRA_CHARACTERS, padding: true };
const UNIT: Allowance = { extra: 1, padding: true };

const LETTER = /\p{L}/u;
const LETTERS = /\p{L}/gu;
const NOT_LETTER = /^\P{L}$/u;

function lengthOf(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** The patterned-password check; build it once (the corpus and the graphs load in its constructor). */
export class PasswordPatterns {
  readonly #words = new Set<string>();
  /** The longest entry starting with each three characters: most starts in a password have none. */
  readonly #longestByPrefix = new Map<string, number>();

  /** `extraWords`: a list beside the corpus (regional favourites, site words), folded like passwords. */
  constructor(extraWords: Iterable<string> = []) {
    for (const entry of [...BREACHED_PASSWORDS, ...extraWords]) {
      const word = foldPassword(entry);
      if (word.length < MIN_WORD_LENGTH) continue;
      this.#words.add(word);
      const prefix = word.slice(0, MIN_WORD_LENGTH);
      this.#longestByPrefix.set(prefix, Math.max(this.#longestByPrefix.get(prefix) ?? 0, word.length));
    }
  }

  /** How many entries the corpus and the regional list hold together. */
  get size(): number {
    return this.#words.size;
  }

  /** True when the password is made of the pieces described above. */
  isPatterned(password: string): boolean {
    return passwordVariants(password).some((variant) => this.#explained(variant, WHOLE, new Map()));
  }

  /** Every piece found in the folded password (overlapping): for tests and for explaining a refusal. */
  pieces(password: string): Piece[] {
    const text = foldPassword(password);
    return [...this.#wordsIn(text), ...walks(text), ...sequences(text), ...repetitions(text), ...years(text)].sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /** Corpus entries in `text`: as they are, reversed, and read with look-alikes. */
  #wordsIn(text: string): Piece[] {
    const found: Piece[] = [];
    const seen = new Set<string>();
    const add = (start: number, end: number, entry: string): void => {
      const key = `${start}:${end}`;
      if (seen.has(key)) return;
      seen.add(key);
      found.push({ kind: 'word', start, end, token: text.slice(start, end), entry });
    };
    this.#lookUp(text, (start, end) => add(start, end, text.slice(start, end)));
    // Reversed: per UTF-16 unit, so positions map back exactly (a split emoji matches nothing).
    const reversed = text.split('').reverse().join('');
    if (reversed !== text) this.#lookUp(reversed, (start, end) => add(text.length - end, text.length - start, reversed.slice(start, end)));
    if (LETTER.test(text)) {
      for (const table of LOOK_ALIKES) {
        const plain = text.replace(/./gsu, (char) => table[char] ?? char);
        if (plain === text) continue;
        // Only spellings with a look-alike and a real letter: "5355" is no spelling of "sese".
        this.#lookUp(plain, (start, end) => {
          const typed = text.slice(start, end);
          if (typed !== plain.slice(start, end) && LETTER.test(typed)) add(start, end, plain.slice(start, end));
        });
      }
    }
    return found;
  }

  #lookUp(text: string, found: (start: number, end: number) => void): void {
    for (let start = 0; start + MIN_WORD_LENGTH <= text.length; start += 1) {
      const longest = this.#longestByPrefix.get(text.slice(start, start + MIN_WORD_LENGTH));
      if (longest === undefined) continue;
      const last = Math.min(text.length, start + longest);
      for (let end = start + MIN_WORD_LENGTH; end <= last; end += 1) {
        if (this.#words.has(text.slice(start, end))) found(start, end);
      }
    }
  }

  /** The candidates by start position. */
  #candidates(text: string, memo: Map<string, boolean>): Candidate[][] {
    const starting: Candidate[][] = Array.from({ length: text.length }, () => []);
    const add = (piece: Piece): void => {
      const licensesPadding = piece.kind !== 'repetition' && (piece.token.match(LETTERS) ?? []).length >= MIN_PADDED_LETTERS;
      starting[piece.start]!.push({ end: piece.end, word: piece.entry, licensesPadding });
    };
    for (const piece of this.#wordsIn(text)) add(piece);
    for (const piece of walks(text)) add(piece);
    for (const piece of sequences(text)) add(piece);
    for (const piece of years(text)) add(piece);
    for (const piece of repetitions(text)) if (this.#countsAsRepetition(piece, memo)) add(piece);
    return starting;
  }

  #countsAsRepetition(piece: Piece & { unit?: string }, memo: Map<string, boolean>): boolean {
    const unit = piece.unit!;
    const units = lengthOf(unit);
    if (units <= MAX_TRIVIAL_UNIT && lengthOf(piece.token) / units >= MIN_TRIVIAL_REPEATS) return true;
    return this.#explained(unit, UNIT, memo);
  }

  /** Can `text` be cut into the allowed pieces? With any one entry, or with one entry that comes back. */
  #explained(text: string, allowance: Allowance, memo: Map<string, boolean>): boolean {
    const key = `${allowance.extra}:${text}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    memo.set(key, false); // guards the recursion through repeated units
    const starting = this.#candidates(text, memo);
    let result = this.#search(text, starting, allowance);
    if (!result) {
      const counts = new Map<string, number>();
      for (const candidate of starting.flat()) if (candidate.word) counts.set(candidate.word, (counts.get(candidate.word) ?? 0) + 1);
      const returning = [...counts].filter(([, count]) => count > 1).map(([entry]) => entry);
      returning.sort((a, b) => b.length - a.length);
      result = returning.slice(0, MAX_RETURNING_ENTRIES).some((entry) => this.#search(text, starting, allowance, entry));
    }
    memo.set(key, result);
    return result;
  }

  /**
   * A shortest-path search over positions; the state is (phase, an entry
   * used, a padding-licensing piece seen, padding used), the cost the
   * characters left over. Phases: 0 = leading digits/symbols, 1 = the
   * pieces, 2 = trailing digits/symbols. With `only`, that entry may be used
   * any number of times and no other.
   */
  #search(text: string, starting: readonly Candidate[][], allowance: Allowance, only?: string): boolean {
    const length = text.length;
    const STATES = 24; // phase (3) × words (2) × licensed (2) × padded (2)
    const state = (phase: number, words: number, licensed: number, padded: number): number => phase * 8 + words * 4 + licensed * 2 + padded;
    const cost = new Array<number>((length + 1) * STATES).fill(Infinity);
    const lower = (position: number, index: number, value: number): void => {
      const slot = position * STATES + index;
      if (value < cost[slot]!) cost[slot] = value;
    };
    cost[state(0, 0, 0, 0)] = 0;
    let best = Infinity;
    for (let position = 0; position <= length; position += 1) {
      const char = position < length ? String.fromCodePoint(text.codePointAt(position)!) : '';
      const next = position + char.length;
      const padding = allowance.padding && char !== '' && NOT_LETTER.test(char);
      for (let phase = 0; phase < 3; phase += 1) {
        for (let words = 0; words < 2; words += 1) {
          for (let licensed = 0; licensed < 2; licensed += 1) {
            for (let padded = 0; padded < 2; padded += 1) {
              const spent = cost[position * STATES + state(phase, words, licensed, padded)]!;
              if (spent > allowance.extra) continue;
              if (phase < 2) lower(position, state(phase + 1, words, licensed, padded), spent);
              if (position === length) {
                // Padding only around pieces alone, one of them with letters: 15 random digits are no pattern.
                if (phase > 0 && (padded === 0 || (licensed === 1 && spent === 0))) best = Math.min(best, spent);
                continue;
              }
              if (phase !== 1) {
                if (padding) lower(next, state(phase, words, licensed, 1), spent);
                continue;
              }
              lower(next, state(1, words, licensed, padded), spent + 1);
              for (const candidate of starting[position]!) {
                let used = words;
                if (candidate.word !== undefined) {
                  if (only === undefined ? words === 1 : candidate.word !== only) continue;
                  used = 1;
                }
                lower(candidate.end, state(1, used, candidate.licensesPadding ? 1 : licensed, padded), spent);
              }
            }
          }
        }
      }
    }
    return best <= allowance.extra;
  }
}

// ---------------------------------------------------------------- matchers

/** Keyboard walks: chains of neighbouring keys, on every keyboard, kept when deliberate (whole chains, straight runs, zigzags). */
export function walks(text: string): Piece[] {
  const chars = [...text];
  const offsets: number[] = [];
  let offset = 0;
  for (const char of chars) {
    offsets.push(offset);
    offset += char.length;
  }
  offsets.push(offset);
  const found: Piece[] = [];
  const seen = new Set<string>();
  const add = (first: number, last: number): void => {
    const start = offsets[first]!;
    const end = offsets[last + 1]!;
    const key = `${start}:${end}`;
    if (last - first + 1 < MIN_WALK_LENGTH || seen.has(key)) return;
    seen.add(key);
    found.push({ kind: 'walk', start, end, token: text.slice(start, end) });
  };
  for (const graph of Object.values(KEYBOARDS)) {
    let first = 0;
    while (first < chars.length - 1) {
      // Grow the chain from `first` while each character is next to the previous one.
      const directions: number[] = [];
      let last = first;
      while (last + 1 < chars.length) {
        const next = chars[last + 1]!;
        const direction = (graph[chars[last]!] ?? []).findIndex((key) => key !== null && key.includes(next));
        if (direction < 0) break;
        directions.push(direction);
        last += 1;
      }
      if (last - first + 1 >= MIN_WALK_LENGTH) {
        if (isDeliberateWalk(directions)) add(first, last);
        // Deliberate stretches inside a chain that wanders: straight runs and regular zigzags.
        for (let from = 0; from < directions.length; ) {
          let to = from;
          while (to + 1 < directions.length && directions[to + 1] === directions[from]) to += 1;
          add(first + from, first + to + 1);
          from = to + 1;
        }
        for (let from = 0; from + 1 < directions.length; ) {
          let to = from + 1;
          while (to + 1 < directions.length && directions[to + 1] === directions[to - 1]) to += 1;
          if (directions[from] !== directions[from + 1]) add(first + from, first + to + 1);
          from = to;
        }
      }
      first = last + 1;
    }
  }
  return found;
}

/** Sequences: 4+ characters whose code points go up or down by one step of 1 to 5 ("abcd", "97531", "абвг"). */
export function sequences(text: string): Piece[] {
  const points = [...text];
  const found: Piece[] = [];
  let offset = 0;
  let first = 0;
  let firstOffset = 0;
  const close = (last: number, endOffset: number): void => {
    if (last - first + 1 >= MIN_WALK_LENGTH) found.push({ kind: 'sequence', start: firstOffset, end: endOffset, token: text.slice(firstOffset, endOffset) });
  };
  let step: number | undefined;
  for (let index = 1; index <= points.length; index += 1) {
    offset += points[index - 1]!.length;
    const delta = index < points.length ? points[index]!.codePointAt(0)! - points[index - 1]!.codePointAt(0)! : undefined;
    const continues = delta !== undefined && delta !== 0 && Math.abs(delta) <= MAX_SEQUENCE_STEP && (step === undefined || delta === step);
    if (continues) {
      step = delta;
      continue;
    }
    close(index - 1, offset);
    // The next sequence may start at the last character of this one ("abcdcba").
    const restart = delta !== undefined && delta !== 0 && Math.abs(delta) <= MAX_SEQUENCE_STEP;
    first = restart ? index - 1 : index;
    firstOffset = restart ? offset - points[index - 1]!.length : offset;
    step = restart ? delta : undefined;
  }
  return found;
}

/** Recent years: 1900–2029. */
export function years(text: string): Piece[] {
  return [...text.matchAll(RECENT_YEAR)].map((match) => ({ kind: 'year' as const, start: match.index!, end: match.index! + match[0].length, token: match[0] }));
}

/** Repetitions of a unit, as zxcvbn finds them (the longest, then its shortest unit): "abcabcabc" (unit "abc"). */
export function repetitions(text: string): (Piece & { unit: string })[] {
  const found: (Piece & { unit: string })[] = [];
  const greedy = /(.+)\1+/gsu;
  const lazy = /(.+?)\1+/gsu;
  let from = 0;
  while (from < text.length) {
    greedy.lastIndex = from;
    lazy.lastIndex = from;
    const long = greedy.exec(text);
    if (!long) break;
    const short = lazy.exec(text)!;
    let match = short;
    let unit = short[1]!;
    if (long[0].length > short[0].length) {
      match = long;
      unit = /^(.+?)\1+$/su.exec(long[0])![1]!;
    }
    const end = match.index + match[0].length;
    if (lengthOf(match[0]) >= MIN_REPEAT_LENGTH) found.push({ kind: 'repetition', start: match.index, end, token: match[0], unit });
    from = end;
  }
  return found;
}
