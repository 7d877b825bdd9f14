/**
 * The certificate checks, vector by vector (SECURITY.md 34): each refused
 * certificate or proof gets its own error code and status, leaves the
 * session as it was, and logs its code. The vectors are the test PKI's
 * profiles, mutated proofs, and certificates made here with the PKI's CA
 * keys (an impostor CA with a trusted CA's names, a stale revocation list).
 */
import assert from 'node:assert/strict';
import { randomBytes, type webcrypto } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { API_PATHS, type CertificateProof } from '@egov/auth-widgets/contract';
import { createMockServer } from '../src/app.ts';
import { x509 } from '../src/x509.ts';
import type { MockServerOptions } from '../src/options.ts';
import { OID } from '../src/certificates/oids.ts';
import { PROOF_LIMITS } from '../src/certificates/proof-verifier.ts';
import type { CaKeyKind } from '../src/test-pki/bodies.ts';
import { CA_KEY_IMPORT, CA_SIGNING, type TestPki } from '../src/test-pki/test-pki.ts';
import { PKI_TIME, base64, certificateLogin, challengeFor, issuedLike, sharedTestPki, signProof } from './certificate-fixtures.ts';
import { Browser, errorCode, startServer, type TestServer } from './helpers.ts';

let shared: Awaited<ReturnType<typeof sharedTestPki>>;
let pki: TestPki;

before(async () => {
  shared = await sharedTestPki();
  pki = shared.pki;
});
after(() => shared.cleanup());

const DAY = 24 * 60 * 60_000;

/** Imports a PKCS#8 CA key of the test PKI for signing certificates or lists. */
async function caKey(privateKey: Uint8Array, keys: CaKeyKind): Promise<webcrypto.CryptoKey> {
  return crypto.subtle.importKey('pkcs8', privateKey, CA_KEY_IMPORT[keys], false, ['sign']);
}

const signing = (keys: CaKeyKind) => CA_SIGNING[keys];

