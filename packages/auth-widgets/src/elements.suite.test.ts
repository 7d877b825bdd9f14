// One suite, the same checks, every element of the kit (issue 14, point 4).
// The table below says, per element, how to put it on a page, what a person
// types into it, how to start a backend request, and which states it can
// reach in a component test; the checks themselves are written once:
//   1. two instances on a page: unique ids, references that stay inside their instance
//   2. a configuration problem: a visible message, one console.error, no request
//   3. a locale switch keeps what was typed, and the focus
//   4. leaving the page aborts the request under way, and no event follows
//   5. a hostile page stylesheet (a CMS theme) changes nothing of the look
//   6. axe in every state the element reaches here
//   7. every language (issue 16): the first state and its errors in the language, with its lang and
//      direction, no English text left; axe in Arabic (right to left) and Chinese
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import {
  API,
  DEMO_PASSWORD,
  createAccount,
  logout,
  register as registerAccount,
  tokenFrom,
  uniqueEmail,
} from '../test-support/backend.js';
import { pdfFile, pngFile } from '../test-support/documents.js';
import {
  captureConsoleErrors,
  eventually,
  gatedAgent,
  idProblems,
  recordEvents,
  recordingClient,
  spyOnRequests,
  styleDifferences,
  typeLikeAPerson,
  type KitElement,
} from '../test-support/element-suite.js';
import { fillRegistrationFields } from '../test-support/registration.js';
import { expectShown, isShown, visibleTexts } from '../test-support/visibility.js';
import { SoftAgent } from './agent/soft-agent.js';
import { AuthError, type AuthClient } from './client/auth-client.js';
import { FetchAuthClient } from './client/fetch-auth-client.js';
import type { CertificateAgent } from './agent/certificate-agent.js';
import './define/all.js';
import './define/egov-certificate-picker.js';
import { en as english } from './i18n/en.js';
import { partOf, type PartName } from './i18n/locale-pack.js';
import { loadLocalePack, localeDirection, SUPPORTED_LOCALES } from './i18n/locales.js';

type Tag = 'egov-login' | 'egov-register' | 'egov-password-reset' | 'egov-email-confirm' | 'egov-certificate-picker';
type Locale = 'en' | 'sr-Cyrl' | 'sr-Latn';

/** How a test puts an element on the page. */
interface Setup {
  backend?: string;
  locale?: string;
  client?: AuthClient;
  agent?: CertificateAgent;
  token?: string;
  /** Where to put it (default: a fresh fixture). */
  where?: Element;
  style?: string;
}

/** A request under way in an element that is still on the page. */
interface RequestUnderWay {
  el: KitElement;
  /** Runs after the element was removed: what went wrong (empty when the request was aborted cleanly). */
  afterRemoval: () => Promise<string[]>;
}

interface ReachableState {
  name: string;
  /** Puts a new element on the page in this state (and checks that it is there). */
  reach: () => Promise<KitElement>;
}

interface ElementCase {
  tag: Tag;
  /** The element's own heading in each locale. */
  headings: Record<Locale, string>;
  /** Where the heading is in every language's folder. */
  title: [PartName, string];
  /** The events the element dispatches. */
  events: readonly string[];
  /** Puts the element on the page and waits until its first state shows. */
  create: (setup?: Setup) => Promise<KitElement>;
  /** The text inputs a person types into in the first state, and what they type; empty when there are none. */
  typing: (el: KitElement) => [HTMLInputElement, string][];
  /** What a person sees of the state (not its texts): must stay the same when the locale changes. */
  visibleState: (el: KitElement) => string;
  /** Sends the first state's form empty and waits for the error summary; undefined when the element has no form. */
  submitEmpty?: (el: KitElement) => Promise<void>;
  /** Drives a second state for the id check (beyond the first state and the empty submit). */
  moreStates?: (el: KitElement) => Promise<void>;
  /** Starts a backend request (or the element's closest equivalent) that does not answer yet. */
  startRequest: () => Promise<RequestUnderWay>;
  /** Every state for axe. */
  states: ReachableState[];
}

// ------------------------------------------------------------------ helpers

async function place(tag: Tag, attributes: Record<string, string | undefined>, setup: Setup = {}): Promise<KitElement> {
  const el = document.createElement(tag) as KitElement & { agent?: CertificateAgent };
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) el.setAttribute(name, value);
  if (setup.style) el.setAttribute('style', setup.style);
  if (setup.client) el.client = setup.client;
  if (setup.agent) el.agent = setup.agent;
  const where = setup.where ?? (await fixture<HTMLDivElement>(html`<div></div>`));
  where.append(el);
  await el.updateComplete;
  return el;
}

/** The element's own heading (not a nested picker's). */
function heading(el: Element): string | undefined {
  return el.querySelector(':scope > .egov-root > .egov-heading')?.textContent?.trim();
}

