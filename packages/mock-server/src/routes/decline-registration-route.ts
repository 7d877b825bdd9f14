import { API_PATHS, LIMITS, type RegistrationDeclined } from '@egov/auth-widgets/contract';
import { HttpError, readJsonBody, sendJson } from '../http.ts';
import { TOKEN_MAX_LENGTH, isTokenUsable, requestTokenHash } from '../link-tokens.ts';
import type { RequestContext, Route } from '../services.ts';
import { BodyValidator } from '../validation.ts';

/**
 * `POST /registrations/decline` `{ token }` (CSRF-checked): "this was not
 * me", from the confirmation link. Whoever reads the mailbox decides about a
 * registration of that address (security requirement 43, docs/security-requirements.md): an unconfirmed registration
 * is deleted with everything of it — its certificate link, its documents'
 * rows and files, its tokens — and the address is free to register. A
 * confirmed account is never deleted this way; its link, like an unknown,
 * expired or used one, answers `token_invalid`.
 */
export function declineRegistrationRoute(): Route {
  return { path: API_PATHS.declineRegistration, methods: { POST: decline } };
}

async function decline(context: RequestContext): Promise<void> {
  const { req, res, services, requestId, clientKey } = context;
  const validator = new BodyValidator(await readJsonBody(req, LIMITS.jsonBodyMaxBytes), ['token']);
  const token = validator.text('token', { required: true, maxLength: TOKEN_MAX_LENGTH });
  validator.finish();
  const hash = requestTokenHash(token!);

  const { store, clock } = services;
  const deleted = await store.exclusive(async () => {
    const stored = await store.findToken(hash, 'confirm_email');
    if (!isTokenUsable(stored, clock())) return null;
    const account = await store.findAccountById(stored.accountId);
    if (!account || account.state !== 'unconfirmed') return null;
    const registration = await store.findRegistrationByAccount(account.id);
    const documents = registration ? ((await store.findRegistration(registration.id))?.documents ?? []) : [];
    await store.deleteAccounts([account.id]);
    return { email: account.email, files: documents.map((document) => document.storedName) };
  });
  if (!deleted) {
    services.log.auth('token_refused', { kind: 'decline_registration', ip: clientKey, requestId }, 'warn');
    throw new HttpError(400, 'token_invalid');
  }
  // Rows first (above): a file whose row is gone is an orphan the next start removes, never the reverse.
  await services.uploads.remove(deleted.files);
  services.log.auth('registration_declined', { email: deleted.email, outcome: `files:${deleted.files.length}`, ip: clientKey, requestId });
  const body: RegistrationDeclined = { result: 'declined' };
  sendJson(res, 200, body);
}
