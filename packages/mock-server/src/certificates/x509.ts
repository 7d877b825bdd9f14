/**
 * @peculiar/x509, ready for Node 20. Its dependency injection (tsyringe)
 * needs the Reflect metadata API before it loads, and it must be told to use
 * Node's WebCrypto. Every module of the server takes x509 from here, so the
 * order is right wherever the first import happens.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(globalThis.crypto);

export { x509 };
