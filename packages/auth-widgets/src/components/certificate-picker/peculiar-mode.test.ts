import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { API, clientTrusting } from '../../../test-support/backend.js';
import { JMBG, OIDS, testCa, testCertificate, testKeys, x509 } from '../../../test-support/test-pki.js';
import type { AgentError } from '../../agent/certificate-agent.js';
import { SoftAgent } from '../../agent/soft-agent.js';
import type { SelectionCrypto } from '../../agent/socket-selection.js';
import { API_PATHS, type PublicConfig } from '../../client/contract.js';
import '../../define/all.js';
import '../../define/egov-certificate-picker.js';
import '../../fortify-peculiar.js';
import type { EgovLogin } from '../login/egov-login.js';
import type { EgovCertificatePicker } from './egov-certificate-picker.js';
// Types only: a value import would load the mode's module before the first test looks.
import type { PeculiarFilters } from './peculiar-mode.js';

const TAG = 'peculiar-fortify-certificates';
const DATA = new TextEncoder().encode('egov-auth:1 peculiar test data');

/** What the element keeps at run time that the tests read (its debug log records the options it loaded with). */
type PeculiarElement = HTMLElement & { filters: PeculiarFilters; language?: string; hideFooter?: boolean; debugEvents: { type: string; data?: { filters?: unknown } }[] };

// The default buffer (250 entries) is full after this file's own imports; every load from here on is kept.
performance.setResourceTimingBufferSize(100_000);

function loadedScripts(): string[] {
  return performance.getEntriesByType('resource').map((entry) => entry.name);
}

function peculiarCodeLoaded(): boolean {
  return loadedScripts().some((name) => name.includes('fortify-webcomponents') || /\/peculiar-mode\.ts\b/.test(name));
}

let publicConfig: Promise<PublicConfig> | undefined;
function config(): Promise<PublicConfig> {
  publicConfig ??= fetch(`${API}${API_PATHS.config}`).then((response) => response.json() as Promise<PublicConfig>);
  return publicConfig;
}

/** The first issuing CA name of the directory's first body (MUP's): the test CA made in the browser takes it, so Peculiar's DN filter lists it. */
async function mupIssuerName(): Promise<string> {
  return (await config()).certificationBodies[0]!.issuerNames[0]!;
}

/** The real element inside the picker, once it has loaded (it reads `filters` then, and only then may it be removed). */
async function peculiarIn(picker: EgovCertificatePicker): Promise<PeculiarElement> {
  await waitUntil(() => picker.querySelector(TAG), 'no <peculiar-fortify-certificates>', { timeout: 8000 });
  const element = picker.querySelector<PeculiarElement>(TAG)!;
  await waitUntil(() => element.debugEvents?.length > 0, 'the element did not load', { timeout: 8000 });
  return element;
}

async function peculiarPicker(locale = 'en', settings: Partial<PublicConfig> = {}): Promise<{ picker: EgovCertificatePicker; element: PeculiarElement }> {
  // The directory counts the browser-made test CA of `testToken` as MUP's, by its subject.
  const client = clientTrusting([await testCa(await mupIssuerName())], 'mup', settings);
  const picker = await fixture<EgovCertificatePicker>(
    html`<egov-certificate-picker ui="peculiar" backend-url=${API} locale=${locale} .client=${client}></egov-certificate-picker>`,
  );
  return { picker, element: await peculiarIn(picker) };
}

/**
 * Stands in for Fortify until the mock server's Fortify-compatible test
 * agent exists: the small part of @webcrypto-local/client's SocketProvider
 * and SocketCrypto the picker uses, backed by WebCrypto keys made in this
 * page. It records the calls so the tests can see the token logged out.
 */
class TestSocketProvider {
  readonly calls: string[] = [];
  loggedIn = false;
  readonly #certificates: Map<string, Uint8Array>;
  readonly #keys: Map<string, CryptoKey>;
  readonly #fail: { login?: unknown; sign?: unknown };

  constructor(
    readonly providerId: string,
    token: { certificates: Record<string, Uint8Array>; keys: Record<string, CryptoKey> },
    fail: { login?: unknown; sign?: unknown } = {},
  ) {
    this.#certificates = new Map(Object.entries(token.certificates));
    this.#keys = new Map(Object.entries(token.keys));
    this.#fail = fail;
  }

