/**
 * The real public certificates of Serbia's certification bodies
 * (fixtures/real-pki: the trusted list's CAs and MUP's from LibreCelik):
 * each one parses in the picker's reader and the backend's library, each
 * issuing CA the trusted list grants qualified status is recognised as its
 * certification body by the picker's rule, and MUP's real chains build with
 * the backend's path builder (issue 13).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { findCertificationBody, parseCertificate } from '@egov/auth-widgets/certificates';
import { DEFAULT_CERTIFICATION_BODIES } from '../src/certification-bodies.ts';
import { TrustStore } from '../src/certificates/trust-store.ts';
import { x509 } from '../src/x509.ts';

const DIR = new URL('../fixtures/real-pki/', import.meta.url);
const FILES = readdirSync(DIR).filter((name) => name.endsWith('.cer'));
const der = (file: string) => new Uint8Array(readFileSync(new URL(file, DIR)));

/** The trusted list's granted issuing CAs for qualified signature certificates (sequence 36; docs/real-pki-facts.md), by body. */
const GRANTED: Record<string, string[]> = {
  mup: ['mup-gradjani-ca-4.cer', 'mup-stranci-ca-4.cer', 'mupca-gradjani-3.cer', 'mupca-sluzbenici-3.cer', 'mupca-stranci.cer'],
  posta: ['posta-srbije-ca-1.cer', 'posta-srbije-ca-2.cer'],
  pks: ['pks-ca-class1.cer', 'pks-ca-class1-kvalifikovani-sertifikati.cer', 'pks-ca-cloud.cer'],
  halcom: ['halcom-bg-ca-fl-e-signature.cer', 'halcom-bg-ca-fl-e-signature-2.cer', 'halcom-bg-ca-pl-e-signature.cer', 'halcom-bg-ca-pl-e-signature-2.cer'],
  esmart: ['ess-iqca1-2019-01.cer', 'ess-iqca1-2019-06.cer', 'ess-iqca1-v3.cer'],
  ite: ['eid-rs-sign.cer'],
  paperless: ['paperless-fl-esignature-ca-1.cer', 'paperless-pl-esignature-ca-1.cer', 'paperless-gov-esignature-ca-1.cer'],
  mod: ['mo-vs-uzk-ca-3.cer'],
  mts: ['mtsca-cloud.cer'],
};

describe('the real CA certificates', () => {
  test(`all ${FILES.length} parse in the picker's reader and the backend's library, serial numbers alike`, () => {
    assert.ok(FILES.length >= 50, 'the fixtures are there');
    for (const file of FILES) {
      const picker = parseCertificate(der(file));
      const backend = new x509.X509Certificate(der(file));
      // Non-minimal serials (MUP's 2010/2013 and 2005 certificates: 00 00 00 64) read the same in both.
      assert.equal(picker.serialNumber.replace(/^(00)+(?=.)/, ''), backend.serialNumber.toLowerCase().replace(/^(00)+(?=.)/, ''), file);
      // Every one is a CA certificate but the list's own signer.
      assert.equal(picker.isCa, !file.startsWith('tsl-signer'), file);
      assert.deepEqual(picker.unreadableExtensions, [], `${file}: every extension read`);
    }
  });

  test('a certificate from every issuing CA the trusted list grants is recognised as its certification body by the picker (not hidden as untrusted_ca)', () => {
    for (const [id, files] of Object.entries(GRANTED)) {
      for (const file of files) {
        // A leaf's issuer is its CA's subject, and its authority key identifier the CA's subject key identifier.
        const ca = parseCertificate(der(file));
        const leaf = { issuer: ca.subject, issuerDer: ca.subjectDer, authorityKeyIdentifier: ca.subjectKeyIdentifier };
        assert.equal(findCertificationBody(leaf, DEFAULT_CERTIFICATION_BODIES)?.id, id, file);
        // The same name with another key (a CA that copies the name) is nobody's.
        assert.equal(findCertificationBody({ ...leaf, authorityKeyIdentifier: '00'.repeat(20) }, DEFAULT_CERTIFICATION_BODIES), undefined, file);
      }
    }
  });

  test('MUP’s real chains build with the backend’s path builder, in each generation', async () => {
    const chains: [root: string, issuing: string[], at: string][] = [
      ['mup-root-ca-4.cer', ['mup-gradjani-ca-4.cer', 'mup-stranci-ca-4.cer'], '2026-06-01'],
      ['mupca-root-3.cer', ['mupca-gradjani-3.cer', 'mupca-sluzbenici-3.cer', 'mupca-stranci.cer'], '2026-06-01'],
      // Non-minimal serials and the country "Republika Srbija (RS)": still a chain.
      ['mupca-root-2010.cer', ['mupca-gradjani-2013.cer'], '2026-06-01'],
    ];
    for (const [root, issuing, at] of chains) {
      const store = new TrustStore([new x509.X509Certificate(der(root))], { mode: 'off' });
      for (const file of issuing) {
        const path = await store.buildPath(new x509.X509Certificate(der(file)), [], Date.parse(at));
        assert.deepEqual(path.map((certificate) => certificate.subject), [new x509.X509Certificate(der(file)).subject, new x509.X509Certificate(der(root)).subject], file);
      }
    }
  });

  test('E-Smart’s ESS IQCA1 V3 is signed with RSA-PSS/SHA-512, which the backend’s library reads', () => {
    const v3 = new x509.X509Certificate(der('ess-iqca1-v3.cer'));
    const algorithm = v3.signatureAlgorithm as unknown as { name: string; hash: unknown };
    assert.equal(algorithm.name, 'RSA-PSS');
    const hash = algorithm.hash;
    assert.equal(typeof hash === 'string' ? hash : (hash as { name: string }).name, 'SHA-512');
  });
});