function visibleSubmit(el: Element): HTMLButtonElement {
  const button = [...el.querySelectorAll<HTMLButtonElement>('button[type=submit]')].find(isShown);
  if (!button) expect.fail('no visible submit button');
  return button;
}

function input(el: Element, name: string): HTMLInputElement {
  const found = el.querySelector<HTMLInputElement>(`[name=${name}]`);
  if (!found) expect.fail(`no ${name} field`);
  return found;
}

async function submitEmpty(el: KitElement): Promise<void> {
  visibleSubmit(el).click();
  await el.updateComplete;
  await eventually(() => el.querySelector('.egov-summary'), 'no error summary after an empty submit');
  await el.updateComplete;
  expectShown(el.querySelector('.egov-summary'), 'the error summary');
}

/** Sends the visible form and waits until it is no longer sending. */
async function send(el: KitElement): Promise<void> {
  const button = visibleSubmit(el);
  button.click();
  await el.updateComplete;
  await eventually(() => !button.isConnected || button.getAttribute('aria-disabled') !== 'true', 'still sending', 12000);
  await el.updateComplete;
}

/** The title of the notice the element shows now. */
function noticeTitle(el: Element): string {
  return [...el.querySelectorAll('.egov-notice-title')].filter(isShown).map((t) => t.textContent!.trim()).join(' | ');
}

function summaryText(el: Element): string {
  return el.querySelector('.egov-summary')?.textContent ?? '';
}

/** A client of the real backend whose policy (GET /config) cannot be loaded: the backend is down for it. */
class NoPolicyClient extends FetchAuthClient {
  constructor() {
    super({ baseUrl: new URL(API, location.href).href });
  }

  override getConfig(): Promise<never> {
    return Promise.reject(new AuthError('network_error'));
  }
}

/** The standard request-under-way for a form element: the recording client against the slow backend. */
async function formRequest(create: (setup: Setup) => Promise<KitElement>, start: (el: KitElement) => Promise<void>): Promise<RequestUnderWay> {
  const { client, calls } = recordingClient('/faulty/slow/api');
  const el = await create({ client });
  await start(el);
  await eventually(() => calls.length > 0, 'no request was sent');
  const call = calls.at(-1)!;
  expect(call.signal, `${call.method}: the element passes an abort signal`).to.be.instanceOf(AbortSignal);
  expect(call.signal!.aborted, `${call.method}: not aborted while the element is on the page`).to.equal(false);
  return {
    el,
    afterRemoval: async () => {
      const problems: string[] = [];
      if (!call.signal?.aborted) problems.push(`${call.method}: its signal was not aborted when the element left the page`);
      // The slow backend answers after 5 s: a request that was not aborted ends then, otherwise.
      const outcome = await call.outcome;
      if (outcome !== 'aborted') problems.push(`${call.method}: ended as "${outcome}", not "aborted"`);
      await aTimeout(100);
      return problems;
    },
  };
}

// ------------------------------------------------------------ the elements

const loginCase: ElementCase = {
  tag: 'egov-login',
  headings: { en: 'Log in', 'sr-Cyrl': 'Пријава', 'sr-Latn': 'Prijava' },
  title: ['login', 'loginHeading'],
  events: ['egov-login-success', 'egov-login-error'],
  async create(setup = {}) {
    const el = await place(
      'egov-login',
      {
        'backend-url': setup.backend ?? API,
        locale: setup.locale ?? 'en',
        'password-reset-url': '/reset',
        'register-url': '/register',
        'certificate-agent': 'soft',
      },
      setup,
    );
    await eventually(() => el.querySelector('input[name=password]'), 'no login form');
    return el;
  },
  typing: (el) => [
    [input(el, 'email'), 'kept@example.test'],
    [input(el, 'password'), 'a phrase typed before the switch'],
  ],
  visibleState: (el) => `form shown: ${isShown(el.querySelector('form')!)}; tab: ${el.querySelector('[role=tab][aria-selected=true]')?.id}`,
  submitEmpty,
  async moreStates(el) {
    // The certificate tab: the picker inside, with its own ids.
    el.querySelector<HTMLButtonElement>('[role=tab]')!.click();
    await eventually(() => el.querySelector('egov-certificate-picker .egov-certificates'), 'no certificate list in the login');
  },
  startRequest: () =>
    formRequest(
      (setup) => loginCase.create(setup),
      async (el) => {
        await typeLikeAPerson(input(el, 'email'), 'someone@example.test');
        await typeLikeAPerson(input(el, 'password'), DEMO_PASSWORD);
        visibleSubmit(el).click();
      },
    ),
  states: [
    { name: 'the form', reach: () => loginCase.create() },
    {
      name: 'errors after an empty submit',
      async reach() {
        const el = await loginCase.create();
        await submitEmpty(el);
        return el;
      },
    },
    {
      name: 'the backend fails (502 page)',
      async reach() {
        const el = await loginCase.create({ backend: '/faulty/500/api' });
        await typeLikeAPerson(input(el, 'email'), 'someone@example.test');
        await typeLikeAPerson(input(el, 'password'), DEMO_PASSWORD);
        await send(el);
        expect(summaryText(el)).to.contain('The service is not available right now');
        return el;
      },
    },
    {
      name: 'wrong e-mail or password (the backend refuses)',
      async reach() {
        const el = await loginCase.create();
        await typeLikeAPerson(input(el, 'email'), uniqueEmail('nobody'));
        await typeLikeAPerson(input(el, 'password'), 'not the password at all');
        await send(el);
        expect(summaryText(el)).to.contain('Wrong e-mail address or password');
        return el;
      },
    },
    {
      name: 'logged in',
      async reach() {
        const account = await createAccount('active');
        const el = await loginCase.create();
        await typeLikeAPerson(input(el, 'email'), account.email);
        await typeLikeAPerson(input(el, 'password'), account.password);
        await send(el);
        await eventually(() => noticeTitle(el) === 'You are logged in', 'not logged in');
        return el;
      },
    },
    {
      name: 'the certificate tab with the demo agent’s list',
      async reach() {
        const el = await loginCase.create();
        await loginCase.moreStates!(el);
        return el;
      },
    },
  ],
};

