/**
 * Namespaces and URIs of ETSI TS 119 612 trusted lists, and the Serbian
 * list's own vocabulary. The Serbian list (`TSL-RS.xml`) does not use the
 * ETSI service-type, status and qualifier URIs: it uses its own
 * `http://www.mit.gov.rs/…` ones (docs/real-pki-facts.md §1.3, every value
 * below read from the list). Only the AdditionalServiceInformation URIs and
 * the Qualifications namespace are ETSI's.
 */

/** The list's own namespace (TrustServiceStatusList and everything in it but the extensions below). */
export const TSL_NS = 'http://uri.etsi.org/02231/v2#';
/** The Qualifications extension (ETSI's namespace; the Serbian list uses it as is). */
export const QUALIFICATIONS_NS = 'http://uri.etsi.org/TrstSvc/SvcInfoExt/eSigDir-1999-93-EC-TrustedList/#';
/** XAdES, for `PolicyIdentifier/Identifier` in qualification criteria. */
export const XADES_NS = 'http://uri.etsi.org/01903/v1.3.2#';
export const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** `ServiceTypeIdentifier` of a CA issuing qualified certificates. */
export const SERVICE_TYPE_CA_QC = {
  serbian: 'http://www.mit.gov.rs/TrstSvc/Svctype/CA/QC',
  etsi: 'http://uri.etsi.org/TrstSvc/Svctype/CA/QC',
} as const;

/** The other Serbian service types, as found in the list. */
export const SERBIAN_SERVICE_TYPES = {
  caQc: SERVICE_TYPE_CA_QC.serbian,
  timeStamping: 'http://www.mit.gov.rs/TrstSvc/Svctype/TSA/QTST',
  signatureValidation: 'http://www.mit.gov.rs/TrstSvc/Svctype/QESValidation/Q',
  preservation: 'http://www.mit.gov.rs/TrstSvc/Svctype/PSES/Q',
  registeredDelivery: 'http://www.mit.gov.rs/TrstSvc/Svctype/EDS/Q',
} as const;

/** `ServiceStatus` values. Only `granted` counts; `accredited` appears in the Serbian history only. */
export const SERVICE_STATUS = {
  serbianGranted: 'http://www.mit.gov.rs/TrstSvc/TrustedList/Svcstatus/granted',
  serbianWithdrawn: 'http://www.mit.gov.rs/TrstSvc/TrustedList/Svcstatus/withdrawn',
  serbianAccredited: 'http://www.mit.gov.rs/TrstSvc/TrustedList/Svcstatus/accredited',
  etsiGranted: 'http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted',
  etsiWithdrawn: 'http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/withdrawn',
} as const;

export const QC_SERVICE_TYPES: ReadonlySet<string> = new Set(Object.values(SERVICE_TYPE_CA_QC));
export const GRANTED_STATUSES: ReadonlySet<string> = new Set([SERVICE_STATUS.serbianGranted, SERVICE_STATUS.etsiGranted]);

/** The qualifier URIs the Serbian list uses in its Qualifications extensions. */
export const SERBIAN_QUALIFIERS = {
  qcWithQscd: 'http://www.mit.gov.rs/TrstSvc/TrustedList/SvcInfoExt/QCWithQSCD',
  qcWithSscd: 'http://www.mit.gov.rs/TrstSvc/TrustedList/SvcInfoExt/QCWithSSCD',
  qcQscdManagedOnBehalf: 'http://www.mit.gov.rs/TrstSvc/TrustedList/SvcInfoExt/QCQSCDManagedOnBehalf',
  qcStatement: 'http://www.mit.gov.rs/TrstSvc/TrustedList/SvcInfoExt/QCStatement',
} as const;

/** `AdditionalServiceInformation/URI` values (ETSI's, also in the Serbian list): what a CA/QC service issues for. */
export const ADDITIONAL_SERVICE_INFORMATION = {
  forESignatures: 'http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForeSignatures',
  forESeals: 'http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForeSeals',
  forWebSiteAuthentication: 'http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForWebSiteAuthentication',
} as const;

/** Transforms a Reference may use and still cover the whole list (no XPath or XSLT filtering). */
export const WHOLE_DOCUMENT_TRANSFORMS: ReadonlySet<string> = new Set([
  'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  'http://www.w3.org/2001/10/xml-exc-c14n#',
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
]);

/** Signature methods accepted on a list (the Serbian list uses RSA-SHA512); SHA-1 is not. */
export const ACCEPTED_SIGNATURE_METHODS: ReadonlySet<string> = new Set([
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
  'http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1',
]);

/** Reference digest methods accepted (the Serbian list uses SHA-512). */
export const ACCEPTED_DIGEST_METHODS: ReadonlySet<string> = new Set(['http://www.w3.org/2001/04/xmlenc#sha256', 'http://www.w3.org/2001/04/xmlenc#sha512']);
