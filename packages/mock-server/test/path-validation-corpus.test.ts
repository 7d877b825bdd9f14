/**
 * The path checks against a published corpus: NIST PKITS 1.0.1 (Public Key
 * Interoperability Test Suite; fixtures/pkits, SOURCES.md there). Every
 * PKITS case runs, one test each, through the steps the proof verifier
 * applies to a login certificate (proof-verifier.ts), called directly:
 * the revocation lists loaded as the server loads a `--crl` source
 * (`parseCrls`: any list it refuses stops the server), the signer's dates,
 * `TrustStore.buildPath` from the end entity with the case's other
 * certificates as hints, `validQualifiedPolicies` and
 * `TrustStore.checkRevocation`. The login's own key-usage and
 * extended-key-usage checks are not PKITS's and are not run.
 *
 * The verifier always validates with initial-explicit-policy set and the
 * acceptable (qualified) policies as the initial policy set. So each case
 * is expected to give what RFC 5280 6.1 gives with those inputs: PKITS's
 * result, and the path is valid only when the user-constrained policy set
 * PKITS lists for it is not empty (an initial set of anyPolicy is the six
 * NIST test policies here). Where the verifier is stricter than RFC 5280
 * on purpose, the case is listed in STRICTER with the step that refuses
 * it and why, and the refusal is asserted; an expected-invalid case that
 * validated would be a security bug, never a listed exception.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { HttpError } from '../src/http.ts';
import { validQualifiedPolicies } from '../src/certificates/path-policy.ts';
import { RevocationLists, parseCrls } from '../src/certificates/revocation.ts';
import { TrustStore } from '../src/certificates/trust-store.ts';
import { sameName, x509 } from '../src/x509.ts';

const DIR = new URL('../fixtures/pkits/', import.meta.url);

/** One PKITS case (fixtures/pkits/cases.json, transcribed from PKITS.pdf section 4). */
interface PkitsCase {
  number: string;
  title: string;
  /** The trust anchor first, the end entity last. */
  certs: string[];
  crls: string[];
  /** PKITS's expected result with the case's inputs. */
  valid: boolean;
  initialPolicySet: string[];
  initialExplicitPolicy: boolean;
  initialPolicyMappingInhibit: boolean;
  initialInhibitAnyPolicy: boolean;
  /** The user-constrained policy set PKITS expects (valid cases). */
  userConstrainedPolicySet: string[];
}

const CASES: PkitsCase[] = JSON.parse(readFileSync(new URL('cases.json', DIR), 'utf8'));

/** PKITS validates at a fixed time: every certificate and list is valid 2010–2030 but the ones testing dates. */
const NOW = Date.UTC(2011, 3, 15);

const ANY_POLICY = '2.5.29.32.0';
/** NIST-test-policy-1 … 6: 2.16.840.1.101.3.2.1.48.1 … 6. */
const policyOid = (name: string) => (name === 'anyPolicy' ? ANY_POLICY : `2.16.840.1.101.3.2.1.48.${/^NIST-test-policy-([1-6])$/.exec(name)![1]}`);
const NIST_TEST_POLICIES = [1, 2, 3, 4, 5, 6].map((n) => policyOid(`NIST-test-policy-${n}`));

const OIDS = {
  dsaWithSha1: '1.2.840.10040.4.3',
  nameConstraints: '2.5.29.30',
  policyMappings: '2.5.29.33',
  policyConstraints: '2.5.29.36',
  inhibitAnyPolicy: '2.5.29.54',
} as const;

type Step = 'configuration' | 'signer dates' | 'path' | 'policy' | 'revocation';
/** A refusal's step and code; `refusedLists`: why `parseCrls` refused each list it refused. */
type Outcome = { valid: true; policies: string[] } | { valid: false; step: Step; code: string; refusedLists: string[] };

const certificate = (name: string) => new x509.X509Certificate(readFileSync(new URL(`certs/${name}.crt`, DIR)));
const listBytes = (name: string) => new Uint8Array(readFileSync(new URL(`crls/${name}.crl`, DIR)));

/** The policies a login accepts for the case: its initial policy set (anyPolicy: every NIST test policy). */
function acceptable(testCase: PkitsCase): Set<string> {
  return new Set(testCase.initialPolicySet.includes('anyPolicy') ? NIST_TEST_POLICIES : testCase.initialPolicySet.map(policyOid));
}

