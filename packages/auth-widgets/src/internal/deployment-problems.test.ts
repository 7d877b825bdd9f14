import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { API, createAccount, logout } from '../../test-support/backend.js';
import { AuthError } from '../client/auth-client.js';
import { FetchAuthClient } from '../client/fetch-auth-client.js';
import '../define/all.js';
import type { EgovLogin } from '../components/login/egov-login.js';
import { deploymentProblem } from './deployment-problems.js';

/** A browser that neither stores nor sends the backend's cookie: what a third-party cookie meets when blocked. */
const cookieless: typeof fetch = (input, init) => fetch(input, { ...init, credentials: 'omit' });

/** The same test server under the other loopback name: another origin (and another site) for this page. */
function otherOrigin(): string {
  const url = new URL(location.href);
  url.hostname = url.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return url.origin;
}

const base = () => new URL(API, location.href).href;

async function loginWith(el: EgovLogin, email: string, password: string): Promise<void> {
  for (const [name, text] of [
    ['email', email],
    ['password', password],
  ] as const) {
    const field = el.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
    field.focus();
    field.select();
    await sendKeys({ type: text });
  }
  el.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await el.updateComplete;
  await waitUntil(() => el.querySelector('button[type=submit]')?.getAttribute('aria-disabled') !== 'true', 'login did not finish', {
    timeout: 8000,
  });
  await el.updateComplete;
}

const summary = (el: EgovLogin) => [...el.querySelectorAll('.egov-summary li')].map((li) => li.textContent!.trim());

describe('deployment problems', () => {
  let errors: string[] = [];
  const original = console.error;
  beforeEach(() => {
    errors = [];
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
  });
  afterEach(async () => {
    console.error = original;
    await logout();
  });

  describe('FetchAuthClient', () => {
    it('retries once with a fresh token, then says the session cookie did not come back', async () => {
      const account = await createAccount('active');
      const sent: string[] = [];
      const client = new FetchAuthClient({
        baseUrl: base(),
        fetch: (input, init) => {
          sent.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
          return cookieless(input, init);
        },
      });
      const error = (await client.loginWithPassword(account).catch((e: unknown) => e)) as AuthError;
      expect(error).to.be.instanceOf(AuthError);
      expect(error.code).to.equal('csrf_failed');
      expect(error.status).to.equal(403);
      // The real backend says why: the request had no session cookie (same origin here, so not "cross_site").
      expect(error.details.cause).to.equal('no_session_cookie');
      expect(error.details.sessionNotKept).to.be.true;
      expect(sent).to.deep.equal(['GET /api/session', 'POST /api/login/password', 'GET /api/session', 'POST /api/login/password']);
    });

    it('does not call a wrong token a lost cookie', async () => {
      const client = new FetchAuthClient({
        baseUrl: base(),
        // Every POST carries a token of no session: the cookie is there, the token is not its own.
        fetch: (input, init) => fetch(input, init?.method === 'POST' ? { ...init, headers: { ...init.headers, 'X-CSRF-Token': 'not-this-sessions' } } : init),
      });
      const error = (await client.loginWithPassword({ email: 'a@example.test', password: 'x'.repeat(20) }).catch((e: unknown) => e)) as AuthError;
      expect(error.code).to.equal('csrf_failed');
      expect(error.details.cause).to.equal('token_mismatch');
      expect(error.details.sessionNotKept).to.be.undefined;
    });

    it('tells a backend that refuses this origin (CORS) from one that is down', async () => {
      const refused = new FetchAuthClient({ baseUrl: `${otherOrigin()}${API}` });
      const error = (await refused.getSession().catch((e: unknown) => e)) as AuthError;
      expect(error.code).to.equal('origin_not_allowed');
      expect(error.details.corsRefused).to.be.true;
      expect(error.retryable).to.be.false;

      const down = new FetchAuthClient({ baseUrl: 'http://127.0.0.1:9/api' });
      const downError = (await down.getSession().catch((e: unknown) => e)) as AuthError;
      expect(downError.code).to.equal('network_error');
      expect(downError.retryable).to.be.true;
    });
  });

  describe('console messages', () => {
    it('names both origins, the cause and the fix for a cross-site backend', () => {
      const error = new AuthError('csrf_failed', 403, { cause: 'cross_site', sessionNotKept: true });
      const text = deploymentProblem('egov-login', error, 'http://127.0.0.1:8787/api', 'http://localhost:5173')!;
      expect(text).to.match(/^\[egov\] <egov-login>: the browser did not send the backend's session cookie back/);
      expect(text).to.contain('cause "cross_site"');
      expect(text).to.contain('This page is on http://localhost:5173, its backend on http://127.0.0.1:8787.');
      expect(text).to.contain('different sites');
      expect(text).to.contain('third-party cookie');
      expect(text).to.contain('through a proxy');
      expect(text).to.contain("on this page's site");
      expect(text).to.contain('SameSite=Lax');
    });

    it('points a same-origin proxy at the cookie attributes, and at the public URL when the origin is refused', () => {
      const lost = deploymentProblem('egov-login', new AuthError('csrf_failed', 403, { sessionNotKept: true }), '/api', 'https://portal.gov.rs')!;
      expect(lost).to.contain('share the origin https://portal.gov.rs');
      expect(lost).to.contain('Secure');
      const refused = deploymentProblem('egov-register', new AuthError('origin_not_allowed', 403), '/api', 'https://portal.gov.rs')!;
      expect(refused).to.contain('<egov-register>');
      expect(refused).to.contain('--public-url https://portal.gov.rs');
    });

    it('says nothing about failures that are not about the deployment', () => {
      for (const error of [new AuthError('network_error'), new AuthError('csrf_failed', 403, { cause: 'token_mismatch' }), new AuthError('invalid_credentials', 401)]) {
        expect(deploymentProblem('egov-login', error, '/api', 'http://localhost:5173')).to.be.null;
      }
    });
  });

  describe('<egov-login>', () => {
    it('shows the person a clear message and logs one console.error, without secrets, when the cookie does not come back', async () => {
      const account = await createAccount('active');
      const el = await fixture<EgovLogin>(html`<egov-login backend-url=${API} modes="password" .client=${new FetchAuthClient({ baseUrl: base(), fetch: cookieless })}></egov-login>`);
      await loginWith(el, account.email, account.password);
      expect(summary(el)).to.deep.equal(['This page is not set up correctly. Please tell the site’s administrators.']);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain('<egov-login>');
      expect(errors[0]).to.contain('did not send the backend');
      expect(errors[0]).to.contain(`share the origin ${location.origin}`);
      expect(errors[0]).not.to.contain(account.password);

      // Trying again does not repeat the message.
      await loginWith(el, account.email, account.password);
      expect(errors).to.have.length(1);
    });

    it('in Serbian, and names the allow-list when the backend refuses the page’s origin', async () => {
      const el = await fixture<EgovLogin>(html`<egov-login backend-url=${`${otherOrigin()}${API}`} locale="sr-Cyrl" modes="password"></egov-login>`);
      const events: string[] = [];
      el.addEventListener('egov-login-error', (e) => events.push(e.detail.code));
      await loginWith(el, 'someone@example.test', 'some long passphrase here');
      expect(summary(el)).to.deep.equal(['Ова страница није исправно подешена. Молимо вас да обавестите администраторе сајта.']);
      expect(events).to.deep.equal(['origin_not_allowed']);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain(`--allowed-origin ${location.origin}`);
      expect(errors[0]).to.contain(`its backend on ${otherOrigin()}`);
    });
  });
});