  async getCrypto(id: string): Promise<SelectionCrypto> {
    if (id !== this.providerId) throw { message: 'Provider not found', code: 404, type: 'wcl' };
    const calls = this.calls;
    return {
      isLoggedIn: async () => this.loggedIn,
      login: async () => {
        calls.push('login');
        if (this.#fail.login) throw this.#fail.login;
        this.loggedIn = true;
      },
      logout: async () => {
        calls.push('logout');
        this.loggedIn = false;
      },
      certStorage: {
        keys: async () => [...this.#certificates.keys()],
        getItem: async (key: string) => ({ key }),
        exportCert: async (_format: 'raw', item: object) => {
          const der = this.#certificates.get((item as { key: string }).key);
          if (!der) throw { message: 'Certificate not found', code: 404, type: 'wcl' };
          return der.slice().buffer;
        },
      },
      keyStorage: {
        keys: async () => [...this.#keys.keys()],
        getItem: async (key: string) => this.#keys.get(key)!,
      },
      subtle: {
        sign: async (algorithm, key, data) => {
          calls.push('sign');
          if (!this.loggedIn) throw { message: 'CKR_USER_NOT_LOGGED_IN', code: 0x101, type: 'pkcs11' };
          if (this.#fail.sign) throw this.#fail.sign;
          return crypto.subtle.sign(algorithm, key, data);
        },
      },
    };
  }
}

/** A token with one certificate from a CA the mock server's directory names, and its WebCrypto key pair. */
async function testToken(
  options: { notBefore?: Date; notAfter?: Date; keyUsage?: number; extKeyUsage?: string[]; fail?: { login?: unknown; sign?: unknown } } = {},
) {
  const body = (await config()).certificationBodies[0]!;
  const ca = await testCa(await mupIssuerName());
  const leaf = await testCertificate({ issuer: ca, notBefore: options.notBefore, notAfter: options.notAfter, keyUsage: options.keyUsage, extKeyUsage: options.extKeyUsage });
  const keys = await testKeys('EC');
  const provider = new TestSocketProvider(
    'token-1',
    { certificates: { 'x509-token-1-aa01': leaf.der, 'x509-token-1-ca': new Uint8Array(ca.certificate.rawData) }, keys: { 'private-token-1-aa01': keys.privateKey } },
    options.fail,
  );
  const detail = { certificateId: 'x509-token-1-aa01', providerId: 'token-1', privateKeyId: 'private-token-1-aa01', socketProvider: provider };
  return { provider, detail, keys, body };
}

function select(element: PeculiarElement, detail: object): void {
  element.dispatchEvent(new CustomEvent('selectionSuccess', { detail, bubbles: true, composed: true }));
}

function shiftKey(target: EventTarget, code: 'KeyD' | 'KeyR' | 'KeyA'): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { code, key: code.slice(3), shiftKey: true, bubbles: true, composed: true }));
}

describe('<egov-certificate-picker ui="peculiar">', () => {
  // First: nothing before it has asked for the peculiar mode in this page.
  it('is not loaded on the password path nor by the kit’s own picker', async () => {
    const login = await fixture<EgovLogin>(html`<egov-login backend-url=${API} modes="password"></egov-login>`);
    expect(login.querySelector('input[name=password]')).to.exist;
    const agent = await SoftAgent.fromBackend(API, { pinPrompt: async () => '1234' });
    const kit = await fixture<EgovCertificatePicker>(html`<egov-certificate-picker backend-url=${API} .agent=${agent}></egov-certificate-picker>`);
    await waitUntil(() => kit.querySelector('.egov-certificates'), 'no kit list', { timeout: 8000 });
    expect(customElements.get(TAG)).to.be.undefined;
    expect(peculiarCodeLoaded(), loadedScripts().join('\n')).to.be.false;
  });

  it('renders the real element from the per-component build, with onlyWithPrivateKey and filters from GET /config', async () => {
    const { picker, element } = await peculiarPicker();
    expect(customElements.get(TAG)).to.be.a('function');
    expect(element).to.be.instanceOf(customElements.get(TAG)!);
    expect(loadedScripts().some((name) => name.includes('fortify-webcomponents/components/peculiar-fortify-certificates.js')), loadedScripts().join('\n')).to.be.true;
    // Stencil rendered it: a shadow root with content; the kit's scoped reset did not make it inline.
    expect(element.shadowRoot?.childElementCount).to.be.greaterThan(0);
    expect(getComputedStyle(element).display).to.equal('block');
    expect(element.getBoundingClientRect().height).to.equal(550);

    const filters = element.filters;
    expect(filters.onlyWithPrivateKey).to.be.true;
    expect(filters.expired).to.be.false;
    expect(filters.ca).to.be.false;
    // The element read these very filters when it loaded (its debug log keeps its options).
    const initialize = element.debugEvents.find((event) => event.type === 'initialize');
    expect(initialize?.data?.filters).to.equal(filters);

    const bodies = (await config()).certificationBodies;
    expect(bodies.length).to.be.greaterThan(0);
    for (const name of bodies.flatMap((body) => body.issuerNames)) {
      expect(filters.issuerDNMatch.test(`CN=${name}, O=Test PKI, C=RS`), name).to.be.true;
      expect(filters.issuerDNMatch.test(`C=RS, O=${name.toUpperCase()}, CN=Some Issuing CA 2`), name).to.be.true;
      expect(filters.issuerDNMatch.test(`CN=${name} Impostor, O=Elsewhere, C=RS`), name).to.be.false;
      expect(filters.issuerDNMatch.test(`OU=${name}, CN=Other CA, C=RS`), name).to.be.false;
    }
    expect(filters.issuerDNMatch.test('CN=Unknown CA, O=Elsewhere, C=XX')).to.be.false;

    // The kit's heading and help around the element's English texts.
    expect(picker.querySelector('h3')!.textContent).to.equal('Select a certificate');
    expect(picker.querySelector('[data-peculiar-help]')!.textContent).to.contain('Fortify');
    expect(element.getAttribute('lang')).to.equal('en');
    // Its footer's logo link has no accessible name: hidden. The state shown here is "Fortify not detected".
    expect(element.hideFooter).to.be.true;
    await expect(picker).to.be.accessible();
  });

  it('shows the kit’s Serbian heading and help around it', async () => {
    const { picker, element } = await peculiarPicker('sr-Cyrl');
    // The Serbian catalog loads on first use.
    await waitUntil(() => picker.querySelector('h3')!.textContent === 'Изаберите сертификат', 'no Serbian heading');
    expect(picker.querySelector('[data-peculiar-help]')!.textContent).to.contain('на енглеском');
    expect(element.language).to.equal('en');
  });

  it('keeps a capital D or R typed in a form field from reaching the element’s document shortcuts, while it is on the page', async () => {
    const reached: string[] = [];
    const onDocument = (event: KeyboardEvent) => reached.push(event.code);
    document.addEventListener('keydown', onDocument);
    try {
      const page = await fixture<HTMLElement>(html`<div>
        <input id="name" />
        <textarea id="text"></textarea>
        <p id="editable" contenteditable="true">x</p>
        <egov-certificate-picker ui="peculiar" backend-url=${API}></egov-certificate-picker>
        <egov-certificate-picker ui="peculiar" backend-url=${API}></egov-certificate-picker>
      </div>`);
      const [first, second] = [...page.querySelectorAll('egov-certificate-picker')];
      await peculiarIn(first!);
      await peculiarIn(second!);
      const input = page.querySelector('#name')!;
      for (const target of [input, page.querySelector('#text')!, page.querySelector('#editable')!]) {
        shiftKey(target, 'KeyD');
        shiftKey(target, 'KeyR');
      }
      expect(reached).to.deep.equal([]);
      // Other keys pass.
      shiftKey(input, 'KeyA');
      expect(reached).to.deep.equal(['KeyA']);
      // One picker left: still guarded.
      first!.remove();
      shiftKey(input, 'KeyD');
      expect(reached).to.deep.equal(['KeyA']);
      // None left: the guard is gone (and so are the element's listeners).
      second!.remove();
      shiftKey(input, 'KeyD');
      expect(reached).to.deep.equal(['KeyA', 'KeyD']);
    } finally {
      document.removeEventListener('keydown', onDocument);
    }
  });

  it('selectionCancel: shows a note', async () => {
    const { picker, element } = await peculiarPicker();
    element.dispatchEvent(new CustomEvent('selectionCancel', { bubbles: true, composed: true }));
    await waitUntil(() => picker.querySelector('[role=alert]'), 'no note');
    expect(picker.querySelector('[role=alert]')!.textContent).to.equal('You cancelled the choice of a certificate. Choose a certificate to continue.');
    expect(document.activeElement).to.equal(picker.querySelector('[role=alert]'));
    // The element stays: the person can choose again.
    expect(picker.querySelector(TAG)).to.equal(element);
  });

  it('selectionSuccess: reports the certificate, signs through the socket provider, logs the token out', async () => {
    const { picker, element } = await peculiarPicker();
    const { provider, detail, keys, body } = await testToken();
    // Removing the element would close its socket: it must stay put from choice to signature.
    const removals: Node[] = [];
    const observer = new MutationObserver((records) => records.forEach((r) => removals.push(...r.removedNodes)));
    observer.observe(picker, { childList: true, subtree: true });
    const selected = oneEvent(picker, 'egov-certificate-selected');
    select(element, detail);
    const chosen = (await selected).detail;
    // The event names the certificate, never its holder (SECURITY.md: events carry no personal data).
    expect(chosen).to.deep.equal({ certificateId: 'x509-token-1-aa01', issuer: body.issuerNames[0] });
    expect(picker.selectedCertificate()).to.include({ certificateId: 'x509-token-1-aa01', holderName: 'Ana Test', personalNumber: JMBG.ana });

    const signed = await picker.sign(DATA);
    expect(signed.algorithm).to.equal('ECDSA-P256-SHA256');
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, keys.publicKey, new Uint8Array(signed.signature), DATA)).to.be.true;
    expect(signed.certificate[0]).to.equal(0x30);
    // The token's other certificate is the self-signed root: not sent.
    expect(signed.chain).to.deep.equal([]);
    expect(provider.calls).to.deep.equal(['login', 'sign', 'logout']);
    expect(provider.loggedIn).to.be.false;
    // Still there after signing, never taken out meanwhile; nothing left in the signing state.
    await waitUntil(() => !picker.querySelector('[data-state=signing]'), 'still signing');
    observer.disconnect();
    expect(removals).not.to.include(element);
    expect(picker.querySelector(TAG)).to.equal(element);
  });

