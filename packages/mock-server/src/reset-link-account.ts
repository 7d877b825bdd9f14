import { HttpError } from './http.ts';
import { isTokenUsable, requestTokenHash } from './link-tokens.ts';
import type { RequestContext } from './services.ts';
import type { AccountRecord } from './store.ts';

/** Answers 400 `token_invalid` for a reset link that cannot set a password, and logs it (never the token). */
export function refuseResetLink({ services, clientKey, requestId }: RequestContext): never {
  services.log.auth('token_refused', { kind: 'password_reset', ip: clientKey, requestId }, 'warn');
  throw new HttpError(400, 'token_invalid');
}

/**
 * The account a password-reset token may set a new password for, and the
 * token's stored hash; otherwise 400 `token_invalid`. One rule for checking
 * a link when its page opens and for using it, so the page never offers a
 * form the backend would refuse. Reads only: the token stays as it is.
 */
export async function resetLinkAccount(context: RequestContext, token: string): Promise<{ hash: string; account: AccountRecord }> {
  const { store, clock } = context.services;
  const hash = requestTokenHash(token);
  const stored = await store.findToken(hash, 'password_reset');
  const account = isTokenUsable(stored, clock()) ? await store.findAccountById(stored.accountId) : null;
  // Never a password where the address is unproven or none was chosen (security requirement 43, docs/security-requirements.md), whatever link was issued before.
  if (!account || account.state === 'unconfirmed' || account.passwordHash === null) return refuseResetLink(context);
  return { hash, account };
}