/**
 * RFC 5280 6.1's user-constrained policy set with initial-explicit-policy
 * set and the acceptable policies as initial set; the path is valid when
 * PKITS says so and this is not empty.
 */
function expectedPolicies(testCase: PkitsCase): string[] {
  const accepted = acceptable(testCase);
  if (!testCase.valid) return [];
  if (testCase.userConstrainedPolicySet.includes('anyPolicy')) return [...accepted];
  return testCase.userConstrainedPolicySet.map(policyOid).filter((oid) => accepted.has(oid));
}

/** The case through the verifier's steps, in its order. */
async function validate(testCase: PkitsCase): Promise<Outcome> {
  const [anchorName, ...rest] = testCase.certs;
  const anchor = certificate(anchorName!);
  const others = rest.map(certificate);
  const signer = others.pop()!;
  const refusedLists: string[] = [];
  const lists: x509.X509Crl[] = [];
  for (const name of testCase.crls) {
    try {
      lists.push(...parseCrls(listBytes(name), name));
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      refusedLists.push(error.message);
    }
  }
  const refused = (step: Step, code: string): Outcome => ({ valid: false, step, code, refusedLists });
  // A list the server refuses stops it at startup (readCrlSourceSync): nothing is accepted.
  if (refusedLists.length > 0) return refused('configuration', 'list_refused');
  const revocation = new RevocationLists({ sources: [], fixed: [{ where: 'PKITS', lists }], refreshMs: Number.MAX_SAFE_INTEGER, log: () => {} });
  const store = new TrustStore([anchor], { mode: 'crl', lists: revocation });
  // proof-verifier.ts checks the signer's own dates before building the path.
  if (NOW < signer.notBefore.getTime() || NOW > signer.notAfter.getTime()) return refused('signer dates', 'certificate_expired');
  let path: x509.X509Certificate[];
  try {
    path = await store.buildPath(signer, others, NOW);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return refused('path', error.code);
  }
  const policies = validQualifiedPolicies(path, acceptable(testCase));
  if (policies.length === 0) return refused('policy', 'certificate_policy');
  try {
    await store.checkRevocation(path, NOW);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return refused('revocation', error.code);
  }
  return { valid: true, policies };
}

/** Why a case RFC 5280 validates is refused, with evidence from the case's own files where there is any. */
interface Stricter {
  step: Step;
  why: string;
  /** Holds for the case's certificates or lists (the reason is really there). */
  evidence?: (testCase: PkitsCase, outcome: Outcome) => boolean;
}

const nonAnchors = (testCase: PkitsCase) => testCase.certs.slice(1).map(certificate);
const withCritical = (oid: string) => (testCase: PkitsCase) => nonAnchors(testCase).some((cert) => cert.extensions.some((ext) => ext.critical && ext.type === oid));
const selfIssuedIntermediate = (testCase: PkitsCase) =>
  nonAnchors(testCase)
    .slice(0, -1)
    .some((cert) => sameName(cert.subjectName, cert.issuerName));
/** The server refused one of the case's lists, for the reason given. */
const listRefused = (because: RegExp) => (_testCase: PkitsCase, outcome: Outcome) => !outcome.valid && outcome.refusedLists.some((message) => because.test(message));