  it('a failed signature: the kit’s message, the error mapped, and the token logged out all the same', async () => {
    const { picker, element } = await peculiarPicker();
    const wrongPin = await testToken({ fail: { login: { message: 'CKR_PIN_INCORRECT', code: 0xa0, type: 'pkcs11' } } });
    let selected = oneEvent(picker, 'egov-certificate-selected');
    select(element, wrongPin.detail);
    await selected;
    const error = (await picker.sign(DATA).catch((e: unknown) => e)) as AgentError;
    expect(error.code).to.equal('pin_wrong');
    expect(wrongPin.provider.calls).to.deep.equal(['login', 'logout']);
    await waitUntil(() => picker.querySelector('[role=alert]'), 'no note');
    expect(picker.querySelector('[role=alert]')!.textContent).to.equal('Wrong PIN.');

    const refused = await testToken({ fail: { sign: { message: 'CKR_FUNCTION_FAILED', code: 0x6, type: 'pkcs11' } } });
    selected = oneEvent(picker, 'egov-certificate-selected');
    select(element, refused.detail);
    await selected;
    const signError = (await picker.sign(DATA).catch((e: unknown) => e)) as AgentError;
    expect(signError.code).to.equal('sign_failed');
    expect(refused.provider.calls).to.deep.equal(['login', 'sign', 'logout']);
    expect(refused.provider.loggedIn).to.be.false;
  });