/** A valid foreigner's registration number. */
/** Fills the registration form with valid answers and two documents. */
async function fillRegistration(el: KitElement, email = uniqueEmail('suite')): Promise<void> {
  fillRegistrationFields(el, email, 'Test');
  const files = el.querySelector<HTMLInputElement>('input[type=file][multiple]')!;
  const transfer = new DataTransfer();
  transfer.items.add(pngFile('page-1.png'));
  transfer.items.add(pdfFile('page-2.pdf'));
  files.files = transfer.files;
  files.dispatchEvent(new Event('change'));
  await eventually(() => el.querySelectorAll('.egov-file').length === 2, 'the documents were not attached');
  await el.updateComplete;
}

const registerCase: ElementCase = {
  tag: 'egov-register',
  headings: { en: 'Create a user account', 'sr-Cyrl': 'Креирајте кориснички налог', 'sr-Latn': 'Kreirajte korisnički nalog' },
  title: ['register', 'registerHeading'],
  events: ['egov-registration-submitted'],
  async create(setup = {}) {
    const el = await place(
      'egov-register',
      { 'backend-url': setup.backend ?? API, locale: setup.locale ?? 'en', 'login-url': '/login', 'certificate-agent': 'soft' },
      setup,
    );
    await eventually(() => el.querySelector('form input[name=givenName]'), 'the registration form did not load');
    await el.updateComplete;
    return el;
  },
  typing: (el) => [
    [input(el, 'givenName'), 'Ana'],
    [input(el, 'surname'), 'Test'],
    [input(el, 'dateOfBirthDay'), '17'],
    [input(el, 'documentNumber'), 'C01X00T47'],
    [input(el, 'email'), 'kept@example.test'],
    [input(el, 'phone'), '+381 60 123 4567'],
    [input(el, 'password'), 'a phrase typed before the switch'],
  ],
  visibleState: (el) =>
    `form shown: ${isShown(el.querySelector('form')!)}; user type: ${el.querySelector<HTMLInputElement>('input[name=userType]:checked')?.value}; tab: ${el.querySelector('[role=tab][aria-selected=true]')?.id}`,
  submitEmpty,
  async moreStates(el) {
    [...el.querySelectorAll<HTMLButtonElement>('[role=tab]')][1]!.click();
    await eventually(() => el.querySelector('egov-certificate-picker .egov-certificates'), 'no certificate list in the registration');
  },
  startRequest: () =>
    formRequest(
      (setup) => registerCase.create(setup),
      async (el) => {
        await fillRegistration(el);
        visibleSubmit(el).click();
      },
    ),
  states: [
    { name: 'the form', reach: () => registerCase.create() },
    {
      name: 'errors after an empty submit',
      async reach() {
        const el = await registerCase.create();
        await submitEmpty(el);
        return el;
      },
    },
    {
      name: 'the backend is down',
      async reach() {
        const el = await registerCase.create({ backend: '/faulty/down/api' });
        await fillRegistration(el);
        await send(el);
        expect(summaryText(el)).to.contain('The service is not available right now');
        return el;
      },
    },
    {
      name: 'the policy cannot be loaded',
      async reach() {
        const el = await place('egov-register', { 'backend-url': API, locale: 'en' }, { client: new NoPolicyClient() });
        await eventually(() => el.querySelector('[role=alert] button'), 'no "Try again" for the policy');
        expectShown(el.querySelector('[role=alert]'), 'the policy problem');
        return el;
      },
    },
    {
      name: 'registered: check your e-mail',
      async reach() {
        const el = await registerCase.create();
        await fillRegistration(el);
        await send(el);
        await eventually(() => noticeTitle(el).includes('Check your e-mail'), 'not registered');
        return el;
      },
    },
    {
      name: 'the certificate tab with the demo agent’s list',
      async reach() {
        const el = await registerCase.create();
        await registerCase.moreStates!(el);
        return el;
      },
    },
  ],
};

