/**
 * The test PKI's people and certificate profiles. Every person is made up;
 * their personal numbers (JMBG) have a valid control digit and a birth date
 * in 1900, so they belong to nobody alive. Each profile is one way a
 * certificate can be good or bad, named the way the tests and the demo
 * agent refer to it. Subjects are written as the real certification bodies
 * write them (docs/real-pki-facts.md §3): `CA:RS-<n>` and `PNORS-<JMBG>`
 * beside the names in one multi-valued RDN, the CN as each body writes it.
 */
import { OID } from '../certificates/oids.ts';
import { testBody, type TestBody, type TestBodyId } from './bodies.ts';

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
  /** The personal number (JMBG) written as `PNORS-<jmbg>` in the subject serialNumber. */
  personalNumber?: string;
  /** An identifier for a holder without a Serbian personal number: an identity card's (`IDCRS-…`) or a passport's (`PASDE-…`). */
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
  /** A Serbian identity card's number, no personal number. */
  marko: { givenName: 'Marko', surname: 'Bezbrojević', documentNumber: 'IDCRS-T00000005', email: 'marko.bezbrojevic@example.test' },
  /** A foreigner with a (made-up) German passport. */
  hans: { givenName: 'Hans', surname: 'Prüfmann', documentNumber: 'PASDE-T0000P047', email: 'hans.pruefmann@example.test' },
  /** No holder identifier at all: only the body's customer number. */
  nikola: { givenName: 'Nikola', surname: 'Bezimenić', email: 'nikola.bezimenic@example.test' },
  /**
   * A foreigner living in Serbia, with a MUP identity card for foreigners (MUP Stranci CA 4): his foreigner's
   * registration number (evidencijski broj stranca) has the JMBG's form — DDMMYYY, region, serial, mod-11 control
   * digit — and is written as `PNORS-<number>`. docs/real-pki-facts.md §3.3 calls `PNORS-` for MUP's foreigners'
   * certificates "plausible but unverified" (no source states the identifier format), and no source gives the region
   * digits of a foreigner's number: 71 as for the others.
   */
  luca: { givenName: 'Luca', surname: 'Stranieri', personalNumber: jmbg('0501900', '71', 5), email: 'luca.stranieri@example.test' },
  /** Holder of the Paperless certificate. */
  vesna: { givenName: 'Vesna', surname: 'Bespapirić', personalNumber: jmbg('0601900', '71', 6), email: 'vesna.bespapiric@example.test' },
  /** Holder of the E-Smart certificate with a personal number. */
  stefan: { givenName: 'Stefan', surname: 'Pametić', personalNumber: jmbg('0701900', '71', 7), email: 'stefan.pametic@example.test' },
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
  'idc-holder',
  'passport-holder',
  'mup-authentication',
  'mup-stranci',
  'esmart-rsa-pss',
  'paperless',
] as const;
export type TestProfileName = (typeof TEST_PROFILE_NAMES)[number];

/** How the subject's attributes are laid out. */
export type SubjectLayout =
  /** As the bodies write it: C, then one multi-valued RDN with CN, SURNAME, GIVENNAME and the serialNumbers `CA:RS-<n>` and the holder's identifier (Halcom: emailAddress after it). */
  | 'real'
  /** The real layout with an identity card's number too in the multi-valued RDN (the personal number wins). */
  | 'multi-valued'
  /** Every attribute in its own RDN, in the reverse order. */
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
  /** x509.KeyUsageFlags bits; `body` = as the issuing body writes its signing certificates. */
  keyUsage: 'body' | 'signing' | 'encipherment' | 'non-repudiation' | 'authentication';
  extendedKeyUsages: readonly string[];
  /** `qualified`: QCP-n-qscd + the body's TEST policy + qcStatements; `other`: the body's non-qualified policy only. */
  policy: 'qualified' | 'other';
  revoked: boolean;
  /** Whether the token holds the private key (the demo agent's "certificate only" case). */
  keyOnToken: boolean;
  /** The holder identifiers to write (serialNumber values beside `CA:RS-<n>`), when not the person's. */
  serialNumbers?: readonly string[];
  /** The profile whose customer number (`CA:RS-<n>`, and so the CN) this one repeats. */
  customerNumberOf?: TestProfileName;
}

const QUALIFIED_EKU = [OID.clientAuth, OID.emailProtection];

