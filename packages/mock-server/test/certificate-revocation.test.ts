/**
 * Revocation that lasts (issue 13): revocation lists are re-read from their
 * files while the server runs — on a schedule and when a list has expired —
 * never going back to an older list; an expired list fails closed with one
 * operator line; a CRL of an ECDSA CA under an RSA root verifies; and trust
 * anchors never run without revocation unless it is turned off explicitly.
 * Time is the injected clock's: nothing here sleeps or measures time.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { webcrypto } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createMockServer } from '../src/app.ts';
import { UsageError, parseServerCommand } from '../src/cli-options.ts';
import { OID } from '../src/certificates/oids.ts';
import { listSignedBy, parseCrls, revokedEntry } from '../src/certificates/revocation.ts';
import { x509 } from '../src/x509.ts';
import type { LogEntry } from '../src/logger.ts';
import type { MockServerOptions } from '../src/options.ts';
import { CA_SIGNING, importCaKey, type TestCa, type TestPki, type TestPkiBody } from '../src/test-pki/test-pki.ts';
import { PKI_TIME, certificateLogin, sharedTestPki } from './certificate-fixtures.ts';
import { Browser, errorCode, manualClock, startServer, type TestServer } from './helpers.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let shared: Awaited<ReturnType<typeof sharedTestPki>>;
let pki: TestPki;
let mup: TestPkiBody;
const dirs: string[] = [];

before(async () => {
  shared = await sharedTestPki();
  pki = shared.pki;
  mup = pki.body('mup');
});
after(() => {
  shared.cleanup();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'egov-crl-test-'));
  dirs.push(dir);
  return dir;
}

/** A CRL extension with the CRL number (a DER INTEGER below 128). */
function crlNumber(value: number): x509.Extension {
  return new x509.Extension('2.5.29.20', false, new Uint8Array([0x02, 0x01, value]));
}

interface ListSpec {
  thisUpdate: number;
  nextUpdate: number;
  revoked?: x509.X509Certificate[];
  number?: number;
}

/** A revocation list of a test PKI CA, signed with its TEST key. */
async function listOf(ca: TestCa, spec: ListSpec): Promise<x509.X509Crl> {
  return x509.X509CrlGenerator.create({
    issuer: ca.certificate.subjectName,
    thisUpdate: new Date(spec.thisUpdate),
    nextUpdate: new Date(spec.nextUpdate),
    signingKey: await importCaKey(ca),
    signingAlgorithm: CA_SIGNING[ca.keys],
    entries: (spec.revoked ?? []).map((certificate) => ({ serialNumber: certificate.serialNumber, revocationDate: new Date(spec.thisUpdate) })),
    ...(spec.number === undefined ? {} : { extensions: [crlNumber(spec.number)] }),
  });
}

/** The MUP hierarchy's lists in a directory: the root's (long-lived) and the issuing CA's (`mup-ca.crl`, rewritten by the tests). */
async function mupListDirectory(caList: ListSpec): Promise<{ dir: string; writeCaList(spec: ListSpec): Promise<void> }> {
  const dir = tempDir();
  writeFileSync(join(dir, 'mup-root.crl'), Buffer.from((await listOf(mup.root, { thisUpdate: PKI_TIME - DAY, nextUpdate: PKI_TIME + 365 * DAY })).rawData));
  const writeCaList = async (spec: ListSpec) => writeFileSync(join(dir, 'mup-ca.pem'), (await listOf(mup.issuing, spec)).toString('pem'));
  await writeCaList(caList);
  return { dir, writeCaList };
}

/** A server trusting the MUP root only, with its lists in `dir`, on a manual clock; no test PKI. */
function mupServer(dir: string, clock: () => number, extra: MockServerOptions['certificates'] = {}): Promise<TestServer> {
  return startServer({
    dev: { enabled: false },
    clock,
    certificates: { trustAnchors: [mup.root.certificate.toString('pem')], qualifiedPolicies: [mup.body.qualifiedPolicy], crlPaths: [dir], ...extra },
  });
}

/** What a login with the profile's certificate is answered: `certificate_not_registered` means every check passed. */
async function loginCode(server: TestServer, name: 'valid' | 'valid-ecdsa' = 'valid'): Promise<string | undefined> {
  return errorCode(await certificateLogin(new Browser(server.api), pki.profile(name)));
}

function events(server: TestServer, event: string): LogEntry[] {
  return server.logs.filter((entry) => entry.event === event);
}

