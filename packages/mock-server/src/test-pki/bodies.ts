/**
 * The certification bodies the test PKI imitates: for each, a TEST root and
 * a TEST issuing CA shaped like the body's real issuing CA (docs/real-pki-facts.md
 * §2.5: the same attributes in the same order, the same kind of name) but
 * marked TEST in CN and O, never copied from the CA directory. Their
 * certificates carry the EU policy QCP-n-qscd beside a CA-specific policy
 * under 2.999 (the ITU-T/ISO "example" arc, which no real policy uses), so
 * nobody mistakes a test certificate for a real one. The CA directory
 * (`certification-bodies.ts`) lists the issuing CAs' names, so the picker
 * recognises the test certificates' issuers as it recognises real ones.
 */
export const TEST_BODY_IDS = ['mup', 'posta', 'pks', 'halcom', 'esmart', 'ite'] as const;
export type TestBodyId = (typeof TEST_BODY_IDS)[number];

/** Key and signature of a body's CAs: RSA PKCS#1 v1.5, RSA-PSS with SHA-512 (E-Smart's, as its real CAs), ECDSA P-256. */
export type CaKeyKind = 'rsa' | 'rsa-pss' | 'ecdsa';

/** X.520 / ETSI attribute types of CA and user subjects the test PKI writes (beside those in `OID`). */
export const NAME_OID = {
  country: '2.5.4.6',
  locality: '2.5.4.7',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  commonName: '2.5.4.3',
  /** organizationIdentifier (ETSI EN 319 412-1): `VATRS-…`, `MB:RS-…`. */
  organizationIdentifier: '2.5.4.97',
} as const;

/** How a body writes its users' certificates (docs/real-pki-facts.md §3). */
export interface LeafStyle {
  /** The signing certificate's key usage: digitalSignature + nonRepudiation (MUP, Pošta), nonRepudiation only (Halcom). */
  keyUsage: 'signing' | 'non-repudiation';
  /** Where the e-mail goes: subjectAltName rfc822Name (MUP, Pošta) or the subject's emailAddress (Halcom). */
  email: 'subject-alt-name' | 'subject';
  /** The CN: `<GIVEN> <SURNAME> <n> Sign` in Cyrillic capitals (MUP), `<Given> <Surname> <n>` (the rest). */
  commonName: 'mup' | 'name-number';
  /** Digits of the `CA:RS-<n>` customer number (and of the CN's number): 9 (MUP, Pošta), 6 (Halcom). */
  customerDigits: number;
}

export interface TestBody {
  id: TestBodyId;
  /** The subject organization (O) of its CAs. */
  organization: string;
  rootName: string;
  issuingName: string;
  /** Its CAs' subjects, in DER order (each object one RDN), as @peculiar/x509 JSON names. */
  caSubject(commonName: string): Record<string, string[]>[];
  /** Its own (TEST) policy OID of qualified certificates, beside QCP-n-qscd. */
  qualifiedPolicy: string;
  /** A policy OID of its certificates that are not qualified. */
  otherPolicy: string;
  keys: CaKeyKind;
  leaf: LeafStyle;
}

/** The test arc: 2.999 (example) . 381 (Serbia's calling code, for recognisability). */
export const TEST_POLICY_ARC = '2.999.381';

const { country: C, locality: L, organization: O, organizationalUnit: OU, commonName: CN, organizationIdentifier: ORG_ID } = NAME_OID;

/** One RDN of a JSON name: `type` with its values (several: a multi-valued RDN). */
const rdn = (type: string, ...values: string[]): Record<string, string[]> => ({ [type]: values });

const STATE_LEAF: LeafStyle = { keyUsage: 'signing', email: 'subject-alt-name', commonName: 'name-number', customerDigits: 9 };

interface BodyShape {
  organization: string;
  rootName: string;
  issuingName: string;
  caSubject(organization: string, commonName: string): Record<string, string[]>[];
  keys: CaKeyKind;
  leaf: LeafStyle;
}

