/**
 * The trusted list as the source of trust (issue 13): the server reads an
 * ETSI TS 119 612 list at startup, checks its signature against the
 * configured signer, and takes the granted CA/QC services for e-signatures
 * as trust anchors, each qualifying what its service says. The list here is
 * the real Serbian one with the TEST issuing CAs in place of the real CAs
 * they imitate, signed again by a test signer (test-pki/test-trusted-list.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { webcrypto } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { API_PATHS, type CertificateProof, type PublicConfig } from '@egov/auth-widgets/contract';
import { createMockServer } from '../src/app.ts';
import { listedRefusal, listedTrust, meetsCriteria } from '../src/trusted-list/qualification.ts';
import { fingerprint, x509 } from '../src/x509.ts';
import type { MockServerOptions } from '../src/options.ts';
import { BUNDLED_TRUSTED_LIST } from '../src/trusted-list/bundled.ts';
import { readTrustedListSync, type QualificationCriteria } from '../src/trusted-list/trusted-list.ts';
import { CA_SIGNING, importCaKey, type TestPki } from '../src/test-pki/test-pki.ts';
import { listWithTestCas, signList, testListSigner, testTrustedList, type TestListSigner } from '../src/test-pki/test-trusted-list.ts';
import { PKI_TIME, challengeFor, registerAndConfirm, sharedTestPki, signProof } from './certificate-fixtures.ts';
import { Browser, errorCode, startServer, type TestServer } from './helpers.ts';

const DAY = 24 * 60 * 60_000;
/** The test list's NextUpdate: a month after the test PKI's time. */
const NEXT_UPDATE = PKI_TIME + 30 * DAY;

let shared: Awaited<ReturnType<typeof sharedTestPki>>;
let pki: TestPki;
let signer: TestListSigner;
let listXml: string;

/** The test list, current at PKI_TIME: the real list's dates moved to around it. */
function current(xml: string): string {
  return xml
    .replace(/<ListIssueDateTime>[^<]+<\/ListIssueDateTime>/, `<ListIssueDateTime>${new Date(PKI_TIME - DAY).toISOString().replace('.000', '')}</ListIssueDateTime>`)
    .replace(/(<NextUpdate>\s*<dateTime>)[^<]+(<\/dateTime>)/, `$1${new Date(NEXT_UPDATE).toISOString().replace('.000', '')}$2`);
}

before(async () => {
  shared = await sharedTestPki();
  pki = shared.pki;
  signer = await testListSigner(PKI_TIME);
  listXml = testTrustedList(pki, signer, current);
});
after(() => shared.cleanup());

/** A server that trusts only the list (not the test PKI's roots), with the test PKI's revocation lists. */
function listOptions(extra: MockServerOptions = {}, xml = listXml): MockServerOptions {
  return {
    clock: () => PKI_TIME,
    ...extra,
    certificates: {
      testPki: false,
      trustedList: { xml, signer: new Uint8Array(signer.certificate.rawData) },
      crls: pki.crls.map((crl) => new Uint8Array(crl.rawData)),
      ...extra.certificates,
    },
  };
}

async function refusal(server: TestServer, proof: (browser: Browser) => Promise<CertificateProof>): Promise<string | undefined> {
  const browser = new Browser(server.api);
  const reply = await browser.post(API_PATHS.certificateLogin, await proof(browser));
  return errorCode(reply);
}

const noChain = (name: Parameters<TestPki['profile']>[0]) => async (browser: Browser) => signProof(pki.profile(name), await challengeFor(browser), { chain: [] });

