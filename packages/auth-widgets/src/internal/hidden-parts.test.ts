import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { API } from '../../test-support/backend.js';
import { expectHiddenPartsInvisible, expectNotShown, expectShown } from '../../test-support/visibility.js';
import { SoftAgent } from '../agent/soft-agent.js';
import '../define/all.js';
import '../define/egov-certificate-picker.js';
import type { EgovLogin } from '../components/login/egov-login.js';
import type { EgovCertificatePicker } from '../components/certificate-picker/egov-certificate-picker.js';

// One check run against every element of the kit: what carries the hidden
// attribute takes no room and shows nothing, whatever the kit's own class
// rules say (the registration form once stayed under "Check your e-mail").

const TAGS = ['egov-login', 'egov-register', 'egov-password-reset', 'egov-email-confirm', 'egov-certificate-picker'] as const;

describe('every element: what is hidden is not on screen', () => {
  for (const tag of TAGS) {
    it(`<${tag} hidden> takes no room`, async () => {
      const wrapper = await fixture(html`<div></div>`);
      const el = document.createElement(tag);
      el.setAttribute('backend-url', API);
      el.setAttribute('locale', 'en');
      el.hidden = true;
      wrapper.append(el);
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expectHiddenPartsInvisible(el);
      expect(el.getBoundingClientRect().height).to.equal(0);
      el.hidden = false;
      expectShown(el, `<${tag}> without hidden`);
    });
  }

  it('<egov-login>: the panel of the tab not chosen', async () => {
    const el = await fixture<EgovLogin>(
      html`<egov-login backend-url=${API} locale="en" modes="password certificate" certificate-agent="soft"></egov-login>`,
    );
    await waitUntil(() => el.querySelector('input[name=email]'), 'no form', { timeout: 8000 });
    expect(expectHiddenPartsInvisible(el)).to.be.greaterThan(0);
    expectNotShown(el.querySelector('egov-certificate-picker'), 'the certificate picker on the password tab');
    el.querySelector<HTMLButtonElement>('[role=tab][data-tab=certificate]')!.click();
    await el.updateComplete;
    await waitUntil(() => el.querySelector('egov-certificate-picker [data-certificate]'), 'no certificates', { timeout: 8000 });
    expectNotShown(el.querySelector('input[name=password]'), 'the password field on the certificate tab');
    expectHiddenPartsInvisible(el);
  });

  it('<egov-certificate-picker>: the list of certificates', async () => {
    const agent = await SoftAgent.fromBackend(API, { pinPrompt: async () => null });
    const el = await fixture<EgovCertificatePicker>(html`<egov-certificate-picker backend-url=${API} locale="en" .agent=${agent}></egov-certificate-picker>`);
    await waitUntil(() => el.querySelector('[data-certificate]'), 'no certificates', { timeout: 8000 });
    expectHiddenPartsInvisible(el);
  });
});
