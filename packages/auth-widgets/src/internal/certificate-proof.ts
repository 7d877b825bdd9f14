import { AgentError } from '../agent/certificate-agent.js';
import { CERTIFICATE_PROOF_FORMAT, certificateSignedData, type CertificateChallenge, type CertificateProof } from '../client/contract.js';
import type { EgovCertificatePicker } from '../components/certificate-picker/egov-certificate-picker.js';
import { toBase64 } from './base64.js';

/**
 * Signs the backend's challenge with the certificate chosen in the picker
 * (the agent asks for the PIN) and packs the proof the backend verifies.
 * Resolves to undefined when the card or the agent failed: the picker
 * already shows why. Certificate code: the forms load it when a
 * certificate is chosen, never on the password path.
 */
export async function proveWithCertificate(picker: EgovCertificatePicker, challenge: CertificateChallenge): Promise<CertificateProof | undefined> {
  let signed: Awaited<ReturnType<EgovCertificatePicker['sign']>>;
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
