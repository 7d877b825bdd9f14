import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { API, clientTrusting, DirectoryRewritingClient } from '../../../test-support/backend.js';
import { anaSubject, OIDS, testCa, testToken, x509 } from '../../../test-support/test-pki.js';
import { AgentError } from '../../agent/certificate-agent.js';
import { FortifyAgent } from '../../agent/fortify-agent.js';
import { SoftAgent } from '../../agent/soft-agent.js';
import type { DevTestToken } from '../../client/contract.js';
import type { FetchAuthClient } from '../../client/fetch-auth-client.js';
import '../../define/all.js';
import '../../define/egov-certificate-picker.js';
import '../../fortify.js';
import type { EgovCertificatePicker } from './egov-certificate-picker.js';

/** A demo agent whose PIN dialog answers from a list (null = the person cancels). */
async function softAgent(pins: (string | null)[] = ['1234'], options: { approvalCode?: string; approvalDelayMs?: number } = {}) {
  return SoftAgent.fromBackend(API, { pinPrompt: async () => (pins.length > 0 ? pins.shift()! : null), ...options });
}

async function picker(agent: SoftAgent | FortifyAgent, locale = 'en', client?: FetchAuthClient): Promise<EgovCertificatePicker> {
  const el = await fixture<EgovCertificatePicker>(
    html`<egov-certificate-picker backend-url=${API} locale=${locale} .agent=${agent} .client=${client}></egov-certificate-picker>`,
  );
  await waitUntil(() => !el.querySelector('[role=status]')?.textContent?.includes('Looking for'), 'still connecting', { timeout: 8000 });
  await waitUntil(() => el.querySelector('.egov-certificates, [data-problem], [data-state]'), 'nothing shown', { timeout: 8000 });
  await el.updateComplete;
  return el;
}

function hidden(el: EgovCertificatePicker): string[] {
  return [...el.querySelectorAll('[data-hidden]')].map((li) => li.getAttribute('data-hidden')!);
}

async function choose(el: EgovCertificatePicker, certificateId: string) {
  const selected = oneEvent(el, 'egov-certificate-selected');
  el.querySelector<HTMLButtonElement>(`[data-certificate="${certificateId}"] button`)!.click();
  return (await selected).detail;
}

const DATA = new TextEncoder().encode('egov-auth:1 test data');

/** Locks a token's PIN with one wrong try and returns the picker showing the CA card. */
async function lockedCard(token: string, certificateId: string, client?: FetchAuthClient): Promise<Element> {
  const agent = await softAgent(['0000']);
  agent.setTriesLeft(token, 1);
  const el = await picker(agent, 'en', client);
  await waitUntil(() => el.querySelector(`[data-certificate="${certificateId}"] button`), 'no certificate to choose', { timeout: 8000 });
  await choose(el, certificateId);
  await el.sign(DATA).catch(() => undefined);
  await waitUntil(() => el.querySelector('[data-state=locked]'), 'no CA card');
  return el.querySelector('[data-state=locked]')!;
}

/** What a person sees of an element: its rendered text (nothing hidden), in one line. */
function seen(element: Element | null | undefined): string {
  return ((element as HTMLElement | null | undefined)?.innerText ?? '').replace(/[ \t]*\n+[ \t]*/g, ' ').trim();
}

/** The certificate items a person can see. */
function visibleItems(el: Element): string[] {
  return [...el.querySelectorAll<HTMLElement>('[data-certificate]')].filter((item) => item.checkVisibility()).map((item) => item.dataset['certificate']!);
}

/** A button a person can see, by its text. */
function visibleButton(el: Element, text: string): HTMLButtonElement | undefined {
  return [...el.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.checkVisibility() && seen(button) === text);
}

/** The name of the test CA the browser makes for MUP (the directory counts it as MUP's through `clientTrusting`), and its qualified policy. */
const MUP_TEST_CA = 'TEST MUP Gradjani CA 4';
const MUP_TEST_POLICY = '2.999.381.1.1.1';
/** Noon UTC: the same calendar day wherever the test browser's clock is. */
const NOT_AFTER = new Date('2031-12-03T12:00:00Z');

/**
 * A MUP identity card as it really is — an authentication and a signing
 * certificate of one person, same CA, same dates — and a second token with
 * a certificate of the same person (say, an old card still in a reader).
 */
async function lookAlikeTokens(): Promise<DevTestToken[]> {
  const issuer = await testCa(MUP_TEST_CA);
  const common = { issuer, subject: anaSubject(), notAfter: NOT_AFTER, policies: [MUP_TEST_POLICY, OIDS.qcpNaturalQscd], sanEmails: ['ana.test@example.test'] };
  const card = await testToken(
    'card-a',
    [
      { id: 'card-a:auth', leaf: { ...common, keyUsage: x509.KeyUsageFlags.digitalSignature, extKeyUsage: [OIDS.clientAuth] } },
      { id: 'card-a:sign', leaf: { ...common, keyUsage: x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, extKeyUsage: ['1.3.6.1.5.5.7.3.4'] } },
    ],
    { label: 'Card A' },
  );
  const token = await testToken('token-b', [{ id: 'token-b:sign', leaf: { ...common, keyUsage: x509.KeyUsageFlags.nonRepudiation, sanEmails: ['ana.other@example.test'] } }], {
    label: 'Token B',
  });
  return [card, token];
}

