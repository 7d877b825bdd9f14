import type { DevTestCertificate, DevTestTokensResponse } from '@egov/auth-widgets/contract';
import { TEST_TOKENS } from './profiles.ts';
import type { TestPki } from './test-pki.ts';

function base64(data: ArrayBuffer | Uint8Array): string {
  return Buffer.from(data instanceof Uint8Array ? data : new Uint8Array(data)).toString('base64');
}

/**
 * The soft tokens of the development operation `GET /dev/test-tokens`: the
 * test PKI's certificates with their TEST private keys, grouped as the
 * in-browser demo agent shows them. Test keys only — the PKI is generated
 * and its keys are public.
 */
export function devTestTokens(pki: TestPki): DevTestTokensResponse {
  return {
    tokens: TEST_TOKENS.map((token) => ({
      id: token.id,
      label: token.label,
      pin: token.pin,
      maxPinTries: token.maxPinTries,
      certificates: token.profiles.map((name): DevTestCertificate => {
        const entry = pki.profile(name);
        return {
          id: `${token.id}:${name}`,
          profile: name,
          certificate: base64(entry.certificate.rawData),
          chain: entry.chain.map((ca) => base64(ca.rawData)),
          ...(entry.privateKey ? { privateKey: base64(entry.privateKey) } : {}),
          keyAlgorithm: { ...entry.keyAlgorithm },
        };
      }),
    })),
  };
}
