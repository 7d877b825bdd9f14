import { expect } from '@open-wc/testing';
import { testKeys, x509 } from '../../test-support/test-pki.js';
import type { CertificationBody } from '../client/contract.js';
import { findCertificationBody } from './certification-body.js';
import { describeCertificate } from './describe-certificate.js';
import { hex, OID, parseCertificate, type NameAttribute, type ParsedCertificate } from './x509.js';

// The public CA certificates of the Serbian trusted list (served by the test runner from the repo root).
const REAL_PKI = '/packages/mock-server/fixtures/real-pki/';
const NOW = new Date('2026-06-01T12:00:00Z');

async function fetchBytes(name: string): Promise<Uint8Array<ArrayBuffer>> {
  const answer = await fetch(`${REAL_PKI}${name}`);
  expect(answer.status, `${name} is served`).to.equal(200);
  return new Uint8Array(await answer.arrayBuffer());
}

const realCa = async (file: string): Promise<ParsedCertificate> => parseCertificate(await fetchBytes(file));

function base64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

/** A directory `issuers` entry made from a CA certificate, as the backend makes it from the trusted list. */
function issuerEntry(ca: ParsedCertificate) {
  const name = ca.subject.find((a) => a.type === OID.commonName)?.value ?? '';
  return { subject: base64(ca.subjectDer), ...(ca.subjectKeyIdentifier ? { keyIdentifier: ca.subjectKeyIdentifier } : {}), name };
}

function body(id: string, extra: Partial<CertificationBody>): CertificationBody {
  return {
    id,
    name: { en: id, 'sr-Cyrl': id },
    site: `https://${id}.example.rs`,
    support: {},
    pinUnblock: { en: 'Ask the CA.', 'sr-Cyrl': 'Питајте ЦА.' },
    issuerNames: [],
    ...extra,
  };
}

// ---- a minimal DER writer, for extensions the test writes byte by byte ----

function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const header =
    length < 0x80 ? [tag, length] : length < 0x100 ? [tag, 0x81, length] : [tag, 0x82, length >> 8, length & 0xff];
  const out = new Uint8Array(header.length + length);
  out.set(header);
  let offset = header.length;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function fromHex(text: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array((text.match(/../g) ?? []).map((pair) => parseInt(pair, 16)));
}

/** authorityKeyIdentifier: SEQUENCE { [0] keyIdentifier } */
function akiKeyId(keyIdHex: string): x509.Extension {
  return new x509.Extension(OID.authorityKeyIdentifier, false, tlv(0x30, tlv(0x80, fromHex(keyIdHex))));
}

/** authorityKeyIdentifier without a keyIdentifier: SEQUENCE { [1] { [4] issuer Name }, [2] serial } */
function akiIssuerAndSerial(issuerName: Uint8Array, serialHex: string): x509.Extension {
  return new x509.Extension(OID.authorityKeyIdentifier, false, tlv(0x30, tlv(0xa1, tlv(0xa4, issuerName)), tlv(0x82, fromHex(serialHex))));
}

let serial = 0x2000;
/**
 * A qualified signing leaf "issued by" the given issuer name (DER, or
 * attributes to encode): signed by a throw-away key, which is all matching
 * needs (nothing here verifies signatures; the backend does).
 */
async function leaf(issuer: Uint8Array | x509.JsonNameParams, extensions: x509.Extension[] = []): Promise<Uint8Array<ArrayBuffer>> {
  const keys = await testKeys('EC');
  serial += 1;
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serial.toString(16),
    subject: [{ '2.5.4.6': ['RS'] }, { '2.5.4.42': ['Ana'] }, { '2.5.4.4': ['Test'] }, { '2.5.4.3': ['Ana Test'] }],
    issuer: new x509.Name(issuer instanceof Uint8Array ? issuer.slice() : issuer),
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2030-01-01T00:00:00Z'),
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      new x509.CertificatePolicyExtension(['0.4.0.194112.1.2']),
      ...extensions,
    ],
  });
  return new Uint8Array(certificate.rawData);
}

/** The name's attributes as a JsonName (one RDN per attribute), `replace` changing some values by type. */
function jsonName(name: NameAttribute[], replace: Record<string, string> = {}): x509.JsonName {
  return name.map((a) => ({ [a.type]: [replace[a.type] ?? a.value] }));
}

