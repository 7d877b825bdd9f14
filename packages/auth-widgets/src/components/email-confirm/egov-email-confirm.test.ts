import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { API, register, tokenFrom, uniqueEmail } from '../../../test-support/backend.js';
import '../../define/all.js';
import { expectHiddenPartsInvisible, isShown } from '../../../test-support/visibility.js';
import type { EgovEmailConfirm } from './egov-email-confirm.js';

/** The headings a person sees, with their level: `h2 Confirm your registration`. */
function visibleHeadings(el: Element): string[] {
  return [...el.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(isShown).map((h) => `${h.localName} ${h.textContent!.trim()}`);
}

const pagePath = location.pathname;

/** Puts a token in the address bar, as the e-mail's link does. */
function openLink(token: string): void {
  history.replaceState(null, '', `${pagePath}?token=${encodeURIComponent(token)}&from=mail`);
}

function title(el: EgovEmailConfirm): string {
  return el.querySelector('.egov-notice-title')?.textContent?.trim() ?? '';
}

async function settled(el: EgovEmailConfirm): Promise<void> {
  await waitUntil(() => !el.querySelector('[role=status]')?.textContent?.match(/Confirming|Deleting|Потврђивање/), 'still sending', { timeout: 8000 });
  await el.updateComplete;
}

/** The person answers the page's question, as they would: a click on a visible button. */
async function answer(el: EgovEmailConfirm, which: 'confirm' | 'decline'): Promise<void> {
  const button = await waitUntil(() => el.querySelector<HTMLButtonElement>(`button[data-answer=${which}]`), 'no question asked', { timeout: 8000 }).then(
    () => el.querySelector<HTMLButtonElement>(`button[data-answer=${which}]`)!,
  );
  expect(button.checkVisibility()).to.equal(true);
  button.click();
  // Answered: the question is gone and nothing is on its way any more.
  await waitUntil(() => !el.querySelector('button[data-answer]') && !el.querySelector('[role=status]')?.textContent?.includes('…'), 'no answer', { timeout: 8000 });
  await el.updateComplete;
}

describe('<egov-email-confirm>', () => {
  afterEach(() => history.replaceState(null, '', pagePath));

  it('confirms the token from the address bar, removes it there, and says the account awaits review', async () => {
    const { email } = await register();
    openLink(await tokenFrom(email, 'confirm_email'));
    const el = document.createElement('egov-email-confirm');
    el.setAttribute('backend-url', API);
    const confirmed = oneEvent(el, 'egov-email-confirmed');
    await fixture(html`<div></div>`).then((c) => c.append(el));
    // Gone from the address bar at once; the page's other parameters stay.
    expect(location.search).to.equal('?from=mail');
    await answer(el, 'confirm');
    expect((await confirmed).detail).to.deep.equal({ result: 'confirmed', accountState: 'pending_review' });
    await settled(el);
    expect(title(el)).to.equal('Your e-mail address is confirmed');
    expect(el.textContent).to.contain('within 24 hours at the latest');
    expect(document.activeElement).to.equal(el.querySelector('.egov-notice-title'));
    await expect(el).to.be.accessible();
  });

  it('takes the token from its attribute and does not leave it in the DOM', async () => {
    const { email } = await register();
    const token = await tokenFrom(email, 'confirm_email');
    const el = await fixture<EgovEmailConfirm>(html`<egov-email-confirm backend-url=${API} token=${token}></egov-email-confirm>`);
    expect(el.hasAttribute('token')).to.be.false;
    expect(el.outerHTML).not.to.contain(token);
    await answer(el, 'confirm');
    expect(title(el)).to.equal('Your e-mail address is confirmed');
    expect(el.outerHTML).not.to.contain(token);
  });

  it('says "already confirmed" when the link is opened again', async () => {
    const { email } = await register();
    const token = await tokenFrom(email, 'confirm_email');
    const first = await fixture<EgovEmailConfirm>(html`<egov-email-confirm backend-url=${API} token=${token}></egov-email-confirm>`);
    await answer(first, 'confirm');
    const again = await fixture<EgovEmailConfirm>(html`<egov-email-confirm backend-url=${API} token=${token}></egov-email-confirm>`);
    await answer(again, 'confirm');
    expect(title(again)).to.equal('Your e-mail address was already confirmed');
  });

  it('an expired or unknown link offers a new one, and the answer never tells whether the address exists', async () => {
    const el = await fixture<EgovEmailConfirm>(html`<egov-email-confirm backend-url=${API} token="not-a-real-token"></egov-email-confirm>`);
    await answer(el, 'confirm');
    expect(title(el)).to.equal('This link has expired or has already been used');
    await expect(el).to.be.accessible();
    const email = uniqueEmail('nobody');
    const input = el.querySelector<HTMLInputElement>('input[name=email]')!;
    input.value = email;
    el.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => el.textContent!.includes('we have sent a new link'), 'no answer to the resend');
    expect(el.textContent).to.contain(`If ${email} is waiting for confirmation`);
    await expect(el).to.be.accessible();
  });

  it('opened without a token, it asks for the link and offers a new one', async () => {
    const el = await fixture<EgovEmailConfirm>(html`<egov-email-confirm backend-url=${API}></egov-email-confirm>`);
    await el.updateComplete;
    expect(title(el)).to.equal('Open the link from your e-mail');
    el.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await el.updateComplete;
    expect([...el.querySelectorAll('.egov-summary li')].map((li) => li.textContent!.trim())).to.deep.equal(['Enter your e-mail address']);
  });

  it('when the backend is down, keeps the token for "Try again"', async () => {
    const { email } = await register();
    const token = await tokenFrom(email, 'confirm_email');
    const el = await fixture<EgovEmailConfirm>(html`<egov-email-confirm backend-url="/faulty/down/api" token=${token}></egov-email-confirm>`);
    await answer(el, 'confirm');
    expect(el.querySelector('.egov-summary')!.textContent).to.contain('The service is not available right now');
    await expect(el).to.be.accessible();
    el.backendUrl = API;
    await el.updateComplete;
    el.querySelector<HTMLButtonElement>('.egov-button')!.click();
    await answer(el, 'confirm');
    await waitUntil(() => title(el) === 'Your e-mail address is confirmed', 'retry did not confirm', { timeout: 8000 });
  });

  it('speaks Serbian', async () => {
    const { email } = await register();
    const token = await tokenFrom(email, 'confirm_email');
    const el = await fixture<EgovEmailConfirm>(html`<egov-email-confirm backend-url=${API} locale="sr-Cyrl" token=${token}></egov-email-confirm>`);
    await waitUntil(() => title(el) === 'Да ли сте се регистровали са овом адресом електронске поште?', 'no Cyrillic question', { timeout: 8000 });
    expect(el.querySelector('button[data-answer=decline]')!.textContent).to.equal('Ово није моја регистрација');
    await expect(el).to.be.accessible();
    await answer(el, 'confirm');
    await waitUntil(() => title(el) === 'Адреса електронске поште је потврђена', 'no Cyrillic confirmation', { timeout: 8000 });
    expect(el.querySelector('h2')!.textContent).to.equal('Потврдите регистрацију');
    await expect(el).to.be.accessible();
  });

  it('opening the link confirms nothing: it asks, visibly, and waits for a click (a mail scanner runs scripts but does not answer)', async () => {
    const { email } = await register();
    const token = await tokenFrom(email, 'confirm_email');
    let events = 0;
    const el = document.createElement('egov-email-confirm');
    el.setAttribute('backend-url', API);
    el.setAttribute('token', token);
    el.addEventListener('egov-email-confirmed', () => events++);
    await fixture(html`<div></div>`).then((c) => c.append(el));
    await waitUntil(() => el.querySelector('button[data-answer=confirm]'), 'no question', { timeout: 8000 });
    expect(title(el)).to.equal('Did you register with this e-mail address?');
    for (const button of el.querySelectorAll('button[data-answer]')) expect((button as HTMLElement).checkVisibility()).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(events).to.equal(0);
    // The backend agrees: the account is still unconfirmed, so its confirmation link still works after the page was opened.
    const check = await fixture<EgovEmailConfirm>(html`<egov-email-confirm backend-url=${API} token=${token}></egov-email-confirm>`);
    await answer(check, 'confirm');
    expect(title(check)).to.equal('Your e-mail address is confirmed');
    await expect(el).to.be.accessible();
  });

  it('"This was not me" deletes the registration: said plainly, the event carries nothing, the link is spent', async () => {
    const { email } = await register();
    const token = await tokenFrom(email, 'confirm_email');
    const el = await fixture<EgovEmailConfirm>(
      html`<egov-email-confirm backend-url=${API} register-url="/register.html" token=${token}></egov-email-confirm>`,
    );
    const declined = oneEvent(el, 'egov-registration-declined');
    await answer(el, 'decline');
    expect((await declined).detail).to.deep.equal({});
    expect(title(el)).to.equal('The registration was deleted');
    expect(el.querySelector<HTMLAnchorElement>('a.egov-link')!.getAttribute('href')).to.equal('/register.html?locale=en', 'in the language the person reads');
    expect(document.activeElement).to.equal(el.querySelector('.egov-notice-title'));
    await expect(el).to.be.accessible();
    // The same link cannot confirm what is gone.
    const again = await fixture<EgovEmailConfirm>(html`<egov-email-confirm backend-url=${API} token=${token}></egov-email-confirm>`);
    await answer(again, 'confirm');
    expect(title(again)).to.equal('This link has expired or has already been used');
  });

  describe('headings and what is hidden', () => {
    it('heading-level sets the element’s heading; the states’ headings are one level below; nothing hidden shows', async () => {
      const { email } = await register();
      const token = await tokenFrom(email, 'confirm_email');
      const el = await fixture<EgovEmailConfirm>(html`<egov-email-confirm backend-url=${API} token=${token} heading-level="1"></egov-email-confirm>`);
      await waitUntil(() => el.querySelector('button[data-answer=confirm]'), 'no question', { timeout: 8000 });
      expect(visibleHeadings(el)).to.deep.equal(['h1 Confirm your registration', 'h2 Did you register with this e-mail address?']);
      expectHiddenPartsInvisible(el);
      await answer(el, 'confirm');
      expect(visibleHeadings(el)).to.deep.equal(['h1 Confirm your registration', 'h2 Your e-mail address is confirmed']);
      expectHiddenPartsInvisible(el);
      await expect(el).to.be.accessible();
    });

    it('heading-display="none": the page’s heading stands in; the states keep theirs', async () => {
      const el = await fixture<EgovEmailConfirm>(html`<egov-email-confirm backend-url=${API} heading-display="none"></egov-email-confirm>`);
      await el.updateComplete;
      expect(visibleHeadings(el)).to.deep.equal(['h3 Open the link from your e-mail']);
      el.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await el.updateComplete;
      expect(el.querySelector('.egov-summary-title')!.localName).to.equal('h3');
      expectHiddenPartsInvisible(el);
    });

    it('the whole element, when the page sets hidden on it', async () => {
      const el = await fixture<EgovEmailConfirm>(html`<egov-email-confirm backend-url=${API} hidden></egov-email-confirm>`);
      await el.updateComplete;
      expectHiddenPartsInvisible(el);
    });
  });
});
