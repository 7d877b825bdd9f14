import { AgentError } from '../agent/certificate-agent.js';
import { CERTIFICATE_PROOF_FORMAT, certificateSignedData, type CertificateChallenge, type CertificateProof, type SignatureAlgorithm } from '../client/contract.js';
import { toBase64 } from '../certificates/base64.js';

/** What signing with the chosen certificate gives: the certificate, the chain the card holds, the signature and how it was made. */
export interface CertificateSignature {
  certificate: Uint8Array;
  chain: Uint8Array[];
  signature: Uint8Array;
  algorithm: SignatureAlgorithm;
}

/** Whatever signs with the chosen certificate (the picker): the forms need no more of it. */
export interface CertificateSigner {
  sign(data: Uint8Array): Promise<CertificateSignature>;
}

/**
 * Signs the backend's challenge with the certificate chosen in the picker
 * (the agent asks for the PIN) and packs the proof the backend verifies.
 * Resolves to undefined when the card or the agent failed: the picker
 * already shows why. Certificate code: the forms load it when a
 * certificate is chosen, never on the password path.
 */
export async function proveWithCertificate(picker: CertificateSigner, challenge: CertificateChallenge): Promise<CertificateProof | undefined> {
  let signed: CertificateSignature;
  try {
    signed = await picker.sign(await certificateSignedData(challenge.origin, challenge.nonce));
  } catch (error) {
    if (error instanceof AgentError) return undefined;
    throw error;
  }
  return {
    format: CERTIFICATE_PROOF_FORMAT,
    certificate: toBase64(signed.certificate),
    chain: signed.chain.map(toBase64),
    algorithm: signed.algorithm,
    signature: toBase64(signed.signature),
    nonce: challenge.nonce,
  };
}
