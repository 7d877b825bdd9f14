/**
 * The trusted list's enveloped XML signature (XMLDSig; in the Serbian list
 * RSA-SHA512 over exclusive c14n, with XAdES signed properties), checked with
 * xml-crypto against a signer certificate configured out of band: the list's
 * signer is self-signed and chains to nothing, so only pinning it means
 * anything.
 */
import { SignedXml } from 'xml-crypto';
import { x509 } from '../x509.ts';
import { toPem } from '../pem.ts';
import { TrustedListError } from './errors.ts';
import { ACCEPTED_DIGEST_METHODS, ACCEPTED_SIGNATURE_METHODS, WHOLE_DOCUMENT_TRANSFORMS, XMLDSIG_NS } from './uris.ts';
import { base64Content, childElements, type ParsedXml, type XmlElement } from './xml.ts';

function invalid(message: string, cause?: unknown): TrustedListError {
  return new TrustedListError('signature_invalid', message, cause === undefined ? undefined : { cause });
}

function mismatch(message: string): TrustedListError {
  return new TrustedListError('signer_mismatch', message);
}

/** The DER of every `KeyInfo/X509Data/X509Certificate` of the signature. */
function keyInfoCertificates(signature: XmlElement): Uint8Array[] {
  const certificates: Uint8Array[] = [];
  for (const keyInfo of childElements(signature, XMLDSIG_NS, 'KeyInfo')) {
    for (const data of childElements(keyInfo, XMLDSIG_NS, 'X509Data')) {
      for (const certificate of childElements(data, XMLDSIG_NS, 'X509Certificate')) {
        const der = base64Content(certificate);
        if (!der) throw mismatch('the signature carries an unreadable certificate');
        certificates.push(der);
      }
    }
  }
  return certificates;
}

/**
 * Verifies that `doc` (parsed from `xml`) carries exactly one XML signature,
 * enveloped in the root element, that its KeyInfo certificate is `signer`
 * (byte for byte), that it uses SHA-256/512 only, that every Reference digest
 * and the signature value verify with `signer`'s key, and that one Reference
 * covers the whole document
 * (`URI=""` or the root's Id, with only the enveloped-signature and c14n
 * transforms). Throws a TrustedListError otherwise.
 */
export function verifyListSignature(xml: string, doc: ParsedXml, signer: x509.X509Certificate): void {
  const root = doc.documentElement;
  const signatures = Array.from(doc.getElementsByTagNameNS(XMLDSIG_NS, 'Signature'));
  if (signatures.length === 0) throw invalid('the list is not signed (no ds:Signature)');
  if (signatures.length > 1) throw invalid(`the list carries ${signatures.length} ds:Signature elements, expected one`);
  const signature = signatures[0]!;
  if (signature.parentNode !== root) throw invalid('the signature is not enveloped in the list (not a child of the root element)');

  const carried = keyInfoCertificates(signature);
  if (carried.length !== 1) throw mismatch(`the signature carries ${carried.length} certificates in KeyInfo, expected exactly the configured signer`);
  if (!Buffer.from(carried[0]!).equals(Buffer.from(signer.rawData))) {
    throw mismatch('the certificate in the signature is not the configured trusted-list signer');
  }

  // The key comes from the configured certificate only; KeyInfo was compared above and is not trusted for the key.
  const verifier = new SignedXml({ publicCert: toPem(signer.rawData, 'CERTIFICATE'), getCertFromKeyInfo: () => null });
  let valid: boolean;
  try {
    verifier.loadSignature(signature);
    if (!ACCEPTED_SIGNATURE_METHODS.has(verifier.signatureAlgorithm ?? '')) throw new Error(`signature method ${verifier.signatureAlgorithm} is not accepted`);
    valid = verifier.checkSignature(xml);
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : 'the signature does not verify', error);
  }
  if (!valid) {
    const failed = verifier.getReferences().find((reference) => reference.validationError);
    throw invalid(failed?.validationError?.message ?? 'a reference digest does not match the list');
  }

  const weak = verifier.getReferences().find((reference) => !ACCEPTED_DIGEST_METHODS.has(reference.digestAlgorithm));
  if (weak) throw invalid(`digest method ${weak.digestAlgorithm} is not accepted`);

  const rootId = root.getAttribute('Id');
  const coversAll = verifier
    .getReferences()
    .some((reference) => (reference.uri === '' || (rootId !== null && rootId !== '' && reference.uri === `#${rootId}`)) && reference.transforms.every((transform) => WHOLE_DOCUMENT_TRANSFORMS.has(transform)));
  if (!coversAll) throw invalid('the signature does not cover the whole list (no Reference to URI="" or the root Id)');
}
