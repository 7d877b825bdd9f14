import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { certificateIdentity, identityKey } from '../src/certificates/identity.ts';
import { x509 } from '../src/certificates/x509.ts';

const JMBG = '1705990710004';
const SECRET = 'test-identity-secret';

/** A throwaway self-signed certificate whose subject carries these serialNumber values. */
async function certificateWith(serialNumbers: string[], serial = '01'): Promise<x509.X509Certificate> {
  const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  return x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial,
    name: [{ '2.5.4.3': ['Ana Test'] }, ...serialNumbers.map((value) => ({ '2.5.4.5': [value] }))],
    notBefore: new Date('2030-01-01T00:00:00Z'),
    notAfter: new Date('2031-01-01T00:00:00Z'),
    keys,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
  });
}

describe('certificate identity', () => {
  test('the personal number prefix is read in any letter case: one person, one account key', async () => {
    const upper = certificateIdentity(await certificateWith([`PNORS${JMBG}`], '01'));
    assert.deepEqual(upper, { kind: 'personal_number', personalNumber: JMBG });
    for (const value of [`pnors${JMBG}`, `PnoRs-${JMBG}`]) {
      // Another certificate (another serial): were the prefix missed, it would map by issuer and serial, a second account.
      const other = certificateIdentity(await certificateWith([value], '02'));
      assert.deepEqual(other, { kind: 'personal_number', personalNumber: JMBG }, value);
      assert.equal(identityKey(other, SECRET), identityKey(upper!, SECRET), value);
    }
  });

  test('a lower-case claim with a bad control digit is refused, not mapped by issuer and serial', async () => {
    assert.equal(certificateIdentity(await certificateWith(['pnors1705990710005'])), null);
  });
});
