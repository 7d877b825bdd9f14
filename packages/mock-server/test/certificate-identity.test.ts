import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { certificateIdentity, certificateSubject, identityKey } from '../src/certificates/identity.ts';
import { x509 } from '../src/x509.ts';

const JMBG = '1705990710004';
const SECRET = 'test-identity-secret';

/**
 * A throwaway self-signed certificate whose subject carries these
 * serialNumber values, each in its own RDN — or all in one multi-valued RDN
 * with the names, as MUP writes `PNORS-…` beside `CA:RS-…`.
 */
async function certificateWith(serialNumbers: string[], serial = '01', layout: 'own-rdns' | 'one-rdn' = 'own-rdns'): Promise<x509.X509Certificate> {
  const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const name: Record<string, string[]>[] =
    layout === 'one-rdn'
      ? [{ '2.5.4.6': ['RS'] }, { '2.5.4.3': ['Ana Test'], '2.5.4.5': serialNumbers }]
      : [{ '2.5.4.3': ['Ana Test'] }, ...serialNumbers.map((value) => ({ '2.5.4.5': [value] }))];
  return x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial,
    name,
    notBefore: new Date('2030-01-01T00:00:00Z'),
    notAfter: new Date('2031-01-01T00:00:00Z'),
    keys,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
  });
}

describe('certificate identity', () => {
  test('the personal number prefix is read in any letter case: one person, one account key', async () => {
    const upper = certificateIdentity(await certificateWith([`PNORS${JMBG}`], '01'));
    assert.deepEqual(upper, { kind: 'holder', identifier: { type: 'PNO', country: 'RS', number: JMBG } });
    for (const value of [`pnors${JMBG}`, `PnoRs-${JMBG}`]) {
      // Another certificate (another serial): were the prefix missed, it would map by issuer and serial, a second account.
      const other = certificateIdentity(await certificateWith([value], '02'));
      assert.deepEqual(other, { kind: 'holder', identifier: { type: 'PNO', country: 'RS', number: JMBG } }, value);
      assert.equal(identityKey(other, SECRET), identityKey(upper!, SECRET), value);
    }
  });

  test('a lower-case claim with a bad control digit is refused, not mapped by issuer and serial', async () => {
    assert.equal(certificateIdentity(await certificateWith(['pnors1705990710005'])), null);
  });

  test('ETSI semantics identifiers (issue 13): PNORS- beside CA:RS- in one RDN; IDC and PAS for holders without a personal number', async () => {
    const mup = certificateIdentity(await certificateWith([`PNORS-${JMBG}`, 'CA:RS-1234567'], '03', 'one-rdn'));
    assert.deepEqual(mup, { kind: 'holder', identifier: { type: 'PNO', country: 'RS', number: JMBG } }, 'CA:RS- is the issuer’s customer number, not an identity');
    const idc = certificateIdentity(await certificateWith(['IDCRS-012345678', 'CA:RS-99'], '04', 'one-rdn'));
    assert.deepEqual(idc, { kind: 'holder', identifier: { type: 'IDC', country: 'RS', number: '012345678' } });
    const passport = certificateIdentity(await certificateWith(['pasde-c01x00t47'], '05'));
    assert.deepEqual(passport, { kind: 'holder', identifier: { type: 'PAS', country: 'DE', number: 'C01X00T47' } }, 'any letter case');
    // A personal number wins over a document number in the same subject: it survives a new passport.
    const both = certificateIdentity(await certificateWith([`PASDE-C01X00T47`, `PNORS-${JMBG}`], '06'));
    assert.deepEqual(both, mup);
  });

  test('a renewed certificate (new key, new serial) with the same identifier has the same account key; another identifier does not', async () => {
    for (const value of ['IDCRS-012345678', 'PASDE-C01X00T47', `PNORS-${JMBG}`]) {
      const first = certificateIdentity(await certificateWith([value], '10'))!;
      const renewed = certificateIdentity(await certificateWith([value.toLowerCase()], '11'))!;
      assert.equal(identityKey(renewed, SECRET), identityKey(first, SECRET), value);
    }
    const idc = identityKey(certificateIdentity(await certificateWith(['IDCRS-012345678']))!, SECRET);
    const pas = identityKey(certificateIdentity(await certificateWith(['PASRS-012345678']))!, SECRET);
    assert.notEqual(idc, pas, 'the same digits on another kind of document are another identity');
    assert.match(idc, /^id:[0-9a-f]{64}$/, 'a keyed hash, never the number');
  });

  test('issuer and serial only as the last resort: no identifier at all', async () => {
    const none = certificateIdentity(await certificateWith(['CA:RS-1234567'], '0a'));
    assert.equal(none?.kind, 'issuer_serial');
  });

  test('two different identifiers of the same kind are refused', async () => {
    assert.equal(certificateIdentity(await certificateWith(['IDCRS-012345678', 'IDCRS-987654321'])), null);
    assert.equal(certificateIdentity(await certificateWith([`PNORS-${JMBG}`, 'PNORS-0101990710008'])), null);
  });

  test('the e-mail is read where the certification body puts it: subjectAltName, else the subject emailAddress (Halcom)', async () => {
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    const certificate = (email: string, extensions: x509.Extension[] = []) =>
      x509.X509CertificateGenerator.createSelfSigned({
        name: [{ '2.5.4.3': ['Ana Test'] }, { '1.2.840.113549.1.9.1': [email] }],
        notBefore: new Date('2030-01-01T00:00:00Z'),
        notAfter: new Date('2031-01-01T00:00:00Z'),
        keys,
        signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
        extensions,
      });
    assert.equal(certificateSubject(await certificate('ana@example.rs')).email, 'ana@example.rs');
    const both = await certificate('old@example.rs', [new x509.SubjectAlternativeNameExtension([{ type: 'email', value: 'ana@example.rs' }])]);
    assert.equal(certificateSubject(both).email, 'ana@example.rs', 'subjectAltName first, as the picker reads it');
  });
});
