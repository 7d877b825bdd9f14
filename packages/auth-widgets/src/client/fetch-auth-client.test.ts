import { expect } from '@open-wc/testing';
import { API, createAccount, logout } from '../../test-support/backend.js';
import { AuthError } from './auth-client.js';
import { CSRF_HEADER } from './contract.js';
import { FetchAuthClient } from './fetch-auth-client.js';

interface Sent {
  url: string;
  method: string;
  headers: Headers;
  credentials: RequestCredentials | undefined;
}

/** The real fetch, with a record of what was sent. */
function recordingFetch(sent: Sent[]): typeof fetch {
  return (input, init) => {
    sent.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      credentials: init?.credentials,
    });
    return fetch(input, init);
  };
}

const base = () => new URL(API, location.href).href;

describe('FetchAuthClient', () => {
  afterEach(async () => {
    await logout();
  });

  it('sends cookies, the CSRF token of the session, and the current locale', async () => {
    const account = await createAccount('active');
    const sent: Sent[] = [];
    let locale = 'sr-Cyrl';
    const client = new FetchAuthClient({ baseUrl: `${base()}/`, locale: () => locale, fetch: recordingFetch(sent) });
    const session = await client.getSession();
    locale = 'sr-Latn';
    const login = await client.loginWithPassword(account);
    expect(login.user).to.deep.equal({ email: account.email, acr: 'basic' });

    const [get, post] = sent;
    expect(get!.url).to.equal(`${base()}/session`);
    expect(get!.headers.get('Accept-Language')).to.equal('sr-Cyrl');
    expect(get!.headers.has(CSRF_HEADER)).to.be.false;
    expect(post!.url).to.equal(`${base()}/login/password`);
    expect(post!.method).to.equal('POST');
    expect(post!.headers.get(CSRF_HEADER)).to.equal(session.csrfToken);
    expect(post!.headers.get('Accept-Language')).to.equal('sr-Latn');
    expect(sent.every((s) => s.credentials === 'include')).to.be.true;
    // A new session on login brings a new CSRF token.
    expect(login.csrfToken).not.to.equal(session.csrfToken);
    expect((await client.getSession()).authenticated).to.be.true;
  });

  it('fetches the session first when it has no CSRF token yet', async () => {
    const account = await createAccount('active');
    const sent: Sent[] = [];
    const client = new FetchAuthClient({ baseUrl: base(), fetch: recordingFetch(sent) });
    await client.loginWithPassword(account);
    expect(sent.map((s) => `${s.method} ${new URL(s.url).pathname}`)).to.deep.equal(['GET /api/session', 'POST /api/login/password']);
  });

  it('renews a stale CSRF token once and retries', async () => {
    const account = await createAccount('active');
    const sent: Sent[] = [];
    const client = new FetchAuthClient({ baseUrl: base(), fetch: recordingFetch(sent) });
    await client.getSession();
    // Another tab logs out: the session cookie changes, the client's token is stale.
    await fetch(`${API}/session`).then(async (r) => {
      const { csrfToken } = await r.json();
      await fetch(`${API}/logout`, { method: 'POST', headers: { [CSRF_HEADER]: csrfToken } });
    });
    const login = await client.loginWithPassword(account);
    expect(login.user.email).to.equal(account.email);
    expect(sent.map((s) => `${s.method} ${new URL(s.url).pathname}`)).to.deep.equal([
      'GET /api/session',
      'POST /api/login/password',
      'GET /api/session',
      'POST /api/login/password',
    ]);
  });

  it('turns contract errors into AuthError with code, status and details', async () => {
    const client = new FetchAuthClient({ baseUrl: base() });
    const error = await client.loginWithPassword({ email: 'x@example.test', password: 'a'.repeat(129) }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(AuthError);
    expect((error as AuthError).code).to.equal('validation_failed');
    expect((error as AuthError).status).to.equal(400);
    expect((error as AuthError).details.fields).to.deep.equal({ password: 'too_long' });
    expect((error as AuthError).retryable).to.be.false;
  });

  it('reports a dropped connection, a broken answer, a timeout and an abort each by its own code', async () => {
    const credentials = { email: 'x@example.test', password: 'whatever it is' };
    const codes: string[] = [];
    for (const fault of ['down', '500', 'malformed']) {
      const client = new FetchAuthClient({ baseUrl: new URL(`/faulty/${fault}/api`, location.href).href });
      const error = (await client.loginWithPassword(credentials).catch((e: unknown) => e)) as AuthError;
      codes.push(error.code);
      expect(error.retryable, fault).to.be.true;
    }
    const slow = new FetchAuthClient({ baseUrl: new URL('/faulty/slow/api', location.href).href, timeoutMs: 300 });
    codes.push(((await slow.loginWithPassword(credentials).catch((e: unknown) => e)) as AuthError).code);
    const abort = new AbortController();
    const pending = new FetchAuthClient({ baseUrl: new URL('/faulty/slow/api', location.href).href }).loginWithPassword(credentials, {
      signal: abort.signal,
    });
    setTimeout(() => abort.abort(), 100);
    codes.push(((await pending.catch((e: unknown) => e)) as AuthError).code);
    expect(codes).to.deep.equal(['network_error', 'internal_error', 'bad_response', 'timeout', 'aborted']);
  });
});
