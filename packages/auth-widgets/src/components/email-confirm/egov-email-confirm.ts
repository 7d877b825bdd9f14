import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AuthError } from '../../client/auth-client.js';
import type { AccountState, ConfirmEmailResponse } from '../../client/contract.js';
import { catalog, type TextsOf } from '../../i18n/catalog.js';
import { commonTexts } from '../../i18n/parts/common.js';
import { emailConfirmTexts } from '../../i18n/parts/email-confirm.js';
import { EgovFormElement } from '../../internal/egov-form-element.js';
import { EmailRequest } from '../../internal/email-request.js';
import { serviceProblem } from '../../internal/service-problems.js';
import type { Problem } from '../../internal/problems.js';
import { takeToken } from '../../internal/token-from-url.js';

export interface EgovEmailConfirmedDetail {
  result: ConfirmEmailResponse['result'];
  /** `pending_review` (documents are checked within 24 h) or `active`. */
  accountState: AccountState;
}

declare global {
  interface HTMLElementTagNameMap {
    'egov-email-confirm': EgovEmailConfirm;
  }
  interface GlobalEventHandlersEventMap {
    'egov-email-confirmed': CustomEvent<EgovEmailConfirmedDetail>;
  }
}

type Phase =
  | { kind: 'confirming' }
  | { kind: 'done'; response: ConfirmEmailResponse }
  | { kind: 'invalid' }
  | { kind: 'missing' }
  | { kind: 'failed'; problem: Problem<Texts> };

/** The texts `<egov-email-confirm>` uses. */
const texts = catalog(commonTexts, emailConfirmTexts);
export type EgovEmailConfirmTexts = TextsOf<typeof texts>;
type Texts = EgovEmailConfirmTexts;

/**
 * The page the confirmation e-mail links to. Takes the token from its
 * `token` attribute or from the address bar (and removes it from there),
 * confirms it once, and says what happens next. An expired or used link
 * offers to send a new one.
 *
 * @summary Confirms a registration from the e-mail's link.
 * @tag egov-email-confirm
 * @event {CustomEvent<EgovEmailConfirmedDetail>} egov-email-confirmed - The address is confirmed (`detail.result`: `confirmed` or `already_confirmed`); `detail.accountState` says what is next.
 * @cssprop [--egov-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif] - Font of every text.
 * @cssprop [--egov-font-size=1rem] - Base font size.
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
export class EgovEmailConfirm extends EgovFormElement<Texts> {
  constructor() {
    super(texts);
  }

  /** The token, when the page passes it itself; otherwise `?token=` of the page's URL. */
  @property({ attribute: 'token' }) tokenAttribute?: string;

  @state() private phase: Phase = { kind: 'confirming' };
  /** Held only until it is sent; never rendered, never in an attribute or event. */
  #token: string | undefined;
  #started = false;

  readonly #resend = new EmailRequest(
    this,
    (email) => this.call((client, signal) => client.resendConfirmation({ email, locale: this.config.i18n.locale }, { signal })),
    (outcome) => this.focusAfterRender(outcome === 'sent' ? 'resent' : 'summary'),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#started) return;
    this.#started = true;
    this.#token = takeToken(this, this.tokenAttribute);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Once the configuration is there (a provider may arrive after the first render).
    if (this.phase.kind === 'confirming' && !this.#sending && this.config.result.ok) void this.#confirm();
  }

  #sending = false;

  async #confirm(): Promise<void> {
    const token = this.#token;
    this.#token = undefined;
    if (!token) {
      this.phase = { kind: 'missing' };
      return;
    }
    this.#sending = true;
    try {
      const response = await this.call((client, signal) => client.confirmEmail(token, { signal }));
      this.phase = { kind: 'done', response };
      this.emit('egov-email-confirmed', { result: response.result, accountState: response.accountState });
    } catch (error) {
      const failure = error as AuthError;
      if (failure.code === 'aborted') return;
      if (failure.code === 'token_invalid' || failure.code === 'validation_failed') {
        this.phase = { kind: 'invalid' };
      } else {
        // Kept, so "Try again" can send the same token once more.
        this.#token = token;
        this.phase = { kind: 'failed', problem: serviceProblem(failure) };
      }
    } finally {
      this.#sending = false;
    }
    this.focusAfterRender('status');
  }

  #retry = (): void => {
    this.phase = { kind: 'confirming' };
  };

  protected override render(): TemplateResult {
    const t = this.t;
    return this.renderFrame(t.confirmHeading, () => {
      switch (this.phase.kind) {
        case 'confirming':
          return html`<p class="egov-text" role="status">${t.confirming}</p>`;
        case 'done':
          return this.#renderDone(t, this.phase.response);
        case 'failed':
          return html`${this.renderSummary([this.phase.problem])}
            <p class="egov-text" id=${this.partId('status')} tabindex="-1">
              <button type="button" class="egov-button" @click=${this.#retry}>${t.tryAgain}</button>
            </p>`;
        case 'invalid':
        case 'missing':
          return this.#renderNewLink(t, this.phase.kind === 'invalid' ? t.tokenInvalidTitle : t.confirmLinkMissingTitle);
      }
    });
  }

  #renderDone(t: Texts, response: ConfirmEmailResponse): TemplateResult {
    const links = this.config.result.ok ? this.config.result.config.links : {};
    const active = response.accountState === 'active';
    return html`<div class="egov-notice egov-notice--success" role="region" aria-labelledby=${this.partId('status')} data-state=${response.accountState}>
      <h3 class="egov-notice-title" id=${this.partId('status')} tabindex="-1">
        ${response.result === 'confirmed' ? t.confirmedTitle : t.alreadyConfirmedTitle}
      </h3>
      <p>${active ? t.accountActiveBody : t.awaitingReviewBody}</p>
      ${active && links.login ? html`<p><a class="egov-link" href=${links.login}>${t.logIn}</a></p>` : nothing}
    </div>`;
  }

  #renderNewLink(t: Texts, title: string): TemplateResult {
    const sentTo = this.#resend.sentTo;
    return html`<div class="egov-notice" role="region" aria-labelledby=${this.partId('status')} data-state="invalid">
        <h3 class="egov-notice-title" id=${this.partId('status')} tabindex="-1">${title}</h3>
        <p>${t.newConfirmationLinkBody}</p>
      </div>
      ${sentTo
        ? html`<div class="egov-notice egov-notice--success" role="status">
            <p id=${this.partId('resent')} tabindex="-1">${t.confirmationResent(sentTo)}</p>
          </div>`
        : this.#resend.render({
            t,
            field: 'email',
            inputId: this.partId('email'),
            formatTime: this.formatTime,
            label: t.emailLabel,
            submitLabel: t.sendNewLink,
            summary: (problems) => this.renderSummary(problems),
          })}`;
  }
}