describe('each refused certificate or proof has its own code', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer(shared.options({ clock: () => PKI_TIME }));
  });
  after(() => server.cleanup());

  /** Logs in with a proof (built from a fresh challenge) and checks the refusal; the session stays logged out. */
  async function refused(make: (browser: Browser) => Promise<CertificateProof | string>, status: number, code: string): Promise<void> {
    const browser = new Browser(server.api);
    const proof = await make(browser);
    const reply = typeof proof === 'string' ? await browser.post(API_PATHS.certificateLogin, undefined, { raw: proof }) : await browser.post(API_PATHS.certificateLogin, proof);
    assert.equal(reply.status, status, reply.text);
    assert.equal(errorCode(reply), code, reply.text);
    if (code !== 'validation_failed') assert.deepEqual(reply.json, { error: { code } });
    assert.equal((await browser.session()).authenticated, false);
  }

  const withProfile = (name: Parameters<TestPki['profile']>[0]) => async (browser: Browser) => signProof(pki.profile(name), await challengeFor(browser));

  test('the reference: the valid certificate passes every check (and is not registered)', async () => {
    await refused(withProfile('valid'), 403, 'certificate_not_registered');
    await refused(withProfile('valid-ecdsa'), 403, 'certificate_not_registered');
  });

  test('expired → 403 certificate_expired', () => refused(withProfile('expired'), 403, 'certificate_expired'));
  test('not yet valid → 403 certificate_not_yet_valid', () => refused(withProfile('not-yet-valid'), 403, 'certificate_not_yet_valid'));
  test('issued by a CA that is not a trust anchor → 403 certificate_untrusted', () => refused(withProfile('untrusted'), 403, 'certificate_untrusted'));
  test('self-signed → 403 certificate_untrusted', () => refused(withProfile('self-signed'), 403, 'certificate_untrusted'));
  test('no digitalSignature in key usage → 403 certificate_key_usage', () => refused(withProfile('wrong-key-usage'), 403, 'certificate_key_usage'));
  test('nonRepudiation only (as Halcom issues it) is the qualified signing certificate: accepted (and not registered)', () =>
    refused(withProfile('non-repudiation-only'), 403, 'certificate_not_registered'));
  test('a card’s authentication certificate (digitalSignature and clientAuth, no nonRepudiation) → 403 certificate_key_usage', async () => {
    const authentication = await issuedLike(pki, pki.profile('valid-ecdsa'), {
      serial: '5a01',
      keyUsage: x509.KeyUsageFlags.digitalSignature,
      extensions: [new x509.ExtendedKeyUsageExtension(['1.3.6.1.5.5.7.3.2'])],
    });
    await refused(async (browser) => signProof(authentication, await challengeFor(browser)), 403, 'certificate_key_usage');
  });
  test('the test MUP card’s own authentication certificate (mup-authentication) → 403 certificate_key_usage', () =>
    refused(withProfile('mup-authentication'), 403, 'certificate_key_usage'));
  test('an extended key usage without client authentication → 403 certificate_key_usage', () => refused(withProfile('wrong-eku'), 403, 'certificate_key_usage'));
  test('a policy that is not on the qualified list → 403 certificate_policy', () => refused(withProfile('wrong-policy'), 403, 'certificate_policy'));
  test('listed in its CA’s revocation list → 403 certificate_revoked', () => refused(withProfile('revoked'), 403, 'certificate_revoked'));
  test('a personal number with a wrong control digit → 403 certificate_no_identity', () => refused(withProfile('invalid-personal-number'), 403, 'certificate_no_identity'));

  test('signed with another key → 401 signature_invalid', () =>
    refused(async (browser) => signProof(pki.profile('valid-ecdsa'), await challengeFor(browser), { privateKey: pki.profile('revoked').privateKey! }), 401, 'signature_invalid'));

  test('a flipped bit in the signature → 401 signature_invalid', () =>
    refused(async (browser) => {
      const proof = await signProof(pki.profile('valid'), await challengeFor(browser));
      const signature = Buffer.from(proof.signature, 'base64');
      signature[10]! ^= 1;
      return { ...proof, signature: signature.toString('base64') };
    }, 401, 'signature_invalid'));

  test('an ECDSA signature of the wrong length (DER instead of P1363) → 401 signature_invalid', () =>
    refused(async (browser) => {
      const proof = await signProof(pki.profile('valid-ecdsa'), await challengeFor(browser));
      return { ...proof, signature: Buffer.concat([Buffer.from([0x30, 0x44]), Buffer.from(proof.signature, 'base64')]).toString('base64') };
    }, 401, 'signature_invalid'));

  test('a signature that is not base64 → 401 signature_invalid', () =>
    refused(async (browser) => ({ ...(await signProof(pki.profile('valid'), await challengeFor(browser))), signature: '%%%' }), 401, 'signature_invalid'));

  test('a signature over another origin → 401 signature_invalid', () =>
    refused(async (browser) => signProof(pki.profile('valid'), await challengeFor(browser), { origin: 'https://phishing.example' }), 401, 'signature_invalid'));

  test('algorithm "none", an unknown one, or one that does not fit the key → 400 algorithm_not_allowed', async () => {
    for (const algorithm of ['none', 'HS256', 'RSASSA-PKCS1-v1_5-SHA1', 'ECDSA-P256-SHA256', 'ECDSA-P384-SHA384', '']) {
      const make = async (browser: Browser) => ({ ...(await signProof(pki.profile('valid'), await challengeFor(browser))), algorithm }) as CertificateProof;
      if (algorithm === '') await refused(make, 400, 'validation_failed');
      else await refused(make, 400, 'algorithm_not_allowed');
    }
    await refused(async (browser) => ({ ...(await signProof(pki.profile('valid-ecdsa'), await challengeFor(browser))), algorithm: 'ECDSA-P384-SHA384' }), 400, 'algorithm_not_allowed');
  });

  test('another proof format → 400 algorithm_not_allowed', () =>
    refused(async (browser) => ({ ...(await signProof(pki.profile('valid'), await challengeFor(browser))), format: 'egov-auth:2' }) as unknown as CertificateProof, 400, 'algorithm_not_allowed'));

  test('an oversize certificate, chain or signature → 400 certificate_malformed', async () => {
    const big = base64(randomBytes(PROOF_LIMITS.certificateMaxBytes + 1));
    await refused(async (browser) => ({ ...(await signProof(pki.profile('valid'), await challengeFor(browser))), certificate: big }), 400, 'certificate_malformed');
    await refused(
      async (browser) => {
        const proof = await signProof(pki.profile('valid'), await challengeFor(browser));
        return { ...proof, chain: Array.from({ length: PROOF_LIMITS.chainMaxCertificates + 1 }, () => proof.chain![0]!) };
      },
      400,
      'certificate_malformed',
    );
    await refused(async (browser) => ({ ...(await signProof(pki.profile('valid'), await challengeFor(browser))), signature: base64(randomBytes(PROOF_LIMITS.signatureMaxBytes + 1)) }), 400, 'certificate_malformed');
  });

  test('a body over the certificate operations’ limit → 413 payload_too_large', async () => {
    const browser = new Browser(server.api);
    const proof = await signProof(pki.profile('valid'), await challengeFor(browser));
    const reply = await browser.post(API_PATHS.certificateLogin, { ...proof, chain: [base64(randomBytes(PROOF_LIMITS.bodyMaxBytes))] });
    assert.equal(reply.status, 413);
    assert.equal(errorCode(reply), 'payload_too_large');
  });

  test('a malformed certificate (random bytes, truncated DER, not base64, an empty one in the chain) → 400 certificate_malformed', async () => {
    const der = new Uint8Array(pki.profile('valid').certificate.rawData);
    for (const certificate of [base64(randomBytes(600)), base64(der.slice(0, der.length - 20)), '*** not base64 ***', base64(der).replace(/=+$/, '') + 'A']) {
      await refused(async (browser) => ({ ...(await signProof(pki.profile('valid'), await challengeFor(browser))), certificate }), 400, 'certificate_malformed');
    }
    await refused(async (browser) => ({ ...(await signProof(pki.profile('valid'), await challengeFor(browser))), chain: [''] }), 400, 'certificate_malformed');
  });

  test('malformed JSON or a proof of the wrong shape → 400 bad_request / validation_failed', async () => {
    await refused(async () => '{"format":', 400, 'bad_request');
    const browser = new Browser(server.api);
    const reply = await browser.post(API_PATHS.certificateLogin, { format: 1, certificate: [], chain: [1], signature: null, extra: true });
    assert.equal(reply.status, 400);
    assert.deepEqual(reply.json.error.fields, {
      format: 'invalid_type',
      certificate: 'invalid_type',
      chain: 'invalid_type',
      algorithm: 'required',
      signature: 'invalid_type',
      nonce: 'required',
      extra: 'unknown_field',
    });
  });

  test('the chain is built to the configured anchors only: a client’s root and CA with trusted names are ignored', async () => {
    const real = pki.body('mup');
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
    const fakeRoot = await x509.X509CertificateGenerator.createSelfSigned({
      name: real.root.certificate.subjectName,
      keys,
      signingAlgorithm: signing('ecdsa'),
      notBefore: new Date(PKI_TIME - DAY),
      notAfter: new Date(PKI_TIME + 1000 * DAY),
      extensions: [new x509.BasicConstraintsExtension(true, 1, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true)],
    });
    const fakeCa = await x509.X509CertificateGenerator.create({
      subject: real.issuing.certificate.subjectName,
      issuer: fakeRoot.subjectName,
      publicKey: keys.publicKey,
      signingKey: keys.privateKey,
      signingAlgorithm: signing('ecdsa'),
      notBefore: new Date(PKI_TIME - DAY),
      notAfter: new Date(PKI_TIME + 1000 * DAY),
      extensions: [new x509.BasicConstraintsExtension(true, 0, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true)],
    });
    const user = pki.profile('valid-ecdsa');
    const forged = await x509.X509CertificateGenerator.create({
      subject: user.certificate.subjectName,
      issuer: fakeCa.subjectName,
      publicKey: user.certificate.publicKey,
      signingKey: keys.privateKey,
      signingAlgorithm: signing('ecdsa'),
      notBefore: new Date(PKI_TIME - DAY),
      notAfter: new Date(PKI_TIME + 1000 * DAY),
      extensions: user.certificate.extensions,
    });
    await refused(async (browser) => signProof(user, await challengeFor(browser), { certificate: forged, chain: [fakeCa, fakeRoot] }), 403, 'certificate_untrusted');
    // The real chain with the real root appended is fine: the root is only a hint, the anchor is the configured one.
    await refused(async (browser) => signProof(pki.profile('valid'), await challengeFor(browser), { chain: [real.issuing.certificate, real.root.certificate] }), 403, 'certificate_not_registered');
    // A card that sends no CA certificate (a MUP card carries none): the server's known intermediates complete the path.
    await refused(async (browser) => signProof(pki.profile('valid'), await challengeFor(browser), { chain: [] }), 403, 'certificate_not_registered');
  });

  test('every refusal is logged with its code only, and counted', () => {
    const failed = server.logs.filter((entry) => entry.event === 'login_failed' && entry.kind === 'certificate_login');
    assert.ok(failed.some((entry) => entry.outcome === 'certificate_revoked'));
    assert.ok(failed.every((entry) => !JSON.stringify(entry).includes('PNORS')));
  });
});

