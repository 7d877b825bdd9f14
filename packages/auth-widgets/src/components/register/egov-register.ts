import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  LIMITS,
  REGISTRATION_FIELDS,
  SEX_VALUES,
  isPlausibleEmail,
  type FieldErrorCode,
  type PublicConfig,
  type RegistrationFieldName,
  type RegistrationFields,
  type UserType,
} from '../../client/contract.js';
import {
  COUNTRY_CODES,
  checkForeignerNumber,
  isPlausibleBirthDate,
  isPlausibleDocumentNumber,
  isPlausiblePhone,
} from '../../client/rules.js';
import { catalog, type TextsOf } from '../../i18n/catalog.js';
import { registerStyles } from '../../styles/register-styles.js';
import { commonTexts } from '../../i18n/parts/common.js';
import { newPasswordTexts } from '../../i18n/parts/new-password.js';
import { registerTexts } from '../../i18n/parts/register.js';
import { resendTexts } from '../../i18n/parts/resend.js';
import type { Locale } from '../../i18n/locales.js';
import { EgovFormElement } from '../../internal/egov-form-element.js';
import { renderTabs } from '../../internal/tabs.js';
import { describedBy, renderEmailField, renderField, renderFieldError, renderRequiredMark } from '../../internal/fields.js';
import { headingLevel } from '../../internal/headings.js';
import { NewPasswordFields } from '../../internal/new-password-fields.js';
import { summaryOf, type FieldProblems, type Problem } from '../../internal/problems.js';
import { ResendConfirmation } from '../../internal/resend-confirmation.js';
import { PublicConfigController } from '../../internal/public-config-controller.js';
import { serviceProblem } from '../../internal/service-problems.js';
import { DocumentUpload } from './document-upload.js';
import { AuthError } from '../../client/auth-client.js';
import type { EgovCertificatePicker, SelectedCertificate } from '../certificate-picker/egov-certificate-picker.js';

export interface EgovRegistrationSubmittedDetail {
  /** The address the confirmation link went to. */
  email: string;
  userType: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'egov-register': EgovRegister;
  }
  interface GlobalEventHandlersEventMap {
    'egov-registration-submitted': CustomEvent<EgovRegistrationSubmittedDetail>;
  }
}

type Tab = 'password' | 'certificate';

/** Form order: the error summary lists problems in this order. */
const FIELD_ORDER = ['userType', ...REGISTRATION_FIELDS, 'email', 'password', 'passwordConfirmation', 'documents', 'consent'];

const TEXT_LIMITS: Partial<Record<RegistrationFieldName, number>> = {
  givenName: LIMITS.nameMaxLength,
  surname: LIMITS.nameMaxLength,
  documentNumber: LIMITS.documentNumberMaxLength,
  addressInSerbia: LIMITS.addressMaxLength,
  phone: LIMITS.phoneMaxLength,
};

const AUTOCOMPLETE: Partial<Record<RegistrationFieldName, string>> = {
  givenName: 'given-name',
  surname: 'family-name',
  citizenship: 'off',
  documentNumber: 'off',
  foreignerNumber: 'off',
  addressInSerbia: 'street-address',
  phone: 'tel',
};

/** Today as `YYYY-MM-DD` in UTC, as the backend counts it. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The texts `<egov-register>` uses. */
const texts = catalog(commonTexts, newPasswordTexts, registerTexts, resendTexts);
export type EgovRegisterTexts = TextsOf<typeof texts>;
type Texts = EgovRegisterTexts;

/**
 * Registration with username (e-mail) and password — and the place where
 * certificate registration lives. The user type, its fields, the password
 * policy and the upload limits come from the backend's `GET /config`.
 * Nothing typed and no attached file is lost when the backend fails; the
 * password is never stored. Once sent, it shows a confirmation page ("Check
 * your e-mail", what happens next) and nothing of the form; "Start again"
 * brings the form back as it was.
 *
 * @summary Create a user account.
 * @tag egov-register
 * @event {CustomEvent<EgovRegistrationSubmittedDetail>} egov-registration-submitted - Sent; the confirmation e-mail is on its way. `detail` has the address (`email`) and the user type (`userType`; `certificate` after a registration with a certificate).
 * @cssprop [--egov-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif] - Font of every text.
 * @cssprop [--egov-font-size=medium] - Base font size; the kit's sizes follow it (not the page's root font size).
 * @cssprop [--egov-color-text=#0b0c0c] - Text, headings and input text.
 * @cssprop [--egov-color-text-secondary=#484f53] - Hints and secondary text.
 * @cssprop [--egov-color-background=#ffffff] - Inputs and panels.
 * @cssprop [--egov-color-surface=#f3f2f1] - Unselected tabs and secondary buttons.
 * @cssprop [--egov-color-primary=#0c3c78] - Primary buttons.
 * @cssprop [--egov-color-primary-hover=#082b57] - Primary buttons on hover, and their shadow.
 * @cssprop [--egov-color-on-primary=#ffffff] - Text on primary buttons and on the confirmation panel.
 * @cssprop [--egov-color-link=#0b4ea2] - Links and tab labels.
 * @cssprop [--egov-color-border=#5f6669] - Input and panel borders.
 * @cssprop [--egov-color-error=#b1261d] - Error summary and field errors.
 * @cssprop [--egov-color-success=#0b6e35] - Success notices, and the background of the confirmation panel.
 * @cssprop [--egov-color-info=#0c3c78] - Information notices.
 * @cssprop [--egov-color-focus=#ffdd00] - Focus indicator.
 * @cssprop [--egov-color-focus-text=#0b0c0c] - Text on the focus indicator.
 * @cssprop [--egov-radius=4px] - Corner radius of inputs, buttons and tabs.
 * @cssprop [--egov-space=1rem] - Base spacing between fields.
 */
