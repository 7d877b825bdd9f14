/**
 * The Serbian trusted list shipped with the kit (fixtures/real-pki, provenance
 * in SOURCES.md there) and the signer certificate it must carry. The signer
 * is self-signed and chains to nothing: this file is the out-of-band pin.
 * A deployment replaces both when the ministry publishes a new list (its
 * NextUpdate passes every six months).
 */
export const BUNDLED_TRUSTED_LIST = Object.freeze({
  list: new URL('../../fixtures/real-pki/TSL-RS.xml', import.meta.url),
  signer: new URL('../../fixtures/real-pki/tsl-signer-serbian-trusted-list-signer-1.cer', import.meta.url),
});
