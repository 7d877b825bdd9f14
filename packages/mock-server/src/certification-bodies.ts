import type { CertificationBody, CertificationBodyIssuer } from '@egov/auth-widgets/contract';
import { linkHref, mailtoHref, telHref } from '@egov/auth-widgets/rules';
import { localized, withLatin } from './messages/index.ts';
import type { ServerTexts } from './messages/server-texts.ts';
import { x509 } from './x509.ts';
import type { ListedDirectory, ListedProvider } from './ca-directory/directory.ts';
import { LISTED_DIRECTORY } from './ca-directory/directory.generated.ts';
import { issuerOf } from './ca-directory/directory.ts';

/**
 * What the trusted list does not say about a provider, by its VAT number:
 * the directory id, the name in Cyrillic (written so that it transliterates
 * to the list's own Serbian Latin name — a test holds them together), the
 * portal guide's https pages, and a note on PIN unblocking. A provider the
 * list adds must be added here (the tests name it).
 */
export const PROVIDER_DETAILS: Readonly<
  Record<string, { id: string; srCyrl: string; site?: string; instructions?: string; supportUrl?: string; pinNote?: keyof ServerTexts['pinNotes'] }>
> = Object.freeze({
  'VATRS-100184116': {
    id: 'mup',
    srCyrl: 'МУП Републике Србије',
    site: 'https://ca.mup.gov.rs/',
    instructions: 'https://ca.mup.gov.rs/eng.html',
    // The same guidance for every body (messages/), with the body's own note where it has one.
    pinNote: 'mup',
  },
  'VATRS-100002803': {
    id: 'posta',
    srCyrl: 'Пошта Србије д.о.о.',
    site: 'https://www.ca.posta.rs/',
    instructions: 'https://www.posta.rs/eng/stanovnistvo/usluga.aspx?usluga=e-services/electronic-certificates/qualified-e-signature-certificate&strana=service-description',
  },
  'VATRS-100296837': {
    id: 'pks',
    srCyrl: 'Привредна комора Србије',
    site: 'https://www.pks.rs/',
    instructions: 'https://pks.rs/strana/sekcija/usluge-elektronski-sertifikat-procedura-izdavanja',
  },
  // The list's information URI is Halcom's Slovenian site; the Serbian company's is halcom.rs.
  'VATRS-102193722': {
    id: 'halcom',
    srCyrl: 'Привредно друштво Halcom а.д. Београд',
    site: 'https://www.halcom.rs/',
    instructions: 'https://www.halcom.com/sl_en/qualified-digital-certificate/',
    supportUrl: 'https://support.halcom.com/',
  },
  'VATRS-101833141': {
    id: 'esmart',
    srCyrl: 'E-Smart Systems д.о.о.',
    site: 'https://essqca.e-smartsys.com/',
    instructions: 'https://www.e-smartsys.com/en/services/Pages/ESS-QCA-Qualified-certificate-for-electronic-signature.aspx',
  },
  'VATRS-110177886': { id: 'ite', srCyrl: 'Канцеларија за информационе технологије и електронску управу', site: 'https://www.ite.gov.rs/' },
  'VATRS-108709130': { id: 'paperless', srCyrl: 'Paperless доо Београд' },
  'VATRS-102116082': { id: 'mod', srCyrl: 'Министарство одбране и Војска Србије' },
  'VATRS-100002887': { id: 'mts', srCyrl: 'Предузеће за телекомуникације Телеком Србија а.д.' },
});

/** An https URL of the list's information URI (the directory links only https), or null. */
function httpsOf(uri: string | undefined): string | null {
  if (!uri) return null;
  const url = new URL(uri);
  url.protocol = 'https:';
  return url.href;
}

/** The names a certificate's issuer DN string shows (CN and O), for Peculiar's DN filter. */
function issuerNamesOf(issuers: readonly CertificationBodyIssuer[]): string[] {
  const names = issuers.flatMap((issuer) => {
    const name = new x509.Name(Buffer.from(issuer.subject, 'base64'));
    return [...name.getField('2.5.4.3'), ...name.getField('2.5.4.10')];
  });
  return [...new Set(names)];
}

