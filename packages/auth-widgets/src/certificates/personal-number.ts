/**
 * The Serbian personal number (JMBG) as qualified certificates carry it: in
 * the subject's serialNumber attribute, ETSI EN 319 412-1 style, `PNORS`
 * followed by the 13 digits (some issuers write `PNORS-`).
 */
import { checkForeignerNumber } from '../client/rules.js';

/**
 * A JMBG: 13 digits, DDMMYYY a real date, and the mod-11 control digit
 * (weights 7 6 5 4 3 2 7 6 5 4 3 2; a control value of 10 or 11 is written
 * as 0). The foreigner's registration number follows the same rule, so
 * both share one implementation (`checkForeignerNumber` in client/rules).
 */
export function isValidJmbg(value: string): boolean {
  return checkForeignerNumber(value) === undefined;
}

const SEMANTICS_IDENTIFIER = /^PNORS-?(\d{13})$/i;

/** The JMBG in one serialNumber value, if it is a `PNORS` identifier with a valid checksum. */
export function personalNumberFromSerial(value: string): string | undefined {
  const digits = SEMANTICS_IDENTIFIER.exec(value.trim())?.[1];
  return digits && isValidJmbg(digits) ? digits : undefined;
}

/**
 * The personal number from every serialNumber value of a subject (multi-valued
 * RDNs included, any order). Two different valid numbers make the subject
 * ambiguous: then there is none, rather than a guess.
 */
export function personalNumberFromSerials(values: string[]): string | undefined {
  const numbers = new Set(values.map(personalNumberFromSerial).filter((n): n is string => n !== undefined));
  return numbers.size === 1 ? [...numbers][0] : undefined;
}
