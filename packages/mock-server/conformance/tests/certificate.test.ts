/**
 * Certificate challenge, login and registration (SECURITY.md 32–35), over
 * HTTP only. The proofs are signed here with the TEST keys the backend's
 * development operation `GET /dev/test-tokens` hands out, over
 * `certificateSignedData` — the widget's own function. A backend without
 * certificate support (501) or without test tokens (404) has these tests
 * skipped, not passed.
 */
import assert from 'node:assert/strict';
import { before, describe, test, type TestContext } from 'node:test';
import {
  API_PATHS,
  CERTIFICATE_PROOF_FORMAT,
  certificateSignedData,
  type CertificateChallenge,
  type CertificateProof,
  type DevTestCertificate,
  type DevTestTokensResponse,
  type SessionResponse,
} from '@egov/auth-widgets/contract';
import { tokenFromLink, type Browser, type Reply } from '../client.ts';
import { newBrowser, uniqueEmail } from '../fixtures.ts';

/** What each refusing profile of a test PKI must get (the profiles the reference backend's test PKI has; others are ignored). */
const REFUSED: Record<string, { status: number; code: string }> = {
  expired: { status: 403, code: 'certificate_expired' },
  'not-yet-valid': { status: 403, code: 'certificate_not_yet_valid' },
  untrusted: { status: 403, code: 'certificate_untrusted' },
  'self-signed': { status: 403, code: 'certificate_untrusted' },
  revoked: { status: 403, code: 'certificate_revoked' },
  'wrong-key-usage': { status: 403, code: 'certificate_key_usage' },
  'wrong-eku': { status: 403, code: 'certificate_key_usage' },
  'wrong-policy': { status: 403, code: 'certificate_policy' },
  'invalid-personal-number': { status: 403, code: 'certificate_no_identity' },
};

async function challengeOf(browser: Browser): Promise<CertificateChallenge> {
  const reply = await browser.post(API_PATHS.certificateChallenge, {});
  assert.equal(reply.status, 200, `challenge: ${reply.status} ${reply.text}`);
  return reply.body as CertificateChallenge;
}

function algorithmOf(entry: DevTestCertificate): CertificateProof['algorithm'] {
  if (entry.keyAlgorithm.name === 'RSASSA-PKCS1-v1_5') return 'RSASSA-PKCS1-v1_5-SHA256';
  return entry.keyAlgorithm.namedCurve === 'P-384' ? 'ECDSA-P384-SHA384' : 'ECDSA-P256-SHA256';
}

