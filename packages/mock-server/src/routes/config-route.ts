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
        const list = services.certificates?.config.trustedList;
        const config: PublicConfig = {
          ...services.config,
          qualifiedPolicies,
          // In development the test PKI's issuing CAs join the entries they imitate, matched by subject and key like real ones.
          certificationBodies: services.certificates ? await services.certificates.directory(services.config.certificationBodies) : services.config.certificationBodies,
          ...(services.certificates?.config.authenticationCertificates && { authenticationCertificates: true }),
          ...(list && {
            trustedList: {
              sequenceNumber: list.sequenceNumber,
              territory: list.territory,
              issuedAt: list.issuedAt.toISOString(),
              nextUpdate: list.nextUpdate?.toISOString() ?? null,
            },
          }),
        };
        sendJson(res, 200, config);
      },
    },
  };
}
