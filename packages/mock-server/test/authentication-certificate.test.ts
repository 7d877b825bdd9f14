/**
 * The MUP card's authentication certificate (issue 13, "which certificate
 * logs in"). It is not qualified: the trusted list qualifies by
 * nonRepudiation, and no source gives it a qualified policy
 * (docs/real-pki-facts.md §0). So by default only the signing certificate
 * logs in; behind `authenticationCertificates` the authentication one logs
 * in too, at `acr: substantial`, never makes an account, and only when the
 * CA that issued it is one that issues qualified certificates.
 */
import assert from 'node:assert/strict';
import type { webcrypto } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { API_PATHS, type LoginResponse, type PublicConfig, type SessionResponse } from '@egov/auth-widgets/contract';
import { OID } from '../src/certificates/oids.ts';
import { x509 } from '../src/x509.ts';
import { parseServerCommand } from '../src/cli-options.ts';
import { CA_SIGNING, importCaKey, type TestPki } from '../src/test-pki/test-pki.ts';
import { testListSigner, testTrustedList } from '../src/test-pki/test-trusted-list.ts';
import { PKI_TIME, certificateLogin, certificateRegistration, challengeFor, registerAndConfirm, sharedTestPki, signProof } from './certificate-fixtures.ts';
import { Browser, errorCode, startServer, type TestServer } from './helpers.ts';

const DAY = 86_400_000;
let shared: Awaited<ReturnType<typeof sharedTestPki>>;
let pki: TestPki;

before(async () => {
  shared = await sharedTestPki();
  pki = shared.pki;
});
after(() => shared.cleanup());

describe('by default only the qualified signing certificate logs in', () => {
  test('the authentication certificate → 403 certificate_key_usage; GET /config does not offer it', async () => {
    const server = await startServer(shared.options({ clock: () => PKI_TIME }));
    try {
      assert.equal(errorCode(await certificateLogin(new Browser(server.api), pki.profile('mup-authentication'))), 'certificate_key_usage');
      const config = (await new Browser(server.api).get(API_PATHS.config)).json as unknown as PublicConfig;
      assert.equal(config.authenticationCertificates, undefined);
    } finally {
      await server.cleanup();
    }
  });
});

