/**
 * Certificate configuration: the CA directory and login modes in
 * `GET /config`, the development soft tokens (`GET /dev/test-tokens`), the
 * test PKI made once per data directory and reused, and the command line's
 * certificate flags.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { x509 } from '../src/certificates/x509.ts';
import { DEFAULT_CERTIFICATION_BODIES, checkCertificationBodies } from '../src/certification-bodies.ts';
import { TEST_BODIES } from '../src/test-pki/bodies.ts';
import { TEST_PROFILE_NAMES } from '../src/test-pki/profiles.ts';
import type { TestPki } from '../src/test-pki/test-pki.ts';
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
      ['mup', 'posta', 'pks', 'halcom', 'esmart', 'ite', 'paperless'],
    );
    const byId = Object.fromEntries(config.certificationBodies.map((body) => [body.id, body])) as Record<string, CertificationBody>;
    assert.equal(byId.mup!.name['sr-Cyrl'], 'Министарство унутрашњих послова');
    assert.equal(byId.mup!.name['sr-Latn'], 'Ministarstvo unutrašnjih poslova');
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
    });
    const [mup] = DEFAULT_CERTIFICATION_BODIES;
    assert.throws(() => checkCertificationBodies([{ ...mup!, instructions: 'http://ca.mup.gov.rs/eng.html' }]), /instructions must be an https URL/);
    assert.throws(() => checkCertificationBodies([{ ...mup!, instructions: 'javascript:alert(1)' }]), /instructions must be an https URL/);
  });

  test('every test issuing CA is recognised by its certification body', () => {
    for (const body of TEST_BODIES) {
      const entry = config.certificationBodies.find((candidate) => candidate.id === body.id)!;
      const issuer = pki.body(body.id).issuing.certificate.subjectName.getField('2.5.4.3')[0]!;
      assert.ok(entry.issuerNames.includes(issuer), `${body.id}: ${issuer}`);
    }
  });

  test('without anchors or the test PKI: password only, and the certificate operations are not implemented', async () => {
    const plain = await startServer({ dev: { enabled: false } });
    try {
      const plainConfig = (await request(`${plain.api}${API_PATHS.config}`)).json as unknown as PublicConfig;
      assert.deepEqual(plainConfig.loginModes, ['password']);
      assert.equal(plainConfig.certificationBodies.length, 7, 'the directory is still published');
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
      assert.deepEqual(mup.certificates.map((c) => c.profile), ['valid', 'expired', 'no-private-key', 'wrong-policy']);
      assert.deepEqual(byId['test-halcom']!.certificates.map((c) => c.profile), ['valid-ecdsa', 'untrusted', 'revoked', 'not-yet-valid']);
      const profiles = tokens.tokens.flatMap((token) => token.certificates.map((c) => c.profile));
      assert.deepEqual([...profiles].sort(), [...TEST_PROFILE_NAMES].sort(), 'every profile on some token, once');
    });

    test('each certificate: DER, its issuing CA as the chain, a PKCS#8 key (but one) and WebCrypto import parameters', async () => {
      for (const token of tokens.tokens) {
        for (const entry of token.certificates) {
          const certificate = new x509.X509Certificate(Buffer.from(entry.certificate, 'base64'));
          assert.equal(certificate.toString('base64'), pki.profile(entry.profile as (typeof TEST_PROFILE_NAMES)[number]).certificate.toString('base64'));
          if (entry.profile === 'self-signed') assert.deepEqual(entry.chain, []);
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
      assert.equal(readFileSync(join(made.dir, 'trust-anchors.pem'), 'utf8').match(/BEGIN CERTIFICATE/g)?.length, 6);

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
});
