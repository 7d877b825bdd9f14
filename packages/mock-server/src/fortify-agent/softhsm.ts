/**
 * A SoftHSM token made from one of the test PKI's soft tokens: Debian's
 * `softhsm2` initialises it, node-webcrypto-p11 imports the TEST keys and
 * certificates (a certificate and its private key share their CKA_ID, as on
 * a card). The agent then opens it as a real PKCS#11 token
 * (pkcs11-device.ts): the module checks the PIN and signs.
 *
 * SoftHSM reads its configuration (SOFTHSM2_CONF) when the module is
 * loaded, so one process uses one SoftHSM token directory.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { DevTestToken } from '@egov/auth-widgets/contract';
import { x509 } from '../x509.ts';
import { loadNodeWebcryptoP11, type Pkcs11TokenOptions } from './pkcs11-device.ts';
import { certificateKeyId, keyIdOfIndex } from './tokens.ts';

const run = promisify(execFile);

/** The configuration SoftHSM was loaded with in this process (it reads it once). */
let loadedWith: string | undefined;

/** Where Debian, Ubuntu, Fedora and Homebrew put the module; SOFTHSM2_LIB wins. */
const LIBRARY_CANDIDATES = [
  '/usr/lib/softhsm/libsofthsm2.so',
  '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so',
  '/usr/lib64/pkcs11/libsofthsm2.so',
  '/usr/local/lib/softhsm/libsofthsm2.so',
  '/opt/homebrew/lib/softhsm/libsofthsm2.so',
];

export function softHsmLibrary(): string | undefined {
  const configured = process.env['SOFTHSM2_LIB'];
  if (configured) return existsSync(configured) ? configured : undefined;
  return LIBRARY_CANDIDATES.find((candidate) => existsSync(candidate));
}

// PKCS#11 constants for the certificate object (graphene's template names take them as numbers).
const CKO_CERTIFICATE = 1;
const CKC_X_509 = 0;

export interface SoftHsmTokenOptions {
  /** A directory of its own: the configuration and the token files (emptied first). */
  dir: string;
  /** The test PKI token whose certificates and keys go on it (from `GET /dev/test-tokens`). */
  token: DevTestToken;
  /** The token label (at most 32 characters). Default `SoftHSM <token label>`. */
  label?: string;
}

/** Makes a fresh SoftHSM token with the test token's keys and certificates; the agent opens it with `pkcs11Tokens`. */
export async function createSoftHsmToken(options: SoftHsmTokenOptions): Promise<Pkcs11TokenOptions> {
  const library = softHsmLibrary();
  if (!library) {
    throw new Error(
      'SoftHSM is not installed: on Debian or Ubuntu `apt-get install softhsm2` (or set SOFTHSM2_LIB to libsofthsm2.so).',
    );
  }
  const dir = resolve(options.dir);
  const conf = join(dir, 'softhsm2.conf');
  if (loadedWith && loadedWith !== conf) {
    throw new Error(`SoftHSM is already loaded in this process with ${loadedWith}; one process uses one SoftHSM directory`);
  }
  await rm(join(dir, 'tokens'), { recursive: true, force: true });
  await mkdir(join(dir, 'tokens'), { recursive: true });
  await writeFile(conf, `directories.tokendir = ${join(dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = true\n`);
  process.env['SOFTHSM2_CONF'] = conf;

  const label = (options.label ?? `SoftHSM ${options.token.label}`).slice(0, 32);
  const { pin } = options.token;
  try {
    await run('softhsm2-util', ['--init-token', '--free', '--label', label, '--pin', pin, '--so-pin', randomBytes(8).toString('hex')], {
      env: process.env,
    });
  } catch (error) {
    throw new Error(`softhsm2-util could not make the token: ${error instanceof Error ? error.message : String(error)}`);
  }

  const { Crypto } = await loadNodeWebcryptoP11();
  loadedWith = conf;
  const crypto = new Crypto({ library, slot: 0, readWrite: true, name: label });
  try {
    crypto.login(pin);
    const stored = new Set<string>();
    for (const entry of options.token.certificates) {
      const certificate = new x509.X509Certificate(Buffer.from(entry.certificate, 'base64'));
      let id: string;
      if (entry.privateKey) {
        const key = await crypto.subtle.importKey(
          'pkcs8',
          Buffer.from(entry.privateKey, 'base64'),
          { ...entry.keyAlgorithm, token: true, sensitive: true, label: entry.profile } as Parameters<typeof crypto.subtle.importKey>[2],
          false,
          ['sign'],
        );
        // node-webcrypto-p11 names the stored key `private-<handle>-<CKA_ID>`: the certificate gets the same CKA_ID.
        id = keyIdOfIndex((key as unknown as { id: string }).id);
      } else {
        id = certificateKeyId(certificate);
      }
      storeCertificate(crypto, certificate, id, entry.profile);
      stored.add(id);
      // The issuing CA travels on the card too (a chain hint for the page).
      for (const ca of entry.chain) {
        const caCertificate = new x509.X509Certificate(Buffer.from(ca, 'base64'));
        const caId = certificateKeyId(caCertificate);
        if (stored.has(caId)) continue;
        storeCertificate(crypto, caCertificate, caId, 'ca');
        stored.add(caId);
      }
    }
    crypto.logout();
  } finally {
    crypto.close();
  }
  return { id: `${options.token.id}-softhsm`, library, slot: 0, pin, label };
}

function storeCertificate(
  crypto: InstanceType<Awaited<ReturnType<typeof loadNodeWebcryptoP11>>['Crypto']>,
  certificate: x509.X509Certificate,
  id: string,
  label: string,
): void {
  crypto.session.create({
    class: CKO_CERTIFICATE,
    certType: CKC_X_509,
    token: true,
    private: false,
    label,
    id: Buffer.from(id, 'hex'),
    subject: Buffer.from(certificate.subjectName.toArrayBuffer()),
    value: Buffer.from(certificate.rawData),
  });
}
