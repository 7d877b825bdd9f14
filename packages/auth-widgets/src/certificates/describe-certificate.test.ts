import { expect } from '@open-wc/testing';
import { API } from '../../test-support/backend.js';
import { anaSubject, fromBase64, JMBG, OIDS, testCa, testCertificate, x509 } from '../../test-support/test-pki.js';
import type { CertificationBody, DevTestCertificate, DevTestTokensResponse, PublicConfig } from '../client/contract.js';
import { issuerDisplayName, localizedText } from './certification-body.js';
import { CertificateParseError } from './der.js';
import { describeCertificate, shortSerialNumber, type HiddenReason } from './describe-certificate.js';
import { formatHolderIdentifier, holderIdentifierOf, isValidJmbg, personalNumberOf } from '../client/rules.js';
import { parseCertificate, signatureAlgorithmFor } from './x509.js';

const MUP: CertificationBody = {
  id: 'mup',
  name: { en: 'Ministry of Interior', 'sr-Cyrl': 'Министарство унутрашњих послова' },
  site: 'https://ca.mup.gov.rs',
  support: { phone: '+381 11 000 0000' },
  pinUnblock: { en: 'Visit a police station.', 'sr-Cyrl': 'Посетите полицијску управу.' },
  issuerNames: ['test mup  qualified CA'],
};
const DIRECTORY = [MUP];
const NOW = new Date('2026-06-01T12:00:00Z');

