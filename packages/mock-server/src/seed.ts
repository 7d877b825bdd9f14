import type { DevAccountRequest } from '@egov/auth-widgets/contract';
import { saveAccount } from './accounts.ts';
import { PasswordHasher } from './passwords.ts';
import type { Store } from './store.ts';

export interface DemoAccount extends DevAccountRequest {
  /** What the account shows when someone logs in with it. */
  shows: string;
}

/**
 * Demo accounts, one per account state, for designers and tests. The
 * passwords are public (they are in this file and the README): never seed
 * them into a server anyone else can reach.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = Object.freeze([
  {
    email: 'active@example.test',
    password: 'Active-Demo-Passphrase-1',
    state: 'active',
    shows: 'a successful login (acr basic)',
  },
  {
    email: 'unconfirmed@example.test',
    password: 'Unconfirmed-Demo-Passphrase-1',
    state: 'unconfirmed',
    shows: '403 email_not_confirmed',
  },
  {
    email: 'pending@example.test',
    password: 'Pending-Demo-Passphrase-1',
    state: 'pending_review',
    shows: '403 pending_review',
  },
  {
    email: 'rejected@example.test',
    password: 'Rejected-Demo-Passphrase-1',
    state: 'rejected',
    rejectionReason: 'The scan of the passport photo page is not legible. Please register again with a clearer copy.',
    shows: '403 account_rejected with the reason',
  },
]);

export type SeedOutcome = 'created' | 'replaced' | 'kept';

export interface SeedOptions {
  /** Replace accounts that already exist (password and state reset). Default: keep them. */
  replace?: boolean;
  passwords?: PasswordHasher;
  now?: number;
  accounts?: readonly DevAccountRequest[];
}

/** Puts the demo accounts into a store; existing ones are kept unless `replace`. */
export async function seedDemoAccounts(
  store: Store,
  options: SeedOptions = {},
): Promise<{ email: string; state: string; outcome: SeedOutcome }[]> {
  const passwords = options.passwords ?? new PasswordHasher();
  const now = options.now ?? Date.now();
  const results: { email: string; state: string; outcome: SeedOutcome }[] = [];
  for (const account of options.accounts ?? DEMO_ACCOUNTS) {
    const existing = await store.findAccountByEmail(account.email);
    if (existing && !options.replace) {
      results.push({ email: existing.email, state: existing.state, outcome: 'kept' });
      continue;
    }
    const { account: saved, created } = await saveAccount(store, passwords, account, now);
    results.push({ email: saved.email, state: saved.state, outcome: created ? 'created' : 'replaced' });
  }
  return results;
}
