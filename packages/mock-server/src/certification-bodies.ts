import type { CertificationBody, LocalizedText } from '@egov/auth-widgets/contract';
import { cyrillicToLatin } from '@egov/auth-widgets/i18n/transliterate';
import { linkHref, mailtoHref, telHref } from '@egov/auth-widgets/rules';
import { readFileSync } from 'node:fs';
import { OID } from './certificates/oids.ts';
import { x509 } from './certificates/x509.ts';
import { TEST_BODIES, type DirectoryId } from './test-pki/bodies.ts';

/** The public CA certificates of the Serbian trusted list (fixtures/real-pki, with SOURCES.md). */
const REAL_PKI = new URL('../fixtures/real-pki/', import.meta.url);

/**
 * The names a body's issuing CAs go by, read from their certificates — the
 * CN and O exactly as each certificate spells them, never typed by hand:
 * a typed "Ministarstvo unutrašnjih poslova" missed the real
 * "Ministarstvo unutrašnjih poslova Republike Srbije", and every real MUP,
 * Pošta, Halcom and E-Smart certificate was hidden as from an unknown CA.
 */
export function issuingCaNames(files: readonly string[]): string[] {
  const names = files.flatMap((file) => {
    const { subjectName } = new x509.X509Certificate(readFileSync(new URL(file, REAL_PKI)));
    return [...subjectName.getField(OID.commonName), ...subjectName.getField(OID.organization)];
  });
  return [...new Set(names)];
}

/**
 * What to do with a locked or forgotten PIN: only the body that issued the
 * certificate can help, and guessing on makes it worse. The same guidance
 * for every body, with its name (in the sentence's case).
 */
function pinUnblock(note?: { en: string; srCyrl: string }): LocalizedText {
  // The body's name stands right under this text (the picker shows it), so the text does not repeat it.
  return {
    en: `If you have entered a wrong PIN more than four times in a row, the token may be locked, and no web site can unlock it. If that happened, or you have forgotten your PIN, contact the certification body that issued your certificate: it tells you how to unblock the token or get a new PIN.${note ? ` ${note.en}` : ''} Have your identity document at hand, and do not try other PINs in the meantime.`,
    'sr-Cyrl': `Ако сте више од четири пута заредом унели погрешан PIN, уређај је можда закључан и ниједан веб-сајт не може да га откључа. Ако се то догодило или сте заборавили PIN, обратите се сертификационом телу које је издало ваш сертификат: оно ће вам рећи како да откључате уређај или добијете нови PIN.${note ? ` ${note.srCyrl}` : ''} Припремите лични документ и у међувремену не покушавајте са другим PIN-овима.`,
  };
}

function withLatin(text: LocalizedText): LocalizedText {
  return { ...text, 'sr-Latn': text['sr-Latn'] ?? cyrillicToLatin(text['sr-Cyrl']) };
}

/** The issuing CA names (and test organizations) of every test body of a directory entry (`TestBody.directoryId`), so test certificates are recognised too. */
function testIssuers(directoryId: DirectoryId): string[] {
  return [...new Set(TEST_BODIES.filter((body) => body.directoryId === directoryId).flatMap((body) => [body.issuingName, body.organization]))];
}

/**
 * The CA directory (`PublicConfig.certificationBodies`): the certification
 * bodies people in Serbia get qualified certificates from, as the picker
 * names them, with their sites, support and what to do with a locked PIN.
 * `instructions` are the pages the portal's user guide links for getting
 * and installing each body's certificate (in https; ITE publishes none).
 * `issuerNames` holds the CN and O of the real bodies' issuing CAs that
 * the trusted list grants qualified status, read from their certificates,
 * and the test PKI's issuing CAs. A ministry checks the contacts and issuer names
 * against each body's published certificates before going live: it is
 * configuration (`certificationBodies`), not code.
 */
