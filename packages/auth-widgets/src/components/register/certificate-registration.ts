import { html, nothing, type TemplateResult } from 'lit';
import { AuthError } from '../../client/auth-client.js';
import type { CommonMessages } from '../../i18n/locales/en/common.js';
import type { RegisterMessages } from '../../i18n/locales/en/register.js';
import type { FormPort } from '../../internal/form-port.js';
import { renderEmailField, renderFieldError, renderRequiredMark } from '../../internal/fields.js';
import { summaryOf, type FieldProblems, type Problem } from '../../internal/problems.js';
import { consentMessage, consentValidator } from '../../internal/registration-validators.js';
import { serviceProblem } from '../../internal/service-problems.js';
import { emailMessage, emailValidator, fieldProblem } from '../../internal/validators.js';
import { CertificateFlow } from '../certificate-picker/certificate-flow.js';
import type { SelectedCertificate } from '../certificate-picker/egov-certificate-picker.js';

/** The texts the certificate registration uses. */
type Texts = CommonMessages & RegisterMessages;

/** What the certificate registration needs besides its form's port. */
export interface CertificateRegistrationOptions {
  /** The backend took the registration: the confirmation link went to `email`. */
  registered(email: string): void;
}

/**
 * Registration with a qualified certificate: the picker (through the shared
 * certificate flow), the holder's data it read, an e-mail address and the
 * consent; on sending, a fresh challenge signed with the certificate (the
 * PIN is asked for then) goes to the backend with them. Loads with the
 * certificate tab; the element's calls are aborted when it leaves the page,
 * so nothing here needs cleaning up.
 */
export class CertificateRegistration {
  readonly #flow: CertificateFlow;
  /** What the chosen certificate says about its holder (no secret: no key, no PIN). */
  #certificate: SelectedCertificate | undefined;
  #problems: FieldProblems<Texts> = {};
  #general: Problem<Texts>[] = [];
  #submitting = false;

  private constructor(
    private readonly port: FormPort,
    private readonly options: CertificateRegistrationOptions,
    flow: CertificateFlow,
  ) {
    this.#flow = flow;
  }

  /** With the certificate flow (and the tab's texts). */
  static async load(port: FormPort, options: CertificateRegistrationOptions): Promise<CertificateRegistration> {
    return new CertificateRegistration(port, options, await CertificateFlow.load(port));
  }

  /** In the element's texts. */
  render(): TemplateResult {
    const t = this.port.config.i18n.t as Texts;
    const element = this.port;
    const problemText = (problem: Problem<Texts> | undefined) => problem?.text(t, element.formatTime);
    const chosen = this.#certificate;
    const emailError = problemText(this.#problems['certificateEmail']);
    const consentError = problemText(this.#problems['certificateConsent']);
    return html`${this.#flow.renderIntro()}
      ${this.#flow.render({ actionLabel: t.registerWithCertificate, onSelected: (certificate) => this.#onSelected(certificate) })}
      ${chosen
        ? html`<form class="egov-form" novalidate @submit=${this.#onSubmit} data-certificate-form>
            ${element.renderSummary(summaryOf(this.#problems, ['certificateEmail', 'certificateConsent'], this.#general))}
            <fieldset class="egov-fieldset">
              <legend class="egov-legend" id=${element.partId('certificate-data')} tabindex="-1">${t.certificateDataLegend}</legend>
              <dl class="egov-data">
                <dt>${t.givenNameLabel}</dt>
                <dd>${chosen.givenName ?? chosen.holderName}</dd>
                ${chosen.surname ? html`<dt>${t.surnameLabel}</dt><dd>${chosen.surname}</dd>` : nothing}
                ${chosen.personalNumber ? html`<dt>${t.personalNumberLabel}</dt><dd>${chosen.personalNumber}</dd>` : nothing}
              </dl>
            </fieldset>
            ${renderEmailField({
              t,
              id: element.partId('certificateEmail'),
              label: t.registerEmailLabel,
              hint: chosen.email ? t.certificateEmailHint : t.certificateNoEmailHint,
              error: emailError,
              required: true,
              value: chosen.email,
            })}
            <div class="egov-field ${consentError ? 'egov-field--error' : ''}">
              ${renderFieldError(t, element.partId('certificateConsent'), consentError)}
              <div class="egov-checkbox">
                <input
                  class="egov-checkbox-input"
                  type="checkbox"
                  id=${element.partId('certificateConsent')}
                  name="consent"
                  value="true"
                  aria-required="true"
                  aria-invalid=${consentError ? 'true' : 'false'}
                />
                <label class="egov-checkbox-label" for=${element.partId('certificateConsent')}>${t.consentLabel}${renderRequiredMark(true)}</label>
              </div>
            </div>
            <button type="submit" class="egov-button" aria-disabled=${this.#submitting ? 'true' : 'false'}>
              ${this.#submitting ? t.sending : t.createAccountButton}
            </button>
          </form>`
        : nothing}`;
  }

  #onSelected(certificate: SelectedCertificate): void {
    this.#certificate = certificate;
    this.#problems = {};
    this.#general = [];
    this.port.focusAfterRender('certificate-data');
  }

  #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.#submitting) return;
    const element = this.port;
    const form = event.currentTarget as HTMLFormElement;
    const email = (form.elements.namedItem('email') as HTMLInputElement).value.trim();
    const consent = (form.elements.namedItem('consent') as HTMLInputElement).checked;
    const problems: FieldProblems<Texts> = {};
    const emailProblem = fieldProblem('certificateEmail', emailValidator.check(email), emailMessage);
    const consentProblem = fieldProblem('certificateConsent', consentValidator.check(consent ? 'true' : ''), consentMessage);
    if (emailProblem) problems['certificateEmail'] = emailProblem;
    if (consentProblem) problems['certificateConsent'] = consentProblem;
    this.#problems = problems;
    this.#general = [];
    if (Object.keys(problems).length > 0) {
      element.focusAfterRender('summary');
      return;
    }
    this.#submitting = true;
    this.port.requestUpdate();
    try {
      // Signed only now, with a fresh challenge: the PIN is asked for when the person sends.
      const proof = await this.#flow.prove('certificate');
      // The card or the agent failed: the picker already shows why.
      if (!proof) return;
      const accepted = await element.call('certificate', (client, signal) =>
        client.registerWithCertificate({ proof, email, consent: 'true', locale: element.config.i18n.locale }, { signal }),
      );
      this.options.registered(accepted.email);
    } catch (error) {
      const failure = error instanceof AuthError ? error : new AuthError('network_error');
      if (failure.code === 'aborted') return;
      const emailRefused = fieldProblem('certificateEmail', failure.details.fields?.['email'], emailMessage);
      if (emailRefused) {
        this.#problems = { certificateEmail: emailRefused };
      } else if (this.#flow.refuse(failure)) {
        // Said at the certificate in the list, which opens to choose another: this one's form goes.
        this.#certificate = undefined;
        return;
      } else {
        this.#general = [serviceProblem(failure)];
      }
      element.focusAfterRender('summary');
    } finally {
      this.#submitting = false;
      this.port.requestUpdate();
    }
  };
}
