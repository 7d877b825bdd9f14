/**
 * OCSP in the login (issue 13, "OCSP where the certificate names a
 * responder"): a certificate whose Authority Information Access names a
 * responder is asked about there, besides its CA's revocation list.
 * Revoked by either refuses; a "good" answer stands in for a missing list;
 * a responder that does not answer leaves the decision to the list. The
 * responder is a real HTTP server signing with the test CA's key
 * (test-pki/ocsp-responder.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { API_PATHS } from '@egov/auth-widgets/contract';
import { x509 } from '../src/x509.ts';
import type { MockServerOptions } from '../src/options.ts';
import { startOcspResponder, type OcspResponder, type OcspSerialStatus } from '../src/test-pki/ocsp-responder.ts';
import { CA_SIGNING, importCaKey, type TestPki, type TestPkiCertificate } from '../src/test-pki/test-pki.ts';
import { PKI_TIME, challengeFor, issuedLike, sharedTestPki, signProof } from './certificate-fixtures.ts';
import { Browser, errorCode, startServer } from './helpers.ts';

let shared: Awaited<ReturnType<typeof sharedTestPki>>;
let pki: TestPki;
let responder: OcspResponder;
/** What the responder says, by serial (x509's hex); the rest is good. */
const answers = new Map<string, OcspSerialStatus>();

before(async () => {
  shared = await sharedTestPki();
  pki = shared.pki;
  const halcom = pki.body('halcom').issuing;
  responder = await startOcspResponder({
    issuer: halcom.certificate,
    issuerKey: await importCaKey(halcom),
    algorithm: CA_SIGNING[halcom.keys],
    statusOf: (serial) => answers.get(serial) ?? 'good',
    clock: () => PKI_TIME,
  });
});
after(async () => {
  await responder.close();
  shared.cleanup();
});

/** Jelena's Halcom certificate again, with a serial of its own and the responder in its AIA. */
async function withResponder(serial: string, url = responder.url): Promise<TestPkiCertificate> {
  return issuedLike(pki, pki.profile('valid-ecdsa'), {
    serial,
    keyUsage: x509.KeyUsageFlags.nonRepudiation,
    extensions: [new x509.AuthorityInfoAccessExtension({ ocsp: url })],
  });
}

async function login(options: MockServerOptions, entry: TestPkiCertificate): Promise<string | undefined> {
  const server = await startServer(options);
  try {
    const browser = new Browser(server.api);
    return errorCode(await browser.post(API_PATHS.certificateLogin, await signProof(entry, await challengeFor(browser))));
  } finally {
    await server.cleanup();
  }
}

/** The test PKI trusted as a deployment trusts CAs: its roots and policies, and only the lists given. */
function deployment(crls: readonly x509.X509Crl[], extra: NonNullable<MockServerOptions['certificates']> = {}): MockServerOptions {
  return {
    clock: () => PKI_TIME,
    certificates: {
      testPki: false,
      trustAnchors: pki.trustAnchors.map((anchor) => anchor.toString('pem')),
      qualifiedPolicies: pki.qualifiedPolicies,
      crls: crls.map((crl) => new Uint8Array(crl.rawData)),
      ...extra,
    },
  };
}

describe('a certificate that names an OCSP responder', () => {
  test('good at the responder and not on the list: accepted (and not registered); the responder was asked', async () => {
    const entry = await withResponder('0c5a01');
    const before = responder.requests;
    assert.equal(await login(shared.options({ clock: () => PKI_TIME }), entry), 'certificate_not_registered');
    assert.equal(responder.requests, before + 1);
  });

  test('revoked at the responder, though its CA’s list does not list it yet → 403 certificate_revoked', async () => {
    const entry = await withResponder('0c5a02');
    answers.set(entry.certificate.serialNumber, { revokedAt: new Date(PKI_TIME - 60_000) });
    assert.equal(await login(shared.options({ clock: () => PKI_TIME }), entry), 'certificate_revoked');
  });

  test('a responder that does not answer: the list decides (not listed → accepted)', async () => {
    const entry = await withResponder('0c5a03', 'http://127.0.0.1:9/');
    assert.equal(await login(shared.options({ clock: () => PKI_TIME }), entry), 'certificate_not_registered');
  });

  test('no current list for the issuing CA: a "good" answer stands in for it; without an answer the login fails closed', async () => {
    const roots = pki.bodies.map((body) => body.crls[0]!);
    assert.equal(await login(deployment(roots), await withResponder('0c5a04')), 'certificate_not_registered');
    assert.equal(await login(deployment(roots), await withResponder('0c5a05', 'http://127.0.0.1:9/')), 'certificate_untrusted');
  });

  test('ocsp off: the responder is not asked, and the list alone decides', async () => {
    const entry = await withResponder('0c5a06');
    answers.set(entry.certificate.serialNumber, { revokedAt: new Date(PKI_TIME - 60_000) });
    const before = responder.requests;
    assert.equal(await login(shared.options({ clock: () => PKI_TIME, certificates: { ocsp: false } }), entry), 'certificate_not_registered');
    assert.equal(responder.requests, before);
  });

  test('on its CA’s list it is revoked, whatever revocation date the entry gives and though the responder says good', async () => {
    const entry = await withResponder('0c5a07');
    const halcom = pki.body('halcom').issuing;
    const list = await x509.X509CrlGenerator.create({
      issuer: halcom.certificate.subjectName,
      thisUpdate: new Date(PKI_TIME - 60_000),
      nextUpdate: new Date(PKI_TIME + 7 * 86_400_000),
      signingKey: await importCaKey(halcom),
      signingAlgorithm: CA_SIGNING[halcom.keys],
      // A date after now: RFC 5280 6.3.3 revokes a listed certificate, and so does the login.
      entries: [{ serialNumber: entry.certificate.serialNumber, revocationDate: new Date(PKI_TIME + 86_400_000) }],
    });
    const roots = pki.bodies.map((body) => body.crls[0]!);
    assert.equal(await login(deployment([...roots, list]), entry), 'certificate_revoked');
  });
});