export class EgovRegister extends EgovFormElement<Texts> {
  constructor() {
    super(texts, [registerStyles]);
  }

  /** Which tab is open first: `password` (default) or `certificate`. */
  @property() mode: Tab = 'password';

  @state() private tab: Tab | undefined;
  @state() private userType: string | undefined;
  @state() private noForeignerNumber = false;
  @state() private submitting = false;
  @state() private progress: number | undefined;
  @state() private fieldProblems: FieldProblems<Texts> = {};
  @state() private general: Problem<Texts>[] = [];
  /** After a successful registration (either way): where the link went. The form stays, hidden, for "Start again". */
  @state() private sent: { email: string; review: boolean; method: Tab } | undefined;
  /** What the chosen certificate says about its holder (no secret: no key, no PIN). */
  @state() private certificate: SelectedCertificate | undefined;
  @state() private certificateProblems: FieldProblems<Texts> = {};
  @state() private certificateGeneral: Problem<Texts>[] = [];
  @state() private certificateSubmitting = false;

  readonly #policy = new PublicConfigController(this, () => (this.config.result.ok ? this.config.client : undefined));
  readonly #password = new NewPasswordFields(this);
  readonly #documents = new DocumentUpload(this, 'documents');
  readonly #resend = new ResendConfirmation(
    this,
    (email) => this.call('resend', (client, signal) => client.resendConfirmation({ email, locale: this.config.i18n.locale }, { signal })),
    () => this.focusAfterRender('resent'),
  );
  #certificateOpened = false;

  override connectedCallback(): void {
    super.connectedCallback();
    // "Register with this certificate" from the login page links here with ?method=certificate.
    if (this.tab === undefined && new URLSearchParams(location.search).get('method') === 'certificate') this.tab = 'certificate';
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return this.renderFrame(t.registerHeading, () => {
      const tab = this.tab ?? this.mode;
      const sent = this.sent;
      // Sent: a confirmation page and nothing else. Tabs and forms stay in the DOM, hidden, so "Start again" finds everything as it was.
      return html`${sent ? this.#renderCheckEmail(t, sent) : nothing}
        <div ?hidden=${!!sent}>
          ${this.#renderTabs(t, tab)}
          <div id=${this.partId('panel-password')} role="tabpanel" aria-labelledby=${this.partId('tab-password')} ?hidden=${tab !== 'password'}>
            ${this.#renderPasswordPanel(t)}
          </div>
          <div
            id=${this.partId('panel-certificate')}
            role="tabpanel"
            aria-labelledby=${this.partId('tab-certificate')}
            ?hidden=${tab !== 'certificate'}
          >
            ${this.renderHeading(1, t.registerCertificateHeading, { className: 'egov-heading egov-heading--small' })}
            <p class="egov-text">${t.certificateIntro}</p>
            ${tab === 'certificate' || this.#certificateOpened ? this.#renderCertificatePanel(t) : nothing}
          </div>
        </div>`;
    });
  }

  #renderTabs(t: Texts, selected: Tab): TemplateResult {
    return renderTabs<Tab>({
      label: t.registerMethods,
      tabs: [
        { id: 'password', label: t.tabRegisterPassword },
        { id: 'certificate', label: t.tabRegisterCertificate },
      ],
      selected,
      partId: (part) => this.partId(part),
      onSelect: (tab, focus) => {
        this.tab = tab;
        if (focus) this.focusAfterRender(`tab-${tab}`);
      },
    });
  }

  #renderCertificatePanel(t: Texts): TemplateResult {
    const config = this.config.result.ok ? this.config.result.config : undefined;
    if (!config) return html``;
    if (!this.#certificateOpened) {
      // First time the tab shows: load the picker (and, through it, the agent) only now.
      this.#certificateOpened = true;
      void import('../../define/egov-certificate-picker.js');
    }
    const chosen = this.certificate;
    const emailError = this.problemText(this.certificateProblems['certificateEmail']);
    const consentError = this.problemText(this.certificateProblems['certificateConsent']);
    return html`<egov-certificate-picker
        backend-url=${config.backendUrl}
        .client=${this.config.client}
        locale=${this.config.i18n.locale}
        certificate-agent=${config.certificateAgent}
        ui=${config.certificatePickerUi}
        heading-level=${headingLevel(this.headingLevel) + 2}
        action-label=${t.registerWithCertificate}
        @egov-certificate-selected=${(e: Event) => this.#onCertificateSelected(e)}
      ></egov-certificate-picker>
      ${chosen
        ? html`<form class="egov-form" novalidate @submit=${this.#onCertificateSubmit} data-certificate-form>
            ${this.renderSummary(summaryOf(this.certificateProblems, ['certificateEmail', 'certificateConsent'], this.certificateGeneral))}
            <fieldset class="egov-fieldset">
              <legend class="egov-legend" id=${this.partId('certificate-data')} tabindex="-1">${t.certificateDataLegend}</legend>
              <dl class="egov-data">
                <dt>${t.givenNameLabel}</dt>
                <dd>${chosen.givenName ?? chosen.holderName}</dd>
                ${chosen.surname ? html`<dt>${t.surnameLabel}</dt><dd>${chosen.surname}</dd>` : nothing}
                ${chosen.personalNumber ? html`<dt>${t.personalNumberLabel}</dt><dd>${chosen.personalNumber}</dd>` : nothing}
              </dl>
            </fieldset>
            ${renderEmailField({
              t,
              id: this.partId('certificateEmail'),
              label: t.registerEmailLabel,
              hint: chosen.email ? t.certificateEmailHint : t.certificateNoEmailHint,
              error: emailError,
              required: true,
              value: chosen.email,
            })}
            <div class="egov-field ${consentError ? 'egov-field--error' : ''}">
              ${renderFieldError(t, this.partId('certificateConsent'), consentError)}
              <div class="egov-checkbox">
                <input
                  class="egov-checkbox-input"
                  type="checkbox"
                  id=${this.partId('certificateConsent')}
                  name="consent"
                  value="true"
                  aria-required="true"
                  aria-invalid=${consentError ? 'true' : 'false'}
                />
                <label class="egov-checkbox-label" for=${this.partId('certificateConsent')}>${t.consentLabel}${renderRequiredMark(true)}</label>
              </div>
            </div>
            <button type="submit" class="egov-button" aria-disabled=${this.certificateSubmitting ? 'true' : 'false'}>
              ${this.certificateSubmitting ? t.sending : t.createAccountButton}
            </button>
          </form>`
        : nothing}`;
  }

  #onCertificateSelected(event: Event): void {
    // The holder's data comes from the picker itself: the bubbling event carries none.
    this.certificate = (event.currentTarget as EgovCertificatePicker).selectedCertificate();
    this.certificateProblems = {};
    this.certificateGeneral = [];
    this.focusAfterRender('certificate-data');
  }

  #onCertificateSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.certificateSubmitting) return;
    const form = event.currentTarget as HTMLFormElement;
    const email = (form.elements.namedItem('email') as HTMLInputElement).value.trim();
    const consent = (form.elements.namedItem('consent') as HTMLInputElement).checked;
    const problems: FieldProblems<Texts> = {};
    if (!email) problems['certificateEmail'] = { field: 'certificateEmail', text: (t) => t.emailRequired };
    else if (!isPlausibleEmail(email)) problems['certificateEmail'] = { field: 'certificateEmail', text: (t) => t.emailInvalid };
    if (!consent) problems['certificateConsent'] = { field: 'certificateConsent', text: (t) => t.consentRequired };
    this.certificateProblems = problems;
    this.certificateGeneral = [];
    if (Object.keys(problems).length > 0) {
      this.focusAfterRender('summary');
      return;
    }
    const picker = this.querySelector<EgovCertificatePicker>('egov-certificate-picker')!;
    this.certificateSubmitting = true;
    try {
      // Signed only now, with a fresh challenge: the PIN is asked for when the person sends.
      const proof = await this.certificateProof('certificate', picker);
      // The card or the agent failed: the picker already shows why.
      if (!proof) return;
      const accepted = await this.call('certificate', (client, signal) =>
        client.registerWithCertificate(
          {
            proof,
            email,
            consent: 'true',
            locale: this.config.i18n.locale,
          },
          { signal },
        ),
      );
      const review = this.#policy.state.status === 'ready' && this.#policy.state.config.certificateRegistrationReview;
      this.sent = { email: accepted.email, review, method: 'certificate' };
      this.focusAfterRender('check-email');
      this.emit('egov-registration-submitted', { email: accepted.email, userType: 'certificate' });
    } catch (error) {
      const failure = error instanceof AuthError ? error : new AuthError('network_error');
      if (failure.code === 'aborted') return;
      if (failure.details.fields?.['email']) {
        this.certificateProblems = { certificateEmail: { field: 'certificateEmail', text: (t) => t.emailInvalid } };
      } else if (failure.code.startsWith('certificate_') || failure.code === 'signature_invalid') {
        picker.showNote((t) => t.certificateRejected);
        return;
      } else {
        this.certificateGeneral = [serviceProblem(failure)];
      }
      this.focusAfterRender('summary');
    } finally {
      this.certificateSubmitting = false;
    }
  };

  #renderPasswordPanel(t: Texts): TemplateResult {
    return this.#policy.render(t, (config) => this.#renderForm(t, config));
  }

  #renderForm(t: Texts, config: PublicConfig): TemplateResult {
    const userType = this.#currentUserType(config);
    return html`<form class="egov-form" novalidate @submit=${(e: SubmitEvent) => this.#onSubmit(e, config)}>
        ${this.renderSummary(this.#summary())}
        <p class="egov-text egov-hint">${t.requiredLegend}</p>
        ${config.userTypes.length > 1 ? this.#renderUserTypes(t, config.userTypes, userType) : nothing}
        ${this.#renderPersonalDetails(t, userType)}
        <fieldset class="egov-fieldset">
          <legend class="egov-legend">${t.accountLegend}</legend>
          ${this.#renderEmail(t)}
          ${this.#password.render({
            t,
            policy: config.passwordPolicy,
            passwordId: this.partId('password'),
            confirmId: this.partId('passwordConfirmation'),
            problems: this.fieldProblems,
            formatTime: this.formatTime,
          })}
        </fieldset>
        ${userType.documents
          ? this.#documents.render({
              t,
              locale: this.config.i18n.locale,
              policy: config.uploads,
              id: this.partId('documents'),
              required: config.uploads.minFiles > 0,
              optionalText: t.optionalField,
              errors: this.#documentsErrors(),
              progress: this.progress,
              disabled: this.submitting,
            })
          : nothing}
        ${this.#renderConsent(t)}
        <button type="submit" class="egov-button" aria-disabled=${this.submitting ? 'true' : 'false'}>
          ${this.submitting ? t.sending : t.createAccountButton}
        </button>
        ${this.#links(t)}
      </form>`;
  }

  /**
   * The error summary after a failed submit: the field problems in form
   * order, each file that was not attached among them (it names the file and
   * links to "Choose files"), then the general ones.
   */
  #summary(): Problem<Texts>[] {
    const submitted = Object.keys(this.fieldProblems).length > 0 || this.general.length > 0;
    if (!submitted) return [];
    return summaryOf(this.fieldProblems, FIELD_ORDER, this.general, { documents: this.#documents.problems });
  }

  /** What is wrong with the documents, a line each: every file just picked that was not attached, then a submit's problem. */
  #documentsErrors(): string[] {
    return [...this.#documents.problems, this.fieldProblems['documents']].flatMap((p) => this.problemText(p) ?? []);
  }

  #links(t: Texts): TemplateResult | typeof nothing {
    const login = this.config.link('login');
    return login ? html`<p class="egov-text">${t.haveAccount} <a class="egov-link" href=${login}>${t.logIn}</a></p>` : nothing;
  }

  #currentUserType(config: PublicConfig): UserType {
    return (
      config.userTypes.find((type) => type.id === this.userType) ??
      config.userTypes.find((type) => type.default) ??
      config.userTypes[0]!
    );
  }

  #userTypeLabel(t: Texts, type: UserType): string {
    if (type.id === 'foreign_citizen') return t.userTypeForeignCitizen;
    if (type.id === 'serbian_citizen') return t.userTypeSerbianCitizen;
    const locale = this.config.i18n.locale;
    return (locale === 'en' ? type.label.en : type.label[locale]) ?? type.label.en;
  }

  #renderUserTypes(t: Texts, types: UserType[], selected: UserType): TemplateResult {
    return html`<fieldset class="egov-fieldset" id=${this.partId('userType')} tabindex="-1">
      <legend class="egov-legend">${t.userTypeLegend}${renderRequiredMark(true)}</legend>
      <div class="egov-radios">
        ${types.map(
          (type) => html`<div class="egov-radio">
            <input
              class="egov-radio-input"
              type="radio"
              name="userType"
              id=${this.partId(`userType-${type.id}`)}
              value=${type.id}
              .checked=${type.id === selected.id}
              @change=${() => (this.userType = type.id)}
            />
            <label class="egov-radio-label" for=${this.partId(`userType-${type.id}`)}>${this.#userTypeLabel(t, type)}</label>
          </div>`,
        )}
      </div>
    </fieldset>`;
  }

  /** "(optional)" for a field the user type does not require (not for one the person turned off). */
  #optionalText(t: Texts, type: UserType, name: RegistrationFieldName): string | undefined {
    return type.fields.some((f) => f.name === name && !f.required) ? t.optionalField : undefined;
  }

  #isRequired(type: UserType, name: RegistrationFieldName): boolean {
    const field = type.fields.find((f) => f.name === name);
    if (!field) return false;
    if (name === 'foreignerNumber' && this.noForeignerNumber) return false;
    return field.required;
  }

  #renderPersonalDetails(t: Texts, type: UserType): TemplateResult {
    const shown = (name: RegistrationFieldName) => type.fields.some((f) => f.name === name);
    // Which spelling the reviewer compares the names with: a foreigner's passport is in Latin letters.
    const nameHint = type.id === 'foreign_citizen' ? t.nameHintForeign : t.nameHint;
    // Every field stays in the DOM; those of another user type are hidden and not sent, so switching back keeps them.
    const text = (
      name: RegistrationFieldName,
      label: string,
      extra: { hint?: string; type?: string; inputmode?: string } = {},
    ) => {
      const id = this.partId(name);
      const error = this.problemText(this.fieldProblems[name]);
      const required = this.#isRequired(type, name);
      return html`<div ?hidden=${!shown(name)}>
        ${renderField({
          t,
          id,
          label,
          hint: extra.hint,
          error,
          required,
          optionalText: this.#optionalText(t, type, name),
          control: html`<input
            class="egov-input ${name === 'foreignerNumber' || name === 'documentNumber' ? 'egov-input--short' : ''}"
            id=${id}
            name=${name}
            type=${extra.type ?? 'text'}
            inputmode=${ifDefined(extra.inputmode)}
            autocomplete=${ifDefined(AUTOCOMPLETE[name])}
            spellcheck="false"
            aria-required=${required ? 'true' : 'false'}
            aria-describedby=${ifDefined(describedBy(id, !!extra.hint, error))}
            aria-invalid=${error ? 'true' : 'false'}
            ?disabled=${name === 'foreignerNumber' && this.noForeignerNumber}
          />`,
        })}
      </div>`;
    };
    return html`<fieldset class="egov-fieldset">
      <legend class="egov-legend">${t.personalDetailsLegend}</legend>
      ${text('givenName', t.givenNameLabel, { hint: nameHint })} ${text('surname', t.surnameLabel, { hint: nameHint })}
      <div ?hidden=${!shown('dateOfBirth')}>${this.#renderDateOfBirth(t, type)}</div>
      <div ?hidden=${!shown('sex')}>${this.#renderSex(t, type)}</div>
      <div ?hidden=${!shown('citizenship')}>${this.#renderCitizenship(t, type)}</div>
      ${text('documentNumber', t.documentNumberLabel)}
      <div ?hidden=${!shown('foreignerNumber')}>
        ${text('foreignerNumber', t.foreignerNumberLabel, { hint: t.foreignerNumberHint, inputmode: 'numeric' })}
        <div class="egov-field egov-checkbox">
          <input
            class="egov-checkbox-input"
            type="checkbox"
            id=${this.partId('noForeignerNumber')}
            name="noForeignerNumber"
            .checked=${this.noForeignerNumber}
            aria-controls=${this.partId('foreignerNumber')}
            @change=${(e: Event) => {
              this.noForeignerNumber = (e.target as HTMLInputElement).checked;
              const { foreignerNumber: _, ...rest } = this.fieldProblems;
              this.fieldProblems = rest;
            }}
          />
          <label class="egov-checkbox-label" for=${this.partId('noForeignerNumber')}>${t.noForeignerNumber}</label>
        </div>
      </div>
      ${text('addressInSerbia', t.addressLabel)} ${text('phone', t.phoneLabel, { hint: t.phoneHint, type: 'tel' })}
    </fieldset>`;
  }

  /**
   * Day, month and year as three fields (GOV.UK's date input): a native date
   * input shows the browser's format (mm/dd/yyyy), not the person's language.
   * The summary links to the day field, which carries the part id.
   */
  #renderDateOfBirth(t: Texts, type: UserType): TemplateResult {
    const id = this.partId('dateOfBirth');
    const error = this.problemText(this.fieldProblems['dateOfBirth']);
    const required = this.#isRequired(type, 'dateOfBirth');
    const part = (name: 'Day' | 'Month' | 'Year', inputId: string, label: string, autocomplete: string, width: string) =>
      html`<div class="egov-date-part">
        <label class="egov-hint" for=${inputId}>${label}</label>
        <input
          class="egov-input ${width}"
          id=${inputId}
          name=${`dateOfBirth${name}`}
          inputmode="numeric"
          autocomplete=${autocomplete}
          spellcheck="false"
          aria-required=${required ? 'true' : 'false'}
          aria-invalid=${error ? 'true' : 'false'}
        />
      </div>`;
    return html`<fieldset
      class="egov-fieldset egov-field ${error ? 'egov-field--error' : ''}"
      role="group"
      aria-describedby=${ifDefined(describedBy(id, true, error))}
    >
      <legend class="egov-label">${t.dateOfBirthLabel}${renderRequiredMark(required, this.#optionalText(t, type, 'dateOfBirth'))}</legend>
      <div class="egov-hint" id=${`${id}-hint`}>${t.dateOfBirthHint}</div>
      ${renderFieldError(t, id, error)}
      <div class="egov-date">
        ${part('Day', id, t.day, 'bday-day', 'egov-input--2')} ${part('Month', `${id}-month`, t.month, 'bday-month', 'egov-input--2')}
        ${part('Year', `${id}-year`, t.year, 'bday-year', 'egov-input--4')}
      </div>
    </fieldset>`;
  }

  #renderSex(t: Texts, type: UserType): TemplateResult {
    const error = this.problemText(this.fieldProblems['sex']);
    const labels: Record<(typeof SEX_VALUES)[number], string> = { F: t.sexFemale, M: t.sexMale, X: t.sexUnspecified };
    return html`<fieldset class="egov-fieldset egov-field ${error ? 'egov-field--error' : ''}" id=${this.partId('sex')} tabindex="-1"
      aria-describedby=${ifDefined(error ? `${this.partId('sex')}-error` : undefined)}>
      <legend class="egov-label">${t.sexLegend}${renderRequiredMark(this.#isRequired(type, 'sex'), this.#optionalText(t, type, 'sex'))}</legend>
      ${renderFieldError(t, this.partId('sex'), error)}
      <div class="egov-radios egov-radios--inline">
        ${SEX_VALUES.map(
          (value) => html`<div class="egov-radio">
            <input class="egov-radio-input" type="radio" name="sex" value=${value} id=${this.partId(`sex-${value}`)} />
            <label class="egov-radio-label" for=${this.partId(`sex-${value}`)}>${labels[value]}</label>
          </div>`,
        )}
      </div>
    </fieldset>`;
  }

  #renderCitizenship(t: Texts, type: UserType): TemplateResult {
    const id = this.partId('citizenship');
    const error = this.problemText(this.fieldProblems['citizenship']);
    const locale: Locale = this.config.i18n.locale;
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    const collator = new Intl.Collator(locale);
    const countries = COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
    const required = this.#isRequired(type, 'citizenship');
    return renderField({
      t,
      id,
      label: t.citizenshipLabel,
      error,
      required,
      optionalText: this.#optionalText(t, type, 'citizenship'),
      control: html`<select
        class="egov-input egov-select"
        id=${id}
        name="citizenship"
        aria-required=${required ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(id, false, error))}
        aria-invalid=${error ? 'true' : 'false'}
      >
        <option value="">${t.chooseCountry}</option>
        ${countries.map((c) => html`<option value=${c.code}>${c.name}</option>`)}
      </select>`,
    });
  }

  #renderEmail(t: Texts): TemplateResult {
    return renderEmailField({
      t,
      id: this.partId('email'),
      label: t.registerEmailLabel,
      hint: t.registerEmailHint,
      error: this.problemText(this.fieldProblems['email']),
      required: true,
    });
  }

  #renderConsent(t: Texts): TemplateResult {
    const id = this.partId('consent');
    const error = this.problemText(this.fieldProblems['consent']);
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
          aria-describedby=${ifDefined(error ? `${id}-error` : undefined)}
          aria-invalid=${error ? 'true' : 'false'}
        />
        <label class="egov-checkbox-label" for=${id}>${t.consentLabel}${renderRequiredMark(true)}</label>
      </div>
    </div>`;
  }

  /**
   * GOV.UK's confirmation page: a panel saying what was done (its heading
   * takes focus), then what happens next, and the way back if the address
   * was wrong.
   */
  #renderCheckEmail(t: Texts, sent: { email: string; review: boolean }): TemplateResult {
    return html`<div class="egov-notice egov-notice--confirmation" role="region" aria-labelledby=${this.partId('check-email')}>
        ${this.renderHeading(1, t.checkEmailTitle, { className: 'egov-notice-title', id: this.partId('check-email'), focusable: true })}
        <p>${t.checkEmailSentTo}<br /><strong>${sent.email}</strong></p>
      </div>
      ${this.renderHeading(1, t.whatHappensNext, { className: 'egov-heading egov-heading--small' })}
      <p class="egov-text">${t.checkEmailOpenLink}</p>
      <p class="egov-text">${t.checkEmailSpam}</p>
      ${sent.review ? html`<p class="egov-text">${t.checkEmailReview}</p>` : nothing}
      ${this.#resend.render({ t, email: sent.email, statusId: this.partId('resent'), formatTime: this.formatTime })}
      <p class="egov-text">
        ${t.wrongAddress}
        <button type="button" class="egov-link egov-link-button" @click=${this.#startAgain}>${t.startAgain}</button>
      </p>`;
  }

  #startAgain = (): void => {
    const method = this.sent?.method ?? 'password';
    this.sent = undefined;
    this.#resend.reset();
    this.tab = method;
    this.focusAfterRender(method === 'certificate' ? 'certificateEmail' : 'email');
  };

  /** Reads the form into the contract's fields: only the fields of the chosen user type. */
  #read(form: HTMLFormElement, type: UserType): { fields: RegistrationFields; password: string; confirmation: string } {
    const data = new FormData(form);
    const value = (name: string) => (typeof data.get(name) === 'string' ? (data.get(name) as string).trim() : '');
    const fields: RegistrationFields = {
      userType: type.id,
      email: value('email'),
      password: '',
      consent: data.get('consent') === 'true' ? 'true' : ('' as 'true'),
      locale: this.config.i18n.locale,
    };
    // The three date fields become the contract's YYYY-MM-DD; anything not a number stays visibly wrong.
    const [day, month, year] = ['Day', 'Month', 'Year'].map((part) => value(`dateOfBirth${part}`));
    const dateOfBirth =
      day || month || year ? `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : '';
    for (const { name } of type.fields) {
      if (name === 'foreignerNumber' && this.noForeignerNumber) continue;
      const v = name === 'dateOfBirth' ? dateOfBirth : value(name);
      if (v !== '') (fields as unknown as Record<string, string>)[name] = v;
    }
    if (type.fields.some((f) => f.name === 'foreignerNumber')) fields.noForeignerNumber = this.noForeignerNumber ? 'true' : 'false';
    // Passwords are not trimmed: every character counts.
    return { fields, password: String(data.get('password') ?? ''), confirmation: String(data.get('passwordConfirmation') ?? '') };
  }

  #validate(fields: RegistrationFields, type: UserType, config: PublicConfig, password: string, confirmation: string): FieldProblems<Texts> {
    const problems: FieldProblems<Texts> = {};
    const set = (field: string, text: Problem<Texts>['text']) => (problems[field] ??= { field, text });
    const record = fields as unknown as Record<string, string | undefined>;
    for (const { name } of type.fields) {
      const v = record[name];
      if (!v) {
        if (this.#isRequired(type, name)) set(name, requiredText(name));
        continue;
      }
      const max = TEXT_LIMITS[name];
      if (max !== undefined && v.length > max) set(name, (t) => t.fieldTooLong(fieldLabel(t, name), max));
      else if (name === 'dateOfBirth' && !isPlausibleBirthDate(v, today())) set(name, (t) => t.dateOfBirthInvalid);
      else if (name === 'documentNumber' && !isPlausibleDocumentNumber(v)) set(name, (t) => t.documentNumberInvalid);
      else if (name === 'phone' && !isPlausiblePhone(v)) set(name, (t) => t.phoneInvalid);
      else if (name === 'foreignerNumber') {
        const problem = checkForeignerNumber(v);
        if (problem) set(name, foreignerNumberText(problem));
      }
    }
    if (!fields.email) set('email', (t) => t.emailRequired);
    else if (fields.email.length > LIMITS.emailMaxLength) set('email', (t) => t.emailTooLong(LIMITS.emailMaxLength));
    else if (!isPlausibleEmail(fields.email)) set('email', (t) => t.emailInvalid);
    Object.assign(problems, this.#password.validate(password, confirmation, config.passwordPolicy));
    if (type.documents && this.#documents.documents.length < config.uploads.minFiles) set('documents', (t) => t.documentsRequired);
    if (fields.consent !== 'true') set('consent', (t) => t.consentRequired);
    return problems;
  }

  async #onSubmit(event: SubmitEvent, config: PublicConfig): Promise<void> {
    event.preventDefault();
    if (this.submitting) return;
    const form = event.currentTarget as HTMLFormElement;
    const type = this.#currentUserType(config);
    const { fields, password, confirmation } = this.#read(form, type);
    this.#password.afterSubmit(this.t);
    this.general = [];

    const problems = this.#validate(fields, type, config, password, confirmation);
    this.fieldProblems = problems;
    if (Object.keys(problems).length > 0) {
      this.focusAfterRender('summary');
      return;
    }

    this.submitting = true;
    this.progress = 0;
    try {
      const accepted = await this.call('register', (client, signal) =>
        client.register({ ...fields, password }, type.documents ? this.#documents.documents.map((d) => d.file) : [], {
          signal,
          onProgress: (sent, total) => (this.progress = total > 0 ? Math.min(100, Math.round((sent / total) * 100)) : 0),
        }),
      );
      // Sent: nothing secret stays in the page.
      for (const name of ['password', 'passwordConfirmation']) (form.elements.namedItem(name) as HTMLInputElement).value = '';
      // Files that were not attached were not sent either: nothing left to say about them.
      this.#documents.problems = [];
      this.sent = { email: accepted.email, review: type.documents, method: 'password' };
      this.focusAfterRender('check-email');
      this.emit('egov-registration-submitted', { email: accepted.email, userType: type.id });
    } catch (error) {
      const failure = error as AuthError;
      if (failure.code === 'aborted') return;
      const fieldProblems = this.#serverProblems(failure, config);
      // Everything typed and every file stays for the next try.
      this.fieldProblems = fieldProblems;
      this.general = Object.keys(fieldProblems).length > 0 ? [] : [serviceProblem(failure)];
      this.focusAfterRender('summary');
    } finally {
      this.submitting = false;
      this.progress = undefined;
    }
  }

  /** The backend's field codes, in the form's own words. */
  #serverProblems(error: AuthError, config: PublicConfig): FieldProblems<Texts> {
    const problems: FieldProblems<Texts> = {};
    for (const [field, code] of Object.entries(error.details.fields ?? {})) {
      problems[field] = field === 'password' ? NewPasswordFields.serverProblem(code, config.passwordPolicy) : { field, text: serverFieldText(field, code, config) };
    }
    if (error.code === 'payload_too_large' && !problems['documents']) {
      problems['documents'] = { field: 'documents', text: serverFieldText('documents', 'file_too_large', config) };
    }
    if (error.code === 'unsupported_media_type' && !problems['documents']) {
      problems['documents'] = { field: 'documents', text: serverFieldText('documents', 'invalid_file_type', config) };
    }
    return problems;
  }
}

