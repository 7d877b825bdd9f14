import { API_PATHS, LIMITS, type CertificateChallenge } from '@egov/auth-widgets/contract';
import { certificateService } from '../certificates/proof-request.ts';
import { HttpError, readOptionalJsonBody, sendJson } from '../http.ts';
import type { RequestContext, Route } from '../services.ts';
import { BodyValidator } from '../validation.ts';

/**
 * `POST /certificate/challenge` (CSRF-checked; body none or `{}`): a nonce
 * of 256 random bits for this session, single use, valid at most 5 minutes,
 * and the origin the signature must bind — the configured one. Limited per
 * client address.
 */
export function certificateChallengeRoute(): Route {
  return { path: API_PATHS.certificateChallenge, methods: { POST: challenge } };
}

async function challenge(context: RequestContext): Promise<void> {
  const { req, res, services, session } = context;
  const certificates = certificateService(context);
  await services.requestLimits.countClient('certificate_challenge', context);
  const body = await readOptionalJsonBody(req, LIMITS.jsonBodyMaxBytes);
  if (body !== undefined) new BodyValidator(body, []).finish();
  // The CSRF check already required a session; this keeps the type honest.
  if (!session) throw new HttpError(403, 'csrf_failed');
  const { nonce, expiresAt } = await certificates.challenges.issue(session);
  const answer: CertificateChallenge = { nonce, expiresAt: new Date(expiresAt).toISOString(), origin: certificates.origin() };
  sendJson(res, 200, answer);
}
