/**
 * A throw-away self-signed TLS certificate for the test agent's HTTPS/WSS
 * listener on 127.0.0.1. Test browsers accept it with
 * `--ignore-certificate-errors` (or Playwright's `ignoreHTTPSErrors`); it is
 * made fresh on every start and never written to disk.
 */
import { randomBytes, type webcrypto } from 'node:crypto';
import { x509 } from '../x509.ts';

export interface TlsMaterial {
  key: string;
  cert: string;
}

function pem(label: string, der: ArrayBuffer): string {
  const body = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

export async function selfSignedTls(host: string): Promise<TlsMaterial> {
  const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const now = Date.now();
  const ipHost = /^[\d.]+$/.test(host) || host.includes(':');
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomBytes(8).toString('hex').replace(/^[89a-f]/, '1'),
    name: 'CN=eGov Fortify test agent (TEST ONLY)',
    keys,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 30 * 24 * 3_600_000),
    extensions: [
      new x509.SubjectAlternativeNameExtension([
        { type: 'ip', value: '127.0.0.1' },
        { type: 'dns', value: 'localhost' },
        ...(ipHost && host !== '127.0.0.1' ? [{ type: 'ip' as const, value: host }] : []),
        ...(!ipHost && host !== 'localhost' ? [{ type: 'dns' as const, value: host }] : []),
      ]),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    ],
  });
  return { key: pem('PRIVATE KEY', await crypto.subtle.exportKey('pkcs8', keys.privateKey)), cert: certificate.toString('pem') };
}