function requiredText(name: RegistrationFieldName): Problem<Texts>['text'] {
  switch (name) {
    case 'givenName':
      return (t) => t.givenNameRequired;
    case 'surname':
      return (t) => t.surnameRequired;
    case 'dateOfBirth':
      return (t) => t.dateOfBirthRequired;
    case 'sex':
      return (t) => t.sexRequired;
    case 'citizenship':
      return (t) => t.citizenshipRequired;
    case 'documentNumber':
      return (t) => t.documentNumberRequired;
    case 'foreignerNumber':
      return (t) => t.foreignerNumberRequired;
    case 'phone':
      return (t) => t.phoneInvalid;
    default:
      return (t) => t.invalidChoice;
  }
}

/** The label a field has on the form, for messages that name it ("Given name must be …"). */
function fieldLabel(t: Texts, field: string): string {
  switch (field) {
    case 'givenName':
      return t.givenNameLabel;
    case 'surname':
      return t.surnameLabel;
    case 'documentNumber':
      return t.documentNumberLabel;
    case 'addressInSerbia':
      return t.addressLabel;
    case 'phone':
      return t.phoneLabel;
    default:
      return field;
  }
}

function foreignerNumberText(problem: 'invalid_format' | 'invalid_date' | 'invalid_checksum'): Problem<Texts>['text'] {
  return problem === 'invalid_format'
    ? (t) => t.foreignerNumberFormat
    : problem === 'invalid_date'
      ? (t) => t.foreignerNumberDate
      : (t) => t.foreignerNumberChecksum;
}

