/**
 * Certificate challenge, login and registration end to end (SECURITY.md
 * 32, 33, 35): the nonce's lifetime, single use and session binding; the
 * origin binding; the account mapping by personal number (never CN); the
 * registration → confirmation → login with `acr: high` walk; no enumeration;
 * per-address throttling; nothing personal in the store or the logs.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { API_PATHS, type CertificateChallenge, type SessionResponse } from '@egov/auth-widgets/contract';
import type { TestPki, TestPkiCertificate } from '../src/test-pki/test-pki.ts';
import { x509 } from '../src/x509.ts';
import {
  PKI_TIME,
  certificateLogin,
  certificateRegistration,
  challengeFor,
  issuedLike,
  registerAndConfirm,
  sharedTestPki,
  signProof,
} from './certificate-fixtures.ts';
import { approve, latest, outbox, registrationOf, registrations, reject } from './fixtures.ts';
import { Browser, errorCode, manualClock, startServer, type TestServer } from './helpers.ts';

let shared: Awaited<ReturnType<typeof sharedTestPki>>;
let pki: TestPki;

before(async () => {
  shared = await sharedTestPki();
  pki = shared.pki;
});
after(() => shared.cleanup());

describe('certificate challenge', () => {
  const clock = manualClock(PKI_TIME);
  let server: TestServer;
  before(async () => {
    server = await startServer(shared.options({ clock: clock.now, siteUrl: 'http://portal.example.test/sr/' }));
  });
  after(() => server.cleanup());

  test('is 256 random bits, expires in 5 minutes by the clock, and names the configured origin', async () => {
    const browser = new Browser(server.api);
    const first = await challengeFor(browser);
    const second = await challengeFor(browser);
    assert.match(first.nonce, /^[A-Za-z0-9_-]{43,}$/);
    assert.ok(Buffer.from(first.nonce, 'base64url').length >= 32);
    assert.notEqual(first.nonce, second.nonce);
    assert.equal(first.expiresAt, new Date(clock.now() + 5 * 60_000).toISOString());
    assert.equal(first.origin, 'http://portal.example.test', 'the site URL’s origin, not the server’s or the Host');
  });

  test('needs the session’s CSRF token and takes no other fields', async () => {
    const browser = new Browser(server.api);
    assert.equal((await browser.post(API_PATHS.certificateChallenge, {}, { csrf: false })).status, 403);
    const extra = await browser.post(API_PATHS.certificateChallenge, { session: 'x' });
    assert.equal(extra.status, 400);
    assert.deepEqual(extra.json.error.fields, { session: 'unknown_field' });
  });

  test('a used nonce does not work again (whatever the first attempt’s outcome)', async () => {
    const browser = new Browser(server.api);
    const challenge = await challengeFor(browser);
    const proof = await signProof(pki.profile('valid'), challenge);
    const first = await browser.post(API_PATHS.certificateLogin, proof);
    assert.equal(errorCode(first), 'certificate_not_registered');
    const again = await browser.post(API_PATHS.certificateLogin, proof);
    assert.equal(again.status, 401);
    assert.equal(errorCode(again), 'challenge_invalid');
  });

  test('a nonce the verification refused is used up too', async () => {
    const browser = new Browser(server.api);
    const challenge = await challengeFor(browser);
    const bad = await signProof(pki.profile('valid'), challenge, { origin: 'https://evil.example' });
    assert.equal(errorCode(await browser.post(API_PATHS.certificateLogin, bad)), 'signature_invalid');
    const good = await signProof(pki.profile('valid'), challenge);
    assert.equal(errorCode(await browser.post(API_PATHS.certificateLogin, good)), 'challenge_invalid');
  });

  test('expires after 5 minutes (injected clock)', async () => {
    const browser = new Browser(server.api);
    const late = await challengeFor(browser);
    const inTime = await challengeFor(browser);
    clock.advance(5 * 60_000 - 1);
    assert.equal(errorCode(await browser.post(API_PATHS.certificateLogin, await signProof(pki.profile('valid'), inTime))), 'certificate_not_registered');
    clock.advance(1);
    const reply = await browser.post(API_PATHS.certificateLogin, await signProof(pki.profile('valid'), late));
    assert.equal(reply.status, 401);
    assert.equal(errorCode(reply), 'challenge_invalid');
  });

  test('belongs to the session that asked for it', async () => {
    const victim = new Browser(server.api);
    const attacker = new Browser(server.api);
    const challenge = await challengeFor(victim);
    const proof = await signProof(pki.profile('valid'), challenge);
    const stolen = await attacker.post(API_PATHS.certificateLogin, proof);
    assert.equal(stolen.status, 401);
    assert.equal(errorCode(stolen), 'challenge_invalid');
    // Taken out of the store by the attempt: the other session cannot use it any more either.
    assert.equal(errorCode(await victim.post(API_PATHS.certificateLogin, proof)), 'challenge_invalid');
  });

  test('an unknown or malformed nonce is challenge_invalid', async () => {
    const browser = new Browser(server.api);
    const challenge = await challengeFor(browser);
    for (const nonce of ['A'.repeat(43), 'not a nonce', `${challenge.nonce}x`]) {
      const proof = { ...(await signProof(pki.profile('valid'), challenge, { signedNonce: nonce })), nonce };
      const reply = await browser.post(API_PATHS.certificateLogin, proof);
      assert.equal(errorCode(reply), 'challenge_invalid', nonce);
    }
  });

  test('a session keeps its three newest challenges', async () => {
    const browser = new Browser(server.api);
    const challenges: CertificateChallenge[] = [];
    for (let i = 0; i < 4; i += 1) challenges.push(await challengeFor(browser));
    assert.equal(errorCode(await browser.post(API_PATHS.certificateLogin, await signProof(pki.profile('valid'), challenges[0]!))), 'challenge_invalid');
    assert.equal(errorCode(await browser.post(API_PATHS.certificateLogin, await signProof(pki.profile('valid'), challenges[3]!))), 'certificate_not_registered');
  });

  test('expired challenges are purged by housekeeping', async () => {
    const browser = new Browser(server.api);
    await challengeFor(browser);
    const store = await server.mock.store();
    assert.ok((await store.count('certificate_challenges')) > 0);
    clock.advance(5 * 60_000);
    await server.mock.housekeeping();
    assert.equal(await store.count('certificate_challenges'), 0);
  });
});

describe('origin binding', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer(shared.options({ clock: () => PKI_TIME, certificates: { origin: 'https://euprava.example.test' } }));
  });
  after(() => server.cleanup());

  test('the challenge names the configured certificate origin, whatever the request says', async () => {
    const browser = new Browser(server.api);
    const challenge = await challengeFor(browser);
    assert.equal(challenge.origin, 'https://euprava.example.test');
  });

  test('a signature over another origin is signature_invalid; over the configured one it verifies', async () => {
    const browser = new Browser(server.api);
    for (const origin of [server.url, 'https://evil.example', 'https://euprava.example.test/', 'https://euprava.example.test:443x']) {
      const reply = await certificateLogin(browser, pki.profile('valid'), { origin });
      assert.equal(reply.status, 401, origin);
      assert.equal(errorCode(reply), 'signature_invalid', origin);
    }
    assert.equal(errorCode(await certificateLogin(browser, pki.profile('valid'))), 'certificate_not_registered');
  });
});

describe('certificate registration and login', () => {
  const clock = manualClock(PKI_TIME);
  let server: TestServer;
  const petar = 'petar@example.test';

  before(async () => {
    server = await startServer(shared.options({ clock: clock.now }));
  });
  after(() => server.cleanup());

  test('a certificate without an account: certificate_not_registered, no session change', async () => {
    const browser = new Browser(server.api);
    const before = await browser.session();
    const reply = await certificateLogin(browser, pki.profile('valid'));
    assert.equal(reply.status, 403);
    assert.deepEqual(reply.json, { error: { code: 'certificate_not_registered' } });
    const afterwards = await browser.session();
    assert.equal(afterwards.authenticated, false);
    assert.equal(afterwards.csrfToken, before.csrfToken);
  });

  test('registration → confirmation e-mail → confirm → certificate login with acr high, and /session says so', async () => {
    const browser = new Browser(server.api);
    const registered = await certificateRegistration(browser, pki.profile('valid'), 'Petar@Example.test ', { locale: 'sr-Latn' });
    assert.equal(registered.status, 202, registered.text);
    assert.deepEqual(registered.json, { status: 'confirmation_sent', email: petar });

    const message = await latest(server, petar, 'confirm_email');
    assert.equal(message.locale, 'sr-Latn');
    assert.match(message.text, /kvalifikovanim elektronskim sertifikatom/);
    assert.doesNotMatch(message.text, /lozinkom/, 'no password to log in with');
    const registration = await registrationOf(server, petar);
    assert.equal(registration.userType, 'certificate');
    assert.deepEqual(registration.fields, { givenName: 'Petar', surname: 'Testović' }, 'names from the certificate');
    assert.deepEqual(registration.documents, []);

    const early = await certificateLogin(browser, pki.profile('valid'));
    assert.equal(errorCode(early), 'email_not_confirmed', 'the certificate proved who it is: the state may be told');

    const token = new URL(message.link!).searchParams.get('token')!;
    const confirmed = await browser.post(API_PATHS.confirmEmail, { token });
    assert.deepEqual(confirmed.json, { result: 'confirmed', accountState: 'active' });

    const oldCookie = browser.cookie;
    const login = await certificateLogin(browser, pki.profile('valid'));
    assert.equal(login.status, 200, login.text);
    assert.deepEqual(login.json.user, { email: petar, acr: 'high' });
    assert.notEqual(browser.cookie, oldCookie, 'a new session');
    const session = (await browser.get(API_PATHS.session)).json as unknown as SessionResponse;
    assert.deepEqual(session, { authenticated: true, user: { email: petar, acr: 'high' }, csrfToken: login.json.csrfToken as unknown as string });
    assert.ok(server.logs.some((entry) => entry.event === 'login_succeeded' && entry.acr === 'high' && entry.kind === 'certificate_login'));
  });

  test('RSA with PKCS#1 v1.5 and with PSS both verify', async () => {
    const browser = new Browser(server.api);
    assert.equal((await certificateLogin(browser, pki.profile('valid'), { pss: true })).status, 200);
  });

  test('another RDN order, a multi-valued RDN and another CA: the same personal number, the same account', async () => {
    for (const name of ['multi-valued-rdn', 'reversed-rdn'] as const) {
      const reply = await certificateLogin(new Browser(server.api), pki.profile(name));
      assert.equal(reply.status, 200, `${name}: ${reply.text}`);
      assert.equal(reply.json.user.email as unknown as string, petar, name);
    }
  });

  test('the CN is never used: the same name with another personal number is another (unregistered) person', async () => {
    assert.equal(pki.profile('same-name').certificate.subjectName.getField('2.5.4.3')[0], pki.profile('valid').certificate.subjectName.getField('2.5.4.3')[0]);
    const reply = await certificateLogin(new Browser(server.api), pki.profile('same-name'));
    assert.equal(errorCode(reply), 'certificate_not_registered');
    await registerAndConfirm(server, pki.profile('same-name'), 'namesake@example.test');
    const namesake = await certificateLogin(new Browser(server.api), pki.profile('same-name'));
    assert.equal(namesake.json.user.email as unknown as string, 'namesake@example.test');
    const original = await certificateLogin(new Browser(server.api), pki.profile('valid'));
    assert.equal(original.json.user.email as unknown as string, petar);
  });

  test('ECDSA P-256 works end to end', async () => {
    await registerAndConfirm(server, pki.profile('valid-ecdsa'), 'jelena@example.test');
    const reply = await certificateLogin(new Browser(server.api), pki.profile('valid-ecdsa'));
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual(reply.json.user, { email: 'jelena@example.test', acr: 'high' });
  });

  test('a certificate without a personal number maps by issuer and serial number', async () => {
    await registerAndConfirm(server, pki.profile('no-personal-number'), 'marko@example.test');
    const reply = await certificateLogin(new Browser(server.api), pki.profile('no-personal-number'));
    assert.deepEqual(reply.json.user, { email: 'marko@example.test', acr: 'high' });
  });

  test('holders without a Serbian personal number: the identity card’s or the passport’s number maps the account', async () => {
    for (const [name, email] of [
      ['idc-holder', 'marko.idc@example.test'],
      ['passport-holder', 'hans@example.test'],
    ] as const) {
      assert.equal(errorCode(await certificateLogin(new Browser(server.api), pki.profile(name))), 'certificate_not_registered', name);
      await registerAndConfirm(server, pki.profile(name), email);
      const reply = await certificateLogin(new Browser(server.api), pki.profile(name));
      assert.deepEqual(reply.json.user, { email, acr: 'high' }, name);
    }
  });

  test('a taken e-mail: the same 202, a notice to its owner, no account', async () => {
    const store = await server.mock.store();
    const accounts = await store.countAccounts();
    const noticesBefore = (await outbox(server, petar)).length;
    const taken = await certificateRegistration(new Browser(server.api), pki.profile('no-email'), petar);
    assert.equal(taken.status, 202);
    assert.deepEqual(taken.json, { status: 'confirmation_sent', email: petar });
    assert.equal(await store.countAccounts(), accounts);
    assert.deepEqual((await outbox(server, petar)).slice(noticesBefore).map((message) => message.kind), ['already_registered']);
  });

  test('a certificate without an e-mail registers with the typed one; Cyrillic names are kept as data', async () => {
    await registerAndConfirm(server, pki.profile('no-email'), 'milica@example.test');
    assert.deepEqual((await registrationOf(server, 'milica@example.test')).fields, { givenName: 'Милица', surname: 'Огледић' });
  });

  test('a certificate that has an account: the same 202, a notice to that account, nothing created', async () => {
    const accounts = await (await server.mock.store()).countAccounts();
    const browser = new Browser(server.api);
    const reply = await certificateRegistration(browser, pki.profile('reversed-rdn'), 'someone.new@example.test');
    assert.equal(reply.status, 202);
    assert.deepEqual(reply.json, { status: 'confirmation_sent', email: 'someone.new@example.test' });
    assert.equal(await (await server.mock.store()).countAccounts(), accounts);
    assert.deepEqual(await outbox(server, 'someone.new@example.test'), []);
    const notice = await latest(server, petar, 'certificate_already_registered');
    assert.equal(notice.locale, 'sr-Latn', 'in the account’s language');
    assert.match(notice.text, /sertifikat/);
  });

  test('an account without a password: password login fails like a wrong password', async () => {
    const browser = new Browser(server.api);
    const certificateOnly = await browser.login(petar, 'any-password-at-all-1');
    const unknown = await browser.login('nobody@example.test', 'any-password-at-all-1');
    assert.equal(certificateOnly.status, 401);
    assert.deepEqual(certificateOnly.json, unknown.json);
    assert.deepEqual(certificateOnly.json, { error: { code: 'invalid_credentials' } });
  });

  test('registration validates its fields and stores nothing when they are wrong', async () => {
    const browser = new Browser(server.api);
    const proof = await signProof(pki.profile('valid-ecdsa'), await challengeFor(browser));
    const reply = await browser.post(API_PATHS.certificateRegistration, { proof: { ...proof, chain: 'x', extra: 1 }, email: 'nope', consent: 'yes', locale: '<b>', role: 'admin' });
    assert.equal(reply.status, 400);
    assert.deepEqual(reply.json.error.fields, {
      email: 'invalid_email',
      consent: 'not_accepted',
      locale: 'invalid_format',
      role: 'unknown_field',
      'proof.chain': 'invalid_type',
      'proof.extra': 'unknown_field',
    });
    const missing = await browser.post(API_PATHS.certificateRegistration, { email: 'a@example.test', consent: 'true' });
    assert.deepEqual(missing.json.error.fields, { proof: 'required' });
  });

  test('certificate registrations are limited per e-mail address (after the proof verified)', async () => {
    const browser = new Browser(server.api);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await certificateRegistration(browser, pki.profile('valid-ecdsa'), 'flood@example.test')).status);
    assert.deepEqual(statuses, [202, 202, 202, 429]);
    const refused = await certificateRegistration(browser, pki.profile('expired'), 'other.flood@example.test');
    assert.equal(errorCode(refused), 'certificate_expired', 'a refused proof does not spend the address’s budget');
  });

  test('nothing personal in the database, the outbox or the logs: no personal number, no certificate', async () => {
    await server.close();
    const numbers = pki.certificates.map((entry) => entry.personalNumber).filter((value): value is string => Boolean(value));
    assert.ok(numbers.length >= 3);
    const haystacks: [string, Buffer][] = readdirSync(server.dataDir)
      .filter((name) => name.endsWith('.db') || name.endsWith('-wal'))
      .map((name) => [name, readFileSync(join(server.dataDir, name))]);
    haystacks.push(['logs', Buffer.from(JSON.stringify(server.logs))]);
    const certificateBase64 = Buffer.from(pki.profile('valid').certificate.rawData).toString('base64').slice(100, 160);
    for (const [name, bytes] of haystacks) {
      for (const number of numbers) assert.ok(!bytes.includes(number), `${number} in ${name}`);
      assert.ok(!bytes.includes(certificateBase64), `certificate in ${name}`);
    }
  });
});

describe('certificate registration with review configured', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer(shared.options({ clock: () => PKI_TIME, certificateRegistrationReview: true }));
  });
  after(() => server.cleanup());

  test('after confirming it waits for the reviewer; approved, it logs in', async () => {
    const email = 'reviewed@example.test';
    const browser = new Browser(server.api);
    assert.equal((await browser.get(API_PATHS.config)).json.certificateRegistrationReview as unknown as boolean, true);
    assert.equal((await certificateRegistration(browser, pki.profile('valid'), email)).status, 202);
    assert.match((await latest(server, email, 'confirm_email')).text, /an authorized person checks your registration/);
    const token = new URL((await latest(server, email, 'confirm_email')).link!).searchParams.get('token')!;
    assert.deepEqual((await browser.post(API_PATHS.confirmEmail, { token })).json, { result: 'confirmed', accountState: 'pending_review' });
    assert.equal(errorCode(await certificateLogin(browser, pki.profile('valid'))), 'pending_review');
    const [pending] = await registrations(server, 'pending_review');
    assert.equal(pending?.email, email);
    assert.equal((await approve(browser, pending!.id)).status, 200);
    assert.match((await latest(server, email, 'account_approved')).text, /qualified electronic certificate/);
    assert.deepEqual((await certificateLogin(browser, pki.profile('valid'))).json.user, { email, acr: 'high' });
  });

  test('rejected, the same certificate registers again (issue 12): the new registration replaces the rejected one', async () => {
    const email = 'rejected.holder@example.test';
    const browser = new Browser(server.api);
    const profile = pki.profile('same-name');
    assert.equal((await certificateRegistration(browser, profile, email)).status, 202);
    const token = new URL((await latest(server, email, 'confirm_email')).link!).searchParams.get('token')!;
    assert.equal((await browser.post(API_PATHS.confirmEmail, { token })).status, 200);
    const first = await registrationOf(server, email);
    assert.equal((await reject(browser, first.id, 'Not the holder we expected.')).status, 200);
    assert.equal(errorCode(await certificateLogin(browser, profile)), 'account_rejected');

    // Again, with another address: the rejected account (found by its certificate) gives way.
    const next = 'rejected.holder.2@example.test';
    assert.equal((await certificateRegistration(browser, profile, next)).status, 202);
    assert.deepEqual(
      (await outbox(server, email)).map((message) => message.kind).filter((kind) => kind.includes('already')),
      [],
      'the rejected account is not told “already registered”',
    );
    assert.equal((await latest(server, next, 'confirm_email')).kind, 'confirm_email');
    assert.ok(!(await registrations(server)).some((registration) => registration.email === email), 'the rejected one is gone');
    assert.equal(errorCode(await certificateLogin(browser, profile)), 'email_not_confirmed', 'the certificate now maps to the new account');
  });
});

describe('identity by the ETSI semantics identifier (issue 13)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer(shared.options({ clock: () => PKI_TIME }));
  });
  after(() => server.cleanup());

  /**
   * A certificate for a holder without a Serbian personal number, as the
   * issuing CA of `valid-ecdsa`'s body makes it: `IDCRS-…` beside `CA:RS-…`
   * in one RDN, the body's qualified policy, the same key pair (a renewal
   * may keep or change it; the serial always changes).
   */
  function idcCertificate(serial: string): Promise<TestPkiCertificate> {
    return issuedLike(pki, pki.profile('valid-ecdsa'), {
      serial,
      subject: [{ '2.5.4.6': ['RS'] }, { '2.5.4.3': ['Ivana Idc'], '2.5.4.4': ['Idc'], '2.5.4.42': ['Ivana'], '2.5.4.5': ['IDCRS-012345678', `CA:RS-${serial}`] }],
      extensions: [new x509.SubjectAlternativeNameExtension([{ type: 'email', value: 'ivana.idc@example.test' }])],
    });
  }

  test('a renewed certificate with the same IDCRS- identifier reaches the same account', async () => {
    const email = 'ivana.idc@example.test';
    await registerAndConfirm(server, await idcCertificate('7a01'), email);
    const renewed = await certificateLogin(new Browser(server.api), await idcCertificate('7a02'));
    assert.equal(renewed.status, 200, renewed.text);
    assert.deepEqual(renewed.json.user, { email, acr: 'high' });
  });
});

describe('throttling per client address', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer(
      shared.options({
        clock: () => PKI_TIME,
        throttle: { countLoopback: true, ip: { maxFailures: 3 }, certificateChallenges: { maxFailures: 12 } },
      }),
    );
  });
  after(() => server.cleanup());

  test('failed proofs lock the address out of login and registration (429 with Retry-After), even with a good proof', async () => {
    const browser = new Browser(server.api);
    for (let i = 0; i < 3; i += 1) {
      assert.equal(errorCode(await certificateLogin(browser, pki.profile('expired'))), 'certificate_expired');
    }
    const locked = await certificateLogin(browser, pki.profile('valid'));
    assert.equal(locked.status, 429);
    assert.equal(errorCode(locked), 'throttled');
    assert.ok(Number(locked.headers['retry-after']) > 0);
    const registration = await certificateRegistration(browser, pki.profile('valid'), 'x@example.test');
    assert.equal(registration.status, 429);
  });

  test('challenges are limited per address', async () => {
    const browser = new Browser(server.api);
    let status = 200;
    for (let i = 0; i < 20 && status === 200; i += 1) status = (await browser.post(API_PATHS.certificateChallenge, {})).status;
    assert.equal(status, 429);
  });
});
