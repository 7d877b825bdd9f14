import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { AuthClient, AuthError } from '../../client/auth-client.js';
import type { AccountState, ConfirmEmailResponse } from '../../client/contract.js';
import { catalog, type TextsOf } from '../../i18n/catalog.js';
import { commonTexts } from '../../i18n/parts/common.js';
import { problemTexts } from '../../i18n/parts/problems.js';
import { emailConfirmTexts } from '../../i18n/parts/email-confirm.js';
import { problemView } from '../../internal/problem-view.js';
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

/** Nothing: the page needs no more than that the registration is gone. */
export type EgovRegistrationDeclinedDetail = Record<string, never>;

declare global {
  interface HTMLElementTagNameMap {
    'egov-email-confirm': EgovEmailConfirm;
  }
  interface GlobalEventHandlersEventMap {
    'egov-email-confirmed': CustomEvent<EgovEmailConfirmedDetail>;
    'egov-registration-declined': CustomEvent<EgovRegistrationDeclinedDetail>;
  }
}

type Phase =
  | { kind: 'asking' }
  | { kind: 'confirming' }
  | { kind: 'declining' }
  | { kind: 'declined' }
  | { kind: 'done'; response: ConfirmEmailResponse }
  | { kind: 'invalid' }
  | { kind: 'missing' }
  | { kind: 'failed'; problem: Problem<Texts> };

/** The texts `<egov-email-confirm>` uses. */
const texts = catalog(commonTexts, problemTexts, emailConfirmTexts);
export type EgovEmailConfirmTexts = TextsOf<typeof texts>;
type Texts = EgovEmailConfirmTexts;

