// <egov-register>'s states in the gallery: the real element, a scripted
// client, and what a person does (fills the form, attaches documents,
// presses "Create a user account").
import { AuthError, type AuthClient, type Locale } from '@egov/auth-widgets';
import { html } from 'lit';
import { GALLERY_EMAIL, GALLERY_PASSWORD } from './states-login.ts';
import { never, scriptedClient } from './scripted-client.ts';
import { drawKit, press, settled, typeInto, until, type DrawOptions, type GalleryState, type StateTitle } from './state.ts';

async function drawRegister(frame: HTMLElement, locale: Locale, client: AuthClient = scriptedClient(), options?: DrawOptions) {
  return drawKit(frame, locale, client, 'egov-register', html`<egov-register heading-level="4"></egov-register>`, options);
}

/** The registration form, with the backend's policy, on screen and ready for a person. */
async function registrationForm(frame: HTMLElement, locale: Locale, client?: AuthClient): Promise<HTMLElement> {
  const register = await drawRegister(frame, locale, client);
  await until(() => register.querySelector('form input[name=givenName]'), 'the registration form');
  return register;
}

/** A scan of a document's page, drawn here (a PNG, as a phone's camera or a scanner gives one). */
async function scannedPage(name: string): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 240;
  canvas.height = 160;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#dfe7ef';
  g.fillRect(0, 0, 240, 160);
  g.fillStyle = '#9aa9b8';
  // The photo, four lines of data beside it, and the machine-readable zone under them.
  g.fillRect(16, 24, 64, 84);
  for (const [y, width] of [
    [32, 120],
    [52, 100],
    [72, 128],
    [92, 90],
  ] as const) {
    g.fillRect(96, y, width, 8);
  }
  g.fillRect(16, 128, 208, 8);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('gallery: the scan could not be drawn');
  return new File([blob], name, { type: 'image/png' });
}

/** A small PDF (the kit checks a file by its first bytes, as the backend does). */
function pdfDocument(name: string, extraBytes = 0): File {
  const text = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
  return new File([text, new Uint8Array(extraBytes)], name, { type: 'application/pdf' });
}

/** Attaches files as a person picking them in "Choose files" does. */
async function attach(register: HTMLElement, files: File[]): Promise<void> {
  const input = register.querySelector<HTMLInputElement>('input[type=file][multiple]')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settled(register);
}

/** Fills the form as Ana Maier, a foreign citizen without a foreigner's registration number, with two documents. */
async function fillIn(register: HTMLElement): Promise<void> {
  typeInto(register, 'input[name=givenName]', 'Ana');
  typeInto(register, 'input[name=surname]', 'Maier');
  typeInto(register, 'input[name=dateOfBirthDay]', '17');
  typeInto(register, 'input[name=dateOfBirthMonth]', '5');
  typeInto(register, 'input[name=dateOfBirthYear]', '1990');
  press(register, 'input[name=sex][value=F]');
  typeInto(register, 'select[name=citizenship]', 'DE');
  typeInto(register, 'input[name=documentNumber]', 'C01X00T47');
  press(register, 'input[name=noForeignerNumber]');
  typeInto(register, 'input[name=addressInSerbia]', 'Knez Mihailova 10, Beograd');
  typeInto(register, 'input[name=email]', GALLERY_EMAIL);
  typeInto(register, 'input[name=password]', GALLERY_PASSWORD);
  typeInto(register, 'input[name=passwordConfirmation]', GALLERY_PASSWORD);
  await attach(register, [await scannedPage('passport-photo-page.png'), pdfDocument('passport-all-pages.pdf')]);
  await until(() => register.querySelectorAll('.egov-file').length === 2, 'the attached documents');
  press(register, 'input[name=consent]');
  await settled(register);
}

/** Fills the form, presses "Create a user account" and resolves once `outcome` shows. */
async function send(frame: HTMLElement, locale: Locale, client: AuthClient, outcome: string, what: string): Promise<void> {
  const register = await registrationForm(frame, locale, client);
  await fillIn(register);
  press(register, 'form button[type=submit]');
  await until(() => register.querySelector(outcome), what);
  await settled(register);
}

