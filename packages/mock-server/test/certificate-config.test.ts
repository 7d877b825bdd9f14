/**
 * Certificate configuration: the CA directory and login modes in
 * `GET /config`, the development soft tokens (`GET /dev/test-tokens`), the
 * test PKI made once per data directory and reused, and the command line's
 * certificate flags.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  API_PATHS,
  CERTIFICATE_PROOF_FORMAT,
  DEV_TOKEN_HEADER,
  certificateSignedData,
  type CertificationBody,
  type DevTestTokensResponse,
  type PublicConfig,
} from '@egov/auth-widgets/contract';
import { cyrillicToLatin } from '@egov/auth-widgets/i18n/transliterate';
import { createMockServer } from '../src/app.ts';
import { UsageError, parseServerCommand } from '../src/cli-options.ts';
import { x509 } from '../src/x509.ts';
import { BUNDLED_TRUSTED_LIST } from '../src/trusted-list/bundled.ts';
import { DEFAULT_CERTIFICATION_BODIES, checkCertificationBodies } from '../src/certification-bodies.ts';
import { TEST_BODIES } from '../src/test-pki/bodies.ts';
import { TEST_PROFILE_NAMES } from '../src/test-pki/profiles.ts';
import { ensureTestPki, type TestPki } from '../src/test-pki/test-pki.ts';
import { PKI_TIME, challengeFor, registerAndConfirm, sharedTestPki } from './certificate-fixtures.ts';
import { Browser, DEV_TOKEN, errorCode, request, startServer, type TestServer } from './helpers.ts';

let shared: Awaited<ReturnType<typeof sharedTestPki>>;
let pki: TestPki;

before(async () => {
  shared = await sharedTestPki();
  pki = shared.pki;
});
after(() => shared.cleanup());

/** A ministry's own certification body, for the directory tests. */
const custom: CertificationBody = {
  id: 'ministry_ca',
  name: { en: 'Ministry CA', 'sr-Cyrl': 'Министарство' },
  site: 'https://ca.ministry.example',
  support: { phone: '+381 11 000 000' },
  pinUnblock: { en: 'Call us.', 'sr-Cyrl': 'Позовите нас.' },
  issuerNames: ['Ministry Issuing CA'],
};