describe('describeCertificate', () => {
  it('describes a usable qualified certificate: names, JMBG, issuer body, usage, policies', async () => {
    const { der } = await testCertificate({ sanEmails: ['ana@example.rs'] });
    const d = describeCertificate(der, DIRECTORY, NOW);
    expect(d.usable).to.equal(true);
    expect(d.hiddenBecause).to.equal(undefined);
    expect(d.holderName).to.equal('Ana Test');
    expect(d.givenName).to.equal('Ana');
    expect(d.surname).to.equal('Test');
    expect(d.personalNumber).to.equal(JMBG.ana);
    expect(d.email).to.equal('ana@example.rs');
    expect(d.issuer.name).to.equal('Test MUP Qualified CA');
    expect(d.issuer.body?.id).to.equal('mup');
    expect(d.keyUsage).to.deep.equal(['digitalSignature', 'nonRepudiation']);
    expect(d.policies).to.deep.equal([OIDS.qcpNaturalQscd]);
    expect(d.qualified).to.equal(true);
    expect(d.notAfter.toISOString()).to.equal('2034-01-01T00:00:00.000Z');
  });

  it('names the CA in the current locale from the directory (Latin derived from Cyrillic)', async () => {
    const d = describeCertificate((await testCertificate()).der, DIRECTORY, NOW);
    expect(issuerDisplayName(d.issuer, 'en')).to.equal('Ministry of Interior');
    expect(issuerDisplayName(d.issuer, 'sr-Cyrl')).to.equal('Министарство унутрашњих послова');
    expect(issuerDisplayName(d.issuer, 'sr-Latn')).to.equal('Ministarstvo unutrašnjih poslova');
    expect(localizedText({ en: 'x', 'sr-Cyrl': 'ж', 'sr-Latn': 'given' }, 'sr-Latn')).to.equal('given');
    const untrusted = describeCertificate((await testCertificate()).der, [], NOW);
    expect(issuerDisplayName(untrusted.issuer, 'sr-Cyrl')).to.equal('Test MUP Qualified CA');
  });

  describe('hidden reasons', () => {
    it('expired', async () => {
      const { der } = await testCertificate({ notBefore: new Date('2020-01-01'), notAfter: new Date('2025-01-01') });
      expect(describeCertificate(der, DIRECTORY, NOW)).to.include({ usable: false, hiddenBecause: 'expired' });
    });

    it('not yet valid', async () => {
      const { der } = await testCertificate({ notBefore: new Date('2027-01-01'), notAfter: new Date('2030-01-01') });
      expect(describeCertificate(der, DIRECTORY, NOW)).to.include({ usable: false, hiddenBecause: 'not_yet_valid' });
    });

    it('untrusted CA: an issuer the directory does not list', async () => {
      const { der } = await testCertificate({ issuer: await testCa('Some Other CA') });
      const d = describeCertificate(der, DIRECTORY, NOW);
      expect(d).to.include({ usable: false, hiddenBecause: 'untrusted_ca' });
      expect(d.issuer).to.deep.equal({ name: 'Some Other CA' });
    });

    it('the issuer is also recognised by its organization (O)', async () => {
      const body = { ...MUP, issuerNames: ['Test PKI'] };
      expect(describeCertificate((await testCertificate()).der, [body], NOW).usable).to.equal(true);
    });

    it('no private key on the token', async () => {
      const { der } = await testCertificate();
      expect(describeCertificate(der, DIRECTORY, NOW, false)).to.include({ usable: false, hiddenBecause: 'no_private_key' });
    });

    it('wrong key usage: neither nonRepudiation nor digitalSignature', async () => {
      const { der } = await testCertificate({ keyUsage: x509.KeyUsageFlags.keyEncipherment });
      expect(describeCertificate(der, DIRECTORY, NOW)).to.include({ usable: false, hiddenBecause: 'wrong_key_usage' });
    });

    it('the qualified signing certificate logs in: nonRepudiation, with or without digitalSignature (issue 13; Halcom issues nonRepudiation only)', async () => {
      const halcom = await testCertificate({ keyUsage: x509.KeyUsageFlags.nonRepudiation });
      expect(describeCertificate(halcom.der, DIRECTORY, NOW)).to.include({ usable: true });
      const both = await testCertificate({ keyUsage: x509.KeyUsageFlags.nonRepudiation | x509.KeyUsageFlags.digitalSignature });
      expect(describeCertificate(both.der, DIRECTORY, NOW)).to.include({ usable: true });
    });

    it('a card’s authentication certificate (digitalSignature without nonRepudiation) is hidden as such, so the person picks the signing one', async () => {
      const { der } = await testCertificate({ keyUsage: x509.KeyUsageFlags.digitalSignature, extKeyUsage: [OIDS.clientAuth] });
      expect(describeCertificate(der, DIRECTORY, NOW)).to.include({ usable: false, hiddenBecause: 'authentication_only' });
    });

    describe('where the backend also accepts a card\'s authentication certificate (allowAuthentication, issue 13)', () => {
      const ALLOW = { allowAuthentication: true };
      const authentication = (options: Parameters<typeof testCertificate>[0] = {}) =>
        testCertificate({ keyUsage: x509.KeyUsageFlags.digitalSignature, extKeyUsage: [OIDS.clientAuth], qcCompliance: false, policies: [OIDS.someOtherPolicy], ...options });

      it('it is usable with the option, hidden as authentication_only without it, and said to be one either way', async () => {
        const { der } = await authentication();
        const without = describeCertificate(der, DIRECTORY, NOW);
        expect(without).to.include({ usable: false, hiddenBecause: 'authentication_only', authenticationOnly: true });
        expect(describeCertificate(der, DIRECTORY, NOW, true, { allowAuthentication: false })).to.include({ usable: false, hiddenBecause: 'authentication_only' });
        const withOption = describeCertificate(der, DIRECTORY, NOW, true, ALLOW);
        expect(withOption).to.include({ usable: true, authenticationOnly: true, qualified: false });
        expect(withOption.hiddenBecause).to.equal(undefined);
        expect(withOption.purposes).to.deep.equal(['authentication']);
        expect(withOption.personalNumber).to.equal(JMBG.ana);
        // The qualified signing certificate is not one, with or without the option.
        const signing = (await testCertificate()).der;
        expect(describeCertificate(signing, DIRECTORY, NOW, true, ALLOW)).to.include({ usable: true, authenticationOnly: false, qualified: true });
        expect(describeCertificate(signing, DIRECTORY, NOW)).to.include({ usable: true, authenticationOnly: false });
      });

      it('no qualified policy is asked of it (it has none by nature), but still of every other certificate', async () => {
        const listed = [{ ...MUP, qualifiedPolicies: [OIDS.qcpNaturalQscd] }];
        const { der } = await authentication();
        expect(describeCertificate(der, listed, NOW, true, ALLOW)).to.include({ usable: true, qualified: false });
        expect(describeCertificate(der, listed, NOW, true, { ...ALLOW, qualifiedPolicies: [OIDS.qcpNaturalQscd] })).to.include({ usable: true });
        expect(describeCertificate(der, listed, NOW), 'without the option').to.include({ hiddenBecause: 'authentication_only' });
        const signingOffList = await testCertificate({ policies: [OIDS.someOtherPolicy] });
        expect(describeCertificate(signingOffList.der, listed, NOW, true, ALLOW)).to.include({ usable: false, hiddenBecause: 'not_qualified' });
      });

      it('wrong key usage stays hidden: keyEncipherment only, no KeyUsage, an EKU without client authentication', async () => {
        const encipherment = await testCertificate({ keyUsage: x509.KeyUsageFlags.keyEncipherment });
        expect(describeCertificate(encipherment.der, DIRECTORY, NOW, true, ALLOW)).to.include({ usable: false, hiddenBecause: 'wrong_key_usage', authenticationOnly: false });
        const none = await testCertificate({ keyUsage: null });
        expect(describeCertificate(none.der, DIRECTORY, NOW, true, ALLOW)).to.include({ usable: false, hiddenBecause: 'wrong_key_usage' });
        // The backend's rule: an authentication certificate's EKU, when there is one, includes client authentication.
        for (const extKeyUsage of [[OIDS.serverAuth], ['1.3.6.1.5.5.7.3.4'], ['1.3.6.1.4.1.311.20.2.2']]) {
          const { der } = await authentication({ extKeyUsage });
          expect(describeCertificate(der, DIRECTORY, NOW, true, ALLOW).hiddenBecause, extKeyUsage[0]).to.equal('wrong_key_usage');
        }
        const noEku = await authentication({ extKeyUsage: undefined });
        expect(describeCertificate(noEku.der, DIRECTORY, NOW, true, ALLOW).usable).to.equal(true);
      });

      it('every other check still applies: dates, the CA, the private key, the personal number', async () => {
        const expired = await authentication({ notBefore: new Date('2020-01-01'), notAfter: new Date('2025-01-01') });
        expect(describeCertificate(expired.der, DIRECTORY, NOW, true, ALLOW).hiddenBecause).to.equal('expired');
        const early = await authentication({ notBefore: new Date('2027-01-01'), notAfter: new Date('2030-01-01') });
        expect(describeCertificate(early.der, DIRECTORY, NOW, true, ALLOW).hiddenBecause).to.equal('not_yet_valid');
        const untrusted = await authentication({ issuer: await testCa('Some Other CA') });
        expect(describeCertificate(untrusted.der, DIRECTORY, NOW, true, ALLOW).hiddenBecause).to.equal('untrusted_ca');
        const { der } = await authentication();
        expect(describeCertificate(der, DIRECTORY, NOW, false, ALLOW).hiddenBecause).to.equal('no_private_key');
        const badNumber = await authentication({ subject: [{ [OIDS.serialNumber]: [`PNORS${JMBG.wrongChecksum}`] }, { [OIDS.commonName]: ['Ana'] }] });
        expect(describeCertificate(badNumber.der, DIRECTORY, NOW, true, ALLOW).hiddenBecause).to.equal('invalid_personal_number');
      });
    });

    it('wrong key usage: an extended key usage for servers or code only', async () => {
      const { der } = await testCertificate({ extKeyUsage: [OIDS.serverAuth, OIDS.codeSigning] });
      expect(describeCertificate(der, DIRECTORY, NOW).hiddenBecause).to.equal('wrong_key_usage');
      const client = await testCertificate({ extKeyUsage: [OIDS.clientAuth] });
      expect(describeCertificate(client.der, DIRECTORY, NOW).usable).to.equal(true);
    });

    it('wrong key usage: a CA certificate on the token', async () => {
      const { der } = await testCertificate({ ca: true });
      expect(describeCertificate(der, DIRECTORY, NOW).hiddenBecause).to.equal('wrong_key_usage');
    });

    it('no KeyUsage extension at all: not the qualified signing certificate (it needs nonRepudiation), as the backend says', async () => {
      const { der } = await testCertificate({ keyUsage: null });
      const d = describeCertificate(der, DIRECTORY, NOW);
      expect(d).to.include({ usable: false, hiddenBecause: 'wrong_key_usage' });
      expect(d.keyUsage).to.equal(undefined);
    });

    it('not qualified: none of its policies is on the issuer\'s qualified-policy list', async () => {
      const listed = [{ ...MUP, qualifiedPolicies: [OIDS.qcpNaturalQscd] }];
      const { der } = await testCertificate({ policies: [OIDS.someOtherPolicy] });
      // The list decides, as on the backend: its QcCompliance statement alone is not enough.
      expect(describeCertificate(der, listed, NOW)).to.include({ usable: false, hiddenBecause: 'not_qualified', qualified: false });
      expect(describeCertificate(der, listed, NOW, true, { qualifiedPolicies: [OIDS.someOtherPolicy] }).usable).to.equal(true);
      const onList = await testCertificate({ policies: [OIDS.qcpNaturalQscd], qcCompliance: false });
      expect(describeCertificate(onList.der, listed, NOW)).to.include({ usable: true, qualified: true });
    });

    it('without a qualified-policy list, QcCompliance or an ETSI QCP policy says qualified, and nothing is hidden for policy', async () => {
      const byStatement = await testCertificate({ policies: [OIDS.someOtherPolicy] });
      expect(describeCertificate(byStatement.der, DIRECTORY, NOW)).to.include({ qualified: true, usable: true });
      const byPolicy = await testCertificate({ qcCompliance: false });
      expect(describeCertificate(byPolicy.der, DIRECTORY, NOW)).to.include({ qualified: true, usable: true });
      const neither = await testCertificate({ qcCompliance: false, policies: [OIDS.someOtherPolicy] });
      // The backend knows its allow-list; the picker does not hide what it cannot judge.
      expect(describeCertificate(neither.der, DIRECTORY, NOW)).to.include({ qualified: false, usable: true });
    });

    it('the first reason that applies is given (expired before untrusted)', async () => {
      const { der } = await testCertificate({ issuer: await testCa('Some Other CA'), notAfter: new Date('2025-01-01'), notBefore: new Date('2020-01-01') });
      expect(describeCertificate(der, DIRECTORY, NOW, false).hiddenBecause).to.equal('expired');
    });
  });

  describe('personal number', () => {
    it('comes from a multi-valued RDN, every value of it', async () => {
      const { der } = await testCertificate({
        subject: [
          { [OIDS.country]: ['RS'] },
          // One RDN: CN + givenName + surname + serialNumber (the serialNumber is not its first value).
          { [OIDS.commonName]: ['Ana Test'], [OIDS.givenName]: ['Ana'], [OIDS.surname]: ['Test'], [OIDS.serialNumber]: [`PNORS${JMBG.ana}`] },
        ],
      });
      const parsed = parseCertificate(der);
      expect(new Set(parsed.subject.map((a) => a.rdn)).size).to.equal(2);
      const d = describeCertificate(der, DIRECTORY, NOW);
      expect(d.personalNumber).to.equal(JMBG.ana);
      expect(d.holderName).to.equal('Ana Test');
    });

    it('does not depend on the order of the RDNs', async () => {
      const reversed = anaSubject().reverse();
      const { der } = await testCertificate({ subject: reversed });
      const d = describeCertificate(der, DIRECTORY, NOW);
      expect(parseCertificate(der).subject[0]!.type).to.equal(OIDS.commonName);
      expect(d.personalNumber).to.equal(JMBG.ana);
      expect(d).to.include({ givenName: 'Ana', surname: 'Test' });
    });

    it('is never taken from CN, even when CN holds a valid JMBG', async () => {
      const { der } = await testCertificate({
        subject: [{ [OIDS.commonName]: [`Ana Test ${JMBG.ana}`] }, { [OIDS.serialNumber]: ['1234'] }, { [OIDS.commonName]: [`PNORS${JMBG.marko}`] }],
      });
      expect(describeCertificate(der, DIRECTORY, NOW).personalNumber).to.equal(undefined);
    });

    it('needs a valid checksum', async () => {
      const { der } = await testCertificate({ subject: [{ [OIDS.serialNumber]: [`PNORS${JMBG.wrongChecksum}`] }, { [OIDS.commonName]: ['Ana'] }] });
      expect(describeCertificate(der, DIRECTORY, NOW).personalNumber).to.equal(undefined);
    });

    it('takes the valid PNORS value among several serialNumbers; two different numbers are ambiguous', async () => {
      const one = await testCertificate({ subject: [{ [OIDS.serialNumber]: ['IDCRS-0001234', `PNORS-${JMBG.ana}`] }, { [OIDS.commonName]: ['Ana'] }] });
      expect(describeCertificate(one.der, DIRECTORY, NOW).personalNumber).to.equal(JMBG.ana);
      const two = await testCertificate({ subject: [{ [OIDS.serialNumber]: [`PNORS${JMBG.ana}`] }, { [OIDS.serialNumber]: [`PNORS${JMBG.marko}`] }] });
      expect(describeCertificate(two.der, DIRECTORY, NOW).personalNumber).to.equal(undefined);
    });
  });

  describe('e-mail', () => {
    it('comes from subjectAltName before the subject emailAddress', async () => {
      const { der } = await testCertificate({ subject: [...anaSubject(), { [OIDS.emailAddress]: ['old@example.rs'] }], sanEmails: ['ana@example.rs'] });
      expect(describeCertificate(der, DIRECTORY, NOW).email).to.equal('ana@example.rs');
    });

    it('falls back to the subject emailAddress, and is absent when neither is there', async () => {
      const withSubject = await testCertificate({ subject: [...anaSubject(), { [OIDS.emailAddress]: ['ana@example.rs'] }] });
      expect(describeCertificate(withSubject.der, DIRECTORY, NOW).email).to.equal('ana@example.rs');
      expect(describeCertificate((await testCertificate()).der, DIRECTORY, NOW).email).to.equal(undefined);
    });
  });

  describe('what tells two look-alike certificates apart', () => {
    it('purpose, from key usage and extended key usage: signing, authentication or both', async () => {
      const { KeyUsageFlags: KU } = x509;
      const purposes = async (keyUsage: number | null, extKeyUsage?: string[]) =>
        describeCertificate((await testCertificate({ keyUsage, extKeyUsage })).der, DIRECTORY, NOW, true).purposes;
      // A MUP identity card: one certificate for authentication, one for signing.
      expect(await purposes(KU.digitalSignature, [OIDS.clientAuth])).to.deep.equal(['authentication']);
      expect(await purposes(KU.digitalSignature | KU.nonRepudiation, ['1.3.6.1.5.5.7.3.4'])).to.deep.equal(['signing']);
      // Halcom's signing key: nonRepudiation only.
      expect(await purposes(KU.nonRepudiation)).to.deep.equal(['signing']);
      // The usual qualified certificate of the test PKI: both.
      expect(await purposes(KU.digitalSignature | KU.nonRepudiation, [OIDS.clientAuth, '1.3.6.1.5.5.7.3.4'])).to.deep.equal(['signing', 'authentication']);
      expect(await purposes(KU.digitalSignature, ['1.3.6.1.4.1.311.20.2.2'])).to.deep.equal(['authentication']);
      expect(await purposes(KU.digitalSignature, ['1.3.6.1.5.5.7.3.36'])).to.deep.equal(['signing']);
      expect(await purposes(KU.digitalSignature)).to.deep.equal(['authentication']);
      // Nothing says: nothing is claimed.
      expect(await purposes(null)).to.deep.equal([]);
      expect(await purposes(KU.digitalSignature, ['1.3.6.1.5.5.7.3.4'])).to.deep.equal([]);
    });

    it('a short serial number: upper-case hex in groups of four, the last eight digits of a long one', () => {
      expect(shortSerialNumber('1001')).to.equal('1001');
      expect(shortSerialNumber('00a1b2')).to.equal('A1B2');
      // Non-breaking spaces: a serial number never wraps.
      expect(shortSerialNumber('0a1b2c3d')).to.equal('A1B\u00a02C3D');
      expect(shortSerialNumber('7c0a9e5f3b1d2a4c6e8f00112233aabb')).to.equal('…2233\u00a0AABB');
      expect(shortSerialNumber('00')).to.equal('0');
    });
  });

  it('reads RSA and EC keys for the signature algorithm', async () => {
    expect(signatureAlgorithmFor(parseCertificate((await testCertificate({ key: 'EC' })).der).publicKey)).to.equal('ECDSA-P256-SHA256');
    expect(signatureAlgorithmFor(parseCertificate((await testCertificate({ key: 'RSA' })).der).publicKey)).to.equal('RSASSA-PKCS1-v1_5-SHA256');
  });

  it('throws CertificateParseError for bytes that are not a certificate', async () => {
    const { der } = await testCertificate();
    for (const bad of [new Uint8Array(), new Uint8Array([0x30, 0x80, 0, 0]), der.subarray(0, der.length - 10), new TextEncoder().encode('<img src=x>')]) {
      expect(() => describeCertificate(bad, DIRECTORY, NOW)).to.throw(CertificateParseError);
    }
  });
});

