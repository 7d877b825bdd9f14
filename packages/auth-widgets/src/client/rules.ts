/**
 * Validation rules the widgets and the backend share, so a field the form
 * accepts is a field the server accepts (and the messages agree).
 */
import { LIMITS } from './limits.js';

export {
  passwordLength,
  isPasswordTooLong,
  checkPasswordLength,
  type PasswordLengthProblem,
} from './limits.js';
export { isAllowedWebUrl, linkHref, LOCALE_SLOT, DEFAULT_LOCALE_PARAM, isLocaleParamName, localizedUrl } from './links.js';

export type ForeignerNumberProblem = 'invalid_format' | 'invalid_date' | 'invalid_checksum';

const WEIGHTS = [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/**
 * The foreigner's registration number (evidencijski broj stranca): 13 digits,
 * DDMMYYY birth date first, a mod-11 control digit last, as for the JMBG.
 * Returns what is wrong, or `undefined` when it is valid.
 *
 * Remainder 1 gives a control value of 10, which has no digit: issuers have
 * written 0 there, so 0 is accepted for it rather than refusing a real number.
 */
export function checkForeignerNumber(value: string): ForeignerNumberProblem | undefined {
  if (!/^\d{13}$/.test(value)) return 'invalid_format';
  const digits = [...value].map(Number);
  const day = Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const yyy = Number(value.slice(4, 7));
  const year = yyy >= 800 ? 1000 + yyy : 2000 + yyy;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || day < 1 || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return 'invalid_date';
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * digits[i]!, 0);
  const remainder = sum % 11;
  const control = digits[12]!;
  const expected = remainder === 0 ? 0 : 11 - remainder;
  if (expected === 10) return control === 0 ? undefined : 'invalid_checksum';
  return control === expected ? undefined : 'invalid_checksum';
}

