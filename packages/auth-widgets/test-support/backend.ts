// Helpers for component tests that talk to the real mock server, which the
// test runner serves under /api on the page's own origin (see web-test-runner.config.mjs).
import { API_PATHS, CSRF_HEADER, DEV_TOKEN_HEADER, type AccountState, type SessionResponse } from '../src/client/contract.js';

export const API = '/api';

/** Demo accounts the mock server seeds in development mode (packages/mock-server/src/seed.ts). */
export const DEMO_PASSWORD = 'correct horse battery staple';

let counter = 0;
/** An e-mail no other test uses, so throttling counters never meet. */
export function uniqueEmail(label = 'user'): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${counter}@example.test`;
}

async function csrf(): Promise<string> {
  const response = await fetch(`${API}${API_PATHS.session}`, { credentials: 'include' });
  const session = (await response.json()) as SessionResponse;
  return session.csrfToken;
}

/** Creates an account in any state through the development operation. */
export async function createAccount(state: AccountState, options: { email?: string; password?: string; rejectionReason?: string } = {}) {
  const email = options.email ?? uniqueEmail(state);
  const password = options.password ?? DEMO_PASSWORD;
  const response = await fetch(`${API}${API_PATHS.devAccounts}`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: await csrf(), [DEV_TOKEN_HEADER]: 'dev' },
    body: JSON.stringify({ email, password, state, rejectionReason: options.rejectionReason }),
  });
  if (!response.ok) throw new Error(`could not create a test account: HTTP ${response.status} ${await response.text()}`);
  return { email, password };
}

/** Ends whatever session a previous test left, so each test starts logged out. */
export async function logout(): Promise<void> {
  await fetch(`${API}${API_PATHS.logout}`, { method: 'POST', credentials: 'include', headers: { [CSRF_HEADER]: await csrf() } });
}
