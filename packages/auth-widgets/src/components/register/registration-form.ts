import { html, nothing, type TemplateResult } from 'lit';
import type { PublicConfig, UserType } from '../../client/contract.js';
import type { Locale } from '../../i18n/locales.js';
import { renderEmailField, renderFieldError, renderRequiredMark } from '../../internal/fields.js';
import type { NewPasswordFields } from '../../internal/new-password-fields.js';
import type { FieldProblems } from '../../internal/problems.js';
import type { RegistrationTexts } from '../../internal/registration-validators.js';
import type { DocumentUpload } from './document-upload.js';
import { renderPersonalDetails, renderUserTypes } from './personal-details.js';

type Texts = RegistrationTexts;

/** `M`: the texts of the element the form is in (its problems may use them all). */
export interface RegistrationFormView<M extends Texts = Texts> {
  t: M;
  locale: Locale;
  config: PublicConfig;
  type: UserType;
  partId: (part: string) => string;
  /** The last submit's problems, by field. */
  problems: FieldProblems<M>;
  formatTime: (date: Date) => string;
  /** The error summary (nothing before a failed submit). */
  summary: TemplateResult | typeof nothing;
  /** The new password and its confirmation. */
  password: NewPasswordFields;
  /** The document upload, shown for a user type that sends documents. */
  documents: DocumentUpload;
  /** 0–100 while sending, else undefined. */
  progress: number | undefined;
  noForeignerNumber: boolean;
  onNoForeignerNumber: (checked: boolean) => void;
  onUserType: (id: string) => void;
  submitting: boolean;
  /** "Already have a user account? Log in", when the page has a login link. */
  loginLink: string | undefined;
  onSubmit: (event: SubmitEvent) => void;
}

/** Registration with username (e-mail) and password: the form, its parts in form order. */
export function renderRegistrationForm<M extends Texts>(view: RegistrationFormView<M>): TemplateResult {
  const { t, locale, config, type, partId, problems, formatTime, documents, submitting, loginLink } = view;
  const error = (field: string) => problems[field]?.text(t, formatTime);
  // What is wrong with the documents, a line each: every file just picked that was not attached, then a submit's problem.
  const documentsErrors = [...documents.problems, problems['documents']].flatMap((p) => p?.text(t, formatTime) ?? []);
  return html`<form class="egov-form" novalidate @submit=${view.onSubmit}>
    ${view.summary}
    <p class="egov-text egov-hint">${t.requiredLegend}</p>
    ${config.userTypes.length > 1
      ? renderUserTypes({ t, locale, types: config.userTypes, selected: type, partId, onSelect: view.onUserType })
      : nothing}
    ${renderPersonalDetails({ t, locale, type, partId, error, noForeignerNumber: view.noForeignerNumber, onNoForeignerNumber: view.onNoForeignerNumber })}
    <fieldset class="egov-fieldset">
      <legend class="egov-legend">${t.accountLegend}</legend>
      ${renderEmailField({
        t,
        id: partId('email'),
        label: t.registerEmailLabel,
        hint: t.registerEmailHint,
        error: error('email'),
        required: true,
      })}
      ${view.password.render({
        t,
        policy: config.passwordPolicy,
        passwordId: partId('password'),
        confirmId: partId('passwordConfirmation'),
        problems,
        formatTime,
      })}
    </fieldset>
    ${type.documents
      ? documents.render({
          t,
          locale,
          policy: config.uploads,
          id: partId('documents'),
          required: config.uploads.minFiles > 0,
          optionalText: t.optionalField,
          errors: documentsErrors,
          progress: view.progress,
          disabled: submitting,
        })
      : nothing}
    ${renderConsent(t, partId('consent'), error('consent'))}
    <button type="submit" class="egov-button" aria-disabled=${submitting ? 'true' : 'false'}>
      ${submitting ? t.sending : t.createAccountButton}
    </button>
    ${loginLink ? html`<p class="egov-text">${t.haveAccount} <a class="egov-link" href=${loginLink}>${t.logIn}</a></p>` : nothing}
  </form>`;
}

function renderConsent(t: Texts, id: string, error: string | undefined): TemplateResult {
  return html`<div class="egov-field ${error ? 'egov-field--error' : ''}">
    ${renderFieldError(t, id, error)}
    <div class="egov-checkbox">
      <input
        class="egov-checkbox-input"
        type="checkbox"
        id=${id}
        name="consent"
        value="true"
        aria-required="true"
        aria-describedby=${error ? `${id}-error` : nothing}
        aria-invalid=${error ? 'true' : 'false'}
      />
      <label class="egov-checkbox-label" for=${id}>${t.consentLabel}${renderRequiredMark(true)}</label>
    </div>
  </div>`;
}
