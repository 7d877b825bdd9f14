import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { API, DEMO_PASSWORD, outbox, uniqueEmail } from '../../../test-support/backend.js';
import { disguisedHtmlFile, largePngFile, pdfFile, pngFile } from '../../../test-support/documents.js';
import '../../define/all.js';
import { fillRegistrationFields } from '../../../test-support/registration.js';
import { expectHiddenPartsInvisible, expectNotShown, expectShown, isShown } from '../../../test-support/visibility.js';
import type { EgovRegister } from './egov-register.js';

async function ready(el: EgovRegister): Promise<EgovRegister> {
  await waitUntil(() => el.querySelector('form input[name=givenName]'), 'the form did not load its configuration', { timeout: 8000 });
  await el.updateComplete;
  return el;
}

async function registerForm(backend = API, locale = 'en'): Promise<EgovRegister> {
  return ready(await fixture<EgovRegister>(html`<egov-register backend-url=${backend} locale=${locale} login-url="/login"></egov-register>`));
}

function field(el: EgovRegister, name: string): HTMLInputElement {
  return el.querySelector<HTMLInputElement>(`[name=${name}]`)!;
}

function summary(el: EgovRegister): string[] {
  return [...el.querySelectorAll('.egov-summary li')].map((li) => li.textContent!.trim());
}