const resetCase: ElementCase = {
  tag: 'egov-password-reset',
  headings: { en: 'Password forgotten?', 'sr-Cyrl': 'Заборављена лозинка?', 'sr-Latn': 'Zaboravljena lozinka?' },
  title: ['passwordReset', 'resetHeading'],
  events: ['egov-password-reset-requested', 'egov-password-changed'],
  async create(setup = {}) {
    const el = await place(
      'egov-password-reset',
      { 'backend-url': setup.backend ?? API, locale: setup.locale ?? 'en', 'login-url': '/login', token: setup.token },
      setup,
    );
    if (!setup.token) await eventually(() => el.querySelector('input[name=email]'), 'no e-mail field');
    return el;
  },
  typing: (el) => [[input(el, 'email'), 'kept@example.test']],
  visibleState: (el) => `form shown: ${isShown(el.querySelector('form')!)}`,
  submitEmpty,
  async moreStates(el) {
    await typeLikeAPerson(input(el, 'email'), uniqueEmail('ids'));
    await send(el);
    await eventually(() => noticeTitle(el) === 'Check your e-mail', 'no "Check your e-mail"');
  },
  startRequest: () =>
    formRequest(
      (setup) => resetCase.create(setup),
      async (el) => {
        await typeLikeAPerson(input(el, 'email'), 'someone@example.test');
        visibleSubmit(el).click();
      },
    ),
  states: [
    { name: 'the request form', reach: () => resetCase.create() },
    {
      name: 'errors after an empty submit',
      async reach() {
        const el = await resetCase.create();
        await submitEmpty(el);
        return el;
      },
    },
    {
      name: 'the backend is down',
      async reach() {
        const el = await resetCase.create({ backend: '/faulty/down/api' });
        await typeLikeAPerson(input(el, 'email'), 'someone@example.test');
        await send(el);
        expect(summaryText(el)).to.contain('The service is not available right now');
        return el;
      },
    },
    {
      name: 'check your e-mail',
      async reach() {
        const el = await resetCase.create();
        await resetCase.moreStates!(el);
        return el;
      },
    },
    {
      name: 'a used or unknown link',
      async reach() {
        const el = await resetCase.create({ token: 'made-up-token' });
        await eventually(() => el.querySelector('[data-state=invalid]'), 'the made-up link was not refused');
        return el;
      },
    },
    {
      name: 'choose a new password (a valid link)',
      async reach() {
        const account = await createAccount('active');
        await new FetchAuthClient({ baseUrl: new URL(API, location.href).href }).requestPasswordReset({ email: account.email });
        const el = await resetCase.create({ token: await tokenFrom(account.email, 'password_reset') });
        await eventually(() => el.querySelector('input[name=password]'), 'no new password form');
        return el;
      },
    },
  ],
};

/** Answers the e-mail confirmation's question and waits for the outcome. */
async function answer(el: KitElement, which: 'confirm' | 'decline'): Promise<void> {
  await eventually(() => el.querySelector(`button[data-answer=${which}]`), 'no question asked');
  el.querySelector<HTMLButtonElement>(`button[data-answer=${which}]`)!.click();
  await eventually(() => !el.querySelector('button[data-answer]') && !el.querySelector('[role=status]')?.textContent?.includes('…'), 'no answer');
  await el.updateComplete;
}

