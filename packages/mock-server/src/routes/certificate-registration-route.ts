import { randomBytes } from 'node:crypto';
import { API_PATHS, LIMITS, normalizeEmail, type RegistrationAccepted } from '@egov/auth-widgets/contract';
import type { CertificateSubject } from '../certificates/identity.ts';
import { PROOF_FIELDS, checkProofThrottle, readProof, takeAndVerify } from '../certificates/proof-request.ts';
import { PROOF_LIMITS } from '../certificates/proof-verifier.ts';
import { readJsonBody, sendJson } from '../http.ts';
import { newLinkToken } from '../link-tokens.ts';
import { isLanguageTag, LOCALE_MAX_LENGTH, requestLocale } from '../locale.ts';
import { CERTIFICATE_USER_TYPE, isReviewed } from '../registration.ts';
import type { RequestContext, Route } from '../services.ts';
import type { RegistrationTextFields } from '../store.ts';
import { BodyValidator } from '../validation.ts';

const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]/u;

/** The names the certificate gives, where they are usable as registration data (else left out, never refused). */
function namesOf(subject: CertificateSubject): RegistrationTextFields {
  const fields: RegistrationTextFields = {};
  for (const name of ['givenName', 'surname'] as const) {
    const value = subject[name]?.trim();
    if (value && [...value].length <= LIMITS.nameMaxLength && !CONTROL_CHARACTERS.test(value)) fields[name] = value;
  }
  return fields;
}

/**
 * `POST /registrations/certificate` (CertificateRegistrationRequest,
 * CSRF-checked): the proof is verified as for the certificate login; the
 * account is keyed on the certificate identity, has no password, and takes
 * its names from the certificate. The answer is the same 202 whether the
 * e-mail or the certificate identity is new or taken (SECURITY.md 12): a
 * taken one gets its owner a notice instead. Limited per client address
 * (before the body is read) and per e-mail (after the proof verified).
 */
export function certificateRegistrationRoute(): Route {
  return { path: API_PATHS.certificateRegistration, methods: { POST: register } };
}

async function register(context: RequestContext): Promise<void> {
  const { req, res, services, requestId, clientKey } = context;
  await services.requestLimits.countClient('certificate_registration', context);
  await checkProofThrottle(context, 'registration');
  const body = await readJsonBody(req, PROOF_LIMITS.bodyMaxBytes);
  const validator = new BodyValidator(body, ['proof', 'email', 'consent', 'locale']);
  const rawEmail = validator.email('email');
  // An unticked box is not sent at all: absent, empty or anything but "true" is no consent.
  if ((body as Record<string, unknown>).consent !== 'true') validator.fail('consent', 'not_accepted');
  const locale = validator.text('locale', { maxLength: LOCALE_MAX_LENGTH });
  if (locale && !isLanguageTag(locale)) validator.fail('locale', 'invalid_format');
  const proofValue = (body as Record<string, unknown>).proof;
  let proof;
  if (proofValue === undefined) validator.fail('proof', 'required');
  else if (typeof proofValue !== 'object' || proofValue === null || Array.isArray(proofValue)) validator.fail('proof', 'invalid_type');
  else {
    const nested = new BodyValidator(proofValue, PROOF_FIELDS);
    proof = readProof(nested);
    for (const [name, code] of nested.errors) validator.fail(`proof.${name}`, code);
  }
  if (validator.errors.size > 0) {
    services.log.auth('registration_refused', { kind: 'certificate_registration', fields: Object.fromEntries(validator.errors), ip: clientKey, requestId });
    validator.finish();
  }
  const email = normalizeEmail(rawEmail!);
  const verified = await takeAndVerify(context, proof!, 'registration');
  // Counted once the proof verified: only a certificate's holder spends an address's budget of e-mails.
  await services.requestLimits.countEmail('certificate_registration', email, context);
  const now = services.clock();
  const requested = requestLocale(locale, req.headers['accept-language']);
  const { token, record } = newLinkToken('confirm_email', now, services.tokenLifetimes);
  const registrationId = randomBytes(16).toString('base64url');
  const result = await services.store.createCertificateRegistration(
    {
      account: { email, locale: requested ?? 'en' },
      identity: verified.key,
      registration: { id: registrationId, userType: CERTIFICATE_USER_TYPE, fields: namesOf(verified.subject), noForeignerNumber: false },
      token: record,
    },
    now,
  );
  const logFields = { certificate: verified.fingerprint, issuer: verified.issuer, kind: 'certificate_registration', ip: clientKey, requestId };

  if (result.created) {
    if (result.replaced) await services.uploads.remove(result.replaced.files);
    services.log.auth('registration_created', { ...logFields, email, registrationId, ...(result.replaced ? { outcome: 'replaced_rejected' } : {}) });
    await services.mailer.send(
      'confirm_email',
      email,
      result.account.locale,
      {
        link: services.links.confirmEmail(services.links.siteFor(req), token, result.account.locale),
        validForMinutes: services.tokenLifetimes.confirmEmailMs / 60_000,
        reviewed: isReviewed(services.config, CERTIFICATE_USER_TYPE),
        certificate: true,
      },
      requestId,
    );
  } else {
    const { byEmail, byIdentity } = result;
    services.log.auth('registration_existing', { ...logFields, email, outcome: byIdentity ? (byEmail ? 'certificate_and_email' : 'certificate') : 'email' });
    // The certificate's own account hears that its certificate was used to register again…
    if (byIdentity) await services.mailer.send('certificate_already_registered', byIdentity.email, byIdentity.locale, {}, requestId);
    // …and the owner of a taken e-mail hears it too, unless that is the same account.
    if (byEmail && byEmail.id !== byIdentity?.id) await services.mailer.send('already_registered', byEmail.email, requested ?? byEmail.locale, {}, requestId);
  }
  const answer: RegistrationAccepted = { status: 'confirmation_sent', email };
  sendJson(res, 202, answer);
}
