/**
 * @peculiar/x509, ready for Node 20. Its dependency injection (tsyringe)
 * needs the Reflect metadata API before it loads, and it must be told to use
 * Node's WebCrypto. Every module of the server takes x509 from here, so the
 * order is right wherever the first import happens.
 */
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(globalThis.crypto);

export { x509 };

/** Two names are the same when their DER is (RFC 5280's comparison, without case folding). */
export function sameName(a: x509.Name, b: x509.Name): boolean {
  return Buffer.from(a.toArrayBuffer()).equals(Buffer.from(b.toArrayBuffer()));
}

/** A certificate's SHA-256 fingerprint, hex: how the path builder and the revocation lists tell certificates apart. */
export function fingerprint(certificate: x509.X509Certificate): string {
  return createHash('sha256').update(Buffer.from(certificate.rawData)).digest('hex');
}
