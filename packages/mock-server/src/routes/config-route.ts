import { API_PATHS } from '@egov/auth-widgets/contract';
import { sendJson } from '../http.ts';
import type { Route } from '../services.ts';

/** `GET /config`: the public policy (PublicConfig) the widgets show before the user types. */
export function configRoute(): Route {
  return {
    path: API_PATHS.config,
    methods: {
      GET: async ({ res, services }) => {
        sendJson(res, 200, services.config);
      },
    },
  };
}