const confirmCase: ElementCase = {
  tag: 'egov-email-confirm',
  headings: { en: 'Confirm your registration', 'sr-Cyrl': 'Потврдите регистрацију', 'sr-Latn': 'Potvrdite registraciju' },
  title: ['emailConfirm', 'confirmHeading'],
  events: ['egov-email-confirmed', 'egov-registration-declined'],
  async create(setup = {}) {
    const el = await place(
      'egov-email-confirm',
      { 'backend-url': setup.backend ?? API, locale: setup.locale ?? 'en', 'register-url': '/register', 'login-url': '/login', token: setup.token },
      setup,
    );
    // Without a link, the first state asks for the e-mail address to send a new one to.
    if (!setup.token) await eventually(() => el.querySelector('input[name=email]'), 'no e-mail field');
    return el;
  },
  typing: (el) => [[input(el, 'email'), 'kept@example.test']],
  visibleState: (el) => `state: ${el.querySelector('[data-state]')?.getAttribute('data-state')}; form shown: ${isShown(el.querySelector('form')!)}`,
  submitEmpty,
  async moreStates(el) {
    await typeLikeAPerson(input(el, 'email'), uniqueEmail('ids'));
    await send(el);
    await eventually(() => el.textContent!.includes('we have sent a new link'), 'no answer to the resend');
  },
  startRequest: () =>
    formRequest(
      (setup) => confirmCase.create({ ...setup, token: 'a-link-from-an-e-mail' }),
      async (el) => {
        await eventually(() => el.querySelector('button[data-answer=confirm]'), 'no question asked');
        el.querySelector<HTMLButtonElement>('button[data-answer=confirm]')!.click();
      },
    ),
  states: [
    {
      name: 'no link: asks for the address',
      async reach() {
        const el = await confirmCase.create();
        expect(noticeTitle(el)).to.equal('Open the link from your e-mail');
        return el;
      },
    },
    {
      name: 'errors after an empty submit',
      async reach() {
        const el = await confirmCase.create();
        await submitEmpty(el);
        return el;
      },
    },
    {
      name: 'the question (a link was opened)',
      async reach() {
        const el = await confirmCase.create({ token: 'a-link-from-an-e-mail' });
        await eventually(() => el.querySelector('button[data-answer=confirm]'), 'no question asked');
        return el;
      },
    },
    {
      name: 'a bad link',
      async reach() {
        const el = await confirmCase.create({ token: 'not-a-real-token' });
        await answer(el, 'confirm');
        expect(noticeTitle(el)).to.equal('This link has expired or has already been used');
        return el;
      },
    },
    {
      name: 'the backend is down',
      async reach() {
        const el = await confirmCase.create({ backend: '/faulty/down/api', token: 'a-link-from-an-e-mail' });
        await answer(el, 'confirm');
        expect(summaryText(el)).to.contain('The service is not available right now');
        return el;
      },
    },
    {
      name: 'confirmed',
      async reach() {
        const { email } = await registerAccount();
        const el = await confirmCase.create({ token: await tokenFrom(email, 'confirm_email') });
        await answer(el, 'confirm');
        expect(noticeTitle(el)).to.equal('Your e-mail address is confirmed');
        return el;
      },
    },
    {
      name: 'a new link was sent',
      async reach() {
        const el = await confirmCase.create();
        await typeLikeAPerson(input(el, 'email'), uniqueEmail('resend'));
        await send(el);
        await eventually(() => el.textContent!.includes('we have sent a new link'), 'no answer to the resend');
        return el;
      },
    },
  ],
};

/** The certificates a person can see in a picker. */
function visibleItems(el: Element): string[] {
  return [...el.querySelectorAll<HTMLElement>('[data-certificate]')].filter((item) => isShown(item)).map((item) => item.dataset['certificate']!);
}

const pickerCase: ElementCase = {
  tag: 'egov-certificate-picker',
  headings: { en: 'Select a certificate', 'sr-Cyrl': 'Изаберите сертификат', 'sr-Latn': 'Izaberite sertifikat' },
  title: ['picker', 'pickerHeading'],
  events: ['egov-certificate-selected', 'egov-certificate-fallback'],
  async create(setup = {}) {
    const el = await place(
      'egov-certificate-picker',
      { 'backend-url': setup.backend ?? API, locale: setup.locale ?? 'en', 'certificate-agent': 'soft' },
      setup,
    );
    if (!setup.agent && !setup.client) await eventually(() => visibleItems(el).length > 0, 'no certificate list');
    await el.updateComplete;
    return el;
  },
  // The picker has no text input: the locale check looks at the visible state (the same certificates listed) instead.
  typing: () => [],
  visibleState: (el) => `list shown: ${isShown(el.querySelector('.egov-certificates')!)}; items: ${visibleItems(el).join(' ')}`,
  // No form to send empty: the id check takes the chosen-certificate state instead.
  async moreStates(el) {
    el.querySelector<HTMLButtonElement>('[data-certificate] button')!.click();
    await eventually(() => el.querySelector('.egov-chosen'), 'no chosen certificate');
  },
  // The picker sends no request of its own (the policy load is shared, with no signal): its closest
  // equivalent is connecting to the agent, which waits while the person approves the site in Fortify.
  async startRequest() {
    const gated = gatedAgent(await SoftAgent.fromBackend(API));
    const el = await place('egov-certificate-picker', { 'backend-url': API, locale: 'en' }, { agent: gated.agent });
    await eventually(() => gated.connects.length > 0, 'the picker did not connect to its agent');
    return {
      el,
      afterRemoval: async () => {
        const problems: string[] = [];
        const signal = gated.connects[0];
        if (!signal) problems.push('connect() was given no abort signal, so leaving the page cannot stop it');
        else if (!signal.aborted) problems.push('connect()’s signal was not aborted when the picker left the page');
        // The agent finishes connecting now (had it not been stopped): the removed picker must not start listening.
        gated.release();
        await aTimeout(200);
        if (gated.openSubscriptions() > 0) problems.push(`the removed picker listens to the agent’s token events (${gated.openSubscriptions()} subscription)`);
        return problems;
      },
    };
  },
  states: [
    { name: 'the demo agent’s list', reach: () => pickerCase.create() },
    {
      name: 'a certificate chosen',
      async reach() {
        const el = await pickerCase.create();
        await pickerCase.moreStates!(el);
        return el;
      },
    },
    {
      name: 'approving the site (the code)',
      async reach() {
        const agent = await SoftAgent.fromBackend(API, { approvalCode: '481516', approvalDelayMs: 5000 });
        const el = await pickerCase.create({ agent });
        await eventually(() => el.querySelector('.egov-code'), 'no approval code');
        return el;
      },
    },
    {
      name: 'no card or token',
      async reach() {
        const agent = await SoftAgent.fromBackend(API);
        for (const id of ['test-mup-id-card', 'test-halcom', 'test-other-profiles', 'test-mup-foreigner-card']) agent.removeToken(id);
        const el = await pickerCase.create({ agent });
        await eventually(() => el.querySelector('[data-problem=no_token]'), 'no "no token" state');
        return el;
      },
    },
    {
      name: 'the policy cannot be loaded',
      async reach() {
        const el = await pickerCase.create({ client: new NoPolicyClient() });
        await eventually(() => el.querySelector('[role=alert] button'), 'no "Try again" for the policy');
        expectShown(el.querySelector('[role=alert]'), 'the policy problem');
        return el;
      },
    },
  ],
};

