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
 *
 * No password is ever set where the address is not proven, nor added to an
 * account that has none (security requirement 43, docs/security-requirements.md): anyone may register any address
 * (with their own certificate, say), so a reset link for an unconfirmed
 * registration would hand the registration to whoever reads the mailbox while
 * keeping what the registrant linked to it. An unconfirmed registration gets
 * its confirmation link again (the page offers "this was not me"), and an
 * account that logs in with a certificate only is told that it has no password.
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
  let outcome = 'unknown_email';
  if (account) {
    const language = requestLocale(locale, req.headers['accept-language']) ?? account.locale;
    const site = services.links.siteFor(req);
    if (account.state === 'unconfirmed') {
      outcome = 'unconfirmed';
      const { token, record } = newLinkToken('confirm_email', services.clock(), services.tokenLifetimes);
      await services.store.issueToken(account.id, record);
      const link = services.links.confirmEmail(site, token, language);
      await services.mailer.send('reset_unconfirmed', account.email, language, { link, validForMinutes: services.tokenLifetimes.confirmEmailMs / 60_000 }, requestId);
    } else if (account.passwordHash === null) {
      outcome = 'no_password';
      await services.mailer.send('reset_certificate_account', account.email, language, {}, requestId);
    } else {
      outcome = 'link_sent';
      const { token, record } = newLinkToken('password_reset', services.clock(), services.tokenLifetimes);
      await services.store.issueToken(account.id, record);
      const link = services.links.resetPassword(site, token, language);
      await services.mailer.send('password_reset', account.email, language, { link, validForMinutes: services.tokenLifetimes.passwordResetMs / 60_000 }, requestId);
    }
  }
  services.log.auth('password_reset_requested', { email, outcome, ip: clientKey, requestId });
  const body: Accepted = { status: 'accepted' };
  sendJson(res, 202, body);
}