describe('revocation lists are re-read while the server runs', () => {
  test('an expired list: refused with one operator line; a new list in the file works after the re-read, without a restart', async () => {
    const clock = manualClock(PKI_TIME);
    const lists = await mupListDirectory({ thisUpdate: PKI_TIME - HOUR, nextUpdate: PKI_TIME + DAY });
    const server = await mupServer(lists.dir, clock.now);
    try {
      assert.equal(await loginCode(server), 'certificate_not_registered', 'the list is current');

      clock.advance(DAY + MINUTE);
      assert.equal(await loginCode(server), 'certificate_untrusted', 'the list has expired: fail closed');
      assert.equal(await loginCode(server), 'certificate_untrusted');
      const expired = events(server, 'revocation_list_expired');
      assert.equal(expired.length, 1, 'one line per issuer and expiry, not one per login');
      assert.equal(expired[0]!.level, 'warn');
      assert.equal(expired[0]!.issuer, mup.issuing.certificate.subjectName.getField(OID.commonName)[0]);
      const line = String(expired[0]!.kind);
      assert.ok(line.includes(new Date(PKI_TIME + DAY).toISOString()), `names the nextUpdate: ${line}`);
      assert.ok(line.includes(lists.dir), `says where to put a current list: ${line}`);
      assert.ok(!JSON.stringify(expired[0]).includes('PNORS'), 'no personal data');

      // The CA publishes its next list; the operator copies it into the directory.
      await lists.writeCaList({ thisUpdate: PKI_TIME + DAY, nextUpdate: PKI_TIME + 8 * DAY });
      clock.advance(30_000);
      assert.equal(await loginCode(server), 'certificate_untrusted', 'read again at most once a minute');
      clock.advance(31_000);
      assert.equal(await loginCode(server), 'certificate_not_registered', 're-read because the list had expired: works again');
      assert.equal(events(server, 'revocation_list_expired').length, 1);
    } finally {
      await server.cleanup();
    }
  });

  test('a list revoking a certificate is picked up at the next scheduled re-read (--crl-refresh-minutes)', async () => {
    const clock = manualClock(PKI_TIME);
    const lists = await mupListDirectory({ thisUpdate: PKI_TIME - HOUR, nextUpdate: PKI_TIME + 7 * DAY });
    const server = await mupServer(lists.dir, clock.now, { crlRefreshMs: 10 * MINUTE });
    try {
      assert.equal(await loginCode(server), 'certificate_not_registered');
      await lists.writeCaList({ thisUpdate: PKI_TIME, nextUpdate: PKI_TIME + 7 * DAY, revoked: [pki.profile('valid').certificate] });
      clock.advance(9 * MINUTE);
      assert.equal(await loginCode(server), 'certificate_not_registered', 'before the interval the lists read are used');
      clock.advance(MINUTE);
      assert.equal(await loginCode(server), 'certificate_revoked', 'read again after the interval');
    } finally {
      await server.cleanup();
    }
  });

  test('a file that no longer reads is reported once; the lists read before stay in use', async () => {
    const clock = manualClock(PKI_TIME);
    const lists = await mupListDirectory({ thisUpdate: PKI_TIME - HOUR, nextUpdate: PKI_TIME + 7 * DAY });
    const server = await mupServer(lists.dir, clock.now);
    try {
      assert.equal(await loginCode(server), 'certificate_not_registered');
      writeFileSync(join(lists.dir, 'mup-ca.pem'), '-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n');
      clock.advance(HOUR);
      assert.equal(await loginCode(server), 'certificate_not_registered');
      clock.advance(HOUR);
      assert.equal(await loginCode(server), 'certificate_not_registered');
      const unreadable = events(server, 'revocation_list_unreadable');
      assert.equal(unreadable.length, 1, JSON.stringify(unreadable));
      assert.match(String(unreadable[0]!.kind), /mup-ca\.pem.*not a parsable revocation list; the lists read before stay in use/);
    } finally {
      await server.cleanup();
    }
  });
});