function state(id: string, title: StateTitle, render: GalleryState['render'], extra: Partial<GalleryState> = {}): GalleryState {
  return { id, element: 'register', title, render, ...extra };
}

export const REGISTER_STATES: GalleryState[] = [
  state('register-empty', { en: 'Empty', 'sr-Cyrl': 'Празно' }, async (frame, locale) => {
    await registrationForm(frame, locale);
  }),
  state('register-filled', { en: 'Filled in, with two documents', 'sr-Cyrl': 'Попуњено, са два документа' }, async (frame, locale) => {
    await fillIn(await registrationForm(frame, locale));
  }),
  state(
    'register-field-errors',
    { en: 'Sent empty: field errors and the error summary', 'sr-Cyrl': 'Послато празно: грешке у пољима и преглед грешака' },
    async (frame, locale) => {
      const register = await registrationForm(frame, locale);
      press(register, 'form button[type=submit]');
      await until(() => register.querySelector('.egov-summary li') && register.querySelector('[aria-invalid=true]'), 'the error summary');
      await settled(register);
    },
  ),
  state(
    'register-server-errors',
    { en: 'Refused by the server: fields it checks', 'sr-Cyrl': 'Сервер одбио: поља која он проверава' },
    (frame, locale) =>
      send(
        frame,
        locale,
        scriptedClient({
          register: () =>
            Promise.reject(new AuthError('validation_failed', 400, { fields: { documentNumber: 'invalid_format', password: 'common_password' } })),
        }),
        '.egov-summary li',
        'the error summary',
      ),
  ),
  state(
    'register-document-problems',
    { en: 'Documents not attached: wrong type, too large', 'sr-Cyrl': 'Документи нису приложени: погрешна врста, превелик' },
    async (frame, locale) => {
      const register = await registrationForm(frame, locale);
      await attach(register, [
        new File(['A letter, not a scan.'], 'passport.docx', { type: 'application/octet-stream' }),
        pdfDocument('passport-scan-600dpi.pdf', 4 * 1024 * 1024),
      ]);
      await until(() => register.querySelectorAll('.egov-fieldset .egov-error-message').length > 0, 'the documents’ errors');
      await settled(register);
    },
  ),
  state(
    'register-documents-refused',
    { en: 'Document refused by the server (too large)', 'sr-Cyrl': 'Сервер одбио документ (превелик)' },
    (frame, locale) =>
      send(
        frame,
        locale,
        scriptedClient({ register: () => Promise.reject(new AuthError('payload_too_large', 413)) }),
        '.egov-summary li',
        'the error summary',
      ),
  ),
  state('register-sending', { en: 'Sending (documents uploading)', 'sr-Cyrl': 'Слање (документи се шаљу)' }, (frame, locale) =>
    send(
      frame,
      locale,
      scriptedClient({
        register: (_fields, _documents, options) => {
          options?.onProgress?.(420_000, 1_000_000);
          return never();
        },
      }),
      'progress',
      'the upload’s progress',
    ),
  ),
  state('register-check-email', { en: 'Check your e-mail', 'sr-Cyrl': 'Проверите електронску пошту' }, (frame, locale) =>
    send(frame, locale, scriptedClient(), '.egov-notice--confirmation', 'the check-your-e-mail page'),
  ),
  state(
    'register-unavailable',
    { en: 'Service unavailable, what was typed kept', 'sr-Cyrl': 'Услуга није доступна, унето је сачувано' },
    (frame, locale) =>
      send(frame, locale, scriptedClient({ register: () => Promise.reject(new AuthError('service_busy', 503)) }), '.egov-summary li', 'the error summary'),
  ),
  state(
    'register-config-problem',
    { en: 'Configuration problem (for the site’s developers)', 'sr-Cyrl': 'Проблем у подешавању (за програмере сајта)' },
    async (frame, locale) => {
      const register = await drawRegister(frame, locale, scriptedClient(), { backendUrl: 'http://not-allowed.example' });
      await until(() => register.querySelector('[data-config-error]'), 'the configuration problem');
    },
    { expectsConsoleError: true },
  ),
];
