import { html, nothing, type PropertyValues, type PropertyDeclarations, type TemplateResult } from 'lit';
import { AgentError, type AgentProblem, type CertificateAgent, type PinState, type TokenCertificate } from '../../agent/certificate-agent.js';
import type { AuthErrorCode } from '../../client/auth-client.js';
import type { CertificationBody } from '../../client/contract.js';
import { linkHref, mailtoHref, telHref } from '../../client/rules.js';
import type { AuthConfigInput, CertificatePickerUi } from '../../config/auth-config.js';
import { localizedText } from '../../certificates/certification-body.js';
import { describeCertificate, shortSerialNumber, type CertificateDescription } from '../../certificates/describe-certificate.js';
import { pickerStyles } from '../../styles/picker-styles.js';
import { problemView } from '../../internal/problem-view.js';
import { formatDate } from '../../i18n/date-format.js';
import { loadAgent } from '../../internal/agent-loader.js';
import { loadPeculiarMode } from '../../agent/fortify-stack.js';
import type { CertificateSignature } from '../../internal/certificate-proof.js';
import { EgovFormElement } from '../../internal/egov-form-element.js';
import { PublicConfigController } from '../../internal/public-config-controller.js';
import { contact, hiddenText, pinWarning, problemTexts, purposeText, refusalText, texts, type EgovCertificatePickerTexts as PickerTexts } from './picker-texts.js';
import { localeDirection } from '../../i18n/locales.js';

/**
 * What `egov-certificate-selected` tells the page: which certificate, never
 * whose. The event bubbles out of every shadow root, so any script on the
 * page can read it; the holder's data is in `selectedCertificate()`.
 */
export interface EgovCertificateSelectedDetail {
  certificateId: string;
  /** The issuing CA's name (not personal data). */
  issuer: string;
}

/** The chosen certificate as the picker read it, for the form that asked (`selectedCertificate()`). */
export interface SelectedCertificate {
  certificateId: string;
  holderName: string;
  givenName?: string;
  surname?: string;
  /** From the subject's serialNumber (checksum-verified), for registration forms. */
  personalNumber?: string;
  email?: string;
  issuer: string;
}

/**
 * Why the person asked for another way in (`egov-certificate-fallback`): an
 * agent problem (`not_installed`, `no_token`, `page_blocked`…), `pin_locked`,
 * `no_usable_certificate`, or `certificate_refused` (the backend refused the
 * chosen certificate).
 */
export type EgovCertificateFallbackReason = AgentProblem | 'no_usable_certificate' | 'certificate_refused';

export interface EgovCertificateFallbackDetail {
  reason: EgovCertificateFallbackReason;
}

/** What `sign()` gives the caller to build a proof with. */
/** What `sign` gives (declared with the proof that packs it, internal/certificate-proof.ts). */
export type PickerSignature = CertificateSignature;

declare global {
  interface HTMLElementTagNameMap {
    'egov-certificate-picker': EgovCertificatePicker;
  }
  interface GlobalEventHandlersEventMap {
    'egov-certificate-selected': CustomEvent<EgovCertificateSelectedDetail>;
    'egov-certificate-fallback': CustomEvent<EgovCertificateFallbackDetail>;
  }
}

/** The lazily loaded module of `ui="peculiar"`. */
type PeculiarModule = typeof import('./peculiar-mode.js');

interface PeculiarState {
  /** The `<peculiar-fortify-certificates>` this picker shows; kept until the picker leaves (removing it closes its socket). */
  element: HTMLElement;
  /** Stops guarding Shift+D / Shift+R for this picker. */
  release: () => void;
  chosen?: { selection: import('./peculiar-mode.js').SocketSelection; description: CertificateDescription };
}

interface Item {
  token: TokenCertificate;
  description: CertificateDescription;
  pin: PinState;
}

type Phase =
  | { kind: 'connecting' }
  | { kind: 'approve'; code: string }
  | { kind: 'problem'; code: AgentProblem }
  | { kind: 'list' }
  | { kind: 'signing' }
  | { kind: 'locked'; body: CertificationBody | undefined; issuer: string };

const FORTIFY_DOWNLOAD = 'https://fortifyapp.com/';

/** The texts `<egov-certificate-picker>` uses. */
/** The texts `<egov-certificate-picker>` uses (from picker-texts.ts, where its text helpers live). */
export type EgovCertificatePickerTexts = PickerTexts;
type Texts = PickerTexts;