/** The headings a person sees, with their level: `h2 Create a user account`. */
function visibleHeadings(el: Element): string[] {
  return [...el.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(isShown).map((h) => `${h.localName} ${h.textContent!.trim()}`);
}

/** What a person can press or type into: visible links, buttons and inputs, by their text or name. */
function visibleControls(el: Element): string[] {
  return [...el.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea')]
    .filter(isShown)
    .map((c) => c.textContent!.trim() || c.getAttribute('name') || c.localName);
}

/** The visible button with this text. */
function button(el: Element, text: string): HTMLButtonElement {
  const found = [...el.querySelectorAll<HTMLButtonElement>('button')].find((b) => isShown(b) && b.textContent!.trim() === text);
  expect(found, `no visible "${text}" button`).to.exist;
  return found!;
}

/**
 * The lines of text in a part, as the browser lays them out (blocks break
 * lines, wrapping does not). A visually hidden prefix ("Error:") is
 * positioned out of the flow, so it comes as a line of its own: left out.
 */
function lines(part: HTMLElement): string[] {
  return part.innerText
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^(Error|Грешка|Greška):$/.test(line));
}

/** The lines of the document upload that name a file. */
function fileLines(el: EgovRegister, ...names: string[]): string[] {
  const documents = el.querySelector<HTMLElement>('.egov-dropzone')!.closest('fieldset')!;
  return lines(documents).filter((line) => names.some((name) => line.includes(name)));
}

/** The label a person reads for a control (without the required mark's star). */
function labelOf(el: EgovRegister, control: Element): string {
  return el.querySelector<HTMLElement>(`label[for="${control.id}"]`)!.innerText.trim();
}

/** Picks files as the file dialog would. */
async function attach(el: EgovRegister, ...files: File[]): Promise<void> {
  const input = el.querySelector<HTMLInputElement>('input[type=file][multiple]')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  const before = () => `${el.querySelectorAll('.egov-file').length}|${el.querySelector('.egov-fieldset .egov-error-message')?.textContent}`;
  const was = before();
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
  // The files are read (their first bytes) before anything shows.
  await waitUntil(() => before() !== was, 'the pick changed nothing');
  await el.updateComplete;
}

/** A valid foreigner's registration number: a date, then digits, then the right control digit. */
async function fillValid(el: EgovRegister, email: string): Promise<void> {
  fillRegistrationFields(el, email);
}

async function submit(el: EgovRegister): Promise<void> {
  el.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
  await el.updateComplete;
  await waitUntil(() => el.querySelector('form button[type=submit]')?.getAttribute('aria-disabled') !== 'true', 'still sending', { timeout: 10000 });
  await el.updateComplete;
}

describe('<egov-register> and the page (its parts are controllers of the element, issue 14)', () => {
  it('leaving the page frees the image previews; coming back makes them again, with the files kept', async () => {
    const el = await registerForm();
    await attach(el, pngFile('passport.png'));
    const before = el.querySelector<HTMLImageElement>('.egov-file-preview')!.src;
    expect(before).to.match(/^blob:/);
    const parent = el.parentElement!;
    el.remove();
    // Revoked: the old preview no longer loads.
    let revoked = false;
    await fetch(before).catch(() => (revoked = true));
    expect(revoked, 'the preview URL was revoked').to.be.true;
    parent.append(el);
    await el.updateComplete;
    const after = el.querySelector<HTMLImageElement>('.egov-file-preview')!.src;
    expect(after).to.match(/^blob:/);
    expect(after).not.to.equal(before);
    expect((await fetch(after)).ok).to.be.true;
    expect(el.querySelectorAll('.egov-file').length).to.equal(1);
  });

  it('no announcement comes after the element has left the page (the pending one is cancelled)', async () => {
    const el = await registerForm();
    const password = field(el, 'password');
    password.focus();
    await sendKeys({ type: 'short' });
    const live = () => [...el.querySelectorAll('[aria-live=polite]')].map((region) => region.textContent!.trim()).join('|');
    const parent = el.parentElement!;
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    parent.append(el);
    await el.updateComplete;
    expect(live()).not.to.contain('more characters');
  });
});

describe('<egov-register>', () => {
  it('offers both registration methods and the foreign citizen’s form, with required fields marked', async () => {
    const el = await registerForm();
    const tabs = [...el.querySelectorAll('[role=tab]')].map((t) => t.textContent!.trim());
    expect(tabs).to.deep.equal(['Register with username and password', 'Register with qualified electronic certificate']);
    expect(el.querySelector<HTMLInputElement>('input[name=userType][value=foreign_citizen]')!.checked).to.be.true;
    expect(el.textContent).to.contain('Fields marked with an asterisk (*) are required.');
    expect(field(el, 'givenName').getAttribute('aria-required')).to.equal('true');
    expect(field(el, 'phone').getAttribute('aria-required')).to.equal('false');
    expect(el.querySelector(`label[for=${field(el, 'givenName').id}] .egov-required`)).to.exist;
    expect(field(el, 'password').getAttribute('autocomplete')).to.equal('new-password');
    expect(document.querySelector('egov-register input[autocomplete=username]')).to.exist;
    expect(el.textContent).to.contain('registered your residence in the Republic of Serbia for more than 90 days');
    await expect(el).to.be.accessible();
  });

  it('empty submit lists every missing answer in form order and focuses the summary', async () => {
    const el = await registerForm();
    await submit(el);
    expect(summary(el)).to.deep.equal([
      'Enter your given name',
      'Enter your surname',
      'Enter your date of birth',
      'Select your sex',
      'Select your citizenship',
      'Enter your passport or identity document number',
      'Enter your foreigner’s registration number, or select “I don’t have it / I forgot it”',
      'Enter your e-mail address',
      'Enter your password',
      'Attach your identity document',
      'Confirm the information and agree to its processing to create the account',
    ]);
    expect(document.activeElement).to.equal(el.querySelector('.egov-summary'));
    await expect(el).to.be.accessible();
  });

  it('asks the date of birth as day, month and year, and says when it is not a real date', async () => {
    const el = await registerForm();
    const [day, month, year] = ['Day', 'Month', 'Year'].map((part) => field(el, `dateOfBirth${part}`));
    expect([day, month, year].map((input) => el.querySelector(`label[for=${input!.id}]`)!.textContent)).to.deep.equal(['Day', 'Month', 'Year']);
    expect(day!.getAttribute('autocomplete')).to.equal('bday-day');
    day!.value = '31';
    month!.value = '2';
    year!.value = '1990';
    await submit(el);
    expect(summary(el)).to.include('Enter a real date of birth in the past');
    el.querySelector<HTMLAnchorElement>('.egov-summary a[href$="-dateOfBirth"]')!.click();
    expect(document.activeElement).to.equal(day);
    await expect(el).to.be.accessible();
  });

  it('checks the foreigner’s registration number as the backend does, and "I don’t have it" turns it off', async () => {
    const el = await registerForm();
    const number = field(el, 'foreignerNumber');
    number.value = '1705990710001';
    await submit(el);
    expect(summary(el)).to.include('This foreigner’s registration number is not valid. Check the digits in your passport.');
    number.value = '3213990710001';
    await submit(el);
    expect(summary(el)).to.include('The first 7 digits of the foreigner’s registration number must be a date of birth (day, month, year)');
    field(el, 'noForeignerNumber').click();
    await el.updateComplete;
    expect(number.disabled).to.be.true;
    await submit(el);
    expect(summary(el).some((s) => s.includes('foreigner’s registration number'))).to.be.false;
  });

  it('checks files before sending: by content, size and count; shows previews; removes', async () => {
    const el = await registerForm();
    await attach(el, disguisedHtmlFile('passport.jpg'));
    expect(el.querySelector('.egov-fieldset .egov-error-message')!.textContent).to.contain('passport.jpg is not a PDF, PNG or JPEG file');
    await attach(el, largePngFile(3 * 1024 * 1024 + 1, 'huge.png'));
    expect(el.querySelector('.egov-fieldset .egov-error-message')!.textContent).to.contain('huge.png is larger than 3 MB');
    await attach(el, pngFile('page-1.png'), pdfFile('page-2.pdf'), pngFile('page-3.png'), pngFile('page-4.png'));
    const files = [...el.querySelectorAll('.egov-file')];
    // Three by default: both pages of the document and the page with the foreigner's number (the portal guide).
    expect(files.map((f) => f.querySelector('.egov-file-name')!.textContent)).to.deep.equal(['page-1.png', 'page-2.pdf', 'page-3.png']);
    expect(files[0]!.querySelector('img')!.getAttribute('src')).to.match(/^blob:/);
    expect(files[1]!.textContent).to.contain('PDF');
    expect(el.querySelector('.egov-fieldset .egov-error-message')!.textContent).to.contain('page-4.png was not attached: you can attach at most 3 files');
    await expect(el).to.be.accessible();
    el.querySelector<HTMLButtonElement>('button[aria-label="Remove page-1.png"]')!.click();
    await el.updateComplete;
    expect([...el.querySelectorAll('.egov-file-name')].map((f) => f.textContent)).to.deep.equal(['page-2.pdf', 'page-3.png']);
  });

  it('registers: progress, then "check your e-mail" with the address, and the e-mail is sent', async () => {
    const el = await registerForm();
    const email = uniqueEmail('form');
    await fillValid(el, email);
    await attach(el, pngFile('page-1.png'), pdfFile('page-2.pdf'));
    const submitted = oneEvent(el, 'egov-registration-submitted');
    await submit(el);
    expect((await submitted).detail).to.deep.equal({ email, userType: 'foreign_citizen' });
    const notice = el.querySelector('.egov-notice')!;
    expect(notice.querySelector('.egov-notice-title')!.textContent).to.equal('Check your e-mail');
    expect(notice.textContent).to.contain(email);
    expect(el.innerText).to.contain('Junk/Spam');
    expect(document.activeElement).to.equal(notice.querySelector('.egov-notice-title'));
    expect(field(el, 'password').value).to.equal('');
    expect((await outbox(email)).map((m) => m.kind)).to.deep.equal(['confirm_email']);
    await expect(el).to.be.accessible();

    // Resend, then "start again": the form comes back as it was.
    el.querySelector<HTMLButtonElement>('.egov-button--secondary')!.click();
    await waitUntil(() => el.textContent!.includes('We have sent the message again.'), 'no resend answer');
    expect((await outbox(email)).filter((m) => m.kind === 'confirm_email')).to.have.length(2);
    el.querySelector<HTMLButtonElement>('.egov-link-button')!.click();
    await el.updateComplete;
    expect(el.querySelector('form')!.hidden).to.be.false;
    expect(field(el, 'givenName').value).to.equal('Ana');
    expect(document.activeElement).to.equal(field(el, 'email'));
  });

  it('the backend failing keeps every answer and both files; the same form then goes through', async () => {
    const el = await registerForm('/faulty/down/api');
    const email = uniqueEmail('retry');
    await fillValid(el, email);
    await attach(el, pngFile('page-1.png'), pdfFile('page-2.pdf'));
    await submit(el);
    expect(summary(el)).to.deep.equal(['The service is not available right now. Nothing you entered is lost. Please try again in a moment.']);
    expect(field(el, 'givenName').value).to.equal('Ana');
    expect(field(el, 'email').value).to.equal(email);
    expect(field(el, 'password').value).to.equal(DEMO_PASSWORD);
    expect(el.querySelectorAll('.egov-file')).to.have.length(2);
    await expect(el).to.be.accessible();
    el.backendUrl = API;
    await el.updateComplete;
    await submit(el);
    expect(el.querySelector('.egov-notice-title')!.textContent).to.equal('Check your e-mail');
  });

  it('shows the backend’s reason for a refused password at the password field', async () => {
    const el = await registerForm();
    await fillValid(el, uniqueEmail('weak'));
    field(el, 'password').value = 'password12345678';
    field(el, 'passwordConfirmation').value = 'password12345678';
    await attach(el, pngFile(), pdfFile());
    await submit(el);
    expect(summary(el)).to.deep.equal(['This password is too common and easy to guess. Choose another one.']);
    expect(field(el, 'password').getAttribute('aria-invalid')).to.equal('true');
  });

  it('shows upload progress while sending, and a second submit sends nothing more', async () => {
    // The slow backend takes the whole upload, then answers after 5 s: long enough to look.
    const el = await registerForm('/faulty/slow/api');
    await fillValid(el, uniqueEmail('progress'));
    await attach(el, pngFile('page-1.png'), pdfFile('page-2.pdf'));
    const button = el.querySelector<HTMLButtonElement>('form button[type=submit]')!;
    button.click();
    button.click();
    el.querySelector('form')!.requestSubmit();
    await waitUntil(() => el.querySelector('progress'), 'no progress bar');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.textContent!.trim()).to.equal('Sending…');
    await waitUntil(() => el.querySelector<HTMLProgressElement>('progress')?.value === 100, 'upload did not reach 100%', { timeout: 4000 });
    expect(el.querySelector('.egov-progress label')!.textContent).to.equal('Sending: 100%');
    await expect(el).to.be.accessible();
    await waitUntil(() => el.querySelector('.egov-summary'), 'no answer from the slow backend', { timeout: 9000 });
    expect(el.querySelector('progress')).to.be.null;
    expect(el.querySelectorAll('.egov-file')).to.have.length(2);
  });

  it('one registration however often "Create user account" is pressed', async () => {
    const el = await registerForm();
    const email = uniqueEmail('twice');
    await fillValid(el, email);
    await attach(el, pngFile(), pdfFile());
    const button = el.querySelector<HTMLButtonElement>('form button[type=submit]')!;
    button.click();
    button.click();
    await waitUntil(() => el.querySelector('.egov-notice-title')?.textContent === 'Check your e-mail', 'not sent', { timeout: 8000 });
    expect((await outbox(email)).map((m) => m.kind)).to.deep.equal(['confirm_email']);
    expect(localStorage.length + sessionStorage.length).to.equal(0);
  });

  it('moves between the registration methods with the arrow keys', async () => {
    const el = await registerForm();
    const [passwordTab, certificateTab] = [...el.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    passwordTab!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(document.activeElement).to.equal(certificateTab);
    expect(certificateTab!.getAttribute('aria-selected')).to.equal('true');
    const panel = el.querySelector<HTMLElement>(`#${certificateTab!.getAttribute('aria-controls')}`)!;
    // The tab's intro and picker load with the tab.
    await waitUntil(() => panel.querySelector('egov-certificate-picker h4'), 'no certificate picker');
    expect(panel.textContent).to.contain('Windows, macOS or Linux');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(document.activeElement).to.equal(passwordTab);
  });

  it('a chosen certificate fills the form from the picker, while the page-wide event names no one', async () => {
    const el = await fixture<EgovRegister>(html`<egov-register backend-url=${API} locale="en" mode="certificate" certificate-agent="soft"></egov-register>`);
    const heard: CustomEvent[] = [];
    const listen = (e: Event) => heard.push(e as CustomEvent);
    document.addEventListener('egov-certificate-selected', listen);
    try {
      const button = () => el.querySelector<HTMLButtonElement>('[data-certificate="test-mup-id-card:valid"] button');
      await waitUntil(button, 'no certificate to choose', { timeout: 8000 });
      button()!.click();
      await waitUntil(() => el.querySelector('[data-certificate-form] dl'), 'the form did not take the certificate');
      const shown = el.querySelector('[data-certificate-form] dl')!.textContent!;
      const personalNumber = /\d{13}/.exec(shown)?.[0];
      expect(shown).to.contain('Personal number (JMBG)');
      expect(personalNumber).to.be.a('string');
      expect(heard).to.have.length(1);
      expect(JSON.stringify(heard[0]!.detail)).not.to.contain(personalNumber);
      await expect(el).to.be.accessible();
    } finally {
      document.removeEventListener('egov-certificate-selected', listen);
    }
  });

  it('switching user type keeps the answers of the other type', async () => {
    const el = await registerForm();
    field(el, 'foreignerNumber').value = '123';
    el.querySelector<HTMLInputElement>('input[name=userType][value=serbian_citizen]')!.click();
    await el.updateComplete;
    el.querySelector<HTMLInputElement>('input[name=userType][value=foreign_citizen]')!.click();
    await el.updateComplete;
    expect(field(el, 'foreignerNumber').value).to.equal('123');
  });

  describe('after sending: a confirmation page, nothing of the form', () => {
    it('shows only the confirmation; the form, its tabs and its button are gone from the screen', async () => {
      const el = await registerForm();
      const email = uniqueEmail('confirmation');
      await fillValid(el, email);
      await attach(el, pngFile('page-1.png'), pdfFile('page-2.pdf'));
      await submit(el);

      const form = el.querySelector('form')!;
      expect(form.checkVisibility()).to.equal(false);
      expect(getComputedStyle(form.closest('[hidden]')!).display).to.equal('none');
      expectNotShown(form, 'the registration form');
      expectNotShown(el.querySelector('form button[type=submit]'), '"Create user account"');
      expectNotShown(el.querySelector('[role=tablist]'), 'the registration methods');
      expect(visibleHeadings(el)).to.deep.equal(['h2 Create a user account', 'h3 Check your e-mail', 'h3 What happens next']);
      expect(visibleControls(el)).to.deep.equal(['Send the message again', 'Start again']);
      const title = [...el.querySelectorAll('h3')].find((h) => h.textContent!.trim() === 'Check your e-mail')!;
      expect(document.activeElement).to.equal(title);
      const panel = title.closest<HTMLElement>('[role=region]')!;
      expect(lines(panel)).to.deep.equal(['Check your e-mail', 'We have sent a message to', email]);
      expect(el.innerText).to.contain('Open the link in the message to confirm your registration.');
      expect(el.innerText).to.contain('The message may be in the Junk/Spam folder.');
      expect(el.innerText).to.contain('an authorized person checks your documents within 24 hours');
      expect(el.innerText).not.to.contain('There is a problem');
      expect(expectHiddenPartsInvisible(el)).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });

    it('"Start again" brings the form back as it was, and the confirmation goes', async () => {
      const el = await registerForm();
      await fillValid(el, uniqueEmail('again'));
      await attach(el, pngFile('page-1.png'), pdfFile('page-2.pdf'));
      await submit(el);
      button(el, 'Start again').click();
      await el.updateComplete;
      expectShown(el.querySelector('form button[type=submit]'), '"Create user account"');
      expectShown(el.querySelector('[role=tablist]'), 'the registration methods');
      expect(visibleHeadings(el)).not.to.include('h3 Check your e-mail');
      expect(field(el, 'givenName').value).to.equal('Ana');
      expect(el.querySelectorAll('.egov-file')).to.have.length(2);
      expect(document.activeElement).to.equal(field(el, 'email'));
      expectHiddenPartsInvisible(el);
    });

    it('in Serbian Cyrillic too', async () => {
      const el = await registerForm(API, 'sr-Cyrl');
      const email = uniqueEmail('sr-confirmation');
      await fillValid(el, email);
      await attach(el, pngFile('page-1.png'), pdfFile('page-2.pdf'));
      await submit(el);
      expect(visibleHeadings(el)).to.deep.equal(['h2 Креирајте кориснички налог', 'h3 Проверите електронску пошту', 'h3 Шта следи']);
      expect(visibleControls(el)).to.deep.equal(['Пошаљите поруку поново', 'Почните поново']);
      expectHiddenPartsInvisible(el);
      await expect(el).to.be.accessible();
    });
  });

  describe('what is hidden is not on screen', () => {
    it('in each state of the form: the other tab, the other user type’s fields, the file inputs', async () => {
      const el = await registerForm();
      expectHiddenPartsInvisible(el);
      expectNotShown(el.querySelector('[role=tabpanel][hidden]'), 'the certificate tab’s panel');
      el.querySelector<HTMLInputElement>('input[name=userType][value=serbian_citizen]')!.click();
      await el.updateComplete;
      expectNotShown(field(el, 'foreignerNumber'), 'the foreigner’s registration number');
      expectNotShown(el.querySelector('select[name=citizenship]'), 'citizenship');
      expectHiddenPartsInvisible(el);
      await submit(el);
      expectHiddenPartsInvisible(el);
      button(el, 'Register with qualified electronic certificate').click();
      await el.updateComplete;
      expectNotShown(el.querySelector('form button[type=submit]'), '"Create user account" on the certificate tab');
      expectHiddenPartsInvisible(el);
    });

    it('the whole element, when the page sets hidden on it', async () => {
      const el = await registerForm();
      el.hidden = true;
      expectHiddenPartsInvisible(el);
      expect(el.getBoundingClientRect().height).to.equal(0);
    });
  });

  describe('file problems', () => {
    it('one line per file, each naming its file; the summary links each to “Choose files”', async () => {
      const el = await registerForm();
      await attach(el, largePngFile(3 * 1024 * 1024 + 1, 'huge.png'), new File(['just text'], 'notes.txt', { type: 'text/plain' }));
      expect(fileLines(el, 'huge.png', 'notes.txt')).to.deep.equal(['huge.png is larger than 3 MB', 'notes.txt is not a PDF, PNG or JPEG file']);
      const choose = button(el, 'Choose files');
      // A screen reader on “Choose files” hears both too.
      const description = choose.getAttribute('aria-describedby')!.split(' ').map((id) => el.querySelector(`#${id}`)!.textContent!).join(' ');
      expect(description).to.contain('huge.png is larger than 3 MB').and.to.contain('notes.txt is not a PDF, PNG or JPEG file');

      await submit(el);
      const items = summary(el);
      const first = items.indexOf('huge.png is larger than 3 MB');
      expect(items.slice(first, first + 3)).to.deep.equal(['huge.png is larger than 3 MB', 'notes.txt is not a PDF, PNG or JPEG file', 'Attach your identity document']);
      const link = [...el.querySelectorAll<HTMLAnchorElement>('.egov-summary a')].find((a) => a.textContent!.trim() === 'notes.txt is not a PDF, PNG or JPEG file')!;
      expect(link.getAttribute('href')).to.equal(`#${choose.id}`);
      link.click();
      expect(document.activeElement).to.equal(choose);
      expectShown(choose, '“Choose files”');
      await expect(el).to.be.accessible();
    });

    it('names every file that did not fit', async () => {
      const el = await registerForm();
      await attach(el, pngFile('page-1.png'), pdfFile('page-2.pdf'), pngFile('page-3.png'), pngFile('page-4.png'), pngFile('page-5.png'));
      expect(fileLines(el, 'page-4.png', 'page-5.png')).to.deep.equal([
        'page-4.png was not attached: you can attach at most 3 files',
        'page-5.png was not attached: you can attach at most 3 files',
      ]);
    });

    it('in Serbian Cyrillic, each on its own line', async () => {
      const el = await registerForm(API, 'sr-Cyrl');
      await attach(el, largePngFile(3 * 1024 * 1024 + 1, 'huge.png'), new File(['just text'], 'notes.txt', { type: 'text/plain' }));
      const [huge, notes, ...more] = fileLines(el, 'huge.png', 'notes.txt');
      expect(huge).to.match(/^huge\.png је већа од 3\s\S+$/);
      expect(notes).to.equal('notes.txt није PDF, PNG ни JPEG датотека');
      expect(more).to.deep.equal([]);
    });
  });

  describe('GOV.UK details', () => {
    it('a message about a field names the field', async () => {
      const el = await registerForm();
      field(el, 'documentNumber').value = 'C01/X00';
      field(el, 'givenName').value = 'A'.repeat(101);
      await submit(el);
      expect(summary(el)).to.include('Passport or identity document number must only include letters, numbers, spaces and dashes');
      expect(summary(el)).to.include('Given name must be 100 characters or fewer');
    });

    it('marks optional fields “(optional)”, and only those', async () => {
      const el = await registerForm();
      expect(labelOf(el, field(el, 'phone'))).to.equal('Phone number (optional)');
      expect(labelOf(el, field(el, 'addressInSerbia'))).to.equal('Address in Serbia (optional)');
      expect(labelOf(el, field(el, 'givenName'))).to.equal('Given name*');
      el.querySelector<HTMLInputElement>('input[name=userType][value=serbian_citizen]')!.click();
      await el.updateComplete;
      const sex = el.querySelector<HTMLElement>('input[name=sex]')!.closest('fieldset')!.querySelector('legend')!;
      expect(sex.innerText.trim()).to.equal('Sex (optional)');
      await expect(el).to.be.accessible();
    });

    it('the name fields say which spelling: a foreigner’s passport, in Latin letters (usability review, issue 12)', async () => {
      /** The hint a screen reader reads with the field, and that a person sees. */
      const hintOf = (el: EgovRegister, name: string) => {
        const ids = field(el, name).getAttribute('aria-describedby')!.split(' ');
        const hint = ids.map((id) => el.querySelector<HTMLElement>(`#${id}`)!).find((node) => node.classList.contains('egov-hint'));
        expectShown(hint, `the hint of ${name}`);
        return hint!.innerText.trim();
      };
      const el = await registerForm();
      expect(hintOf(el, 'givenName')).to.equal('As in your passport or other travel document, in Latin letters');
      expect(hintOf(el, 'surname')).to.equal('As in your passport or other travel document, in Latin letters');
      el.querySelector<HTMLInputElement>('input[name=userType][value=serbian_citizen]')!.click();
      await el.updateComplete;
      expect(hintOf(el, 'givenName')).to.equal('As in your identity document');
      const cyrillic = await registerForm(API, 'sr-Cyrl');
      expect(hintOf(cyrillic, 'surname')).to.equal('Као у пасошу или другој путној исправи, латиничним словима');
      await expect(el).to.be.accessible();
    });

    it('marks optional fields in Serbian', async () => {
      const el = await registerForm(API, 'sr-Cyrl');
      expect(labelOf(el, field(el, 'phone'))).to.equal('Број телефона (необавезно)');
      const latin = await registerForm(API, 'sr-Latn');
      expect(labelOf(latin, field(latin, 'phone'))).to.equal('Broj telefona (neobavezno)');
    });
  });

  describe('headings', () => {
    it('start at h2 by default, inner headings one level below', async () => {
      const el = await registerForm();
      await submit(el);
      expect(el.querySelector('h2')!.textContent).to.equal('Create a user account');
      expect(el.querySelector('.egov-summary-title')!.localName).to.equal('h3');
      expect(el.querySelector('[role=tabpanel][hidden] h3')!.textContent).to.equal('Register with qualified electronic certificate');
    });

    it('heading-level sets the element’s heading level; everything inside follows', async () => {
      const el = await ready(await fixture<EgovRegister>(html`<egov-register backend-url=${API} locale="en" heading-level="1"></egov-register>`));
      expect(visibleHeadings(el)).to.deep.equal(['h1 Create a user account']);
      await submit(el);
      expect(el.querySelector('.egov-summary-title')!.localName).to.equal('h2');
      expect(el.querySelector('[role=tabpanel][hidden] h2')!.textContent).to.equal('Register with qualified electronic certificate');
      await fillValid(el, uniqueEmail('level'));
      await attach(el, pngFile(), pdfFile());
      await submit(el);
      expect(visibleHeadings(el)).to.deep.equal(['h1 Create a user account', 'h2 Check your e-mail', 'h2 What happens next']);
      await expect(el).to.be.accessible();
    });

    it('heading-display="visually-hidden" keeps the heading for screen readers only', async () => {
      const el = await ready(await fixture<EgovRegister>(html`<egov-register backend-url=${API} locale="en" heading-display="visually-hidden"></egov-register>`));
      const heading = el.querySelector('h2')!;
      expect(heading.textContent).to.equal('Create a user account');
      const box = heading.getBoundingClientRect();
      expect(box.width * box.height).to.be.at.most(1);
      expect(visibleHeadings(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('heading-display="none" leaves the heading to the page; inner levels stay', async () => {
      const el = await ready(
        await fixture<EgovRegister>(html`<egov-register backend-url=${API} locale="en" heading-level="1" heading-display="none"></egov-register>`),
      );
      expect(el.querySelector('h1')).to.be.null;
      expect([...el.querySelectorAll('h2, h3')].map((h) => h.textContent!.trim())).not.to.include('Create a user account');
      expect(el.querySelector('[role=tabpanel][hidden] h2')!.textContent).to.equal('Register with qualified electronic certificate');
      await submit(el);
      expect(el.querySelector('.egov-summary-title')!.localName).to.equal('h2');
    });
  });

  describe('the page title', () => {
    const pageTitle = 'Registration – eGovernment Portal';
    beforeEach(() => (document.title = pageTitle));

    it('title-error-prefix: “Error: ” while the error summary shows, and back when it is gone', async () => {
      const el = await ready(await fixture<EgovRegister>(html`<egov-register backend-url=${API} locale="en" title-error-prefix></egov-register>`));
      expect(document.title).to.equal(pageTitle);
      await submit(el);
      expect(document.title).to.equal(`Error: ${pageTitle}`);
      await submit(el);
      expect(document.title).to.equal(`Error: ${pageTitle}`);
      await fillValid(el, uniqueEmail('title'));
      await attach(el, pngFile(), pdfFile());
      await submit(el);
      expect(document.title).to.equal(pageTitle);
    });

    it('in the element’s language; and not without the attribute', async () => {
      const el = await ready(await fixture<EgovRegister>(html`<egov-register backend-url=${API} locale="sr-Cyrl" title-error-prefix></egov-register>`));
      await submit(el);
      expect(document.title).to.equal(`Грешка: ${pageTitle}`);
      el.remove();
      expect(document.title).to.equal(pageTitle);
      const plain = await registerForm();
      await submit(plain);
      expect(document.title).to.equal(pageTitle);
    });
  });

  it('speaks Serbian Cyrillic, country names included', async () => {
    const el = await registerForm(API, 'sr-Cyrl');
    await waitUntil(() => el.querySelector('h2')!.textContent === 'Креирајте кориснички налог', 'no Cyrillic heading');
    expect(el.querySelector(`label[for=${field(el, 'foreignerNumber').id}]`)!.textContent).to.contain('Евиденцијски број странца');
    const germany = el.querySelector<HTMLOptionElement>('select[name=citizenship] option[value=DE]')!;
    expect(germany.textContent).to.equal('Немачка');
    await expect(el).to.be.accessible();
  });
});
