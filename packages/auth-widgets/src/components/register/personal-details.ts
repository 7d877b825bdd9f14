import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { SEX_VALUES, type PublicConfig, type RegistrationFieldName, type UserType } from '../../client/contract.js';
import { COUNTRY_CODES } from '../../client/rules.js';
import type { CommonMessages } from '../../i18n/locales/en/common.js';
import type { RegisterMessages } from '../../i18n/locales/en/register.js';
import type { Locale } from '../../i18n/locales.js';
import { localizedText } from '../../i18n/localized-text.js';
import { describedBy, renderField, renderFieldError, renderRequiredMark } from '../../internal/fields.js';

/** The texts the user types and personal details use. */
type Texts = CommonMessages & RegisterMessages;

const AUTOCOMPLETE: Partial<Record<RegistrationFieldName, string>> = {
  givenName: 'given-name',
  surname: 'family-name',
  citizenship: 'off',
  documentNumber: 'off',
  foreignerNumber: 'off',
  addressInSerbia: 'street-address',
  phone: 'tel',
};

/** The user type the person chose, else the backend's default, else the first. */
export function currentUserType(config: PublicConfig, chosen: string | undefined): UserType {
  return config.userTypes.find((type) => type.id === chosen) ?? config.userTypes.find((type) => type.default) ?? config.userTypes[0]!;
}

/** Whether the user type asks for the field — the foreigner's number not once the person said they do not have it. */
export function isRequired(type: UserType, name: RegistrationFieldName, noForeignerNumber: boolean): boolean {
  const field = type.fields.find((f) => f.name === name);
  if (!field) return false;
  if (name === 'foreignerNumber' && noForeignerNumber) return false;
  return field.required;
}

/** "(optional)" for a field the user type does not require (not for one the person turned off). */
function optionalText(t: Texts, type: UserType, name: RegistrationFieldName): string | undefined {
  return type.fields.some((f) => f.name === name && !f.required) ? t.optionalField : undefined;
}

export interface UserTypesView {
  t: Texts;
  locale: Locale;
  types: UserType[];
  selected: UserType;
  partId: (part: string) => string;
  onSelect: (id: string) => void;
}

function userTypeLabel(t: Texts, locale: Locale, type: UserType): string {
  if (type.id === 'foreign_citizen') return t.userTypeForeignCitizen;
  if (type.id === 'serbian_citizen') return t.userTypeSerbianCitizen;
  return localizedText(type.label, locale);
}

/** "I am registering as": one radio per user type the backend offers. */
export function renderUserTypes(view: UserTypesView): TemplateResult {
  const { t, locale, types, selected, partId, onSelect } = view;
  return html`<fieldset class="egov-fieldset" id=${partId('userType')} tabindex="-1">
    <legend class="egov-legend">${t.userTypeLegend}${renderRequiredMark(true)}</legend>
    <div class="egov-radios">
      ${types.map(
        (type) => html`<div class="egov-radio">
          <input
            class="egov-radio-input"
            type="radio"
            name="userType"
            id=${partId(`userType-${type.id}`)}
            value=${type.id}
            .checked=${type.id === selected.id}
            @change=${() => onSelect(type.id)}
          />
          <label class="egov-radio-label" for=${partId(`userType-${type.id}`)}>${userTypeLabel(t, locale, type)}</label>
        </div>`,
      )}
    </div>
  </fieldset>`;
}

export interface PersonalDetailsView {
  t: Texts;
  locale: Locale;
  type: UserType;
  partId: (part: string) => string;
  /** The text of the problem about a field, if any. */
  error: (field: string) => string | undefined;
  noForeignerNumber: boolean;
  /** "I don’t have it / I forgot it" was ticked or unticked. */
  onNoForeignerNumber: (checked: boolean) => void;
}

/** A personal detail: required as the user type says, "(optional)" otherwise. */
function frame(view: PersonalDetailsView, name: RegistrationFieldName) {
  const { t, type, partId, error, noForeignerNumber } = view;
  return { id: partId(name), error: error(name), required: isRequired(type, name, noForeignerNumber), optionalText: optionalText(t, type, name) };
}

/**
 * The personal details of the chosen user type. Every field stays in the
 * DOM; those of another user type are hidden and not sent, so switching back
 * keeps them.
 */
