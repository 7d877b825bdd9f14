import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { PasswordPolicy } from '../client/contract.js';
import { passwordLength } from '../client/limits.js';
import type { CommonMessages } from '../i18n/locales/en/common.js';
import type { NewPasswordMessages } from '../i18n/locales/en/new-password.js';
import { describedBy, renderField } from './fields.js';
import { PasswordVisibility, renderPasswordInput } from './password-input.js';
import type { FieldProblems, Problem } from './problems.js';
import {
  fieldProblem,
  newPasswordCodes,
  newPasswordMessage,
  passwordConfirmationMessage,
  type FieldMessage,
  type ValidationCode,
} from './validators.js';

/** The texts the new-password fields use. */
export type NewPasswordTexts = CommonMessages & NewPasswordMessages;

/** A new password's codes in words, with the policy's lengths. */
const messageUnder =
  (policy: PasswordPolicy): FieldMessage<NewPasswordTexts> =>
  (code, t) =>
    newPasswordMessage(code, t, policy);

/** How long typing must pause before the live region speaks (a screen reader must not read every key). */
const ANNOUNCE_AFTER_MS = 900;

/** `M`: the texts of the element the fields are in (its problems may use them all). */
export interface NewPasswordView<M extends NewPasswordTexts = NewPasswordTexts> {
  t: M;
  policy: PasswordPolicy;
  /** Ids of the two inputs. */
  passwordId: string;
  confirmId: string;
  problems: FieldProblems<M>;
  formatTime: (date: Date) => string;
  required?: boolean;
}

/**
 * A new password and its confirmation (registration, reset): the policy
 * shown before typing, what is still missing while typing (announced after a
 * pause), one show/hide for both, and the checks the form can make itself.
 */
export class NewPasswordFields implements ReactiveController {
  readonly visibility: PasswordVisibility;
  /** Visible status under the field, updated on every key. */
  #status = '';
  /** What the live region says, updated after a pause. */
  #announcement = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastPolicy: PasswordPolicy | undefined;
  #lastT: NewPasswordTexts | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
    this.visibility = new PasswordVisibility(host);
  }

  /** The element left the page: no announcement is still to come. */
  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #describe(length: number, policy: PasswordPolicy, t: NewPasswordTexts): string {
    if (length === 0) return '';
    const missing = policy.minLength - length;
    return missing > 0 ? t.passwordCharactersNeeded(missing) : t.passwordLongEnough;
  }

  #onInput = (event: InputEvent): void => {
    if (!this.#lastPolicy || !this.#lastT) return;
    const value = (event.target as HTMLInputElement).value;
    const text = this.#describe(passwordLength(value), this.#lastPolicy, this.#lastT);
    this.#status = text;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#announcement = text;
      this.host.requestUpdate();
    }, ANNOUNCE_AFTER_MS);
    this.host.requestUpdate();
  };

  render<M extends NewPasswordTexts>(view: NewPasswordView<M>): TemplateResult {
    const { t, policy, passwordId, confirmId, problems, formatTime, required = true } = view;
    this.#lastPolicy = policy;
    this.#lastT = t;
    const passwordError = problems['password']?.text(t, formatTime);
    const confirmError = problems['passwordConfirmation']?.text(t, formatTime);
    const statusId = `${passwordId}-status`;
    return html`${renderField({
        t,
        id: passwordId,
        label: t.newPasswordLabel,
        hint: t.passwordPolicy(policy.minLength),
        error: passwordError,
        required,
        control: html`${renderPasswordInput({
            t,
            id: passwordId,
            name: 'password',
            autocomplete: 'new-password',
            visibility: this.visibility,
            describedBy: [describedBy(passwordId, true, passwordError), statusId].join(' '),
            invalid: !!passwordError,
            required,
            onInput: this.#onInput,
          })}
          <div class="egov-hint egov-password-status" id=${statusId}>${this.#status}</div>
          <div class="egov-visually-hidden" aria-live="polite">${this.#announcement}</div>`,
      })}
      ${renderField({
        t,
        id: confirmId,
        label: t.confirmPasswordLabel,
        error: confirmError,
        required,
        control: renderPasswordInput({
          t,
          id: confirmId,
          name: 'passwordConfirmation',
          autocomplete: 'new-password',
          visibility: this.visibility,
          describedBy: describedBy(confirmId, false, confirmError),
          invalid: !!confirmError,
          required,
          toggle: false,
        }),
      })}`;
  }

  /** What the form can check itself: length per the policy, and that both fields match. */
  validate(password: string, confirmation: string, policy: PasswordPolicy): FieldProblems<NewPasswordTexts> {
    const codes = newPasswordCodes(password, confirmation, policy);
    const problems: FieldProblems<NewPasswordTexts> = {};
    const passwordProblem = fieldProblem('password', codes.password, messageUnder(policy));
    const confirmationProblem = fieldProblem('passwordConfirmation', codes.passwordConfirmation, passwordConfirmationMessage);
    if (passwordProblem) problems['password'] = passwordProblem;
    if (confirmationProblem) problems['passwordConfirmation'] = confirmationProblem;
    return problems;
  }

  /** The backend's reason for refusing a password, in the form's words. */
  static serverProblem(code: ValidationCode, policy: PasswordPolicy): Problem<NewPasswordTexts> {
    return fieldProblem('password', code, messageUnder(policy))!;
  }

  /** After a submit: hide both fields again and forget the typing status. */
  afterSubmit(t: NewPasswordTexts): void {
    this.visibility.set(false, t);
    clearTimeout(this.#timer);
  }
}