describe('isValidJmbg', () => {
  it('accepts valid numbers and refuses wrong checksums, dates and formats', () => {
    expect(isValidJmbg(JMBG.ana)).to.equal(true);
    expect(isValidJmbg(JMBG.marko)).to.equal(true);
    expect(isValidJmbg(JMBG.wrongChecksum)).to.equal(false);
    expect(isValidJmbg('3202990710004')).to.equal(false);
    expect(isValidJmbg('170599071000')).to.equal(false);
    expect(isValidJmbg('17059907100040')).to.equal(false);
    expect(isValidJmbg('17059907100a4')).to.equal(false);
  });

  it('reads PNORS identifiers with or without the hyphen, nothing else; a bad or ambiguous claim is invalid, not absent', () => {
    expect(personalNumberOf([`PNORS${JMBG.ana}`])).to.deep.equal({ kind: 'found', personalNumber: JMBG.ana });
    expect(personalNumberOf([`PNORS-${JMBG.ana}`])).to.deep.equal({ kind: 'found', personalNumber: JMBG.ana });
    expect(personalNumberOf([`PNORS${JMBG.ana}`, `PNORS-${JMBG.ana}`])).to.deep.equal({ kind: 'found', personalNumber: JMBG.ana });
    expect(personalNumberOf([JMBG.ana])).to.deep.equal({ kind: 'absent' });
    expect(personalNumberOf([`PASRS-${JMBG.ana}`])).to.deep.equal({ kind: 'absent' });
    expect(personalNumberOf([])).to.deep.equal({ kind: 'absent' });
    expect(personalNumberOf([`PNORS${JMBG.wrongChecksum}`])).to.deep.equal({ kind: 'invalid' });
    expect(personalNumberOf([`PNORS${JMBG.ana}`, `PNORS${JMBG.marko}`])).to.deep.equal({ kind: 'invalid' });
  });

  it('reads what real certificates carry and a strict reader trips over (issue 13): an empty policy OID, unknown and unreadable extensions', async () => {
    // certificatePolicies { { OID (empty) }, { 0.4.0.194112.1.2 QCP-n-qscd } }, as a real MUP leaf has it.
    const emptyOidFirst = new Uint8Array([0x30, 0x0f, 0x30, 0x02, 0x06, 0x00, 0x30, 0x09, 0x06, 0x07, 0x04, 0x00, 0x8b, 0xec, 0x40, 0x01, 0x02]);
    const unknown = new x509.Extension('1.3.6.1.4.1.99999.1', false, new Uint8Array([0x04, 0x02, 0xca, 0xfe]));
    // Not DER at all inside the OCTET STRING, under an extension the picker reads (qcStatements).
    const broken = new x509.Extension('1.3.6.1.5.5.7.1.3', false, new Uint8Array([0x30, 0x05, 0x01]));
    const { der } = await testCertificate({ rawPolicies: emptyOidFirst, extra: [unknown] });
    const parsed = parseCertificate(der);
    expect(parsed.policies).to.deep.equal([OIDS.qcpNaturalQscd]);
    expect(parsed.unreadableExtensions).to.deep.equal([]);
    const description = describeCertificate(der, [], new Date('2030-01-01T00:00:00Z'), true);
    expect(description.holderName).to.equal('Ana Test');
    const withBroken = parseCertificate((await testCertificate({ qcCompliance: false, extra: [broken] })).der);
    expect(withBroken.unreadableExtensions).to.deep.equal(['1.3.6.1.5.5.7.1.3']);
    expect(withBroken.policies).to.deep.equal([OIDS.qcpNaturalQscd], 'the rest of the certificate is still read');
  });

  it('reads the ETSI semantics identifier the backend maps by (issue 13): PNO, then IDC, then PAS; CA:RS- is not one', () => {
    expect(holderIdentifierOf([`PNORS-${JMBG.ana}`, 'CA:RS-1234567'])).to.deep.equal({ kind: 'found', identifier: { type: 'PNO', country: 'RS', number: JMBG.ana } });
    expect(holderIdentifierOf(['CA:RS-1234567', 'idcrs-012345678'])).to.deep.equal({ kind: 'found', identifier: { type: 'IDC', country: 'RS', number: '012345678' } });
    expect(holderIdentifierOf(['PASDE-C01X00T47'])).to.deep.equal({ kind: 'found', identifier: { type: 'PAS', country: 'DE', number: 'C01X00T47' } });
    expect(holderIdentifierOf(['PASDE-C01X00T47', `PNORS-${JMBG.ana}`])).to.deep.equal({ kind: 'found', identifier: { type: 'PNO', country: 'RS', number: JMBG.ana } });
    expect(holderIdentifierOf(['CA:RS-1234567'])).to.deep.equal({ kind: 'absent' });
    expect(holderIdentifierOf(['IDCRS-1', 'IDCRS-2'])).to.deep.equal({ kind: 'invalid' });
    expect(formatHolderIdentifier({ type: 'PAS', country: 'DE', number: 'C01X00T47' })).to.equal('PASDE-C01X00T47');
    // A passport holder has no Serbian personal number to show, and is not refused for it.
    expect(personalNumberOf(['PASDE-C01X00T47'])).to.deep.equal({ kind: 'absent' });
  });
});

