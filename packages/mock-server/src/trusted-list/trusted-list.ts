/**
 * Reader for an ETSI TS 119 612 trusted list — made for the Serbian list
 * (`TSL-RS.xml`, docs/real-pki-facts.md §1). `readTrustedList` parses the XML
 * strictly, verifies its enveloped signature against the configured signer
 * certificate, and only then reads the scheme information and the trust
 * service providers. `qualifiedIssuingCas` picks from the result the CA
 * certificates whose certificates count as qualified: current status
 * granted, service type CA/QC.
 */
import { x509 } from '../x509.ts';
import { TrustedListError } from './errors.ts';
import { verifyListSignature } from './signature.ts';
import { GRANTED_STATUSES, QC_SERVICE_TYPES, QUALIFICATIONS_NS, TSL_NS, XADES_NS } from './uris.ts';
import { base64Content, child, childElements, documentText, isElement, isEnglish, languageOf, malformed, parseXml, path, requiredPath, text, type XmlElement } from './xml.ts';

export { TrustedListError, type TrustedListErrorCode } from './errors.ts';
export * from './uris.ts';

/** A text the list gives per language; only the languages the Serbian list uses are kept. */
export interface LocalizedText {
  en?: string;
  srLatn?: string;
}

export interface PostalAddress {
  streetAddress?: string;
  locality?: string;
  stateOrProvince?: string;
  postalCode?: string;
  countryName?: string;
}

/**
 * The `KeyUsageBit` names of ETSI TS 119 612 (5.5.9.2). The RFC 5280 order,
 * but spelled as the list's schema spells them (`crlSign`, not `cRLSign`).
 */
export const KEY_USAGE_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'crlSign',
  'encipherOnly',
  'decipherOnly',
] as const;
export type KeyUsageBit = (typeof KEY_USAGE_BITS)[number];

/** One `KeyUsage` criterion: every named bit must have the given value. */
export type KeyUsageCriteria = Partial<Record<KeyUsageBit, boolean>>;

/** A `CriteriaList` of a Qualifications extension. */
export interface QualificationCriteria {
  assert: 'all' | 'atLeastOne' | 'none';
  keyUsage: KeyUsageCriteria[];
  /** Each `PolicySet`: the policy OIDs (as written) that must all be present. */
  policySets: string[][];
  nested: QualificationCriteria[];
  /** True when the list has criteria this reader does not interpret (`otherCriteriaList` or unknown elements). */
  uninterpreted: boolean;
}

/** A `QualificationElement`: qualifiers that apply to the certificates the criteria select. */
export interface Qualification {
  qualifiers: string[];
  criteria: QualificationCriteria;
}

export interface ServiceHistoryEntry {
  type: string;
  status: string;
  statusStartingTime: Date;
}

export interface TrustService {
  /** `ServiceTypeIdentifier` (a URI; the Serbian list uses its own, see uris.ts). */
  type: string;
  /** `ServiceStatus` (a URI). */
  status: string;
  statusStartingTime: Date;
  name: LocalizedText;
  /** Every `ServiceDigitalIdentity/DigitalId/X509Certificate`. */
  certificates: x509.X509Certificate[];
  /** `X509SubjectName` as written in the list. */
  subjectName?: string;
  /** `X509SKI`, as lower-case hex. */
  subjectKeyIdentifier?: string;
  /** The current status is granted (Serbian or ETSI URI). */
  granted: boolean;
  /** The service type is CA/QC: a CA issuing qualified certificates (Serbian or ETSI URI). */
  qualifiedCertificates: boolean;
  /** The Qualifications extension, one entry per `QualificationElement`. */
  qualifications: Qualification[];
  /** Every qualifier URI of the Qualifications extension. */
  qualifiers: string[];
  /**
   * The key usage that makes a certificate of this service qualified, when
   * every QualificationElement has one and the same plain key-usage criterion
   * (as all of the Serbian list's do: nonRepudiation = true). Absent when the
   * service has no Qualifications or other criteria: read `qualifications`.
   */
  keyUsageCriteria?: KeyUsageCriteria;
  /** `AdditionalServiceInformation/URI` values (for e-signatures, e-seals, web-site authentication). */
  additionalServiceInformation: string[];
  /** Critical extensions this reader does not understand (`{namespace}localName`); such a service must not be relied on. */
  unrecognizedCriticalExtensions: string[];
  /** `ServiceHistory`, newest first as in the list. */
  history: ServiceHistoryEntry[];
}