describe('a server trusting the trusted list', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer(listOptions());
  });
  after(() => server.cleanup());

  test('the test list is the real one with the TEST issuing CAs in place: every test body’s CA is on it', () => {
    const { replaced } = listWithTestCas(pki);
    for (const body of pki.bodies) {
      const name = String(body.issuing.certificate.subjectName.getField('CN')[0]).replace(/^TEST /, '');
      assert.ok(replaced.includes(name), `${name} is replaced in the list`);
    }
  });

  test('GET /config names the list’s edition: sequence 36 of RS, with its dates', async () => {
    const config = (await new Browser(server.api).get(API_PATHS.config)).json as unknown as PublicConfig;
    assert.deepEqual(config.trustedList, {
      sequenceNumber: 36,
      territory: 'RS',
      issuedAt: new Date(PKI_TIME - DAY).toISOString(),
      nextUpdate: new Date(NEXT_UPDATE).toISOString(),
    });
    assert.ok(config.loginModes.includes('certificate'));
  });

  test('a MUP card sends no chain: the listed issuing CA is the anchor; register, confirm, log in', async () => {
    assert.equal(await refusal(server, noChain('valid')), 'certificate_not_registered');
    await registerAndConfirm(server, pki.profile('valid'), 'petar.list@example.test');
    const browser = new Browser(server.api);
    const reply = await browser.post(API_PATHS.certificateLogin, await noChain('valid')(browser));
    assert.equal(reply.status, 200, reply.text);
    assert.equal((await browser.session()).authenticated, true);
  });

  test('each listed TEST CA’s signing certificate verifies without a chain: MUP, Halcom (nonRepudiation only), Pošta, PKS, E-Smart (RSA-PSS), ITE', async () => {
    for (const name of ['valid-ecdsa', 'non-repudiation-only', 'no-personal-number', 'no-email'] as const) {
      assert.equal(await refusal(server, noChain(name)), 'certificate_not_registered', name);
    }
    // Petar's certificates from Pošta and PKS: they log into his account (registered above with the MUP card).
    for (const name of ['multi-valued-rdn', 'reversed-rdn'] as const) assert.equal(await refusal(server, noChain(name)), undefined, name);
  });

  test('the list qualifies by its criterion, nonRepudiation: a certificate without the qualified policy still qualifies; the authentication certificate does not', async () => {
    // Petar's signing certificate with only MUP's other policy: qualified by the list, and Petar is registered (above).
    assert.equal(await refusal(server, noChain('wrong-policy')), undefined);
    assert.equal(await refusal(server, noChain('mup-authentication')), 'certificate_key_usage');
    assert.equal(await refusal(server, noChain('wrong-key-usage')), 'certificate_key_usage');
  });

  test('a root that is not on the list anchors nothing: the TEST roots’ other CAs, and a CA not imitated, are untrusted', async () => {
    assert.equal(await refusal(server, noChain('untrusted')), 'certificate_untrusted');
    assert.equal(await refusal(server, noChain('self-signed')), 'certificate_untrusted');
  });

  test('a revoked certificate is refused: the listed CA’s revocation list still counts', async () => {
    assert.equal(await refusal(server, noChain('revoked')), 'certificate_revoked');
  });

  test('a sub-CA under a listed CA: the CA may not have one (pathLen 0) → 403 certificate_untrusted; and were it allowed, the list vouches for the CA’s own certificates only', async () => {
    const issuing = pki.body('mup').issuing;
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
    const sub = await x509.X509CertificateGenerator.create({
      serialNumber: '7e01',
      subject: 'C=RS, O=TEST Rogue, CN=TEST Sub CA under MUP Gradjani CA 4',
      issuer: issuing.certificate.subjectName,
      publicKey: keys.publicKey,
      signingKey: await importCaKey(issuing),
      signingAlgorithm: CA_SIGNING[issuing.keys],
      notBefore: new Date(PKI_TIME - DAY),
      notAfter: new Date(PKI_TIME + 100 * DAY),
      extensions: [new x509.BasicConstraintsExtension(true, 0, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true)],
    });
    const user = pki.profile('valid-ecdsa');
    const leaf = await x509.X509CertificateGenerator.create({
      serialNumber: '7e02',
      subject: user.certificate.subjectName,
      issuer: sub.subjectName,
      publicKey: user.certificate.publicKey,
      signingKey: keys.privateKey,
      signingAlgorithm: CA_SIGNING.ecdsa,
      notBefore: new Date(PKI_TIME - DAY),
      notAfter: new Date(PKI_TIME + 100 * DAY),
      extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true)],
    });
    // Revocation is off on this server: the sub-CA has no list, and the refusal must come from the list's rule, not from a missing CRL.
    const open = await startServer(listOptions({ certificates: { revocation: 'off' } }));
    try {
      assert.equal(await refusal(open, async (browser) => signProof(user, await challengeFor(browser), { certificate: leaf, chain: [sub] })), 'certificate_untrusted');
      // The control: the same server accepts the listed CA's own certificate.
      assert.equal(await refusal(open, noChain('valid-ecdsa')), 'certificate_not_registered');
    } finally {
      await open.cleanup();
    }
    // The list's own rule, for a listed CA without a path length limit: a path through a sub-CA is not the service's certificate.
    const trust = listedTrust(readTrustedListSync(listXml, { signer: signer.certificate }));
    const anchor = trust.anchors.get(fingerprint(issuing.certificate));
    assert.ok(anchor, 'the TEST MUP CA is a listed anchor');
    assert.equal(listedRefusal([leaf, sub, issuing.certificate], anchor, trust, PKI_TIME), 'not_qualified');
    assert.equal(listedRefusal([pki.profile('valid').certificate, issuing.certificate], anchor, trust, PKI_TIME), null);
    assert.equal(listedRefusal([pki.profile('valid').certificate, issuing.certificate], anchor, trust, NEXT_UPDATE + 1), 'list_expired');
  });
});