  it('a certificate the backend refused: the reason in a note above the element, which stays to choose another', async () => {
    const { picker, element } = await peculiarPicker();
    const { detail } = await testToken();
    const selected = oneEvent(picker, 'egov-certificate-selected');
    select(element, detail);
    await selected;
    picker.refuseSelected('certificate_revoked');
    await waitUntil(() => picker.querySelector('[role=alert]'), 'no note');
    expect(picker.querySelector('[role=alert]')!.textContent).to.equal('This certificate cannot be used here: its certification body has revoked it. Choose another one.');
    expect(picker.querySelector(TAG)).to.equal(element);
  });

  it('a chosen certificate the kit would hide (not valid yet) is refused with the reason, and nothing is reported', async () => {
    const { picker, element } = await peculiarPicker();
    const { detail } = await testToken({ notBefore: new Date('2099-01-01T00:00:00Z'), notAfter: new Date('2100-01-01T00:00:00Z') });
    let reported = false;
    picker.addEventListener('egov-certificate-selected', () => (reported = true));
    select(element, detail);
    await waitUntil(() => picker.querySelector('[role=alert]'), 'no note');
    expect(picker.querySelector('[role=alert]')!.textContent).to.equal('This certificate cannot be used here: not valid yet. Choose another one.');
    expect(reported).to.be.false;
    const error = (await picker.sign(DATA).catch((e: unknown) => e)) as AgentError;
    expect(error.code).to.equal('agent_error');
  });

