import {
  API_PATHS,
  LIMITS,
  normalizeEmail,
  type AccountState,
  type ErrorCode,
  type LoginResponse,
} from '@egov/auth-widgets/contract';
import { HttpError, readJsonBody, sendJson } from '../http.ts';
import type { RequestContext, Route } from '../services.ts';
import type { ThrottleKey } from '../throttle.ts';
import { accountThrottleKey, clientThrottleKey } from '../throttle-keys.ts';
import { BodyValidator } from '../validation.ts';

/** What a right password on a not-yet-active account answers (SECURITY.md 10: only after verification). */
const STATE_ERRORS: Record<Exclude<AccountState, 'active'>, ErrorCode> = {
  unconfirmed: 'email_not_confirmed',
  pending_review: 'pending_review',
  rejected: 'account_rejected',
};

/** The account's counter first, then the client address's (unless that is off, or a loopback client is exempt). */
function throttleKeys({ services, clientKey, clientIsLoopback }: RequestContext, email: string): ThrottleKey[] {
  const { account, ip, countLoopback } = services.throttlePolicies;
  const keys: ThrottleKey[] = [{ key: accountThrottleKey(email), policy: account }];
  if (ip && (countLoopback || !clientIsLoopback)) keys.push({ key: clientThrottleKey(clientKey), policy: ip });
  return keys;
}

/** `POST /login/password` (CSRF-checked before this runs). */
export function passwordLoginRoute(): Route {
  return { path: API_PATHS.passwordLogin, methods: { POST: login } };
}

async function login(context: RequestContext): Promise<void> {
  const { req, services } = context;
  const body = await readJsonBody(req, LIMITS.jsonBodyMaxBytes);
  const validator = new BodyValidator(body, ['email', 'password']);
  const rawEmail = validator.email('email');
  const password = validator.password('password');
  validator.finish();
  const email = normalizeEmail(rawEmail!);
  // One attempt per account at a time: the throttle check, the verification and the count belong together.
  await services.loginLocks.run(accountThrottleKey(email), () => attempt(context, email, password!));
}

async function attempt(context: RequestContext, email: string, password: string): Promise<void> {
  const { res, services, session, requestId, clientKey } = context;
  const keys = throttleKeys(context, email);
  const logFields = { email, ip: clientKey, requestId };

  const gate = await services.throttle.check(keys);
  if (!gate.allowed) {
    services.log.auth('login_throttled', { ...logFields, retryAfter: gate.retryAfterSeconds }, 'warn');
    throw new HttpError(429, 'throttled', { retryAfter: gate.retryAfterSeconds });
  }

  const account = await services.store.findAccountByEmail(email);
  // Unknown e-mail, or an account without a password (registered with a certificate): verify against a
  // dummy hash, so the answer is the same generic failure and takes as long as a wrong password.
  const passwordHash = account?.passwordHash ?? null;
  const verified = passwordHash !== null ? await services.passwords.verify(password, passwordHash) : await services.passwords.verifyDummy(password);
  if (!account || passwordHash === null || !verified) {
    await services.throttle.recordFailure(keys);
    services.log.auth('login_failed', { ...logFields, outcome: 'invalid_credentials' }, 'warn');
    throw new HttpError(401, 'invalid_credentials');
  }

  // The password is right: only now may the answer depend on the account.
  const accountKey = keys[0]!.key;
  if (services.passwords.needsRehash(passwordHash)) {
    await services.store.updatePasswordHash(account.id, await services.passwords.hash(password), services.clock());
  }
  if (account.state !== 'active') {
    await services.throttle.reset([accountKey]);
    const code = STATE_ERRORS[account.state];
    services.log.auth('login_refused', { ...logFields, outcome: code });
    throw new HttpError(403, code, account.state === 'rejected' && account.rejectionReason ? { reason: account.rejectionReason } : {});
  }

  const next = await services.sessions.rotate(res, session, account, 'basic', [accountKey]);
  services.log.auth('login_succeeded', { ...logFields, acr: 'basic' });
  const response: LoginResponse = { user: { email: account.email, acr: 'basic' }, csrfToken: next.csrfToken };
  sendJson(res, 200, response);
}