function profile(name: TestProfileName, description: string, issuer: ProfileSpec['issuer'], person: TestPerson, changes: Partial<ProfileSpec> = {}): ProfileSpec {
  return {
    name,
    description,
    issuer,
    person,
    key: 'ecdsa',
    layout: 'real',
    validity: 'valid',
    keyUsage: 'body',
    extendedKeyUsages: QUALIFIED_EKU,
    policy: 'qualified',
    revoked: false,
    keyOnToken: true,
    ...changes,
  };
}

const { petar, petarNamesake, jelena, milica, marko, hans, nikola, luca, vesna, stefan } = TEST_PEOPLE;

export const PROFILE_SPECS: readonly ProfileSpec[] = Object.freeze([
  profile('valid', 'Valid qualified signing certificate of the MUP identity card, RSA 2048', 'mup', petar, { key: 'rsa' }),
  profile('valid-ecdsa', 'Valid qualified certificate, ECDSA P-256; Halcom: nonRepudiation only, e-mail in the subject', 'halcom', jelena),
  profile('expired', 'Expired the day before the PKI was made', 'mup', petar, { key: 'rsa', validity: 'expired' }),
  profile('not-yet-valid', 'Valid only from ten years after the PKI was made', 'halcom', jelena, { validity: 'not-yet-valid' }),
  profile('revoked', 'Listed in its CA\'s revocation list', 'halcom', jelena, { revoked: true }),
  profile('wrong-key-usage', 'Key usage keyEncipherment only (neither nonRepudiation nor digitalSignature)', 'posta', jelena, { keyUsage: 'encipherment' }),
  profile('wrong-eku', 'Extended key usage serverAuth and codeSigning only', 'pks', jelena, { extendedKeyUsages: [OID.serverAuth, OID.codeSigning] }),
  profile('wrong-policy', 'Only a policy of its CA that is not the qualified one, no QCP-n-qscd, no qcStatements', 'mup', petar, { key: 'rsa', policy: 'other' }),
  profile('untrusted', 'Issued by a CA that is not a trust anchor', 'untrusted', petar),
  profile('self-signed', 'Self-signed, with the usual subject and policies', 'self', petar),
  profile('no-personal-number', 'No holder identifier, only the body\'s CA:RS- number: mapped by issuer and serial', 'esmart', nikola),
  profile('no-email', 'No e-mail; Cyrillic names', 'ite', milica),
  profile('multi-valued-rdn', 'Petar again (Pošta), an identity card\'s number beside the personal number in the multi-valued RDN', 'posta', petar, { layout: 'multi-valued' }),
  profile('reversed-rdn', 'Petar again (PKS), every attribute in its own RDN, in reverse order', 'pks', petar, { layout: 'reversed' }),
  profile('same-name', 'Another person with exactly Petar\'s CN (same customer number), another personal number', 'mup', petarNamesake, { key: 'rsa', customerNumberOf: 'valid' }),
  profile('no-private-key', 'Valid, but its private key is not on the token', 'mup', petar, { key: 'rsa', keyOnToken: false }),
  profile('non-repudiation-only', 'Key usage nonRepudiation only (how Halcom issues its qualified certificates)', 'halcom', jelena, { keyUsage: 'non-repudiation' }),
  profile('invalid-personal-number', 'A personal number with a wrong control digit', 'pks', petar, { serialNumbers: [`PNORS-${INVALID_PERSONAL_NUMBER}`] }),
  profile('idc-holder', 'No personal number: an identity card\'s number (IDCRS-…)', 'halcom', marko),
  profile('passport-holder', 'A foreigner: a passport\'s number (PASDE-…)', 'halcom', hans),
  profile('mup-authentication', 'The MUP card\'s authentication certificate: digitalSignature only, clientAuth, not qualified', 'mup', petar, {
    key: 'rsa',
    keyUsage: 'authentication',
    extendedKeyUsages: [OID.clientAuth],
    policy: 'other',
  }),
  profile('mup-stranci', 'Valid qualified signing certificate of a foreigner\'s MUP identity card (MUP Stranci CA 4): PNORS- with his foreigner\'s registration number, RSA 2048', 'mup-stranci', luca, {
    key: 'rsa',
  }),
  profile('esmart-rsa-pss', 'Valid qualified certificate with a personal number from the E-Smart CA, which signs with RSA-PSS/SHA-512', 'esmart', stefan, { key: 'rsa' }),
  profile('paperless', 'Valid qualified certificate from Paperless FL eSignature CA 1 (CAs sign with SHA-512, critical CRL distribution point)', 'paperless', vesna, { key: 'rsa' }),
]);