export interface TrustServiceProvider {
  name: LocalizedText;
  /** `TSPTradeName` names in English (the Serbian list puts the MB:RS-/VATRS- numbers here too). */
  tradeNames: string[];
  address?: { en?: PostalAddress; srLatn?: PostalAddress };
  /** The first `mailto:` electronic address, without the scheme. */
  email?: string;
  /** The first `tel:` electronic address, without the scheme. */
  phone?: string;
  /** `TSPInformationURI`, the English one where there is one. */
  uri?: string;
  services: TrustService[];
}

export interface TrustedList {
  sequenceNumber: number;
  /** `TSLType`. */
  type: string;
  territory: string;
  issuedAt: Date;
  /** `NextUpdate`; `null` for a closed list (NextUpdate without a date). */
  nextUpdate: Date | null;
  /** The scheme operator's name in English. */
  schemeOperator: string;
  providers: TrustServiceProvider[];
}

export interface ReadTrustedListOptions {
  /** The list's signer certificate, configured out of band (the signature must carry exactly it). */
  signer: x509.X509Certificate | Uint8Array;
  /** When given (ms since the epoch), a list whose NextUpdate has passed is refused as `expired`. */
  now?: number;
}

function localized(parent: XmlElement): LocalizedText {
  const result: LocalizedText = {};
  for (const name of childElements(parent, TSL_NS, 'Name')) {
    if (isEnglish(name) && result.en === undefined) result.en = text(name);
    if (languageOf(name) === 'sr-latn' && result.srLatn === undefined) result.srLatn = text(name);
  }
  return result;
}

