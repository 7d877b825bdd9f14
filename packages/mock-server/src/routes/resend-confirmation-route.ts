import { API_PATHS, LIMITS, normalizeEmail, type Accepted } from '@egov/auth-widgets/contract';
import { readJsonBody, sendJson } from '../http.ts';
import { newLinkToken } from '../link-tokens.ts';
import { LOCALE_MAX_LENGTH, requestLocale } from '../locale.ts';
import { CERTIFICATE_USER_TYPE, isReviewed } from '../registration.ts';
import type { RequestContext, Route } from '../services.ts';
import { BodyValidator } from '../validation.ts';

/**
 * `POST /registrations/resend` `{ email, locale? }` (CSRF-checked): always
 * the same 202. Only an unconfirmed account gets a new confirmation
 * e-mail; its older links stop working. Limited per client and per e-mail.
 */
export function resendConfirmationRoute(): Route {
  return { path: API_PATHS.resendConfirmation, methods: { POST: resend } };
}

async function resend(context: RequestContext): Promise<void> {
  const { req, res, services, requestId, clientKey } = context;
  await services.requestLimits.countClient('resend', context);
  const validator = new BodyValidator(await readJsonBody(req, LIMITS.jsonBodyMaxBytes), ['email', 'locale']);
  const rawEmail = validator.email('email');
  const locale = validator.text('locale', { maxLength: LOCALE_MAX_LENGTH });
  validator.finish();
  const email = normalizeEmail(rawEmail!);
  await services.requestLimits.countEmail('resend', email, context);

  const account = await services.store.findAccountByEmail(email);
  if (account?.state === 'unconfirmed') {
    const now = services.clock();
    const { token, record } = newLinkToken('confirm_email', now, services.tokenLifetimes);
    await services.store.issueToken(account.id, record);
    const registration = await services.store.findRegistrationByAccount(account.id);
    const language = requestLocale(locale, req.headers['accept-language']) ?? account.locale;
    await services.mailer.send(
      'confirm_email',
      account.email,
      language,
      {
        link: services.links.confirmEmail(services.links.siteFor(req), token, language),
        validForMinutes: services.tokenLifetimes.confirmEmailMs / 60_000,
        reviewed: isReviewed(services.config, registration?.userType),
        certificate: registration?.userType === CERTIFICATE_USER_TYPE,
      },
      requestId,
    );
  }
  services.log.auth('confirmation_resend_requested', { email, ip: clientKey, requestId });
  const body: Accepted = { status: 'accepted' };
  sendJson(res, 202, body);
}