describe('GET /config with certificate support', () => {
  let server: TestServer;
  let config: PublicConfig;
  before(async () => {
    server = await startServer(shared.options());
    config = (await request(`${server.api}${API_PATHS.config}`)).json as unknown as PublicConfig;
  });
  after(() => server.cleanup());

  test('announces certificate login first, then password', () => {
    assert.deepEqual(config.loginModes, ['certificate', 'password']);
    assert.equal(config.certificateRegistrationReview, false);
  });

  test('lists the certification bodies with names in every locale, https sites, support and PIN guidance', () => {
    assert.deepEqual(
      config.certificationBodies.map((body) => body.id),
      ['mup', 'posta', 'pks', 'halcom', 'esmart', 'ite', 'paperless', 'mod', 'mts'],
    );
    const byId = Object.fromEntries(config.certificationBodies.map((body) => [body.id, body])) as Record<string, CertificationBody>;
    // The trusted list's names, in Cyrillic too.
    assert.equal(byId.mup!.name.en, 'Ministry of Interior Republic of Serbia');
    assert.equal(byId.mup!.name['sr-Cyrl'], 'МУП Републике Србије');
    assert.equal(byId.mup!.name['sr-Latn'], 'MUP Republike Srbije');
    assert.equal(byId.ite!.name['sr-Latn'], 'Kancelarija za informacione tehnologije i elektronsku upravu');
    assert.equal(byId.pks!.name['sr-Latn'], 'Privredna komora Srbije');
    for (const body of config.certificationBodies) {
      assert.equal(new URL(body.site).protocol, 'https:', body.id);
      assert.ok(body.support.email || body.support.phone || body.support.url, `${body.id}: a support contact`);
      assert.match(body.pinUnblock.en, /PIN/, body.id);
      assert.equal(body.pinUnblock['sr-Latn'], cyrillicToLatin(body.pinUnblock['sr-Cyrl']), `${body.id}: Latin derived from Cyrillic`);
    }
  });

  test('links each body to the instructions the portal guide gives for getting and installing its certificate (https)', () => {
    const instructions = Object.fromEntries(config.certificationBodies.map((body) => [body.id, body.instructions]));
    assert.deepEqual(instructions, {
      mup: 'https://ca.mup.gov.rs/eng.html',
      posta: 'https://www.posta.rs/eng/stanovnistvo/usluga.aspx?usluga=e-services/electronic-certificates/qualified-e-signature-certificate&strana=service-description',
      pks: 'https://pks.rs/strana/sekcija/usluge-elektronski-sertifikat-procedura-izdavanja',
      halcom: 'https://www.halcom.com/sl_en/qualified-digital-certificate/',
      esmart: 'https://www.e-smartsys.com/en/services/Pages/ESS-QCA-Qualified-certificate-for-electronic-signature.aspx',
      ite: undefined,
      paperless: undefined,
      mod: undefined,
      mts: undefined,
    });
    const [mup] = DEFAULT_CERTIFICATION_BODIES;
    assert.throws(() => checkCertificationBodies([{ ...mup!, instructions: 'http://ca.mup.gov.rs/eng.html' }]), /instructions must be an https URL/);
    assert.throws(() => checkCertificationBodies([{ ...mup!, instructions: 'javascript:alert(1)' }]), /instructions must be an https URL/);
  });

  test('every test issuing CA is recognised by its certification body', () => {
    for (const body of TEST_BODIES) {
      // MUP's two issuing CAs (citizens and foreigners) are both the `mup` entry's.
      const entry = config.certificationBodies.find((candidate) => candidate.id === body.directoryId)!;
      const issuing = pki.body(body.id).issuing.certificate;
      const issuer = issuing.subjectName.getField('2.5.4.3')[0]!;
      assert.ok(entry.issuerNames.includes(issuer), `${body.id}: ${issuer}`);
      // By the CA certificate itself: its subject and key identifier.
      const subject = Buffer.from(issuing.subjectName.toArrayBuffer()).toString('base64');
      const keyIdentifier = issuing.getExtension(x509.SubjectKeyIdentifierExtension)!.keyId.toLowerCase();
      assert.ok(entry.issuers?.some((candidate) => candidate.subject === subject && candidate.keyIdentifier === keyIdentifier), `${body.id}: issuers`);
    }
  });

  test('without anchors or the test PKI: password only, and the certificate operations are not implemented', async () => {
    const plain = await startServer({ dev: { enabled: false } });
    try {
      const plainConfig = (await request(`${plain.api}${API_PATHS.config}`)).json as unknown as PublicConfig;
      assert.deepEqual(plainConfig.loginModes, ['password']);
      assert.equal(plainConfig.certificationBodies.length, 9, 'the directory is still published');
      const browser = new Browser(plain.api);
      for (const path of [API_PATHS.certificateChallenge, API_PATHS.certificateLogin, API_PATHS.certificateRegistration]) {
        const reply = await browser.post(path, {});
        assert.equal(reply.status, 501, path);
        assert.equal(errorCode(reply), 'not_implemented');
        assert.equal((await browser.post(path, {}, { csrf: false })).status, 403, `${path}: CSRF still checked`);
      }
    } finally {
      await plain.cleanup();
    }
  });

  test('a configured directory replaces the default; a bad entry stops the server', async () => {
    const other = await startServer(shared.options({ certificationBodies: [custom] }));
    try {
      const bodies = ((await request(`${other.api}${API_PATHS.config}`)).json as unknown as PublicConfig).certificationBodies;
      assert.deepEqual(bodies, [{ ...custom, name: { ...custom.name, 'sr-Latn': 'Ministarstvo' }, pinUnblock: { ...custom.pinUnblock, 'sr-Latn': 'Pozovite nas.' } }]);
    } finally {
      await other.cleanup();
    }
    // Checked before anything is opened or created.
    assert.throws(() => createMockServer({ dataDir: join(tmpdir(), 'egov-never-created'), certificationBodies: [{ ...custom, site: 'http://ca.ministry.example' }] }), /https/);
  });

  test('a directory whose support contacts the widgets would not render as links stops the server', () => {
    const start = (support: CertificationBody['support']) => () =>
      createMockServer({ dataDir: join(tmpdir(), 'egov-never-created'), certificationBodies: [{ ...custom, support }] });
    assert.throws(start({ url: 'javascript:alert(1)' }), /support url/);
    assert.throws(start({ url: 'http://support.ministry.example/' }), /support url/);
    assert.throws(start({ email: 'ca@ministry.example?bcc=thief@evil.example' }), /support e-mail/);
    assert.throws(start({ phone: 'javascript:alert(1)' }), /support phone/);
  });
});