const REASONS = {
  dsa: {
    step: 'path',
    why: 'DSA signatures do not verify: WebCrypto has no DSA, and a login accepts RSA and ECDSA only',
    evidence: (testCase) => nonAnchors(testCase).some((cert) => (cert.signatureAlgorithm as { name?: string }).name === OIDS.dsaWithSha1),
  },
  names: {
    step: 'path',
    why: 'names chain only when their DER is identical; RFC 5280 7.1 also matches PrintableString/UTF8String after LDAP StringPrep (case, spaces) — binary equality implies that match, so only re-encoded names are refused',
  },
  selfIssued: {
    step: 'path',
    why: 'a self-issued certificate that is not a trust anchor ends no path (key rollover certificates are not followed)',
    evidence: selfIssuedIntermediate,
  },
  separateCrlKey: {
    step: 'revocation',
    why: 'a revocation list must be signed with the key of the CA that issued the certificate; a list signed by another key of the same CA (RFC 5280 6.3.3 (f)) is not used, so the status is unknown and the path fails closed',
  },
  anyPolicyOnly: {
    step: 'policy',
    why: 'a signer that asserts only anyPolicy vouches for no qualified policy; RFC 5280 expands anyPolicy to the initial policy set',
  },
  policyConstraints: {
    step: 'path',
    why: 'a critical policyConstraints extension is not understood (RFC 5280 4.2): the verifier always requires an explicit policy and never maps, yet the certificate is refused',
    evidence: withCritical(OIDS.policyConstraints),
  },
  policyMappings: {
    step: 'path',
    why: 'policy mappings are not processed: a certificate with a critical policyMappings extension is refused (RFC 5280 4.2)',
    evidence: withCritical(OIDS.policyMappings),
  },
  inhibitAnyPolicy: {
    step: 'path',
    why: 'inhibitAnyPolicy is not processed: a certificate with the (critical) extension is refused (RFC 5280 4.2)',
    evidence: withCritical(OIDS.inhibitAnyPolicy),
  },
  nameConstraints: {
    step: 'path',
    why: 'name constraints are not processed: a CA certificate with the (critical) extension is refused (RFC 5280 4.2)',
    evidence: withCritical(OIDS.nameConstraints),
  },
  reasonPartitioned: {
    step: 'configuration',
    why: 'a list partitioned by revocation reason (onlySomeReasons) is not the CA’s full list: the server refuses it and does not start (lists per distribution point, full or relative names, and CA-only or end-entity-only lists, are read)',
    evidence: listRefused(/partitioned by revocation reason/),
  },
  indirectList: {
    step: 'configuration',
    why: 'indirect lists (signed by another issuer than the CA, cRLIssuer) are not supported: the server refuses one and does not start',
    evidence: listRefused(/indirect list/),
  },
  deltaList: {
    step: 'configuration',
    why: 'delta lists are not supported: the server refuses one and does not start',
    evidence: listRefused(/it is a delta list/),
  },
} satisfies Record<string, Stricter>;

/** Cases RFC 5280 validates (with the verifier's inputs) that the verifier refuses on purpose, by number (and subpart). */
const STRICTER: Record<string, keyof typeof REASONS> = {
  '4.1.4': 'dsa',
  '4.1.5': 'dsa',
  '4.3.3': 'names',
  '4.3.4': 'names',
  '4.3.5': 'names',
  '4.3.10': 'names',
  '4.3.11': 'names',
  '4.4.19': 'separateCrlKey',
  '4.5.1': 'selfIssued',
  '4.5.3': 'selfIssued',
  '4.5.4': 'separateCrlKey',
  '4.5.6': 'separateCrlKey',
  '4.6.15': 'selfIssued',
  '4.6.17': 'selfIssued',
  '4.8.11 (Subpart 1)': 'anyPolicyOnly',
  '4.8.11 (Subpart 2)': 'anyPolicyOnly',
  '4.9.4': 'policyConstraints',
  '4.10.1 (Subpart 1)': 'policyMappings',
  '4.10.3 (Subpart 2)': 'policyMappings',
  '4.10.5 (Subpart 1)': 'policyMappings',
  '4.10.6 (Subpart 1)': 'policyMappings',
  '4.10.9': 'policyMappings',
  '4.10.11': 'policyMappings',
  '4.10.12 (Subpart 1)': 'policyMappings',
  '4.10.12 (Subpart 2)': 'policyMappings',
  '4.10.13 (Subpart 1)': 'policyMappings',
  '4.10.13 (Subpart 2)': 'policyMappings',
  '4.10.14': 'policyMappings',
  '4.11.2': 'policyConstraints',
  '4.11.4': 'policyConstraints',
  '4.11.7': 'policyConstraints',
  '4.12.2': 'inhibitAnyPolicy',
  '4.12.3 (Subpart 1)': 'inhibitAnyPolicy',
  '4.12.7': 'inhibitAnyPolicy',
  '4.12.9': 'inhibitAnyPolicy',
  '4.13.1': 'nameConstraints',
  '4.13.4': 'nameConstraints',
  '4.13.5': 'nameConstraints',
  '4.13.6': 'nameConstraints',
  '4.13.11': 'nameConstraints',
  '4.13.14': 'nameConstraints',
  '4.13.18': 'nameConstraints',
  '4.13.19': 'nameConstraints',
  '4.13.21': 'nameConstraints',
  '4.13.23': 'nameConstraints',
  '4.13.25': 'nameConstraints',
  '4.13.27': 'nameConstraints',
  '4.13.30': 'nameConstraints',
  '4.13.32': 'nameConstraints',
  '4.13.34': 'nameConstraints',
  '4.13.36': 'nameConstraints',
  '4.14.18': 'reasonPartitioned',
  '4.14.19': 'reasonPartitioned',
  '4.14.22': 'indirectList',
  '4.14.24': 'indirectList',
  '4.14.25': 'indirectList',
  '4.14.28': 'indirectList',
  '4.14.29': 'indirectList',
  '4.14.30': 'indirectList',
  '4.14.33': 'indirectList',
  '4.15.2': 'deltaList',
  '4.15.5': 'deltaList',
  '4.15.7': 'deltaList',
  '4.15.8': 'deltaList',
};

