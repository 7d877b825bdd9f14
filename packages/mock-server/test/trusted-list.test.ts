/**
 * The trusted-list reader (issue 13) on Serbia's real list, sequence 36
 * (fixtures/real-pki/TSL-RS.xml, byte-exact): the list verifies with its
 * pinned signer and reads as docs/real-pki-facts.md describes; copies with a
 * changed byte, no signature, another signer's signature or a signature that
 * covers only part of the list are refused, as are a list past NextUpdate and
 * anything that is not a trusted list.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { SignedXml } from 'xml-crypto';
import { x509 } from '../src/x509.ts';
import { toPem } from '../src/pem.ts';
import {
  ADDITIONAL_SERVICE_INFORMATION,
  SERBIAN_QUALIFIERS,
  SERVICE_STATUS,
  SERVICE_TYPE_CA_QC,
  SERBIAN_SERVICE_TYPES,
  TrustedListError,
  qualifiedIssuingCas,
  readTrustedList,
  type TrustedList,
  type TrustedListErrorCode,
} from '../src/trusted-list/trusted-list.ts';

const DIR = new URL('../fixtures/real-pki/', import.meta.url);
const fixture = (file: string) => new Uint8Array(readFileSync(new URL(file, DIR)));
const LIST_BYTES = fixture('TSL-RS.xml');
const LIST = new TextDecoder().decode(LIST_BYTES);
const SIGNER_DER = fixture('tsl-signer-serbian-trusted-list-signer-1.cer');
const SIGNER = new x509.X509Certificate(SIGNER_DER);

const ISSUED = Date.UTC(2026, 4, 20, 1);
const NEXT_UPDATE = Date.UTC(2026, 10, 19, 1);

const RSA_SHA512 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const SHA512 = 'http://www.w3.org/2001/04/xmlenc#sha512';
const RSA_SHA1 = 'http://www.w3.org/2000/09/xmldsig#rsa-sha1';
const SHA1 = 'http://www.w3.org/2000/09/xmldsig#sha1';

/** The one place `needle` stands in `text` (the test edits the list as text, byte for byte). */
function onlyIndex(text: string, needle: string): number {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, `${needle} is in the list`);
  assert.equal(text.indexOf(needle, index + 1), -1, `${needle} stands once in the list`);
  return index;
}

function replaceOnce(text: string, from: string, to: string): string {
  const index = onlyIndex(text, from);
  return text.slice(0, index) + to + text.slice(index + from.length);
}

/** The list's `<ds:Signature …>…</ds:Signature>`, as written. */
function signatureElement(text: string): string {
  const start = onlyIndex(text, '<ds:Signature ');
  const endTag = '</ds:Signature>';
  return text.slice(start, onlyIndex(text, endTag) + endTag.length);
}

function withoutSignature(text: string): string {
  return replaceOnce(text, signatureElement(text), '');
}

async function refused(attempt: Promise<unknown>, code: TrustedListErrorCode, message?: RegExp): Promise<void> {
  await assert.rejects(attempt, (error: unknown) => {
    assert.ok(error instanceof TrustedListError, `a TrustedListError, not ${String(error)}`);
    assert.equal(error.code, code, error.message);
    if (message) assert.match(error.message, message);
    return true;
  });
}

/** Another RSA key and a self-signed certificate for it (fixed dates: nothing here depends on the clock). */
async function otherSigner(): Promise<{ certificate: x509.X509Certificate; certificatePem: string; keyPem: string }> {
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
  const keys = await crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'C=RS, O=Somebody else, CN=Serbian Trusted List Signer 1',
    notBefore: new Date(Date.UTC(2025, 0, 1)),
    notAfter: new Date(Date.UTC(2030, 0, 1)),
    keys,
    signingAlgorithm: algorithm,
  });
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', keys.privateKey);
  return { certificate, certificatePem: toPem(certificate.rawData, 'CERTIFICATE'), keyPem: toPem(pkcs8, 'PRIVATE KEY') };
}