describe('findCertificationBody by the CA certificate itself (issue 13)', () => {
  let gradjani: ParsedCertificate;
  let stranci: ParsedCertificate;
  let root: ParsedCertificate;
  let halcom: ParsedCertificate;
  /** The default directory's way: `issuers` from the CA certificates (and names derived from them). */
  let mup: CertificationBody;
  let halcomBody: CertificationBody;
  /** A ministry's hand-made directory: names only. */
  let mupByName: CertificationBody;

  before(async () => {
    [gradjani, stranci, root, halcom] = await Promise.all(
      ['mup-gradjani-ca-4.cer', 'mup-stranci-ca-4.cer', 'mup-root-ca-4.cer', 'halcom-bg-ca-fl-e-signature-2.cer'].map(realCa),
    );
    mup = body('mup', { issuers: [gradjani, stranci].map(issuerEntry), issuerNames: ['MUP Gradjani CA 4', 'MUP Stranci CA 4'] });
    halcomBody = body('halcom', { issuers: [issuerEntry(halcom)], issuerNames: ['Halcom BG CA FL e-signature 2'] });
    mupByName = body('mup-by-name', { issuerNames: ['MUP Gradjani CA 4'] });
  });

  it('reads the real MUP Gradjani CA 4 certificate: subject, subject and authority key identifiers', () => {
    expect(gradjani.subject.find((a) => a.type === OID.commonName)?.value).to.equal('MUP Gradjani CA 4');
    expect(gradjani.subjectKeyIdentifier).to.equal('01855defd9a6f6217003af91d2a1b23cf7931fe1');
    expect(gradjani.authorityKeyIdentifier).to.equal('937df19edba5e9373901db0bfe66d37be96a6361');
    expect(gradjani.authorityKeyIdentifier).to.equal(root.subjectKeyIdentifier);
    expect(issuerEntry(gradjani).keyIdentifier).to.equal('01855defd9a6f6217003af91d2a1b23cf7931fe1');
  });

  it('a leaf with MUP Gradjani CA 4\'s subject as its issuer, byte for byte, and its key identifier → mup', async () => {
    const der = await leaf(gradjani.subjectDer, [akiKeyId(gradjani.subjectKeyIdentifier!)]);
    const parsed = parseCertificate(der);
    expect(hex(parsed.issuerDer), 'the leaf names the real CA byte for byte').to.equal(hex(gradjani.subjectDer));
    expect(parsed.authorityKeyIdentifier).to.equal(gradjani.subjectKeyIdentifier);
    expect(findCertificationBody(parsed, [halcomBody, mup])?.id).to.equal('mup');

    const described = describeCertificate(der, [halcomBody, mup], NOW);
    expect(described.usable).to.equal(true);
    expect(described.issuer.name).to.equal('MUP Gradjani CA 4');
    expect(described.issuer.body?.id).to.equal('mup');
  });

  it('the same DN but another key identifier (another key under the same name) → no body, untrusted_ca', async () => {
    // MUP Root CA 4's key: a real key of the same CA family, not Gradjani CA 4's.
    const der = await leaf(gradjani.subjectDer, [akiKeyId(root.subjectKeyIdentifier!)]);
    const parsed = parseCertificate(der);
    expect(hex(parsed.issuerDer)).to.equal(hex(gradjani.subjectDer));
    expect(findCertificationBody(parsed, [mup, halcomBody])).to.equal(undefined);
    const described = describeCertificate(der, [mup, halcomBody], NOW);
    expect(described).to.include({ usable: false, hiddenBecause: 'untrusted_ca' });
    expect(described.issuer).to.deep.equal({ name: 'MUP Gradjani CA 4' });
  });

  it('a look-alike issuer (CN "MUP Gradjani CA 4", another O) is no body with issuers, even with the right key identifier', async () => {
    const lookAlike = jsonName(gradjani.subject, { [OID.organization]: 'Lazni CA d.o.o.' });
    const der = await leaf(lookAlike, [akiKeyId(gradjani.subjectKeyIdentifier!)]);
    const parsed = parseCertificate(der);
    expect(parsed.issuer.find((a) => a.type === OID.commonName)?.value).to.equal('MUP Gradjani CA 4');
    expect(hex(parsed.issuerDer)).to.not.equal(hex(gradjani.subjectDer));
    // `mup` lists the CN in issuerNames too: a body with issuers is never matched by name.
    expect(findCertificationBody(parsed, [mup, halcomBody])).to.equal(undefined);
    expect(describeCertificate(der, [mup], NOW).hiddenBecause).to.equal('untrusted_ca');
    // A hand-made directory (names only) keeps the CN/O rule.
    expect(findCertificationBody(parsed, [mup, mupByName])?.id).to.equal('mup-by-name');
    expect(describeCertificate(der, [mupByName], NOW).issuer.body?.id).to.equal('mup-by-name');
  });

  it('a look-alike that copies the whole DN as text but in another string type is no body with issuers', async () => {
    // Same values in the same order, every one a BMPString: not the CA's subject bytes.
    const bmp: x509.JsonNameParams = gradjani.subject.map((a) => ({ [a.type]: [{ bmpString: a.value }] }));
    const der = await leaf(bmp, [akiKeyId(gradjani.subjectKeyIdentifier!)]);
    const parsed = parseCertificate(der);
    expect(parsed.issuer.map((a) => a.value)).to.deep.equal(gradjani.subject.map((a) => a.value));
    expect(hex(parsed.issuerDer)).to.not.equal(hex(gradjani.subjectDer));
    expect(findCertificationBody(parsed, [mup])).to.equal(undefined);
    expect(findCertificationBody(parsed, [mupByName])?.id).to.equal('mup-by-name');
  });

  it('a leaf without an authority key identifier and the exact DN → mup', async () => {
    const der = await leaf(gradjani.subjectDer);
    const parsed = parseCertificate(der);
    expect(parsed.authorityKeyIdentifier).to.equal(undefined);
    expect(parsed.unreadableExtensions).to.deep.equal([]);
    expect(findCertificationBody(parsed, [halcomBody, mup])?.id).to.equal('mup');
  });

  it('an authority key identifier with only the issuer and serial (no keyIdentifier) matches by the exact DN', async () => {
    const der = await leaf(stranci.subjectDer, [akiIssuerAndSerial(root.subjectDer, '0102')]);
    const parsed = parseCertificate(der);
    expect(parsed.authorityKeyIdentifier).to.equal(undefined);
    expect(parsed.unreadableExtensions).to.deep.equal([]);
    expect(findCertificationBody(parsed, [mup])?.id).to.equal('mup');
  });

  it('an unreadable authority key identifier is named in unreadableExtensions; the rest of the certificate is read', async () => {
    const broken = new x509.Extension(OID.authorityKeyIdentifier, false, new Uint8Array([0x30, 0x05, 0x80]));
    const parsed = parseCertificate(await leaf(gradjani.subjectDer, [broken]));
    expect(parsed.unreadableExtensions).to.deep.equal([OID.authorityKeyIdentifier]);
    expect(parsed.authorityKeyIdentifier).to.equal(undefined);
    expect(parsed.keyUsage).to.deep.equal(['digitalSignature', 'nonRepudiation']);
    expect(parsed.policies).to.deep.equal(['0.4.0.194112.1.2']);
  });

  it('an issuer entry without keyIdentifier matches by the DN whatever the key identifier; an upper-case one is read as hex', async () => {
    const parsed = parseCertificate(await leaf(gradjani.subjectDer, [akiKeyId(root.subjectKeyIdentifier!)]));
    const { keyIdentifier: _, ...withoutKeyId } = issuerEntry(gradjani);
    expect(findCertificationBody(parsed, [body('dn-only', { issuers: [withoutKeyId] })])?.id).to.equal('dn-only');
    const upper = { ...issuerEntry(gradjani), keyIdentifier: gradjani.subjectKeyIdentifier!.toUpperCase() };
    const right = parseCertificate(await leaf(gradjani.subjectDer, [akiKeyId(gradjani.subjectKeyIdentifier!)]));
    expect(findCertificationBody(right, [body('upper', { issuers: [upper] })])?.id).to.equal('upper');
    expect(findCertificationBody(parsed, [body('upper', { issuers: [upper] })])).to.equal(undefined);
  });

  it('a directory entry whose subject is not base64 matches nothing (and does not throw); an empty issuers list counts as none', async () => {
    const parsed = parseCertificate(await leaf(gradjani.subjectDer, [akiKeyId(gradjani.subjectKeyIdentifier!)]));
    const broken = body('broken', { issuers: [{ subject: '%%% not base64 %%%', name: 'MUP Gradjani CA 4' }], issuerNames: ['MUP Gradjani CA 4'] });
    expect(findCertificationBody(parsed, [broken])).to.equal(undefined);
    expect(findCertificationBody(parsed, [broken, mup])?.id).to.equal('mup');
    expect(findCertificationBody(parsed, [body('empty', { issuers: [], issuerNames: ['MUP Gradjani CA 4'] })])?.id).to.equal('empty');
  });

  it('a CA re-keyed under the same name (ESS IQCA1, 2013 and 2019): only the listed key is recognised', async () => {
    const [old, current] = await Promise.all(['ess-iqca1-2013.cer', 'ess-iqca1-2019-06.cer'].map(realCa));
    expect(hex(old!.subjectDer), 'the two certificates have the same subject').to.equal(hex(current!.subjectDer));
    expect(old!.subjectKeyIdentifier).to.not.equal(current!.subjectKeyIdentifier);
    const ess = body('esmart', { issuers: [issuerEntry(current!)], issuerNames: ['ESS IQCA1'] });
    const byCurrent = parseCertificate(await leaf(current!.subjectDer, [akiKeyId(current!.subjectKeyIdentifier!)]));
    const byOld = parseCertificate(await leaf(old!.subjectDer, [akiKeyId(old!.subjectKeyIdentifier!)]));
    expect(findCertificationBody(byCurrent, [ess])?.id).to.equal('esmart');
    expect(findCertificationBody(byOld, [ess])).to.equal(undefined);
    const both = body('esmart', { issuers: [old!, current!].map(issuerEntry), issuerNames: ['ESS IQCA1'] });
    expect(findCertificationBody(byOld, [both])?.id).to.equal('esmart');
  });

  it('real CA certificates are recognised by their real issuers: MUP Gradjani CA 4 by MUP Root CA 4, the root by itself', () => {
    const mupRoot = body('mup-root', { issuers: [issuerEntry(root)] });
    expect(findCertificationBody(gradjani, [mup, mupRoot])?.id).to.equal('mup-root');
    expect(findCertificationBody(stranci, [mup, mupRoot])?.id).to.equal('mup-root');
    expect(findCertificationBody(root, [mup, mupRoot])?.id).to.equal('mup-root');
    expect(findCertificationBody(halcom, [mup, mupRoot])).to.equal(undefined);
  });
});