function caseKey(testCase: PkitsCase): string {
  const subpart = /\(Subpart \d+\)$/.exec(testCase.title)?.[0];
  return subpart ? `${testCase.number} ${subpart}` : testCase.number;
}

const SECTIONS: Record<string, string> = {
  '4.1': 'Signature Verification',
  '4.2': 'Validity Periods',
  '4.3': 'Verifying Name Chaining',
  '4.4': 'Basic Certificate Revocation Tests',
  '4.5': 'Verifying Paths with Self-Issued Certificates',
  '4.6': 'Verifying Basic Constraints',
  '4.7': 'Key Usage',
  '4.8': 'Certificate Policies',
  '4.9': 'Require Explicit Policy',
  '4.10': 'Policy Mappings',
  '4.11': 'Inhibit Policy Mapping',
  '4.12': 'Inhibit Any Policy',
  '4.13': 'Name Constraints',
  '4.14': 'Distribution Points',
  '4.15': 'Delta-CRLs',
  '4.16': 'Private Certificate Extensions',
};

const sectionOf = (testCase: PkitsCase) => testCase.number.split('.').slice(0, 2).join('.');

test(`the corpus: ${CASES.length} PKITS cases, every one of sections 4.1–4.16, each stricter exception a real case`, () => {
  assert.equal(CASES.length, 249);
  assert.deepEqual([...new Set(CASES.map(sectionOf))], Object.keys(SECTIONS));
  const keys = new Set(CASES.map(caseKey));
  assert.equal(keys.size, CASES.length, 'a test name per case');
  for (const key of Object.keys(STRICTER)) assert.ok(keys.has(key), `${key} is a PKITS case`);
});

for (const [section, name] of Object.entries(SECTIONS)) {
  describe(`PKITS ${section} ${name}`, () => {
    for (const testCase of CASES.filter((entry) => sectionOf(entry) === section)) {
      const stricter = STRICTER[caseKey(testCase)];
      const policies = expectedPolicies(testCase);
      const expectValid = policies.length > 0;
      const expectation = stricter
        ? `refused (${stricter}), RFC 5280: valid`
        : expectValid
          ? 'valid'
          : testCase.valid
            ? 'invalid with initial-explicit-policy (PKITS: valid without it)'
            : 'invalid';
      test(`${testCase.number} ${testCase.title}: ${expectation}`, async () => {
        const outcome = await validate(testCase);
        if (stricter) {
          const reason: Stricter = REASONS[stricter];
          assert.ok(expectValid, 'only a case RFC 5280 validates can be refused as stricter');
          assert.equal(outcome.valid, false, reason.why);
          assert.equal(outcome.valid ? undefined : outcome.step, reason.step, reason.why);
          if (reason.evidence) assert.ok(reason.evidence(testCase, outcome), `the case really has it: ${reason.why}`);
          return;
        }
        if (expectValid) {
          assert.ok(outcome.valid, `expected valid, got ${JSON.stringify(outcome)}`);
          assert.deepEqual(new Set(outcome.policies), new Set(policies), 'the user-constrained policy set');
        } else {
          assert.equal(outcome.valid, false, 'an invalid path is refused');
        }
      });
    }
  });
}
