import { randomBytes } from 'node:crypto';
import {
  API_PATHS,
  DOCUMENTS_FIELD,
  LIMITS,
  isPlausibleEmail,
  normalizeEmail,
  type RegistrationAccepted,
} from '@egov/auth-widgets/contract';
import { sendJson } from '../http.ts';
import { newLinkToken } from '../link-tokens.ts';
import { localeFromAcceptLanguage } from '../locale.ts';
import { maxMultipartBytes, receiveMultipartForm, type MultipartLimits, type ReceivedForm } from '../multipart.ts';
import { REGISTRATION_TEXT_FIELDS, isReviewed, validateRegistration, type RegistrationInput } from '../registration.ts';
import type { RequestContext, Route } from '../services.ts';
import { BodyValidator } from '../validation.ts';

const TEXT_FIELDS: ReadonlySet<string> = new Set(REGISTRATION_TEXT_FIELDS);

/** Random public id (registrations and documents appear in the reviewer's URLs). */
function publicId(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * `POST /registrations` (multipart/form-data, CSRF-checked): a new account
 * with its documents. The answer is the same 202 whether the e-mail is new
 * or taken (SECURITY.md 12); a taken one gets the owner a notice e-mail,
 * and its uploaded files are discarded.
 */
export function registrationRoute(): Route {
  return { path: API_PATHS.registration, methods: { POST: register } };
}

async function register(context: RequestContext): Promise<void> {
  const { req, services } = context;
  // Counted before the body is read: a flood of broken uploads counts too.
  await services.requestLimits.countClient('registration', context);
  const { uploads } = services.config;
  const limits: MultipartLimits = {
    maxFiles: uploads.maxFiles,
    maxFileBytes: uploads.maxFileBytes,
    acceptedTypes: uploads.acceptedTypes,
    maxFieldBytes: 4 * 1024,
    maxFieldsBytes: LIMITS.registrationFieldsMaxBytes,
    maxParts: REGISTRATION_TEXT_FIELDS.length + uploads.maxFiles + 10,
  };
  // Room on disk for what this body may bring, reserved before a byte is read (503 when the quota is full).
  const release = await services.uploadQuota.reserve(req, maxMultipartBytes(limits));
  try {
    // Resolves once every file is on disk and judged whole (type, structure, images re-encoded), before any row exists.
    const form = await receiveMultipartForm(req, { limits, uploads: services.uploads, fileField: DOCUMENTS_FIELD, textFields: TEXT_FIELDS });
    // Why a document was refused, for the operators (the type and the finding; never the file's name or content).
    for (const { type, reason } of form.refusals) services.log.info('document_refused', { type, reason, requestId: context.requestId });
    try {
      await accept(context, form);
    } catch (error) {
      // Nothing of a refused or failed registration stays on disk.
      await services.uploads.remove(form.files.map((file) => file.storedName)).catch((cleanup: unknown) =>
        services.log.error('upload_cleanup_failed', cleanup, { requestId: context.requestId }),
      );
      throw error;
    }
  } finally {
    // The files are rows now (counted by the store) or gone.
    release();
  }
}

async function accept(context: RequestContext, form: ReceivedForm): Promise<void> {
  const { req, res, services, requestId, clientKey } = context;
  const now = services.clock();
  const sentEmail = form.fields.get('email');
  if (sentEmail !== undefined && isPlausibleEmail(sentEmail)) {
    await services.requestLimits.countEmail('registration', normalizeEmail(sentEmail), context);
  }

  const validator = new BodyValidator(Object.fromEntries(form.fields), REGISTRATION_TEXT_FIELDS);
  for (const [name, code] of form.problems) validator.fail(name, code);
  const input = validateRegistration(validator, form.fields, form.files.length, services.config, services.passwordRules, now);
  if (validator.errors.size > 0) {
    services.log.auth('registration_refused', { fields: Object.fromEntries(validator.errors), ip: clientKey, requestId });
    const refusedType = validator.errors.get(DOCUMENTS_FIELD) === 'invalid_file_type';
    validator.finish(refusedType ? { acceptedTypes: [...services.config.uploads.acceptedTypes] } : {});
  }
  if (!input) throw new Error('a registration without problems produced no input');

  // Hashed for a taken e-mail too: the answer takes as long either way.
  const passwordHash = await services.passwords.hash(input.password);
  await services.faults.afterUploadsWritten?.();
  const requested = input.locale ?? localeFromAcceptLanguage(req.headers['accept-language']);
  const { token, record } = newLinkToken('confirm_email', now, services.tokenLifetimes);
  const registrationId = publicId();
  const result = await services.store.createRegistration(
    {
      account: { email: input.email, passwordHash, locale: requested ?? 'en' },
      registration: { id: registrationId, userType: input.userType.id, fields: input.fields, noForeignerNumber: input.noForeignerNumber },
      documents: form.files.map((file, position) => ({ id: publicId(), ...file, position })),
      token: record,
    },
    now,
    { failBeforeCommit: services.faults.failRegistrationTransaction?.() ?? false },
  );

  if (result.created) {
    if (result.replaced) await services.uploads.remove(result.replaced.files);
    services.log.auth('registration_created', { email: input.email, registrationId, ip: clientKey, requestId, ...(result.replaced ? { outcome: 'replaced_rejected' } : {}) });
    await services.mailer.send(
      'confirm_email',
      input.email,
      result.account.locale,
      {
        link: services.links.confirmEmail(services.links.siteFor(req), token, result.account.locale),
        validForMinutes: services.tokenLifetimes.confirmEmailMs / 60_000,
        reviewed: isReviewed(services.config, input.userType.id),
      },
      requestId,
    );
  } else {
    await services.uploads.remove(form.files.map((file) => file.storedName));
    services.log.auth('registration_existing_email', { email: input.email, ip: clientKey, requestId });
    await services.mailer.send('already_registered', input.email, requested ?? result.account.locale, {}, requestId);
  }
  respond(res, input);
}

function respond(res: RequestContext['res'], input: RegistrationInput): void {
  const body: RegistrationAccepted = { status: 'confirmation_sent', email: input.email };
  sendJson(res, 202, body);
}
