import { API_PATHS, LIMITS, normalizeEmail, type Accepted } from '@egov/auth-widgets/contract';
import { readJsonBody, sendJson } from '../http.ts';
import { newLinkToken } from '../link-tokens.ts';
import { LOCALE_MAX_LENGTH, requestLocale } from '../locale.ts';
import type { RequestContext, Route } from '../services.ts';
import { BodyValidator } from '../validation.ts';

/**
 * `POST /password-reset` `{ email, locale? }` (CSRF-checked): always the
 * same 202, and nothing about the account changes (SECURITY.md 13). An
 * existing account gets an e-mail with a single-use link (60 min); a newer
 * request makes older links stop working. Limited per client and per e-mail.
 */
export function passwordResetRequestRoute(): Route {
  return { path: API_PATHS.passwordResetRequest, methods: { POST: requestReset } };
}

async function requestReset(context: RequestContext): Promise<void> {
  const { req, res, services, requestId, clientKey } = context;
  await services.requestLimits.countClient('password_reset', context);
  const validator = new BodyValidator(await readJsonBody(req, LIMITS.jsonBodyMaxBytes), ['email', 'locale']);
  const rawEmail = validator.email('email');
  const locale = validator.text('locale', { maxLength: LOCALE_MAX_LENGTH });
  validator.finish();
  const email = normalizeEmail(rawEmail!);
  await services.requestLimits.countEmail('password_reset', email, context);

  const account = await services.store.findAccountByEmail(email);
  if (account) {
    const { token, record } = newLinkToken('password_reset', services.clock(), services.tokenLifetimes);
    await services.store.issueToken(account.id, record);
    await services.mailer.send(
      'password_reset',
      account.email,
      requestLocale(locale, req.headers['accept-language']) ?? account.locale,
      {
        link: services.links.resetPassword(services.links.siteFor(req), token),
        validForMinutes: services.tokenLifetimes.passwordResetMs / 60_000,
      },
      requestId,
    );
  }
  services.log.auth('password_reset_requested', { email, ip: clientKey, requestId });
  const body: Accepted = { status: 'accepted' };
  sendJson(res, 202, body);
}