function body(id: TestBodyId, index: number, shape: BodyShape): TestBody {
  const organization = `TEST ${shape.organization}`;
  return {
    id,
    organization,
    rootName: `TEST ${shape.rootName}`,
    issuingName: `TEST ${shape.issuingName}`,
    caSubject: (commonName) => shape.caSubject(organization, commonName),
    qualifiedPolicy: `${TEST_POLICY_ARC}.${index}.1.1`,
    otherPolicy: `${TEST_POLICY_ARC}.${index}.1.2`,
    keys: shape.keys,
    leaf: shape.leaf,
  };
}

export const TEST_BODIES: readonly TestBody[] = Object.freeze([
  // C · L · orgId · OU · O · CN, as `MUP Gradjani CA 4`.
  body('mup', 1, {
    organization: 'Ministarstvo unutrašnjih poslova Republike Srbije',
    rootName: 'MUP Root CA 4',
    issuingName: 'MUP Gradjani CA 4',
    caSubject: (organization, commonName) => [
      rdn(C, 'RS'),
      rdn(L, 'Beograd'),
      rdn(ORG_ID, 'VATRS-100184116'),
      rdn(OU, 'Sertifikaciono telo MUP RS'),
      rdn(O, organization),
      rdn(CN, commonName),
    ],
    keys: 'rsa',
    leaf: { ...STATE_LEAF, commonName: 'mup' },
  }),
  // C · L · orgId · O · CN, as `Pošta Srbije CA 1`.
  body('posta', 2, {
    organization: 'Javno preduzeće Pošta Srbije',
    rootName: 'Pošta Srbije CA Root',
    issuingName: 'Pošta Srbije CA 1',
    caSubject: (organization, commonName) => [rdn(C, 'RS'), rdn(L, 'Beograd'), rdn(ORG_ID, 'VATRS-100002803'), rdn(O, organization), rdn(CN, commonName)],
    keys: 'rsa',
    leaf: STATE_LEAF,
  }),
  // C · OU · O · CN, as `PKS CA Class1 - Kvalifikovani sertifikati`.
  body('pks', 3, {
    organization: 'Privredna komora Srbije',
    rootName: 'PKS CA Root',
    issuingName: 'PKS CA Class1 - Kvalifikovani sertifikati',
    caSubject: (organization, commonName) => [rdn(C, 'RS'), rdn(O, organization), rdn(OU, 'PKS CA'), rdn(CN, commonName)],
    keys: 'ecdsa',
    leaf: STATE_LEAF,
  }),
  // C · O · {orgId MB + orgId VAT} · CN, as `Halcom BG CA FL e-signature`.
  body('halcom', 4, {
    organization: 'Halcom a.d. Beograd',
    rootName: 'Halcom BG Root CA',
    issuingName: 'Halcom BG CA FL e-signature',
    caSubject: (organization, commonName) => [rdn(C, 'RS'), rdn(O, organization), rdn(ORG_ID, 'MB:RS-17419722', 'VATRS-102193722'), rdn(CN, commonName)],
    keys: 'ecdsa',
    leaf: { keyUsage: 'non-repudiation', email: 'subject', commonName: 'name-number', customerDigits: 6 },
  }),
  // C · orgId VAT · orgId MB · O · OU · CN, as `ESS IQCA1 V3`; signed with RSA-PSS/SHA-512 as the real V3 CAs.
  body('esmart', 5, {
    organization: 'E-Smart Systems d.o.o.',
    rootName: 'ESS RQCA V3',
    issuingName: 'ESS IQCA1 V3',
    caSubject: (organization, commonName) => [
      rdn(C, 'RS'),
      rdn(ORG_ID, 'VATRS-101833141'),
      rdn(ORG_ID, 'MB:RS-17247565'),
      rdn(O, organization),
      rdn(OU, 'ESS QCA'),
      rdn(CN, commonName),
    ],
    keys: 'rsa-pss',
    leaf: STATE_LEAF,
  }),
  // C · L · orgId · O · CN, as `EID RS Sign`.
  body('ite', 6, {
    organization: 'Kancelarija za informacione tehnologije i elektronsku upravu',
    rootName: 'EID RS Root',
    issuingName: 'EID RS Sign',
    caSubject: (organization, commonName) => [rdn(C, 'RS'), rdn(L, 'Beograd'), rdn(ORG_ID, 'VATRS-110177886'), rdn(O, organization), rdn(CN, commonName)],
    keys: 'ecdsa',
    leaf: STATE_LEAF,
  }),
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