/**
 * The page the confirmation e-mail links to. Takes the token from its
 * `token` attribute or from the address bar (and removes it from there) and
 * asks: confirm, or "this was not me", which deletes the registration.
 * Nothing is confirmed on page load — a mail scanner that opens links and
 * runs their scripts confirms nothing (security requirement 43, docs/security-requirements.md). Then it says what
 * happens next. An expired or used link offers to send a new one.
 *
 * @summary Confirms a registration from the e-mail's link.
 * @tag egov-email-confirm
 * @event {CustomEvent<EgovEmailConfirmedDetail>} egov-email-confirmed - The address is confirmed (`detail.result`: `confirmed` or `already_confirmed`); `detail.accountState` says what is next.
 * @event {CustomEvent<EgovRegistrationDeclinedDetail>} egov-registration-declined - The person chose "This was not me" and the unconfirmed registration is deleted (`detail` is empty).
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
export class EgovEmailConfirm extends EgovFormElement<Texts> {
  static override properties: PropertyDeclarations = {
    tokenAttribute: { attribute: 'token' },
    phase: { state: true, attribute: false },
  };

  constructor() {
    super(texts, [], problemView);
  }

  /** The token, when the page passes it itself; otherwise `?token=` of the page's URL. */
  tokenAttribute?: string;

  private phase: Phase = { kind: 'asking' };
  /** Held only until it is sent; never rendered, never in an attribute or event. */
  #token: string | undefined;
  #started = false;

  readonly #resend = new EmailRequest(
    this,
    (email) => this.call('resend', (client, signal) => client.resendConfirmation({ email, locale: this.config.i18n.locale }, { signal })),
    (outcome) => this.focusAfterRender(outcome === 'sent' ? 'resent' : 'summary'),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#started) return;
    this.#started = true;
    this.#token = takeToken(this, this.tokenAttribute);
    if (!this.#token) this.phase = { kind: 'missing' };
  }

  #confirm = (): void =>
    void this.#send({ kind: 'confirming' }, async (client, token, signal) => {
      const response = await client.confirmEmail(token, { signal });
      this.phase = { kind: 'done', response };
      this.emit('egov-email-confirmed', { result: response.result, accountState: response.accountState });
    });

  #decline = (): void =>
    void this.#send({ kind: 'declining' }, async (client, token, signal) => {
      await client.declineRegistration(token, { signal });
      this.phase = { kind: 'declined' };
      this.emit('egov-registration-declined', {});
    });

  /** One answer to the question, sent once; a second click while it is on its way does nothing. */
  async #send(
    busy: Phase,
    task: (client: AuthClient, token: string, signal: AbortSignal) => Promise<void>,
  ): Promise<void> {
    const token = this.#token;
    if (!token || this.phase.kind !== 'asking') return;
    this.#token = undefined;
    this.phase = busy;
    try {
      await this.call('confirm', (client, signal) => task(client, token, signal));
    } catch (error) {
      const failure = error as AuthError;
      if (failure.code === 'aborted') return;
      if (failure.code === 'token_invalid' || failure.code === 'validation_failed') {
        this.phase = { kind: 'invalid' };
      } else {
        // Kept, so "Try again" asks the same question with the same link.
        this.#token = token;
        this.phase = { kind: 'failed', problem: serviceProblem(failure) };
      }
    }
    this.focusAfterRender('status');
  }

  #retry = (): void => {
    this.phase = { kind: 'asking' };
    this.focusAfterRender('status');
  };

  protected override render(): TemplateResult {
    const t = this.t;
    return this.renderFrame(t.confirmHeading, () => {
      switch (this.phase.kind) {
        case 'asking':
          return this.#renderQuestion(t);
        case 'confirming':
          return html`<p class="egov-text" role="status">${t.confirming}</p>`;
        case 'declining':
          return html`<p class="egov-text" role="status">${t.declining}</p>`;
        case 'declined':
          return this.#renderDeclined(t);
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

  #renderQuestion(t: Texts): TemplateResult {
    return html`<div class="egov-notice" role="region" aria-labelledby=${this.partId('status')} data-state="asking">
        ${this.renderHeading(1, t.confirmQuestion, { className: 'egov-notice-title', id: this.partId('status'), focusable: true })}
        <p>${t.confirmQuestionBody}</p>
      </div>
      <p class="egov-text">
        <button type="button" class="egov-button" data-answer="confirm" @click=${this.#confirm}>${t.confirmButton}</button>
        <button type="button" class="egov-button egov-button--secondary" data-answer="decline" @click=${this.#decline}>${t.declineButton}</button>
      </p>`;
  }

  #renderDeclined(t: Texts): TemplateResult {
    // In the person's current language: the page behind each link opens in it.
    const links = { register: this.config.link('register'), login: this.config.link('login') };
    return html`<div class="egov-notice egov-notice--success" role="region" aria-labelledby=${this.partId('status')} data-state="declined">
      ${this.renderHeading(1, t.declinedTitle, { className: 'egov-notice-title', id: this.partId('status'), focusable: true })}
      <p>${t.declinedBody}</p>
      ${links.register ? html`<p><a class="egov-link" href=${links.register}>${t.register}</a></p>` : nothing}
    </div>`;
  }

  #renderDone(t: Texts, response: ConfirmEmailResponse): TemplateResult {
    // In the person's current language: the page behind each link opens in it.
    const links = { register: this.config.link('register'), login: this.config.link('login') };
    const active = response.accountState === 'active';
    return html`<div class="egov-notice egov-notice--success" role="region" aria-labelledby=${this.partId('status')} data-state=${response.accountState}>
      ${this.renderHeading(1, response.result === 'confirmed' ? t.confirmedTitle : t.alreadyConfirmedTitle, {
        className: 'egov-notice-title',
        id: this.partId('status'),
        focusable: true,
      })}
      <p>${active ? t.accountActiveBody : t.awaitingReviewBody}</p>
      ${active && links.login ? html`<p><a class="egov-link" href=${links.login}>${t.logIn}</a></p>` : nothing}
    </div>`;
  }

  #renderNewLink(t: Texts, title: string): TemplateResult {
    const sentTo = this.#resend.sentTo;
    return html`<div class="egov-notice" role="region" aria-labelledby=${this.partId('status')} data-state="invalid">
        ${this.renderHeading(1, title, { className: 'egov-notice-title', id: this.partId('status'), focusable: true })}
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
