import type { DevTestCertificate, DevTestTokensResponse } from '@egov/auth-widgets/contract';
import { testBody } from './bodies.ts';
import { TEST_TOKENS } from './profiles.ts';
import type { TestPki, TestPkiCertificate } from './test-pki.ts';

function base64(data: ArrayBuffer | Uint8Array): string {
  return Buffer.from(data instanceof Uint8Array ? data : new Uint8Array(data)).toString('base64');
}

/**
 * The CA certificates a token carries beside a certificate (the chain the
 * page sends): its issuing CA, but none on a MUP card, which carries no CA
 * certificate (`TestBody.chainOnToken`) — the server knows MUP's issuing
 * CAs as intermediates.
 */
function chainOnToken(entry: TestPkiCertificate): string[] {
  const carried = entry.issuer === 'self' || entry.issuer === 'untrusted' || testBody(entry.issuer).chainOnToken;
  return carried ? entry.chain.map((ca) => base64(ca.rawData)) : [];
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
          chain: chainOnToken(entry),
          ...(entry.privateKey ? { privateKey: base64(entry.privateKey) } : {}),
          keyAlgorithm: { ...entry.keyAlgorithm },
        };
      }),
    })),
  };
}