describe('with authenticationCertificates', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer(shared.options({ clock: () => PKI_TIME, certificates: { authenticationCertificates: true } }));
    await registerAndConfirm(server, pki.profile('valid'), 'petar.auth@example.test');
  });
  after(() => server.cleanup());

  test('GET /config says so', async () => {
    const config = (await new Browser(server.api).get(API_PATHS.config)).json as unknown as PublicConfig;
    assert.equal(config.authenticationCertificates, true);
  });

  test('Petar’s authentication certificate logs into his account at acr substantial; his signing certificate at high', async () => {
    const browser = new Browser(server.api);
    const reply = await certificateLogin(browser, pki.profile('mup-authentication'));
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual((reply.json as unknown as LoginResponse).user, { email: 'petar.auth@example.test', acr: 'substantial' });
    assert.equal(((await browser.get(API_PATHS.session)).json as unknown as SessionResponse).user?.acr, 'substantial');
    const signing = await certificateLogin(new Browser(server.api), pki.profile('valid'));
    assert.equal((signing.json as unknown as LoginResponse).user.acr, 'high');
    const line = server.logs.find((entry) => entry.event === 'login_succeeded' && entry.acr === 'substantial');
    assert.ok(line, 'the log says which level');
  });

  test('it never makes an account: registration with it → 403 certificate_key_usage', async () => {
    const reply = await certificateRegistration(new Browser(server.api), pki.profile('mup-authentication'), 'someone.auth@example.test');
    assert.equal(reply.status, 403);
    assert.equal(errorCode(reply), 'certificate_key_usage');
  });

  test('other key usages stay refused: keyEncipherment only, and an authentication certificate for servers (serverAuth)', async () => {
    assert.equal(errorCode(await certificateLogin(new Browser(server.api), pki.profile('wrong-key-usage'))), 'certificate_key_usage');
    assert.equal(errorCode(await certificateLogin(new Browser(server.api), pki.profile('wrong-eku'))), 'certificate_key_usage');
  });

  test('from a sub-CA that may not issue qualified certificates → 403 certificate_policy (the review’s rogue sub-CA, at the lower level)', async () => {
    const root = pki.body('mup').root;
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
    const rogue = await x509.X509CertificateGenerator.create({
      serialNumber: '6a01',
      subject: 'C=RS, O=Test PKI, CN=TEST Other Sub CA',
      issuer: root.certificate.subjectName,
      publicKey: keys.publicKey,
      signingKey: await importCaKey(root),
      signingAlgorithm: CA_SIGNING[root.keys],
      notBefore: new Date(PKI_TIME - DAY),
      notAfter: new Date(PKI_TIME + 100 * DAY),
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        new x509.CertificatePolicyExtension(['2.999.1.2.3']),
      ],
    });
    const petar = pki.profile('mup-authentication');
    const forged = await x509.X509CertificateGenerator.create({
      serialNumber: '6a02',
      subject: petar.certificate.subjectName,
      issuer: rogue.subjectName,
      publicKey: petar.certificate.publicKey,
      signingKey: keys.privateKey,
      signingAlgorithm: CA_SIGNING.ecdsa,
      notBefore: new Date(PKI_TIME - DAY),
      notAfter: new Date(PKI_TIME + 100 * DAY),
      extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true), new x509.ExtendedKeyUsageExtension([OID.clientAuth])],
    });
    // Revocation off: the rogue CA has no list, and the refusal must be the policy's.
    const open = await startServer(shared.options({ clock: () => PKI_TIME, certificates: { authenticationCertificates: true, revocation: 'off' } }));
    try {
      const browser = new Browser(open.api);
      const reply = await browser.post(API_PATHS.certificateLogin, await signProof(petar, await challengeFor(browser), { certificate: forged, chain: [rogue] }));
      assert.equal(errorCode(reply), 'certificate_policy');
    } finally {
      await open.cleanup();
    }
  });
});

describe('with authenticationCertificates and the trusted list', () => {
  test('the authentication certificate of a listed CA logs in at substantial, with no chain (the MUP card)', async () => {
    const signer = await testListSigner(PKI_TIME);
    const xml = testTrustedList(pki, signer, (text) => text.replace(/(<NextUpdate>\s*<dateTime>)[^<]+(<\/dateTime>)/, `$1${new Date(PKI_TIME + 30 * DAY).toISOString().replace('.000', '')}$2`));
    const server = await startServer({
      clock: () => PKI_TIME,
      certificates: {
        testPki: false,
        trustedList: { xml, signer: new Uint8Array(signer.certificate.rawData) },
        crls: pki.crls.map((crl) => new Uint8Array(crl.rawData)),
        authenticationCertificates: true,
      },
    });
    try {
      await registerAndConfirm(server, pki.profile('valid'), 'petar.listed@example.test');
      const browser = new Browser(server.api);
      const reply = await browser.post(API_PATHS.certificateLogin, await signProof(pki.profile('mup-authentication'), await challengeFor(browser), { chain: [] }));
      assert.equal(reply.status, 200, reply.text);
      assert.equal((reply.json as unknown as LoginResponse).user.acr, 'substantial');
    } finally {
      await server.cleanup();
    }
  });

  test('the flag: --authentication-certificates or EGOV_AUTHENTICATION_CERTIFICATES=1', () => {
    assert.equal(parseServerCommand(['--authentication-certificates'], {}).options.certificates!.authenticationCertificates, true);
    assert.equal(parseServerCommand([], { EGOV_AUTHENTICATION_CERTIFICATES: '1' }).options.certificates!.authenticationCertificates, true);
    assert.equal(parseServerCommand([], {}).options.certificates!.authenticationCertificates, undefined);
  });
});
