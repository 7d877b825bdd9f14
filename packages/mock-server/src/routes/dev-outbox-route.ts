import { API_PATHS, normalizeEmail, type DevOutboxResponse } from '@egov/auth-widgets/contract';
import { requireDevToken } from '../dev-access.ts';
import { sendJson } from '../http.ts';
import type { Route } from '../services.ts';

/** `GET /dev/outbox?to=<e-mail>` (development only): the e-mails "sent", newest last; all of them without `to`. */
export function devOutboxRoute(): Route {
  return {
    path: API_PATHS.devOutbox,
    methods: {
      GET: async (context) => {
        requireDevToken(context);
        const to = new URL(context.req.url ?? '/', 'http://server.invalid').searchParams.get('to');
        const body: DevOutboxResponse = { messages: await context.services.outbox.list(to ? normalizeEmail(to) : undefined) };
        sendJson(context.res, 200, body);
      },
    },
  };
}