/** One `### file.cer` section of CERTS.md (a dump of each fixture written by another reader). */
interface Dump {
  file: string;
  subjectValues: string[];
  subjectRdns: number;
  subjectKeyIdentifier?: string;
  authorityKeyIdentifier?: string;
}

function readDumps(markdown: string): Dump[] {
  return markdown
    .split(/^### /m)
    .slice(1)
    .map((section) => {
      const file = section.slice(0, section.indexOf('\n')).trim();
      const rdnBlock = /- subject RDNs in DER order:\n((?: {2}\d+\..*\n)+)/.exec(section)?.[1] ?? '';
      const rdnLines = rdnBlock.split('\n').filter(Boolean);
      const keyId = (line: RegExpExecArray | null) => line?.[1]?.replace(/:/g, '').toLowerCase();
      const dump: Dump = {
        file,
        subjectValues: rdnLines.flatMap((line) => [...line.matchAll(/"(.*?)"(?= \+ |$)/g)].map((m) => m[1]!)),
        subjectRdns: rdnLines.length,
      };
      const ski = keyId(/subjectKeyIdentifier \(2\.5\.29\.14\): ([0-9A-F:]+)/.exec(section));
      const aki = keyId(/authorityKeyIdentifier \(2\.5\.29\.35\): keyid:([0-9A-F:]+)/.exec(section));
      if (ski) dump.subjectKeyIdentifier = ski;
      if (aki) dump.authorityKeyIdentifier = aki;
      return dump;
    });
}

describe('the real Serbian CA certificates (fixtures/real-pki): subject and key identifiers', () => {
  it('every fixture parses; its subject and key identifiers are those CERTS.md lists', async () => {
    const answer = await fetch(`${REAL_PKI}CERTS.md`);
    expect(answer.status).to.equal(200);
    const dumps = readDumps(await answer.text());
    expect(dumps.length, 'CERTS.md lists the fixtures').to.be.greaterThan(50);
    for (const dump of dumps) {
      const parsed = parseCertificate(await fetchBytes(dump.file));
      expect(parsed.subject.map((a) => a.value), `${dump.file} subject`).to.deep.equal(dump.subjectValues);
      expect(new Set(parsed.subject.map((a) => a.rdn)).size, `${dump.file} RDNs`).to.equal(dump.subjectRdns);
      expect(parsed.subjectKeyIdentifier, `${dump.file} subjectKeyIdentifier`).to.equal(dump.subjectKeyIdentifier);
      expect(parsed.authorityKeyIdentifier, `${dump.file} authorityKeyIdentifier`).to.equal(dump.authorityKeyIdentifier);
      expect(parsed.unreadableExtensions, `${dump.file} unreadable extensions`).to.not.include.members([OID.authorityKeyIdentifier, OID.subjectKeyIdentifier]);
      // What the backend puts in the directory: the subject as DER, base64, decodes back to the same bytes.
      const entry = issuerEntry(parsed);
      expect(findCertificationBody({ issuer: parsed.subject, issuerDer: parsed.subjectDer, authorityKeyIdentifier: parsed.subjectKeyIdentifier }, [body('self', { issuers: [entry] })])?.id, dump.file).to.equal('self');
    }
    // Only MUP's first generation (2005) has no key identifiers.
    expect(dumps.filter((d) => !d.subjectKeyIdentifier).map((d) => d.file)).to.deep.equal([
      'mup-intermediate-ca-gradjani-001.cer',
      'mup-intermediate-ca-resursi-001.cer',
      'mup-intermediate-ca-sluzbenici-001.cer',
      'mup-root-ca-001.cer',
    ]);
  });
});
