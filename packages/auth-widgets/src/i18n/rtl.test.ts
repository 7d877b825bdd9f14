// Right to left (issue 16): under Arabic the elements lay out from the right,
// the keyboard follows the reading order, and what runs left to right in any
// language (e-mail addresses, numbers, file names) keeps its own order.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { API } from '../../test-support/backend.js';
import { pngFile } from '../../test-support/documents.js';
import { SoftAgent } from '../agent/soft-agent.js';
import '../define/all.js';
import { partOf } from './locale-pack.js';
import { loadLocalePack } from './locales.js';

type Kit = HTMLElement & { updateComplete: Promise<boolean> };

/** Puts an element in Arabic on the page (600 px wide) and waits until it shows Arabic. */
async function place(tag: string, attributes: Record<string, string> = {}): Promise<Kit> {
  const host = await fixture<HTMLDivElement>(html`<div style="width: 600px"></div>`);
  const el = document.createElement(tag) as Kit;
  for (const [name, value] of Object.entries({ 'backend-url': API, locale: 'ar', ...attributes })) el.setAttribute(name, value);
  host.append(el);
  await waitUntil(() => el.querySelector('.egov-root')?.getAttribute('lang') === 'ar', 'not in Arabic', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

const box = (element: Element) => element.getBoundingClientRect();
const focused = (el: Element) => {
  const active = document.activeElement;
  return active && el.contains(active) ? active : null;
};

describe('right to left, under Arabic', () => {
  it('the element is right to left inside a left-to-right page, and its text starts on the right', async () => {
    const el = await place('egov-login', { 'certificate-agent': 'soft' });
    const root = el.querySelector<HTMLElement>('.egov-root')!;
    expect([document.documentElement.dir || 'ltr', root.dir, getComputedStyle(root).direction]).to.deep.equal(['ltr', 'rtl', 'rtl']);
    const heading = el.querySelector<HTMLElement>('.egov-heading')!;
    const range = document.createRange();
    range.selectNodeContents(heading);
    // The heading's words end at the right edge of the element, not the left.
    expect(Math.abs(range.getBoundingClientRect().right - box(root).right)).to.be.lessThan(2);
  });

  it('the tabs run from the right; the arrow keys follow the reading direction, and Home and End still go to the first and last', async () => {
    const el = await place('egov-login', { 'certificate-agent': 'soft' });
    const tabs = [...el.querySelectorAll<HTMLElement>('[role=tab]')];
    expect(tabs.length).to.equal(2);
    // The first tab (certificate) is to the right of the second (password).
    expect(box(tabs[0]!).left).to.be.greaterThan(box(tabs[1]!).left);
    tabs[0]!.click();
    await waitUntil(() => tabs[0]!.getAttribute('aria-selected') === 'true', 'the first tab was not chosen');
    tabs[0]!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => focused(el) === tabs[1], 'ArrowLeft did not move to the tab on the left');
    expect(tabs[1]!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => focused(el) === tabs[0], 'ArrowRight did not move back to the tab on the right');
    await sendKeys({ press: 'End' });
    await waitUntil(() => focused(el) === tabs[1], 'End');
    await sendKeys({ press: 'Home' });
    await waitUntil(() => focused(el) === tabs[0], 'Home');
  });

  it('Tab goes through the password form in reading order: top to bottom, and right to left along a row', async () => {
    const el = await place('egov-login', { modes: 'password', 'password-reset-url': '/reset', 'register-url': '/register' });
    const first = el.querySelector<HTMLInputElement>('input[name=email]')!;
    first.focus();
    const order: Element[] = [first];
    for (let step = 0; step < 8; step++) {
      await sendKeys({ press: 'Tab' });
      const now = focused(el);
      if (!now || order.includes(now)) break;
      order.push(now);
    }
    expect(order.length, 'fields, the show-password button, the button and the links').to.be.greaterThanOrEqual(5);
    // Reading order in Arabic: rows from the top; in a row, from the right.
    const rows = order.map((element) => ({ element, top: Math.round(box(element).top), right: box(element).right }));
    const reading = [...rows].sort((a, b) => (Math.abs(a.top - b.top) > 8 ? a.top - b.top : b.right - a.right)).map((row) => row.element);
    expect(order).to.deep.equal(reading);
    // The show-password button stands after the password field: to its left.
    const password = el.querySelector<HTMLInputElement>('input[name=password]')!;
    const show = el.querySelector<HTMLButtonElement>('.egov-password button')!;
    expect(box(show).right).to.be.lessThanOrEqual(box(password).right);
    expect(box(show).left).to.be.lessThan(box(password).left);
  });

  it('the e-mail and password run left to right inside the right-to-left form, aligned to its side', async () => {
    const el = await place('egov-login', { modes: 'password' });
    for (const name of ['email', 'password']) {
      const input = el.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
      expect([input.dir, getComputedStyle(input).direction, getComputedStyle(input).textAlign], name).to.deep.equal(['ltr', 'ltr', 'right']);
    }
  });

  it('the error summary’s links lead to the fields, and a field in error has its bar on the right', async () => {
    const el = await place('egov-login', { modes: 'password' });
    el.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => el.querySelector('.egov-summary'), 'no error summary');
    const summary = el.querySelector<HTMLElement>('.egov-summary')!;
    const field = el.querySelector<HTMLElement>('.egov-field--error')!;
    const style = getComputedStyle(field);
    expect([style.borderRightWidth, style.borderLeftWidth], 'the bar is at the start of the line: the right').to.deep.equal(['4px', '0px']);
    expect(parseFloat(style.paddingRight)).to.be.greaterThan(parseFloat(style.paddingLeft));
    const link = summary.querySelector<HTMLAnchorElement>('a')!;
    const texts = await partOf(await loadLocalePack('ar'), 'common');
    expect(summary.textContent).to.contain(texts.errorSummaryTitle);
    link.click();
    await waitUntil(() => focused(el)?.getAttribute('name') === 'email', 'the link did not take the focus to the field');
  });

  it('the date of birth reads day, month, year from the right; the upload list keeps a file name in its own order', async () => {
    const el = await place('egov-register');
    await waitUntil(() => el.querySelector('input[name=dateOfBirthYear]'), 'no date fields', { timeout: 5000 });
    const [day, month, year] = ['Day', 'Month', 'Year'].map((part) => box(el.querySelector(`input[name=dateOfBirth${part}]`)!));
    expect(day!.left).to.be.greaterThan(month!.left);
    expect(month!.left).to.be.greaterThan(year!.left);

    const input = el.querySelector<HTMLInputElement>('input[type=file][multiple]')!;
    const transfer = new DataTransfer();
    transfer.items.add(pngFile('passport page 1.png'));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await waitUntil(() => el.querySelector('.egov-file-name'), 'no file listed', { timeout: 5000 });
    const name = el.querySelector<HTMLElement>('.egov-file-name')!;
    expect([name.localName, name.textContent]).to.deep.equal(['bdi', 'passport page 1.png']);
    const remove = name.closest('.egov-file')!.querySelector('button')!;
    expect(box(remove).left, 'Remove is at the end of the row: on the left').to.be.lessThan(box(name).left);
  });

  it('the demo agent’s PIN dialog follows the page: Arabic, right to left', async () => {
    document.documentElement.lang = 'ar';
    try {
      const agent = await SoftAgent.fromBackend(API);
      await agent.connect();
      const certificate = (await agent.listCertificates()).find((c) => c.hasPrivateKey)!;
      const signing = agent.sign(certificate.id, new Uint8Array(32));
      signing.catch(() => undefined);
      await waitUntil(() => document.querySelector('[data-egov-soft-agent-dialog]'), 'no PIN dialog', { timeout: 5000 });
      const dialog = document.querySelector('[data-egov-soft-agent-dialog]')!.shadowRoot!.querySelector('dialog')!;
      const texts = await partOf(await loadLocalePack('ar'), 'pinDialog');
      expect([dialog.lang, dialog.dir, getComputedStyle(dialog).direction]).to.deep.equal(['ar', 'rtl', 'rtl']);
      expect(dialog.querySelector('h2')!.textContent).to.equal(texts.pinDialogTitle);
      dialog.querySelector<HTMLButtonElement>('button[type=button]')!.click();
      await signing.catch(() => undefined);
      agent.close();
    } finally {
      document.documentElement.lang = 'en';
    }
  });
});
