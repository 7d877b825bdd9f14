import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { API, createAccount, outbox, tokenFrom, uniqueEmail } from '../../../test-support/backend.js';
import { FetchAuthClient } from '../../client/fetch-auth-client.js';
import { AuthError, type AuthClient } from '../../client/auth-client.js';
import '../../define/all.js';
import { expectHiddenPartsInvisible, expectNotShown, expectShown, isShown } from '../../../test-support/visibility.js';
import type { EgovPasswordReset } from './egov-password-reset.js';

/** The headings a person sees, with their level: `h2 Password forgotten?`. */
function visibleHeadings(el: Element): string[] {
  return [...el.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(isShown).map((h) => `${h.localName} ${h.textContent!.trim()}`);
}

const NEW_PASSWORD = 'seven green lanterns by the lake';

function summary(el: Element): string[] {
  return [...el.querySelectorAll('.egov-summary li')].map((li) => li.textContent!.trim());
}

async function requestReset(el: EgovPasswordReset, email: string): Promise<void> {
  el.querySelector<HTMLInputElement>('input[name=email]')!.value = email;
  el.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await waitUntil(() => el.querySelector('.egov-notice'), 'no confirmation', { timeout: 8000 });
}

async function choose(el: EgovPasswordReset, password: string, confirmation = password): Promise<void> {
  await waitUntil(() => el.querySelector('input[name=password]'), 'no password form', { timeout: 8000 });
  el.querySelector<HTMLInputElement>('input[name=password]')!.value = password;
  el.querySelector<HTMLInputElement>('input[name=passwordConfirmation]')!.value = confirmation;
  el.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await el.updateComplete;
  await waitUntil(() => el.querySelector('button[type=submit]')?.getAttribute('aria-disabled') !== 'true', 'still sending', { timeout: 8000 });
  await el.updateComplete;
}

function apiClient(): FetchAuthClient {
  return new FetchAuthClient({ baseUrl: new URL(API, location.href).href });
}

/** A new active account and a fresh reset link for it, as the e-mail carries it. */
async function resetLink(): Promise<{ email: string; password: string; token: string }> {
  const account = await createAccount('active');
  await apiClient().requestPasswordReset({ email: account.email });
  return { ...account, token: await tokenFrom(account.email, 'password_reset') };
}

async function canLogIn(email: string, password: string): Promise<boolean> {
  const client = apiClient();
  return client.loginWithPassword({ email, password }).then(
    () => true,
    (error: unknown) => {
      if (error instanceof AuthError && error.code === 'invalid_credentials') return false;
      throw error;
    },
  );
}

describe('<egov-password-reset>', () => {
  describe('step 1: the request', () => {
    it('answers the same for an existing and an unknown address, and tells the page nothing more', async () => {
      const account = await createAccount('active');
      const texts: string[] = [];
      for (const email of [account.email, uniqueEmail('nobody')]) {
        const el = await fixture<EgovPasswordReset>(html`<egov-password-reset backend-url=${API}></egov-password-reset>`);
        const requested = oneEvent(el, 'egov-password-reset-requested');
        await requestReset(el, email);
        expect((await requested).detail).to.deep.equal({});
        const notice = el.querySelector('.egov-notice')!;
        expect(document.activeElement).to.equal(notice.querySelector('.egov-notice-title'));
        texts.push(notice.textContent!.replace(email, '<address>').trim());
        await expect(el).to.be.accessible();
      }
      expect(texts[0]).to.equal(texts[1]);
      expect(texts[0]).to.contain('The link works for 60 minutes');
      // Only the real account got a message.
      expect((await outbox(account.email)).filter((m) => m.kind === 'password_reset')).to.have.length(1);
    });

    it('checks the address before sending', async () => {
      const el = await fixture<EgovPasswordReset>(html`<egov-password-reset backend-url=${API}></egov-password-reset>`);
      el.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await el.updateComplete;
      expect(summary(el)).to.deep.equal(['Enter your e-mail address']);
      expect(document.activeElement).to.equal(el.querySelector('.egov-summary'));
      await expect(el).to.be.accessible();
    });
  });

  describe('step 2: the link from the e-mail', () => {
    it('sets a new password: the old one stops working, the new one works, no automatic login', async () => {
      const account = await createAccount('active');
      const el0 = await fixture<EgovPasswordReset>(html`<egov-password-reset backend-url=${API}></egov-password-reset>`);
      await requestReset(el0, account.email);
      const token = await tokenFrom(account.email, 'password_reset');
      history.replaceState(null, '', `${location.pathname}?token=${token}`);
      const el = await fixture<EgovPasswordReset>(html`<egov-password-reset backend-url=${API} login-url="/login"></egov-password-reset>`);
      expect(location.search).to.equal('');
      await waitUntil(() => el.querySelector('input[name=password]'), 'no form', { timeout: 8000 });
      expect(el.querySelector('h2')!.textContent).to.equal('Choose a new password');
      expect(el.querySelector('input[name=password]')!.getAttribute('autocomplete')).to.equal('new-password');
      expect(el.textContent).to.contain('Use at least 15 characters.');
      await expect(el).to.be.accessible();

      const changed = oneEvent(el, 'egov-password-changed');
      await choose(el, NEW_PASSWORD);
      expect((await changed).detail).to.deep.equal({});
      expect(el.querySelector('.egov-notice-title')!.textContent).to.equal('Your password has been changed');
      expect(el.querySelector<HTMLAnchorElement>('a[href="/login?locale=en"]')).to.exist;
      expect(await canLogIn(account.email, account.password)).to.be.false;
      expect(await canLogIn(account.email, NEW_PASSWORD)).to.be.true;
      await expect(el).to.be.accessible();

      // The same link again: refused when the page opens, with a way to ask for a new one.
      const reused = await fixture<EgovPasswordReset>(html`<egov-password-reset backend-url=${API} token=${token}></egov-password-reset>`);
      await waitUntil(() => reused.querySelector('[data-state=invalid]'), 'the used link was not refused', { timeout: 8000 });
      expect(reused.querySelector('.egov-notice-title')!.textContent).to.equal('This link has expired or has already been used');
      expectNotShown(reused.querySelector('input[name=password]'), 'the password field of a used link');
      await expect(reused).to.be.accessible();
      reused.querySelector<HTMLButtonElement>('.egov-button')!.click();
      await reused.updateComplete;
      expect(reused.querySelector('h2')!.textContent).to.equal('Password forgotten?');
      expect(document.activeElement).to.equal(reused.querySelector('input[name=email]'));
    });

    it('shows the policy while typing and checks length and confirmation before sending', async () => {
      const { token } = await resetLink();
      const el = await fixture<EgovPasswordReset>(html`<egov-password-reset backend-url=${API} token=${token}></egov-password-reset>`);
      await waitUntil(() => el.querySelector('input[name=password]'), 'no form', { timeout: 8000 });
      const input = el.querySelector<HTMLInputElement>('input[name=password]')!;
      input.focus();
      await sendKeys({ type: 'short' });
      await el.updateComplete;
      expect(el.querySelector('.egov-password-status')!.textContent).to.equal('10 more characters needed');
      await waitUntil(() => el.querySelector('[aria-live=polite]:not(:empty)')?.textContent === '10 more characters needed', 'not announced');
      await choose(el, 'short');
      expect(summary(el)).to.deep.equal(['The password must be at least 15 characters']);
      await choose(el, NEW_PASSWORD, `${NEW_PASSWORD}!`);
      expect(summary(el)).to.deep.equal(['The passwords do not match']);
      await expect(el).to.be.accessible();
    });

    it('shows the backend’s reason for refusing a common password', async () => {
      const account = await createAccount('active');
      const el0 = await fixture<EgovPasswordReset>(html`<egov-password-reset backend-url=${API}></egov-password-reset>`);
      await requestReset(el0, account.email);
      const token = await tokenFrom(account.email, 'password_reset');
      const el = await fixture<EgovPasswordReset>(html`<egov-password-reset backend-url=${API} token=${token}></egov-password-reset>`);
      await choose(el, 'password12345678');
      expect(summary(el)).to.deep.equal(['This password is too common and easy to guess. Choose another one.']);
      expect(el.querySelector<HTMLInputElement>('input[name=password]')!.value).to.equal('');
    });

    it('speaks Serbian Latin', async () => {
      const { token } = await resetLink();
      const el = await fixture<EgovPasswordReset>(html`<egov-password-reset backend-url=${API} locale="sr-Latn" token=${token}></egov-password-reset>`);
      await waitUntil(() => el.querySelector('h2')!.textContent === 'Izaberite novu lozinku', 'no Latin heading', { timeout: 8000 });
      await waitUntil(() => el.querySelector('input[name=password]'), 'no form', { timeout: 8000 });
      expect(el.textContent).to.contain('Lozinka mora imati najmanje 15 znakova.');
      await expect(el).to.be.accessible();
    });
  });

  describe('step 2: the link is checked when the page opens', () => {
    it('a used or malformed link shows "request a new link" at once, and no password field', async () => {
      const { token } = await resetLink();
      await apiClient().completePasswordReset({ token, password: NEW_PASSWORD });
      for (const [what, link] of [['the used link', token], ['a malformed link', 'made-up']] as const) {
        const el = await fixture<EgovPasswordReset>(html`<egov-password-reset backend-url=${API} token=${link}></egov-password-reset>`);
        await waitUntil(() => el.querySelector('[data-state=invalid]'), `${what}: not refused`, { timeout: 8000 });
        const title = el.querySelector('.egov-notice-title')!;
        expectShown(title, 'the invalid-link title');
        expect(title.textContent).to.equal('This link has expired or has already been used');
        expect(document.activeElement).to.equal(title);
        expectNotShown(el.querySelector('input[name=password]'), 'the new password field');
        expectNotShown(el.querySelector('input[name=passwordConfirmation]'), 'the confirmation field');
        const requestNew = [...el.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === 'Request a new link');
        expectShown(requestNew, 'the "Request a new link" button');
        await expect(el).to.be.accessible();
        requestNew!.click();
        await el.updateComplete;
        expectShown(el.querySelector('input[name=email]'), 'the e-mail field of step 1');
      }
    });

    it('a valid link shows "Checking your link…" until the backend answers, then the form; the check uses nothing up', async () => {
      const { email, token } = await resetLink();
      const backend = apiClient();
      let release!: () => void;
      const answered = new Promise<void>((resolve) => (release = resolve));
      let asked = 0;
      // The real backend, with the check's answer held back until the test has looked at the page.
      const client = new Proxy(backend, {
        get(target, name) {
          if (name === 'checkPasswordResetLink') {
            return async (...args: Parameters<AuthClient['checkPasswordResetLink']>) => {
              asked += 1;
              const answer = await target.checkPasswordResetLink(...args);
              await answered;
              return answer;
            };
          }
          const value: unknown = Reflect.get(target, name, target);
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      const el = await fixture<EgovPasswordReset>(html`<egov-password-reset backend-url=${API} .client=${client} token=${token}></egov-password-reset>`);
      await waitUntil(() => asked === 1, 'the link was not checked', { timeout: 8000 });
      const status = el.querySelector('[role=status]');
      expectShown(status, 'the checking status');
      expect(status!.textContent!.trim()).to.equal('Checking your link…');
      expectNotShown(el.querySelector('input[name=password]'), 'the password field while checking');
      await expect(el).to.be.accessible();

      release();
      await waitUntil(() => el.querySelector('input[name=password]'), 'no form after a valid check', { timeout: 8000 });
      expectShown(el.querySelector('input[name=password]'), 'the new password field');
      expectShown(el.querySelector('input[name=passwordConfirmation]'), 'the confirmation field');
      expect(asked).to.equal(1);
      await choose(el, NEW_PASSWORD);
      expect(el.querySelector('.egov-notice-title')!.textContent).to.equal('Your password has been changed');
      expect(await canLogIn(email, NEW_PASSWORD)).to.be.true;
    });

    it('a backend without the check (404, 405 or 501 for it) gets the form, as before the check existed', async () => {
      for (const code of ['not_found', 'method_not_allowed', 'not_implemented'] as const) {
        const { email, token } = await resetLink();
        // The real backend for everything else; its check answers as a backend that does not have it.
        class WithoutCheck extends FetchAuthClient {
          override checkPasswordResetLink(): Promise<never> {
            return Promise.reject(new AuthError(code));
          }
        }
        const client = new WithoutCheck({ baseUrl: new URL(API, location.href).href });
        const el = await fixture<EgovPasswordReset>(html`<egov-password-reset backend-url=${API} .client=${client} token=${token}></egov-password-reset>`);
        await waitUntil(() => el.querySelector('input[name=password]'), `${code}: no form`, { timeout: 8000 });
        expectShown(el.querySelector('input[name=password]'), `${code}: the new password field`);
        await choose(el, NEW_PASSWORD);
        expect(el.querySelector('.egov-notice-title')!.textContent, code).to.equal('Your password has been changed');
        expect(await canLogIn(email, NEW_PASSWORD)).to.be.true;
      }
    });

    it('when the backend cannot be reached, it offers "Try again" with the same link, never a dead end', async () => {
      const { token } = await resetLink();
      const el = await fixture<EgovPasswordReset>(html`<egov-password-reset backend-url="/faulty/down/api" token=${token}></egov-password-reset>`);
      await waitUntil(() => el.querySelector('.egov-summary'), 'no problem shown', { timeout: 8000 });
      expect(el.querySelector('.egov-summary')!.textContent).to.contain('The service is not available right now');
      expect(document.activeElement).to.equal(el.querySelector('.egov-summary'));
      expect(el.querySelector('[data-state=invalid]'), 'an unreachable backend says nothing about the link').to.equal(null);
      expectNotShown(el.querySelector('input[name=password]'), 'the password field');
      const tryAgain = [...el.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === 'Try again');
      expectShown(tryAgain, 'the "Try again" button');
      await expect(el).to.be.accessible();

      el.backendUrl = API;
      await el.updateComplete;
      tryAgain!.click();
      await waitUntil(() => el.querySelector('input[name=password]'), 'the retry did not check the same link', { timeout: 8000 });
      expectShown(el.querySelector('input[name=password]'), 'the new password field after the retry');
      expect(el.querySelector('.egov-summary')).to.equal(null);
    });
  });

  describe('headings and what is hidden', () => {
    it('heading-level sets the element’s heading in both steps; inner headings follow; nothing hidden shows', async () => {
      const el = await fixture<EgovPasswordReset>(html`<egov-password-reset backend-url=${API} heading-level="3"></egov-password-reset>`);
      await el.updateComplete;
      expect(visibleHeadings(el)).to.deep.equal(['h3 Password forgotten?']);
      el.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await el.updateComplete;
      expect(el.querySelector('.egov-summary-title')!.localName).to.equal('h4');
      expectHiddenPartsInvisible(el);
      await requestReset(el, uniqueEmail('level'));
      expect(visibleHeadings(el)).to.deep.equal(['h3 Password forgotten?', 'h4 Check your e-mail']);
      expectHiddenPartsInvisible(el);
      await expect(el).to.be.accessible();

      const { token } = await resetLink();
      const choose = await fixture<EgovPasswordReset>(html`<egov-password-reset backend-url=${API} token=${token} heading-level="1"></egov-password-reset>`);
      await waitUntil(() => choose.querySelector('input[name=password]'), 'no form', { timeout: 8000 });
      expect(visibleHeadings(choose)).to.deep.equal(['h1 Choose a new password']);
      expectHiddenPartsInvisible(choose);
      // Used up elsewhere after the page checked it: the submit is refused.
      await apiClient().completePasswordReset({ token, password: 'a passphrase set in another tab' });
      await (async () => {
        choose.querySelector<HTMLInputElement>('input[name=password]')!.value = NEW_PASSWORD;
        choose.querySelector<HTMLInputElement>('input[name=passwordConfirmation]')!.value = NEW_PASSWORD;
        choose.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
        await waitUntil(() => choose.querySelector('[data-state=invalid]'), 'the spent link was not refused', { timeout: 8000 });
      })();
      expect(visibleHeadings(choose)).to.deep.equal(['h1 Choose a new password', 'h2 This link has expired or has already been used']);
      expectHiddenPartsInvisible(choose);
    });

    it('heading-display="visually-hidden": only screen readers get the element’s heading', async () => {
      const el = await fixture<EgovPasswordReset>(html`<egov-password-reset backend-url=${API} heading-display="visually-hidden"></egov-password-reset>`);
      await el.updateComplete;
      expect(el.querySelector('h2')!.textContent).to.equal('Password forgotten?');
      expect(visibleHeadings(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('the whole element, when the page sets hidden on it', async () => {
      const el = await fixture<EgovPasswordReset>(html`<egov-password-reset backend-url=${API} hidden></egov-password-reset>`);
      await el.updateComplete;
      expectHiddenPartsInvisible(el);
    });
  });
});
