/**
 * Every real certification body's TEST profile, end to end over HTTP
 * (issue 13): one signing certificate per test body — MUP Gradjani CA 4 and
 * MUP Stranci CA 4, Pošta, PKS, Halcom, E-Smart (RSA-PSS CA), ITE, Paperless
 * — registers, confirms its e-mail and logs in; its account is found by the
 * holder identifier the certificate carries; a renewal (new key, new
 * serial, same holder, same CA) logs into the same account. The proofs
 * carry the chain the demo agent and the Fortify test agent send: none
 * from a MUP card, which the server still verifies (it knows MUP's issuing
 * CAs). Each profile on a fresh server: Petar holds three of them (MUP,
 * Pošta, PKS), and they are the same person's one account.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { API_PATHS, type DevTestToken } from '@egov/auth-widgets/contract';
import { describeCertificate } from '@egov/auth-widgets/certificates';
import type { HolderIdentifier } from '@egov/auth-widgets/rules';
import { DEFAULT_CERTIFICATION_BODIES, withTestIssuers } from '../src/certification-bodies.ts';
import { certificateIdentity, identityKey } from '../src/certificates/identity.ts';
import { x509 } from '../src/x509.ts';
import { agentTokens } from '../src/fortify-agent/tokens.ts';
import { testBody, type DirectoryId, type TestBodyId } from '../src/test-pki/bodies.ts';
import { devTestTokens } from '../src/test-pki/dev-tokens.ts';
import { TEST_PEOPLE, type TestProfileName } from '../src/test-pki/profiles.ts';
import { ensureTestPki, renewedCertificate, type TestPki, type TestPkiCertificate } from '../src/test-pki/test-pki.ts';
import { PKI_TIME, challengeFor, sharedTestPki, signProof } from './certificate-fixtures.ts';
import { confirm, latest, tokenOf } from './fixtures.ts';
import { Browser, errorCode, startServer, type Reply, type TestServer } from './helpers.ts';

interface RealCaProfile {
  name: TestProfileName;
  body: TestBodyId;
  directoryId: DirectoryId;
  /** The issuing CA's CN. */
  issuer: string;
  /** The holder identifier the account is found by. */
  identifier: HolderIdentifier;
}

const pno = (person: { personalNumber: string }): HolderIdentifier => ({ type: 'PNO', country: 'RS', number: person.personalNumber });
const { petar, jelena, milica, marko, hans, luca, stefan, vesna } = TEST_PEOPLE;

/** One signing certificate per test body (Halcom's also with an identity card's and a passport's number instead of a personal number). */
const REAL_CA_PROFILES: RealCaProfile[] = [
  { name: 'valid', body: 'mup', directoryId: 'mup', issuer: 'TEST MUP Gradjani CA 4', identifier: pno(petar) },
  { name: 'mup-stranci', body: 'mup-stranci', directoryId: 'mup', issuer: 'TEST MUP Stranci CA 4', identifier: pno(luca) },
  // Petar's Pošta certificate: an identity card's number beside the personal number, which wins.
  { name: 'multi-valued-rdn', body: 'posta', directoryId: 'posta', issuer: 'TEST Pošta Srbije CA 1', identifier: pno(petar) },
  { name: 'reversed-rdn', body: 'pks', directoryId: 'pks', issuer: 'TEST PKS CA Class1 - Kvalifikovani sertifikati', identifier: pno(petar) },
  { name: 'valid-ecdsa', body: 'halcom', directoryId: 'halcom', issuer: 'TEST Halcom BG CA FL e-signature', identifier: pno(jelena) },
  { name: 'idc-holder', body: 'halcom', directoryId: 'halcom', issuer: 'TEST Halcom BG CA FL e-signature', identifier: { type: 'IDC', country: 'RS', number: marko.documentNumber.slice('IDCRS-'.length) } },
  { name: 'passport-holder', body: 'halcom', directoryId: 'halcom', issuer: 'TEST Halcom BG CA FL e-signature', identifier: { type: 'PAS', country: 'DE', number: hans.documentNumber.slice('PASDE-'.length) } },
  { name: 'esmart-rsa-pss', body: 'esmart', directoryId: 'esmart', issuer: 'TEST ESS IQCA1 V3', identifier: pno(stefan) },
  { name: 'no-email', body: 'ite', directoryId: 'ite', issuer: 'TEST EID RS Sign', identifier: pno(milica) },
  { name: 'paperless', body: 'paperless', directoryId: 'paperless', issuer: 'TEST Paperless FL eSignature CA 1', identifier: pno(vesna) },
];

let shared: Awaited<ReturnType<typeof sharedTestPki>>;
let pki: TestPki;
let tokens: DevTestToken[];

before(async () => {
  shared = await sharedTestPki();
  pki = shared.pki;
  tokens = devTestTokens(pki).tokens;
});
after(() => shared.cleanup());

/** The token entry the demo agent and the Fortify test agent serve for a profile (exactly one). */
function tokenEntry(name: TestProfileName) {
  const found = tokens.flatMap((token) => token.certificates.filter((entry) => entry.profile === name).map((entry) => ({ token, entry })));
  assert.equal(found.length, 1, `${name} is on one token`);
  return found[0]!;
}