function requiredText(parent: XmlElement, ...names: string[]): string {
  const value = text(requiredPath(parent, TSL_NS, ...names));
  if (value === '') throw malformed(`empty ${names.join('/')}`);
  return value;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function dateTime(element: XmlElement): Date {
  const value = text(element);
  const time = DATE_TIME.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw malformed(`${element.localName} is not a dateTime with a time zone: ${JSON.stringify(value)}`);
  return new Date(time);
}

function base64Bytes(element: XmlElement): Uint8Array {
  const bytes = base64Content(element);
  if (!bytes) throw malformed(`${element.localName} is not base64`);
  return bytes;
}

function postalAddresses(tspAddress: XmlElement | undefined): TrustServiceProvider['address'] {
  const postal = tspAddress && child(tspAddress, TSL_NS, 'PostalAddresses');
  if (!postal) return undefined;
  const result: NonNullable<TrustServiceProvider['address']> = {};
  for (const address of childElements(postal, TSL_NS, 'PostalAddress')) {
    const field = (name: string): string | undefined => {
      const element = child(address, TSL_NS, name);
      return element ? text(element) : undefined;
    };
    const value: PostalAddress = {
      streetAddress: field('StreetAddress'),
      locality: field('Locality'),
      stateOrProvince: field('StateOrProvince'),
      postalCode: field('PostalCode'),
      countryName: field('CountryName'),
    };
    for (const key of Object.keys(value) as (keyof PostalAddress)[]) if (value[key] === undefined) delete value[key];
    if (isEnglish(address) && !result.en) result.en = value;
    if (languageOf(address) === 'sr-latn' && !result.srLatn) result.srLatn = value;
  }
  return result.en || result.srLatn ? result : undefined;
}

/** The URIs of a multilingual URI list, the English ones first. */
function uris(parent: XmlElement | undefined): string[] {
  const all = childElements(parent, TSL_NS, 'URI');
  const english = all.filter(isEnglish);
  return [...english, ...all.filter((uri) => !english.includes(uri))].map(text);
}

function criteria(list: XmlElement): QualificationCriteria {
  const assert = list.getAttribute('assert') ?? '';
  if (assert !== 'all' && assert !== 'atLeastOne' && assert !== 'none') throw malformed(`CriteriaList assert=${JSON.stringify(assert)}`);
  const result: QualificationCriteria = { assert, keyUsage: [], policySets: [], nested: [], uninterpreted: false };
  for (const element of childElements(list)) {
    if (isElement(element, QUALIFICATIONS_NS, 'KeyUsage')) {
      const usage: KeyUsageCriteria = {};
      for (const bit of childElements(element, QUALIFICATIONS_NS, 'KeyUsageBit')) {
        const name = bit.getAttribute('name') ?? '';
        if (!(KEY_USAGE_BITS as readonly string[]).includes(name)) throw malformed(`unknown KeyUsageBit ${JSON.stringify(name)}`);
        const value = text(bit);
        if (!['true', 'false', '1', '0'].includes(value)) throw malformed(`KeyUsageBit ${name} is not a boolean`);
        usage[name as KeyUsageBit] = value === 'true' || value === '1';
      }
      result.keyUsage.push(usage);
    } else if (isElement(element, QUALIFICATIONS_NS, 'PolicySet')) {
      result.policySets.push(childElements(element, QUALIFICATIONS_NS, 'PolicyIdentifier').map((policy) => text(requiredPath(policy, XADES_NS, 'Identifier'))));
    } else if (isElement(element, QUALIFICATIONS_NS, 'CriteriaList')) {
      result.nested.push(criteria(element));
    } else {
      result.uninterpreted = true;
    }
  }
  return result;
}

function qualificationsOf(extension: XmlElement): Qualification[] {
  return childElements(extension, QUALIFICATIONS_NS, 'QualificationElement').map((element) => ({
    qualifiers: childElements(requiredPath(element, QUALIFICATIONS_NS, 'Qualifiers'), QUALIFICATIONS_NS, 'Qualifier').map((qualifier) => {
      const uri = qualifier.getAttribute('uri');
      if (!uri) throw malformed('a Qualifier without uri');
      return uri;
    }),
    criteria: criteria(requiredPath(element, QUALIFICATIONS_NS, 'CriteriaList')),
  }));
}

/** The single plain key-usage criterion all qualification elements share, if there is one. */
function commonKeyUsage(qualifications: Qualification[]): KeyUsageCriteria | undefined {
  const plain = qualifications.map(({ criteria: c }) =>
    c.assert !== 'none' && c.keyUsage.length === 1 && c.policySets.length === 0 && c.nested.length === 0 && !c.uninterpreted ? c.keyUsage[0]! : undefined,
  );
  const first = plain[0];
  if (!first) return undefined;
  const key = JSON.stringify(Object.entries(first).sort());
  return plain.every((usage) => usage && JSON.stringify(Object.entries(usage).sort()) === key) ? { ...first } : undefined;
}

function service(element: XmlElement): TrustService {
  const information = requiredPath(element, TSL_NS, 'ServiceInformation');
  const type = requiredText(information, 'ServiceTypeIdentifier');
  const status = requiredText(information, 'ServiceStatus');
  const certificates: x509.X509Certificate[] = [];
  let subjectName: string | undefined;
  let subjectKeyIdentifier: string | undefined;
  for (const digitalId of childElements(requiredPath(information, TSL_NS, 'ServiceDigitalIdentity'), TSL_NS, 'DigitalId')) {
    for (const value of childElements(digitalId)) {
      if (isElement(value, TSL_NS, 'X509Certificate')) {
        const der = base64Bytes(value);
        try {
          certificates.push(new x509.X509Certificate(der));
        } catch (error) {
          throw malformed('an X509Certificate of a service is not a certificate', error);
        }
      } else if (isElement(value, TSL_NS, 'X509SubjectName')) {
        subjectName ??= text(value);
      } else if (isElement(value, TSL_NS, 'X509SKI')) {
        subjectKeyIdentifier ??= Buffer.from(base64Bytes(value)).toString('hex');
      }
    }
  }
  const qualifications: Qualification[] = [];
  const additionalServiceInformation: string[] = [];
  const unrecognizedCriticalExtensions: string[] = [];
  for (const extension of childElements(path(information, TSL_NS, 'ServiceInformationExtensions'), TSL_NS, 'Extension')) {
    const critical = ['true', '1'].includes(extension.getAttribute('Critical') ?? '');
    for (const content of childElements(extension)) {
      if (isElement(content, QUALIFICATIONS_NS, 'Qualifications')) qualifications.push(...qualificationsOf(content));
      else if (isElement(content, TSL_NS, 'AdditionalServiceInformation')) additionalServiceInformation.push(requiredText(content, 'URI'));
      else if (critical) unrecognizedCriticalExtensions.push(`{${content.namespaceURI ?? ''}}${content.localName}`);
    }
  }
  const history = childElements(path(element, TSL_NS, 'ServiceHistory'), TSL_NS, 'ServiceHistoryInstance').map((instance) => ({
    type: requiredText(instance, 'ServiceTypeIdentifier'),
    status: requiredText(instance, 'ServiceStatus'),
    statusStartingTime: dateTime(requiredPath(instance, TSL_NS, 'StatusStartingTime')),
  }));
  const keyUsageCriteria = commonKeyUsage(qualifications);
  return {
    type,
    status,
    statusStartingTime: dateTime(requiredPath(information, TSL_NS, 'StatusStartingTime')),
    name: localized(requiredPath(information, TSL_NS, 'ServiceName')),
    certificates,
    ...(subjectName !== undefined && { subjectName }),
    ...(subjectKeyIdentifier !== undefined && { subjectKeyIdentifier }),
    granted: GRANTED_STATUSES.has(status),
    qualifiedCertificates: QC_SERVICE_TYPES.has(type),
    qualifications,
    qualifiers: [...new Set(qualifications.flatMap((qualification) => qualification.qualifiers))],
    ...(keyUsageCriteria && { keyUsageCriteria }),
    additionalServiceInformation,
    unrecognizedCriticalExtensions,
    history,
  };
}

function provider(element: XmlElement): TrustServiceProvider {
  const information = requiredPath(element, TSL_NS, 'TSPInformation');
  const electronic = uris(path(information, TSL_NS, 'TSPAddress', 'ElectronicAddress'));
  const email = electronic.find((uri) => uri.toLowerCase().startsWith('mailto:'))?.slice('mailto:'.length);
  const phone = electronic.find((uri) => uri.toLowerCase().startsWith('tel:'))?.slice('tel:'.length);
  const uri = uris(child(information, TSL_NS, 'TSPInformationURI'))[0];
  const address = postalAddresses(child(information, TSL_NS, 'TSPAddress'));
  const tradeNames = childElements(child(information, TSL_NS, 'TSPTradeName'), TSL_NS, 'Name').filter(isEnglish).map(text);
  return {
    name: localized(requiredPath(information, TSL_NS, 'TSPName')),
    tradeNames,
    ...(address && { address }),
    ...(email !== undefined && { email }),
    ...(phone !== undefined && { phone }),
    ...(uri !== undefined && { uri }),
    services: childElements(path(element, TSL_NS, 'TSPServices'), TSL_NS, 'TSPService').map(service),
  };
}

function signerCertificate(signer: x509.X509Certificate | Uint8Array): x509.X509Certificate {
  if (signer instanceof x509.X509Certificate) return signer;
  try {
    return new x509.X509Certificate(signer);
  } catch (error) {
    throw new TypeError('the configured trusted-list signer is not a DER certificate', { cause: error });
  }
}

/**
 * Reads a trusted list. In order: strict XML parsing and the root element
 * (`malformed`); the enveloped signature and its signer (`signature_invalid`,
 * `signer_mismatch`); the content (`malformed`); NextUpdate against `now`
 * (`expired`). Nothing of the content is read before the signature verified,
 * and all of it is inside what the signature covers.
 */
export function readTrustedListSync(xml: Uint8Array | string, options: ReadTrustedListOptions): TrustedList {
  const signer = signerCertificate(options.signer);
  const source = documentText(xml);
  const doc = parseXml(source);
  const root = doc.documentElement;
  if (!isElement(root, TSL_NS, 'TrustServiceStatusList')) {
    throw malformed(`not a trusted list: the root element is {${root.namespaceURI ?? ''}}${root.localName}`);
  }
  verifyListSignature(source, doc, signer);

  const scheme = requiredPath(root, TSL_NS, 'SchemeInformation');
  const sequence = requiredText(scheme, 'TSLSequenceNumber');
  if (!/^[1-9]\d{0,9}$/.test(sequence)) throw malformed(`TSLSequenceNumber ${JSON.stringify(sequence)}`);
  const schemeOperator = localized(requiredPath(scheme, TSL_NS, 'SchemeOperatorName')).en;
  if (!schemeOperator) throw malformed('SchemeOperatorName has no English name');
  const nextUpdateElement = requiredPath(scheme, TSL_NS, 'NextUpdate');
  const nextUpdateTime = child(nextUpdateElement, TSL_NS, 'dateTime');
  const list: TrustedList = {
    sequenceNumber: Number(sequence),
    type: requiredText(scheme, 'TSLType'),
    territory: requiredText(scheme, 'SchemeTerritory'),
    issuedAt: dateTime(requiredPath(scheme, TSL_NS, 'ListIssueDateTime')),
    nextUpdate: nextUpdateTime ? dateTime(nextUpdateTime) : null,
    schemeOperator,
    providers: childElements(path(root, TSL_NS, 'TrustServiceProviderList'), TSL_NS, 'TrustServiceProvider').map(provider),
  };

  if (options.now !== undefined) {
    if (list.nextUpdate === null) throw new TrustedListError('expired', 'the list is closed (NextUpdate has no date)');
    if (options.now > list.nextUpdate.getTime()) {
      throw new TrustedListError('expired', `NextUpdate ${list.nextUpdate.toISOString()} has passed`);
    }
  }
  return list;
}

/** `readTrustedListSync`, as a promise (a rejection instead of a throw). */
export async function readTrustedList(xml: Uint8Array | string, options: ReadTrustedListOptions): Promise<TrustedList> {
  return readTrustedListSync(xml, options);
}

/** A CA whose certificates are qualified per the list, with what makes one of them qualified. */
export interface QualifiedIssuingCa {
  certificate: x509.X509Certificate;
  provider: LocalizedText;
  /** The provider's name in English, else in Serbian (Latin). */
  providerName: string;
  serviceName: LocalizedText;
  /** Since when the service has been granted. */
  grantedSince: Date;
  /** The key usage a certificate of this CA needs to be qualified (Serbian list: nonRepudiation = true). */
  keyUsageCriteria?: KeyUsageCriteria;
  qualifications: Qualification[];
  qualifiers: string[];
  /** What the CA issues for (ForeSignatures, ForeSeals, ForWebSiteAuthentication). */
  additionalServiceInformation: string[];
}

/**
 * The CA certificates of services whose current status is granted and whose
 * type is CA/QC, one entry per certificate. Services with a critical
 * extension this reader does not understand are left out (ETSI TS 119 612
 * 5.5.9: such a service cannot be relied on).
 */
export function qualifiedIssuingCas(list: TrustedList): QualifiedIssuingCa[] {
  return list.providers.flatMap((tsp) =>
    tsp.services
      .filter((svc) => svc.granted && svc.qualifiedCertificates && svc.unrecognizedCriticalExtensions.length === 0)
      .flatMap((svc) =>
        svc.certificates.map((certificate) => ({
          certificate,
          provider: tsp.name,
          providerName: tsp.name.en ?? tsp.name.srLatn ?? '',
          serviceName: svc.name,
          grantedSince: svc.statusStartingTime,
          ...(svc.keyUsageCriteria && { keyUsageCriteria: svc.keyUsageCriteria }),
          qualifications: svc.qualifications,
          qualifiers: svc.qualifiers,
          additionalServiceInformation: svc.additionalServiceInformation,
        })),
      ),
  );
}
