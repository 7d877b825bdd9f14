// Alone in its file (a page of its own): here no Serbian texts are loaded
// before the test creates its element, so the first render really waits.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { API } from '../../test-support/backend.js';
import '../define/all.js';
import { catalog, defineCatalogPart } from './catalog.js';
import { LocaleController } from './locale-controller.js';

function fakeHost(): ReactiveControllerHost & { updates: number } {
  const host = {
    updates: 0,
    addController: (_controller: ReactiveController) => undefined,
    removeController: () => undefined,
    requestUpdate: () => void (host.updates += 1),
    updateComplete: Promise.resolve(true),
  };
  return host;
}

describe('the first render in a locale', () => {
  it('the controller says the first texts are pending until they arrive; later switches keep the old texts instead', async () => {
    let arrive!: (texts: { hello: string }) => void;
    const texts = catalog(
      defineCatalogPart({ hello: 'Hello' }, (locale) => (locale === 'sr-Latn' ? Promise.resolve({ hello: 'Zdravo' }) : new Promise((resolve) => (arrive = resolve)))),
    );
    const host = fakeHost();
    const controller = new LocaleController(host, texts);
    expect(controller.firstTextsPending).to.equal(false);
    controller.set('sr-Cyrl');
    expect(controller.firstTextsPending).to.equal(true);
    expect(controller.t.hello).to.equal('Hello');
    arrive({ hello: 'Здраво' });
    await controller.ready;
    expect(controller.firstTextsPending).to.equal(false);
    expect([controller.locale, controller.t.hello, host.updates]).to.deep.equal(['sr-Cyrl', 'Здраво', 1]);

    // Once something is on screen, a switch keeps it until the new texts are there.
    controller.hostUpdated();
    controller.set('sr-Latn');
    expect(controller.firstTextsPending).to.equal(false);
    expect(controller.t.hello).to.equal('Здраво');
    await controller.ready;
    expect(controller.t.hello).to.equal('Zdravo');
  });

  it('a login element on an Arabic page first shows Arabic, right to left: never English, never left to right', async () => {
    const seen: string[] = [];
    const host = await fixture<HTMLDivElement>(html`<div lang="ar-SY"></div>`);
    const observer = new MutationObserver(() => {
      const root = host.querySelector('.egov-root');
      if (root) seen.push(`${root.getAttribute('dir')}|${host.textContent ?? ''}`);
    });
    observer.observe(host, { subtree: true, childList: true, characterData: true, attributes: true });
    const element = document.createElement('egov-login');
    element.setAttribute('backend-url', API);
    host.append(element);
    await waitUntil(() => /\p{Script=Arabic}/u.test(host.querySelector('.egov-heading')?.textContent ?? ''), 'no Arabic heading', { timeout: 5000 });
    observer.disconnect();
    expect(seen.length).to.be.greaterThan(0);
    expect(seen.filter((text) => /Log in|Username|Password/.test(text) || !text.startsWith('rtl|'))).to.deep.equal([]);
  });

  it('a login element on a Serbian page never shows English, not even before the Serbian texts have loaded', async () => {
    const seen: string[] = [];
    const host = await fixture<HTMLDivElement>(html`<div lang="sr-Cyrl"></div>`);
    const observer = new MutationObserver(() => seen.push(host.textContent ?? ''));
    observer.observe(host, { subtree: true, childList: true, characterData: true });
    const element = document.createElement('egov-login');
    element.setAttribute('backend-url', API);
    host.append(element);
    await waitUntil(() => host.querySelector('.egov-heading')?.textContent === 'Пријава', 'no Serbian heading', { timeout: 5000 });
    observer.disconnect();
    expect(seen.filter((text) => /Log in|Username|Password/.test(text))).to.deep.equal([]);
    expect(host.querySelector('.egov-root')!.getAttribute('lang')).to.equal('sr-Cyrl');
  });
});
