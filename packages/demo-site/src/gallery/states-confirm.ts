// <egov-email-confirm>'s states in the gallery: the page the confirmation
// e-mail links to, its token given by the element's `token` attribute (the
// gallery's address is left alone), and the person's answer to its question.
import { AuthError, type AuthClient, type Locale } from '@egov/auth-widgets';
import { html } from 'lit';
import { never, scriptedClient } from './scripted-client.ts';
import { drawKit, press, settled, until, type GalleryState, type StateTitle } from './state.ts';

/** A confirmation link's token, as the e-mail's link would carry it. */
const LINK_TOKEN = 'gallery-confirmation-link-token';

/** Opened from the e-mail's link: the question. */
async function question(frame: HTMLElement, locale: Locale, client: AuthClient = scriptedClient()): Promise<HTMLElement> {
  const confirm = await drawKit(
    frame,
    locale,
    client,
    'egov-email-confirm',
    html`<egov-email-confirm heading-level="4" token=${LINK_TOKEN}></egov-email-confirm>`,
  );
  await until(() => confirm.querySelector('[data-state=asking] ~ p button[data-answer=confirm]'), 'the question');
  return confirm;
}

/** The person answers (`confirm` or `decline`); resolves once `outcome` shows. */
async function answer(frame: HTMLElement, locale: Locale, client: AuthClient, choice: 'confirm' | 'decline', outcome: string, what: string): Promise<void> {
  const confirm = await question(frame, locale, client);
  press(confirm, `button[data-answer=${choice}]`);
  await until(() => confirm.querySelector(outcome), what);
  await settled(confirm);
}

function state(id: string, title: StateTitle, render: GalleryState['render']): GalleryState {
  return { id, element: 'confirm', title, render };
}

export const CONFIRM_STATES: GalleryState[] = [
  state('confirm-asking', { en: 'Asking: was it you?', 'sr-Cyrl': 'Питање: да ли сте се ви регистровали?' }, async (frame, locale) => {
    await question(frame, locale);
  }),
  state('confirm-confirming', { en: 'Confirming (waiting for the server)', 'sr-Cyrl': 'Потврђивање (чека се сервер)' }, (frame, locale) =>
    answer(frame, locale, scriptedClient({ confirmEmail: never }), 'confirm', '[role=status]', 'the confirming message'),
  ),
  state(
    'confirm-confirmed-pending-review',
    { en: 'Confirmed: documents awaiting review', 'sr-Cyrl': 'Потврђено: документи чекају проверу' },
    (frame, locale) => answer(frame, locale, scriptedClient(), 'confirm', '[data-state=pending_review]', 'the confirmed notice'),
  ),
  state('confirm-confirmed-active', { en: 'Confirmed: account active', 'sr-Cyrl': 'Потврђено: налог је активан' }, (frame, locale) =>
    answer(
      frame,
      locale,
      scriptedClient({ confirmEmail: async () => ({ result: 'confirmed', accountState: 'active' }) }),
      'confirm',
      '[data-state=active]',
      'the confirmed notice',
    ),
  ),
  state('confirm-link-expired', { en: 'Link expired: send a new one', 'sr-Cyrl': 'Веза истекла: пошаљите нову' }, (frame, locale) =>
    answer(
      frame,
      locale,
      scriptedClient({ confirmEmail: () => Promise.reject(new AuthError('token_invalid', 400)) }),
      'confirm',
      '[data-state=invalid]',
      'the invalid link notice',
    ),
  ),
  state('confirm-link-used', { en: 'Link already used: already confirmed', 'sr-Cyrl': 'Веза већ искоришћена: адреса је већ потврђена' }, (frame, locale) =>
    answer(
      frame,
      locale,
      scriptedClient({ confirmEmail: async () => ({ result: 'already_confirmed', accountState: 'active' }) }),
      'confirm',
      '[data-state=active]',
      'the already confirmed notice',
    ),
  ),
  state('confirm-declined', { en: '“This was not me”: registration deleted', 'sr-Cyrl': '„Ово није моја регистрација”: регистрација обрисана' }, (frame, locale) =>
    answer(frame, locale, scriptedClient(), 'decline', '[data-state=declined]', 'the declined notice'),
  ),
];
