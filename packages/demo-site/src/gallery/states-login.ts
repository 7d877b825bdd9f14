// <egov-login>'s states in the gallery: the real element, a scripted client,
// and what a person does (types, presses "Log in").
import { AuthError, type AuthClient, type Locale } from '@egov/auth-widgets';
import { html } from 'lit';
import { never, scriptedClient } from './scripted-client.ts';
import { drawKit, press, settled, typeInto, until, type DrawOptions, type GalleryState, type StateTitle } from './state.ts';

export const GALLERY_EMAIL = 'ana.maier@example.com';
/** Long enough for the policy (15+), and not a common one. */
export const GALLERY_PASSWORD = 'quiet river under seven old bridges';

async function drawLogin(frame: HTMLElement, locale: Locale, client: AuthClient = scriptedClient(), options?: DrawOptions) {
  return drawKit(frame, locale, client, 'egov-login', html`<egov-login heading-level="4"></egov-login>`, options);
}

/** The login form, on screen and ready for a person. */
async function loginForm(frame: HTMLElement, locale: Locale, client?: AuthClient): Promise<HTMLElement> {
  const login = await drawLogin(frame, locale, client);
  await until(() => login.querySelector('form input[name=email]'), 'the login form');
  return login;
}

/** Types an address and a password and presses "Log in"; resolves once `outcome` shows. */
async function logIn(frame: HTMLElement, locale: Locale, client: AuthClient, outcome: string, what: string, email = GALLERY_EMAIL): Promise<void> {
  const login = await loginForm(frame, locale, client);
  typeInto(login, 'input[name=email]', email);
  typeInto(login, 'input[name=password]', GALLERY_PASSWORD);
  press(login, 'form button[type=submit]');
  await until(() => login.querySelector(outcome), what);
  await settled(login);
}

/** A login the backend answers with `error`. */
function failing(error: AuthError): AuthClient {
  return scriptedClient({ loginWithPassword: () => Promise.reject(error) });
}

function state(id: string, title: StateTitle, render: GalleryState['render'], extra: Partial<GalleryState> = {}): GalleryState {
  return { id, element: 'login', title, render, ...extra };
}

export const LOGIN_STATES: GalleryState[] = [
  state('login-empty', { en: 'Empty', 'sr-Cyrl': 'Празно' }, async (frame, locale) => {
    await loginForm(frame, locale);
  }),
  state('login-filled', { en: 'Filled in', 'sr-Cyrl': 'Попуњено' }, async (frame, locale) => {
    const login = await loginForm(frame, locale);
    typeInto(login, 'input[name=email]', GALLERY_EMAIL);
    typeInto(login, 'input[name=password]', GALLERY_PASSWORD);
    await settled(login);
  }),
  state(
    'login-field-errors',
    { en: 'Field errors and the error summary', 'sr-Cyrl': 'Грешке у пољима и преглед грешака' },
    async (frame, locale) => {
      const login = await loginForm(frame, locale);
      typeInto(login, 'input[name=email]', 'ana.maier@example');
      press(login, 'form button[type=submit]');
      await until(() => login.querySelectorAll('.egov-summary li').length === 2 && login.querySelector('[aria-invalid=true]'), 'the error summary');
      await settled(login);
    },
  ),
  state('login-wrong-credentials', { en: 'Wrong e-mail address or password', 'sr-Cyrl': 'Погрешна адреса електронске поште или лозинка' }, (frame, locale) =>
    logIn(frame, locale, failing(new AuthError('invalid_credentials', 401)), '.egov-summary', 'the error summary'),
  ),
  state('login-throttled', { en: 'Too many attempts: try again at a given time', 'sr-Cyrl': 'Превише покушаја: поново у наведено време' }, (frame, locale) =>
    logIn(frame, locale, failing(new AuthError('throttled', 429, { retryAfter: 300 })), '.egov-summary', 'the error summary'),
  ),
  state(
    'login-password-suspended',
    { en: 'Password login paused after many wrong passwords', 'sr-Cyrl': 'Пријава лозинком заустављена после много погрешних лозинки' },
    (frame, locale) => logIn(frame, locale, failing(new AuthError('password_login_suspended', 403)), '.egov-summary', 'the error summary'),
  ),
  state(
    'login-unavailable',
    { en: 'Service unavailable, what was typed kept', 'sr-Cyrl': 'Услуга није доступна, унето је сачувано' },
    (frame, locale) => logIn(frame, locale, failing(new AuthError('network_error')), '.egov-summary', 'the error summary'),
  ),
  state(
    'login-config-problem',
    { en: 'Configuration problem (for the site’s developers)', 'sr-Cyrl': 'Проблем у подешавању (за програмере сајта)' },
    async (frame, locale) => {
      const login = await drawLogin(frame, locale, scriptedClient(), { backendUrl: 'http://not-allowed.example' });
      await until(() => login.querySelector('[data-config-error]'), 'the configuration problem');
    },
    { expectsConsoleError: true },
  ),
  state('login-logging-in', { en: 'Logging in (waiting for the server)', 'sr-Cyrl': 'Пријављивање (чека се сервер)' }, (frame, locale) =>
    logIn(frame, locale, scriptedClient({ loginWithPassword: never }), 'form button[type=submit][aria-disabled=true]', 'the busy button'),
  ),
  state(
    'login-not-confirmed',
    { en: 'E-mail address not confirmed, with “send again”', 'sr-Cyrl': 'Адреса није потврђена, уз „пошаљи поново”' },
    (frame, locale) =>
      logIn(frame, locale, failing(new AuthError('email_not_confirmed', 403)), '[data-notice=email_not_confirmed] button', 'the notice'),
  ),
  state('login-pending-review', { en: 'Account awaiting review', 'sr-Cyrl': 'Налог чека проверу' }, (frame, locale) =>
    logIn(frame, locale, failing(new AuthError('pending_review', 403)), '[data-notice=pending_review]', 'the notice'),
  ),
  state('login-rejected', { en: 'Registration rejected, with the reason', 'sr-Cyrl': 'Регистрација одбијена, уз разлог' }, (frame, locale) =>
    logIn(
      frame,
      locale,
      failing(
        new AuthError('account_rejected', 403, {
          reason: 'The scan of the passport’s photo page is too dark to read. Please register again with a clearer scan of it.',
        }),
      ),
      '[data-notice=account_rejected] [data-reviewer-reason]',
      'the notice',
    ),
  ),
  state('login-logged-in', { en: 'Logged in', 'sr-Cyrl': 'Пријављени сте' }, (frame, locale) =>
    logIn(frame, locale, scriptedClient(), '.egov-notice--success', 'the logged-in notice'),
  ),
];
