import { API_PATHS, LIMITS, type PasswordChanged } from '@egov/auth-widgets/contract';
import { HttpError, readJsonBody, sendJson } from '../http.ts';
import { TOKEN_MAX_LENGTH, isTokenUsable } from '../link-tokens.ts';
import { requestLocale } from '../locale.ts';
import { refuseResetLink, resetLinkAccount } from '../reset-link-account.ts';
import type { RequestContext, Route } from '../services.ts';
import { accountGuessesKey, accountThrottleKey } from '../throttle-keys.ts';
import { BodyValidator } from '../validation.ts';

/**
 * `POST /password-reset/complete` `{ token, password }` (CSRF-checked): the
 * new password, under the same rules as at registration. On success the
 * token is used up, every other reset link revoked, every session of the
 * account ended and its login counter cleared, and the owner gets a notice
 * e-mail (SECURITY.md 19). Nobody is logged in by it.
 */
export function passwordResetCompleteRoute(): Route {
  return { path: API_PATHS.passwordResetComplete, methods: { POST: completeReset } };
}

async function completeReset(context: RequestContext): Promise<void> {
  const { req, res, services, requestId, clientKey } = context;
  const { store, clock } = services;
  const validator = new BodyValidator(await readJsonBody(req, LIMITS.jsonBodyMaxBytes), ['token', 'password']);
  const token = validator.text('token', { required: true, maxLength: TOKEN_MAX_LENGTH });
  const password = validator.password('password');
  validator.finish();
  const { hash, account } = await resetLinkAccount(context, token!);

  // The token stays valid when the password is refused: the user tries another one with the same link.
  const registration = await store.findRegistrationByAccount(account.id);
  const problem = services.passwordRules.check(password!, {
    email: account.email,
    givenName: registration?.fields.givenName,
    surname: registration?.fields.surname,
  });
  if (problem) throw new HttpError(400, 'validation_failed', { fields: { password: problem } });

  const passwordHash = await services.passwords.hash(password!);
  const changed = await store.exclusive(async () => {
    // Checked again: a parallel request with the same link may have used it meanwhile.
    if (!isTokenUsable(await store.findToken(hash, 'password_reset'), clock())) return false;
    await store.resetPassword(hash, account.id, passwordHash, clock(), [accountThrottleKey(account.email), accountGuessesKey(account.email)]);
    return true;
  });
  if (!changed) return refuseResetLink(context);

  services.log.auth('password_reset_completed', { email: account.email, ip: clientKey, requestId });
  await services.mailer.send(
    'password_changed',
    account.email,
    requestLocale(undefined, req.headers['accept-language']) ?? account.locale,
    { changedAt: clock() },
    requestId,
  );
  const body: PasswordChanged = { status: 'password_changed' };
  sendJson(res, 200, body);
}
