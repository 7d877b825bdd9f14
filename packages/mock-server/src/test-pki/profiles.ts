/**
 * The test PKI's people and certificate profiles. Every person is made up;
 * their personal numbers (JMBG) have a valid control digit and a birth date
 * in 1900, so they belong to nobody alive. Each profile is one way a
 * certificate can be good or bad, named the way the tests and the demo
 * agent refer to it.
 */
import { OID } from '../certificates/oids.ts';
import type { TestBodyId } from './bodies.ts';

const WEIGHTS = [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** A JMBG from its first 12 digits: the mod-11 control digit appended (remainder 1, which has no digit, is avoided). */
export function withControlDigit(first12: string): string {
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(first12[index]), 0);
  const remainder = sum % 11;
  if (remainder === 1) throw new RangeError(`${first12}: remainder 1 has no control digit; pick another serial`);
  return `${first12}${remainder === 0 ? 0 : 11 - remainder}`;
}

/** The first serial (3 digits) from `start` whose number has a control digit. */
function jmbg(datePart: string, region: string, start: number): string {
  for (let serial = start; serial < start + 20; serial += 1) {
    const first12 = `${datePart}${region}${String(serial).padStart(3, '0')}`;
    try {
      return withControlDigit(first12);
    } catch {
      // next serial
    }
  }
  throw new Error('no serial with a control digit');
}

export interface TestPerson {
  givenName: string;
  surname: string;
  /** The personal number (JMBG) written as `PNORS<jmbg>` in the subject serialNumber. */
  personalNumber?: string;
  /** An identity-document number, for a certificate issued without the personal number (`IDCRS-…`). */
  documentNumber?: string;
  email?: string;
}

/** Made-up people (born 1 January 1900 and later that week, region 71 — Belgrade). */
export const TEST_PEOPLE = {
  petar: { givenName: 'Petar', surname: 'Testović', personalNumber: jmbg('0101900', '71', 1), email: 'petar.testovic@example.test' },
  /** Same name as Petar, another person: the CN must never decide the account. */
  petarNamesake: { givenName: 'Petar', surname: 'Testović', personalNumber: jmbg('0201900', '71', 2), email: 'petar.namesake@example.test' },
  jelena: { givenName: 'Jelena', surname: 'Probić', personalNumber: jmbg('0301900', '71', 3), email: 'jelena.probic@example.test' },
  milica: { givenName: 'Милица', surname: 'Огледић', personalNumber: jmbg('0401900', '71', 4) },
  marko: { givenName: 'Marko', surname: 'Bezbrojević', documentNumber: 'IDCRS-T00000005', email: 'marko.bezbrojevic@example.test' },
} satisfies Record<string, TestPerson>;

/** Petar's number with a wrong control digit. */
export const INVALID_PERSONAL_NUMBER = (() => {
  const valid = TEST_PEOPLE.petar.personalNumber;
  return `${valid.slice(0, 12)}${(Number(valid[12]) + 1) % 10}`;
})();

export const TEST_PROFILE_NAMES = [
  'valid',
  'valid-ecdsa',
  'expired',
  'not-yet-valid',
  'revoked',
  'wrong-key-usage',
  'wrong-eku',
  'wrong-policy',
  'untrusted',
  'self-signed',
  'no-personal-number',
  'no-email',
  'multi-valued-rdn',
  'reversed-rdn',
  'same-name',
  'no-private-key',
  'non-repudiation-only',
  'invalid-personal-number',
] as const;
export type TestProfileName = (typeof TEST_PROFILE_NAMES)[number];

/** How the subject's attributes are laid out. */
export type SubjectLayout =
  /** C, CN, SURNAME, GIVENNAME, SERIALNUMBER: one attribute per RDN, the usual order. */
  | 'standard'
  /** C, then one multi-valued RDN with CN, SURNAME, GIVENNAME and two serialNumber values (document and personal number). */
  | 'multi-valued'
  /** The standard attributes in the reverse order. */
  | 'reversed';

export interface ProfileSpec {
  name: TestProfileName;
  description: string;
  /** A test body's issuing CA, the CA that is not a trust anchor, or the certificate itself. */
  issuer: TestBodyId | 'untrusted' | 'self';
  person: TestPerson;
  key: 'rsa' | 'ecdsa';
  layout: SubjectLayout;
  validity: 'valid' | 'expired' | 'not-yet-valid';
  /** x509.KeyUsageFlags bits. */
  keyUsage: 'signing' | 'encipherment' | 'non-repudiation';
  extendedKeyUsages: readonly string[];
  policy: 'qualified' | 'other';
  revoked: boolean;
  /** Whether the token holds the private key (the demo agent's "certificate only" case). */
  keyOnToken: boolean;
  /** The serialNumber values to write, when not the person's. */
  serialNumbers?: readonly string[];
}

const QUALIFIED_EKU = [OID.clientAuth, OID.emailProtection];

function profile(name: TestProfileName, description: string, issuer: ProfileSpec['issuer'], person: TestPerson, changes: Partial<ProfileSpec> = {}): ProfileSpec {
  return {
    name,
    description,
    issuer,
    person,
    key: 'ecdsa',
    layout: 'standard',
    validity: 'valid',
    keyUsage: 'signing',
    extendedKeyUsages: QUALIFIED_EKU,
    policy: 'qualified',
    revoked: false,
    keyOnToken: true,
    ...changes,
  };
}