describe('GET /dev/test-tokens', () => {
  test('does not exist without development operations (404)', async () => {
    const server = await startServer(shared.options({ dev: { enabled: false } }));
    try {
      const reply = await request(`${server.api}${API_PATHS.devTestTokens}`, { headers: { [DEV_TOKEN_HEADER]: DEV_TOKEN } });
      assert.equal(reply.status, 404);
      assert.equal(errorCode(reply), 'not_found');
      // Certificate login itself still works with the configured (here: test) anchors.
      assert.equal((await new Browser(server.api).post(API_PATHS.certificateChallenge, {})).status, 200);
    } finally {
      await server.cleanup();
    }
  });

  test('needs the development token when one is set; 404 when the test PKI is off', async () => {
    const server = await startServer(shared.options());
    const noPki = await startServer({ certificates: { testPki: false } });
    try {
      assert.equal((await request(`${server.api}${API_PATHS.devTestTokens}`)).status, 401);
      assert.equal((await request(`${server.api}${API_PATHS.devTestTokens}`, { headers: { [DEV_TOKEN_HEADER]: 'guess' } })).status, 401);
      assert.equal((await request(`${noPki.api}${API_PATHS.devTestTokens}`, { headers: { [DEV_TOKEN_HEADER]: DEV_TOKEN } })).status, 404);
    } finally {
      await server.cleanup();
      await noPki.cleanup();
    }
  });

  describe('with development operations on', () => {
    let server: TestServer;
    let tokens: DevTestTokensResponse;
    before(async () => {
      server = await startServer(shared.options({ clock: () => PKI_TIME }));
      const reply = await request(`${server.api}${API_PATHS.devTestTokens}`, { headers: { [DEV_TOKEN_HEADER]: DEV_TOKEN } });
      assert.equal(reply.status, 200);
      assert.equal(reply.headers['cache-control'], 'no-store');
      tokens = reply.json as unknown as DevTestTokensResponse;
    });
    after(() => server.cleanup());

    test('the MUP identity card and Halcom tokens hold the profiles the demo needs', () => {
      const byId = Object.fromEntries(tokens.tokens.map((token) => [token.id, token]));
      const mup = byId['test-mup-id-card']!;
      assert.equal(mup.label, 'TEST MUP lična karta');
      assert.equal(mup.pin, '1234');
      assert.equal(mup.maxPinTries, 3);
      // The card's two certificates — signing and authentication — and the rest.
      assert.deepEqual(mup.certificates.map((c) => c.profile), ['valid', 'mup-authentication', 'expired', 'no-private-key', 'wrong-policy']);
      assert.deepEqual(byId['test-halcom']!.certificates.map((c) => c.profile), ['valid-ecdsa', 'untrusted', 'revoked', 'not-yet-valid']);
      const profiles = tokens.tokens.flatMap((token) => token.certificates.map((c) => c.profile));
      assert.deepEqual([...profiles].sort(), [...TEST_PROFILE_NAMES].sort(), 'every profile on some token, once');
    });

    test('each certificate: DER, its issuing CA as the chain, a PKCS#8 key (but one) and WebCrypto import parameters', async () => {
      for (const token of tokens.tokens) {
        for (const entry of token.certificates) {
          const certificate = new x509.X509Certificate(Buffer.from(entry.certificate, 'base64'));
          assert.equal(certificate.toString('base64'), pki.profile(entry.profile as (typeof TEST_PROFILE_NAMES)[number]).certificate.toString('base64'));
          // A MUP card carries no CA certificate: the server knows MUP's issuing CAs.
          if (entry.profile === 'self-signed' || pki.profile(entry.profile as (typeof TEST_PROFILE_NAMES)[number]).issuer.startsWith('mup')) assert.deepEqual(entry.chain, [], entry.profile);
          else assert.equal(new x509.X509Certificate(Buffer.from(entry.chain[0]!, 'base64')).subject, certificate.issuer, entry.profile);
          if (entry.profile === 'no-private-key') {
            assert.equal(entry.privateKey, undefined);
            continue;
          }
          const params = entry.keyAlgorithm.name === 'ECDSA' ? { name: 'ECDSA', namedCurve: entry.keyAlgorithm.namedCurve! } : { name: entry.keyAlgorithm.name, hash: entry.keyAlgorithm.hash! };
          await crypto.subtle.importKey('pkcs8', Buffer.from(entry.privateKey!, 'base64'), params, false, ['sign']);
        }
      }
    });

    test('a token’s valid certificate and key log in, as the demo agent would', async () => {
      const entry = tokens.tokens.find((token) => token.id === 'test-mup-id-card')!.certificates.find((c) => c.profile === 'valid')!;
      await registerAndConfirm(server, pki.profile('valid'), 'demo@example.test');
      const browser = new Browser(server.api);
      const challenge = await challengeFor(browser);
      const key = await crypto.subtle.importKey('pkcs8', Buffer.from(entry.privateKey!, 'base64'), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
      const signature = await crypto.subtle.sign({ name: 'RSASSA-PKCS1-v1_5' }, key, await certificateSignedData(challenge.origin, challenge.nonce));
      const reply = await browser.post(API_PATHS.certificateLogin, {
        format: CERTIFICATE_PROOF_FORMAT,
        certificate: entry.certificate,
        chain: entry.chain,
        algorithm: 'RSASSA-PKCS1-v1_5-SHA256',
        signature: Buffer.from(signature).toString('base64'),
        nonce: challenge.nonce,
      });
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual(reply.json.user, { email: 'demo@example.test', acr: 'high' });
    });
  });
});

describe('the test PKI of a data directory', () => {
  test('is made once, persisted with its PEMs and keys, and reused after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'egov-pki-restart-'));
    try {
      const first = await startServer({ dataDir });
      const made = await first.mock.testPki();
      await first.close();
      assert.ok(made);
      assert.equal(made.dir, join(dataDir, 'test-pki'));
      for (const file of ['manifest.json', 'trust-anchors.pem', 'qualified-policies.txt', 'README.txt', 'ca/mup-root.pem', 'ca/mup-ca.key.pem', 'crl/halcom-ca.crl.pem', 'users/valid.pem', 'users/valid.key.pem']) {
        assert.ok(existsSync(join(made.dir, file)), file);
      }
      assert.match(readFileSync(join(made.dir, 'README.txt'), 'utf8'), /TEST PKI/);
      assert.equal(readFileSync(join(made.dir, 'trust-anchors.pem'), 'utf8').match(/BEGIN CERTIFICATE/g)?.length, 7, 'one root per body; MUP Stranci CA 4 is under MUP’s');

      const second = await startServer({ dataDir });
      try {
        const reused = await second.mock.testPki();
        assert.equal(reused!.generatedAt, made.generatedAt);
        assert.equal(reused!.profile('valid').certificate.toString('base64'), made.profile('valid').certificate.toString('base64'));
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('a test PKI an older version made (another format) is replaced, not read', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'egov-pki-old-')), 'test-pki');
    try {
      const { pki: made } = await ensureTestPki(dir, PKI_TIME);
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { format: string };
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, format: 'egov-test-pki/1' }));
      const { pki: again, created } = await ensureTestPki(dir, PKI_TIME);
      assert.equal(created, true);
      assert.notEqual(again.profile('valid').certificate.serialNumber, made.profile('valid').certificate.serialNumber);
      assert.equal(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).format, manifest.format);
      assert.deepEqual(readdirSync(join(dir, '..')), ['test-pki'], 'nothing left beside it');
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, format: 'something-else/1' }));
      await assert.rejects(ensureTestPki(dir, PKI_TIME), /not a egov-test-pki/, 'a directory that is not a test PKI is never deleted');
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true });
    }
  });
});