/**
 * The kit's own certificate picker over a local crypto agent: finds the
 * agent and guides its installation, shows the approval code, lists the
 * usable certificates (and why the others are hidden), warns about the PIN
 * before it is asked for, signs, and always logs the token out after.
 * Failures stay visible here with what to do next.
 *
 * With `ui="peculiar"` the list is PeculiarVentures'
 * `<peculiar-fortify-certificates>` (loaded only then), inside the kit's
 * heading and help; signing, logout and the messages stay the kit's.
 *
 * After a choice the list folds up to the chosen certificate (with "Choose
 * another certificate"), so what the host shows next is right below it.
 * Every failure state says what to do next: try again, another certificate,
 * and — when the host sets `fallback-label` — another way in.
 *
 * @summary Select a qualified certificate on a smart card or token.
 * @tag egov-certificate-picker
 * @event {CustomEvent<EgovCertificateSelectedDetail>} egov-certificate-selected - The person chose a certificate; `detail` says which (`certificateId`, `issuer`) and carries no personal data — the holder's name, personal number and e-mail come from `selectedCertificate()`. The host then calls `sign(data)`.
 * @event {CustomEvent<EgovCertificateFallbackDetail>} egov-certificate-fallback - The person chose the `fallback-label` button (shown only when the host sets it) in a failure state: a locked PIN, no usable certificate, a refused certificate, an agent problem. `detail.reason` says which. The host offers its other way in, e.g. `<egov-login>` opens its username and password tab.
 * @cssprop [--egov-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif] - Font of every text.
 * @cssprop [--egov-font-size=medium] - Base font size; the kit's sizes follow it (not the page's root font size).
 * @cssprop [--egov-color-text=#0b0c0c] - Text, headings and input text.
 * @cssprop [--egov-color-text-secondary=#484f53] - Hints and secondary text.
 * @cssprop [--egov-color-background=#ffffff] - Inputs and panels.
 * @cssprop [--egov-color-surface=#f3f2f1] - Unselected tabs and secondary buttons.
 * @cssprop [--egov-color-primary=#0c3c78] - Primary buttons.
 * @cssprop [--egov-color-primary-hover=#082b57] - Primary buttons on hover, and their shadow.
 * @cssprop [--egov-color-on-primary=#ffffff] - Text on primary buttons.
 * @cssprop [--egov-color-link=#0b4ea2] - Links and tab labels.
 * @cssprop [--egov-color-border=#5f6669] - Input and panel borders.
 * @cssprop [--egov-color-error=#b1261d] - Error summary and field errors.
 * @cssprop [--egov-color-success=#0b6e35] - Success notices.
 * @cssprop [--egov-color-info=#0c3c78] - Information notices.
 * @cssprop [--egov-color-focus=#ffdd00] - Focus indicator.
 * @cssprop [--egov-color-focus-text=#0b0c0c] - Text on the focus indicator.
 * @cssprop [--egov-radius=4px] - Corner radius of inputs, buttons and tabs.
 * @cssprop [--egov-space=1rem] - Base spacing between fields.
 */
export class EgovCertificatePicker extends EgovFormElement<Texts> {
  static override properties: PropertyDeclarations = {
    headingLevel: { attribute: 'heading-level', type: Number },
    agent: { attribute: false },
    actionLabel: { attribute: 'action-label' },
    ui: {},
    fallbackLabel: { attribute: 'fallback-label' },
    phase: { state: true, attribute: false },
    items: { state: true, attribute: false },
    note: { state: true, attribute: false },
    agentLabel: { state: true, attribute: false },
    softAgent: { state: true, attribute: false },
    chosenId: { state: true, attribute: false },
    folded: { state: true, attribute: false },
    refused: { state: true, attribute: false },
  };

  constructor() {
    super(texts, [pickerStyles], problemView);
  }

  /**
   * The level of the picker's own heading, `1` to `4` (default `3`: the
   * picker is a part of a form or page, and PeculiarVentures' element, in
   * `ui="peculiar"`, brings its own `<h4>`); its notices are one level below.
   * `<egov-login>` and `<egov-register>` set it two levels below their own.
   */
  override headingLevel: 1 | 2 | 3 | 4 = 3;

  /** An agent instance (tests, other agents); by default the configured kind is loaded on first use. */
  agent?: CertificateAgent;
  /** The text of each certificate's button, e.g. "Log in with the certificate". */
  actionLabel?: string;
  /** `kit` (default) or `peculiar`: who draws the certificate list. Overrides `picker-ui` and `<egov-auth>`. */
  ui?: string;
  /**
   * The text of a button that every failure state shows to offer the host's
   * other way in, e.g. "Log in with username and password"; choosing it fires
   * `egov-certificate-fallback`. Without it there is no such button (it would do nothing).
   */
  fallbackLabel?: string;

