import { API_PATHS, type SessionResponse } from '@egov/auth-widgets/contract';
import { sendJson } from '../http.ts';
import type { Route } from '../services.ts';

/**
 * `GET /session`: who is logged in, and this session's CSRF token (a
 * pre-login session is created if needed, counted per client address).
 */
export function sessionRoute(onSessionCreated: () => Promise<void>): Route {
  return {
    path: API_PATHS.session,
    methods: {
      GET: async ({ res, services, session, clientKey, clientIsLoopback, requestId }) => {
        let current = session;
        if (!current) {
          // Each new session is a row: counted per client address (429 past the limit).
          await services.requestLimits.countClient('session', { clientKey, clientIsLoopback, requestId });
          current = await services.sessions.createAnonymous(res);
          await onSessionCreated();
        }
        const body: SessionResponse = current.user
          ? { authenticated: true, user: { email: current.user.email, acr: current.user.acr }, csrfToken: current.csrfToken }
          : { authenticated: false, csrfToken: current.csrfToken };
        sendJson(res, 200, body);
      },
    },
  };
}
