// <egov-password-reset>'s states in the gallery: step 1 (the e-mail
// address) and step 2 (the page the e-mail links to, its token given by the
// element's `token` attribute: the gallery's address is left alone).
import { AuthError, type AuthClient, type Locale } from '@egov/auth-widgets';
import { html } from 'lit';
import { GALLERY_EMAIL, GALLERY_PASSWORD } from './states-login.ts';
import { never, scriptedClient } from './scripted-client.ts';
import { drawKit, press, settled, typeInto, until, type GalleryState, type StateTitle } from './state.ts';

/** A reset link's token, as the e-mail's link would carry it (the scripted client accepts it, or not, as each state says). */
const LINK_TOKEN = 'gallery-reset-link-token';

/** Step 1: the form that asks for the e-mail address. */
async function requestForm(frame: HTMLElement, locale: Locale, client: AuthClient = scriptedClient()): Promise<HTMLElement> {
  const reset = await drawKit(frame, locale, client, 'egov-password-reset', html`<egov-password-reset heading-level="4"></egov-password-reset>`);
  await until(() => reset.querySelector('form input[name=email]'), 'the e-mail form');
  return reset;
}

/** Step 2: opened from the e-mail's link; resolves once `outcome` shows. */
async function fromLink(frame: HTMLElement, locale: Locale, client: AuthClient, outcome: string, what: string): Promise<HTMLElement> {
  const reset = await drawKit(
    frame,
    locale,
    client,
    'egov-password-reset',
    html`<egov-password-reset heading-level="4" token=${LINK_TOKEN}></egov-password-reset>`,
  );
  await until(() => reset.querySelector(outcome), what);
  await settled(reset);
  return reset;
}

/** Step 2's form, filled with `password` twice (or `confirmation`) and sent; resolves once `outcome` shows. */
async function choose(
  frame: HTMLElement,
  locale: Locale,
  client: AuthClient,
  outcome: string,
  what: string,
  password = GALLERY_PASSWORD,
  confirmation = password,
): Promise<void> {
  const reset = await fromLink(frame, locale, client, 'form input[name=password]', 'the new password form');
  typeInto(reset, 'input[name=password]', password);
  typeInto(reset, 'input[name=passwordConfirmation]', confirmation);
  press(reset, 'form button[type=submit]');
  await until(() => reset.querySelector(outcome), what);
  await settled(reset);
}

function state(id: string, title: StateTitle, render: GalleryState['render']): GalleryState {
  return { id, element: 'reset', title, render };
}

const tokenInvalid = () => Promise.reject(new AuthError('token_invalid', 400));

export const RESET_STATES: GalleryState[] = [
  state('reset-request', { en: 'Asking for the e-mail address', 'sr-Cyrl': 'Тражи се адреса електронске поште' }, async (frame, locale) => {
    await requestForm(frame, locale);
  }),
  state(
    'reset-request-field-error',
    { en: 'E-mail address not valid: field error and summary', 'sr-Cyrl': 'Неисправна адреса: грешка у пољу и преглед' },
    async (frame, locale) => {
      const reset = await requestForm(frame, locale);
      typeInto(reset, 'input[name=email]', 'ana.maier@');
      press(reset, 'form button[type=submit]');
      await until(() => reset.querySelector('.egov-summary li') && reset.querySelector('[aria-invalid=true]'), 'the error summary');
      await settled(reset);
    },
  ),
  state('reset-check-email', { en: 'Check your e-mail', 'sr-Cyrl': 'Проверите електронску пошту' }, async (frame, locale) => {
    const reset = await requestForm(frame, locale);
    typeInto(reset, 'input[name=email]', GALLERY_EMAIL);
    press(reset, 'form button[type=submit]');
    await until(() => reset.querySelector('.egov-notice--success'), 'the check-your-e-mail notice');
    await settled(reset);
  }),
  state('reset-checking-link', { en: 'Checking the link', 'sr-Cyrl': 'Провера везе' }, async (frame, locale) => {
    await fromLink(frame, locale, scriptedClient({ checkPasswordResetLink: never }), '[role=status]', 'the checking message');
  }),
  state('reset-new-password', { en: 'Choosing a new password', 'sr-Cyrl': 'Избор нове лозинке' }, async (frame, locale) => {
    await fromLink(frame, locale, scriptedClient(), 'form input[name=password]', 'the new password form');
  }),
  state(
    'reset-new-password-errors',
    { en: 'New password too short, confirmation different', 'sr-Cyrl': 'Нова лозинка прекратка, потврда различита' },
    (frame, locale) => choose(frame, locale, scriptedClient(), '.egov-summary li', 'the error summary', 'river bridge', 'river bridges'),
  ),
  state('reset-link-expired', { en: 'Link expired (found when opened)', 'sr-Cyrl': 'Веза истекла (утврђено при отварању)' }, async (frame, locale) => {
    await fromLink(frame, locale, scriptedClient({ checkPasswordResetLink: tokenInvalid }), '[data-state=invalid]', 'the invalid link notice');
  }),
  state(
    'reset-link-used',
    { en: 'Link used meanwhile (found when sending)', 'sr-Cyrl': 'Веза у међувремену искоришћена (утврђено при слању)' },
    (frame, locale) => choose(frame, locale, scriptedClient({ completePasswordReset: tokenInvalid }), '[data-state=invalid]', 'the invalid link notice'),
  ),
  state('reset-password-changed', { en: 'Password changed', 'sr-Cyrl': 'Лозинка је промењена' }, (frame, locale) =>
    choose(frame, locale, scriptedClient(), '.egov-notice--success', 'the password changed notice'),
  ),
];
