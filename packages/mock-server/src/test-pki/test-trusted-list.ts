/**
 * A trusted list for the test PKI, made from the real Serbian one: the
 * bundled `TSL-RS.xml` with every granted service whose CA the test PKI
 * imitates pointing at the TEST issuing CA instead (its certificate, subject
 * name and key identifier), everything else as the ministry wrote it, signed
 * again the way the ministry signs (enveloped, RSA-SHA512, exclusive c14n,
 * SHA-512 digests) by a test signer. So the server reads, in tests and in
 * development, a list shaped exactly like the real one — and the TEST CAs
 * are qualified by the list's own criteria (nonRepudiation), not by a
 * policy allow-list.
 */
import { readFileSync } from 'node:fs';
import { SignedXml } from 'xml-crypto';
import { BUNDLED_TRUSTED_LIST } from '../trusted-list/bundled.ts';
import { x509 } from '../x509.ts';
import { toPem } from '../pem.ts';
import type { TestPki } from './test-pki.ts';

const RSA_SHA512 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const SHA512 = 'http://www.w3.org/2001/04/xmlenc#sha512';

/** A self-signed list signer, like the ministry's "Serbian Trusted List Signer 1" but TEST. */
export interface TestListSigner {
  certificate: x509.X509Certificate;
  /** PKCS#8, PEM. */
  keyPem: string;
}

export async function testListSigner(now: number): Promise<TestListSigner> {
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
  const keys = await crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'C=RS, O=TEST Ministry of Information and Telecommunications, CN=TEST Serbian Trusted List Signer 1',
    notBefore: new Date(now - 86_400_000),
    notAfter: new Date(now + 3 * 365 * 86_400_000),
    keys,
    signingAlgorithm: algorithm,
    extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.nonRepudiation)],
  });
  return { certificate, keyPem: toPem(await crypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY') };
}

/** The one `<ds:Signature …>…</ds:Signature>` of a list, removed. */
export function withoutListSignature(xml: string): string {
  const start = xml.indexOf('<ds:Signature ');
  const end = xml.indexOf('</ds:Signature>');
  if (start < 0 || end < start) throw new Error('the list has no ds:Signature');
  return xml.slice(0, start) + xml.slice(end + '</ds:Signature>'.length);
}

/** Signs an unsigned list as the ministry does: enveloped, whole document, RSA-SHA512 over exclusive c14n. */
export function signList(unsigned: string, signer: TestListSigner): string {
  const signature = new SignedXml({
    privateKey: signer.keyPem,
    publicCert: toPem(signer.certificate.rawData, 'CERTIFICATE'),
    signatureAlgorithm: RSA_SHA512,
    canonicalizationAlgorithm: EXC_C14N,
  });
  signature.addReference({ xpath: '/*', isEmptyUri: true, transforms: [ENVELOPED, EXC_C14N], digestAlgorithm: SHA512 });
  signature.computeSignature(unsigned, { prefix: 'ds', location: { reference: '/*', action: 'append' } });
  return signature.getSignedXml();
}

const CERTIFICATE_ELEMENT = /<X509Certificate>([A-Za-z0-9+/=\s]+)<\/X509Certificate>/g;

/** The text of one element after `from` (`<name>…</name>`), replaced. */
function replaceNext(xml: string, from: number, name: string, value: string): string {
  const open = xml.indexOf(`<${name}>`, from);
  const close = xml.indexOf(`</${name}>`, open);
  if (open < 0 || close < 0) throw new Error(`no ${name} after the certificate`);
  return xml.slice(0, open + name.length + 2) + value + xml.slice(close);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The real list with the TEST issuing CAs in place of the real ones they
 * imitate (matched by the CA's common name without "TEST "), unsigned.
 * Returns the XML and the common names replaced.
 */
export function listWithTestCas(pki: TestPki, realList: string = readFileSync(BUNDLED_TRUSTED_LIST.list, 'utf8')): { xml: string; replaced: string[] } {
  const testCas = new Map(
    pki.bodies.map(({ issuing }) => [String(issuing.certificate.subjectName.getField('CN')[0] ?? '').replace(/^TEST /, ''), issuing.certificate] as const),
  );
  let xml = withoutListSignature(realList);
  const replaced: string[] = [];
  // From the end, so the offsets still to come stay where they were.
  for (const match of [...xml.matchAll(CERTIFICATE_ELEMENT)].reverse()) {
    const real = new x509.X509Certificate(Buffer.from(match[1]!.replace(/\s/g, ''), 'base64'));
    const name = String(real.subjectName.getField('CN')[0] ?? '');
    const test = testCas.get(name);
    if (!test) continue;
    const at = match.index;
    const ski = test.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId ?? '';
    let next = xml.slice(0, at) + `<X509Certificate>${Buffer.from(test.rawData).toString('base64')}</X509Certificate>` + xml.slice(at + match[0].length);
    next = replaceNext(next, at, 'X509SubjectName', escapeXml(test.subjectName.toString()));
    next = replaceNext(next, at, 'X509SKI', Buffer.from(ski, 'hex').toString('base64'));
    xml = next;
    replaced.push(name);
  }
  return { xml, replaced: [...new Set(replaced)] };
}

/** `listWithTestCas`, edited (dates, a status) and signed by `signer`. */
export function testTrustedList(pki: TestPki, signer: TestListSigner, edit: (xml: string) => string = (xml) => xml): string {
  return signList(edit(listWithTestCas(pki).xml), signer);
}