/** The customer number a body writes as `CA:RS-<n>` (and at the end of the CN): made up per profile, as many digits as the body uses. */
export function customerNumberOf(spec: ProfileSpec, body: TestBody): string {
  const name = spec.customerNumberOf ?? spec.name;
  const index = PROFILE_SPECS.findIndex((candidate) => candidate.name === name);
  return String(2 * 10 ** (body.leaf.customerDigits - 1) + index + 1);
}

/** The subject serialNumber values of a profile: the body's `CA:RS-<n>`, then the holder's identifiers. */
export function serialNumbersOf(spec: ProfileSpec, body: TestBody): string[] {
  const values = [`CA:RS-${customerNumberOf(spec, body)}`];
  if (spec.serialNumbers) return [...values, ...spec.serialNumbers];
  if (spec.person.documentNumber) values.push(spec.person.documentNumber);
  if (spec.person.personalNumber) values.push(`PNORS-${spec.person.personalNumber}`);
  return values;
}

const LATIN_TO_CYRILLIC: Record<string, string> = {
  lj: 'љ', nj: 'њ', dž: 'џ', a: 'а', b: 'б', v: 'в', g: 'г', d: 'д', đ: 'ђ', e: 'е', ž: 'ж', z: 'з', i: 'и', j: 'ј', k: 'к', l: 'л', m: 'м', n: 'н',
  o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', ć: 'ћ', u: 'у', f: 'ф', h: 'х', c: 'ц', č: 'ч', š: 'ш',
};

/** Serbian Latin to Cyrillic (Cyrillic stays as it is), for MUP's CN. */
function toCyrillic(text: string): string {
  return text.toLowerCase().replace(/lj|nj|dž|[a-zđžćčš]/g, (letter) => LATIN_TO_CYRILLIC[letter] ?? letter);
}

/** The CN as the body writes it: MUP `<GIVEN> <SURNAME> <n> Sign` in Cyrillic capitals, the others `<Given> <Surname> <n>`. */
export function commonNameOf(spec: ProfileSpec, body: TestBody): string {
  const { person } = spec;
  const number = customerNumberOf(spec, body);
  if (body.leaf.commonName === 'mup') return `${toCyrillic(`${person.givenName} ${person.surname}`).toUpperCase()} ${number} Sign`;
  return `${person.givenName} ${person.surname} ${number}`;
}

/** The subject of a profile written by `body`, as @peculiar/x509's JSON name (each object one RDN). */
export function subjectOf(spec: ProfileSpec, body: TestBody = testBody('mup')): Record<string, string[]>[] {
  const { person } = spec;
  const serials = serialNumbersOf(spec, body);
  const commonName = commonNameOf(spec, body);
  const email: Record<string, string[]>[] = body.leaf.email === 'subject' && person.email ? [{ [OID.emailAddress]: [person.email] }] : [];
  if (spec.layout === 'reversed') {
    const separate: Record<string, string[]>[] = [
      { [OID.country]: ['RS'] },
      { [OID.commonName]: [commonName] },
      { [OID.surname]: [person.surname] },
      { [OID.givenName]: [person.givenName] },
      ...serials.map((value) => ({ [OID.serialNumber]: [value] })),
      ...email,
    ];
    return separate.reverse();
  }
  const identifiers = spec.layout === 'multi-valued' && person.personalNumber ? [...serials, `IDCRS-T${person.personalNumber.slice(0, 8)}`] : serials;
  return [
    { [OID.country]: ['RS'] },
    { [OID.commonName]: [commonName], [OID.surname]: [person.surname], [OID.givenName]: [person.givenName], [OID.serialNumber]: identifiers },
    ...email,
  ];
}

/** Which profiles the development soft tokens hold (DevTestTokensResponse). */
export const TEST_TOKENS: readonly { id: string; label: string; pin: string; maxPinTries: number; profiles: readonly TestProfileName[] }[] = Object.freeze([
  {
    id: 'test-mup-id-card',
    label: 'TEST MUP lična karta',
    pin: '1234',
    maxPinTries: 3,
    profiles: ['valid', 'mup-authentication', 'expired', 'no-private-key', 'wrong-policy'],
  },
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
      'idc-holder',
      'passport-holder',
      'no-email',
      'wrong-key-usage',
      'wrong-eku',
      'non-repudiation-only',
      'self-signed',
      'invalid-personal-number',
      'esmart-rsa-pss',
      'paperless',
    ],
  },
  /** A foreigner's MUP identity card (MUP Stranci CA 4): like the citizens' card, it sends no CA certificate. */
  { id: 'test-mup-foreigner-card', label: 'TEST MUP lična karta za strance', pin: '1234', maxPinTries: 3, profiles: ['mup-stranci'] },
]);