/** The attribute types (OIDs) and values of each RDN of a name, in DER order. */
function rdns(name: x509.Name): [string, string][][] {
  const short: Record<string, string> = { C: '2.5.4.6', L: '2.5.4.7', O: '2.5.4.10', OU: '2.5.4.11', CN: '2.5.4.3', SN: '2.5.4.4', G: '2.5.4.42', E: '1.2.840.113549.1.9.1' };
  return name.toJSON().map((rdn) => Object.entries(rdn).flatMap(([type, values]) => values.map((value): [string, string] => [short[type] ?? type, value])));
}

describe('the test PKI is shaped like the real one (docs/real-pki-facts.md; issue 13)', () => {
  const QCP_N_QSCD = '0.4.0.194112.1.2';
  const SERIAL = '2.5.4.5';

  test('CA names are the real ones marked TEST, with the real attributes in the real order', () => {
    const issuing = Object.fromEntries(pki.bodies.map((entry) => [entry.body.id, entry.issuing.certificate]));
    assert.deepEqual(
      Object.values(issuing).map((certificate) => certificate.subjectName.getField('2.5.4.3')[0]),
      [
        'TEST MUP Gradjani CA 4',
        'TEST MUP Stranci CA 4',
        'TEST Pošta Srbije CA 1',
        'TEST PKS CA Class1 - Kvalifikovani sertifikati',
        'TEST Halcom BG CA FL e-signature',
        'TEST ESS IQCA1 V3',
        'TEST EID RS Sign',
        'TEST Paperless FL eSignature CA 1',
      ],
    );
    assert.deepEqual(rdns(issuing['mup']!.subjectName).map((rdn) => rdn.map(([type]) => type)), [['2.5.4.6'], ['2.5.4.7'], ['2.5.4.97'], ['2.5.4.11'], ['2.5.4.10'], ['2.5.4.3']]);
    assert.deepEqual(rdns(issuing['halcom']!.subjectName)[2], [['2.5.4.97', 'MB:RS-17419722'], ['2.5.4.97', 'VATRS-102193722']], 'Halcom: one multi-valued RDN');
    for (const certificate of Object.values(issuing)) assert.match(certificate.subjectName.getField('2.5.4.10')[0]!, /^TEST /);
  });

  test('E-Smart’s CAs sign with RSA-PSS, SHA-512, salt 64', async () => {
    const esmart = pki.body('esmart');
    for (const certificate of [esmart.issuing.certificate, pki.profile('no-personal-number').certificate]) {
      const algorithm = certificate.signatureAlgorithm as unknown as { name: string; hash: { name: string }; saltLength: number };
      assert.deepEqual([algorithm.name, algorithm.hash.name, algorithm.saltLength], ['RSA-PSS', 'SHA-512', 64]);
    }
    assert.ok(await esmart.issuing.certificate.verify({ publicKey: esmart.root.certificate.publicKey, signatureOnly: true }));
  });

  test('leaves: CA:RS-<n> and the holder identifier beside the names in one RDN; the CN as each body writes it', () => {
    const valid = rdns(pki.profile('valid').certificate.subjectName);
    assert.deepEqual(valid[0], [['2.5.4.6', 'RS']]);
    const names = valid[1]!;
    const serials = names.filter(([type]) => type === SERIAL).map(([, value]) => value);
    assert.equal(serials.length, 2);
    assert.match(serials[0]!, /^CA:RS-\d{9}$/);
    assert.equal(serials[1], `PNORS-${pki.profile('valid').personalNumber}`);
    const commonName = names.find(([type]) => type === '2.5.4.3')![1];
    assert.equal(commonName, `ПЕТАР ТЕСТОВИЋ ${serials[0]!.slice('CA:RS-'.length)} Sign`, 'MUP: Cyrillic capitals, its number, " Sign"');
    assert.match(pki.profile('multi-valued-rdn').certificate.subjectName.getField('2.5.4.3')[0]!, /^Petar Testović \d{9}$/, 'Pošta');
    assert.match(pki.profile('valid-ecdsa').certificate.subjectName.getField('2.5.4.3')[0]!, /^Jelena Probić \d{6}$/, 'Halcom');
    assert.deepEqual(pki.profile('idc-holder').certificate.subjectName.getField(SERIAL).slice(1), ['IDCRS-T00000005']);
    assert.match(pki.profile('passport-holder').certificate.subjectName.getField(SERIAL)[1]!, /^PASDE-/);
    assert.deepEqual(pki.profile('no-personal-number').certificate.subjectName.getField(SERIAL).length, 1);
  });

  test('qualified leaves: QCP-n-qscd and the body’s TEST policy, qcStatements; the backend’s list still accepts them', () => {
    for (const entry of pki.certificates) {
      const policies = entry.certificate.getExtension(x509.CertificatePolicyExtension)!.policies;
      const qcStatements = entry.certificate.getExtension('1.3.6.1.5.5.7.1.3');
      if (entry.name === 'wrong-policy' || entry.name === 'mup-authentication') {
        assert.ok(!policies.includes(QCP_N_QSCD) && !qcStatements, entry.name);
        continue;
      }
      assert.equal(policies[0], QCP_N_QSCD, entry.name);
      assert.match(policies[1]!, /^2\.999\.381\.\d\.1\.1$/, entry.name);
      assert.ok(pki.qualifiedPolicies.includes(policies[1]!), entry.name);
      // QcCompliance, QcSSCD, QcType esign, natural person (their DER OIDs).
      const der = Buffer.from(qcStatements!.value).toString('hex');
      for (const oid of ['04008e460101', '04008e460104', '04008e460106', '04008e46010601', '04008bec490101']) assert.ok(der.includes(oid), `${entry.name}: ${oid}`);
    }
    assert.ok(!pki.qualifiedPolicies.includes(QCP_N_QSCD), 'only the TEST arc is trusted as qualified: a real certificate never passes as a test one');
  });

  test('key usage and e-mail where each body puts them', () => {
    const usage = (name: Parameters<TestPki['profile']>[0]) => pki.profile(name).certificate.getExtension(x509.KeyUsagesExtension)!.usages;
    const { digitalSignature, nonRepudiation } = x509.KeyUsageFlags;
    assert.equal(usage('valid'), digitalSignature | nonRepudiation, 'MUP');
    assert.equal(usage('multi-valued-rdn'), digitalSignature | nonRepudiation, 'Pošta');
    for (const name of ['valid-ecdsa', 'idc-holder', 'passport-holder'] as const) assert.equal(usage(name), nonRepudiation, `Halcom: ${name}`);
    assert.equal(usage('mup-authentication'), digitalSignature, 'the MUP card’s authentication certificate');
    assert.deepEqual([...pki.profile('mup-authentication').certificate.getExtension(x509.ExtendedKeyUsageExtension)!.usages].map(String), ['1.3.6.1.5.5.7.3.2']);
    const san = (name: Parameters<TestPki['profile']>[0]) => pki.profile(name).certificate.getExtension(x509.SubjectAlternativeNameExtension)?.names.items.map((item) => item.value);
    assert.deepEqual(san('valid'), ['petar.testovic@example.test']);
    assert.equal(pki.profile('valid').certificate.subjectName.getField('1.2.840.113549.1.9.1').length, 0);
    assert.equal(san('valid-ecdsa'), undefined);
    assert.deepEqual(pki.profile('valid-ecdsa').certificate.subjectName.getField('1.2.840.113549.1.9.1'), ['jelena.probic@example.test']);
  });
});