describe('never back to an older list', () => {
  test('an older list written later (by thisUpdate, or by CRL number) is ignored; a newer one is used', async () => {
    const clock = manualClock(PKI_TIME);
    const revoked = [pki.profile('valid').certificate];
    const lists = await mupListDirectory({ thisUpdate: PKI_TIME - HOUR, nextUpdate: PKI_TIME + 7 * DAY, number: 5, revoked });
    const server = await mupServer(lists.dir, clock.now);
    try {
      assert.equal(await loginCode(server), 'certificate_revoked');

      // Yesterday's list, still within its own nextUpdate, not listing the certificate.
      await lists.writeCaList({ thisUpdate: PKI_TIME - DAY, nextUpdate: PKI_TIME + 7 * DAY, number: 4 });
      clock.advance(HOUR);
      assert.equal(await loginCode(server), 'certificate_revoked', 'an older thisUpdate is a rollback');

      // A later thisUpdate but a lower CRL number.
      await lists.writeCaList({ thisUpdate: PKI_TIME + HOUR, nextUpdate: PKI_TIME + 7 * DAY, number: 3 });
      clock.advance(HOUR);
      assert.equal(await loginCode(server), 'certificate_revoked', 'a lower CRL number is a rollback');

      const rollbacks = events(server, 'revocation_list_rollback');
      assert.equal(rollbacks.length, 2, JSON.stringify(rollbacks));
      assert.match(String(rollbacks[0]!.kind), /ignored/);

      // The control: a really newer list (say, the revocation was an error and is lifted) is used.
      await lists.writeCaList({ thisUpdate: PKI_TIME + 2 * HOUR, nextUpdate: PKI_TIME + 7 * DAY, number: 6 });
      clock.advance(HOUR);
      assert.equal(await loginCode(server), 'certificate_not_registered');
    } finally {
      await server.cleanup();
    }
  });

  test('when the newest list expires, an older one that has not expired yet is not fallen back on', async () => {
    const clock = manualClock(PKI_TIME);
    const lists = await mupListDirectory({ thisUpdate: PKI_TIME - HOUR, nextUpdate: PKI_TIME + DAY, revoked: [pki.profile('valid').certificate] });
    writeFileSync(join(lists.dir, 'mup-ca-old.pem'), (await listOf(mup.issuing, { thisUpdate: PKI_TIME - 2 * DAY, nextUpdate: PKI_TIME + 30 * DAY })).toString('pem'));
    const server = await mupServer(lists.dir, clock.now);
    try {
      assert.equal(await loginCode(server), 'certificate_revoked', 'the newest list decides');
      clock.advance(2 * DAY);
      assert.equal(await loginCode(server), 'certificate_untrusted', 'expired newest list: fail closed, not the older list');
      assert.equal(events(server, 'revocation_list_expired').length, 1);
    } finally {
      await server.cleanup();
    }
  });
});

describe('an ECDSA issuing CA under an RSA root', () => {
  const rsa = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const ecdsa = { name: 'ECDSA', hash: 'SHA-256' };
  let root: x509.X509Certificate;
  let ca: x509.X509Certificate;
  let caList: x509.X509Crl;
  let rootList: x509.X509Crl;
  let good: x509.X509Certificate;
  let revoked: x509.X509Certificate;

  before(async () => {
    const rootKeys = (await crypto.subtle.generateKey({ ...rsa, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) }, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
    const caKeys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
    const validity = { notBefore: new Date(PKI_TIME - DAY), notAfter: new Date(PKI_TIME + 1000 * DAY) };
    const caUsage = new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true);
    root = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: '01',
      name: 'C=RS, O=TEST Mixed, CN=TEST Mixed RSA Root CA',
      keys: rootKeys,
      signingAlgorithm: rsa,
      ...validity,
      extensions: [new x509.BasicConstraintsExtension(true, 1, true), caUsage],
    });
    ca = await x509.X509CertificateGenerator.create({
      serialNumber: '02',
      subject: 'C=RS, O=TEST Mixed, CN=TEST Mixed ECDSA Qualified CA',
      issuer: root.subjectName,
      publicKey: caKeys.publicKey,
      signingKey: rootKeys.privateKey,
      signingAlgorithm: rsa,
      ...validity,
      extensions: [new x509.BasicConstraintsExtension(true, 0, true), caUsage, new x509.CertificatePolicyExtension([OID.anyPolicy])],
    });
    // Two test people's certificates again, issued by the ECDSA CA (their keys still sign the proofs).
    const reissue = (name: 'valid' | 'valid-ecdsa', serialNumber: string) =>
      x509.X509CertificateGenerator.create({
        serialNumber,
        subject: pki.profile(name).certificate.subjectName,
        issuer: ca.subjectName,
        publicKey: pki.profile(name).certificate.publicKey,
        signingKey: caKeys.privateKey,
        signingAlgorithm: ecdsa,
        ...validity,
        extensions: pki.profile(name).certificate.extensions.filter((extension) => extension.type !== OID.authorityKeyIdentifier),
      });
    good = await reissue('valid-ecdsa', '10');
    revoked = await reissue('valid', '11');
    const span = { thisUpdate: new Date(PKI_TIME - HOUR), nextUpdate: new Date(PKI_TIME + 7 * DAY) };
    rootList = await x509.X509CrlGenerator.create({ issuer: root.subjectName, ...span, signingKey: rootKeys.privateKey, signingAlgorithm: rsa });
    caList = await x509.X509CrlGenerator.create({
      issuer: ca.subjectName,
      ...span,
      signingKey: caKeys.privateKey,
      signingAlgorithm: ecdsa,
      entries: [{ serialNumber: revoked.serialNumber, revocationDate: new Date(PKI_TIME - HOUR) }],
    });
  });

  test('the cause: given the CA certificate, the library imports its key for the root’s RSA algorithm; the list’s own algorithm verifies', async () => {
    assert.equal(await caList.verify({ publicKey: ca }), false, 'the call that refused every certificate of such a CA');
    assert.equal(await listSignedBy(caList, ca), true);
    assert.equal(await listSignedBy(rootList, root), true);
    assert.equal(await listSignedBy(caList, root), false, 'another issuer');
  });

  test('its list verifies: a listed certificate is certificate_revoked, another passes', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'root.crl'), Buffer.from(rootList.rawData));
    writeFileSync(join(dir, 'ca.pem'), caList.toString('pem'));
    const server = await startServer({
      dev: { enabled: false },
      clock: () => PKI_TIME,
      certificates: {
        trustAnchors: [root.toString('pem')],
        qualifiedPolicies: [pki.body('halcom').body.qualifiedPolicy, mup.body.qualifiedPolicy],
        crlPaths: [dir],
      },
    });
    try {
      const login = (name: 'valid' | 'valid-ecdsa', certificate: x509.X509Certificate) =>
        certificateLogin(new Browser(server.api), pki.profile(name), { certificate, chain: [ca] }).then(errorCode);
      assert.equal(await login('valid-ecdsa', good), 'certificate_not_registered');
      assert.equal(await login('valid', revoked), 'certificate_revoked');
      assert.deepEqual(events(server, 'revocation_list_missing'), []);
    } finally {
      await server.cleanup();
    }
  });
});

