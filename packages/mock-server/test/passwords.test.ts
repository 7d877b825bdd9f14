import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_CONCURRENT_HASHES, mostHashesAtOnce, PasswordHasher } from '../src/passwords.ts';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  test('hashes with scrypt N=2^15, r=8, p=1 and a 16-byte random salt, in a self-describing format', async () => {
    const a = await hasher.hash('same password here');
    const b = await hasher.hash('same password here');
    assert.match(a, /^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    assert.notEqual(a, b, 'a fresh salt each time');
    assert.ok(!a.includes('same password'));
  });

  test('many hashes at once run one after another (each holds 32 MiB), and all finish', async () => {
    const started = Date.now();
    const hashes = await Promise.all(Array.from({ length: 6 }, (_, i) => hasher.hash(`concurrent password ${i}`)));
    assert.equal(new Set(hashes).size, 6);
    assert.equal(mostHashesAtOnce(), MAX_CONCURRENT_HASHES);
    assert.ok(await hasher.verify('concurrent password 5', hashes[5]!), `all verified (${Date.now() - started} ms)`);
  });

  test('verifies the right password and refuses others', async () => {
    const encoded = await hasher.hash('right horse battery');
    assert.equal(await hasher.verify('right horse battery', encoded), true);
    assert.equal(await hasher.verify('right horse batterY', encoded), false);
    assert.equal(await hasher.verify('', encoded), false);
  });

  test('two passwords sharing a 127-character prefix are different', async () => {
    const prefix = 'x'.repeat(127);
    const encoded = await hasher.hash(`${prefix}a`);
    assert.equal(await hasher.verify(`${prefix}b`, encoded), false);
    assert.equal(await hasher.verify(prefix, encoded), false);
  });

  test('normalizes with NFKC: NFC and NFD forms are the same password', async () => {
    const nfc = 'Ćevapčići-Đurđevdan'.normalize('NFC');
    const encoded = await hasher.hash(nfc);
    assert.equal(await hasher.verify(nfc.normalize('NFD'), encoded), true);
    assert.equal(await hasher.verify('ﬁle-password', await hasher.hash('file-password')), true, 'compatibility forms too');
  });

  test('refuses malformed or out-of-bounds hashes without trying them', async () => {
    const started = performance.now();
    for (const bad of ['', 'plain', '$scrypt$ln=30,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '$scrypt$ln=15$x$y']) {
      assert.equal(await hasher.verify('anything', bad), false, bad);
    }
    assert.ok(performance.now() - started < 1000);
  });

  test('old parameters still verify, and ask for a rehash', async () => {
    const old = new PasswordHasher({ logN: 14 });
    const encoded = await old.hash('upgrade me please');
    assert.match(encoded, /^\$scrypt\$ln=14,/);
    assert.equal(await hasher.verify('upgrade me please', encoded), true);
    assert.equal(hasher.needsRehash(encoded), true);
    assert.equal(hasher.needsRehash(await hasher.hash('current')), false);
  });

  test('the dummy verification always fails', async () => {
    assert.equal(await hasher.verifyDummy('anything'), false);
  });
});