const ELEMENTS: ElementCase[] = [loginCase, registerCase, resetCase, confirmCase, pickerCase];

// ------------------------------------------------------------ the hostile page

/**
 * A CMS theme (WordPress-like): every rule qualified by an id and a class,
 * so it beats type selectors and single-class rules by specificity; one
 * rule for every kind of element the kit renders. No !important.
 */
const HOSTILE_CSS = `
#content .entry-content { font: 18px/1.9 Georgia, serif; color: #3a2a1a; letter-spacing: 0.02em; word-spacing: 0.1em; text-align: justify; text-transform: lowercase; }
#content .entry-content div, #content .entry-content section, #content .entry-content form {
  display: grid; gap: 1.4em; margin: 2em 0; padding: 0.6em; border: 1px dotted #b58; text-align: center; }
#content .entry-content p { margin: 0 0 2.2em; font-size: 1.15em; text-indent: 2em; line-height: 2; padding: 0.5em; }
#content .entry-content h1, #content .entry-content h2, #content .entry-content h3, #content .entry-content h4 {
  margin: 1.5em 0 0.8em; font: italic 300 2.6em/1.1 'Palatino Linotype', serif; color: #a0522d;
  text-transform: uppercase; letter-spacing: 0.15em; border-bottom: 3px double #a0522d; padding: 0.4em; display: inline-block; }
#content .entry-content a { color: #c0007a; font-style: italic; padding: 0 0.3em; background: #ffe6f4; display: block; font-size: 1.4em; }
#content .entry-content label { display: inline; float: left; width: 30%; margin: 0 1em 0 0; font: small-caps 400 0.9em/3 Georgia, serif; color: #666; padding: 0.5em; }
#content .entry-content span, #content .entry-content strong, #content .entry-content em {
  display: inline-block; padding: 0 0.4em; font-weight: 300; background: #fff2cc; transform: rotate(-2deg); }
#content .entry-content input, #content .entry-content select, #content .entry-content textarea {
  display: inline-block; width: 55%; height: 3.4em; margin: 0.5em 0 1.5em; padding: 1em 1.4em;
  font: 1.3em/1 'Courier New', monospace; color: #804; background: #f4ecff; border: 0;
  border-bottom: 4px solid #c0007a; border-radius: 1.5em; box-shadow: 0 0 0 6px #f0e0ff; appearance: none; }
#content .entry-content input[type=checkbox], #content .entry-content input[type=radio] {
  width: 2.5em; height: 2.5em; margin: 0 1em; border: 3px solid #c0007a; border-radius: 0; }
#content .entry-content button, #content .entry-content [role=tab] {
  display: block; width: 100%; margin: 2em 0; padding: 1.2em 2.5em; font: 700 0.85em/1 Verdana, sans-serif;
  text-transform: uppercase; letter-spacing: 0.3em; color: #fff; background: linear-gradient(#e07, #804);
  border: 0; border-radius: 3em; box-shadow: 4px 4px 0 #402; }
#content .entry-content ul, #content .entry-content ol { margin: 2em 0 2em 3em; padding: 1em; list-style: square inside; background: #f5f5dc; }
#content .entry-content li { display: list-item; margin: 0 0 1.2em; padding: 0.3em 1em; border-left: 5px solid #c96; font-size: 1.2em; }
#content .entry-content details, #content .entry-content fieldset {
  display: block; margin: 2em 0; padding: 1.5em; border: 3px groove #c96; border-radius: 1em; background: #fff8e8; }
#content .entry-content summary, #content .entry-content legend { display: block; padding: 0.5em 1em; font: italic 1.3em Georgia, serif; color: #fff; background: #a0522d; }
#content .entry-content img { display: block; width: 100%; height: auto; margin: 2em auto; padding: 0.5em; border: 8px solid #fff; }
#content .entry-content ::before { content: '\\2756'; color: #c96; margin-right: 0.3em; }
`;

