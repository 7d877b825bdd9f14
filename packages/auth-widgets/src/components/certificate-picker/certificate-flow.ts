import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AuthError } from '../../client/auth-client.js';
import type { CertificateProof } from '../../client/contract.js';
import { proveWithCertificate } from '../../internal/certificate-proof.js';
import type { CertificateTabMessages } from '../../i18n/locales/en/certificate-tab.js';
import { certificateTabTexts } from '../../i18n/parts/certificate-tab.js';
import type { FormPort } from '../../internal/form-port.js';
import { headingLevel } from '../../internal/headings.js';
import { serviceProblem } from '../../internal/service-problems.js';
import '../../define/egov-certificate-picker.js';
import type { EgovCertificatePicker, SelectedCertificate } from './egov-certificate-picker.js';

export interface PickerOptions {
  /** The picker's button once a certificate is chosen ("Log in with the certificate"). */
  actionLabel: string;
  /** The picker's "another way in" button, when the form has one. */
  fallbackLabel?: string;
  onSelected: (certificate: SelectedCertificate) => void;
  onFallback?: () => void;
}

/**
 * Certificate login and certificate registration, one way: the picker with
 * the form's configuration, a fresh challenge signed with the chosen
 * certificate, and where a refusal shows. Loads the first time a
 * certificate tab shows (with the picker, and through it the agent), never
 * on the password path.
 */
export class CertificateFlow {
  #picker: EgovCertificatePicker | undefined;

  private constructor(private readonly host: FormPort) {}

  /** The flow for this form, with the certificate tab's texts in the form's locale (they load with it). */
  static async load(host: FormPort): Promise<CertificateFlow> {
    await host.config.i18n.extend(certificateTabTexts);
    return new CertificateFlow(host);
  }

  /** What the person needs for this way in: a qualified certificate on a card or token, and the Fortify app. */
  renderIntro(): TemplateResult {
    return html`<p class="egov-text">${(this.host.config.i18n.t as CertificateTabMessages).certificateIntro}</p>`;
  }

  /** The picker, configured as its form is (backend, client, locale, agent, UI), its headings two levels below the form's. */
  render(options: PickerOptions): TemplateResult {
    const { config } = this.host;
    if (!config.result.ok) return html``;
    const settings = config.result.config;
    return html`<egov-certificate-picker
      backend-url=${settings.backendUrl}
      .client=${config.client}
      locale=${config.i18n.locale}
      certificate-agent=${settings.certificateAgent}
      ui=${settings.certificatePickerUi}
      heading-level=${headingLevel(this.host.headingLevel) + 2}
      action-label=${options.actionLabel}
      fallback-label=${ifDefined(options.fallbackLabel)}
      @egov-certificate-selected=${(event: Event) => {
        this.#picker = event.currentTarget as EgovCertificatePicker;
        // The holder's data comes from the picker itself: the bubbling event carries none.
        const chosen = this.#picker.selectedCertificate();
        if (chosen) options.onSelected(chosen);
      }}
      @egov-certificate-fallback=${() => options.onFallback?.()}
    ></egov-certificate-picker>`;
  }

  /**
   * A fresh challenge from the backend, signed with the chosen certificate
   * (the agent asks for the PIN now, when the person sends), as `operation`'s
   * call. Undefined when the card or the agent failed: the picker already says why.
   */
  async prove(operation: string): Promise<CertificateProof | undefined> {
    const picker = this.#picker;
    if (!picker) return undefined;
    const challenge = await this.host.call(operation, (client, signal) => client.certificateChallenge({ signal }));
    return proveWithCertificate(picker, challenge);
  }

  /**
   * Shows a failed certificate request where it belongs: a refused
   * certificate at its item in the list (not offered again); with `note`, a
   * service problem as a note above the list. False when the form itself
   * must show it.
   */
  refuse(failure: AuthError, { note = false } = {}): boolean {
    const picker = this.#picker;
    if (!picker) return false;
    if (failure.code.startsWith('certificate_') || failure.code === 'signature_invalid') {
      picker.refuseSelected(failure.code);
      return true;
    }
    if (!note) return false;
    const problem = serviceProblem(failure);
    picker.showNote((t) => problem.text(t, this.host.formatTime));
    return true;
  }
}