describe('revocation is never off by accident', () => {
  const anchors = () => ({ trustAnchors: [mup.root.certificate.toString('pem')], qualifiedPolicies: [mup.body.qualifiedPolicy] });
  const never = () => join(tmpdir(), 'egov-never-created');

  test('trust anchors without revocation lists stop the server unless revocation is off', async () => {
    assert.throws(() => createMockServer({ dataDir: never(), certificates: anchors() }), /without revocation lists.*--revocation off/);
    assert.throws(() => createMockServer({ dataDir: never(), certificates: { ...anchors(), revocation: 'crl' } }), /without revocation lists/);
    assert.throws(() => createMockServer({ dataDir: never(), dev: { enabled: true }, certificates: anchors() }), /without revocation lists/, 'the test PKI’s lists are not the anchors’');
    const off = await startServer({ dev: { enabled: false }, clock: () => PKI_TIME, certificates: { ...anchors(), revocation: 'off' } });
    try {
      assert.equal(await loginCode(off), 'certificate_not_registered');
      assert.equal(events(off, 'revocation_off').length, 1, 'the operator is told');
    } finally {
      await off.cleanup();
    }
  });

  test('the test PKI alone keeps its own lists', async () => {
    const server = await startServer(shared.options({ clock: () => PKI_TIME }));
    try {
      assert.equal(await loginCode(server, 'valid-ecdsa'), 'certificate_not_registered');
      assert.equal(errorCode(await certificateLogin(new Browser(server.api), pki.profile('revoked'))), 'certificate_revoked');
    } finally {
      await server.cleanup();
    }
  });

  test('a bad list path stops the server: missing, an empty directory, an unparsable or a delta list', async () => {
    const empty = tempDir();
    const junk = join(tempDir(), 'junk.crl');
    writeFileSync(junk, 'not a list');
    const delta = join(tempDir(), 'delta.pem');
    const deltaList = await x509.X509CrlGenerator.create({
      issuer: mup.issuing.certificate.subjectName,
      thisUpdate: new Date(PKI_TIME),
      nextUpdate: new Date(PKI_TIME + DAY),
      signingKey: await importCaKey(mup.issuing),
      signingAlgorithm: CA_SIGNING[mup.issuing.keys],
      extensions: [new x509.Extension('2.5.29.27', true, new Uint8Array([0x02, 0x01, 0x01]))],
    });
    writeFileSync(delta, deltaList.toString('pem'));
    const start = (crlPaths: string[]) => () => createMockServer({ dataDir: never(), certificates: { ...anchors(), crlPaths } });
    assert.throws(start([join(empty, 'missing.crl')]), /ENOENT/);
    assert.throws(start([empty]), /no \.crl or \.pem file/);
    assert.throws(start([junk]), /junk\.crl.*not a parsable revocation list/);
    assert.throws(start([delta]), /delta list/);
    assert.throws(() => createMockServer({ dataDir: never(), certificates: { ...anchors(), crlPaths: [delta], crlRefreshMs: 1000 } }), /delta list/);
    const lists = await mupListDirectory({ thisUpdate: PKI_TIME, nextUpdate: PKI_TIME + DAY });
    assert.throws(() => createMockServer({ dataDir: never(), certificates: { ...anchors(), crlPaths: [lists.dir], crlRefreshMs: 1000 } }), /1 minute to 24 hours/);
  });

  describe('command line', () => {
    const packageDir = fileURLToPath(new URL('..', import.meta.url));

    test('--crl takes files and directories, --crl-refresh-minutes and --revocation reach the options', async () => {
      const lists = await mupListDirectory({ thisUpdate: PKI_TIME, nextUpdate: PKI_TIME + DAY });
      const file = join(lists.dir, 'mup-root.crl');
      const { certificates } = parseServerCommand(['--crl', lists.dir, '--crl', file, '--crl-refresh-minutes', '15', '--revocation', 'crl'], {}).options;
      assert.deepEqual(certificates, { crlPaths: [lists.dir, file], crlRefreshMs: 15 * MINUTE, revocation: 'crl' });
      const fromEnv = parseServerCommand([], { EGOV_CRLS: `${lists.dir},${file}`, EGOV_CRL_REFRESH_MINUTES: '5', EGOV_REVOCATION: 'off' }).options.certificates;
      assert.deepEqual(fromEnv, { crlPaths: [lists.dir, file], crlRefreshMs: 5 * MINUTE, revocation: 'off' });
      assert.throws(() => parseServerCommand(['--revocation', 'maybe'], {}), (error: unknown) => error instanceof UsageError && /crl or off/.test(error.message));
      assert.throws(() => parseServerCommand(['--crl', join(lists.dir, 'missing')], {}), (error: unknown) => error instanceof UsageError && /ENOENT/.test(error.message));
    });

    test('--trust-anchor without --crl exits with a usage error (2), as does a bad --revocation', () => {
      const dir = tempDir();
      const anchorFile = join(dir, 'anchors.pem');
      writeFileSync(anchorFile, mup.root.certificate.toString('pem'));
      const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('EGOV_')));
      const run = (args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', '--port', '0', '--data-dir', join(dir, 'data'), '--trust-anchor', anchorFile, '--qualified-policy', mup.body.qualifiedPolicy, ...args], {
          cwd: packageDir,
          env,
          encoding: 'utf8',
          timeout: 20_000,
        });
      const refused = run([]);
      assert.equal(refused.status, 2, refused.stderr);
      assert.match(refused.stderr, /trust anchors \(or a trusted list\) without revocation lists.*--revocation off/);
      assert.match(refused.stderr, /Usage: egov-mock-server/);
      const bad = run(['--revocation', 'sometimes']);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /--revocation must be crl or off/);
    });
  });
});

