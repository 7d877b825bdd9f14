import { ACCOUNT_STATES, API_PATHS, type AccountState, type DevRegistrationsResponse } from '@egov/auth-widgets/contract';
import { requireReviewer } from '../dev-access.ts';
import { toDevRegistration } from '../dev-registrations.ts';
import { HttpError, sendJson } from '../http.ts';
import type { Route } from '../services.ts';

/**
 * `GET /dev/registrations?state=pending_review` (reviewer): registrations,
 * oldest first; only those in `state` when given.
 */
export function devRegistrationsRoute(): Route {
  return {
    path: API_PATHS.devRegistrations,
    methods: {
      GET: async (context) => {
        requireReviewer(context);
        const state = new URL(context.req.url ?? '/', 'http://server.invalid').searchParams.get('state');
        if (state !== null && !(ACCOUNT_STATES as readonly string[]).includes(state)) {
          throw new HttpError(400, 'validation_failed', { fields: { state: 'invalid_choice' } });
        }
        const views = await context.services.store.listRegistrations((state as AccountState | null) ?? undefined);
        const body: DevRegistrationsResponse = { registrations: views.map(toDevRegistration) };
        sendJson(context.res, 200, body);
      },
    },
  };
}
