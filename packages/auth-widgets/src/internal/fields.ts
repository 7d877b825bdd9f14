import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CommonMessages } from '../i18n/locales/en/common.js';

/** `aria-describedby` for a control: its hint and its error, when present. */
export function describedBy(id: string, hint: boolean, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/**
 * The error line above a control, with the hidden "Error:" prefix screen
 * readers read first (GOV.UK). Several errors (one per attached file) get a
 * line each, under one id for `aria-describedby`.
 */
export function renderFieldError(t: CommonMessages, id: string, text: string | readonly string[] | undefined): TemplateResult | typeof nothing {
  const texts = (typeof text === 'string' ? [text] : (text ?? [])).filter(Boolean);
  const line = (message: string, lineId?: string) =>
    html`<p class="egov-error-message" id=${ifDefined(lineId)}><span class="egov-visually-hidden">${t.errorPrefix}</span> ${message}</p>`;
  if (texts.length === 0) return nothing;
  if (texts.length === 1) return line(texts[0]!, `${id}-error`);
  return html`<div class="egov-error-messages" id=${`${id}-error`}>${texts.map((message) => line(message))}</div>`;
}

/**
 * The visible mark of a required field (screen readers hear `aria-required`
 * on the control instead), or GOV.UK's "(optional)" after the label of a
 * field that is not required, when the form says so.
 */
export function renderRequiredMark(required: boolean, optionalText?: string): TemplateResult | typeof nothing {
  if (required) return html`<span class="egov-required" aria-hidden="true">*</span>`;
  return optionalText ? html` <span class="egov-optional">${optionalText}</span>` : nothing;
}

export interface FieldFrame {
  t: CommonMessages;
  /** The control's id; hint and error ids derive from it. */
  id: string;
  label: string;
  hint?: string | TemplateResult;
  error?: string;
  required?: boolean;
  /** "(optional)" in the form's language, shown after the label when the field is not required; none when left out. */
  optionalText?: string;
  /** The control itself, which must use `describedBy(id, !!hint, error)` and `aria-invalid`. */
  control: TemplateResult;
  /** Extra classes for the field block. */
  className?: string;
}

/** Label, hint, error and control in GOV.UK's order, with the error bar on the left. */
export function renderField(frame: FieldFrame): TemplateResult {
  const { t, id, label, hint, error, required = false, optionalText, control, className = '' } = frame;
  return html`<div class="egov-field ${error ? 'egov-field--error' : ''} ${className}">
    <label class="egov-label" for=${id}>${label}${renderRequiredMark(required, optionalText)}</label>
    ${hint ? html`<div class="egov-hint" id=${`${id}-hint`}>${hint}</div>` : nothing}
    ${renderFieldError(t, id, error)}
    ${control}
  </div>`;
}

export interface EmailFieldOptions {
  t: CommonMessages;
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  /** A starting value (e.g. from a certificate); what the person types wins. */
  value?: string;
}

/**
 * The username field of every form: `type=email` for the keyboard,
 * `autocomplete=username` so password managers pair it with the password.
 */
export function renderEmailField(options: EmailFieldOptions): TemplateResult {
  const { t, id, label, hint, error, required = false, value } = options;
  return renderField({
    t,
    id,
    label,
    hint,
    error,
    required,
    control: html`<input
      class="egov-input"
      id=${id}
      name="email"
      type="email"
      dir="ltr"
      autocomplete="username"
      spellcheck="false"
      autocapitalize="none"
      inputmode="email"
      value=${ifDefined(value)}
      aria-required=${required ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(id, !!hint, error))}
      aria-invalid=${error ? 'true' : 'false'}
    />`,
  });
}
