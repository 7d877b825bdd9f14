import { API_PATHS, type SessionResponse } from '@egov/auth-widgets/contract';
import { sendJson } from '../http.ts';
import type { Route } from '../services.ts';

/** `GET /session`: who is logged in, and this session's CSRF token (a pre-login session is created if needed). */
export function sessionRoute(onSessionCreated: () => Promise<void>): Route {
  return {
    path: API_PATHS.session,
    methods: {
      GET: async ({ res, services, session }) => {
        let current = session;
        if (!current) {
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