describe('a sub-CA of a trusted root vouches only for what it may (security review, issue 13)', () => {
  // Revocation off: the sub-CAs made here have no lists; every other check runs.
  let server: TestServer;
  before(async () => {
    server = await startServer(shared.options({ clock: () => PKI_TIME, certificates: { revocation: 'off' } }));
  });
  after(() => server.cleanup());

  async function refused(make: (browser: Browser) => Promise<CertificateProof>, status: number, code: string): Promise<void> {
    const browser = new Browser(server.api);
    const reply = await browser.post(API_PATHS.certificateLogin, await make(browser));
    assert.equal(reply.status, status, reply.text);
    assert.deepEqual(reply.json, { error: { code } });
    assert.equal((await browser.session()).authenticated, false);
  }

  const OTHER_POLICY = '2.999.1.2.3';
  const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
  const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

  /** A CA certificate signed by the test MUP root's own key: a sub-CA the root really issued, for another purpose. */
  async function subCa(policies: string[] | null, purposes: string[] | null, extra: x509.Extension[] = []) {
    const root = pki.body('mup').root;
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
    const certificate = await x509.X509CertificateGenerator.create({
      subject: 'C=RS, O=Test PKI, CN=TEST TLS Sub CA',
      issuer: root.certificate.subjectName,
      publicKey: keys.publicKey,
      signingKey: await caKey(root.privateKey, root.keys),
      signingAlgorithm: signing(root.keys),
      notBefore: new Date(PKI_TIME - DAY),
      notAfter: new Date(PKI_TIME + 1000 * DAY),
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        ...(policies ? [new x509.CertificatePolicyExtension(policies)] : []),
        ...(purposes ? [new x509.ExtendedKeyUsageExtension(purposes)] : []),
        ...extra,
      ],
    });
    return { certificate, keys };
  }

  /** Petar's subject and a qualified policy, issued by `ca`: what the rogue sub-CA of the review issued. */
  async function issued(ca: { certificate: x509.X509Certificate; keys: webcrypto.CryptoKeyPair }) {
    const user = pki.profile('valid-ecdsa');
    const certificate = await x509.X509CertificateGenerator.create({
      subject: user.certificate.subjectName,
      issuer: ca.certificate.subjectName,
      publicKey: user.certificate.publicKey,
      signingKey: ca.keys.privateKey,
      signingAlgorithm: signing('ecdsa'),
      notBefore: new Date(PKI_TIME - DAY),
      notAfter: new Date(PKI_TIME + 1000 * DAY),
      extensions: [
        ...user.certificate.extensions.filter((extension) => !([OID.authorityKeyIdentifier, OID.extKeyUsage] as string[]).includes(extension.type)),
        new x509.ExtendedKeyUsageExtension([CLIENT_AUTH]),
      ],
    });
    return (browser: Browser) => challengeFor(browser).then((challenge) => signProof(user, challenge, { certificate, chain: [ca.certificate] }));
  }

  test('the control: a sub-CA for any policy and no purpose limit issues a usable certificate', async () => {
    await refused(await issued(await subCa([OID.anyPolicy], null)), 403, 'certificate_not_registered');
  });

  test('a sub-CA with a non-qualified policy cannot make a qualified certificate → 403 certificate_policy', async () => {
    await refused(await issued(await subCa([OTHER_POLICY], [SERVER_AUTH])), 403, 'certificate_policy');
    await refused(await issued(await subCa([OTHER_POLICY], null)), 403, 'certificate_policy');
  });

  test('a sub-CA without certificate policies vouches for none → 403 certificate_policy', async () => {
    await refused(await issued(await subCa(null, null)), 403, 'certificate_policy');
  });

  test('a sub-CA with name constraints or inhibitAnyPolicy, even marked non-critical, ends no path (the checks do not apply them) → 403 certificate_untrusted', async () => {
    // nameConstraints permitting only DNS names under example.org; inhibitAnyPolicy skipCerts 0 — both non-critical.
    const nameConstraints = new x509.Extension('2.5.29.30', false, Buffer.from('3011a00f300d820b' + Buffer.from('example.org').toString('hex'), 'hex'));
    const inhibitAnyPolicy = new x509.Extension('2.5.29.54', false, Buffer.from('020100', 'hex'));
    await refused(await issued(await subCa([OID.anyPolicy], null, [nameConstraints])), 403, 'certificate_untrusted');
    await refused(await issued(await subCa([OID.anyPolicy], null, [inhibitAnyPolicy])), 403, 'certificate_untrusted');
  });

  test('a TLS-only sub-CA (serverAuth) cannot issue a login certificate → 403 certificate_key_usage', async () => {
    await refused(await issued(await subCa([OID.anyPolicy], [SERVER_AUTH])), 403, 'certificate_key_usage');
  });
});

