import { API_PATHS, type AccountState, type ErrorCode, type LoginResponse } from '@egov/auth-widgets/contract';
import { PROOF_FIELDS, checkProofThrottle, readProof, takeAndVerify } from '../certificates/proof-request.ts';
import { PROOF_LIMITS } from '../certificates/proof-verifier.ts';
import { HttpError, readJsonBody, sendJson } from '../http.ts';
import type { RequestContext, Route } from '../services.ts';
import { BodyValidator } from '../validation.ts';

/** What a verified certificate of a not-yet-active account answers (it proved who it is, like a right password). */
const STATE_ERRORS: Record<Exclude<AccountState, 'active'>, ErrorCode> = {
  unconfirmed: 'email_not_confirmed',
  pending_review: 'pending_review',
  rejected: 'account_rejected',
};

/**
 * `POST /login/certificate` (CertificateProof, CSRF-checked): a proof over
 * a challenge of this session. On success a new session with `acr: high`
 * (`substantial` with an authentication certificate, where allowed).
 * A verified certificate without an account is 403
 * `certificate_not_registered` — only the key's holder can learn that.
 */
export function certificateLoginRoute(): Route {
  return { path: API_PATHS.certificateLogin, methods: { POST: login } };
}

async function login(context: RequestContext): Promise<void> {
  const { req, res, services, session, requestId, clientKey } = context;
  await checkProofThrottle(context, 'login');
  const validator = new BodyValidator(await readJsonBody(req, PROOF_LIMITS.bodyMaxBytes), PROOF_FIELDS);
  const proof = readProof(validator);
  validator.finish();

  const verified = await takeAndVerify(context, proof!, 'login');
  const logFields = { certificate: verified.fingerprint, issuer: verified.issuer, ip: clientKey, requestId };
  const account = await services.store.findAccountByCertificateIdentity(verified.key);
  if (!account) {
    services.log.auth('login_refused', { ...logFields, kind: 'certificate_login', outcome: 'certificate_not_registered' });
    throw new HttpError(403, 'certificate_not_registered');
  }
  if (account.state !== 'active') {
    const code = STATE_ERRORS[account.state];
    services.log.auth('login_refused', { ...logFields, email: account.email, kind: 'certificate_login', outcome: code });
    throw new HttpError(403, code, account.state === 'rejected' && account.rejectionReason ? { reason: account.rejectionReason } : {});
  }

  const next = await services.sessions.rotate(res, session, account, verified.acr);
  services.log.auth('login_succeeded', { ...logFields, email: account.email, kind: 'certificate_login', acr: verified.acr });
  const response: LoginResponse = { user: { email: account.email, acr: verified.acr }, csrfToken: next.csrfToken };
  sendJson(res, 200, response);
}