/** A page's content area: under the CMS theme (`hostile`), or a clean one of the same width. */
async function contentArea(hostile: boolean): Promise<Element> {
  // The probe is the page's own input: it shows that the theme is in force where the element is.
  const page = hostile
    ? await fixture<HTMLDivElement>(html`<div id="content"><div class="entry-content"><input class="probe" /></div></div>`)
    : await fixture<HTMLDivElement>(html`<div class="clean-page"><div><input class="probe" /></div></div>`);
  return page.firstElementChild!;
}

// ------------------------------------------------------------- the languages

/** Every text of a language, merged from its folder's parts. */
async function allTexts(locale: string): Promise<Record<string, unknown>> {
  const pack = await loadLocalePack(locale);
  const parts = await Promise.all((Object.keys(pack.parts) as PartName[]).map((name) => partOf(pack, name)));
  return Object.assign({}, ...parts) as Record<string, unknown>;
}


/** Visible texts that are English where the language has its own words. */
async function englishLeft(el: Element, locale: string): Promise<string[]> {
  const own = new Set(Object.values(await allTexts(locale)).filter((text) => typeof text === 'string'));
  const englishOnly = new Set(Object.values(english).filter((text): text is string => typeof text === 'string' && !own.has(text)));
  return visibleTexts(el).filter((text) => englishOnly.has(text));
}

/** Switches a reached state to another language and waits until it shows it. */
async function inLanguage(el: KitElement, locale: string): Promise<void> {
  el.setAttribute('locale', locale);
  await eventually(() => el.querySelector(':scope > .egov-root')?.getAttribute('lang') === locale, `not in ${locale}`);
  await el.updateComplete;
}

// --------------------------------------------------------------- the suite