describe('configuration of the checks', () => {
  test('a card that sends no chain: the path needs the intermediate from the server, and only anchors end it (issue 13)', async () => {
    const mup = pki.body('mup');
    const options = (intermediates: string[]) =>
      shared.options({
        clock: () => PKI_TIME,
        // The configured deployment alone (no test PKI): the MUP root as anchor, its list, and maybe its issuing CA.
        certificates: { testPki: false, trustAnchors: [mup.root.certificate.toString('pem')], qualifiedPolicies: pki.qualifiedPolicies, revocation: 'off', intermediates },
      });
    const without = await startServer(options([]));
    const withIssuing = await startServer(options([mup.issuing.certificate.toString('pem')]));
    // An intermediate is never an anchor: the issuing CA alone, as "intermediate", with another root as anchor, ends nowhere.
    const notAnAnchor = await startServer(
      shared.options({
        clock: () => PKI_TIME,
        certificates: { testPki: false, trustAnchors: [pki.body('posta').root.certificate.toString('pem')], qualifiedPolicies: pki.qualifiedPolicies, revocation: 'off', intermediates: [mup.issuing.certificate.toString('pem')] },
      }),
    );
    try {
      const card = pki.profile('valid');
      assert.equal(card.issuer, 'mup');
      assert.equal(errorCode(await certificateLogin(new Browser(without.api), card, { chain: [] })), 'certificate_untrusted');
      assert.equal(errorCode(await certificateLogin(new Browser(withIssuing.api), card, { chain: [] })), 'certificate_not_registered');
      assert.equal(errorCode(await certificateLogin(new Browser(notAnAnchor.api), card, { chain: [] })), 'certificate_untrusted');
    } finally {
      await Promise.all([without.cleanup(), withIssuing.cleanup(), notAnAnchor.cleanup()]);
    }
  });

  test('an algorithm left off the allow-list is refused', async () => {
    const server = await startServer(shared.options({ clock: () => PKI_TIME, certificates: { algorithms: ['ECDSA-P256-SHA256'] } }));
    try {
      assert.equal(errorCode(await certificateLogin(new Browser(server.api), pki.profile('valid'))), 'algorithm_not_allowed');
      assert.equal(errorCode(await certificateLogin(new Browser(server.api), pki.profile('valid-ecdsa'))), 'certificate_not_registered');
    } finally {
      await server.cleanup();
    }
  });

  test('configured anchors, policies and lists without the test PKI; revocation fails closed without a current list', async () => {
    const halcom = pki.body('halcom');
    // A list for the Halcom CA that expired a day before the clock's time.
    const stale = await x509.X509CrlGenerator.create({
      issuer: halcom.issuing.certificate.subjectName,
      thisUpdate: new Date(PKI_TIME - 10 * DAY),
      nextUpdate: new Date(PKI_TIME - DAY),
      signingKey: await caKey(halcom.issuing.privateKey, halcom.issuing.keys),
      signingAlgorithm: signing(halcom.issuing.keys),
    });
    const mup = pki.body('mup');
    const server = await startServer({
      dev: { enabled: false },
      clock: () => PKI_TIME,
      certificates: {
        trustAnchors: [pki.trustAnchors.map((anchor) => anchor.toString('pem')).join('\n')],
        qualifiedPolicies: pki.qualifiedPolicies,
        crls: [...mup.crls.map((crl) => new Uint8Array(crl.rawData)), stale.toString('pem'), halcom.crls[0]!.toString('pem')],
      },
    });
    try {
      assert.equal(errorCode(await certificateLogin(new Browser(server.api), pki.profile('valid'))), 'certificate_not_registered', 'MUP: current lists');
      assert.equal(errorCode(await certificateLogin(new Browser(server.api), pki.profile('valid-ecdsa'))), 'certificate_untrusted', 'Halcom: only a stale list');
      const pks = pki.profile('reversed-rdn');
      assert.equal(errorCode(await certificateLogin(new Browser(server.api), pks)), 'certificate_untrusted', 'PKS: no list at all');
      assert.equal((await startServer({ dev: { enabled: false } }).then(async (other) => {
        const status = (await new Browser(other.api).post(API_PATHS.certificateChallenge, {})).status;
        await other.cleanup();
        return status;
      })), 501, 'without anchors the operations are not implemented');
    } finally {
      await server.cleanup();
    }
  });

  test('with revocation off, a revoked certificate is not checked against the lists', async () => {
    const server = await startServer(shared.options({ clock: () => PKI_TIME, certificates: { revocation: 'off' } }));
    try {
      assert.equal(errorCode(await certificateLogin(new Browser(server.api), pki.profile('revoked'))), 'certificate_not_registered');
    } finally {
      await server.cleanup();
    }
  });

  test('a bad trust anchor, policy or origin stops the server at startup', () => {
    // Checked before anything is opened or created.
    const make = (options: MockServerOptions) => () => createMockServer({ dataDir: join(tmpdir(), 'egov-never-created'), ...options });
    assert.throws(make({ certificates: { trustAnchors: ['not a certificate'], qualifiedPolicies: ['2.999.1'] } }), /trust anchor 1/);
    assert.throws(make({ certificates: { trustAnchors: [pki.trustAnchors[0]!.toString('pem')] } }), /qualified policy/);
    assert.throws(make({ certificates: { qualifiedPolicies: ['not.an.oid'] } }), /not an OID/);
    assert.throws(make({ certificates: { origin: 'https://portal.example/path' } }), /origin/);
    assert.throws(make({ certificates: { challengeLifetimeMs: 5 * 60_000 + 1 } }), /5 minutes/);
    assert.throws(make({ dev: { enabled: false }, loginModes: ['certificate'] }), /trust anchors/);
  });
});