describe('what the list says, and when it stops counting', () => {
  test('a service withdrawn in the list: its CA anchors nothing (the others still do)', async () => {
    const withdrawn = testTrustedList(pki, signer, (xml) => {
      const mup = Buffer.from(pki.body('mup').issuing.certificate.rawData).toString('base64');
      const at = xml.indexOf(mup);
      assert.ok(at > 0, 'the TEST MUP CA is in the list');
      const status = xml.indexOf('<ServiceStatus>', at);
      const end = xml.indexOf('</ServiceStatus>', status);
      return current(xml.slice(0, status) + '<ServiceStatus>http://www.mit.gov.rs/TrstSvc/TrustedList/Svcstatus/withdrawn' + xml.slice(end));
    });
    const server = await startServer(listOptions({}, withdrawn));
    try {
      assert.equal(await refusal(server, noChain('valid')), 'certificate_untrusted');
      assert.equal(await refusal(server, noChain('valid-ecdsa')), 'certificate_not_registered');
    } finally {
      await server.cleanup();
    }
  });

  test('past NextUpdate (injected clock) every listed CA fails closed, with one operator log line', async () => {
    let now = PKI_TIME;
    const server = await startServer(listOptions({ clock: () => now }));
    try {
      assert.equal(await refusal(server, noChain('valid')), 'certificate_not_registered');
      assert.equal(server.logs.filter((entry) => entry.event === 'trusted_list_expired').length, 0);
      now = NEXT_UPDATE + 1;
      assert.equal(await refusal(server, noChain('valid')), 'certificate_untrusted');
      assert.equal(await refusal(server, noChain('valid-ecdsa')), 'certificate_untrusted');
      const lines = server.logs.filter((entry) => entry.event === 'trusted_list_expired');
      assert.equal(lines.length, 1, 'one line, not one per login');
      assert.equal(lines[0]!.level, 'warn');
      assert.match(JSON.stringify(lines[0]), /sequence 36 is past its NextUpdate/);
    } finally {
      await server.cleanup();
    }
  });

  test('the list’s anchors are the granted CA/QC services for e-signatures only: not seals, not web sites, not withdrawn', () => {
    const list = readTrustedListSync(readFileSync(BUNDLED_TRUSTED_LIST.list), { signer: readFileSync(BUNDLED_TRUSTED_LIST.signer) });
    const names = [...listedTrust(list).anchors.values()].map((anchor) => String(anchor.certificate.subjectName.getField('CN')[0]));
    for (const name of ['MUP Gradjani CA 4', 'MUP Stranci CA 4', 'Halcom BG CA FL e-signature', 'Pošta Srbije CA 1', 'ESS IQCA1 V3', 'Paperless FL eSignature CA 1', 'EID RS Sign']) {
      assert.ok(names.includes(name), `${name} is an anchor`);
    }
    for (const name of ['EID RS eSeal', 'Paperless PL SSL CA 1', 'Paperless GOV eSeal CA 1', 'ESS IQCA2 V3', 'PKS CA TSA', 'MUPCA Gradjani', 'MUP Root CA 4']) {
      assert.ok(!names.includes(name), `${name} is not an anchor`);
    }
  });
});