/** The CA certificates the token sends with a profile's certificate. */
const chainSent = (name: TestProfileName) => tokenEntry(name).entry.chain.map((ca) => new x509.X509Certificate(Buffer.from(ca, 'base64')));

async function register(server: TestServer, entry: TestPkiCertificate, chain: x509.X509Certificate[], email: string): Promise<Reply> {
  const browser = new Browser(server.api);
  const proof = await signProof(entry, await challengeFor(browser), { chain });
  return browser.post(API_PATHS.certificateRegistration, { proof, email, consent: 'true' });
}

async function login(server: TestServer, entry: TestPkiCertificate, chain: x509.X509Certificate[]): Promise<Reply> {
  const browser = new Browser(server.api);
  return browser.post(API_PATHS.certificateLogin, await signProof(entry, await challengeFor(browser), { chain }));
}

describe('the real CAs’ test bodies', () => {
  test('MUP Stranci CA 4 is under the same root as MUP Gradjani CA 4; Paperless’s CAs have the real DN shape, SHA-512 and a critical CRL distribution point', async () => {
    const mup = pki.body('mup');
    const stranci = pki.body('mup-stranci');
    assert.equal(stranci.root.certificate.toString('base64'), mup.root.certificate.toString('base64'), 'one TEST MUP Root CA 4');
    assert.equal(stranci.issuing.certificate.issuer, mup.root.certificate.subject);
    assert.ok(await stranci.issuing.certificate.verify({ publicKey: mup.root.certificate.publicKey, signatureOnly: true }));
    assert.deepEqual(
      stranci.issuing.certificate.subjectName.toJSON().map((rdn) => Object.keys(rdn)),
      mup.issuing.certificate.subjectName.toJSON().map((rdn) => Object.keys(rdn)),
      'C · L · orgId · OU · O · CN, as Gradjani',
    );
    assert.equal(pki.trustAnchors.filter((anchor) => anchor.subject === mup.root.certificate.subject).length, 1, 'the shared root is one anchor');
    assert.deepEqual(
      [testBody('mup').directoryId, testBody('mup-stranci').directoryId, testBody('paperless').directoryId, testBody('posta').directoryId],
      ['mup', 'mup', 'paperless', 'posta'],
    );

    const paperless = pki.body('paperless').issuing.certificate;
    // DER order CN · O · L · ST · C · orgId VAT · orgId MB, each its own RDN (CERTS.md, paperless-fl-esignature-ca-1.cer).
    assert.deepEqual(
      paperless.subjectName.toJSON().map((rdn) => Object.entries(rdn).map(([type, values]) => [type, values.length])),
      [[['CN', 1]], [['O', 1]], [['L', 1]], [['ST', 1]], [['C', 1]], [['2.5.4.97', 1]], [['2.5.4.97', 1]]],
    );
    assert.equal(paperless.subjectName.getField('2.5.4.3')[0], 'TEST Paperless FL eSignature CA 1');
    assert.equal(paperless.issuerName.getField('2.5.4.3')[0], 'TEST Paperless FL CA');
    const algorithm = paperless.signatureAlgorithm as unknown as { name: string; hash: { name: string } };
    assert.deepEqual([algorithm.name, algorithm.hash.name], ['RSASSA-PKCS1-v1_5', 'SHA-512']);
    const distribution = paperless.getExtension(x509.CRLDistributionPointsExtension);
    assert.equal(distribution?.critical, true);
  });

  test('each profile is issued by its body’s CA, read by the picker as usable and recognised as its directory entry', () => {
    for (const { name, body, directoryId, issuer } of REAL_CA_PROFILES) {
      const entry = pki.profile(name);
      assert.equal(entry.issuer, body, name);
      assert.equal(entry.certificate.issuerName.getField('2.5.4.3')[0], issuer, name);
      const directory = withTestIssuers(DEFAULT_CERTIFICATION_BODIES, pki.bodies.map((item) => ({ directoryId: item.body.directoryId, certificate: item.issuing.certificate })));
      const description = describeCertificate(new Uint8Array(entry.certificate.rawData), directory, new Date(PKI_TIME), true, {
        qualifiedPolicies: pki.qualifiedPolicies,
      });
      assert.equal(description.hiddenBecause, undefined, `${name}: ${description.hiddenBecause}`);
      assert.equal(description.usable, true, name);
      assert.equal(description.issuer.body?.id, directoryId, name);
    }
  });

  test('the foreigner’s certificate carries PNORS- with his 13-digit registration number', () => {
    const serials = pki.profile('mup-stranci').certificate.subjectName.getField('2.5.4.5');
    assert.equal(serials.length, 2);
    assert.match(serials[0]!, /^CA:RS-\d{9}$/);
    assert.equal(serials[1], `PNORS-${luca.personalNumber}`);
    assert.match(luca.personalNumber, /^\d{13}$/);
    assert.match(pki.profile('mup-stranci').certificate.subjectName.getField('2.5.4.3')[0]!, /^ЛУЦА СТРАНИЕРИ \d{9} Sign$/, 'MUP’s CN');
  });

  test('the MUP cards send no chain (demo agent and Fortify test agent); every other token sends its issuing CA', async () => {
    const mupCard = tokens.find((token) => token.id === 'test-mup-id-card')!;
    const foreignerCard = tokens.find((token) => token.id === 'test-mup-foreigner-card')!;
    assert.equal(foreignerCard.label, 'TEST MUP lična karta za strance');
    assert.deepEqual(foreignerCard.certificates.map((entry) => entry.profile), ['mup-stranci']);
    for (const card of [mupCard, foreignerCard]) for (const entry of card.certificates) assert.deepEqual(entry.chain, [], `${card.id}: ${entry.profile}`);
    for (const { name } of REAL_CA_PROFILES) {
      const sent = chainSent(name);
      if (testBody(pki.profile(name).issuer as TestBodyId).directoryId === 'mup') assert.deepEqual(sent, [], name);
      else assert.deepEqual(sent.map((ca) => ca.subject), [pki.profile(name).certificate.issuer], name);
    }
    // The Fortify test agent (soft devices from the same tokens): the MUP cards hold no CA certificate, the others their issuing CA.
    const agent = await agentTokens(tokens);
    for (const token of agent) {
      const cas = token.items.filter((item) => item.profile === 'ca');
      if (token.id.startsWith('test-mup-')) assert.deepEqual(cas, [], token.id);
      else assert.ok(cas.length > 0, token.id);
      await token.device.close();
    }
    assert.ok(agent.find((token) => token.id === 'test-mup-foreigner-card')!.items.some((item) => item.profile === 'mup-stranci'));
  });

  test('a test PKI of the previous version (egov-test-pki/2) is replaced by one with the new bodies', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'egov-pki-v2-'));
    const dir = join(parent, 'test-pki');
    try {
      cpSync(pki.dir, dir, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { format: string; bodies: { id: string }[] };
      assert.equal(manifest.format, 'egov-test-pki/3');
      writeFileSync(
        join(dir, 'manifest.json'),
        JSON.stringify({ ...manifest, format: 'egov-test-pki/2', bodies: manifest.bodies.filter((body) => !['mup-stranci', 'paperless'].includes(body.id)) }),
      );
      const { pki: again, created } = await ensureTestPki(dir, PKI_TIME);
      assert.equal(created, true);
      assert.equal(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).format, 'egov-test-pki/3');
      assert.equal(again.body('mup-stranci').issuing.certificate.subjectName.getField('2.5.4.3')[0], 'TEST MUP Stranci CA 4');
      assert.ok(again.profile('paperless'));
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

for (const profile of REAL_CA_PROFILES) {
  describe(`${profile.name} (${profile.issuer})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(shared.options({ clock: () => PKI_TIME }));
    });
    after(() => server.cleanup());

    test('registers, confirms, logs in; the account is the holder identifier’s; a renewal logs into the same account', async () => {
      const entry = pki.profile(profile.name);
      const chain = chainSent(profile.name);
      const email = `${profile.name}@example.test`;

      assert.deepEqual(certificateIdentity(entry.certificate), { kind: 'holder', identifier: profile.identifier });
      assert.equal(errorCode(await login(server, entry, chain)), 'certificate_not_registered', 'no account yet');

      const registration = await register(server, entry, chain, email);
      assert.equal(registration.status, 202, registration.text);
      const confirmed = await confirm(new Browser(server.api), tokenOf(await latest(server, email, 'confirm_email')));
      assert.equal(confirmed.status, 200, confirmed.text);

      const first = await login(server, entry, chain);
      assert.equal(first.status, 200, first.text);
      assert.deepEqual(first.json.user, { email, acr: 'high' });

      // The account is the one the holder identifier's keyed hash finds (the store keeps no identifier in clear).
      const store = await server.mock.store();
      const secret = await store.secret('certificate-identity');
      const account = await store.findAccountByCertificateIdentity(identityKey({ kind: 'holder', identifier: profile.identifier }, secret));
      assert.equal(account?.email, email);
      assert.equal(await store.countAccounts(), 1);

      // Renewed: a new key and serial from the same TEST CA, the same holder.
      const renewed = await renewedCertificate(pki, profile.name, PKI_TIME);
      assert.notEqual(renewed.certificate.serialNumber, entry.certificate.serialNumber);
      assert.notEqual(Buffer.from(renewed.certificate.publicKey.rawData).toString('hex'), Buffer.from(entry.certificate.publicKey.rawData).toString('hex'));
      assert.equal(renewed.certificate.issuer, entry.certificate.issuer);
      assert.ok(await renewed.certificate.verify({ publicKey: pki.body(profile.body).issuing.certificate.publicKey, signatureOnly: true }));
      assert.deepEqual(certificateIdentity(renewed.certificate), certificateIdentity(entry.certificate));
      const again = await login(server, renewed, chain);
      assert.equal(again.status, 200, again.text);
      assert.deepEqual(again.json.user, { email, acr: 'high' });
      assert.equal(await store.countAccounts(), 1, 'no second account');
    });
  });
}