describe('describeCertificate over the mock server\'s test PKI', () => {
  let certificates: (DevTestCertificate & { token: string })[] = [];
  let directory: CertificationBody[] = [];

  before(async () => {
    const answer = await fetch(`${API}/dev/test-tokens`);
    expect(answer.status, 'the mock server serves its test PKI').to.equal(200);
    const { tokens } = (await answer.json()) as DevTestTokensResponse;
    certificates = tokens.flatMap((t) => t.certificates.map((c) => ({ ...c, token: t.id })));
    directory = ((await (await fetch(`${API}/config`)).json()) as PublicConfig).certificationBodies;
  });

  const describeProfile = (profile: string) => {
    const entry = certificates.find((c) => c.profile === profile);
    if (!entry) throw new Error(`the test PKI has no "${profile}" profile`);
    return describeCertificate(fromBase64(entry.certificate), directory, new Date(), entry.privateKey !== undefined);
  };

  const expected: [profile: string, hidden: HiddenReason | undefined][] = [
    ['valid', undefined],
    ['valid-ecdsa', undefined],
    ['expired', 'expired'],
    ['not-yet-valid', 'not_yet_valid'],
    ['untrusted', 'untrusted_ca'],
    ['self-signed', 'untrusted_ca'],
    ['no-private-key', 'no_private_key'],
    ['wrong-key-usage', 'wrong_key_usage'],
    ['wrong-eku', 'wrong_key_usage'],
    // Halcom's qualified signing certificate: nonRepudiation only (issue 13).
    ['non-repudiation-only', undefined],
    // The backend would refuse it after the PIN: it could not tell whose it is.
    ['invalid-personal-number', 'invalid_personal_number'],
    // Mapped by issuer and serial instead.
    ['no-personal-number', undefined],
    // Mapped by the identity card's or the passport's number (Halcom, issue 13).
    ['idc-holder', undefined],
    ['passport-holder', undefined],
    // The MUP card's other certificate: digitalSignature only, clientAuth.
    ['mup-authentication', 'authentication_only'],
    // Revocation is the backend's to check.
    ['revoked', undefined],
  ];
  for (const [profile, hidden] of expected) {
    it(`${profile} → ${hidden ?? 'usable'}`, () => {
      expect(describeProfile(profile).hiddenBecause).to.equal(hidden);
    });
  }

  it('mup-authentication is usable where the backend accepts authentication certificates; the signing certificates stay as they were', () => {
    const entry = certificates.find((c) => c.profile === 'mup-authentication')!;
    const d = describeCertificate(fromBase64(entry.certificate), directory, new Date(), entry.privateKey !== undefined, { allowAuthentication: true });
    expect(d).to.include({ usable: true, authenticationOnly: true });
    expect(d.purposes).to.deep.equal(['authentication']);
    const valid = certificates.find((c) => c.profile === 'valid')!;
    expect(describeCertificate(fromBase64(valid.certificate), directory, new Date(), true, { allowAuthentication: true })).to.include({ usable: true, authenticationOnly: false });
    const wrongKeyUsage = certificates.find((c) => c.profile === 'wrong-key-usage')!;
    expect(describeCertificate(fromBase64(wrongKeyUsage.certificate), directory, new Date(), true, { allowAuthentication: true }).hiddenBecause).to.equal('wrong_key_usage');
  });

  it('wrong-policy is hidden when the directory lists the qualified policies, else left to the backend', () => {
    const d = describeProfile('wrong-policy');
    const listsPolicies = directory.some((b) => ((b as { qualifiedPolicies?: string[] }).qualifiedPolicies ?? []).length > 0);
    expect(d.hiddenBecause).to.equal(listsPolicies ? 'not_qualified' : undefined);
  });

  it('reads the same personal number from the real (one multi-valued RDN), multi-valued and reversed layouts; never from a namesake\'s CN', () => {
    const number = describeProfile('valid').personalNumber;
    expect(number).to.match(/^\d{13}$/);
    expect(isValidJmbg(number!)).to.equal(true);
    expect(describeProfile('multi-valued-rdn').personalNumber).to.equal(number);
    expect(describeProfile('reversed-rdn').personalNumber).to.equal(number);
    expect(describeProfile('same-name').holderName).to.equal(describeProfile('valid').holderName);
    expect(describeProfile('same-name').personalNumber).to.not.equal(number);
    expect(describeProfile('invalid-personal-number').personalNumber).to.equal(undefined);
    expect(describeProfile('no-personal-number').personalNumber).to.equal(undefined);
  });

  it('names the issuer from the directory and reads e-mail from subjectAltName (MUP) or the subject (Halcom)', () => {
    const d = describeProfile('valid');
    expect(d.issuer.body?.id).to.equal('mup');
    expect(d.email).to.match(/@example\.test$/);
    expect(describeProfile('valid-ecdsa').issuer.body?.id).to.equal('halcom');
    expect(describeProfile('valid-ecdsa').email).to.equal('jelena.probic@example.test');
    expect(describeProfile('no-personal-number').issuer.body?.id).to.equal('esmart');
    expect(describeProfile('no-email').email).to.equal(undefined);
  });

  it('reads the test PKI as the real certificates are written: qualified, the holder\'s identifier, the signing key usage of each body', () => {
    expect(describeProfile('valid').qualified).to.equal(true);
    expect(describeProfile('valid').keyUsage).to.deep.equal(['digitalSignature', 'nonRepudiation']);
    expect(describeProfile('valid-ecdsa').keyUsage).to.deep.equal(['nonRepudiation']);
    expect(describeProfile('valid').policies).to.include(OIDS.qcpNaturalQscd);
    expect(describeProfile('idc-holder').personalNumber).to.equal(undefined);
    expect(describeProfile('passport-holder').personalNumber).to.equal(undefined);
  });
});
