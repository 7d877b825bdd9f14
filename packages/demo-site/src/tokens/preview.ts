// The editor's preview: the kit's real elements, in states that show the
// colours a theme sets (tabs, links, buttons, errors, notices). Nothing here
// copies the kit's markup; the states are reached the way a person would
// (pressing "Log in", answering the confirmation question).
import { AuthError, type AuthClient, type ConfirmEmailResponse } from '@egov/auth-widgets';
import { html, type TemplateResult } from 'lit';
import type { TokenTexts } from './texts.ts';

const refuse = (): Promise<never> => Promise.reject(new AuthError('network_error'));

/** The confirmation preview's backend: it confirms; nothing else is asked of it. */
const confirmingClient: AuthClient = {
  confirmEmail: (): Promise<ConfirmEmailResponse> => Promise.resolve({ result: 'confirmed', accountState: 'active' }),
  getSession: refuse,
  loginWithPassword: refuse,
  logout: refuse,
  getConfig: refuse,
  register: refuse,
  declineRegistration: refuse,
  resendConfirmation: refuse,
  requestPasswordReset: refuse,
  checkPasswordResetLink: refuse,
  completePasswordReset: refuse,
  certificateChallenge: refuse,
  loginWithCertificate: refuse,
  registerWithCertificate: refuse,
};

export const PREVIEW_STATES = ['login', 'login-errors', 'confirm-asking', 'confirm-done'] as const;
export type PreviewState = (typeof PREVIEW_STATES)[number];

const TITLES: Record<PreviewState, keyof TokenTexts> = {
  login: 'previewLogin',
  'login-errors': 'previewLoginErrors',
  'confirm-asking': 'previewConfirmAsking',
  'confirm-done': 'previewConfirmDone',
};

/** The same configuration a plain page would give the login element (the e2e test compares the two). */
const loginAuth = (locale: string) =>
  html`<egov-auth backend-url="/api" certificate-agent="soft" locale=${locale} register-url="/register.html" password-reset-url="/reset-password.html">
    <egov-login></egov-login>
  </egov-auth>`;

const confirmAuth = (locale: string) =>
  html`<egov-auth backend-url="/api" locale=${locale} login-url="/login.html" register-url="/register.html" .client=${confirmingClient}>
    <egov-email-confirm token="preview"></egov-email-confirm>
  </egov-auth>`;

const ELEMENTS: Record<PreviewState, (locale: string) => TemplateResult> = {
  login: loginAuth,
  'login-errors': loginAuth,
  'confirm-asking': confirmAuth,
  'confirm-done': confirmAuth,
};

export function previewTemplate(texts: TokenTexts, locale: string): TemplateResult {
  return html`${PREVIEW_STATES.map(
    (state) =>
      html`<div class="demo-preview-state" data-preview=${state}>
        <h3 class="demo-preview-title">${texts[TITLES[state]] as string}</h3>
        <div class="demo-frame">${ELEMENTS[state](locale)}</div>
      </div>`,
  )}`;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

async function waitFor<T extends Element>(root: Element, selector: string): Promise<T> {
  for (;;) {
    const found = root.querySelector<T>(selector);
    if (found) return found;
    await nextFrame();
  }
}

/**
 * Brings the states that need a step to their moment, then gives the page
 * back its focus and scroll position (the kit moves the focus to what it
 * shows, as it should for the person who pressed; here nobody did).
 */
export async function enterPreviewStates(root: HTMLElement): Promise<void> {
  const scroll = [window.scrollX, window.scrollY] as const;
  const focused = document.activeElement;
  await Promise.all([customElements.whenDefined('egov-login'), customElements.whenDefined('egov-email-confirm')]);

  const errors = root.querySelector<HTMLElement>('[data-preview=login-errors]')!;
  (await waitFor<HTMLButtonElement>(errors, 'egov-login button[type=submit]')).click();
  await waitFor(errors, 'egov-login .egov-summary');

  const done = root.querySelector<HTMLElement>('[data-preview=confirm-done]')!;
  (await waitFor<HTMLButtonElement>(done, 'egov-email-confirm button[data-answer=confirm]')).click();
  await waitFor(done, 'egov-email-confirm .egov-notice--success');

  await nextFrame();
  if (focused instanceof HTMLElement && focused !== document.body) focused.focus({ preventScroll: true });
  else (document.activeElement as HTMLElement | null)?.blur();
  window.scrollTo(scroll[0], scroll[1]);
  root.dataset['ready'] = 'true';
}
