import { API_PATHS, type PublicConfig } from '@egov/auth-widgets/contract';
import { sendJson } from '../http.ts';
import type { Route } from '../services.ts';

/** `GET /config`: the public policy (PublicConfig) the widgets show before the user types. */
export function configRoute(): Route {
  return {
    path: API_PATHS.config,
    methods: {
      GET: async ({ res, services }) => {
        // The allow-list is known once the trust configuration (or the test PKI) is loaded.
        const qualifiedPolicies = services.certificates ? await services.certificates.qualifiedPolicies() : [];
        const config: PublicConfig = { ...services.config, qualifiedPolicies };
        sendJson(res, 200, config);
      },
    },
  };
}
