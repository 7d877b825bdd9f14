/**
 * Signing with a certificate chosen in `<peculiar-fortify-certificates>`.
 * That element connects to Fortify with its own copy of
 * `@webcrypto-local/client` and, on `selectionSuccess`, hands over its
 * connected SocketProvider with the ids of the token (provider), the
 * certificate and the private key. From there the kit does what the
 * FortifyAgent does for its own picker: export the certificate, log the
 * token in (Fortify asks for the PIN in its own window), sign, and log the
 * token out whatever happened (SECURITY.md 38), with the same error mapping.
 *
 * Only the part of the client API used here is required, so a test can
 * stand in for Fortify with a small WebCrypto-backed provider.
 */
import type { SignatureAlgorithm } from '../client/contract.js';
import { issuerChain, parseCertificate, signatureAlgorithmFor, webCryptoParams, type ParsedCertificate } from '../certificates/x509.js';
import { AgentError, type SignResult } from './certificate-agent.js';
import { keyIdOf } from './fortify-agent.js';
import { toAgentError, type FortifyStep } from './fortify-errors.js';
import type { SocketCrypto } from './webcrypto-socket.js';

/** The token API used here: a subset of the client's SocketCrypto. */
export type SelectionCrypto = Pick<SocketCrypto, 'login' | 'logout' | 'isLoggedIn' | 'keyStorage' | 'subtle'> & {
  certStorage: Pick<SocketCrypto['certStorage'], 'keys' | 'getItem' | 'exportCert'>;
};

/** The provider API used here: a subset of the client's SocketProvider. */
export interface SelectionProvider {
  getCrypto(providerId: string): Promise<SelectionCrypto>;
}

/** The `selectionSuccess` detail of `<peculiar-fortify-certificates>`. */
export interface SocketSelectionDetail {
  certificateId: string;
  providerId: string;
  /** Present when the element was told `onlyWithPrivateKey`. */
  privateKeyId?: string;
  socketProvider: SelectionProvider;
}

/** A chosen certificate, read from the token, ready to sign with. */
export interface SocketSelection extends SocketSelectionDetail {
  /** DER. */
  certificate: Uint8Array;
  /** Intermediates found on the same token, nearest first (a hint for the backend). */
  chain: Uint8Array[];
  /** `undefined` for a key type the kit does not sign with. */
  algorithm: SignatureAlgorithm | undefined;
}

async function exportDer(crypto: SelectionCrypto, certificateId: string): Promise<Uint8Array> {
  const item = await crypto.certStorage.getItem(certificateId);
  return new Uint8Array(await crypto.certStorage.exportCert('raw', item));
}

/** The token's other certificates that issue `leaf`; none when they cannot be read (only a hint). */
async function chainOnToken(crypto: SelectionCrypto, leaf: ParsedCertificate, certificateId: string): Promise<Uint8Array[]> {
  try {
    const ids = (await crypto.certStorage.keys()).filter((id) => id.startsWith('x509-') && id !== certificateId);
    const pool: ParsedCertificate[] = [];
    for (const id of ids) {
      try {
        pool.push(parseCertificate(await exportDer(crypto, id)));
      } catch {
        // One unreadable item does not spoil the others.
      }
    }
    return issuerChain(leaf, pool).map((c) => c.der);
  } catch {
    return [];
  }
}

/** Exports the chosen certificate (and the intermediates beside it). Throws AgentError. */
export async function readSocketSelection(detail: SocketSelectionDetail): Promise<SocketSelection> {
  try {
    const crypto = await detail.socketProvider.getCrypto(detail.providerId);
    const leaf = parseCertificate(await exportDer(crypto, detail.certificateId));
    return {
      ...detail,
      certificate: leaf.der,
      chain: await chainOnToken(crypto, leaf, detail.certificateId),
      algorithm: signatureAlgorithmFor(leaf.publicKey),
    };
  } catch (error) {
    throw toAgentError(error, 'list');
  }
}

/**
 * Signs `data` with the selection's private key. Fortify asks for the PIN
 * when the token is not logged in yet. The token is logged out afterwards,
 * success or failure. Throws AgentError.
 */
export async function signWithSocketSelection(selection: SocketSelection, data: Uint8Array): Promise<SignResult> {
  const { socketProvider: provider, providerId } = selection;
  let crypto: SelectionCrypto | undefined;
  let step: FortifyStep = 'login';
  try {
    const algorithm = selection.algorithm;
    if (!algorithm) throw new AgentError('sign_failed', {}, 'Fortify: the certificate has a key type the kit does not sign with');
    crypto = await provider.getCrypto(providerId);
    if (!(await crypto.isLoggedIn())) await crypto.login();
    step = 'sign';
    const keyId =
      selection.privateKeyId ??
      (await crypto.keyStorage.keys()).find((id) => id.startsWith('private-') && keyIdOf(id) === keyIdOf(selection.certificateId));
    if (!keyId) throw new AgentError('sign_failed', {}, 'Fortify: the token has no private key for this certificate');
    const params = webCryptoParams(algorithm);
    const key = await crypto.keyStorage.getItem(keyId, params.key, false, ['sign']);
    const signature = await crypto.subtle.sign(params.sign, key, new Uint8Array(data));
    return { signature: new Uint8Array(signature), algorithm };
  } catch (error) {
    throw toAgentError(error, step);
  } finally {
    await logoutQuietly(provider, providerId, crypto);
  }
}

/** A token already gone or a closed socket leaves nothing logged in: failures here are not reported. */
async function logoutQuietly(provider: SelectionProvider, providerId: string, crypto: SelectionCrypto | undefined): Promise<void> {
  try {
    await (crypto ?? (await provider.getCrypto(providerId))).logout();
  } catch {
    // See above.
  }
}