/** Signs `certificateSignedData(origin, nonce)` with a test certificate's key, as the widget does with a token's. */
async function prove(entry: DevTestCertificate, challenge: CertificateChallenge, origin = challenge.origin): Promise<CertificateProof> {
  assert.ok(entry.privateKey, `${entry.profile} has a private key`);
  const ecdsa = entry.keyAlgorithm.name === 'ECDSA';
  const key = await crypto.subtle.importKey(
    'pkcs8',
    Buffer.from(entry.privateKey, 'base64'),
    ecdsa ? { name: 'ECDSA', namedCurve: entry.keyAlgorithm.namedCurve ?? 'P-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: entry.keyAlgorithm.hash ?? 'SHA-256' },
    false,
    ['sign'],
  );
  const params = ecdsa ? { name: 'ECDSA', hash: entry.keyAlgorithm.hash ?? 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' };
  const signature = await crypto.subtle.sign(params, key, await certificateSignedData(origin, challenge.nonce));
  return {
    format: CERTIFICATE_PROOF_FORMAT,
    certificate: entry.certificate,
    chain: entry.chain,
    algorithm: algorithmOf(entry),
    signature: Buffer.from(signature).toString('base64'),
    nonce: challenge.nonce,
  };
}

function expectCode(reply: Reply, status: number, code: string, what: string): void {
  assert.equal(reply.status, status, `${what}: ${reply.status} ${reply.text}`);
  assert.equal(reply.code, code, what);
}

describe('certificate login', { timeout: 120_000 }, () => {
  let supported = true;
  let certificates: DevTestCertificate[] = [];
  /** A valid certificate with a key: the RSA one if there is one. */
  let valid: DevTestCertificate | undefined;

  before(async () => {
    const probe = await newBrowser().post(API_PATHS.certificateChallenge, {});
    supported = probe.status !== 501;
    if (!supported) return;
    const tokens = await newBrowser().get(API_PATHS.devTestTokens, { dev: 'dev' });
    if (tokens.status !== 200) return;
    certificates = (tokens.body as DevTestTokensResponse).tokens.flatMap((token) => token.certificates);
    const usable = certificates.filter((entry) => entry.profile.startsWith('valid') && entry.privateKey);
    valid = usable.find((entry) => entry.keyAlgorithm.name === 'RSASSA-PKCS1-v1_5') ?? usable[0];
  });

  const needs = (t: TestContext, what: 'support' | 'keys'): boolean => {
    if (!supported) {
      t.skip('the backend answers 501: no certificate support');
      return false;
    }
    if (what === 'keys' && !valid) {
      t.skip('no test certificates (GET /dev/test-tokens) to sign with');
      return false;
    }
    return true;
  };

  test('a challenge: ≥ 256 random bits, single nonce per call, at most 5 minutes, an origin to bind', async (t) => {
    if (!needs(t, 'support')) return;
    const browser = newBrowser();
    const first = await challengeOf(browser);
    const second = await challengeOf(browser);
    assert.match(first.nonce, /^[A-Za-z0-9_-]+$/, 'base64url');
    assert.ok(Buffer.from(first.nonce, 'base64url').length >= 32, 'at least 256 bits');
    assert.notEqual(first.nonce, second.nonce);
    const lifetime = Date.parse(first.expiresAt) - Date.now();
    assert.ok(lifetime > 0 && lifetime <= 5 * 60_000 + 5_000, `expires within 5 minutes (${lifetime} ms)`);
    assert.equal(new URL(first.origin).origin, first.origin, 'an origin');
  });

  test('a challenge needs the CSRF token', async (t) => {
    if (!needs(t, 'support')) return;
    const reply = await newBrowser().post(API_PATHS.certificateChallenge, {}, { csrf: false });
    assert.equal(reply.status, 403);
  });

  test('a nonce works once, and only in the session that asked for it', async (t) => {
    if (!needs(t, 'keys')) return;
    const owner = newBrowser();
    const other = newBrowser();
    const stolen = await prove(valid!, await challengeOf(owner));
    expectCode(await other.post(API_PATHS.certificateLogin, stolen), 401, 'challenge_invalid', 'another session’s nonce');
    const proof = await prove(valid!, await challengeOf(owner));
    const first = await owner.post(API_PATHS.certificateLogin, proof);
    assert.ok(first.status === 200 || first.code === 'certificate_not_registered', `first use: ${first.status} ${first.text}`);
    expectCode(await owner.post(API_PATHS.certificateLogin, proof), 401, 'challenge_invalid', 'the same nonce again');
  });

  test('a signature over another origin is signature_invalid', async (t) => {
    if (!needs(t, 'keys')) return;
    const browser = newBrowser();
    const proof = await prove(valid!, await challengeOf(browser), 'https://phishing.example');
    expectCode(await browser.post(API_PATHS.certificateLogin, proof), 401, 'signature_invalid', 'another origin');
  });

  test('algorithm "none" is algorithm_not_allowed; a malformed certificate is certificate_malformed', async (t) => {
    if (!needs(t, 'keys')) return;
    const browser = newBrowser();
    const none = { ...(await prove(valid!, await challengeOf(browser))), algorithm: 'none' };
    expectCode(await browser.post(API_PATHS.certificateLogin, none), 400, 'algorithm_not_allowed', 'algorithm none');
    const malformed = { ...(await prove(valid!, await challengeOf(browser))), certificate: Buffer.from('not a certificate at all').toString('base64') };
    expectCode(await browser.post(API_PATHS.certificateLogin, malformed), 400, 'certificate_malformed', 'malformed certificate');
  });

  test('each refusing test certificate gets its own code', async (t) => {
    if (!needs(t, 'keys')) return;
    const tried: string[] = [];
    for (const entry of certificates) {
      const expected = REFUSED[entry.profile];
      if (!expected || !entry.privateKey) continue;
      const browser = newBrowser();
      expectCode(await browser.post(API_PATHS.certificateLogin, await prove(entry, await challengeOf(browser))), expected.status, expected.code, entry.profile);
      tried.push(entry.profile);
    }
    if (tried.length === 0) t.skip('the backend’s test certificates have none of the known refusing profiles');
  });

  test('registration → confirmation → login with acr high (or, run again: the same 202 and the same login)', async (t) => {
    if (!needs(t, 'keys')) return;
    const browser = newBrowser();
    const email = uniqueEmail('certificate');
    const registered = await browser.post(API_PATHS.certificateRegistration, { proof: await prove(valid!, await challengeOf(browser)), email, consent: 'true' });
    assert.equal(registered.status, 202, registered.text);
    assert.deepEqual(registered.body, { status: 'confirmation_sent', email });
    const messages = (await browser.outbox(email)).filter((message) => message.kind === 'confirm_email');
    if (messages.length > 0) {
      const before = await browser.post(API_PATHS.certificateLogin, await prove(valid!, await challengeOf(browser)));
      expectCode(before, 403, 'email_not_confirmed', 'before confirming');
      const confirmed = await browser.post(API_PATHS.confirmEmail, { token: tokenFromLink(messages.at(-1)!.link) });
      assert.equal(confirmed.status, 200, confirmed.text);
      if ((confirmed.body as { accountState: string }).accountState !== 'active') {
        return t.skip('the backend reviews certificate registrations: login is checked after approval elsewhere');
      }
    }
    // Else the certificate was registered by an earlier run: nothing was sent to the new address, and it still logs in.
    const login = await browser.post(API_PATHS.certificateLogin, await prove(valid!, await challengeOf(browser)));
    assert.equal(login.status, 200, login.text);
    const user = (login.body as { user: { email: string; acr: string } }).user;
    assert.equal(user.acr, 'high');
    if (messages.length > 0) assert.equal(user.email, email);
    const session = (await browser.get(API_PATHS.session)).body as SessionResponse;
    assert.equal(session.authenticated, true);
    assert.equal(session.user?.acr, 'high');
  });
});