const { petar, petarNamesake, jelena, milica, marko } = TEST_PEOPLE;

export const PROFILE_SPECS: readonly ProfileSpec[] = Object.freeze([
  profile('valid', 'Valid qualified certificate, RSA 2048 (like the identity card)', 'mup', petar, { key: 'rsa' }),
  profile('valid-ecdsa', 'Valid qualified certificate, ECDSA P-256', 'halcom', jelena),
  profile('expired', 'Expired the day before the PKI was made', 'mup', petar, { key: 'rsa', validity: 'expired' }),
  profile('not-yet-valid', 'Valid only from ten years after the PKI was made', 'halcom', jelena, { validity: 'not-yet-valid' }),
  profile('revoked', 'Listed in its CA\'s revocation list', 'halcom', jelena, { revoked: true }),
  profile('wrong-key-usage', 'Key usage keyEncipherment only (no digitalSignature)', 'posta', jelena, { keyUsage: 'encipherment' }),
  profile('wrong-eku', 'Extended key usage serverAuth and codeSigning only', 'pks', jelena, { extendedKeyUsages: [OID.serverAuth, OID.codeSigning] }),
  profile('wrong-policy', 'A policy of its CA that is not the qualified one', 'mup', petar, { key: 'rsa', policy: 'other' }),
  profile('untrusted', 'Issued by a CA that is not a trust anchor', 'untrusted', petar),
  profile('self-signed', 'Self-signed, with the usual subject and policy', 'self', petar),
  profile('no-personal-number', 'No personal number (an identity-document number instead): mapped by issuer and serial', 'esmart', marko),
  profile('no-email', 'No e-mail in subjectAltName; Cyrillic names', 'ite', milica),
  profile('multi-valued-rdn', 'Petar again, with a multi-valued RDN holding both serialNumber values', 'posta', petar, { layout: 'multi-valued' }),
  profile('reversed-rdn', 'Petar again, with the subject attributes in reverse order', 'pks', petar, { layout: 'reversed' }),
  profile('same-name', 'Another person with exactly Petar\'s name (CN), another personal number', 'esmart', petarNamesake),
  profile('no-private-key', 'Valid, but its private key is not on the token', 'mup', petar, { key: 'rsa', keyOnToken: false }),
  profile('non-repudiation-only', 'Key usage nonRepudiation only', 'halcom', jelena, { keyUsage: 'non-repudiation' }),
  profile('invalid-personal-number', 'A personal number with a wrong control digit', 'pks', petar, { serialNumbers: [`PNORS${INVALID_PERSONAL_NUMBER}`] }),
]);

/** The subject serialNumber values of a profile. */
export function serialNumbersOf(spec: ProfileSpec): string[] {
  if (spec.serialNumbers) return [...spec.serialNumbers];
  const values: string[] = [];
  if (spec.person.documentNumber) values.push(spec.person.documentNumber);
  if (spec.person.personalNumber) values.push(`PNORS${spec.person.personalNumber}`);
  return values;
}

/** The subject of a profile, as @peculiar/x509's JSON name (each object one RDN). */
export function subjectOf(spec: ProfileSpec): Record<string, string[]>[] {
  const { person } = spec;
  const commonName = `${person.givenName} ${person.surname}`;
  const serials = serialNumbersOf(spec);
  if (spec.layout === 'multi-valued') {
    const withDocument = serials.length === 1 && person.personalNumber ? [`IDCRS-T${person.personalNumber.slice(0, 8)}`, ...serials] : serials;
    return [
      { [OID.country]: ['RS'] },
      { [OID.commonName]: [commonName], [OID.surname]: [person.surname], [OID.givenName]: [person.givenName], [OID.serialNumber]: withDocument },
    ];
  }
  const standard: Record<string, string[]>[] = [
    { [OID.country]: ['RS'] },
    { [OID.commonName]: [commonName] },
    { [OID.surname]: [person.surname] },
    { [OID.givenName]: [person.givenName] },
    ...serials.map((value) => ({ [OID.serialNumber]: [value] })),
  ];
  return spec.layout === 'reversed' ? standard.reverse() : standard;
}

/** Which profiles the development soft tokens hold (DevTestTokensResponse). */
export const TEST_TOKENS: readonly { id: string; label: string; pin: string; maxPinTries: number; profiles: readonly TestProfileName[] }[] = Object.freeze([
  { id: 'test-mup-id-card', label: 'TEST MUP lična karta', pin: '1234', maxPinTries: 3, profiles: ['valid', 'expired', 'no-private-key', 'wrong-policy'] },
  { id: 'test-halcom', label: 'TEST Halcom', pin: '1234', maxPinTries: 5, profiles: ['valid-ecdsa', 'untrusted', 'revoked', 'not-yet-valid'] },
  {
    id: 'test-other-profiles',
    label: 'TEST ostali profili',
    pin: '1234',
    maxPinTries: 5,
    profiles: [
      'multi-valued-rdn',
      'reversed-rdn',
      'same-name',
      'no-personal-number',
      'no-email',
      'wrong-key-usage',
      'wrong-eku',
      'non-repudiation-only',
      'self-signed',
      'invalid-personal-number',
    ],
  },
]);
