import { API_PATHS, LIMITS } from '@egov/auth-widgets/contract';
import { readOptionalJsonBody, sendNoContent } from '../http.ts';
import type { Route } from '../services.ts';
import { BodyValidator } from '../validation.ts';

/** `POST /logout` (CSRF-checked): ends the session server-side and clears the cookie. Body: none or `{}`. */
export function logoutRoute(): Route {
  return {
    path: API_PATHS.logout,
    methods: {
      POST: async ({ req, res, services, session, requestId, clientKey }) => {
        const body = await readOptionalJsonBody(req, LIMITS.jsonBodyMaxBytes);
        if (body !== undefined) new BodyValidator(body, []).finish();
        await services.sessions.destroy(res, session);
        services.log.auth('logout', { email: session?.user?.email, ip: clientKey, requestId });
        sendNoContent(res);
      },
    },
  };
}
