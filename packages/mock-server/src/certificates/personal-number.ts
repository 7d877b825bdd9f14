import { checkForeignerNumber } from '@egov/auth-widgets/rules';

/**
 * The semantics prefix of a Serbian personal number in a certificate's
 * subject serialNumber (ETSI EN 319 412-1: "PNO" + country "RS"). Serbian
 * certification bodies write the JMBG right after it; the ETSI form with a
 * hyphen (`PNORS-…`) is accepted too.
 */
const PERSONAL_NUMBER_PREFIX = /^PNORS-?/;

/**
 * A JMBG (unique master citizen number): 13 digits, DDMMYYY birth date,
 * region, serial, mod-11 control digit. It has the same structure and
 * control digit as the foreigner's registration number, so the shared rule
 * checks both.
 */
export function isValidJmbg(value: string): boolean {
  return checkForeignerNumber(value) === undefined;
}

export type PersonalNumberResult =
  /** Exactly one checksum-valid personal number (possibly written several times). */
  | { kind: 'found'; personalNumber: string }
  /** No serialNumber value claims a Serbian personal number: the identity falls back to issuer and serial. */
  | { kind: 'absent' }
  /** A value claims one but is not a valid JMBG, or two different ones are claimed. */
  | { kind: 'invalid' };

/**
 * The personal number among the subject's serialNumber values — every value
 * of every RDN, multi-valued ones included, in any order. A value that
 * claims a personal number and fails the checksum, or two different
 * numbers, make the certificate unusable for mapping rather than falling
 * back: that would give the same person a second account.
 */
export function personalNumberOf(serialNumbers: readonly string[]): PersonalNumberResult {
  const claimed = serialNumbers.filter((value) => PERSONAL_NUMBER_PREFIX.test(value)).map((value) => value.replace(PERSONAL_NUMBER_PREFIX, ''));
  if (claimed.length === 0) return { kind: 'absent' };
  const distinct = new Set(claimed);
  const [only] = distinct;
  if (distinct.size !== 1 || !isValidJmbg(only!)) return { kind: 'invalid' };
  return { kind: 'found', personalNumber: only! };
}
