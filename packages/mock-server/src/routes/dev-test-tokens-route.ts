import { API_PATHS } from '@egov/auth-widgets/contract';
import { requireDevToken } from '../dev-access.ts';
import { HttpError, sendJson } from '../http.ts';
import type { Route } from '../services.ts';
import { devTestTokens } from '../test-pki/dev-tokens.ts';

/**
 * `GET /dev/test-tokens` (development only): the test PKI's soft tokens —
 * generated certificates and their TEST private keys — for the in-browser
 * demo agent and the certificate conformance tests. 404 when the test PKI
 * is not in use.
 */
export function devTestTokensRoute(): Route {
  return {
    path: API_PATHS.devTestTokens,
    methods: {
      GET: async (context) => {
        requireDevToken(context);
        const pki = await context.services.certificates?.testPki();
        if (!pki) throw new HttpError(404, 'not_found');
        sendJson(context.res, 200, devTestTokens(pki));
      },
    },
  };
}
