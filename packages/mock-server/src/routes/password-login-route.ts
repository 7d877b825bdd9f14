import {
  API_PATHS,
  LIMITS,
  normalizeEmail,
  type AccountState,
  type ErrorCode,
  type LoginResponse,
} from '@egov/auth-widgets/contract';
import { HttpError, readJsonBody, sendJson } from '../http.ts';
import { HashQueueFull } from '../passwords.ts';
import type { RequestContext, Route } from '../services.ts';
import type { ThrottleKey } from '../throttle.ts';
import { accountGuessesKey, accountThrottleKey, clientThrottleKey, countsPerAddress } from '../throttle-keys.ts';
import { BodyValidator } from '../validation.ts';

/** What a right password on a not-yet-active account answers (SECURITY.md 10: only after verification). */
const STATE_ERRORS: Record<Exclude<AccountState, 'active'>, ErrorCode> = {
  unconfirmed: 'email_not_confirmed',
  pending_review: 'pending_review',
  rejected: 'account_rejected',
};

/** The account's counters (delays, then the absolute guess budget), then the client address's (unless off or not counted). */
function throttleKeys(context: RequestContext, email: string): { account: ThrottleKey[]; address: ThrottleKey[] } {
  const { account, guessCap, ip } = context.services.throttlePolicies;
  return {
    account: [
      { key: accountThrottleKey(email), policy: account },
      { key: accountGuessesKey(email), policy: guessCap },
    ],
    address: ip && countsPerAddress(context) ? [{ key: clientThrottleKey(context.clientKey), policy: ip }] : [],
  };
}

/** `POST /login/password` (CSRF-checked before this runs). */
export function passwordLoginRoute(): Route {
  return { path: API_PATHS.passwordLogin, methods: { POST: login } };
}

async function login(context: RequestContext): Promise<void> {
  const { req } = context;
  const body = await readJsonBody(req, LIMITS.jsonBodyMaxBytes);
  const validator = new BodyValidator(body, ['email', 'password']);
  const rawEmail = validator.email('email');
  const password = validator.password('password');
  validator.finish();
  await attempt(context, normalizeEmail(rawEmail!), password!);
}

async function attempt(context: RequestContext, email: string, password: string): Promise<void> {
  const { res, services, session, requestId, clientKey } = context;
  const { account: accountKeys, address: addressKeys } = throttleKeys(context, email);
  const keys = [...accountKeys, ...addressKeys];
  const logFields = { email, ip: clientKey, requestId };

  // Admission counts the attempt as a failure in the same step as the check, so parallel
  // guesses cannot all pass one check; a right password (or a busy answer) gives it back.
  const gate = await services.throttle.hit(keys);
  if (!gate.allowed && gate.key === accountKeys[1]!.key) {
    // The guess budget is spent: waiting does not help, a reset (or a certificate) does. The same for unknown e-mails.
    services.log.auth('login_suspended', logFields, 'warn');
    throw new HttpError(403, 'password_login_suspended');
  }
  if (!gate.allowed) {
    services.log.auth('login_throttled', { ...logFields, retryAfter: gate.retryAfterSeconds }, 'warn');
    throw new HttpError(429, 'throttled', { retryAfter: gate.retryAfterSeconds });
  }

  const account = await services.store.findAccountByEmail(email);
  // Unknown e-mail, or an account without a password (registered with a certificate): verify against a
  // dummy hash, so the answer is the same generic failure and takes as long as a wrong password.
  const passwordHash = account?.passwordHash ?? null;
  const place = { client: countsPerAddress(context) ? clientKey : null };
  let verified: boolean;
  try {
    verified =
      passwordHash !== null ? await services.passwords.verify(password, passwordHash, place) : await services.passwords.verifyDummy(password, place);
  } catch (error) {
    if (!(error instanceof HashQueueFull)) throw error;
    // Not judged, so not a failure. Decided before anything about the account is known: the same for every e-mail.
    await services.throttle.forgive(keys);
    services.log.auth('login_busy', { ...logFields, retryAfter: error.retryAfterSeconds }, 'warn');
    throw new HttpError(503, 'service_busy', { retryAfter: error.retryAfterSeconds });
  }
  if (!account || passwordHash === null || !verified) {
    services.log.auth('login_failed', { ...logFields, outcome: 'invalid_credentials' }, 'warn');
    if (account && !(await services.throttle.check([accountKeys[1]!])).allowed) {
      // This guess spent the budget: the owner learns why password login stopped and how to get back in.
      // Not awaited, so the answer takes as long as for an unknown e-mail.
      services.log.auth('login_suspended', logFields, 'warn');
      void services.mailer.send('password_login_suspended', account.email, account.locale, {}, requestId);
    }
    throw new HttpError(401, 'invalid_credentials');
  }

  // The password is right: only now may the answer depend on the account.
  const accountKeyNames = accountKeys.map((k) => k.key);
  await services.throttle.forgive(addressKeys);
  if (services.passwords.needsRehash(passwordHash)) {
    await services.store.updatePasswordHash(account.id, await services.passwords.hash(password), services.clock());
  }
  if (account.state !== 'active') {
    await services.throttle.reset(accountKeyNames);
    const code = STATE_ERRORS[account.state];
    services.log.auth('login_refused', { ...logFields, outcome: code });
    throw new HttpError(403, code, account.state === 'rejected' && account.rejectionReason ? { reason: account.rejectionReason } : {});
  }

  const next = await services.sessions.rotate(res, session, account, 'basic', accountKeyNames);
  services.log.auth('login_succeeded', { ...logFields, acr: 'basic' });
  const response: LoginResponse = { user: { email: account.email, acr: 'basic' }, csrfToken: next.csrfToken };
  sendJson(res, 200, response);
}