for (const c of ELEMENTS) {
  describe(`<${c.tag}> (the shared element suite)`, function () {
    this.timeout(40_000);

    afterEach(async () => {
      await logout();
    });

    it('two instances on a page: every id is unique, and every reference resolves inside its own instance', async () => {
      const first = await c.create();
      const second = await c.create();
      const check = (when: string) => {
        const { problems, references } = idProblems(c.tag);
        expect(problems, when).to.deep.equal([]);
        expect(references, `${when}: references checked`).to.be.greaterThan(0);
      };
      check('first state');
      if (c.submitEmpty) {
        await c.submitEmpty(first);
        await c.submitEmpty(second);
        check('after an empty submit');
      }
      if (c.moreStates) {
        await c.moreStates(first);
        await c.moreStates(second);
        check('in another state');
      }
    });

    for (const [backend, code] of [
      ['ftp://x', 'invalid_backend_url'],
      ['http://evil.example/api', 'insecure_backend_url'],
    ] as const) {
      it(`a configuration problem (backend-url="${backend}"): a visible message, one console.error, no request`, async () => {
        const requests = spyOnRequests();
        const logged = captureConsoleErrors();
        try {
          const el = await place(c.tag, { 'backend-url': backend, locale: 'en', 'certificate-agent': 'soft' });
          // Whatever the element would start on its own has had its chance.
          await aTimeout(300);
          await el.updateComplete;
          // Every finding, so one run tells the whole story.
          const problems: string[] = [];
          const message = el.querySelector('[data-config-error]');
          if (!message || !isShown(message)) problems.push(`no visible configuration message (the element shows: "${el.innerText.trim().replace(/\s+/g, ' ')}")`);
          else {
            if (!message.textContent!.includes('is not available')) problems.push(`the message does not say the service is not available: "${message.textContent}"`);
            if (![...message.querySelectorAll('p')].some(isShown)) problems.push('the message has no visible text');
            if (!message.querySelector(`[data-problem=${code}]`)) problems.push(`the message does not name the problem ${code}`);
          }
          if (logged.errors.length !== 1) problems.push(`${logged.errors.length} console.error calls, not 1`);
          else if (!String(logged.errors[0]![0]).includes(`<${c.tag}>`)) problems.push(`the console.error does not name <${c.tag}>: ${String(logged.errors[0]![0])}`);
          if (requests.requests.length > 0) problems.push(`requests sent: ${requests.requests.join(', ')}`);
          expect(problems).to.deep.equal([]);
        } finally {
          requests.restore();
          logged.restore();
        }
      });
    }

    it('a locale switch (sr-Cyrl, then sr-Latn) keeps what was typed and the focus, and changes the texts', async () => {
      const el = await c.create({ locale: 'en' });
      expect(heading(el)).to.equal(c.headings.en);
      const typed = c.typing(el);
      for (const [field, text] of typed) await typeLikeAPerson(field, text);
      for (const [field, text] of typed) expect(field.value, `${field.name} as typed`).to.equal(text);
      const focused = document.activeElement;
      if (typed.length > 0) expect(focused, 'focus in the last field typed into').to.equal(typed.at(-1)![0]);
      const state = c.visibleState(el);
      let texts = el.innerText;
      for (const locale of ['sr-Cyrl', 'sr-Latn'] as const) {
        el.setAttribute('locale', locale);
        await eventually(() => heading(el) === c.headings[locale], `the heading is not in ${locale}: "${heading(el)}"`);
        await el.updateComplete;
        for (const [field, text] of typed) {
          const now = el.querySelector<HTMLInputElement>(`[name=${field.name}]`)!;
          expect(now.value, `${locale}: ${field.name} keeps what was typed`).to.equal(text);
        }
        if (typed.length > 0) {
          expect(document.activeElement, `${locale}: focus not lost to the page`).not.to.equal(document.body);
          expect(document.activeElement, `${locale}: focus stays in the field`).to.equal(focused);
        }
        expect(c.visibleState(el), `${locale}: the same state`).to.equal(state);
        expect(el.innerText, `${locale}: the texts changed`).not.to.equal(texts);
        texts = el.innerText;
      }
    });

    it('leaving the page aborts the request under way, and no event follows', async () => {
      const run = await c.startRequest();
      const events = recordEvents(run.el, c.events);
      run.el.remove();
      expect(await run.afterRemoval()).to.deep.equal([]);
      expect(events.filter((event) => !event.connected).map((event) => event.type), 'events after leaving the page').to.deep.equal([]);
    });

    it('a hostile page stylesheet (a CMS theme) changes no size or key style of its inputs, buttons and headings', async () => {
      const style = document.createElement('style');
      style.textContent = HOSTILE_CSS;
      document.head.append(style);
      try {
        const [cleanArea, hostileArea] = [await contentArea(false), await contentArea(true)];
        const probes = [cleanArea, hostileArea].map((area) => getComputedStyle(area.querySelector('.probe')!));
        expect(probes[1]!.fontFamily, 'the theme styles the page’s own input').not.to.equal(probes[0]!.fontFamily);
        expect(probes[1]!.borderBottomWidth, 'the theme styles the page’s own input').to.equal('4px');
        const clean = await c.create({ where: cleanArea, style: 'width: 640px' });
        const hostile = await c.create({ where: hostileArea, style: 'width: 640px' });
        const compare = (when: string) => {
          const { differences, compared } = styleDifferences(clean, hostile);
          expect(differences, when).to.deep.equal([]);
          expect(compared, `${when}: parts compared`).to.be.greaterThan(2);
        };
        compare('first state');
        if (c.submitEmpty) {
          await c.submitEmpty(clean);
          await c.submitEmpty(hostile);
          compare('after an empty submit');
        }
      } finally {
        style.remove();
      }
    });

    describe('in every language: its texts, its direction, no English left', () => {
      for (const locale of SUPPORTED_LOCALES) {
        it(locale, async () => {
          const texts = (await partOf(await loadLocalePack(locale), c.title[0])) as Record<string, string>;
          const el = await c.create({ locale });
          await eventually(() => heading(el) === texts[c.title[1]], `the heading is not in ${locale}: "${heading(el)}"`);
          const root = el.querySelector(':scope > .egov-root')!;
          expect([root.getAttribute('lang'), root.getAttribute('dir'), getComputedStyle(root).direction]).to.deep.equal([locale, localeDirection(locale), localeDirection(locale)]);
          if (locale !== 'en') expect(await englishLeft(el, locale), 'English on the first screen').to.deep.equal([]);
          if (c.submitEmpty) {
            await c.submitEmpty(el);
            const summary = el.querySelector('.egov-summary');
            expectShown(summary, 'the error summary');
            if (locale !== 'en') expect(await englishLeft(el, locale), 'English among the errors').to.deep.equal([]);
          }
        });
      }
    });

    describe('axe in every state it reaches here', () => {
      for (const state of c.states) {
        it(state.name, async () => {
          const el = await state.reach();
          expectShown(el.querySelector('.egov-root'), 'the element');
          await expect(el).to.be.accessible();
        });
      }
      // Right to left, and a script without spaces: the first state and its errors.
      for (const locale of ['ar', 'zh-Hans']) {
        it(`${locale}: the first state${c.submitEmpty ? ' and its errors' : ''}`, async () => {
          const el = await c.create();
          await inLanguage(el, locale);
          await expect(el).to.be.accessible();
          if (c.submitEmpty) {
            await c.submitEmpty(el);
            await expect(el).to.be.accessible();
          }
        });
      }
    });
  });
}

// The page URL must not carry a token into the elements that read one.
before(() => {
  if (new URLSearchParams(location.search).has('token')) history.replaceState(null, '', location.pathname);
});