  private phase: Phase = { kind: 'connecting' };
  private items: Item[] = [];
  /** A note that stays above the list after a failed signature (wrong PIN, cancelled…). */
  private note: ((t: Texts) => string) | undefined;
  private agentLabel = '';
  private softAgent = false;
  /** The certificate chosen in the kit's list, marked there; `undefined` before a choice and after a refusal. */
  private chosenId: string | undefined;
  /** The list is folded up to the chosen certificate. */
  private folded = false;
  /** Certificates the backend refused in this picker (id → error code), said at each of them. */
  private refused: ReadonlyMap<string, AuthErrorCode> = new Map();

  readonly #policy = new PublicConfigController(this, () => (this.config.result.ok ? this.config.client : undefined));
  #agent: CertificateAgent | undefined;
  #unsubscribe: (() => void) | undefined;
  #started = false;
  #selected: Item | undefined;
  /** What the person chose, for `selectedCertificate()`; never put in an event. */
  #selection: SelectedCertificate | undefined;
  #focusOnFailure = false;
  /** The UI the picker was started with. */
  #startedUi: CertificatePickerUi | undefined;
  #peculiar: PeculiarState | undefined;

  /** @internal */
  override configOverrides(): AuthConfigInput {
    const own = super.configOverrides();
    return { ...own, certificatePickerUi: this.ui ?? own.certificatePickerUi };
  }

  get #ui(): CertificatePickerUi {
    return this.config.result.ok ? this.config.result.config.certificatePickerUi : 'kit';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#dropPeculiar();
    this.#started = false;
    // What a start under way finds later is dropped, and its wait for the agent ends.
    this.#runs += 1;
    this.#runAbort?.abort();
    this.#runAbort = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A new agent set from outside: start over with it.
    if (changed.has('agent') && this.#started && this.agent && this.agent !== this.#agent) this.#started = false;
    // The UI changed, or the agent to use (the configured kind, or one given through <egov-auth>): start over.
    if (this.#started && this.config.result.ok && (this.#ui !== this.#startedUi || this.#agentChoice() !== this.#startedAgent)) {
      this.#unsubscribe?.();
      this.#unsubscribe = undefined;
      this.#dropPeculiar();
      this.#started = false;
    }
    if (!this.#started && this.config.result.ok && this.#policy.state.status === 'ready') {
      this.#started = true;
      this.#startedUi = this.#ui;
      this.#startedAgent = this.#agentChoice();
      void this.#start();
    }
  }