/**
 * Signs `unsigned` the way the ministry's tool does (enveloped, RSA-SHA512,
 * exclusive c14n, SHA-512 digests) with xml-crypto, the library the reader
 * verifies with. `reference` selects what the Reference covers: the whole
 * document (URI="", the default), the root by its Id, or an inner element.
 */
function sign(
  unsigned: string,
  keyPem: string,
  keyInfoCertificatePem: string,
  reference: { xpath: string; isEmptyUri: boolean } = { xpath: '/*', isEmptyUri: true },
  algorithms: { signature: string; digest: string } = { signature: RSA_SHA512, digest: SHA512 },
): string {
  const signature = new SignedXml({ privateKey: keyPem, publicCert: keyInfoCertificatePem, signatureAlgorithm: algorithms.signature, canonicalizationAlgorithm: EXC_C14N });
  signature.addReference({ ...reference, transforms: [ENVELOPED, EXC_C14N], digestAlgorithm: algorithms.digest });
  signature.computeSignature(unsigned, { prefix: 'ds', location: { reference: '/*', action: 'append' } });
  return signature.getSignedXml();
}

const cn = (certificate: x509.X509Certificate) => certificate.subjectName.getField('CN')[0];

describe('the real Serbian trusted list', () => {
  let list: TrustedList;
  before(async () => {
    list = await readTrustedList(LIST_BYTES, { signer: SIGNER_DER });
  });

  test('verifies with the pinned signer and reads sequence 36, its dates, operator and ten providers', () => {
    assert.equal(list.sequenceNumber, 36);
    assert.equal(list.issuedAt.getTime(), ISSUED);
    assert.equal(list.nextUpdate?.getTime(), NEXT_UPDATE);
    assert.equal(list.schemeOperator, 'Republic of Serbia, Ministry of Information and Telecommunications');
    assert.equal(list.territory, 'RS');
    assert.equal(list.type, 'http://uri.etsi.org/TrstSvc/TrustedList/TSLType/RSlist');
    assert.equal(list.providers.length, 10);
  });

  test('reads the same from a string (with or without a byte-order mark) and with the signer as a certificate', async () => {
    for (const input of [LIST, `\uFEFF${LIST}`]) {
      const again = await readTrustedList(input, { signer: SIGNER, now: ISSUED });
      assert.equal(again.sequenceNumber, 36);
      assert.deepEqual(
        again.providers.map((tsp) => tsp.name),
        list.providers.map((tsp) => tsp.name),
      );
    }
  });

  test('reads providers: names in en and sr-latn, address, e-mail, information URI', () => {
    const mup = list.providers.find((tsp) => tsp.name.en === 'Ministry of Interior Republic of Serbia');
    assert.ok(mup);
    assert.equal(mup.name.srLatn, 'MUP Republike Srbije');
    assert.equal(mup.email, 'ca@mup.gov.rs');
    assert.equal(mup.uri, 'http://ca.mup.gov.rs/');
    assert.equal(mup.phone, undefined, 'the list gives no phone numbers');
    assert.deepEqual(mup.address?.srLatn, { streetAddress: 'Kneza Miloša 103', locality: 'Beograd', postalCode: '11000', countryName: 'RS' });
    assert.ok(mup.tradeNames.includes('VATRS-100184116'));
    assert.equal(list.providers[0]!.name.en, 'Pošta Srbije L.L.C.');
  });

  test("reads services with the list's own mit.gov.rs URIs: CA/QC is for qualified certificates, time stamping is not", () => {
    const services = list.providers.flatMap((tsp) => tsp.services);
    const caQc = services.filter((service) => service.type === SERVICE_TYPE_CA_QC.serbian);
    // 39 CA/QC services (their history instances repeat the type, 54 times in all): 30 granted, 9 withdrawn.
    assert.equal(caQc.length, 39);
    assert.equal(caQc.filter((service) => service.granted).length, 30);
    assert.ok(caQc.every((service) => service.qualifiedCertificates));
    const timeStamping = services.filter((service) => service.type === SERBIAN_SERVICE_TYPES.timeStamping);
    assert.ok(timeStamping.length > 0 && timeStamping.every((service) => !service.qualifiedCertificates));
    assert.ok(services.every((service) => service.granted === (service.status === SERVICE_STATUS.serbianGranted)));
    assert.ok(services.every((service) => service.certificates.length === 1 && service.unrecognizedCriticalExtensions.length === 0));
  });

  test('the granted qualified issuing CAs include MUP, Pošta, Halcom, E-Smart and Paperless, each with nonRepudiation as the criterion', () => {
    const cas = qualifiedIssuingCas(list);
    assert.equal(cas.length, 30);
    const expected: [string, string, string][] = [
      ['MUP Gradjani CA 4', 'Ministry of Interior Republic of Serbia', 'mup-gradjani-ca-4.cer'],
      ['MUP Stranci CA 4', 'Ministry of Interior Republic of Serbia', 'mup-stranci-ca-4.cer'],
      ['Pošta Srbije CA 1', 'Pošta Srbije L.L.C.', 'posta-srbije-ca-1.cer'],
      ['Halcom BG CA FL e-signature', 'Halcom a.d. Beograd', 'halcom-bg-ca-fl-e-signature.cer'],
      ['ESS IQCA1 V3', 'E-Smart Systems d.o.o.', 'ess-iqca1-v3.cer'],
      ['Paperless FL eSignature CA 1', 'Paperless doo Beograd', 'paperless-fl-esignature-ca-1.cer'],
    ];
    for (const [name, provider, file] of expected) {
      const found = cas.filter((ca) => cn(ca.certificate) === name);
      assert.equal(found.length, 1, name);
      const ca = found[0]!;
      assert.equal(ca.providerName, provider, name);
      assert.deepEqual(ca.keyUsageCriteria, { nonRepudiation: true }, name);
      assert.ok(ca.additionalServiceInformation.includes(ADDITIONAL_SERVICE_INFORMATION.forESignatures), name);
      assert.ok(ca.qualifiers.includes(SERBIAN_QUALIFIERS.qcStatement), name);
      assert.ok(Buffer.from(ca.certificate.rawData).equals(Buffer.from(fixture(file))), `${name} is the certificate of ${file}`);
    }
    // The only granted CA/QC services without a Qualifications extension: Paperless's web-site CAs.
    assert.deepEqual(
      cas.filter((ca) => !ca.keyUsageCriteria).map((ca) => cn(ca.certificate)),
      ['Paperless PL SSL CA 1', 'Paperless GOV SSL CA 1'],
    );
  });

  test('the withdrawn 2013 "MUPCA Gradjani" is in the list but not granted, and the MUP roots are not in it', () => {
    const cas = qualifiedIssuingCas(list).map((ca) => cn(ca.certificate));
    assert.ok(!cas.includes('MUPCA Gradjani'));
    assert.ok(!cas.includes('MUP Root CA 4') && !cas.includes('MUPCA Root 3'));
    const service = list.providers.flatMap((tsp) => tsp.services).find((svc) => svc.certificates.some((certificate) => cn(certificate) === 'MUPCA Gradjani'));
    assert.ok(service);
    assert.equal(service.granted, false);
    assert.equal(service.status, SERVICE_STATUS.serbianWithdrawn);
    assert.equal(service.statusStartingTime.getTime(), Date.UTC(2025, 9, 15, 22));
    assert.ok(Buffer.from(service.certificates[0]!.rawData).equals(Buffer.from(fixture('mupca-gradjani-2013.cer'))));
    assert.equal(service.history[0]?.status, SERVICE_STATUS.serbianGranted, 'granted before');
    assert.deepEqual(service.keyUsageCriteria, { nonRepudiation: true });
  });

  test('reads the Qualifications extension as written: qualifiers and the atLeastOne key-usage criterion, and the subject key identifier', () => {
    const service = list.providers.flatMap((tsp) => tsp.services).find((svc) => svc.certificates.some((certificate) => cn(certificate) === 'MUP Gradjani CA 4'));
    assert.ok(service);
    assert.deepEqual(service.qualifications, [
      {
        qualifiers: [SERBIAN_QUALIFIERS.qcWithQscd, SERBIAN_QUALIFIERS.qcStatement],
        criteria: { assert: 'atLeastOne', keyUsage: [{ nonRepudiation: true }], policySets: [], nested: [], uninterpreted: false },
      },
    ]);
    assert.equal(service.subjectKeyIdentifier, '01855defd9a6f6217003af91d2a1b23cf7931fe1');
    assert.equal(service.subjectKeyIdentifier, service.certificates[0]!.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId);
    assert.equal(service.name.en, 'Issuance of qualified certificates for electronic signature (2020-05-25)');
  });
});

