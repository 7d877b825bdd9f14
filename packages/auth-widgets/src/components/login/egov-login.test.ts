import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { API, createAccount, logout, outbox, uniqueEmail } from '../../../test-support/backend.js';
import { expectShown } from '../../../test-support/visibility.js';
import { FetchAuthClient } from '../../client/fetch-auth-client.js';
import type { LoginResponse, PasswordLoginRequest } from '../../client/contract.js';
import '../../define/all.js';
import { EgovAuth as EgovAuthClass } from '../auth/egov-auth.js';
type EgovAuth = EgovAuthClass;
import type { EgovLogin } from './egov-login.js';

function input(el: EgovLogin, name: 'email' | 'password'): HTMLInputElement {
  return el.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
}

/** Types as a person does: focus the field, then real key presses. */
async function type(field: HTMLInputElement, text: string): Promise<void> {
  field.focus();
  field.select();
  await sendKeys({ type: text });
}

/** Presses "Log in" and waits until the element has checked the fields (the first try loads what checks them). */
async function submit(el: EgovLogin): Promise<void> {
  const button = el.querySelector<HTMLButtonElement>('button[type=submit]')!;
  button.click();
  await el.updateComplete;
  await waitUntil(() => !button.isConnected || button.getAttribute('aria-disabled') !== 'true', 'the form did not answer', { timeout: 8000 });
  await el.updateComplete;
}

async function settle(el: EgovLogin): Promise<void> {
  await waitUntil(() => el.querySelector('button[type=submit]')?.getAttribute('aria-disabled') !== 'true' || !el.querySelector('form'), 'login did not finish', { timeout: 8000 });
  await el.updateComplete;
}

async function loginWith(el: EgovLogin, email: string, password: string): Promise<void> {
  await type(input(el, 'email'), email);
  await type(input(el, 'password'), password);
  await submit(el);
  await settle(el);
}

function summaryItems(el: EgovLogin): string[] {
  return [...el.querySelectorAll('.egov-summary li')].map((li) => li.textContent!.trim());
}

async function standalone(attrs: { backend?: string; locale?: string } = {}): Promise<EgovLogin> {
  return fixture<EgovLogin>(html`<egov-login
    backend-url=${attrs.backend ?? API}
    locale=${attrs.locale ?? 'en'}
    password-reset-url="/reset"
    register-url="/register"
  ></egov-login>`);
}

