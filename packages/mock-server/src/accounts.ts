import { normalizeEmail, type DevAccountRequest } from '@egov/auth-widgets/contract';
import type { PasswordHasher } from './passwords.ts';
import type { AccountRecord, Store } from './store.ts';
import { accountThrottleKey } from './throttle-keys.ts';

/**
 * Creates an account in the given state, or replaces everything about the
 * one with that e-mail (its sessions end, its throttle counter is cleared).
 * For development operations and seeding; registration has its own flow
 * (`routes/registration-route.ts`, `Store.createRegistration`).
 */
export async function saveAccount(
  store: Store,
  passwords: PasswordHasher,
  request: DevAccountRequest,
  now: number,
): Promise<{ account: AccountRecord; created: boolean }> {
  const email = normalizeEmail(request.email);
  const passwordHash = await passwords.hash(request.password);
  return store.upsertAccount(
    {
      email,
      passwordHash,
      state: request.state,
      rejectionReason: request.state === 'rejected' ? (request.rejectionReason ?? null) : null,
    },
    now,
    [accountThrottleKey(email)],
  );
}