describe('what the reader refuses', () => {
  test('the fixture has CRLF line endings; a copy converted to LF reads the same (XML normalises line ends before c14n)', async () => {
    assert.ok(LIST.includes('\r\n'));
    const lf = LIST.replaceAll('\r\n', '\n');
    assert.notEqual(lf.length, LIST.length);
    const read = await readTrustedList(lf, { signer: SIGNER });
    assert.equal(read.sequenceNumber, 36);
    assert.equal(qualifiedIssuingCas(read).length, 30);
  });

  test('one changed byte → signature_invalid: in a provider name, in the signed XAdES properties, in the signature value', async () => {
    const changes: [string, string][] = [
      ['<Name xml:lang="en">Halcom a.d. Beograd</Name>', '<Name xml:lang="en">Halcom a.d. Beograe</Name>'],
      ['<xades:SigningTime>2026-05-28T08:17:31Z<', '<xades:SigningTime>2026-05-28T08:17:32Z<'],
      ['"value-id-c44baf9416ebb3bfb14f8bc18b348ae6">lWBti20U', '"value-id-c44baf9416ebb3bfb14f8bc18b348ae6">mWBti20U'],
    ];
    for (const [from, to] of changes) {
      const changed = replaceOnce(LIST, from, to);
      assert.equal(changed.length, LIST.length);
      await refused(readTrustedList(changed, { signer: SIGNER }), 'signature_invalid', /digest|signature value/);
    }
  });

  test('the withdrawn MUPCA Gradjani service flipped to granted → signature_invalid', async () => {
    const withdrawn = `${SERVICE_STATUS.serbianWithdrawn}</ServiceStatus>\r\n                        <StatusStartingTime>2025-10-15T22:00:00Z`;
    // The service's current information comes first; its ServiceHistory repeats the subject name.
    const start = LIST.indexOf('<X509SubjectName>C=Republika Srbija (RS), L=Beograd, O=MUP Republike Srbije, CN=MUPCA Gradjani</X509SubjectName>');
    const at = LIST.indexOf(withdrawn, start);
    assert.ok(at > start);
    const flipped = LIST.slice(0, at) + withdrawn.replace(SERVICE_STATUS.serbianWithdrawn, SERVICE_STATUS.serbianGranted) + LIST.slice(at + withdrawn.length);
    await refused(readTrustedList(flipped, { signer: SIGNER }), 'signature_invalid', /digest/);
  });

  test('a copy without its Signature element → signature_invalid', async () => {
    await refused(readTrustedList(withoutSignature(LIST), { signer: SIGNER }), 'signature_invalid', /not signed/);
  });

  test('a second copy of the signature inside the list → signature_invalid', async () => {
    const twice = replaceOnce(LIST, '</SchemeInformation>', `</SchemeInformation>${signatureElement(LIST)}`);
    await refused(readTrustedList(twice, { signer: SIGNER }), 'signature_invalid', /2 ds:Signature/);
  });

  describe('a copy re-signed with another key, everything else kept', () => {
    let other: Awaited<ReturnType<typeof otherSigner>>;
    let resigned: string;
    before(async () => {
      other = await otherSigner();
      resigned = sign(withoutSignature(LIST), other.keyPem, other.certificatePem);
    });

    test('verifies when its own certificate is the configured signer (so the copy is a valid signed list)', async () => {
      const read = await readTrustedList(resigned, { signer: other.certificate });
      assert.equal(read.sequenceNumber, 36);
      assert.equal(qualifiedIssuingCas(read).length, 30);
    });

    test('carrying its own certificate → signer_mismatch', async () => {
      await refused(readTrustedList(resigned, { signer: SIGNER }), 'signer_mismatch');
    });

    test("carrying the real signer's certificate → signature_invalid (the key is the configured one, not KeyInfo's)", async () => {
      const posing = sign(withoutSignature(LIST), other.keyPem, toPem(SIGNER_DER, 'CERTIFICATE'));
      await refused(readTrustedList(posing, { signer: SIGNER }), 'signature_invalid', /signature value/);
    });

    test('a signature that covers the root by its Id is whole; one that covers only SchemeInformation → signature_invalid', async () => {
      const byId = sign(withoutSignature(LIST), other.keyPem, other.certificatePem, { xpath: '/*', isEmptyUri: false });
      assert.ok(byId.includes('URI="#TSL-RS"'));
      assert.equal((await readTrustedList(byId, { signer: other.certificate })).sequenceNumber, 36);
      const partial = sign(withoutSignature(LIST), other.keyPem, other.certificatePem, { xpath: "/*/*[local-name()='SchemeInformation']", isEmptyUri: false });
      await refused(readTrustedList(partial, { signer: other.certificate }), 'signature_invalid', /whole list/);
    });

    test('a signature or digest with SHA-1, even by the configured signer → signature_invalid', async () => {
      const whole = { xpath: '/*', isEmptyUri: true };
      const sha1Signature = sign(withoutSignature(LIST), other.keyPem, other.certificatePem, whole, { signature: RSA_SHA1, digest: SHA512 });
      await refused(readTrustedList(sha1Signature, { signer: other.certificate }), 'signature_invalid', /signature method .*rsa-sha1/);
      const sha1Digest = sign(withoutSignature(LIST), other.keyPem, other.certificatePem, whole, { signature: RSA_SHA512, digest: SHA1 });
      await refused(readTrustedList(sha1Digest, { signer: other.certificate }), 'signature_invalid', /digest method .*sha1/);
    });
  });

  test('now after NextUpdate → expired; on the day it is issued and up to NextUpdate it reads', async () => {
    await refused(readTrustedList(LIST, { signer: SIGNER, now: NEXT_UPDATE + 1 }), 'expired', /2026-11-19T01:00:00.000Z/);
    assert.equal((await readTrustedList(LIST, { signer: SIGNER, now: NEXT_UPDATE })).sequenceNumber, 36);
  });

  test('not XML, not UTF-8, not well-formed, with a DOCTYPE, or XML that is not a trusted list → malformed', async () => {
    const notLists: (string | Uint8Array)[] = [
      '',
      'hello',
      '{"TrustServiceStatusList": {}}',
      new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e]),
      LIST.slice(0, LIST.length / 2),
      `<!DOCTYPE TrustServiceStatusList [<!ENTITY x "y">]>${LIST.slice(LIST.indexOf('<TrustServiceStatusList'))}`,
      '<html><body>not a list</body></html>',
      replaceOnce(LIST, 'xmlns="http://uri.etsi.org/02231/v2#"', 'xmlns="http://uri.etsi.org/02231/v3#"'),
    ];
    for (const input of notLists) await refused(readTrustedList(input, { signer: SIGNER }), 'malformed');
  });
});
