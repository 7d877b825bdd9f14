// Helpers for component tests that talk to the real mock server, which the
// test runner serves under /api on the page's own origin (see web-test-runner.config.mjs).
import {
  API_PATHS,
  CSRF_HEADER,
  type CertificationBody,
  type PublicConfig,
  DEV_TOKEN_HEADER,
  type AccountState,
  type DevOutboxResponse,
  type OutboxMessage,
  type SessionResponse,
} from '../src/client/contract.js';
import { FetchAuthClient } from '../src/client/fetch-auth-client.js';
import { pdfFile, pngFile } from './documents.js';

export const API = '/api';

/** A password that meets the default policy (15+ characters, not common, no context words). */
export const DEMO_PASSWORD = 'quiet river under seven old bridges';

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

/** The reviewer token the test runner starts the mock server with (web-test-runner.config.mjs). */
export const REVIEWER_TOKEN = 'test-reviewer-token';

/** Messages the mock server "sent" to an address (development operation). */
export async function outbox(to: string): Promise<OutboxMessage[]> {
  const response = await fetch(`${API}${API_PATHS.devOutbox}?to=${encodeURIComponent(to)}`, { credentials: 'include' });
  if (!response.ok) throw new Error(`outbox: HTTP ${response.status}`);
  return ((await response.json()) as DevOutboxResponse).messages;
}

/** The token of the newest message of a kind to an address, read from its link. */
export async function tokenFrom(to: string, kind: OutboxMessage['kind']): Promise<string> {
  const message = (await outbox(to)).filter((m) => m.kind === kind).at(-1);
  if (!message?.link) throw new Error(`no ${kind} e-mail with a link for ${to}`);
  return new URL(message.link).searchParams.get('token')!;
}

/** Registers through the real client, the way the form does, with two small documents. */
export async function register(options: { email?: string; password?: string } = {}) {
  const email = options.email ?? uniqueEmail('reg');
  const password = options.password ?? DEMO_PASSWORD;
  const client = new FetchAuthClient({ baseUrl: new URL(API, location.href).href });
  await client.register(
    {
      userType: 'foreign_citizen',
      email,
      password,
      givenName: 'Ana',
      surname: 'Test',
      dateOfBirth: '1990-05-17',
      sex: 'F',
      citizenship: 'DE',
      documentNumber: 'C01X00T47',
      noForeignerNumber: 'true',
      consent: 'true',
    },
    [pngFile('passport-1.png'), pdfFile('passport-2.pdf')],
  );
  return { email, password };
}

/** The real backend, except that its public configuration (GET /config) is rewritten: another site's settings, a compromised or careless backend. */
export class ConfigRewritingClient extends FetchAuthClient {
  constructor(private readonly rewriteConfig: (config: PublicConfig) => void) {
    super({ baseUrl: new URL(API, location.href).href });
  }

  override async getConfig(...args: Parameters<FetchAuthClient['getConfig']>): Promise<PublicConfig> {
    const config = await super.getConfig(...args);
    this.rewriteConfig(config);
    return config;
  }
}

/**
 * The real backend, except that its CA directory (GET /config) is rewritten: a compromised or careless backend, or a ministry's own CA.
 * `settings` replace other fields of the configuration, e.g. `{ authenticationCertificates: true }`.
 */
export class DirectoryRewritingClient extends ConfigRewritingClient {
  constructor(rewrite: (bodies: CertificationBody[]) => void, settings: Partial<PublicConfig> = {}) {
    super((config) => {
      rewrite(config.certificationBodies);
      Object.assign(config, settings);
    });
  }
}

/**
 * A client whose directory counts the test CAs made in the browser among a
 * body's issuing CAs, by their subject (they have no key identifier) —
 * what a ministry configures for a CA of its own. The backend's directory
 * recognises certificates by their CA's subject and key, not by a name.
 * `settings` replace other fields of the configuration.
 */
export function clientTrusting(
  cas: readonly { name: string; certificate: { subjectName: { toArrayBuffer(): ArrayBuffer } } }[],
  bodyId = 'mup',
  settings: Partial<PublicConfig> = {},
): DirectoryRewritingClient {
  return new DirectoryRewritingClient((bodies) => {
    const body = bodies.find((candidate) => candidate.id === bodyId);
    if (!body) throw new Error(`no ${bodyId} in the directory`);
    const subject = (ca: (typeof cas)[number]) => btoa(String.fromCharCode(...new Uint8Array(ca.certificate.subjectName.toArrayBuffer())));
    body.issuers = [...(body.issuers ?? []), ...cas.map((ca) => ({ name: ca.name, subject: subject(ca) }))];
    body.issuerNames = [...body.issuerNames, ...cas.map((ca) => ca.name)];
  }, settings);
}