const HOSTILE = /javascript:|data:|vbscript:|evil\.example|bcc=/i;

describe('<egov-certificate-picker>', () => {
  it('each <egov-auth> gives the pickers inside it its own certificate agent (issue 14: services through context)', async () => {
    const client = clientTrusting([await testCa(MUP_TEST_CA)]);
    const first = new SoftAgent(await lookAlikeTokens());
    const other = await testToken('token-c', [{ id: 'token-c:sign', leaf: { issuer: await testCa(MUP_TEST_CA), subject: anaSubject(), policies: [MUP_TEST_POLICY, OIDS.qcpNaturalQscd] } }], {
      label: 'Token C',
    });
    const second = new SoftAgent([other]);
    const page = await fixture<HTMLElement>(html`<div>
      <egov-auth backend-url=${API} locale="en" .client=${client} .agent=${first}><egov-certificate-picker></egov-certificate-picker></egov-auth>
      <egov-auth backend-url=${API} locale="en" .client=${client} .agent=${second}><egov-certificate-picker></egov-certificate-picker></egov-auth>
    </div>`);
    const [one, two] = [...page.querySelectorAll<EgovCertificatePicker>('egov-certificate-picker')];
    await waitUntil(() => visibleItems(one!).length > 0 && visibleItems(two!).length > 0, 'both list their certificates', { timeout: 8000 });
    expect(visibleItems(one!)).to.deep.equal(['card-a:sign', 'token-b:sign']);
    expect(visibleItems(two!)).to.deep.equal(['token-c:sign']);
    // Inside <egov-login> too: its certificate tab's picker takes the agent of the <egov-auth> around it.
    const login = await fixture<HTMLElement>(html`<egov-auth backend-url=${API} locale="en" .client=${client} .agent=${second}>
      <egov-login mode="certificate"></egov-login>
    </egov-auth>`);
    await waitUntil(() => login.querySelector('egov-certificate-picker') && visibleItems(login.querySelector('egov-certificate-picker')!).length > 0, 'the login lists', {
      timeout: 8000,
    });
    expect(visibleItems(login.querySelector('egov-certificate-picker')!)).to.deep.equal(['token-c:sign']);
  });

  it('follows the configured agent when it changes after the start (it started over with the new one)', async () => {
    const el = await fixture<EgovCertificatePicker>(html`<egov-certificate-picker backend-url=${API} locale="en" certificate-agent="fortify"></egov-certificate-picker>`);
    // Started with Fortify, which is not running here: it says so.
    await waitUntil(() => el.querySelector('[data-problem]'), 'Fortify’s problem', { timeout: 15000 });
    // The page now asks for the demo agent (as the demo site does on <egov-auth>, a moment after the first render).
    el.setAttribute('certificate-agent', 'soft');
    await waitUntil(() => visibleItems(el).includes('test-mup-id-card:valid'), 'the demo agent’s certificates', { timeout: 8000 });
    expect(el.querySelector('[data-problem]')).to.equal(null);
  });

  it('lists the usable certificates and says why each other one is hidden', async () => {
    const el = await picker(await softAgent());
    expect(el.querySelector('[data-soft-agent]')!.textContent).to.contain('Demo agent with test keys');
    const usable = [...el.querySelectorAll('[data-certificate]')].map((li) => li.getAttribute('data-certificate'));
    expect(usable).to.include('test-mup-id-card:valid');
    expect(usable).to.include('test-halcom:valid-ecdsa');
    expect(usable).not.to.include('test-mup-id-card:expired');
    const reasons = hidden(el);
    for (const reason of ['expired', 'not_yet_valid', 'untrusted_ca', 'no_private_key', 'authentication_only', 'wrong_key_usage', 'not_qualified', 'invalid_personal_number']) {
      expect(reasons).to.include(reason);
    }
    // The test MUP card holds both of the card's certificates: the signing one is listed, the authentication one hidden as such.
    expect(el.querySelector('[data-hidden=authentication_only]')!.textContent).to.contain('the card’s authentication certificate');
    expect(usable).not.to.include('test-mup-id-card:mup-authentication');
    // Holders without a personal number (an identity card's or a passport's number) can use theirs.
    expect(usable).to.include.members(['test-other-profiles:idc-holder', 'test-other-profiles:passport-holder', 'test-other-profiles:no-personal-number']);
    // Read with the backend's own rule: hidden before the PIN, not refused after it.
    expect(usable).not.to.include('test-other-profiles:invalid-personal-number');
    expect(el.querySelector('[data-hidden=invalid_personal_number]')!.textContent).to.contain('the personal number (JMBG) in it is not valid');
    // The backend's qualified-policy allow-list (GET /config) hides what it would refuse.
    expect(el.querySelector('[data-hidden=not_qualified]')!.textContent).to.contain('not a qualified certificate');
    const item = el.querySelector('[data-certificate="test-mup-id-card:valid"]')!;
    expect(seen(item)).to.match(/Issued by TEST MUP Gradjani CA 4 · valid until \d{1,2}\u00a0[A-Z][a-z]+\u00a0\d{4}/);
    await expect(el).to.be.accessible();
  });

  it('shows the approval code while the site waits for approval', async () => {
    const agent = await softAgent([], { approvalCode: '481516', approvalDelayMs: 1500 });
    const el = await fixture<EgovCertificatePicker>(html`<egov-certificate-picker backend-url=${API} .agent=${agent}></egov-certificate-picker>`);
    await waitUntil(() => el.querySelector('.egov-code'), 'no approval code', { timeout: 8000 });
    expect(el.querySelector('.egov-code')!.textContent).to.equal('481516');
    expect(el.querySelector('[data-state=approve] .egov-notice-title')!.textContent).to.equal('Approve this site in Fortify');
    await expect(el).to.be.accessible();
    await waitUntil(() => el.querySelector('.egov-certificates'), 'no list after approval', { timeout: 8000 });
  });

  it('signs with the chosen certificate, then logs the token out', async () => {
    const agent = await softAgent(['1234']);
    const el = await picker(agent);
    await choose(el, 'test-mup-id-card:valid');
    expect(el.selectedCertificate()?.personalNumber).to.match(/^\d{13}$/);
    expect(el.selectedCertificate()?.holderName).to.be.a('string').and.not.empty;
    const signed = await el.sign(DATA);
    expect(signed.algorithm).to.equal('RSASSA-PKCS1-v1_5-SHA256');
    expect(signed.signature.length).to.be.greaterThan(100);
    expect(agent.isLoggedIn('test-mup-id-card')).to.be.false;
  });

  it('wrong PIN: says how many tries are left, warns before the next one, and the last try is announced', async () => {
    const agent = await softAgent(['0000', '0000']);
    const el = await picker(agent);
    await choose(el, 'test-mup-id-card:valid');
    const error = await el.sign(DATA).catch((e: unknown) => e);
    expect((error as AgentError).code).to.equal('pin_wrong');
    await waitUntil(() => el.querySelector('[role=alert]'), 'no note');
    expect(el.querySelector('[role=alert]')!.textContent).to.equal('Wrong PIN: 2 tries left.');
    expect(agent.isLoggedIn('test-mup-id-card')).to.be.false;
    await waitUntil(() => el.querySelector('[data-certificate="test-mup-id-card:valid"] [data-pin-warning]'), 'no warning before the next try');
    expect(el.querySelector('[data-certificate="test-mup-id-card:valid"] [data-pin-warning]')!.textContent).to.contain('2 tries left');
    await expect(el).to.be.accessible();
    await choose(el, 'test-mup-id-card:valid');
    await el.sign(DATA).catch(() => undefined);
    await waitUntil(
      () => el.querySelector('[data-certificate="test-mup-id-card:valid"] [data-pin-warning]')?.textContent === 'Last try: one more wrong PIN locks the card.',
      'no last-try warning',
    );
  });

  it('a locked card shows the issuing certification body and how to unblock the PIN', async () => {
    const agent = await softAgent(['0000']);
    agent.setTriesLeft('test-mup-id-card', 1);
    const el = await picker(agent);
    await choose(el, 'test-mup-id-card:valid');
    expect(((await el.sign(DATA).catch((e: unknown) => e)) as AgentError).code).to.equal('pin_locked');
    await waitUntil(() => el.querySelector('[data-state=locked]'), 'no CA card');
    const card = el.querySelector('[data-state=locked]')!;
    expect(card.textContent).to.contain('The card’s PIN is locked');
    expect(card.textContent).to.contain('Ministry of Interior');
    expect(card.querySelector('a[href^="http"]')).to.exist;
    expect(document.activeElement).to.equal(card.querySelector('.egov-notice-title'));
    await expect(el).to.be.accessible();
  });

  it('a hostile CA directory never becomes a link: javascript:, data: and plain-http sites and a rigged mailto are shown as text', async () => {
    const client = new DirectoryRewritingClient((bodies) => {
      for (const body of bodies) {
        if (body.id === 'mup') {
          body.site = 'javascript:alert(document.domain)';
          body.support = { phone: '+381 11 123 4567', email: 'ca@mup.gov.rs?bcc=thief@evil.example&body=PIN', url: 'data:text/html,<script>alert(1)</script>' };
        }
        if (body.id === 'halcom') {
          body.site = 'http://evil.example/unblock';
          body.support = { phone: 'javascript:alert(1)', email: 'javascript:alert(1)//@evil.example', url: 'https://www.halcom.rs/podrska' };
        }
      }
    });
    for (const [token, certificateId, shown] of [
      ['test-mup-id-card', 'test-mup-id-card:valid', ['javascript:alert(document.domain)', 'ca@mup.gov.rs?bcc=thief@evil.example&body=PIN', 'data:text/html,<script>alert(1)</script>']],
      ['test-halcom', 'test-halcom:valid-ecdsa', ['http://evil.example/unblock', 'javascript:alert(1)']],
    ] as const) {
      const card = await lockedCard(token, certificateId, client);
      const hrefs = [...card.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
      expect(hrefs.filter((href) => HOSTILE.test(href)), token).to.deep.equal([]);
      for (const href of hrefs) expect(new URL(href, location.href).protocol, href).to.be.oneOf(['https:', 'tel:', 'mailto:']);
      // The person still needs whom to contact: a refused value stays readable, as text.
      for (const text of shown) expect(card.textContent, text).to.contain(text);
      await expect(card.closest('egov-certificate-picker')).to.be.accessible();
    }
    // What passes the rule is still a link.
    const mup = await lockedCard('test-mup-id-card', 'test-mup-id-card:valid', client);
    expect(mup.querySelector('a[href="tel:+381111234567"]')).to.exist;
    const halcom = await lockedCard('test-halcom', 'test-halcom:valid-ecdsa', client);
    expect(halcom.querySelector('a[href="https://www.halcom.rs/podrska"]')).to.exist;
  });

  it('the selection event tells the page which certificate, never whose personal number; the form asks the picker', async () => {
    const el = await picker(await softAgent());
    const events: CustomEvent[] = [];
    document.addEventListener('egov-certificate-selected', (e) => events.push(e as CustomEvent), { once: true });
    const detail = await choose(el, 'test-mup-id-card:valid');
    expect(Object.keys(detail).sort()).to.deep.equal(['certificateId', 'issuer']);
    expect(events).to.have.length(1);
    const selected = el.selectedCertificate();
    expect(selected?.personalNumber).to.match(/^\d{13}$/);
    expect(JSON.stringify(events[0]!.detail)).not.to.contain(selected!.personalNumber);
    expect(JSON.stringify(events[0]!.detail)).not.to.contain(selected!.holderName);
  });

  it('a card already locked is said to be locked in the list (not "0 tries left"), and choosing it shows whom to contact', async () => {
    const agent = await softAgent([]);
    agent.setTriesLeft('test-mup-id-card', 0);
    const el = await picker(agent);
    const warning = el.querySelector('[data-certificate="test-mup-id-card:valid"] [data-pin-warning]')!;
    expect(warning.textContent).to.equal('The card’s PIN is locked. Choose the certificate to see whom to contact.');
    el.querySelector<HTMLButtonElement>('[data-certificate="test-mup-id-card:valid"] button')!.click();
    await waitUntil(() => el.querySelector('[data-state=locked]'), 'no CA card');
    expect(el.querySelector('[data-state=locked]')!.textContent).to.contain('Ministry of Interior');
    expect(agent.isLoggedIn('test-mup-id-card')).to.equal(false);
  });

  it('says so when the person cancels the PIN dialog', async () => {
    const el = await picker(await softAgent([null]));
    await choose(el, 'test-halcom:valid-ecdsa');
    expect(((await el.sign(DATA).catch((e: unknown) => e)) as AgentError).code).to.equal('cancelled');
    await waitUntil(() => el.querySelector('[role=alert]'), 'no note');
    expect(el.querySelector('[role=alert]')!.textContent).to.contain('You closed the PIN window');
  });

  it('token removed while signing, no token, and a denied site each have their own message', async () => {
    const agent = await softAgent();
    const el = await picker(agent);
    await choose(el, 'test-mup-id-card:valid');
    agent.removeToken('test-mup-id-card');
    expect(((await el.sign(DATA).catch((e: unknown) => e)) as AgentError).code).to.equal('token_removed');
    await waitUntil(() => el.querySelector('[data-problem=token_removed]'), 'no token_removed message');
    await expect(el).to.be.accessible();
    // Put back: the list comes back by itself.
    agent.insertToken('test-mup-id-card');
    await waitUntil(() => el.querySelector('[data-certificate="test-mup-id-card:valid"]'), 'the list did not come back');

    const empty = await softAgent();
    for (const id of ['test-mup-id-card', 'test-halcom', 'test-other-profiles', 'test-mup-foreigner-card']) empty.removeToken(id);
    const none = await picker(empty);
    expect(none.querySelector('[data-problem=no_token] .egov-notice-title')!.textContent).to.equal('Insert your smart card or token');
    await expect(none).to.be.accessible();

    const denying = await softAgent();
    denying.deny();
    const denied = await picker(denying);
    expect(denied.querySelector('[data-problem=origin_denied]')).to.exist;
    denying.deny(false);
    visibleButton(denied, 'Try again')!.click();
    await waitUntil(() => denied.querySelector('.egov-certificates'), 'try again did not list');
  });

  it('a page that blocks Fortify’s client: the site’s fault, said plainly, with no useless “Try again”', async () => {
    const original = console.error;
    console.error = () => undefined;
    try {
      for (const [locale, title] of [
        ['en', 'Certificates cannot be used on this page'],
        ['sr-Cyrl', 'Сертификати не могу да се користе на овој страници'],
        ['sr-Latn', 'Sertifikati ne mogu da se koriste na ovoj stranici'],
      ] as const) {
        const el = await picker(new FortifyAgent({ baseUrl: 'https://127.0.0.1:9', storage: null, codeGenerationAllowed: () => false }), locale);
        const problem = el.querySelector('[data-problem=page_blocked]')!;
        expect(problem.querySelector('.egov-notice-title')!.textContent).to.equal(title);
        expect(visibleButton(el, 'Try again')).to.equal(undefined);
        await expect(el).to.be.accessible();
      }
    } finally {
      console.error = original;
    }
  });

  it('without Fortify on this computer: install it (first time) or start it (seen before)', async () => {
    const closedPort = 'https://127.0.0.1:9';
    const storage = new Map<string, string>();
    const memory = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) };
    const el = await picker(new FortifyAgent({ baseUrl: closedPort, probeTimeoutMs: 2000, storage: memory as unknown as Storage }));
    expect(el.querySelector('[data-problem=not_installed] .egov-notice-title')!.textContent).to.equal('Install the Fortify app');
    expect(el.querySelector<HTMLAnchorElement>('[data-problem=not_installed] a')!.href).to.contain('fortify');
    await expect(el).to.be.accessible();
    storage.set('egov-fortify-seen', '1');
    const again = await picker(new FortifyAgent({ baseUrl: closedPort, probeTimeoutMs: 2000, storage: memory as unknown as Storage }));
    expect(again.querySelector('[data-problem=not_running] .egov-notice-title')!.textContent).to.equal('Start the Fortify app');
  });

  describe('telling certificates apart and choosing one (usability review, issue 12)', () => {
    it('names the accepted certification bodies, each linked to its instructions, as the portal guide does; open when something is missing', async () => {
      const accepted = (el: Element) => el.querySelector<HTMLDetailsElement>('details[data-accepted-bodies]');
      const links = (el: Element) => [...accepted(el)!.querySelectorAll<HTMLAnchorElement>('a')].filter((a) => a.checkVisibility());

      const listing = await picker(await softAgent());
      expect(seen(accepted(listing)?.querySelector('summary'))).to.equal('Which certificates can I use?');
      expect(accepted(listing)!.open, 'folded while certificates are listed').to.be.false;
      expect(links(listing)).to.deep.equal([]);

      const missing = await picker(new FortifyAgent({ baseUrl: 'https://127.0.0.1:9', probeTimeoutMs: 2000, storage: null }));
      expect(accepted(missing)!.open, 'open when Fortify is not installed').to.be.true;
      const shown = links(missing).map((a) => [seen(a), a.href]);
      // The trusted list's names, in the portal guide's order.
      expect(shown.map(([name]) => name)).to.deep.equal([
        'Ministry of Interior Republic of Serbia',
        'Pošta Srbije L.L.C.',
        'Chamber of Commerce of Serbia',
        'Halcom a.d. Beograd',
        'E-Smart Systems d.o.o.',
        'Office for IT and eGovernment',
        'Paperless doo Beograd',
        'Ministry of Defense and Serbian Armed Forces',
        'Telecommunications Company Telekom Srbija a.d.',
      ]);
      expect(shown[0]![1]).to.equal('https://ca.mup.gov.rs/eng.html');
      expect(shown[5]![1], 'a body without instructions links its site').to.equal('https://www.ite.gov.rs/');
      for (const a of links(missing)) expect(a.rel).to.equal('noopener');
      await expect(missing).to.be.accessible();

      const cyrillic = await picker(new FortifyAgent({ baseUrl: 'https://127.0.0.1:9', probeTimeoutMs: 2000, storage: null }), 'sr-Cyrl');
      expect(seen(accepted(cyrillic)!.querySelector('summary'))).to.equal('Које сертификате могу да користим?');
      expect(seen(links(cyrillic)[0])).to.equal('МУП Републике Србије');
    });

    it('two certificates that look alike (same holder, CA and dates; one revoked) differ where a person can see it', async () => {
      const el = await picker(await softAgent());
      const valid = el.querySelector('[data-certificate="test-halcom:valid-ecdsa"]');
      const revoked = el.querySelector('[data-certificate="test-halcom:revoked"]');
      expect(visibleItems(el)).to.include.members(['test-halcom:valid-ecdsa', 'test-halcom:revoked']);
      expect(seen(valid)).not.to.equal(seen(revoked));
      for (const item of [valid, revoked]) {
        expect(seen(item)).to.contain('Jelena Probić');
        expect(seen(item)).to.match(/Serial number: …?[0-9A-F]{1,4}(\u00a0[0-9A-F]{4})?/);
        expect(seen(item)).to.contain('E-mail: jelena.probic@example.test');
        expect(seen(item)).to.contain('On the card or token: TEST Halcom');
        expect(seen(item)).to.contain('Purpose: signing and authentication');
        expect(seen(item)).not.to.contain('On: ');
      }
      await expect(el).to.be.accessible();
    });

    it('says what each certificate is for, its short serial number, e-mail, the card or token it is on, and an unambiguous date', async () => {
      const agent = new SoftAgent(await lookAlikeTokens(), { pinPrompt: async () => '1234' });
      const el = await picker(agent, 'en', clientTrusting([await testCa(MUP_TEST_CA)]));
      // The card's authentication certificate is not the qualified one (issue 13): it is listed as hidden, saying which to choose.
      expect(visibleItems(el)).to.deep.equal(['card-a:sign', 'token-b:sign']);
      expect(hidden(el)).to.deep.equal(['authentication_only']);
      el.querySelector<HTMLDetailsElement>('details:has([data-hidden])')!.open = true;
      expect(seen(el.querySelector('[data-hidden=authentication_only]'))).to.contain('the card’s authentication certificate: choose its signing certificate');
      const [sign, other] = visibleItems(el).map((id) => seen(el.querySelector(`[data-certificate="${id}"]`)));
      expect(sign).to.contain('Purpose: signing');
      expect(sign).not.to.contain('authentication');
      expect(sign).to.contain('On the card or token: Card A');
      expect(other).to.contain('On the card or token: Token B');
      expect(other).to.contain('E-mail: ana.other@example.test');
      for (const text of [sign, other]) expect(text).to.contain('valid until 3\u00a0December\u00a02031');
      // Two serial numbers, each short, not the same.
      const serials = [sign, other].map((text) => /Serial number: ([^·]+?)(?: ·|$| E-mail| On the)/.exec(text)?.[1]);
      expect(new Set(serials).size, String(serials)).to.equal(2);
      for (const serial of serials) expect(serial!.replace(/[\u00a0…]/g, '').length).to.be.within(1, 8);
      await expect(el).to.be.accessible();

      const serbian = await picker(new SoftAgent(await lookAlikeTokens()), 'sr-Cyrl', clientTrusting([await testCa(MUP_TEST_CA)]));
      const item = seen(serbian.querySelector('[data-certificate="card-a:sign"]'));
      expect(item).to.contain('важи до 3.\u00a0децембра\u00a02031.');
      expect(item).to.contain('Намена: потписивање');
      expect(item).to.contain('На картици или токену: Card A');
      await expect(serbian).to.be.accessible();
    });

    it('where the backend accepts a card’s authentication certificate (issue 13): both of the card’s certificates are listed, the signing one first, the other said plainly to be of a lower level of assurance', async () => {
      const ca = await testCa(MUP_TEST_CA);
      const accepting = () => clientTrusting([ca], 'mup', { authenticationCertificates: true });
      const el = await picker(new SoftAgent(await lookAlikeTokens(), { pinPrompt: async () => '1234' }), 'en', accepting());
      // The card holds the authentication certificate first: the qualified ones still come first, the recommended choice.
      expect(visibleItems(el)).to.deep.equal(['card-a:sign', 'token-b:sign', 'card-a:auth']);
      expect(hidden(el)).to.deep.equal([]);
      const auth = seen(el.querySelector('[data-certificate="card-a:auth"]'));
      expect(auth).to.contain('Purpose: authentication');
      expect(auth).to.contain('Not a qualified certificate: this site accepts it at a lower level of assurance.');
      expect(auth).to.contain('On the card or token: Card A');
      const sign = seen(el.querySelector('[data-certificate="card-a:sign"]'));
      expect(sign).to.contain('Purpose: signing');
      expect(sign).not.to.contain('lower level of assurance');
      expect([...el.querySelectorAll('[data-lower-assurance]')].map((p) => p.closest('[data-certificate]')!.getAttribute('data-certificate'))).to.deep.equal(['card-a:auth']);
      // The note is part of what the button's description reads out.
      const button = el.querySelector<HTMLButtonElement>('[data-certificate="card-a:auth"] button')!;
      expect(seen(el.querySelector(`[id="${button.getAttribute('aria-describedby')}"]`))).to.contain('lower level of assurance');
      await expect(el).to.be.accessible();
      // It can be chosen and signs like the others.
      expect((await choose(el, 'card-a:auth')).certificateId).to.equal('card-a:auth');
      expect(el.selectedCertificate()).to.include({ certificateId: 'card-a:auth', holderName: 'Ana Test' });
      expect((await el.sign(DATA)).signature.length).to.be.greaterThan(0);

      for (const [locale, purpose, note] of [
        ['sr-Cyrl', 'Намена: аутентикација', 'Није квалификовани сертификат: овај сајт га прихвата уз нижи ниво поузданости.'],
        ['sr-Latn', 'Namena: autentikacija', 'Nije kvalifikovani sertifikat: ovaj sajt ga prihvata uz niži nivo pouzdanosti.'],
      ] as const) {
        const serbian = await picker(new SoftAgent(await lookAlikeTokens()), locale, accepting());
        await waitUntil(() => seen(serbian.querySelector('[data-certificate="card-a:auth"]')).includes(note), `no ${locale} note`);
        expect(visibleItems(serbian), locale).to.deep.equal(['card-a:sign', 'token-b:sign', 'card-a:auth']);
        expect(seen(serbian.querySelector('[data-certificate="card-a:auth"]'))).to.contain(purpose);
        expect(seen(serbian.querySelector('[data-certificate="card-a:sign"]'))).not.to.contain(note);
        await expect(serbian).to.be.accessible();
      }
    });

    it('the mock server’s MUP card, where authentication certificates are accepted: its authentication certificate is listed after every qualified one; the other checks still hide the rest', async () => {
      const el = await picker(await softAgent(), 'en', new DirectoryRewritingClient(() => undefined, { authenticationCertificates: true }));
      const usable = visibleItems(el);
      expect(usable).to.include.members(['test-mup-id-card:valid', 'test-mup-id-card:mup-authentication']);
      expect(usable.at(-1)).to.equal('test-mup-id-card:mup-authentication');
      expect(seen(el.querySelector('[data-certificate="test-mup-id-card:mup-authentication"]'))).to.contain('Not a qualified certificate');
      const reasons = hidden(el);
      expect(reasons).not.to.include('authentication_only');
      for (const reason of ['expired', 'untrusted_ca', 'no_private_key', 'wrong_key_usage', 'not_qualified', 'invalid_personal_number']) expect(reasons).to.include(reason);
      await expect(el).to.be.accessible();
    });

    it('the chosen certificate is marked and the list folds up to it, with “Choose another certificate”', async () => {
      const el = await picker(await softAgent());
      const before = el.getBoundingClientRect().height;
      await choose(el, 'test-halcom:valid-ecdsa');
      await el.updateComplete;
      expect(visibleItems(el)).to.deep.equal(['test-halcom:valid-ecdsa']);
      const chosen = el.querySelector('[data-certificate="test-halcom:valid-ecdsa"]')!;
      expect(seen(el)).to.contain('Chosen certificate');
      // A group named by its heading, not a landmark: a page with several pickers (the demo's gallery) keeps its landmarks unique.
      const group = el.querySelector<HTMLElement>('.egov-chosen')!;
      expect(group.getAttribute('role')).to.equal('group');
      expect(document.getElementById(group.getAttribute('aria-labelledby')!)!.textContent).to.equal('Chosen certificate');
      expect(el.querySelector('section, [role=region]')).to.equal(null);
      expect(chosen.getAttribute('aria-current')).to.equal('true');
      // The pressed button left with the list: focus is on what replaced it, not lost to the page.
      expect(document.activeElement!.textContent).to.equal('Chosen certificate');
      // The hidden ones' summary folds away too: what comes after the picker (the certificate's data) is right below.
      expect(el.querySelector('details')?.checkVisibility() ?? false).to.equal(false);
      expect(el.getBoundingClientRect().height).to.be.lessThan(before / 2);
      await expect(el).to.be.accessible();

      visibleButton(el, 'Choose another certificate')!.click();
      await el.updateComplete;
      expect(visibleItems(el)).to.include.members(['test-halcom:valid-ecdsa', 'test-halcom:revoked', 'test-mup-id-card:valid']);
      expect(document.activeElement!.closest('[data-certificate]')!.getAttribute('data-certificate')).to.equal('test-halcom:valid-ecdsa');
      // Still marked while another is being looked for.
      expect(el.querySelector('[data-certificate="test-halcom:valid-ecdsa"]')!.getAttribute('aria-current')).to.equal('true');
      expect(seen(el.querySelector('[data-certificate="test-halcom:valid-ecdsa"]'))).to.contain('Chosen');
      expect(el.querySelector('[data-certificate="test-halcom:revoked"]')!.hasAttribute('aria-current')).to.equal(false);
      await expect(el).to.be.accessible();
      await choose(el, 'test-halcom:revoked');
      await el.updateComplete;
      expect(visibleItems(el)).to.deep.equal(['test-halcom:revoked']);
      expect(el.selectedCertificate()?.certificateId).to.equal('test-halcom:revoked');
    });

    it('a certificate the backend refused says so at the certificate itself, and offers another one or the password', async () => {
      const el = await fixture<EgovCertificatePicker>(
        html`<egov-certificate-picker backend-url=${API} locale="en" fallback-label="Log in with username and password" .agent=${await softAgent()}></egov-certificate-picker>`,
      );
      await waitUntil(() => el.querySelector('.egov-certificates'), 'no list', { timeout: 8000 });
      await choose(el, 'test-halcom:revoked');
      el.refuseSelected('certificate_revoked');
      await el.updateComplete;
      const refused = el.querySelector('[data-certificate="test-halcom:revoked"]')!;
      expect(refused.checkVisibility()).to.equal(true);
      expect(seen(refused)).to.contain('Not accepted: its certification body has revoked it.');
      expect(document.activeElement && refused.contains(document.activeElement)).to.equal(true);
      // Not offered again; the look-alike one is.
      expect(visibleButton(refused, 'Use this certificate')).to.equal(undefined);
      expect(visibleItems(el)).to.include('test-halcom:valid-ecdsa');
      expect(el.querySelector('[data-certificate="test-halcom:valid-ecdsa"] button')!.checkVisibility()).to.equal(true);
      const fallback = oneEvent(el, 'egov-certificate-fallback');
      visibleButton(el, 'Log in with username and password')!.click();
      expect((await fallback).detail.reason).to.equal('certificate_refused');
      await expect(el).to.be.accessible();

      el.refuseSelected('certificate_untrusted');
      await el.updateComplete;
      expect(seen(el.querySelector('[data-certificate="test-halcom:revoked"]'))).to.contain('Not accepted: issued by a certification body this site does not accept.');
    });

    it('a locked PIN is no dead end: whom to contact (once), another certificate, or the password', async () => {
      const client = new DirectoryRewritingClient((bodies) => {
        for (const body of bodies) if (body.id === 'mup') body.support = { ...body.support, phone: '+381 11 123 4567' };
      });
      const agent = await softAgent(['0000']);
      agent.setTriesLeft('test-mup-id-card', 1);
      const el = await fixture<EgovCertificatePicker>(
        html`<egov-certificate-picker backend-url=${API} locale="en" fallback-label="Log in with username and password" .agent=${agent} .client=${client}></egov-certificate-picker>`,
      );
      await waitUntil(() => el.querySelector('[data-certificate="test-mup-id-card:valid"] button'), 'no list', { timeout: 8000 });
      await choose(el, 'test-mup-id-card:valid');
      await el.sign(DATA).catch(() => undefined);
      await waitUntil(() => el.querySelector('[data-state=locked]'), 'no CA card');
      const text = seen(el);
      expect(text.match(/contact the certification body/gi) ?? [], text).to.have.length(1);
      expect(text).to.contain('Certification body: Ministry of Interior');
      expect(text).to.contain('Phone: +381 11 123 4567');
      expect(el.querySelector('[data-state=locked] a[href="tel:+381111234567"]')!.checkVisibility()).to.equal(true);
      await expect(el).to.be.accessible();

      const fallback = oneEvent(el, 'egov-certificate-fallback');
      visibleButton(el, 'Log in with username and password')!.click();
      expect((await fallback).detail.reason).to.equal('pin_locked');

      visibleButton(el, 'Choose another certificate')!.click();
      await waitUntil(() => visibleItems(el).includes('test-halcom:valid-ecdsa'), 'no list to choose another from');
      expect(seen(el.querySelector('[data-certificate="test-mup-id-card:valid"]'))).to.contain('PIN is locked');
      await expect(el).to.be.accessible();
    });

    it('every failure state offers a next step: try again, and the password when the host offers it', async () => {
      const original = console.error;
      console.error = () => undefined;
      try {
        const label = 'Log in with username and password';
        const empty = await softAgent();
        for (const id of ['test-mup-id-card', 'test-halcom', 'test-other-profiles', 'test-mup-foreigner-card']) empty.removeToken(id);
        const expiredOnly = new SoftAgent([
          await testToken('old', [{ id: 'old:expired', leaf: { issuer: await testCa(MUP_TEST_CA), policies: [MUP_TEST_POLICY], notBefore: new Date('2015-01-01'), notAfter: new Date('2020-01-01') } }]),
        ]);
        for (const [agent, state, steps] of [
          [empty, '[data-problem=no_token]', ['Try again', label]],
          [expiredOnly, '[data-state=none-usable]', ['Try again', label]],
          [new FortifyAgent({ baseUrl: 'https://127.0.0.1:9', storage: null, codeGenerationAllowed: () => false }), '[data-problem=page_blocked]', [label]],
          [new FortifyAgent({ baseUrl: 'https://127.0.0.1:9', probeTimeoutMs: 2000, storage: null }), '[data-problem=not_installed]', ['Try again', label]],
        ] as const) {
          const el = await fixture<EgovCertificatePicker>(
            html`<egov-certificate-picker backend-url=${API} locale="en" fallback-label=${label} .agent=${agent}></egov-certificate-picker>`,
          );
          await waitUntil(() => el.querySelector(state), `no ${state}`, { timeout: 8000 });
          for (const step of steps) expect(visibleButton(el, step), `${state}: ${step}`).to.exist;
          const fallback = oneEvent(el, 'egov-certificate-fallback');
          visibleButton(el, label)!.click();
          expect((await fallback).detail.reason).to.be.a('string');
          await expect(el).to.be.accessible();
        }
        // Without a host that offers the password, no button that would do nothing.
        const alone = await picker(empty);
        expect(visibleButton(alone, label)).to.equal(undefined);
      } finally {
        console.error = original;
      }
    });
  });

  for (const [locale, heading, warning] of [
    ['sr-Cyrl', 'Изаберите сертификат', 'Погрешан PIN: преостала су још 2 покушаја.'],
    ['sr-Latn', 'Izaberite sertifikat', 'Pogrešan PIN: preostala su još 2 pokušaja.'],
  ] as const) {
    it(`speaks ${locale}`, async () => {
      const el = await picker(await softAgent(['0000']), locale);
      await waitUntil(() => el.querySelector('h3')!.textContent === heading, 'not translated');
      await choose(el, 'test-mup-id-card:valid');
      await el.sign(DATA).catch(() => undefined);
      await waitUntil(() => el.querySelector('[role=alert]')?.textContent === warning, `no ${locale} PIN message`);
      await expect(el).to.be.accessible();
    });
  }

  describe('every state in every language, each checked with axe', () => {
    for (const locale of ['en', 'sr-Cyrl', 'sr-Latn']) {
      it(locale, async () => {
        const approving = await softAgent([], { approvalCode: '123456', approvalDelayMs: 1200 });
        const approval = await fixture<EgovCertificatePicker>(
          html`<egov-certificate-picker backend-url=${API} locale=${locale} .agent=${approving}></egov-certificate-picker>`,
        );
        await waitUntil(() => approval.querySelector('.egov-code'), 'no approval state', { timeout: 8000 });
        await expect(approval).to.be.accessible();

        const listing = await picker(await softAgent(), locale);
        expect(listing.querySelector('.egov-certificates')).to.exist;
        await expect(listing).to.be.accessible();

        const empty = await softAgent();
        for (const id of ['test-mup-id-card', 'test-halcom', 'test-other-profiles', 'test-mup-foreigner-card']) empty.removeToken(id);
        const none = await picker(empty, locale);
        expect(none.querySelector('[data-problem=no_token]')).to.exist;
        await expect(none).to.be.accessible();

        const locking = await softAgent(['0000']);
        locking.setTriesLeft('test-halcom', 1);
        const locked = await picker(locking, locale);
        await choose(locked, 'test-halcom:valid-ecdsa');
        await locked.sign(DATA).catch(() => undefined);
        await waitUntil(() => locked.querySelector('[data-state=locked]'), 'no CA card');
        expect(locked.querySelector('[data-state=locked] a[href^="https://"]')).to.exist;
        await expect(locked).to.be.accessible();

        const missing = await picker(new FortifyAgent({ baseUrl: 'https://127.0.0.1:9', probeTimeoutMs: 2000, storage: null }), locale);
        expect(missing.querySelector('[data-problem=not_installed]')).to.exist;
        await expect(missing).to.be.accessible();
      });
    }
  });
});