export function renderPersonalDetails(view: PersonalDetailsView): TemplateResult {
  const { t, type, partId, noForeignerNumber, onNoForeignerNumber } = view;
  const shown = (name: RegistrationFieldName) => type.fields.some((f) => f.name === name);
  // Which spelling the reviewer compares the names with: a foreigner's passport is in Latin letters.
  const nameHint = type.id === 'foreign_citizen' ? t.nameHintForeign : t.nameHint;
  const text = (name: RegistrationFieldName, label: string, extra: { hint?: string; type?: string; inputmode?: string } = {}) => {
    const { id, error, required, optionalText } = frame(view, name);
    return html`<div ?hidden=${!shown(name)}>
      ${renderField({
        t,
        id,
        label,
        hint: extra.hint,
        error,
        required,
        optionalText,
        control: html`<input
          class="egov-input ${name === 'foreignerNumber' || name === 'documentNumber' ? 'egov-input--short' : ''}"
          id=${id}
          name=${name}
          type=${extra.type ?? 'text'}
          dir=${ifDefined(LEFT_TO_RIGHT.has(name) ? 'ltr' : undefined)}
          inputmode=${ifDefined(extra.inputmode)}
          autocomplete=${ifDefined(AUTOCOMPLETE[name])}
          spellcheck="false"
          aria-required=${required ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy(id, !!extra.hint, error))}
          aria-invalid=${error ? 'true' : 'false'}
          ?disabled=${name === 'foreignerNumber' && noForeignerNumber}
        />`,
      })}
    </div>`;
  };
  return html`<fieldset class="egov-fieldset">
    <legend class="egov-legend">${t.personalDetailsLegend}</legend>
    ${text('givenName', t.givenNameLabel, { hint: nameHint })} ${text('surname', t.surnameLabel, { hint: nameHint })}
    <div ?hidden=${!shown('dateOfBirth')}>${renderDateOfBirth(view)}</div>
    <div ?hidden=${!shown('sex')}>${renderSex(view)}</div>
    <div ?hidden=${!shown('citizenship')}>${renderCitizenship(view)}</div>
    ${text('documentNumber', t.documentNumberLabel)}
    <div ?hidden=${!shown('foreignerNumber')}>
      ${text('foreignerNumber', t.foreignerNumberLabel, { hint: t.foreignerNumberHint, inputmode: 'numeric' })}
      <div class="egov-field egov-checkbox">
        <input
          class="egov-checkbox-input"
          type="checkbox"
          id=${partId('noForeignerNumber')}
          name="noForeignerNumber"
          .checked=${noForeignerNumber}
          aria-controls=${partId('foreignerNumber')}
          @change=${(e: Event) => onNoForeignerNumber((e.target as HTMLInputElement).checked)}
        />
        <label class="egov-checkbox-label" for=${partId('noForeignerNumber')}>${t.noForeignerNumber}</label>
      </div>
    </div>
    ${text('addressInSerbia', t.addressLabel)} ${text('phone', t.phoneLabel, { hint: t.phoneHint, type: 'tel' })}
  </fieldset>`;
}

/** Fields written left to right in every language (numbers, codes), so a right-to-left page keeps their order. */
const LEFT_TO_RIGHT = new Set<RegistrationFieldName>(['documentNumber', 'foreignerNumber', 'phone']);

/**
 * Day, month and year as three fields (GOV.UK's date input): a native date
 * input shows the browser's format (mm/dd/yyyy), not the person's language.
 * The summary links to the day field, which carries the part id.
 */
function renderDateOfBirth(view: PersonalDetailsView): TemplateResult {
  const { t } = view;
  const { id, error, required, optionalText } = frame(view, 'dateOfBirth');
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
    <legend class="egov-label">${t.dateOfBirthLabel}${renderRequiredMark(required, optionalText)}</legend>
    <div class="egov-hint" id=${`${id}-hint`}>${t.dateOfBirthHint}</div>
    ${renderFieldError(t, id, error)}
    <div class="egov-date">
      ${part('Day', id, t.day, 'bday-day', 'egov-input--2')} ${part('Month', `${id}-month`, t.month, 'bday-month', 'egov-input--2')}
      ${part('Year', `${id}-year`, t.year, 'bday-year', 'egov-input--4')}
    </div>
  </fieldset>`;
}

function renderSex(view: PersonalDetailsView): TemplateResult {
  const { t, partId } = view;
  const { id, error, required, optionalText } = frame(view, 'sex');
  const labels: Record<(typeof SEX_VALUES)[number], string> = { F: t.sexFemale, M: t.sexMale, X: t.sexUnspecified };
  return html`<fieldset class="egov-fieldset egov-field ${error ? 'egov-field--error' : ''}" id=${id} tabindex="-1"
    aria-describedby=${ifDefined(error ? `${id}-error` : undefined)}>
    <legend class="egov-label">${t.sexLegend}${renderRequiredMark(required, optionalText)}</legend>
    ${renderFieldError(t, id, error)}
    <div class="egov-radios egov-radios--inline">
      ${SEX_VALUES.map(
        (value) => html`<div class="egov-radio">
          <input class="egov-radio-input" type="radio" name="sex" value=${value} id=${partId(`sex-${value}`)} />
          <label class="egov-radio-label" for=${partId(`sex-${value}`)}>${labels[value]}</label>
        </div>`,
      )}
    </div>
  </fieldset>`;
}

function renderCitizenship(view: PersonalDetailsView): TemplateResult {
  const { t, locale } = view;
  const { id, error, required, optionalText } = frame(view, 'citizenship');
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const collator = new Intl.Collator(locale);
  const countries = COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
  return renderField({
    t,
    id,
    label: t.citizenshipLabel,
    error,
    required,
    optionalText,
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
