/**
 * The certification bodies the test PKI imitates: for each, a TEST root and
 * a TEST issuing CA with its own qualified-policy OID under 2.999 (the
 * ITU-T/ISO "example" arc, which no real policy uses). The CA directory
 * (`certification-bodies.ts`) lists the issuing CAs' names, so the picker
 * recognises the test certificates' issuers as it recognises real ones.
 */
export const TEST_BODY_IDS = ['mup', 'posta', 'pks', 'halcom', 'esmart', 'ite'] as const;
export type TestBodyId = (typeof TEST_BODY_IDS)[number];

export interface TestBody {
  id: TestBodyId;
  /** The subject organization of its CAs. */
  organization: string;
  rootName: string;
  issuingName: string;
  /** The policy OID its qualified certificates carry. */
  qualifiedPolicy: string;
  /** A policy OID of its certificates that are not qualified. */
  otherPolicy: string;
  /** Key type of its CAs: RSA like the state CAs, ECDSA for the rest (and fast to generate). */
  keys: 'rsa' | 'ecdsa';
}

/** The test arc: 2.999 (example) . 381 (Serbia's calling code, for recognisability). */
export const TEST_POLICY_ARC = '2.999.381';

function body(id: TestBodyId, index: number, organization: string, shortName: string, keys: 'rsa' | 'ecdsa'): TestBody {
  return {
    id,
    organization: `TEST ${organization}`,
    rootName: `TEST ${shortName} Root CA`,
    issuingName: `TEST ${shortName} Qualified CA`,
    qualifiedPolicy: `${TEST_POLICY_ARC}.${index}.1.1`,
    otherPolicy: `${TEST_POLICY_ARC}.${index}.1.2`,
    keys,
  };
}

export const TEST_BODIES: readonly TestBody[] = Object.freeze([
  body('mup', 1, 'Ministarstvo unutrasnjih poslova', 'MUP', 'rsa'),
  body('posta', 2, 'JP Posta Srbije', 'Posta', 'rsa'),
  body('pks', 3, 'Privredna komora Srbije', 'PKS', 'ecdsa'),
  body('halcom', 4, 'Halcom', 'Halcom', 'ecdsa'),
  body('esmart', 5, 'eSMART Systems', 'eSMART', 'ecdsa'),
  body('ite', 6, 'Kancelarija za IT i eUpravu', 'ITE', 'ecdsa'),
]);

/** A CA that is deliberately not a trust anchor (the `untrusted` profile's issuer). */
export const UNTRUSTED_BODY = Object.freeze({
  organization: 'TEST Nepoznato sertifikaciono telo',
  rootName: 'TEST Nepoznato Root CA',
  issuingName: 'TEST Nepoznato Qualified CA',
});

export function testBody(id: TestBodyId): TestBody {
  return TEST_BODIES.find((candidate) => candidate.id === id)!;
}
