/**
 * The certification bodies the test PKI imitates: for each, a TEST root and
 * a TEST issuing CA shaped like the body's real issuing CA (docs/real-pki-facts.md
 * §2.5: the same attributes in the same order, the same kind of name) — MUP's
 * two issuing CAs, for citizens and for foreigners, under one root — but
 * marked TEST in CN and O, never copied from the CA directory. Their
 * certificates carry the EU policy QCP-n-qscd beside a CA-specific policy
 * under 2.999 (the ITU-T/ISO "example" arc, which no real policy uses), so
 * nobody mistakes a test certificate for a real one. The CA directory
 * (`certification-bodies.ts`) lists the issuing CAs' names under each
 * body's `directoryId`, so the picker recognises the test certificates'
 * issuers as it recognises real ones.
 */
export const TEST_BODY_IDS = ['mup', 'mup-stranci', 'posta', 'pks', 'halcom', 'esmart', 'ite', 'paperless'] as const;
export type TestBodyId = (typeof TEST_BODY_IDS)[number];

/**
 * The CA directory entry (`certification-bodies.ts`, `CertificationBody.id`)
 * a test body's issuing CA belongs to: both MUP issuing CAs to `mup`, every
 * other body to its own.
 */
export type DirectoryId = 'mup' | 'posta' | 'pks' | 'halcom' | 'esmart' | 'ite' | 'paperless';

/**
 * Key and signature of a body's CAs: RSA PKCS#1 v1.5 with SHA-256, or with
 * SHA-512 (Paperless's, as its real CAs), RSA-PSS with SHA-512 (E-Smart's,
 * as its real CAs), ECDSA P-256.
 */
export type CaKeyKind = 'rsa' | 'rsa-sha512' | 'rsa-pss' | 'ecdsa';

/** X.520 / ETSI attribute types of CA and user subjects the test PKI writes (beside those in `OID`). */
export const NAME_OID = {
  country: '2.5.4.6',
  locality: '2.5.4.7',
  stateOrProvince: '2.5.4.8',
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
  /** The CA directory entry it belongs to (`'mup'` for both MUP issuing CAs). */
  directoryId: DirectoryId;
  /** The body whose root issued this body's CA (MUP Stranci CA 4 is under MUP Root CA 4, as MUP Gradjani CA 4 is); else it has its own root. */
  sharesRootWith?: TestBodyId;
  /** A critical cRLDistributionPoints extension in its issuing CA's certificate (as all of Paperless's real CA certificates have), at this URL. */
  criticalCrlDistributionPoint?: string;
  /**
   * Whether its tokens carry the issuing CA's certificate, so the page sends
   * it as the chain. A MUP card carries none (SPEC §11.8: a MUP signature
   * holds the signer's certificate only): the server must know MUP's
   * issuing CAs itself (settings.ts passes the test PKI's as intermediates).
   */
  chainOnToken: boolean;
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

const { country: C, locality: L, stateOrProvince: ST, organization: O, organizationalUnit: OU, commonName: CN, organizationIdentifier: ORG_ID } = NAME_OID;

/** One RDN of a JSON name: `type` with its values (several: a multi-valued RDN). */
const rdn = (type: string, ...values: string[]): Record<string, string[]> => ({ [type]: values });

const STATE_LEAF: LeafStyle = { keyUsage: 'signing', email: 'subject-alt-name', commonName: 'name-number', customerDigits: 9 };

interface BodyShape {
  directoryId?: DirectoryId;
  sharesRootWith?: TestBodyId;
  criticalCrlDistributionPoint?: string;
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
    directoryId: shape.directoryId ?? (id as DirectoryId),
    ...(shape.sharesRootWith ? { sharesRootWith: shape.sharesRootWith } : {}),
    ...(shape.criticalCrlDistributionPoint ? { criticalCrlDistributionPoint: shape.criticalCrlDistributionPoint } : {}),
    chainOnToken: (shape.directoryId ?? id) !== 'mup',
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

/** C · L · orgId · OU · O · CN, as `MUP Root CA 4`, `MUP Gradjani CA 4` and `MUP Stranci CA 4` (docs/real-pki-facts.md §2, CERTS.md). */
const mupCaSubject = (organization: string, commonName: string) => [
  rdn(C, 'RS'),
  rdn(L, 'Beograd'),
  rdn(ORG_ID, 'VATRS-100184116'),
  rdn(OU, 'Sertifikaciono telo MUP RS'),
  rdn(O, organization),
  rdn(CN, commonName),
];

export const TEST_BODIES: readonly TestBody[] = Object.freeze([
  body('mup', 1, {
    organization: 'Ministarstvo unutrašnjih poslova Republike Srbije',
    rootName: 'MUP Root CA 4',
    issuingName: 'MUP Gradjani CA 4',
    caSubject: mupCaSubject,
    keys: 'rsa',
    leaf: { ...STATE_LEAF, commonName: 'mup' },
  }),
  // MUP's issuing CA for foreigners, under the same root as Gradjani (real: both signed by `MUP Root CA 4`), with the same
  // subject shape. Its certificates are written as MUP's citizens' ones are: no source has a real one (facts §3.3), and the
  // same TEST policies as `mup` (the real MUP policy OID 1.3.6.1.4.1.33589.1.1.0 is stated for MUP, not per issuing CA).
  body('mup-stranci', 1, {
    directoryId: 'mup',
    sharesRootWith: 'mup',
    organization: 'Ministarstvo unutrašnjih poslova Republike Srbije',
    rootName: 'MUP Root CA 4',
    issuingName: 'MUP Stranci CA 4',
    caSubject: mupCaSubject,
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
  // CN · O · L · ST · C · orgId VAT · orgId MB, each its own RDN, as `Paperless FL eSignature CA 1` and its issuer
  // `Paperless FL CA` (the root's DN is known only as that issuer field; the root itself is in no source). Real: RSA 4096,
  // sha512WithRSAEncryption, a critical cRLDistributionPoints — here RSA 2048 (as the other RSA bodies, to generate
  // quickly) with SHA-512, and a critical distribution point on the issuing CA (a .test URL nobody fetches).
  // The facts are silent on Paperless's end-entity certificates (no source has one): their key usage, where the e-mail
  // goes, the CN, the customer-number digits and whether `PNORS-` is used are not known. They are written as Pošta
  // writes its own (digitalSignature + nonRepudiation, e-mail in subjectAltName, `<Given> <Surname> <n>`, 9 digits).
  body('paperless', 7, {
    organization: 'Paperless doo Beograd',
    rootName: 'Paperless FL CA',
    issuingName: 'Paperless FL eSignature CA 1',
    caSubject: (organization, commonName) => [
      rdn(CN, commonName),
      rdn(O, organization),
      rdn(L, 'Belgrade'),
      rdn(ST, 'Serbia'),
      rdn(C, 'RS'),
      rdn(ORG_ID, 'VATRS-108709130'),
      rdn(ORG_ID, 'MB:RS-21052019'),
    ],
    keys: 'rsa-sha512',
    criticalCrlDistributionPoint: 'http://revocation.paperless.test/TEST_Paperless_FL_CA.crl',
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
