import { ACCOUNT_STATES, API_PATHS, LIMITS, type DevAccountRequest } from '@egov/auth-widgets/contract';
import { saveAccount } from '../accounts.ts';
import { requireDevToken } from '../dev-access.ts';
import { readJsonBody, sendJson } from '../http.ts';
import type { Route } from '../services.ts';
import { BodyValidator } from '../validation.ts';

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
        const rejectionReason = validator.text('rejectionReason', { maxLength: LIMITS.rejectionReasonMaxLength });
        validator.finish();
        const request: DevAccountRequest = { email: email!, password: password!, state: state!, rejectionReason };
        const { account, created } = await saveAccount(services.store, services.passwords, request, services.clock());
        services.log.auth('dev_account_saved', { email: account.email, outcome: created ? 'created' : 'replaced', ip: clientKey, requestId });
        sendJson(res, created ? 201 : 200, { email: account.email, state: account.state });
      },
    },
  };
}
