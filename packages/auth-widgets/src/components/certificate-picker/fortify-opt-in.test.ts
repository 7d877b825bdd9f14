// A page that has not imported '@egov/auth-widgets/fortify' (or
// '…/fortify-peculiar'): the certificate packages are optional, so certificate
// mode must say plainly that the site did not set it up. This file must not
// import either entry until its last test (one page per test file).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { API } from '../../../test-support/backend.js';
import { FortifyAgent } from '../../agent/fortify-agent.js';
import '../../define/all.js';
import '../../define/egov-certificate-picker.js';
import { fortifyStack } from '../../agent/fortify-opt-in.js';
import type { EgovCertificatePicker } from './egov-certificate-picker.js';

async function captureErrors<T>(run: () => Promise<T>): Promise<{ result: T; logged: string[] }> {
  const logged: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  try {
    return { result: await run(), logged };
  } finally {
    console.error = original;
  }
}

async function shownProblem(el: EgovCertificatePicker): Promise<Element> {
  await waitUntil(() => el.querySelector('[data-problem]'), 'no problem shown', { timeout: 8000 });
  await el.updateComplete;
  return el.querySelector('[data-problem]')!;
}

function isVisible(element: Element): boolean {
  return element.checkVisibility() && element.getBoundingClientRect().height > 0;
}

describe('certificate mode on a page without the Fortify opt-in', () => {
  it('the kit’s picker: “not set up on this site” in each language, no useless “Try again”, one console message naming the import and the packages', async () => {
    expect(fortifyStack()).to.equal(undefined);
    for (const [locale, title] of [
      ['en', 'Certificate login is not set up on this site'],
      ['sr-Cyrl', 'Пријава сертификатом није подешена на овом сајту'],
      ['sr-Latn', 'Prijava sertifikatom nije podešena na ovom sajtu'],
    ] as const) {
      const { result: el, logged } = await captureErrors(async () => {
        // The real agent, no injected client: what a site gets by default.
        const picker = await fixture<EgovCertificatePicker>(
          html`<egov-certificate-picker backend-url=${API} locale=${locale} .agent=${new FortifyAgent({ baseUrl: 'https://127.0.0.1:9', storage: null })}></egov-certificate-picker>`,
        );
        await shownProblem(picker);
        return picker;
      });
      const problem = el.querySelector('[data-problem]')!;
      expect(problem.getAttribute('data-problem')).to.equal('not_set_up');
      const heading = problem.querySelector('.egov-notice-title')!;
      expect(heading.textContent).to.equal(title);
      expect(isVisible(heading)).to.equal(true);
      expect(el.querySelector('[data-problem] ~ button')).to.equal(null);
      expect(logged).to.have.length(1);
      expect(logged[0]).to.contain("import '@egov/auth-widgets/fortify").and.to.contain('@webcrypto-local/client').and.to.contain('protobufjs');
      await expect(el).to.be.accessible();
    }
  });

  it('ui="peculiar": the same problem, naming @peculiar/fortify-webcomponents and the fortify-peculiar entry; Peculiar’s element is never loaded', async () => {
    const { result: el, logged } = await captureErrors(async () => {
      const picker = await fixture<EgovCertificatePicker>(html`<egov-certificate-picker ui="peculiar" backend-url=${API} locale="en"></egov-certificate-picker>`);
      await shownProblem(picker);
      return picker;
    });
    expect(el.querySelector('[data-problem]')!.getAttribute('data-problem')).to.equal('not_set_up');
    expect(logged).to.have.length(1);
    expect(logged[0]).to.contain("import '@egov/auth-widgets/fortify-peculiar'").and.to.contain('@peculiar/fortify-webcomponents');
    expect(customElements.get('peculiar-fortify-certificates')).to.equal(undefined);
  });

  it('after `import "@egov/auth-widgets/fortify"` the agent gets the real client from the opt-in', async () => {
    await import('../../fortify.js');
    const stack = fortifyStack()!;
    expect(stack.entry).to.equal('@egov/auth-widgets/fortify');
    expect(stack.loadPeculiarMode).to.equal(undefined);
    const client = await stack.loadWebcryptoSocket();
    expect(client.SocketProvider).to.be.a('function');
    expect(globalThis.WebcryptoSocket).to.equal(client);
  });
});
