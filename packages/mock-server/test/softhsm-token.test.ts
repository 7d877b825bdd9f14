// The test agent's PKCS#11 token on Debian's SoftHSM: the module checks the
// PIN and signs with keys it holds (node-webcrypto-p11, as in Fortify).
// SoftHSM must be installed (`npm test` installs softhsm2 as root when
// missing); a machine without it fails here, it does not skip.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DevTestToken } from '@egov/auth-widgets/contract';
import { x509 } from '../src/x509.ts';
import { AgentFailure } from '../src/fortify-agent/failures.ts';
import { createSoftHsmToken, openPkcs11Token, type Pkcs11TokenOptions } from '../src/fortify-agent/index.ts';
import { CKF, type AgentToken } from '../src/fortify-agent/tokens.ts';
import { devTestTokens } from '../src/test-pki/dev-tokens.ts';
import { ensureTestPki } from '../src/test-pki/test-pki.ts';
import { PKI_TIME } from './certificate-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'egov-softhsm-'));
let card: DevTestToken;
let options: Pkcs11TokenOptions;
let token: AgentToken;

const data = new TextEncoder().encode('egov certificate challenge');

async function verifies(der: Uint8Array, hash: string, signature: ArrayBuffer): Promise<boolean> {
  const certificate = new x509.X509Certificate(der);
  const ecdsa = certificate.publicKey.algorithm.name === 'ECDSA';
  const key = await certificate.publicKey.export(
    ecdsa ? { name: 'ECDSA', namedCurve: (certificate.publicKey.algorithm as { namedCurve: string }).namedCurve } : { name: 'RSASSA-PKCS1-v1_5', hash },
    ['verify'],
  );
  return crypto.subtle.verify(ecdsa ? { name: 'ECDSA', hash } : { name: 'RSASSA-PKCS1-v1_5' }, key, signature, data);
}

const failureOf = async (promise: Promise<unknown>): Promise<AgentFailure> => {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AgentFailure, String(error));
    return error;
  }
  assert.fail('expected a PKCS#11 failure');
};

describe('a SoftHSM token for the Fortify test agent', () => {
  before(async () => {
    const { pki } = await ensureTestPki(join(dir, 'test-pki'), PKI_TIME);
    const tokens = devTestTokens(pki).tokens;
    const mup = tokens.find((t) => t.id === 'test-mup-id-card')!;
    const halcom = tokens.find((t) => t.id === 'test-halcom')!;
    // The MUP card's RSA certificates and one ECDSA certificate: both key types through PKCS#11.
    card = { ...mup, certificates: [...mup.certificates, halcom.certificates.find((c) => c.profile === 'valid-ecdsa')!] };
    options = await createSoftHsmToken({ dir: join(dir, 'softhsm'), token: card });
    token = await openPkcs11Token(options);
  });
  after(async () => {
    await token?.device.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('holds the test token’s certificates and their issuing CA, read before the PIN', () => {
    assert.equal(token.device.kind, 'pkcs11');
    assert.equal(token.label, options.label);
    const onCard = new Set(token.items.map((item) => Buffer.from(item.der).toString('base64')));
    for (const entry of card.certificates) {
      assert.ok(onCard.has(entry.certificate), `${entry.profile} is on the token`);
      // Labelled by profile, so the agent's control API finds it by name.
      assert.equal(Buffer.from(token.items.find((item) => item.profile === entry.profile)!.der).toString('base64'), entry.certificate);
      for (const ca of entry.chain) assert.ok(onCard.has(ca), `the CA of ${entry.profile} is on the token`);
    }
    assert.equal(token.device.loggedIn, false);
    assert.ok(token.device.flags() & CKF.loginRequired);
  });

  test('shows no private key before the PIN; a wrong PIN is refused by the module and lowers its counter flag', async () => {
    assert.deepEqual(await token.device.privateKeyIds(), []);
    const failure = await failureOf(token.device.login('0000'));
    assert.equal(failure.message, 'CKR_PIN_INCORRECT');
    assert.equal(failure.code, 0xa0);
    assert.equal(token.device.loggedIn, false);
    assert.ok(token.device.flags() & CKF.userPinCountLow, 'SoftHSM reports CKF_USER_PIN_COUNT_LOW after a wrong PIN');
    const valid = token.items.find((item) => Buffer.from(item.der).toString('base64') === card.certificates[0]!.certificate)!;
    assert.equal((await failureOf(token.device.sign(valid, 'SHA-256', data))).message, 'CKR_USER_NOT_LOGGED_IN');
  });

  test('with the PIN: each certificate with a key signs on the module (RSA and ECDSA), verified with its public key', async () => {
    await token.device.login(card.pin);
    assert.equal(token.device.loggedIn, true);
    const keyIds = await token.device.privateKeyIds();
    const withKeys = card.certificates.filter((entry) => entry.privateKey);
    assert.equal(keyIds.length, withKeys.length);
    for (const entry of card.certificates) {
      const item = token.items.find((i) => Buffer.from(i.der).toString('base64') === entry.certificate)!;
      // A certificate and its key share the CKA_ID, as the page matches them.
      assert.equal(keyIds.includes(item.keyId), !!entry.privateKey, `${entry.profile}: key ${entry.privateKey ? 'present' : 'absent'}`);
      if (!entry.privateKey) {
        assert.equal((await failureOf(token.device.sign(item, 'SHA-256', data))).message, 'CKR_KEY_HANDLE_INVALID');
        continue;
      }
      const hash = entry.keyAlgorithm.hash ?? 'SHA-256';
      assert.ok(await verifies(item.der, hash, await token.device.sign(item, hash, data)), `${entry.profile} signature verifies`);
    }
  });

  test('after logout the keys are hidden again and the module refuses to sign', async () => {
    if (!token.device.loggedIn) await token.device.login(card.pin);
    await token.device.logout();
    assert.equal(token.device.loggedIn, false);
    assert.deepEqual(await token.device.privateKeyIds(), []);
    const item = token.items.find((i) => Buffer.from(i.der).toString('base64') === card.certificates[0]!.certificate)!;
    assert.equal((await failureOf(token.device.sign(item, 'SHA-256', data))).message, 'CKR_USER_NOT_LOGGED_IN');
  });

  test('without SoftHSM the error says how to install it', async () => {
    const saved = process.env['SOFTHSM2_LIB'];
    process.env['SOFTHSM2_LIB'] = join(dir, 'missing', 'libsofthsm2.so');
    try {
      await assert.rejects(createSoftHsmToken({ dir: join(dir, 'other'), token: card }), /SoftHSM is not installed: on Debian or Ubuntu `apt-get install softhsm2`/);
    } finally {
      if (saved === undefined) delete process.env['SOFTHSM2_LIB'];
      else process.env['SOFTHSM2_LIB'] = saved;
    }
  });
});
