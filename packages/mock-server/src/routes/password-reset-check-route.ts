import { API_PATHS, LIMITS, type ResetLinkChecked } from '@egov/auth-widgets/contract';
import { readJsonBody, sendJson } from '../http.ts';
import { TOKEN_MAX_LENGTH } from '../link-tokens.ts';
import { resetLinkAccount } from '../reset-link-account.ts';
import type { RequestContext, Route } from '../services.ts';
import { BodyValidator } from '../validation.ts';

/**
 * `POST /password-reset/check` `{ token }` (CSRF-checked): whether a reset
 * link can still set a password, asked when its page opens, so a used or
 * expired link says so before anyone types a new password twice (GOV.UK
 * does the same). The same rule as `/password-reset/complete`; the token is
 * neither used up nor changed, and the answer says nothing about the account.
 */
export function passwordResetCheckRoute(): Route {
  return { path: API_PATHS.passwordResetCheck, methods: { POST: checkReset } };
}

async function checkReset(context: RequestContext): Promise<void> {
  const validator = new BodyValidator(await readJsonBody(context.req, LIMITS.jsonBodyMaxBytes), ['token']);
  const token = validator.text('token', { required: true, maxLength: TOKEN_MAX_LENGTH });
  validator.finish();
  await resetLinkAccount(context, token!);
  const body: ResetLinkChecked = { valid: true };
  sendJson(context.res, 200, body);
}
