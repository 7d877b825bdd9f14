import {
  ACCOUNT_STATES,
  API_PATHS,
  DEV_TOKEN_HEADER,
  LIMITS,
  type DevAccountRequest,
} from '@egov/auth-widgets/contract';
import { saveAccount } from '../accounts.ts';
import { HttpError, readJsonBody, sendJson } from '../http.ts';
import type { RequestContext, Route } from '../services.ts';
import { secretsEqual } from '../sessions.ts';
import { BodyValidator } from '../validation.ts';

/** Longest rejection reason accepted, in characters. */
export const REJECTION_REASON_MAX_LENGTH = 1000;

/** Refuses (401) unless the development token, when one is configured, is in its header. */
export function requireDevToken(context: RequestContext): void {
  const expected = context.services.dev.token;
  if (!expected) return;
  const given = context.req.headers[DEV_TOKEN_HEADER.toLowerCase()];
  if (typeof given !== 'string' || !secretsEqual(given, expected)) throw new HttpError(401, 'unauthenticated');
}

/**
 * `POST /dev/accounts` (development only, CSRF-checked): creates a test
 * account in any state, or replaces the one with that e-mail — its sessions
 * end and its throttle counter is cleared.
 */
export function devAccountsRoute(): Route {
  return {
    path: API_PATHS.devAccounts,
    methods: {
      POST: async (context) => {
        const { req, res, services, requestId, clientKey } = context;
        requireDevToken(context);
        const body = await readJsonBody(req, LIMITS.jsonBodyMaxBytes);
        const validator = new BodyValidator(body, ['email', 'password', 'state', 'rejectionReason']);
        const email = validator.email('email');
        const password = validator.password('password');
        const state = validator.oneOf('state', ACCOUNT_STATES);
        const rejectionReason = validator.text('rejectionReason', { maxLength: REJECTION_REASON_MAX_LENGTH });
        validator.finish();
        const request: DevAccountRequest = { email: email!, password: password!, state: state!, rejectionReason };
        const { account, created } = await saveAccount(services.store, services.passwords, request, services.clock());
        services.log.auth('dev_account_saved', { email: account.email, outcome: created ? 'created' : 'replaced', ip: clientKey, requestId });
        sendJson(res, created ? 201 : 200, { email: account.email, state: account.state });
      },
    },
  };
}