function serverFieldText(field: string, code: FieldErrorCode, config: PublicConfig): Problem<Texts>['text'] {
  switch (code) {
    case 'required':
      return field === 'email' ? (t) => t.emailRequired : field === 'consent' ? (t) => t.consentRequired : field === 'documents' ? (t) => t.documentsRequired : requiredText(field as RegistrationFieldName);
    case 'invalid_email':
      return (t) => t.emailInvalid;
    case 'too_long':
      return field === 'email'
        ? (t) => t.emailTooLong(LIMITS.emailMaxLength)
        : (t) => t.fieldTooLong(fieldLabel(t, field), TEXT_LIMITS[field as RegistrationFieldName] ?? LIMITS.nameMaxLength);
    case 'invalid_date':
      return field === 'foreignerNumber' ? foreignerNumberText('invalid_date') : (t) => t.dateOfBirthInvalid;
    case 'invalid_checksum':
      return foreignerNumberText('invalid_checksum');
    case 'invalid_format':
      return field === 'foreignerNumber' ? foreignerNumberText('invalid_format') : field === 'phone' ? (t) => t.phoneInvalid : (t) => t.documentNumberInvalid;
    case 'not_accepted':
      return (t) => t.consentRequired;
    case 'invalid_file_type':
      return (t) => t.filesWrongType;
    case 'file_too_large':
      return (t) => t.filesTooLarge(`${Math.round(config.uploads.maxFileBytes / (1024 * 1024))} MB`);
    case 'too_many_files':
      return (t) => t.tooManyFiles(config.uploads.maxFiles);
    case 'too_few_files':
      return (t) => t.documentsRequired;
    default:
      return (t) => t.invalidChoice;
  }
}