export const DEFAULT_CERTIFICATION_BODIES: readonly CertificationBody[] = Object.freeze(
  [
    {
      id: 'mup',
      name: { en: 'Ministry of Interior', 'sr-Cyrl': 'Министарство унутрашњих послова' },
      site: 'https://ca.mup.gov.rs/',
      instructions: 'https://ca.mup.gov.rs/eng.html',
      support: { email: 'ca@mup.gov.rs', url: 'https://ca.mup.gov.rs/' },
      pinUnblock: pinUnblock({ en: 'For the certificate on your identity card, that is the Ministry of Interior.', srCyrl: 'За сертификат на личној карти то је Министарство унутрашњих послова.' }),
      // The trusted list's granted MUP services (sequence 36); the withdrawn 2013 MUPCA Gradjani is not among them.
      issuerNames: [...issuingCaNames(['mup-gradjani-ca-4.cer', 'mup-stranci-ca-4.cer', 'mupca-gradjani-3.cer', 'mupca-sluzbenici-3.cer', 'mupca-stranci.cer']), ...testIssuers('mup')],
    },
    {
      id: 'posta',
      name: { en: 'Public Enterprise "Post of Serbia"', 'sr-Cyrl': 'ЈП „Пошта Србије“' },
      site: 'https://www.ca.posta.rs/',
      instructions: 'https://www.posta.rs/eng/stanovnistvo/usluga.aspx?usluga=e-services/electronic-certificates/qualified-e-signature-certificate&strana=service-description',
      support: { url: 'https://www.ca.posta.rs/' },
      pinUnblock: pinUnblock(),
      issuerNames: [...issuingCaNames(['posta-srbije-ca-1.cer', 'posta-srbije-ca-2.cer']), ...testIssuers('posta')],
    },
    {
      id: 'pks',
      name: { en: 'Serbian Chamber of Commerce', 'sr-Cyrl': 'Привредна комора Србије' },
      site: 'https://www.pks.rs/',
      instructions: 'https://pks.rs/strana/sekcija/usluge-elektronski-sertifikat-procedura-izdavanja',
      support: { url: 'https://www.pks.rs/' },
      pinUnblock: pinUnblock(),
      issuerNames: [...issuingCaNames(['pks-ca-class1.cer', 'pks-ca-class1-kvalifikovani-sertifikati.cer', 'pks-ca-cloud.cer']), ...testIssuers('pks')],
    },
    {
      id: 'halcom',
      name: { en: 'Halcom', 'sr-Cyrl': 'Halcom' },
      site: 'https://www.halcom.rs/',
      instructions: 'https://www.halcom.com/sl_en/qualified-digital-certificate/',
      support: { url: 'https://support.halcom.com/' },
      pinUnblock: pinUnblock(),
      issuerNames: [
        ...issuingCaNames(['halcom-bg-ca-fl-e-signature.cer', 'halcom-bg-ca-fl-e-signature-2.cer', 'halcom-bg-ca-pl-e-signature.cer', 'halcom-bg-ca-pl-e-signature-2.cer']),
        ...testIssuers('halcom'),
      ],
    },
    {
      id: 'esmart',
      name: { en: 'eSMART Systems', 'sr-Cyrl': 'eSMART Systems' },
      site: 'https://essqca.e-smartsys.com/',
      instructions: 'https://www.e-smartsys.com/en/services/Pages/ESS-QCA-Qualified-certificate-for-electronic-signature.aspx',
      support: { email: 'info_qca@e-smartsys.com', url: 'https://essqca.e-smartsys.com/' },
      pinUnblock: pinUnblock(),
      issuerNames: [...issuingCaNames(['ess-iqca1-2019-01.cer', 'ess-iqca1-2019-06.cer', 'ess-iqca1-v3.cer']), ...testIssuers('esmart')],
    },
    {
      id: 'ite',
      name: { en: 'Office for IT and eGovernment', 'sr-Cyrl': 'Канцеларија за информационе технологије и електронску управу' },
      site: 'https://www.ite.gov.rs/',
      support: { url: 'https://www.ite.gov.rs/' },
      pinUnblock: pinUnblock(),
      issuerNames: [...issuingCaNames(['eid-rs-sign.cer']), ...testIssuers('ite')],
    },
    {
      // On the trusted list (granted qualified services), not in the portal guide's list of five.
      id: 'paperless',
      name: { en: 'Paperless', 'sr-Cyrl': 'Paperless' },
      // The trusted list's contacts for Paperless doo Beograd.
      site: 'https://paperless.rs/ca/',
      support: { email: 'ca@paperless.rs', url: 'https://paperless.rs/ca/' },
      pinUnblock: pinUnblock(),
      issuerNames: [...issuingCaNames(['paperless-fl-esignature-ca-1.cer', 'paperless-pl-esignature-ca-1.cer', 'paperless-gov-esignature-ca-1.cer']), ...testIssuers('paperless')],
    },
  ].map((entry): CertificationBody => ({ ...entry, name: withLatin(entry.name), pinUnblock: withLatin(entry.pinUnblock) })),
);

/** Checks a configured CA directory (unique ids, https sites, some support contact that is a link) and derives the Latin texts. */
export function checkCertificationBodies(bodies: readonly CertificationBody[]): CertificationBody[] {
  const ids = new Set<string>();
  return bodies.map((body) => {
    if (!/^[a-z][a-z0-9_-]{0,39}$/.test(body.id) || ids.has(body.id)) throw new RangeError(`certification body id ${JSON.stringify(body.id)} is invalid or repeated`);
    ids.add(body.id);
    let site: URL;
    try {
      site = new URL(body.site);
    } catch {
      throw new RangeError(`certification body ${body.id}: site is not a URL`);
    }
    if (site.protocol !== 'https:') throw new RangeError(`certification body ${body.id}: site must be https`);
    if (body.instructions !== undefined && !linkHref(body.instructions)?.startsWith('https:')) {
      throw new RangeError(`certification body ${body.id}: the instructions must be an https URL`);
    }
    if (!body.support.email && !body.support.phone && !body.support.url) throw new RangeError(`certification body ${body.id}: a support contact is needed`);
    // The widgets show a contact they would not link (the shared rules) as text; a directory is fixed here instead.
    if (body.support.url !== undefined && !linkHref(body.support.url)?.startsWith('https:')) {
      throw new RangeError(`certification body ${body.id}: the support url must be https`);
    }
    if (body.support.email !== undefined && !mailtoHref(body.support.email)) {
      throw new RangeError(`certification body ${body.id}: the support e-mail must be one plain address`);
    }
    if (body.support.phone !== undefined && !telHref(body.support.phone)) {
      throw new RangeError(`certification body ${body.id}: the support phone must be a phone number`);
    }
    return {
      ...body,
      name: withLatin(body.name),
      pinUnblock: withLatin(body.pinUnblock),
      support: { ...body.support },
      issuerNames: [...body.issuerNames],
    };
  });
}
