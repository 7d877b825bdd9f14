import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { API, DEMO_PASSWORD, outbox, uniqueEmail } from '../../../test-support/backend.js';
import { disguisedHtmlFile, largePngFile, pdfFile, pngFile } from '../../../test-support/documents.js';
import '../../define/all.js';
import { checkForeignerNumber } from '../../client/rules.js';
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
function validForeignerNumber(): string {
  for (let serial = 100; serial < 1000; serial++) {
    for (let control = 0; control < 10; control++) {
      const candidate = `170599071${serial}${control}`.slice(0, 13);
      if (candidate.length === 13 && checkForeignerNumber(candidate) === undefined) return candidate;
    }
  }
  throw new Error('no valid number found');
}

async function fillValid(el: EgovRegister, email: string): Promise<void> {
  field(el, 'givenName').value = 'Ana';
  field(el, 'surname').value = 'Testić';
  field(el, 'dateOfBirthDay').value = '17';
  field(el, 'dateOfBirthMonth').value = '5';
  field(el, 'dateOfBirthYear').value = '1999';
  el.querySelector<HTMLInputElement>('input[name=sex][value=F]')!.checked = true;
  el.querySelector<HTMLSelectElement>('select[name=citizenship]')!.value = 'DE';
  field(el, 'documentNumber').value = 'C01X00T47';
  field(el, 'foreignerNumber').value = validForeignerNumber();
  field(el, 'email').value = email;
  field(el, 'password').value = DEMO_PASSWORD;
  field(el, 'passwordConfirmation').value = DEMO_PASSWORD;
  field(el, 'consent').checked = true;
}

async function submit(el: EgovRegister): Promise<void> {
  el.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
  await el.updateComplete;
  await waitUntil(() => el.querySelector('form button[type=submit]')?.getAttribute('aria-disabled') !== 'true', 'still sending', { timeout: 10000 });
  await el.updateComplete;
}

describe('<egov-register>', () => {
  it('offers both registration methods and the foreign citizen’s form, with required fields marked', async () => {
    const el = await registerForm();
    const tabs = [...el.querySelectorAll('[role=tab]')].map((t) => t.textContent!.trim());
    expect(tabs).to.deep.equal(['Register with username and password', 'Register with qualified electronic certificate']);
    expect(el.querySelector<HTMLInputElement>('input[name=userType][value=foreign_citizen]')!.checked).to.be.true;
    expect(el.textContent).to.contain('Fields marked * are required.');
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
    await attach(el, pngFile('page-1.png'), pdfFile('page-2.pdf'), pngFile('page-3.png'));
    const files = [...el.querySelectorAll('.egov-file')];
    expect(files.map((f) => f.querySelector('.egov-file-name')!.textContent)).to.deep.equal(['page-1.png', 'page-2.pdf']);
    expect(files[0]!.querySelector('img')!.getAttribute('src')).to.match(/^blob:/);
    expect(files[1]!.textContent).to.contain('PDF');
    expect(el.querySelector('.egov-fieldset .egov-error-message')!.textContent).to.contain('Attach at most 2 files');
    await expect(el).to.be.accessible();
    el.querySelector<HTMLButtonElement>('button[aria-label="Remove page-1.png"]')!.click();
    await el.updateComplete;
    expect([...el.querySelectorAll('.egov-file-name')].map((f) => f.textContent)).to.deep.equal(['page-2.pdf']);
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
    expect(notice.textContent).to.contain('Junk/Spam');
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
    expect(panel.textContent).to.contain('Windows, macOS or Linux');
    await waitUntil(() => panel.querySelector('egov-certificate-picker h3'), 'no certificate picker');
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

  it('speaks Serbian Cyrillic, country names included', async () => {
    const el = await registerForm(API, 'sr-Cyrl');
    await waitUntil(() => el.querySelector('h2')!.textContent === 'Креирај кориснички налог', 'no Cyrillic heading');
    expect(el.querySelector(`label[for=${field(el, 'foreignerNumber').id}]`)!.textContent).to.contain('Евиденцијски број странца');
    const germany = el.querySelector<HTMLOptionElement>('select[name=citizenship] option[value=DE]')!;
    expect(germany.textContent).to.equal('Немачка');
    await expect(el).to.be.accessible();
  });
});
