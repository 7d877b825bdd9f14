import { DEV_TOKEN_HEADER, REVIEWER_TOKEN_HEADER } from '@egov/auth-widgets/contract';
import { HttpError } from './http.ts';
import type { RequestContext } from './services.ts';
import { secretsEqual } from './sessions.ts';

/** Refuses (401) unless the development token, when one is configured, is in its header. */
export function requireDevToken(context: RequestContext): void {
  const expected = context.services.dev.token;
  if (!expected) return;
  const given = context.req.headers[DEV_TOKEN_HEADER.toLowerCase()];
  if (typeof given !== 'string' || !secretsEqual(given, expected)) throw new HttpError(401, 'unauthenticated');
}

/**
 * The reviewer ("authorized person") operations: the reviewer token,
 * always (403 `forbidden` without it), and the development token when one
 * is configured (401). Without a configured reviewer token the routes are
 * not registered at all (404).
 */
export function requireReviewer(context: RequestContext): void {
  const expected = context.services.reviewerToken;
  const given = context.req.headers[REVIEWER_TOKEN_HEADER.toLowerCase()];
  if (!expected || typeof given !== 'string' || !secretsEqual(given, expected)) throw new HttpError(403, 'forbidden');
  requireDevToken(context);
}