  it('a card’s authentication certificate: refused with the reason by default, reported where the backend accepts one (issue 13)', async () => {
    const authentication = { keyUsage: x509.KeyUsageFlags.digitalSignature, extKeyUsage: [OIDS.clientAuth] };
    const refusing = await peculiarPicker();
    let reported = false;
    refusing.picker.addEventListener('egov-certificate-selected', () => (reported = true));
    select(refusing.element, (await testToken(authentication)).detail);
    await waitUntil(() => refusing.picker.querySelector('[role=alert]'), 'no note');
    expect(refusing.picker.querySelector('[role=alert]')!.textContent).to.equal(
      'This certificate cannot be used here: the card’s authentication certificate: choose its signing certificate. Choose another one.',
    );
    expect(reported).to.be.false;

    const accepting = await peculiarPicker('en', { authenticationCertificates: true });
    const { detail, provider } = await testToken(authentication);
    const selected = oneEvent(accepting.picker, 'egov-certificate-selected');
    select(accepting.element, detail);
    expect((await selected).detail.certificateId).to.equal('x509-token-1-aa01');
    expect(accepting.picker.querySelector('[role=alert]')).to.equal(null);
    await accepting.picker.sign(DATA);
    expect(provider.calls).to.deep.equal(['login', 'sign', 'logout']);
    // Still not a certificate of the wrong kind: keyEncipherment only is refused with the option too.
    select(accepting.element, (await testToken({ keyUsage: x509.KeyUsageFlags.keyEncipherment })).detail);
    await waitUntil(() => accepting.picker.querySelector('[role=alert]'), 'no note');
    expect(accepting.picker.querySelector('[role=alert]')!.textContent).to.equal('This certificate cannot be used here: not meant for signing. Choose another one.');
  });

  it('<egov-auth picker-ui="peculiar"> reaches the picker of <egov-login>', async () => {
    const auth = await fixture<HTMLElement>(html`<egov-auth backend-url=${API} picker-ui="peculiar" locale="en">
      <egov-login modes="certificate"></egov-login>
    </egov-auth>`);
    const login = auth.querySelector<EgovLogin>('egov-login')!;
    await waitUntil(() => login.querySelector('egov-certificate-picker'), 'no picker', { timeout: 8000 });
    const picker = login.querySelector<EgovCertificatePicker>('egov-certificate-picker')!;
    expect(picker.getAttribute('ui')).to.equal('peculiar');
    await peculiarIn(picker);
  });

  it('an unknown ui is a configuration problem, told to the developer', async () => {
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.join(' '));
    try {
      const picker = await fixture<EgovCertificatePicker>(html`<egov-certificate-picker ui="fancy" backend-url=${API}></egov-certificate-picker>`);
      await picker.updateComplete;
      expect(logged.join('\n')).to.contain('Unknown certificate picker UI "fancy"');
      expect(picker.querySelector(TAG)).to.be.null;
    } finally {
      console.error = original;
    }
  });
});
