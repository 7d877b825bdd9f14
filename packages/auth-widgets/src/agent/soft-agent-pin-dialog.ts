/**
 * The demo agent's own PIN dialog. Like a real agent's window it is not part
 * of the page's forms: it is appended to document.body, outside every kit
 * element, and says plainly that the keys are test keys. A native modal
 * <dialog> makes the page inert behind it; Tab is kept inside it and
 * Escape cancels.
 */
import { localeDirection, negotiateLocale, type Locale } from '../i18n/locales.js';
import { pinDialogTexts } from '../i18n/parts/pin-dialog.js';

export interface PinPromptRequest {
  tokenLabel: string;
  /** Wrong PINs the token still accepts before it locks. */
  triesLeft: number;
  /** The next wrong PIN locks the token. */
  finalTry: boolean;
  /** Aborted when the agent closes while the dialog is open. */
  signal?: AbortSignal;
}

/** Resolves with the PIN, or `null` when the person cancelled. */
export type PinPrompt = (request: PinPromptRequest) => Promise<string | null>;

let sheet: CSSStyleSheet | undefined;

// A constructed stylesheet in the dialog's own shadow root: CSP-safe, and
// neither the host page's CSS nor the kit's reaches in or out.
function styles(): CSSStyleSheet {
  if (sheet) return sheet;
  sheet = new CSSStyleSheet();
  sheet.replaceSync(`
    dialog {
      box-sizing: border-box; max-width: min(28rem, calc(100vw - 2rem)); padding: 1.25rem 1.5rem;
      border: 3px solid #8a4b00; border-radius: 0.5rem; background: #fff; color: #1b1b1b;
      font: 1rem/1.5 system-ui, sans-serif;
    }
    dialog::backdrop { background: rgb(0 0 0 / 0.55); }
    h2 { margin: 0 0 0.75rem; font-size: 1.125rem; color: #6b3a00; }
    p { margin: 0 0 0.75rem; }
    .warning { font-weight: 700; color: #a30000; }
    label { display: block; font-weight: 700; margin-block-end: 0.25rem; }
    input { box-sizing: border-box; width: 100%; font: inherit; padding: 0.5rem; border: 2px solid #1b1b1b; border-radius: 0.25rem; }
    .actions { display: flex; gap: 0.75rem; justify-content: flex-end; margin-top: 1rem; flex-wrap: wrap; }
    button { font: inherit; padding: 0.5rem 1rem; border-radius: 0.25rem; border: 2px solid #1b1b1b; background: #fff; color: #1b1b1b; cursor: pointer; }
    button[type='submit'] { background: #1b1b1b; color: #fff; }
    :focus-visible { outline: 3px solid #005ea5; outline-offset: 2px; }
  `);
  return sheet;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, properties: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  Object.assign(node, properties);
  node.append(...children);
  return node;
}

/** Like a real agent's window, the dialog speaks the page's language (`<html lang>`), else the browser's. */
function pageLocale(): Locale {
  return negotiateLocale([document.documentElement.lang, ...navigator.languages]);
}

/** The default PinPrompt of the SoftAgent; the texts follow `<html lang>` unless a locale is given. */
export async function softAgentPinDialog(request: PinPromptRequest, locale: Locale = pageLocale()): Promise<string | null> {
  const t = await pinDialogTexts.load(locale).catch(() => pinDialogTexts.en);
  const host = element('div');
  host.setAttribute('data-egov-soft-agent-dialog', '');
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [styles()];

  const input = element('input', { type: 'password', id: 'pin', name: 'pin', required: true, autocomplete: 'off', spellcheck: false });
  input.setAttribute('inputmode', 'numeric');
  input.setAttribute('aria-describedby', 'prompt tries');
  const cancel = element('button', { type: 'button' }, t.pinDialogCancel);
  const form = element(
    'form',
    { method: 'dialog' },
    element('h2', { id: 'title' }, t.pinDialogTitle),
    element('p', { id: 'prompt' }, t.pinDialogPrompt(request.tokenLabel)),
    element('p', { id: 'tries', className: request.finalTry ? 'warning' : '' }, request.finalTry ? t.pinDialogFinalTry : t.pinDialogTriesLeft(request.triesLeft)),
    element('label', { htmlFor: 'pin' }, t.pinDialogPin),
    input,
    element('div', { className: 'actions' }, cancel, element('button', { type: 'submit' }, t.pinDialogOk)),
  );
  const dialog = element('dialog', { lang: locale, dir: localeDirection(locale) }, form);
  dialog.setAttribute('aria-labelledby', 'title');
  root.append(dialog);
  document.body.append(host);

  return new Promise<string | null>((resolve) => {
    let settled = false;
    const finish = (pin: string | null) => {
      if (settled) return;
      settled = true;
      request.signal?.removeEventListener('abort', onAbort);
      input.value = '';
      if (dialog.open) dialog.close();
      host.remove();
      resolve(pin);
    };
    const onAbort = () => finish(null);
    request.signal?.addEventListener('abort', onAbort);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      finish(input.value);
    });
    cancel.addEventListener('click', () => finish(null));
    // Escape fires `cancel`; closing by any other way also counts as cancelling.
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(null);
    });
    dialog.addEventListener('close', () => finish(null));
    dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'Tab') return;
      const focusable = [input, cancel, form.querySelector<HTMLButtonElement>('button[type=submit]')!];
      const index = focusable.indexOf(root.activeElement as HTMLInputElement | HTMLButtonElement);
      const next = event.shiftKey ? (index <= 0 ? focusable.length - 1 : index - 1) : index === focusable.length - 1 ? 0 : index + 1;
      event.preventDefault();
      focusable[next]!.focus();
    });
    if (request.signal?.aborted) {
      finish(null);
      return;
    }
    dialog.showModal();
    input.focus();
  });
}
