import { API_PATHS, LIMITS, type OutboxKind } from '@egov/auth-widgets/contract';
import { requireReviewer } from '../dev-access.ts';
import { isPublicId, toDevRegistration } from '../dev-registrations.ts';
import { HttpError, readJsonBody, readOptionalJsonBody, sendJson } from '../http.ts';
import type { RequestContext, Route } from '../services.ts';
import { CERTIFICATE_USER_TYPE } from '../registration.ts';
import { BodyValidator } from '../validation.ts';

type Decision = { state: 'active' } | { state: 'rejected'; reason: string };

/**
 * The authorized person's decision on a registration pending review: the
 * account becomes active or rejected, and its owner gets an e-mail (with
 * the reason, when rejected). Answers the updated registration.
 */
async function review(context: RequestContext, decision: Decision): Promise<void> {
  const { res, services, params, requestId } = context;
  if (!isPublicId(params.id)) throw new HttpError(404, 'not_found');
  const result = await services.store.reviewRegistration(params.id, decision, services.clock());
  if (result.outcome !== 'reviewed') {
    throw result.outcome === 'not_found' ? new HttpError(404, 'not_found') : new HttpError(409, 'conflict');
  }
  const { registration } = result;
  const kind: OutboxKind = decision.state === 'active' ? 'account_approved' : 'account_rejected';
  services.log.auth(decision.state === 'active' ? 'registration_approved' : 'registration_rejected', {
    email: registration.email,
    registrationId: registration.id,
    requestId,
  });
  const certificate = registration.userType === CERTIFICATE_USER_TYPE;
  // Both decisions link to the site's login page, in the registration's language: to log in, or to register again.
  const link = services.links.login(services.links.siteFor(context.req), registration.locale);
  const message = decision.state === 'rejected' ? { reason: decision.reason, link } : { certificate, link };
  await services.mailer.send(kind, registration.email, registration.locale, message, requestId);
  sendJson(res, 200, toDevRegistration(registration));
}

/** `POST /dev/registrations/{id}/approve` (reviewer; body none or `{}`): pending review → active. */
export function devApproveRegistrationRoute(): Route {
  return {
    path: API_PATHS.devApproveRegistration,
    methods: {
      POST: async (context) => {
        requireReviewer(context);
        const body = await readOptionalJsonBody(context.req, LIMITS.jsonBodyMaxBytes);
        if (body !== undefined) new BodyValidator(body, []).finish();
        await review(context, { state: 'active' });
      },
    },
  };
}

/** `POST /dev/registrations/{id}/reject` `{ reason }` (reviewer): pending review → rejected, with the reason. */
export function devRejectRegistrationRoute(): Route {
  return {
    path: API_PATHS.devRejectRegistration,
    methods: {
      POST: async (context) => {
        requireReviewer(context);
        const validator = new BodyValidator(await readJsonBody(context.req, LIMITS.jsonBodyMaxBytes), ['reason']);
        const reason = validator.text('reason', { required: true, maxLength: LIMITS.rejectionReasonMaxLength });
        validator.finish();
        await review(context, { state: 'rejected', reason: reason!.trim() });
      },
    },
  };
}
