/** Reading certificates for the picker: description, CA directory, personal number. */
export {
  describeCertificate,
  HIDDEN_REASONS,
  shortSerialNumber,
  type CertificateDescription,
  type CertificatePurpose,
  type DescribeOptions,
  type HiddenReason,
} from './describe-certificate.js';
export { findCertificationBody, issuerDisplayName, localizedText, type CertificateIssuerInfo } from './certification-body.js';
export { isValidJmbg, personalNumberOf, type PersonalNumberResult } from '../client/rules.js';
export {
  issuerChain,
  KEY_USAGES,
  nameValues,
  OID,
  parseCertificate,
  signatureAlgorithmFor,
  webCryptoParams,
  type KeyUsage,
  type NameAttribute,
  type ParsedCertificate,
  type PublicKeyInfo,
} from './x509.js';
export { CertificateParseError } from './der.js';
