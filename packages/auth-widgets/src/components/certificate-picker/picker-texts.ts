/**
 * The picker's words for what it knows as codes: agent problems, hidden and
 * refusal reasons, PIN states, purposes; and one line of the CA card.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AgentProblem, PinState } from '../../agent/certificate-agent.js';
import type { AuthErrorCode } from '../../client/auth-client.js';
import type { CertificatePurpose, HiddenReason } from '../../certificates/describe-certificate.js';
import { catalog, type TextsOf } from '../../i18n/catalog.js';
import { commonTexts } from '../../i18n/parts/common.js';
import { problemTexts as problemPart } from '../../i18n/parts/problems.js';
import { pickerTexts } from '../../i18n/parts/picker.js';

/** The texts `<egov-certificate-picker>` uses (defined here, so the helpers below need nothing from the element). */
export const texts = catalog(commonTexts, problemPart, pickerTexts);
export type EgovCertificatePickerTexts = TextsOf<typeof texts>;
type Texts = EgovCertificatePickerTexts;

/**
 * One line of the CA card. The directory comes from the backend: a value
 * that fails the link rules (`linkHref`, `telHref`, `mailtoHref`) is shown as
 * text — the person still needs whom to contact — never as a link.
 */
export function contact(label: string, value: string | undefined, href: string | undefined, external = false): TemplateResult | typeof nothing {
  if (!value) return nothing;
  const shown = href
    ? external
      ? html`<a class="egov-link" href=${href} target="_blank" rel="noopener noreferrer">${value}</a>`
      : html`<a class="egov-link" href=${href}>${value}</a>`
    : value;
  return html`<li>${label}: ${shown}</li>`;
}

export function purposeText(t: Texts, purposes: CertificatePurpose[]): string | undefined {
  const signing = purposes.includes('signing');
  const authentication = purposes.includes('authentication');
  if (signing && authentication) return t.purposeSigningAndAuthentication;
  if (signing) return t.purposeSigning;
  if (authentication) return t.purposeAuthentication;
  return undefined;
}

/** Why the backend refused a certificate, in the words the list uses for hidden ones where they match. */
export function refusalText(t: Texts, code: AuthErrorCode): string {
  switch (code) {
    case 'certificate_revoked':
      return t.refusedRevoked;
    case 'certificate_expired':
      return t.hiddenExpired;
    case 'certificate_not_yet_valid':
      return t.hiddenNotYetValid;
    case 'certificate_untrusted':
      return t.hiddenUntrusted;
    case 'certificate_key_usage':
      return t.hiddenKeyUsage;
    case 'certificate_policy':
      return t.hiddenNotQualified;
    case 'certificate_no_identity':
      return t.hiddenInvalidPersonalNumber;
    default:
      return t.refusedOther;
  }
}

export function pinWarning(t: Texts, pin: PinState): string | undefined {
  if (pin.locked) return t.pinLockedWarning;
  if (pin.finalTry) return t.pinFinalTry;
  if (pin.triesFailed) return t.pinPreviousWrong(pin.triesLeft);
  return undefined;
}

export function hiddenText(t: Texts, reason: HiddenReason | undefined): string {
  switch (reason) {
    case 'expired':
      return t.hiddenExpired;
    case 'not_yet_valid':
      return t.hiddenNotYetValid;
    case 'untrusted_ca':
      return t.hiddenUntrusted;
    case 'no_private_key':
      return t.hiddenNoKey;
    case 'authentication_only':
      return t.hiddenAuthenticationOnly;
    case 'wrong_key_usage':
      return t.hiddenKeyUsage;
    case 'not_qualified':
      return t.hiddenNotQualified;
    case 'invalid_personal_number':
      return t.hiddenInvalidPersonalNumber;
    case undefined:
      return '';
  }
}

export function problemTexts(t: Texts, code: AgentProblem): [string, string] {
  switch (code) {
    case 'not_installed':
      return [t.agentNotInstalledTitle, t.agentNotInstalledBody];
    case 'not_running':
      return [t.agentNotRunningTitle, t.agentNotRunningBody];
    case 'local_network_blocked':
      return [t.agentBlockedTitle, t.agentBlockedBody];
    case 'page_blocked':
      return [t.agentPageBlockedTitle, t.agentPageBlockedBody];
    case 'not_set_up':
      return [t.agentNotSetUpTitle, t.agentNotSetUpBody];
    case 'tls_untrusted':
      return [t.agentTlsTitle, t.agentTlsBody];
    case 'origin_not_approved':
      return [t.agentApproveTitle, t.agentApproveBody];
    case 'origin_denied':
      return [t.agentDeniedTitle, t.agentDeniedBody];
    case 'no_token':
      return [t.noTokenTitle, t.noTokenBody];
    case 'token_removed':
      return [t.tokenRemovedTitle, t.tokenRemovedBody];
    default:
      return [t.agentErrorTitle, t.agentErrorBody];
  }
}
