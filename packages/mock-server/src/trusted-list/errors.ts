/**
 * Why a trusted list was refused:
 * - `malformed`: not well-formed XML, not a TrustServiceStatusList, or a
 *   required field missing or unreadable;
 * - `signature_invalid`: no enveloped signature, more than one, a digest or
 *   signature value that does not verify, or a signature that does not cover
 *   the whole list;
 * - `signer_mismatch`: the certificate in the signature's KeyInfo is not the
 *   configured signer;
 * - `expired`: `now` is after NextUpdate (or the list is closed).
 */
export type TrustedListErrorCode = 'malformed' | 'signature_invalid' | 'signer_mismatch' | 'expired';

export class TrustedListError extends Error {
  readonly code: TrustedListErrorCode;

  constructor(code: TrustedListErrorCode, message: string, options?: { cause?: unknown }) {
    super(`trusted list ${code.replace('_', ' ')}: ${message}`, options);
    this.name = 'TrustedListError';
    this.code = code;
  }
}