describe('a list that does not verify stops the server', () => {
  const start = (certificates: NonNullable<MockServerOptions['certificates']>) => () => createMockServer({ dev: { enabled: false }, ...listOptions({ certificates }) });

  test('signed by someone else than the configured signer → trusted list (signer_mismatch)', async () => {
    const other = await testListSigner(PKI_TIME);
    const xml = signList(current(listWithTestCas(pki).xml), other);
    assert.throws(start({ trustedList: { xml, signer: new Uint8Array(signer.certificate.rawData) } }), /trusted list \(signer_mismatch\)/);
  });

  test('one byte changed after signing → trusted list (signature_invalid)', () => {
    const tampered = listXml.replace('Halcom a.d. Beograd', 'Halcom a.d. Beograt');
    assert.notEqual(tampered, listXml);
    assert.throws(start({ trustedList: { xml: tampered, signer: new Uint8Array(signer.certificate.rawData) } }), /trusted list \(signature_invalid\)/);
  });

  test('a signer that is not a certificate, or two of them → a clear error', () => {
    assert.throws(start({ trustedList: { xml: listXml, signer: 'not a PEM' } }), /trusted-list signer 1: no PEM block/);
  });

  test('a list without revocation lists does not start unless revocation is off', () => {
    assert.throws(start({ crls: [] }), /or a trusted list\) without revocation lists/);
    assert.doesNotThrow(start({ crls: [], revocation: 'off' }));
  });
});

describe('the bundled Serbian list', () => {
  test('reads with its pinned signer: sequence 36, NextUpdate 19 November 2026; after that date its CAs fail closed from startup, and the log says so', async () => {
    const server = await startServer({
      clock: () => Date.UTC(2026, 11, 5),
      certificates: {
        testPki: false,
        trustedList: { xml: readFileSync(BUNDLED_TRUSTED_LIST.list), signer: readFileSync(BUNDLED_TRUSTED_LIST.signer) },
        revocation: 'off',
      },
    });
    try {
      await server.mock.loadCertificates();
      const config = (await new Browser(server.api).get(API_PATHS.config)).json as unknown as PublicConfig;
      assert.deepEqual(config.trustedList, { sequenceNumber: 36, territory: 'RS', issuedAt: '2026-05-20T01:00:00.000Z', nextUpdate: '2026-11-19T01:00:00.000Z' });
      assert.equal(server.logs.filter((entry) => entry.event === 'trusted_list_expired').length, 1);
    } finally {
      await server.cleanup();
    }
  });
});

describe('the criteria of a Qualifications element (ETSI TS 119 612 5.5.9.2)', () => {
  let certificate: x509.X509Certificate;
  before(async () => {
    certificate = pki.profile('valid').certificate;
  });
  const criteria = (changes: Partial<QualificationCriteria>): QualificationCriteria => ({ assert: 'atLeastOne', keyUsage: [], policySets: [], nested: [], uninterpreted: false, ...changes });

  test('key usage bits: each named bit must have its value', () => {
    assert.equal(meetsCriteria(certificate, criteria({ keyUsage: [{ nonRepudiation: true }] })), true);
    assert.equal(meetsCriteria(certificate, criteria({ keyUsage: [{ nonRepudiation: true, keyCertSign: false }] })), true);
    assert.equal(meetsCriteria(certificate, criteria({ keyUsage: [{ keyCertSign: true }] })), false);
    assert.equal(meetsCriteria(pki.profile('mup-authentication').certificate, criteria({ keyUsage: [{ nonRepudiation: true }] })), false);
  });

  test('policy sets: every policy of a set; all, atLeastOne and none; nested lists', () => {
    const policies = certificate.getExtension(x509.CertificatePolicyExtension)!.policies;
    assert.equal(meetsCriteria(certificate, criteria({ policySets: [[...policies]] })), true);
    assert.equal(meetsCriteria(certificate, criteria({ policySets: [[...policies, '2.999.9']] })), false);
    assert.equal(meetsCriteria(certificate, criteria({ assert: 'all', keyUsage: [{ nonRepudiation: true }], policySets: [['2.999.9']] })), false);
    assert.equal(meetsCriteria(certificate, criteria({ assert: 'atLeastOne', keyUsage: [{ nonRepudiation: true }], policySets: [['2.999.9']] })), true);
    assert.equal(meetsCriteria(certificate, criteria({ assert: 'none', policySets: [['2.999.9']] })), true);
    assert.equal(meetsCriteria(certificate, criteria({ assert: 'none', keyUsage: [{ nonRepudiation: true }] })), false);
    assert.equal(meetsCriteria(certificate, criteria({ assert: 'all', nested: [criteria({ keyUsage: [{ nonRepudiation: true }] })] })), true);
  });

  test('criteria the reader does not interpret, or none at all, are never met (fail closed)', () => {
    assert.equal(meetsCriteria(certificate, criteria({ keyUsage: [{ nonRepudiation: true }], uninterpreted: true })), false);
    assert.equal(meetsCriteria(certificate, criteria({ assert: 'none' })), false);
  });
});