/** One directory entry from a listed provider and the kit's details for it. */
function bodyOf(provider: ListedProvider): CertificationBody {
  const details = PROVIDER_DETAILS[provider.vat];
  if (!details) throw new Error(`the trusted list's provider ${provider.name.en} (${provider.vat}) has no entry in PROVIDER_DETAILS`);
  const site = details.site ?? httpsOf(provider.uri);
  if (!site) throw new Error(`${provider.vat}: no site`);
  const issuers = provider.issuers.map(({ name, subject, keyIdentifier }) => ({ name, subject, ...(keyIdentifier && { keyIdentifier }) }));
  return {
    id: details.id,
    name: withLatin({ en: provider.name.en, 'sr-Cyrl': details.srCyrl }),
    site,
    ...(details.instructions && { instructions: details.instructions }),
    support: { ...(provider.email && { email: provider.email }), ...(provider.phone && { phone: provider.phone }), url: details.supportUrl ?? site },
    pinUnblock: localized((t) => t.pinUnblock(details.pinNote && t.pinNotes[details.pinNote])),
    issuers,
    issuerNames: issuerNamesOf(issuers),
  };
}

/** The CA directory of a trusted list's facts (directory.ts). */
export function certificationBodiesOf(directory: ListedDirectory): CertificationBody[] {
  // In the order of PROVIDER_DETAILS (the portal guide's, MUP first), not the list's.
  const order = Object.keys(PROVIDER_DETAILS);
  const rank = (provider: ListedProvider) => (order.includes(provider.vat) ? order.indexOf(provider.vat) : order.length);
  return [...directory.providers].sort((a, b) => rank(a) - rank(b)).map(bodyOf);
}

/**
 * The CA directory (`PublicConfig.certificationBodies`): every certification
 * body the Serbian trusted list grants a qualified service for
 * e-signatures, as the picker names it — the list's names (Cyrillic
 * alongside), e-mail and issuing CAs (matched by their certificates:
 * subject and key identifier, never by a typed name), with the portal
 * guide's pages and what to do with a locked PIN. Regenerated from a newer
 * list with `generate:ca-directory`; a ministry may configure its own
 * (`certificationBodies`).
 */
export const DEFAULT_CERTIFICATION_BODIES: readonly CertificationBody[] = Object.freeze(certificationBodiesOf(LISTED_DIRECTORY));

/**
 * The directory with the test PKI's issuing CAs added to the entries they
 * imitate (`directoryId`), so test certificates are recognised in
 * development exactly as real ones are: by their CA's subject and key.
 */
export function withTestIssuers(bodies: readonly CertificationBody[], testCas: readonly { directoryId: string; certificate: x509.X509Certificate }[]): CertificationBody[] {
  return bodies.map((body) => {
    const added = testCas.filter((ca) => ca.directoryId === body.id).map(({ certificate }) => {
      const { service: _service, ...issuer } = issuerOf(certificate);
      return issuer;
    });
    if (added.length === 0) return body;
    const issuers = [...(body.issuers ?? []), ...added];
    return { ...body, issuers, issuerNames: [...new Set([...body.issuerNames, ...issuerNamesOf(added)])] };
  });
}

/** One configured issuing CA: a subject that is a DER name, a hex key identifier. */
function checkIssuer(id: string, issuer: CertificationBodyIssuer): CertificationBodyIssuer {
  try {
    new x509.Name(Buffer.from(issuer.subject, 'base64'));
  } catch {
    throw new RangeError(`certification body ${id}: issuer ${JSON.stringify(issuer.name)} has a subject that is not a base64 DER name`);
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(issuer.subject)) throw new RangeError(`certification body ${id}: issuer ${JSON.stringify(issuer.name)}: the subject is not base64`);
  if (issuer.keyIdentifier !== undefined && !/^([0-9a-f]{2})+$/.test(issuer.keyIdentifier)) {
    throw new RangeError(`certification body ${id}: issuer ${JSON.stringify(issuer.name)}: the key identifier must be lower-case hex`);
  }
  if (!issuer.name.trim()) throw new RangeError(`certification body ${id}: an issuer without a name`);
  return { name: issuer.name, subject: issuer.subject, ...(issuer.keyIdentifier !== undefined && { keyIdentifier: issuer.keyIdentifier }) };
}

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
    const issuers = body.issuers?.map((issuer) => checkIssuer(body.id, issuer));
    if (!issuers?.length && body.issuerNames.length === 0) throw new RangeError(`certification body ${body.id}: give its issuing CAs (issuers) or at least issuerNames`);
    return {
      ...body,
      name: withLatin(body.name),
      pinUnblock: withLatin(body.pinUnblock),
      support: { ...body.support },
      ...(issuers && { issuers }),
      issuerNames: [...new Set([...body.issuerNames, ...(issuers ? issuerNamesOf(issuers) : [])])],
    };
  });
}