describe('command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'egov-cli-certs-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('reads trust anchors and lists from files, and the other certificate flags', () => {
    const anchors = join(dir, 'anchors.pem');
    const crl = join(dir, 'halcom.crl');
    writeFileSync(anchors, pki.trustAnchors.map((anchor) => anchor.toString('pem')).join('\n'));
    writeFileSync(crl, Buffer.from(pki.body('halcom').crls[1]!.rawData));
    const command = parseServerCommand(
      [
        '--trust-anchor', anchors,
        '--qualified-policy', pki.qualifiedPolicies[0]!,
        '--qualified-policy', pki.qualifiedPolicies[1]!,
        '--crl', crl,
        '--certificate-origin', 'https://portal.example',
        '--intermediate', anchors,
        '--certificate-registration-review',
      ],
      {},
    );
    const certificates = command.options.certificates!;
    assert.equal(typeof certificates.trustAnchors![0], 'string');
    assert.equal(typeof certificates.intermediates![0], 'string', '--intermediate reads its file');
    assert.deepEqual(certificates.crlPaths, [crl], 'lists are named by path: the server re-reads them');
    assert.deepEqual(certificates.qualifiedPolicies, pki.qualifiedPolicies.slice(0, 2));
    assert.equal(certificates.origin, 'https://portal.example');
    assert.equal(command.options.certificateRegistrationReview, true);

    const fromEnv = parseServerCommand([], { EGOV_TRUST_ANCHORS: anchors, EGOV_QUALIFIED_POLICIES: ` ${pki.qualifiedPolicies[0]} , ${pki.qualifiedPolicies[2]}`, EGOV_CERTIFICATE_ORIGIN: 'https://site.example' });
    assert.deepEqual(fromEnv.options.certificates!.qualifiedPolicies, [pki.qualifiedPolicies[0], pki.qualifiedPolicies[2]]);
    assert.equal(fromEnv.options.certificates!.origin, 'https://site.example');
    assert.throws(() => parseServerCommand(['--trust-anchor', join(dir, 'missing.pem')], {}), (error: unknown) => error instanceof UsageError && /ENOENT/.test(error.message));
  });

  test('--trusted-list: a file with its signer (PEM or DER), or `bundled`; a list without a signer is a usage error', () => {
    const bundled = parseServerCommand(['--trusted-list', 'bundled'], {}).options.certificates!.trustedList!;
    assert.deepEqual(Buffer.from(bundled.xml), readFileSync(BUNDLED_TRUSTED_LIST.list));
    assert.deepEqual(Buffer.from(bundled.signer as Uint8Array), readFileSync(BUNDLED_TRUSTED_LIST.signer), 'the pinned signer, DER');
    const signerPem = join(dir, 'signer.pem');
    writeFileSync(signerPem, new x509.X509Certificate(readFileSync(BUNDLED_TRUSTED_LIST.signer)).toString('pem'));
    const listFile = fileURLToPath(BUNDLED_TRUSTED_LIST.list);
    const fromEnv = parseServerCommand([], { EGOV_TRUSTED_LIST: listFile, EGOV_TRUSTED_LIST_SIGNER: signerPem }).options.certificates!.trustedList!;
    assert.match(fromEnv.signer as string, /^-----BEGIN CERTIFICATE-----/, 'a PEM signer is read as text');
    const usage = (argv: string[], message: RegExp) => assert.throws(() => parseServerCommand(argv, {}), (error: unknown) => error instanceof UsageError && message.test(error.message));
    usage(['--trusted-list', listFile], /--trusted-list needs --trusted-list-signer/);
    usage(['--trusted-list-signer', signerPem], /--trusted-list-signer needs --trusted-list/);
    usage(['--trusted-list', join(dir, 'missing.xml'), '--trusted-list-signer', signerPem], /--trusted-list .*ENOENT/);
    assert.equal(parseServerCommand(['--ocsp', 'off'], {}).options.certificates!.ocsp, false);
    assert.equal(parseServerCommand([], { EGOV_OCSP: 'on' }).options.certificates!.ocsp, true);
    assert.equal(parseServerCommand([], {}).options.certificates!.ocsp, undefined, 'the default (on) is the server’s');
    usage(['--ocsp', 'sometimes'], /--ocsp must be on or off/);
  });

  test('the server with --trusted-list bundled: a list past its NextUpdate starts, says so once in the log, and GET /config names sequence 36', async () => {
    const data = mkdtempSync(join(dir, 'data-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--trusted-list', 'bundled', '--revocation', 'off', '--port', '0', '--data-dir', data], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('EGOV_'))),
    });
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL in time: ${output}`)), 20_000);
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (\S+) \(API at (\S+)\)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[2]!);
          }
        });
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      });
      const config = (await (await fetch(`${url}/config`)).json()) as PublicConfig;
      assert.equal(config.trustedList?.sequenceNumber, 36);
      assert.equal(config.trustedList?.nextUpdate, '2026-11-19T01:00:00.000Z');
      // The shipped list's NextUpdate (19 November 2026) has passed: the operator reads it at startup, once.
      assert.equal(output.split('trusted_list_expired').length - 1, 1, output);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