describe('a national CA’s list is large', () => {
  test('a list of 20 000 entries loads (the parser’s default limit stops near 3 000) and finds its certificate', async () => {
    const ca = mup.issuing;
    const user = pki.profile('valid');
    const entries = Array.from({ length: 20_000 }, (_, index) => ({ serialNumber: (0x100000 + index).toString(16), revocationDate: new Date(PKI_TIME - DAY) }));
    entries.push({ serialNumber: user.certificate.serialNumber, revocationDate: new Date(PKI_TIME - DAY) });
    const list = await x509.X509CrlGenerator.create({
      issuer: ca.certificate.subjectName,
      thisUpdate: new Date(PKI_TIME - HOUR),
      nextUpdate: new Date(PKI_TIME + DAY),
      signingKey: await importCaKey(ca),
      signingAlgorithm: CA_SIGNING[ca.keys],
      entries,
    });
    assert.throws(() => new x509.X509Crl(list.rawData).entries, 'the library’s default limit refuses it');
    const [parsed] = parseCrls(new Uint8Array(list.rawData), 'the large list');
    assert.equal(parsed!.entries.length, 20_001);
    assert.ok(revokedEntry(parsed!, user.certificate), 'the listed certificate is found');
    assert.equal(revokedEntry(parsed!, pki.profile('multi-valued-rdn').certificate), null);
  });
});