  get #directory(): CertificationBody[] {
    return this.#policy.state.status === 'ready' ? this.#policy.state.config.certificationBodies : [];
  }

  /** The backend's qualified-policy allow-list: the picker hides what the backend would refuse. */
  get #qualifiedPolicies(): string[] {
    return this.#policy.state.status === 'ready' ? (this.#policy.state.config.qualifiedPolicies ?? []) : [];
  }

  /** The backend also accepts a card's authentication certificate, at a lower level of assurance (`authenticationCertificates`). */
  get #allowAuthentication(): boolean {
    return this.#policy.state.status === 'ready' && this.#policy.state.config.authenticationCertificates === true;
  }

  /** The agent the picker would use now: its own, `<egov-auth>`'s, or the configured kind for the backend. */
  #agentChoice(): CertificateAgent | string {
    if (this.agent) return this.agent;
    if (this.config.agent) return this.config.agent;
    return this.config.result.ok ? `${this.config.result.config.certificateAgent} ${this.config.result.config.backendUrl}` : 'fortify';
  }

  #startedAgent: CertificateAgent | string | undefined;
  /** Starts so far; each start checks it is still the newest before it shows what it found. */
  #runs = 0;
  /** Aborts the current start's wait for the agent (a newer start, or leaving the page). */
  #runAbort: AbortController | undefined;

  /** `focus`: move focus to the outcome — only when the person asked (Try again), never on first load. */
  async #start(focus = false): Promise<void> {
    // A newer start (another agent, another UI) supersedes this one: what this one finds later is dropped.
    const run = ++this.#runs;
    this.#runAbort?.abort();
    const abort = new AbortController();
    this.#runAbort = abort;
    this.#focusOnFailure = focus;
    this.phase = { kind: 'connecting' };
    this.note = undefined;
    if (this.#startedUi === 'peculiar') return this.#startPeculiar();
    try {
      const agent = this.agent ?? this.config.agent ?? (await loadAgent(this.config.result.ok ? this.config.result.config.certificateAgent : 'fortify', this.config.result.ok ? this.config.result.config.backendUrl : ''));
      if (run !== this.#runs) return;
      this.#agent = agent;
      this.agentLabel = agent.label;
      this.softAgent = agent.kind === 'soft';
      await agent.connect({ signal: abort.signal, onApprovalCode: (code) => (this.phase = { kind: 'approve', code }) });
      if (run !== this.#runs) return;
      this.#unsubscribe?.();
      // A card put in or taken out: list again (also out of "insert your card"), except mid-signature.
      this.#unsubscribe = agent.onTokenEvent(() => {
        if (this.phase.kind !== 'signing') void this.#refresh();
      });
      await this.#refresh();
    } catch (error) {
      if (run === this.#runs) this.#fail(error);
    }
  }

  async #refresh(): Promise<void> {
    const agent = this.#agent;
    if (!agent) return;
    // Whatever happens meanwhile (a failed signature, a new start) wins over this listing.
    const phaseAtStart = this.phase;
    try {
      const tokens = await agent.listCertificates();
      if (tokens.length === 0) throw new AgentError('no_token');
      const pins = new Map<string, PinState>();
      for (const tokenId of new Set(tokens.map((t) => t.tokenId))) pins.set(tokenId, await agent.pinState(tokenId));
      const now = new Date();
      // A certificate that does not parse is left out, not allowed to hide the others.
      const items = tokens.flatMap((token) => {
        try {
          return [{ token, description: describeCertificate(token.certificate, this.#directory, now, token.hasPrivateKey, {
                qualifiedPolicies: this.#qualifiedPolicies,
                allowAuthentication: this.#allowAuthentication,
              }), pin: pins.get(token.tokenId)! }];
        } catch {
          return [];
        }
      });
      // A card's authentication certificate, where accepted, comes after the qualified ones (the stable sort keeps the rest in order).
      const lower = (item: Item) => (item.description.usable && item.description.authenticationOnly ? 1 : 0);
      this.items = items.sort((a, b) => lower(a) - lower(b));
      if (this.phase === phaseAtStart) this.phase = { kind: 'list' };
    } catch (error) {
      if (this.phase === phaseAtStart) this.#fail(error);
    }
  }

  #fail(error: unknown, focus = this.#focusOnFailure): void {
    const failure = error instanceof AgentError ? error : new AgentError('agent_error');
    this.phase = { kind: 'problem', code: failure.code };
    // When the list comes back, all of it: the person may have to choose again.
    this.folded = false;
    if (focus) this.focusAfterRender('status');
  }

  /**
   * Signs `data` with the chosen certificate's key. The agent asks for the
   * PIN itself. The token is logged out afterwards, whatever happened
   * (SECURITY.md 38); a failure is shown here and thrown to the caller.
   */
  async sign(data: Uint8Array): Promise<PickerSignature> {
    if (this.#startedUi === 'peculiar') return this.#signPeculiar(data);
    const item = this.#selected;
    const agent = this.#agent;
    if (!item || !agent) throw new AgentError('agent_error', {}, 'No certificate is selected');
    this.phase = { kind: 'signing' };
    this.note = undefined;
    try {
      const result = await agent.sign(item.token.id, data);
      this.phase = { kind: 'list' };
      return { certificate: item.token.certificate, chain: item.token.chain, ...result };
    } catch (error) {
      const failure = error instanceof AgentError ? error : new AgentError('sign_failed');
      this.#showSignFailure(failure, item.description);
      throw failure;
    } finally {
      await agent.logout(item.token.tokenId).catch(() => undefined);
      if (this.phase.kind === 'list') void this.#refresh();
    }
  }

  /**
   * The certificate the person chose (after `egov-certificate-selected`),
   * with what it says about its holder — name, personal number, e-mail — for
   * the form that shows or sends them; `undefined` before a choice.
   */
  selectedCertificate(): SelectedCertificate | undefined {
    return this.#selection && { ...this.#selection };
  }

  #select(certificateId: string, d: CertificateDescription): void {
    this.#selection = {
      certificateId,
      holderName: d.holderName,
      givenName: d.givenName,
      surname: d.surname,
      personalNumber: d.personalNumber,
      email: d.email,
      issuer: d.issuer.name,
    };
    // Bubbling and composed: the whole page hears it, so it names the certificate and nothing about its holder.
    this.emit('egov-certificate-selected', { certificateId, issuer: d.issuer.name });
  }

  /**
   * Back to the list with a message above it, e.g. when the backend refused
   * the certificate. `text` is called with the picker's texts in the current
   * locale (and again when the locale changes) and returns the message.
   */
  showNote(text: (t: EgovCertificatePickerTexts) => string): void {
    this.note = text;
    this.phase = { kind: 'list' };
    this.focusAfterRender('note');
  }

  /**
   * The backend refused the chosen certificate: `code` is its error code
   * (`certificate_revoked`, `certificate_expired`, `certificate_untrusted`,
   * `certificate_policy`, `signature_invalid`…). The reason is said at that
   * certificate, which is not offered again, and the list opens to choose
   * another (with the `fallback-label` button there when the host set one).
   */
  refuseSelected(code: AuthErrorCode): void {
    if (this.#startedUi === 'peculiar') {
      this.showNote((t) => t.certificateNotUsable(refusalText(t, code)));
      return;
    }
    const item = this.#selected;
    if (!item) {
      this.showNote((t) => t.certificateRejected);
      return;
    }
    this.refused = new Map(this.refused).set(item.token.id, code);
    this.chosenId = undefined;
    this.folded = false;
    this.note = undefined;
    this.phase = { kind: 'list' };
    this.focusAfterRender(this.#itemPart(item.token.id, 'refused'));
  }

  #showSignFailure(failure: AgentError, description: CertificateDescription): void {
    switch (failure.code) {
      case 'pin_locked':
        this.phase = { kind: 'locked', body: description.issuer.body, issuer: description.issuer.name };
        this.focusAfterRender('status');
        return;
      case 'pin_wrong': {
        const left = failure.details.triesLeft;
        this.note = (t) => t.pinWrong(left);
        break;
      }
      case 'cancelled':
        this.note = (t) => t.signingCancelled;
        break;
      case 'sign_failed':
        this.note = (t) => t.signFailed;
        break;
      default:
        this.#fail(failure, true);
        return;
    }
    // The list stays folded up to the chosen certificate, which now offers to try again.
    this.phase = { kind: 'list' };
    this.focusAfterRender('note');
  }

  // ---------------------------------------------------------------- ui="peculiar"

  #peculiarModule: Promise<PeculiarModule> | undefined;

  /** Loads the element (first time only), then shows a new one with filters from the CA directory. */
  async #startPeculiar(): Promise<void> {
    this.#dropPeculiar();
    let module: PeculiarModule;
    try {
      // fortify-peculiar.ts provides exactly ./peculiar-mode.js.
      this.#peculiarModule ??= loadPeculiarMode() as Promise<PeculiarModule>;
      module = await this.#peculiarModule;
    } catch (error) {
      this.#peculiarModule = undefined;
      this.#fail(error instanceof AgentError ? error : new AgentError('agent_error', {}, `<peculiar-fortify-certificates> did not load: ${String(error)}`));
      return;
    }
    // The picker left the page, or was started over, while the module loaded.
    if (!this.isConnected || this.#startedUi !== 'peculiar' || this.phase.kind !== 'connecting') return;
    const element = module.createPeculiarCertificates(this.#directory, {
      onSelected: (detail, from) => void this.#onPeculiarSelected(module, detail, from),
      onCancelled: (from) => {
        if (from === this.#peculiar?.element) this.showNote((t) => t.certificateChoiceCancelled);
      },
    });
    this.#peculiar = { element, release: module.guardPeculiarShortcuts() };
    this.phase = { kind: 'list' };
  }

  #dropPeculiar(): void {
    this.#peculiar?.release();
    this.#peculiar = undefined;
  }

  async #onPeculiarSelected(module: PeculiarModule, detail: import('./peculiar-mode.js').SocketSelectionDetail, from: HTMLElement): Promise<void> {
    const state = this.#peculiar;
    if (!state || from !== state.element || this.phase.kind === 'signing') return;
    state.chosen = undefined;
    this.#selection = undefined;
    this.note = undefined;
    try {
      const selection = await module.readSocketSelection(detail);
      // The element's filters cannot say "not valid yet", and Shift+R drops them: the kit checks the choice itself.
      const description = describeCertificate(selection.certificate, this.#directory, new Date(), true, { allowAuthentication: this.#allowAuthentication });
      if (state !== this.#peculiar) return;
      if (!description.usable) {
        this.showNote((t) => t.certificateNotUsable(hiddenText(t, description.hiddenBecause)));
        return;
      }
      state.chosen = { selection, description };
      this.#select(detail.certificateId, description);
    } catch (error) {
      if (state === this.#peculiar) this.#fail(error, true);
    }
  }

  async #signPeculiar(data: Uint8Array): Promise<PickerSignature> {
    const chosen = this.#peculiar?.chosen;
    const module = this.#peculiarModule && (await this.#peculiarModule);
    if (!chosen || !module) throw new AgentError('agent_error', {}, 'No certificate is selected');
    this.phase = { kind: 'signing' };
    this.note = undefined;
    try {
      // Logs the token out afterwards, success or failure (SECURITY.md 38).
      const result = await module.signWithSocketSelection(chosen.selection, data);
      this.phase = { kind: 'list' };
      return { certificate: chosen.selection.certificate, chain: chosen.selection.chain, ...result };
    } catch (error) {
      const failure = error instanceof AgentError ? error : new AgentError('sign_failed');
      this.#showSignFailure(failure, chosen.description);
      throw failure;
    }
  }

  #renderPeculiar(t: Texts): TemplateResult {
    const phase = this.phase;
    return html`<p class="egov-hint" data-peculiar-help>${t.peculiarIntro}</p>
      ${phase.kind === 'connecting' ? html`<p class="egov-text" role="status">${t.loading}</p>` : nothing}
      ${phase.kind === 'problem' ? this.#renderProblem(t, phase.code) : nothing}
      ${phase.kind === 'locked' ? this.#renderLocked(t, phase.body, phase.issuer) : nothing}
      ${phase.kind === 'signing' ? html`<p class="egov-text" role="status" data-state="signing">${t.pinEnterInAgent('Fortify')}</p>` : nothing}
      ${phase.kind === 'list' && this.note
        ? html`<p class="egov-notice egov-notice--error" role="alert" id=${this.partId('note')} tabindex="-1">${this.note(t)}</p>`
        : nothing}
      ${this.#peculiar?.element ?? nothing}`;
  }

  #choose(item: Item): void {
    if (item.pin.locked) {
      this.phase = { kind: 'locked', body: item.description.issuer.body, issuer: item.description.issuer.name };
      this.focusAfterRender('status');
      return;
    }
    this.#selected = item;
    this.chosenId = item.token.id;
    this.folded = true;
    this.note = undefined;
    // The button just pressed is gone with the folded list: focus goes to what took its place.
    this.focusAfterRender('chosen');
    this.#select(item.token.id, item.description);
  }

  /** Back to the whole list, the chosen certificate still marked in it (its PIN state read again). */
  #chooseAnother(): void {
    const chosen = this.chosenId;
    this.folded = false;
    this.note = undefined;
    if (this.phase.kind !== 'list') {
      this.phase = { kind: 'list' };
      void this.#refresh();
    }
    const first = this.items.find((item) => item.description.usable && !this.refused.has(item.token.id));
    const target = chosen ?? first?.token.id;
    if (target) this.focusAfterRender(this.#itemPart(target, 'use'));
  }

  /** A page-unique id for a part of one certificate's item (certificate ids may hold characters ids should not). */
  #itemPart(certificateId: string, part: string): string {
    return `cert${this.items.findIndex((item) => item.token.id === certificateId)}-${part}`;
  }

  #fallback(reason: EgovCertificateFallbackReason): TemplateResult | typeof nothing {
    const label = this.fallbackLabel;
    if (!label) return nothing;
    return html`<button type="button" class="egov-button egov-button--secondary egov-next-step" data-fallback @click=${() => this.emit('egov-certificate-fallback', { reason })}>
      ${label}
    </button>`;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<div class="egov-root egov-picker" lang=${this.config.i18n.locale} dir=${localeDirection(this.config.i18n.locale)}>
      ${this.renderHeading(0, t.pickerHeading, { className: 'egov-heading egov-heading--small' })}
      ${this.softAgent ? html`<p class="egov-badge" data-soft-agent>${t.agentSoftLabel}</p>` : nothing}
      ${this.config.result.ok
        ? this.#policy.render(t, () => html`${this.#ui === 'peculiar' ? this.#renderPeculiar(t) : this.#renderPhase(t)}${this.#renderAccepted(t)}`)
        : this.renderConfigProblem()}
    </div>`;
  }

  /**
   * The certification bodies whose certificates are accepted, each linked to
   * its own instructions for getting and installing one (as the portal's
   * guide lists them). Open when something is missing on the computer (the
   * agent, a card, a usable certificate), folded otherwise; gone once a
   * certificate is chosen.
   */
  #renderAccepted(t: Texts): TemplateResult | typeof nothing {
    const bodies = this.#directory;
    const phase = this.phase;
    // Folded up to the chosen certificate, or signing with it: out of the way, like the rest of the list.
    if (bodies.length === 0 || phase.kind === 'signing' || (phase.kind === 'list' && this.folded)) return nothing;
    const locale = this.config.i18n.locale;
    const missing =
      (phase.kind === 'problem' && phase.code !== 'page_blocked' && phase.code !== 'not_set_up') ||
      (phase.kind === 'list' && !this.items.some((item) => item.description.usable));
    return html`<details class="egov-details" data-accepted-bodies ?open=${missing}>
      <summary>${t.acceptedBodiesSummary}</summary>
      <p class="egov-text">${t.acceptedBodiesBody}</p>
      <ul class="egov-list">
        ${bodies.map((body) => {
          const href = linkHref(body.instructions ?? body.site);
          const name = localizedText(body.name, locale);
          return html`<li>${href ? html`<a class="egov-link" href=${href} target="_blank" rel="noopener">${name}</a>` : name}</li>`;
        })}
      </ul>
    </details>`;
  }

  #renderPhase(t: Texts): TemplateResult {
    const phase = this.phase;
    switch (phase.kind) {
      case 'connecting':
        return html`<p class="egov-text" role="status">${t.agentLooking}</p>`;
      case 'approve':
        return html`<div class="egov-notice" role="region" aria-labelledby=${this.partId('status')} data-state="approve">
          ${this.renderHeading(1, t.agentApproveTitle, { className: 'egov-notice-title', id: this.partId('status'), focusable: true })}
          <p>${t.agentApproveBody}</p>
          <p class="egov-code" aria-label=${[...phase.code].join(' ')}>${phase.code}</p>
        </div>`;
      case 'problem':
        return this.#renderProblem(t, phase.code);
      case 'locked':
        return this.#renderLocked(t, phase.body, phase.issuer);
      case 'signing':
      case 'list':
        return this.#renderList(t, phase.kind === 'signing');
    }
  }

  #renderProblem(t: Texts, code: AgentProblem): TemplateResult {
    const [title, body] = problemTexts(t, code);
    const retry = code !== 'page_blocked' && code !== 'not_set_up';
    return html`<div class="egov-notice" role="region" aria-labelledby=${this.partId('status')} data-problem=${code}>
        ${this.renderHeading(1, title, { className: 'egov-notice-title', id: this.partId('status'), focusable: true })}
        <p>${body}</p>
        ${code === 'not_installed'
          ? html`<p><a class="egov-link" href=${FORTIFY_DOWNLOAD} target="_blank" rel="noopener">${t.agentDownload}</a></p>`
          : nothing}
      </div>
      ${retry ? html`<button type="button" class="egov-button egov-next-step" @click=${() => void this.#start(true)}>${t.tryAgain}</button>` : nothing}
      ${this.#fallback(code)}`;
  }

  #renderLocked(t: Texts, body: CertificationBody | undefined, issuer: string): TemplateResult {
    const locale = this.config.i18n.locale;
    // The directory's guidance already says to contact the body; the kit's own words say it only without one.
    return html`<div class="egov-notice egov-notice--error" role="region" aria-labelledby=${this.partId('status')} data-state="locked">
        ${this.renderHeading(1, t.pinLockedTitle, { className: 'egov-notice-title', id: this.partId('status'), focusable: true })}
        <p>${body ? localizedText(body.pinUnblock, locale) : t.pinLockedBody}</p>
        <ul class="egov-list egov-contacts">
          <li>${t.caBody}: <strong>${body ? localizedText(body.name, locale) : issuer}</strong></li>
          ${body
            ? html`${contact(t.caSite, body.site, linkHref(body.site), true)}
              ${body.support.url !== body.site ? contact(t.caSupport, body.support.url, linkHref(body.support.url), true) : nothing}
              ${contact(t.caPhone, body.support.phone, telHref(body.support.phone))}
              ${contact(t.caEmail, body.support.email, mailtoHref(body.support.email))}`
            : nothing}
        </ul>
      </div>
      ${this.#startedUi === 'peculiar'
        ? nothing
        : html`<button type="button" class="egov-button egov-next-step" @click=${() => this.#chooseAnother()}>${t.chooseAnother}</button>`}
      ${this.#fallback('pin_locked')}`;
  }

  #renderList(t: Texts, signing = false): TemplateResult {
    const usable = this.items.filter((i) => i.description.usable);
    const hidden = this.items.filter((i) => !i.description.usable);
    const note = this.note
      ? html`<p class="egov-notice egov-notice--error" role="alert" id=${this.partId('note')} tabindex="-1">${this.note(t)}</p>`
      : nothing;
    // While signing, the certificate being used; after a choice, the chosen one.
    const chosenId = signing ? this.#selected?.token.id : this.folded ? this.chosenId : undefined;
    const chosen = chosenId === undefined ? undefined : usable.find((item) => item.token.id === chosenId);
    if (chosen) {
      // A group, not a region: its heading already names it, and a page may
      // hold several pickers (a gallery), whose landmarks would share a name.
      return html`${note}
        <div class="egov-chosen" role="group" aria-labelledby=${this.partId('chosen')} data-state=${signing ? 'signing' : 'chosen'}>
          ${this.renderHeading(1, t.chosenCertificate, { className: 'egov-chosen-title', id: this.partId('chosen'), focusable: true })}
          <ul class="egov-certificates" aria-labelledby=${this.partId('chosen')}>
            ${this.#renderItem(t, chosen, { folded: true, action: !signing && !!this.note })}
          </ul>
          ${signing
            ? html`<p class="egov-text" role="status">${t.pinEnterInAgent(this.agentLabel)}</p>`
            : html`<button type="button" class="egov-button egov-button--secondary" @click=${() => this.#chooseAnother()}>${t.chooseAnother}</button>`}
        </div>`;
    }
    if (signing) return html`<p class="egov-text" role="status" data-state="signing">${t.pinEnterInAgent(this.agentLabel)}</p>`;
    return html`${note}
      ${usable.length === 0
        ? html`<div class="egov-notice" role="region" aria-labelledby=${this.partId('status')} data-state="none-usable">
              ${this.renderHeading(1, t.noUsableTitle, { className: 'egov-notice-title', id: this.partId('status'), focusable: true })}
              <p>${t.noUsableBody}</p>
            </div>
            <button type="button" class="egov-button egov-next-step" @click=${() => void this.#start(true)}>${t.tryAgain}</button>
            ${this.#fallback('no_usable_certificate')}`
        : html`<ul class="egov-certificates" aria-label=${t.usableCertificates}>
            ${usable.map((item) => this.#renderItem(t, item, { folded: false, action: !this.refused.has(item.token.id) }))}
          </ul>`}
      ${hidden.length > 0
        ? html`<details class="egov-details">
            <summary>${t.hiddenCertificates(hidden.length)}</summary>
            <ul>
              ${hidden.map(
                (item) => html`<li data-hidden=${item.description.hiddenBecause ?? ''}>
                  ${item.description.holderName} (${item.description.issuer.name}): ${hiddenText(t, item.description.hiddenBecause)}
                </li>`,
              )}
            </ul>
          </details>`
        : nothing}`;
  }

  /**
   * One certificate, with what tells it apart from a look-alike (same holder,
   * CA and dates): its purpose, short serial number, e-mail and the card or
   * token it is on; the PIN state; a refusal, said here rather than only above.
   */
  #renderItem(t: Texts, item: Item, options: { folded: boolean; action: boolean }): TemplateResult {
    const d = item.description;
    const id = item.token.id;
    const infoId = this.partId(this.#itemPart(id, 'info'));
    const warning = pinWarning(t, item.pin);
    const refusal = this.refused.get(id);
    const chosen = id === this.chosenId;
    // Folded, the heading above says it is the chosen one.
    const marked = chosen && !options.folded;
    const purpose = purposeText(t, d.purposes);
    return html`<li
      class="egov-certificate ${marked ? 'egov-certificate--chosen' : ''} ${refusal ? 'egov-certificate--refused' : ''}"
      data-certificate=${id}
      aria-current=${chosen ? 'true' : nothing}
    >
      <div class="egov-certificate-info" id=${infoId}>
        <p class="egov-certificate-holder">
          ${d.holderName}${marked ? html` <span class="egov-tag" data-chosen>${t.chosenMark}</span>` : nothing}
        </p>
        ${purpose ? html`<p>${t.purpose(purpose)}</p>` : nothing}
        ${d.authenticationOnly ? html`<p class="egov-hint" data-lower-assurance>${t.lowerAssuranceNote}</p>` : nothing}
        <p class="egov-hint">${t.issuedBy(d.issuer.name)} · ${t.validUntil(formatDate(d.notAfter, this.config.i18n.locale))}</p>
        <p class="egov-hint">${t.serialNumber(shortSerialNumber(d.serialNumber))}</p>
        ${d.email ? html`<p class="egov-hint">${t.certificateEmail(d.email)}</p>` : nothing}
        <p class="egov-hint">${t.onToken(item.token.tokenLabel)}</p>
        ${warning ? html`<p class="egov-warning" data-pin-warning>${warning}</p>` : nothing}
        ${refusal
          ? html`<p class="egov-warning" role="alert" id=${this.partId(this.#itemPart(id, 'refused'))} tabindex="-1" data-refused=${refusal}>
              ${t.certificateRefused(refusalText(t, refusal))}
            </p>
            ${this.#fallback('certificate_refused')}`
          : nothing}
      </div>
      ${options.action
        ? html`<button
            type="button"
            class="egov-button"
            id=${this.partId(this.#itemPart(id, 'use'))}
            aria-describedby=${infoId}
            @click=${() => this.#choose(item)}
          >
            ${this.actionLabel ?? t.useCertificate}
          </button>`
        : nothing}
    </li>`;
  }
}