describe('<egov-login>', () => {
  afterEach(async () => {
    await logout();
  });

  describe('form', () => {
    it('renders its inputs in the light DOM, where password managers see them', async () => {
      await standalone();
      const password = document.querySelector('egov-login input[autocomplete=current-password]');
      const email = document.querySelector('egov-login input[autocomplete=username]');
      expect(password).to.exist;
      expect(email).to.exist;
      expect(password!.getAttribute('type')).to.equal('password');
      expect(email!.getAttribute('type')).to.equal('email');
      expect(password!.getAttribute('spellcheck')).to.equal('false');
      expect(email!.getAttribute('spellcheck')).to.equal('false');
      // maxlength would silently truncate a pasted password (SECURITY.md 1).
      expect(password!.hasAttribute('maxlength')).to.be.false;
    });

    it('labels each input and puts "Password forgotten?" under the Log in button', async () => {
      const el = await standalone();
      const labels = [...el.querySelectorAll('label')].map((l) => l.textContent!.trim());
      expect(labels).to.deep.equal(['Username (e-mail address)', 'Password']);
      const submitButton = el.querySelector('button[type=submit]')!;
      // Each link opens its page in the person's language.
      const forgot = el.querySelector<HTMLAnchorElement>('a[href="/reset?locale=en"]')!;
      expect(forgot.textContent!.trim()).to.equal('Password forgotten?');
      expect(submitButton.compareDocumentPosition(forgot) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
      expect(el.querySelector('a[href="/register?locale=en"]')!.textContent!.trim()).to.equal('Create a user account');
      await expect(el).to.be.accessible();
    });

    it('offers certificate and password login as tabs, certificate first, password open', async () => {
      const el = await standalone();
      const tabs = [...el.querySelectorAll<HTMLButtonElement>('[role=tab]')];
      expect(tabs.map((t) => t.textContent!.trim())).to.deep.equal(['Qualified electronic certificate', 'Username and password']);
      expect(tabs.map((t) => t.getAttribute('aria-selected'))).to.deep.equal(['false', 'true']);
      const certificatePanel = el.querySelector<HTMLElement>(`#${tabs[0]!.getAttribute('aria-controls')}`)!;
      expect(certificatePanel.hidden).to.be.true;
    });

    it('switches tabs with the arrow keys and keeps what was typed', async () => {
      const el = await standalone();
      await type(input(el, 'email'), 'kept@example.test');
      const [certificateTab, passwordTab] = [...el.querySelectorAll<HTMLButtonElement>('[role=tab]')];
      passwordTab!.focus();
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(certificateTab!.getAttribute('aria-selected')).to.equal('true');
      expect(document.activeElement).to.equal(certificateTab);
      const certificatePanel = el.querySelector<HTMLElement>(`#${certificateTab!.getAttribute('aria-controls')}`)!;
      expect(certificatePanel.hidden).to.be.false;
      // The picker loads only now, with the tab.
      await waitUntil(() => certificatePanel.querySelector('egov-certificate-picker h4'), 'no certificate picker');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(passwordTab!.getAttribute('aria-selected')).to.equal('true');
      expect(input(el, 'email').value).to.equal('kept@example.test');
    });

    it('shows only the password form when only that mode is enabled', async () => {
      const el = await fixture<EgovLogin>(html`<egov-login backend-url=${API} modes="password"></egov-login>`);
      expect(el.querySelector('[role=tablist]')).to.be.null;
      expect(input(el, 'password')).to.exist;
      await expect(el).to.be.accessible();
    });
  });

  describe('validation', () => {
    it('empty submit: error summary focused, field errors linked to their inputs', async () => {
      const el = await standalone();
      await submit(el);
      const summary = el.querySelector<HTMLElement>('.egov-summary')!;
      expect(summary).to.exist;
      expect(document.activeElement).to.equal(summary);
      expect(summary.textContent).to.contain('There is a problem');
      expect(summaryItems(el)).to.deep.equal(['Enter your e-mail address', 'Enter your password']);
      const email = input(el, 'email');
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      const errorId = email.getAttribute('aria-describedby')!.split(' ').find((id) => id.endsWith('-error'))!;
      expect(el.querySelector(`#${errorId}`)!.textContent).to.contain('Error:');
      await expect(el).to.be.accessible();
      // The summary's link moves focus to the field.
      el.querySelector<HTMLAnchorElement>('.egov-summary a')!.click();
      expect(document.activeElement).to.equal(email);
    });

    it('says when the e-mail address is not in the right format', async () => {
      const el = await standalone();
      await type(input(el, 'email'), 'not-an-address');
      await type(input(el, 'password'), 'something long enough');
      await submit(el);
      expect(summaryItems(el)).to.deep.equal(['Enter an e-mail address in the correct format, like name@example.com']);
    });

    it('refuses a password over 128 characters with a message and never truncates it', async () => {
      const el = await standalone();
      const long = 'a'.repeat(129);
      await type(input(el, 'email'), 'someone@example.test');
      input(el, 'password').value = long;
      await submit(el);
      expect(summaryItems(el)).to.deep.equal(['The password must be 128 characters or fewer']);
      expect(input(el, 'password').value).to.equal(long);
    });

    it('counts a password as registration does: 129 emoji are too long, and a registered 70-emoji password logs in', async () => {
      // 70 characters to a person and to the backend, 140 UTF-16 units to String.length.
      const emoji = Array.from({ length: 70 }, (_, i) => String.fromCodePoint(0x1f400 + i)).join('');
      const account = await createAccount('active', { password: emoji });
      const el = await standalone();
      const success = oneEvent(el, 'egov-login-success');
      await type(input(el, 'email'), account.email);
      await type(input(el, 'password'), emoji);
      expect(input(el, 'password').value).to.equal(emoji);
      await submit(el);
      expect(summaryItems(el)).to.deep.equal([]);
      expect((await success).detail.user.email).to.equal(account.email);
      await logout();

      const tooLong = await standalone();
      await type(input(tooLong, 'email'), 'someone@example.test');
      input(tooLong, 'password').value = '🦊'.repeat(129);
      await submit(tooLong);
      expect(summaryItems(tooLong)).to.deep.equal(['The password must be 128 characters or fewer']);
    });

    it('shows and hides the password, announces it, and hides it again on submit', async () => {
      const el = await standalone();
      const toggle = el.querySelector<HTMLButtonElement>('.egov-password button')!;
      expect(toggle.getAttribute('aria-label')).to.equal('Show password');
      toggle.click();
      await el.updateComplete;
      expect(input(el, 'password').type).to.equal('text');
      expect(toggle.getAttribute('aria-label')).to.equal('Hide password');
      expect(el.querySelector('[aria-live=polite]')!.textContent).to.equal('Your password is visible');
      await submit(el);
      expect(input(el, 'password').type).to.equal('password');
    });

    it('a shown password is hidden again when the element leaves the page and comes back (a controller of the element, issue 14)', async () => {
      const el = await standalone();
      el.querySelector<HTMLButtonElement>('.egov-password button')!.click();
      await el.updateComplete;
      expect(input(el, 'password').type).to.equal('text');
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await el.updateComplete;
      expect(input(el, 'password').type).to.equal('password');
      expect(el.querySelector<HTMLButtonElement>('.egov-password button')!.getAttribute('aria-label')).to.equal('Show password');
    });
  });

  describe('against the backend', () => {
    it('logs in and emits egov-login-success without any secret', async () => {
      const account = await createAccount('active');
      const el = await standalone();
      const events: CustomEvent[] = [];
      for (const name of ['egov-login-success', 'egov-login-error']) el.addEventListener(name, (e) => events.push(e as CustomEvent));
      const success = oneEvent(el, 'egov-login-success');
      await type(input(el, 'email'), account.email);
      await type(input(el, 'password'), account.password);
      await submit(el);
      const event = await success;
      expect(event.detail).to.deep.equal({ user: { email: account.email, acr: 'basic' } });
      expect(event.bubbles && event.composed).to.be.true;
      await el.updateComplete;
      const heading = el.querySelector('.egov-notice-title')!;
      expect(heading.textContent).to.equal('You are logged in');
      expect(document.activeElement).to.equal(heading);
      expect(el.querySelector('input[name=password]')).to.be.null;
      expect(JSON.stringify(events.map((e) => e.detail))).not.to.contain(account.password);
      expect(localStorage.length + sessionStorage.length).to.equal(0);
      expect(el.innerHTML).not.to.contain(account.password);
      await expect(el).to.be.accessible();
    });

    it('gives one generic message for a wrong password, clears the password and keeps the e-mail', async () => {
      const account = await createAccount('active');
      const el = await standalone();
      const failed = oneEvent(el, 'egov-login-error');
      await loginWith(el, account.email, 'wrong password entirely');
      expect((await failed).detail).to.deep.equal({ code: 'invalid_credentials' });
      expect(summaryItems(el)).to.deep.equal(['Wrong e-mail address or password']);
      expect(input(el, 'password').value).to.equal('');
      expect(input(el, 'email').value).to.equal(account.email);
      expect(document.activeElement).to.equal(el.querySelector('.egov-summary'));
      await expect(el).to.be.accessible();
    });

    it('gives the same message for an e-mail that has no account', async () => {
      const el = await standalone();
      await loginWith(el, uniqueEmail('nobody'), 'any password at all');
      expect(summaryItems(el)).to.deep.equal(['Wrong e-mail address or password']);
    });

    const states = [
      ['unconfirmed', 'email_not_confirmed', 'Confirm your e-mail address'],
      ['pending_review', 'pending_review', 'Your account is awaiting review'],
      ['rejected', 'account_rejected', 'Your registration was not approved'],
    ] as const;
    for (const [state, code, title] of states) {
      it(`shows the ${state} state once the password is right`, async () => {
        const account = await createAccount(state, { rejectionReason: 'The document photo is not readable.' });
        const el = await standalone();
        const failed = oneEvent(el, 'egov-login-error');
        await loginWith(el, account.email, account.password);
        expect((await failed).detail.code).to.equal(code);
        const notice = el.querySelector<HTMLElement>('.egov-notice')!;
        expect(notice.dataset['notice']).to.equal(code);
        expect(notice.querySelector('.egov-notice-title')!.textContent).to.equal(title);
        expect(document.activeElement).to.equal(notice.querySelector('.egov-notice-title'));
        if (state === 'rejected') expect(notice.textContent).to.contain('The document photo is not readable.');
        await expect(el).to.be.accessible();
      });
    }

    it('shows a state only after the password is right: a wrong one gets the generic message', async () => {
      const account = await createAccount('pending_review');
      const el = await standalone();
      await loginWith(el, account.email, 'not the password');
      expect(el.querySelector('.egov-notice')).to.be.null;
      expect(summaryItems(el)).to.deep.equal(['Wrong e-mail address or password']);
    });

    it('renders a reviewer’s reason as text, never as markup', async () => {
      const account = await createAccount('rejected', { rejectionReason: '<img src=x onerror="window.__pwned=1">' });
      const el = await standalone();
      await loginWith(el, account.email, account.password);
      expect(el.querySelector('.egov-notice img')).to.be.null;
      expect(el.querySelector('.egov-notice')!.textContent).to.contain('<img src=x');
      expect((window as unknown as { __pwned?: number }).__pwned).to.be.undefined;
    });

    it('not confirmed: “Send the message again” sends a new link to the address typed, and says so (issue 12)', async () => {
      const account = await createAccount('unconfirmed');
      const el = await standalone();
      await loginWith(el, account.email, account.password);
      const notice = el.querySelector<HTMLElement>('[data-notice=email_not_confirmed]')!;
      const button = [...notice.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Send the message again');
      expectShown(button, 'the resend button');
      const before = (await outbox(account.email)).filter((m) => m.kind === 'confirm_email').length;
      button!.click();
      await waitUntil(() => el.querySelector('[role=status][id$=resent]'), 'no status after resending', { timeout: 8000 });
      const status = el.querySelector<HTMLElement>('[role=status][id$=resent]')!;
      expect(status.textContent!.trim()).to.equal('We have sent the message again.');
      expect(document.activeElement).to.equal(status);
      const sent = (await outbox(account.email)).filter((m) => m.kind === 'confirm_email');
      expect(sent.length).to.equal(before + 1);
      await expect(el).to.be.accessible();
    });

    it('rejected: the reason is marked as the reviewer’s own words, and “Register again” opens registration in the same language (issue 12)', async () => {
      const account = await createAccount('rejected', { rejectionReason: 'The document photo is not readable.' });
      const el = await standalone({ locale: 'sr-Cyrl' });
      await loginWith(el, account.email, account.password);
      const notice = el.querySelector<HTMLElement>('[data-notice=account_rejected]')!;
      const quote = notice.querySelector<HTMLElement>('blockquote[data-reviewer-reason]');
      expectShown(quote, 'the reviewer’s reason');
      expect(quote!.textContent).to.equal('The document photo is not readable.');
      expect(quote!.getAttribute('dir')).to.equal('auto');
      expect(quote!.previousElementSibling!.textContent).to.equal('Образложење, онако како га је написало овлашћено лице:');
      const link = [...notice.querySelectorAll('a')].find((a) => a.textContent === 'Региструјте се поново');
      expectShown(link, 'the register-again link');
      expect(new URL(link!.href).pathname).to.equal('/register');
      expect(new URL(link!.href).searchParams.get('locale')).to.equal('sr-Cyrl');
      await expect(el).to.be.accessible();
    });

    it('after too many failures says when to try again, as a time', async () => {
      const account = await createAccount('active');
      const el = await standalone();
      for (let i = 0; i < 5; i++) await loginWith(el, account.email, `wrong password ${i}`);
      const failed = oneEvent(el, 'egov-login-error');
      await loginWith(el, account.email, account.password);
      expect((await failed).detail.code).to.equal('throttled');
      const [message] = summaryItems(el);
      expect(message).to.match(/^Too many attempts\. Try again in \d+ minutes?, after \d{2}:\d{2}( [AP]M)?\.$/);
      await expect(el).to.be.accessible();
    });

    it('prevents a double submit: one request however often Log in is pressed', async () => {
      const account = await createAccount('active');
      let calls = 0;
      // The real client, counting the logins it sends.
      const counting = new (class extends FetchAuthClient {
        override loginWithPassword(request: PasswordLoginRequest, options?: { signal?: AbortSignal }): Promise<LoginResponse> {
          calls += 1;
          return super.loginWithPassword(request, options);
        }
      })({ baseUrl: new URL(API, location.href).href });
      const el = await standalone();
      el.client = counting;
      await type(input(el, 'email'), account.email);
      await type(input(el, 'password'), account.password);
      const button = el.querySelector<HTMLButtonElement>('button[type=submit]')!;
      button.click();
      button.click();
      el.querySelector('form')!.requestSubmit();
      await el.updateComplete;
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      await settle(el);
      expect(calls).to.equal(1);
      expect(el.querySelector('.egov-notice-title')!.textContent).to.equal('You are logged in');
    });
  });

  describe('when the backend fails', () => {
    for (const [fault, message] of [
      ['down', 'The service is not available right now. Nothing you entered is lost. Please try again in a moment.'],
      ['500', 'The service is not available right now. Nothing you entered is lost. Please try again in a moment.'],
      ['malformed', 'The service is not available right now. Nothing you entered is lost. Please try again in a moment.'],
    ] as const) {
      it(`keeps everything typed and offers a retry (${fault})`, async () => {
        const account = await createAccount('active');
        const el = await standalone({ backend: `/faulty/${fault}/api` });
        await loginWith(el, account.email, account.password);
        expect(summaryItems(el)).to.deep.equal([message]);
        expect(input(el, 'email').value).to.equal(account.email);
        expect(input(el, 'password').value).to.equal(account.password);
        await expect(el).to.be.accessible();
        // The backend is back: the same form, untouched, now logs in.
        el.backendUrl = API;
        await el.updateComplete;
        await submit(el);
        await settle(el);
        expect(el.querySelector('.egov-notice-title')!.textContent).to.equal('You are logged in');
      });
    }

    it('gives up on a slow backend after the configured timeout', async () => {
      const account = await createAccount('active');
      const auth = await fixture<EgovAuth>(html`<egov-auth backend-url="/faulty/slow/api" timeout-ms="400" locale="en">
        <egov-login></egov-login>
      </egov-auth>`);
      const el = auth.querySelector('egov-login')!;
      await el.updateComplete;
      await loginWith(el, account.email, account.password);
      expect(summaryItems(el)).to.deep.equal(['The service did not answer in time. Nothing you entered is lost. Please try again.']);
      expect(input(el, 'password').value).to.equal(account.password);
    });
  });

  describe('configuration', () => {
    let errors: unknown[][] = [];
    const original = console.error;
    beforeEach(() => {
      errors = [];
      console.error = (...args: unknown[]) => errors.push(args);
    });
    afterEach(() => {
      console.error = original;
    });

    const cases = [
      ['no backend URL', html`<egov-login></egov-login>`, 'missing_backend_url'],
      ['an unknown mode', html`<egov-login backend-url="/api" modes="password smoke-signals"></egov-login>`, 'unknown_mode'],
      ['plain http to another host', html`<egov-login backend-url="http://auth.example.gov.rs/api"></egov-login>`, 'insecure_backend_url'],
      ['a javascript: link', html`<egov-login backend-url="/api" register-url="javascript:alert(1)"></egov-login>`, 'invalid_link'],
    ] as const;
    for (const [name, template, code] of cases) {
      it(`shows a visible message and a console error for ${name}`, async () => {
        const el = await fixture<EgovLogin>(template);
        const notice = el.querySelector('[data-config-error]')!;
        expect(notice).to.exist;
        expect(notice.textContent).to.contain('Login is not available');
        expect(notice.querySelector(`[data-problem=${code}]`)).to.exist;
        expect(el.querySelector('form')).to.be.null;
        expect(errors.map((args) => String(args[0])).join('\n')).to.contain('<egov-login> is not configured correctly');
        await expect(el).to.be.accessible();
      });
    }

    it('takes its configuration from <egov-auth>, and its own attributes win', async () => {
      const auth = await fixture<EgovAuth>(html`<egov-auth backend-url="/api" modes="password" password-reset-url="/from-provider">
        <egov-login password-reset-url="/own"></egov-login>
      </egov-auth>`);
      const el = auth.querySelector('egov-login')!;
      await el.updateComplete;
      expect(el.querySelector('[role=tablist]')).to.be.null;
      expect(el.querySelector('a.egov-link')!.getAttribute('href')).to.equal('/own?locale=en');
      const account = await createAccount('active');
      await loginWith(el, account.email, account.password);
      expect(el.querySelector('.egov-notice-title')!.textContent).to.equal('You are logged in');
    });

    it('works when <egov-auth> is defined after the element inside it', async () => {
      const tag = `late-egov-auth-${Date.now()}`;
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      const provider = document.createElement(tag);
      provider.setAttribute('backend-url', '/api');
      provider.setAttribute('locale', 'sr-Cyrl');
      const el = document.createElement('egov-login');
      provider.append(el);
      container.append(provider);
      await el.updateComplete;
      // No provider yet: the element says it has no backend.
      expect(el.querySelector('[data-problem=missing_backend_url]')).to.exist;
      customElements.define(tag, class extends EgovAuthClass {});
      await waitUntil(() => el.querySelector('h2')?.textContent === 'Пријава', 'the late provider was not heard');
      expect(el.querySelector('form')).to.exist;
    });

    it('says so when the <egov-auth> config attribute is not JSON', async () => {
      const auth = await fixture<EgovAuth>(html`<egov-auth config="{backendUrl: nope"></egov-auth>`);
      expect(auth.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('not valid JSON');
      expect(errors).to.have.length(1);
    });
  });

  describe('languages', () => {
    it('speaks Serbian Cyrillic and Latin, and switches at runtime from <egov-auth>', async () => {
      const auth = await fixture<EgovAuth>(html`<egov-auth backend-url="/api" locale="sr-Cyrl"><egov-login></egov-login></egov-auth>`);
      const el = auth.querySelector('egov-login')!;
      await waitUntil(() => el.querySelector('h2')!.textContent === 'Пријава');
      expect(el.querySelector('.egov-root')!.getAttribute('lang')).to.equal('sr-Cyrl');
      expect(el.querySelector('button[type=submit]')!.textContent!.trim()).to.equal('Пријавите се');
      expect(el.querySelector('a.egov-link')).to.be.null;
      await submit(el);
      expect(summaryItems(el)).to.deep.equal(['Унесите адресу електронске поште', 'Унесите лозинку']);
      await expect(el).to.be.accessible();

      auth.locale = 'sr-Latn';
      await waitUntil(() => el.querySelector('h2')!.textContent === 'Prijava');
      // The errors on screen change language too.
      expect(summaryItems(el)).to.deep.equal(['Unesite adresu elektronske pošte', 'Unesite lozinku']);
      expect(el.querySelector('[role=tab]')!.textContent!.trim()).to.equal('Kvalifikovani elektronski sertifikat');
      await expect(el).to.be.accessible();

      auth.locale = 'en';
      await waitUntil(() => el.querySelector('h2')!.textContent === 'Log in');
    });

    it('carries the language on every link it makes, following a switch at runtime', async () => {
      const auth = await fixture<EgovAuth>(html`<egov-auth backend-url="/api" locale="sr-Cyrl" register-url="/register" password-reset-url="/{locale}/reset">
        <egov-login></egov-login>
      </egov-auth>`);
      const el = auth.querySelector('egov-login')!;
      await waitUntil(() => el.querySelector('h2')!.textContent === 'Пријава');
      const hrefs = () => [...el.querySelectorAll('a.egov-link')].map((a) => a.getAttribute('href'));
      expect(hrefs()).to.include.members(['/sr-Cyrl/reset', '/register?locale=sr-Cyrl']);
      auth.locale = 'sr-Latn';
      await waitUntil(() => el.querySelector('h2')!.textContent === 'Prijava');
      expect(hrefs()).to.include.members(['/sr-Latn/reset', '/register?locale=sr-Latn']);
      auth.localeParam = 'lang';
      await waitUntil(() => hrefs().includes('/register?lang=sr-Latn'));
    });

    it('says "wrong e-mail or password" and the throttling time in Serbian', async () => {
      const el = await standalone({ locale: 'sr-Latn' });
      await waitUntil(() => el.querySelector('h2')!.textContent === 'Prijava');
      await loginWith(el, uniqueEmail('nobody'), 'pogrešna lozinka');
      expect(summaryItems(el)).to.deep.equal(['Pogrešna adresa elektronske pošte ili lozinka']);
    });

    it('follows the page language when nothing else is set', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="sr-Cyrl"><egov-login backend-url="/api"></egov-login></div>`);
      const el = wrapper.querySelector('egov-login')!;
      await waitUntil(() => el.querySelector('h2')!.textContent === 'Пријава');
    });
  });

  describe('headings (usability review, issue 12)', () => {
    /** Every heading's level and text, in document order, the picker's included. */
    const outline = (el: Element) => [...el.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.localName} ${h.textContent!.trim()}`);

    it('follow heading-level: the element’s own, its sections one below, notices and the picker two below', async () => {
      const account = await createAccount('pending_review');
      const el = await fixture<EgovLogin>(html`<egov-login backend-url=${API} locale="en" heading-level="1" mode="certificate"></egov-login>`);
      await waitUntil(() => el.querySelector('egov-certificate-picker h3'), 'no certificate picker', { timeout: 8000 });
      expect(outline(el).slice(0, 3)).to.deep.equal(['h1 Log in', 'h2 Log in with a qualified electronic certificate', 'h3 Select a certificate']);
      expect(outline(el)).to.include('h2 Log in with username and password');
      el.querySelector<HTMLButtonElement>('[role=tab]:not([aria-selected=true])')!.click();
      await el.updateComplete;
      await loginWith(el, account.email, account.password);
      expect(outline(el)).to.include('h3 Your account is awaiting review');
      await expect(el).to.be.accessible();
    });

    it('default to h2, with the picker at h4 under the certificate tab’s h3', async () => {
      const el = await fixture<EgovLogin>(html`<egov-login backend-url=${API} locale="en" mode="certificate"></egov-login>`);
      await waitUntil(() => el.querySelector('egov-certificate-picker h4'), 'no certificate picker', { timeout: 8000 });
      expect(outline(el).slice(0, 3)).to.deep.equal(['h2 Log in', 'h3 Log in with a qualified electronic certificate', 'h4 Select a certificate']);
    });
  });

  describe('keyboard and host page', () => {
    it('logs in with the keyboard alone', async () => {
      const account = await createAccount('active');
      const el = await standalone();
      const success = oneEvent(el, 'egov-login-success');
      input(el, 'email').focus();
      await sendKeys({ type: account.email });
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(input(el, 'password'));
      await sendKeys({ type: account.password });
      await sendKeys({ press: 'Enter' });
      expect((await success).detail.user.email).to.equal(account.email);
    });

    it('keeps its layout under hostile global CSS of the host page', async () => {
      const style = document.createElement('style');
      style.textContent = 'input { display: none; } form, div { display: flex; } button { visibility: hidden; }';
      document.head.append(style);
      try {
        const el = await standalone();
        const email = input(el, 'email');
        expect(getComputedStyle(email).display).to.equal('block');
        expect(getComputedStyle(el.querySelector('form')!).display).to.equal('block');
        expect(getComputedStyle(el.querySelector('button[type=submit]')!).visibility).to.equal('visible');
      } finally {
        style.remove();
      }
    });
  });
});
