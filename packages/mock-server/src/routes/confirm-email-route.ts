import { API_PATHS, LIMITS, type ConfirmEmailResponse } from '@egov/auth-widgets/contract';
import { HttpError, readJsonBody, sendJson } from '../http.ts';
import { TOKEN_MAX_LENGTH, isTokenUsable, requestTokenHash } from '../link-tokens.ts';
import { stateAfterConfirmation } from '../registration.ts';
import type { RequestContext, Route } from '../services.ts';
import { BodyValidator } from '../validation.ts';

/**
 * `POST /registrations/confirm` `{ token }` (CSRF-checked): the link from
 * the confirmation e-mail. An unconfirmed account goes to review (or is
 * active at once when its user type uploads no documents). The link of an
 * account that is already past that step answers `already_confirmed`;
 * an unknown, expired, replaced or other-purpose token `token_invalid`.
 */
export function confirmEmailRoute(): Route {
  return { path: API_PATHS.confirmEmail, methods: { POST: confirm } };
}

async function confirm(context: RequestContext): Promise<void> {
  const { req, res, services, requestId, clientKey } = context;
  const validator = new BodyValidator(await readJsonBody(req, LIMITS.jsonBodyMaxBytes), ['token']);
  const token = validator.text('token', { required: true, maxLength: TOKEN_MAX_LENGTH });
  validator.finish();
  const hash = requestTokenHash(token!);

  const { store, config, clock } = services;
  const outcome = await store.exclusive(async (): Promise<(ConfirmEmailResponse & { email: string }) | null> => {
    const token = await store.findToken(hash, 'confirm_email');
    const account = token && (await store.findAccountById(token.accountId));
    if (!token || !account) return null;
    if (account.state !== 'unconfirmed') return { result: 'already_confirmed', accountState: account.state, email: account.email };
    if (!isTokenUsable(token, clock())) return null;
    const registration = await store.findRegistrationByAccount(account.id);
    const state = stateAfterConfirmation(config, registration?.userType);
    await store.confirmEmail(hash, account.id, state, clock());
    return { result: 'confirmed', accountState: state, email: account.email };
  });

  if (!outcome) {
    services.log.auth('token_refused', { kind: 'confirm_email', ip: clientKey, requestId }, 'warn');
    throw new HttpError(400, 'token_invalid');
  }
  const { email, ...body } = outcome;
  services.log.auth('email_confirmed', { email, outcome: `${body.result}:${body.accountState}`, ip: clientKey, requestId });
  sendJson(res, 200, body);
}