// One plain address: `?`, `&`, `%` or a second recipient would let a directory entry add recipients or a prefilled body.
const MAILTO_ADDRESS = /^[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;

/** `mailto:` for one plain e-mail address (a support contact), else `undefined`: show it as text. */
export function mailtoHref(email: string | undefined): string | undefined {
  return email && email.length <= LIMITS.emailMaxLength && MAILTO_ADDRESS.test(email) ? `mailto:${email}` : undefined;
}

/** `tel:` with the digits of a phone number as people write it, else `undefined`: show it as text. */
export function telHref(phone: string | undefined): string | undefined {
  return phone && isPlausiblePhone(phone) ? `tel:${phone.replace(/[^\d+]/g, '')}` : undefined;
}

/** `YYYY-MM-DD` that is a real calendar date. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The earliest date of birth either side accepts. */
export const EARLIEST_BIRTH_DATE = '1900-01-01';

/** A date of birth: a real `YYYY-MM-DD` date, from 1900 on, before `today` (also `YYYY-MM-DD`, UTC). */
export function isPlausibleBirthDate(value: string, today: string): boolean {
  return isIsoDate(value) && value >= EARLIEST_BIRTH_DATE && value < today;
}

/** A phone number as people write it: digits, spaces, +, -, (, ), and at least 6 digits. */
export function isPlausiblePhone(value: string): boolean {
  return value.length <= LIMITS.phoneMaxLength && /^\+?[\d\s()-]+$/.test(value) && value.replace(/\D/g, '').length >= 6;
}

/** Passport / ID document numbers: letters and digits (some with a space or dash). */
export function isPlausibleDocumentNumber(value: string): boolean {
  return value.length <= LIMITS.documentNumberMaxLength && /^[A-Za-z0-9][A-Za-z0-9 -]*$/.test(value);
}

/** ISO 3166-1 alpha-2 codes (officially assigned), for citizenship. Names come from Intl.DisplayNames. */
export const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
  'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

export function isCountryCode(value: string): boolean {
  return COUNTRY_CODES.includes(value);
}

/**
 * A JMBG (unique master citizen number): 13 digits, DDMMYYY birth date,
 * region, serial, mod-11 control digit — the same structure and control
 * digit as the foreigner's registration number, so one rule checks both.
 */
export function isValidJmbg(value: string): boolean {
  return checkForeignerNumber(value) === undefined;
}

/**
 * A natural person's semantics identifier in a qualified certificate's
 * subject serialNumber (ETSI EN 319 412-1, 5.1.3): a type — `PNO` national
 * personal number, `IDC` identity card, `PAS` passport —, the issuing
 * country, a hyphen, the number: `PNORS-0101990710008`, `IDCRS-…`,
 * `PASDE-C01X00T47`. Read in any letter case. Serbian issuers also write
 * `CA:RS-<n>` (their own customer number) in the same RDN: not an identity.
 * The hyphen may be missing only in `PNORS<JMBG>`, as older certificates
 * write it.
 */
const SEMANTICS_IDENTIFIER = /^(PNO|IDC|PAS)([A-Z]{2})-([A-Z0-9][A-Z0-9./-]{0,63})$/i;
const LEGACY_PERSONAL_NUMBER = /^PNORS(\d{13})$/i;

/** Which identifier wins when a subject carries several kinds: the one that survives renewal best. */
const IDENTIFIER_ORDER = ['PNO', 'IDC', 'PAS'] as const;

export interface HolderIdentifier {
  type: (typeof IDENTIFIER_ORDER)[number];
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  /** Upper case; for `PNO` + `RS` a checksum-valid JMBG or foreigner's number. */
  number: string;
}

export type HolderIdentifierResult =
  /** One identifier of the strongest type present (possibly written several times). */
  | { kind: 'found'; identifier: HolderIdentifier }
  /** None: the backend falls back to issuer and serial, which a renewal does not keep. */
  | { kind: 'absent' }
  /** A Serbian personal number with a wrong control digit, or two different identifiers of the strongest type: refused. */
  | { kind: 'invalid' };

function parseIdentifier(value: string): HolderIdentifier | 'invalid' | undefined {
  const trimmed = value.trim();
  const legacy = LEGACY_PERSONAL_NUMBER.exec(trimmed);
  const match = legacy ? (['', 'PNO', 'RS', legacy[1]!] as const) : SEMANTICS_IDENTIFIER.exec(trimmed);
  if (!match) return /^PNORS/i.test(trimmed) ? 'invalid' : undefined;
  const identifier: HolderIdentifier = {
    type: match[1]!.toUpperCase() as HolderIdentifier['type'],
    country: match[2]!.toUpperCase(),
    number: match[3]!.toUpperCase(),
  };
  if (identifier.type === 'PNO' && identifier.country === 'RS' && !isValidJmbg(identifier.number)) return 'invalid';
  return identifier;
}

/**
 * The holder's identifier among a certificate subject's serialNumber values
 * — every value of every RDN, multi-valued ones included, in any order. The
 * backend maps accounts with it and the picker reads it with the same rule,
 * so the picker hides exactly the certificates the backend would refuse. A
 * Serbian personal number that fails its checksum, or two different
 * identifiers of the strongest type, make the certificate unusable rather
 * than falling back to issuer and serial: that would give the same person a
 * second account.
 */
export function holderIdentifierOf(serialNumbers: readonly string[]): HolderIdentifierResult {
  const parsed = serialNumbers.map(parseIdentifier);
  if (parsed.includes('invalid')) return { kind: 'invalid' };
  const found = parsed.filter((value): value is HolderIdentifier => value !== undefined && value !== 'invalid');
  for (const type of IDENTIFIER_ORDER) {
    const distinct = new Map(found.filter((id) => id.type === type).map((id) => [`${id.country}-${id.number}`, id]));
    if (distinct.size > 1) return { kind: 'invalid' };
    const [only] = distinct.values();
    if (only) return { kind: 'found', identifier: only };
  }
  return { kind: 'absent' };
}

/** `PNORS-0101990710008`: an identifier as ETSI writes it (for logs and display, never stored in clear). */
export function formatHolderIdentifier(identifier: HolderIdentifier): string {
  return `${identifier.type}${identifier.country}-${identifier.number}`;
}

export type PersonalNumberResult =
  /** Exactly one checksum-valid Serbian personal number. */
  | { kind: 'found'; personalNumber: string }
  /** No Serbian personal number (another identifier, or none). */
  | { kind: 'absent' }
  /** The certificate is refused (see `holderIdentifierOf`). */
  | { kind: 'invalid' };

/** The Serbian personal number (JMBG or foreigner's number) among the serialNumber values: `PNO` + `RS` of `holderIdentifierOf`. */
export function personalNumberOf(serialNumbers: readonly string[]): PersonalNumberResult {
  const result = holderIdentifierOf(serialNumbers);
  if (result.kind !== 'found') return result;
  const { type, country, number } = result.identifier;
  return type === 'PNO' && country === 'RS' ? { kind: 'found', personalNumber: number } : { kind: 'absent' };
}
