import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CommonMessages } from '../i18n/locales/en/common.js';

/**
 * Whether the password fields of one form are shown as text. One toggle
 * per field, one state per form: hiding again on submit (SECURITY.md 5)
 * is then a single call. A controller of its element: when the element
 * leaves the page, the password is hidden again (a form moved or put back
 * never shows a password nobody asked to see).
 */
export class PasswordVisibility implements ReactiveController {
  shown = false;
  /** What the live region last said ("Your password is visible"). */
  announcement = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.shown = false;
    this.announcement = '';
  }

  set(shown: boolean, t: CommonMessages): void {
    if (shown === this.shown) return;
    this.shown = shown;
    this.announcement = shown ? t.passwordShown : t.passwordHidden;
    this.host.requestUpdate();
  }

  toggle(t: CommonMessages): void {
    this.set(!this.shown, t);
  }
}

export interface PasswordInputOptions {
  t: CommonMessages;
  id: string;
  name: string;
  autocomplete: 'current-password' | 'new-password';
  visibility: PasswordVisibility;
  describedBy?: string;
  invalid: boolean;
  required?: boolean;
  onInput?: (event: InputEvent) => void;
  /** Only one field of a form carries the toggle; a confirmation field follows its state. */
  toggle?: boolean;
}

/** A password input (never `maxlength`: a pasted password must not be cut) with its show/hide button. */
export function renderPasswordInput(options: PasswordInputOptions): TemplateResult {
  const { t, id, name, autocomplete, visibility, describedBy, invalid, required = false, onInput, toggle = true } = options;
  return html`<div class="egov-password">
      <input
        class="egov-input"
        id=${id}
        name=${name}
        type=${visibility.shown ? 'text' : 'password'}
        dir="ltr"
        autocomplete=${autocomplete}
        spellcheck="false"
        autocapitalize="none"
        aria-describedby=${ifDefined(describedBy)}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-required=${required ? 'true' : 'false'}
        @input=${onInput}
      />
      ${toggle
        ? html`<button
            type="button"
            class="egov-button egov-button--secondary"
            aria-controls=${id}
            aria-label=${visibility.shown ? t.hidePasswordLabel : t.showPasswordLabel}
            @click=${() => visibility.toggle(t)}
          >
            ${visibility.shown ? t.hidePassword : t.showPassword}
          </button>`
        : ''}
    </div>
    ${toggle ? html`<div class="egov-visually-hidden" aria-live="polite">${visibility.announcement}</div>` : ''}`;
}
