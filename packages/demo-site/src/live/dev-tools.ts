// The demo's window into the mock server's development operations: the
// outbox (the mock sends no e-mail) and the reviewer's queue. Demo-site
// code only; the kit has nothing of this. On the live pages they sit beside
// the kit's element and follow the journey: the mailbox takes the address
// from the kit's form and events, the reviewer's queue refreshes when an
// address is confirmed.
import { localeDirection, localeInfo, parseLocale, type Locale } from '@egov/auth-widgets';
import {
  API_PATHS,
  CSRF_HEADER,
  REGISTRATION_FIELDS,
  REVIEWER_TOKEN_HEADER,
  apiPath,
  type DevDocument,
  type DevOutboxResponse,
  type DevRegistration,
  type DevRegistrationsResponse,
  type OutboxMessage,
  type RegistrationFieldName,
  type SessionResponse,
} from '@egov/auth-widgets/contract';
import { formatDate, formatTime } from '@egov/auth-widgets/i18n/date-format';
import { registerTexts } from '@egov/auth-widgets/i18n/parts/register';
import { LitElement, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import type { DemoTexts } from '../demo-texts.ts';
import { demoTexts, liveTexts } from '../locales/index.ts';
import type { LiveTexts } from './texts.ts';
import { VIEW_PARAMS, onLocaleChange, pageLocale } from '../view-settings.ts';

type KitTexts = Awaited<ReturnType<typeof registerTexts.load>>;
type KitLabel = { [K in keyof KitTexts]: KitTexts[K] extends string ? K : never }[keyof KitTexts];

const API = '/api';
/** The reviewer token `npm start` gives the mock server (scripts/start.mjs). */
const DEMO_REVIEWER_TOKEN = 'demo-reviewer';
/** The mailbox's address, kept for the tab: the journey goes on on the page its links open. */
const MAILBOX_KEY = 'egov-demo-mailbox';

/** The reviewer decided: the mailbox beside shows the e-mail that went out. */
export interface DemoReviewDecidedDetail {
  email: string;
  decision: 'approve' | 'reject';
}

declare global {
  interface GlobalEventHandlersEventMap {
    'demo-review-decided': CustomEvent<DemoReviewDecidedDetail>;
  }
}

/**
 * The page's language, as main.ts applies it: from ?locale=, and again
 * whenever the language menu changes <html lang>. The reviewer reads the
 * registration fields under the labels the person saw in the form, so the
 * kit's registration texts load with it; nothing renders before they arrive.
 */
class PageLocale implements ReactiveController {
  locale: Locale = 'en';
  kit: KitTexts | undefined;
  readonly #host: ReactiveControllerHost;
  #stopFollowing: (() => void) | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  get texts(): DemoTexts {
    return demoTexts(this.locale);
  }

  get live(): LiveTexts {
    return liveTexts(this.locale);
  }

  hostConnected(): void {
    this.#stopFollowing = onLocaleChange(() => void this.#follow());
    void this.#follow();
  }

  hostDisconnected(): void {
    this.#stopFollowing?.();
  }

  async #follow(): Promise<void> {
    const locale = pageLocale();
    const kit = await registerTexts.load(locale);
    // A later switch of language wins over this one.
    if (locale !== pageLocale()) return;
    this.locale = locale;
    this.kit = kit;
    this.#host.requestUpdate();
  }

  /** "3 December 2031 at 15:04", "3. децембра 2031. у 15:04". */
  dateTime(iso: string): string {
    const date = new Date(iso);
    return this.texts.dateTime(formatDate(date, this.locale), formatTime(date));
  }
}

async function post(path: string, body: unknown): Promise<Response> {
  const session = (await (await fetch(`${API}${API_PATHS.session}`)).json()) as SessionResponse;
  return fetch(`${API}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: session.csrfToken, [REVIEWER_TOKEN_HEADER]: DEMO_REVIEWER_TOKEN },
    body: JSON.stringify(body),
  });
}

/** The kit's events after which the backend may have sent mail. */
const MAIL_EVENTS = ['egov-registration-submitted', 'egov-password-reset-requested', 'egov-password-changed', 'egov-email-confirmed'] as const;

/** A form the kit's elements render (light DOM), not one of the page's own. */
function inKit(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) if (node.localName.startsWith('egov-')) return true;
  return false;
}

/**
 * Where a message's link takes the person on this demo: the page it names
 * (in the message's language), with the theme and width the designer chose.
 * (The mock server runs with --login-path /login.html: "your account is
 * active" opens the login page, not the demo's home.)
 */
function demoHref(message: OutboxMessage): string {
  const url = new URL(message.link!, location.href);
  const current = new URLSearchParams(location.search);
  for (const param of VIEW_PARAMS) {
    const value = current.get(param);
    if (value && !url.searchParams.has(param)) url.searchParams.set(param, value);
  }
  return url.origin === location.origin ? url.pathname + url.search + url.hash : url.href;
}

class DemoOutbox extends LitElement {
  static override properties = { messages: { state: true }, failedStatus: { state: true }, address: { state: true }, draft: { state: true } };
  messages: OutboxMessage[] | undefined;
  failedStatus: number | undefined;
  /** Whose messages are shown. */
  address = '';
  /** What the address field holds: typed here, or filled in by the journey. */
  draft = '';
  /** The address last sent in one of the kit's forms (the reset's step 1 tells nothing else). */
  #submitted = '';
  #requests = 0;
  readonly #locale = new PageLocale(this);

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Capture: the kit's own handler may replace the form once it is sent.
    document.addEventListener('submit', this.#onSubmit, true);
    for (const name of MAIL_EVENTS) document.addEventListener(name, this.#onMail);
    document.addEventListener('demo-review-decided', this.#onDecided);
    const kept = sessionStorage.getItem(MAILBOX_KEY);
    if (kept) void this.#show(kept);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('submit', this.#onSubmit, true);
    for (const name of MAIL_EVENTS) document.removeEventListener(name, this.#onMail);
    document.removeEventListener('demo-review-decided', this.#onDecided);
  }

  readonly #onSubmit = (event: Event): void => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !inKit(form)) return;
    const email = form.querySelector<HTMLInputElement>('input[type=email]')?.value.trim();
    if (email) this.#submitted = email;
  };

  readonly #onMail = (event: Event): void => {
    const detail = (event as CustomEvent<{ email?: string } | undefined>).detail;
    const to = detail?.email || (event.type === 'egov-password-reset-requested' && this.#submitted) || this.address || this.#submitted;
    if (to) void this.#show(to);
  };

  readonly #onDecided = (event: CustomEvent<DemoReviewDecidedDetail>): void => void this.#show(event.detail.email);

  async #show(address: string): Promise<void> {
    this.address = address;
    this.draft = address;
    sessionStorage.setItem(MAILBOX_KEY, address);
    // A later request wins over an earlier one that answers late.
    const request = ++this.#requests;
    const response = await fetch(`${API}${API_PATHS.devOutbox}?to=${encodeURIComponent(address)}`);
    const messages = response.ok ? ((await response.json()) as DevOutboxResponse).messages.reverse() : undefined;
    if (request !== this.#requests) return;
    this.failedStatus = response.ok ? undefined : response.status;
    this.messages = messages;
  }

  #load(event: SubmitEvent): void {
    event.preventDefault();
    const to = new FormData(event.currentTarget as HTMLFormElement).get('to') as string;
    void this.#show(to.trim());
  }

  #status(t: DemoTexts, l: LiveTexts): string {
    if (!this.messages) return '';
    return this.messages.length === 0 ? t.noMessages : l.messageCount(this.messages.length, this.address);
  }

  protected override render() {
    if (!this.#locale.kit) return nothing;
    const t = this.#locale.texts;
    const l = this.#locale.live;
    return html`<form class="demo-form" @submit=${this.#load}>
        <label for="outbox-to">${t.outboxAddress}</label>
        <input
          id="outbox-to"
          class="demo-input"
          name="to"
          type="email"
          required
          autocomplete="off"
          .value=${live(this.draft)}
          @input=${(e: InputEvent) => (this.draft = (e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="demo-button">${t.showMessages}</button>
      </form>
      ${this.address ? nothing : html`<p class="demo-mailbox-waiting">${l.mailboxWaiting}</p>`}
      ${this.failedStatus ? html`<p role="alert">${t.serverAnswered(this.failedStatus)}</p>` : nothing}
      <p class="demo-mailbox-status" role="status">${this.#status(t, l)}</p>
      ${this.messages?.map((m, index) => {
        const language = parseLocale(m.locale);
        // The message is in its own language; what the page says about it, in the page's.
        // The newest one is open; the others fold away, so the reviewer's panel stays near.
        return html`<article class="demo-message" data-kind=${m.kind}>
          <h3 lang=${m.locale} dir=${localeDirection(language ?? 'en')}>${m.subject}</h3>
          <p class="demo-meta">${t.messageMeta(language ? (localeInfo(language)?.name ?? m.locale) : m.locale, this.#locale.dateTime(m.sentAt))}</p>
          ${m.link ? html`<p><a class="demo-message-link" href=${demoHref(m)}>${m.kind === 'account_approved' ? l.openLogin : t.openLink}</a></p>` : nothing}
          <details class="demo-message-text" ?open=${index === 0}>
            <summary>${l.messageText}</summary>
            <pre lang=${m.locale} dir=${localeDirection(language ?? 'en')}>${m.text}</pre>
          </details>
        </article>`;
      })}`;
  }
}

/** Where each registration field's label is in the kit's texts: the reviewer reads what the person read. */
const FIELD_LABELS: Record<RegistrationFieldName, KitLabel> = {
  givenName: 'givenNameLabel',
  surname: 'surnameLabel',
  dateOfBirth: 'dateOfBirthLabel',
  sex: 'sexLegend',
  citizenship: 'citizenshipLabel',
  documentNumber: 'documentNumberLabel',
  foreignerNumber: 'foreignerNumberLabel',
  addressInSerbia: 'addressLabel',
  phone: 'phoneLabel',
};

const SEX_LABELS: Record<string, KitLabel> = { F: 'sexFemale', M: 'sexMale', X: 'sexUnspecified' };

/** A field's value as people read it: codes (sex, country) and the ISO date in words. */
function fieldValue(name: RegistrationFieldName, value: string, kit: KitTexts, locale: Locale): string {
  if (name === 'sex') return SEX_LABELS[value] ? kit[SEX_LABELS[value]] : value;
  if (name === 'citizenship') return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(value) ?? value;
  if (name === 'dateOfBirth') {
    const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return parts ? formatDate(new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])), locale) : value;
  }
  return value;
}

function userTypeLabel(id: string, kit: KitTexts, t: DemoTexts): string {
  if (id === 'foreign_citizen') return kit.userTypeForeignCitizen;
  if (id === 'serbian_citizen') return kit.userTypeSerbianCitizen;
  if (id === 'certificate') return t.userTypeCertificate;
  return id;
}

/** "PDF, 120 kB". */
function documentSummary(d: DevDocument, locale: Locale): string {
  const kind = d.type.split('/')[1]?.toUpperCase() ?? d.type;
  const size = new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(Math.max(1, d.size / 1000));
  return `${kind}, ${size}`;
}

/** What the last approve or reject did, kept as data so it is said again in a newly chosen language. */
type Outcome = { decision: 'approve' | 'reject'; email: string; status?: number };

class DemoReview extends LitElement {
  static override properties = { registrations: { state: true }, unavailable: { state: true }, outcome: { state: true } };
  registrations: DevRegistration[] = [];
  unavailable: number | undefined;
  outcome: Outcome | undefined;
  readonly #locale = new PageLocale(this);

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A confirmed address is what puts a registration in the queue.
    document.addEventListener('egov-email-confirmed', this.#onConfirmed);
    void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('egov-email-confirmed', this.#onConfirmed);
  }

  readonly #onConfirmed = (): void => void this.#load();

  async #load(): Promise<void> {
    const response = await fetch(`${API}${API_PATHS.devRegistrations}?state=pending_review`, {
      headers: { [REVIEWER_TOKEN_HEADER]: DEMO_REVIEWER_TOKEN },
    });
    this.unavailable = response.ok ? undefined : response.status;
    this.registrations = response.ok ? ((await response.json()) as DevRegistrationsResponse).registrations : [];
  }

  async #decide(registration: DevRegistration, decision: 'approve' | 'reject', form?: HTMLFormElement): Promise<void> {
    const path =
      decision === 'approve'
        ? apiPath(API_PATHS.devApproveRegistration, { id: registration.id })
        : apiPath(API_PATHS.devRejectRegistration, { id: registration.id });
    const reason = form ? String(new FormData(form).get('reason') ?? '') : '';
    const response = await post(path, decision === 'approve' ? {} : { reason });
    this.outcome = { decision, email: registration.email, ...(response.ok ? {} : { status: response.status }) };
    if (response.ok) {
      const detail: DemoReviewDecidedDetail = { email: registration.email, decision };
      this.dispatchEvent(new CustomEvent('demo-review-decided', { detail, bubbles: true, composed: true }));
    }
    await this.#load();
    // The entry with the button that was pressed is gone: the focus goes to
    // what happened, not to the top of the page.
    await this.updateComplete;
    this.querySelector<HTMLElement>('[data-outcome]')?.focus();
  }

  /** Documents need the reviewer header, so they are fetched and handed over as a download. */
  async #download(registration: DevRegistration, documentId: string, name: string): Promise<void> {
    const response = await fetch(`${API}${apiPath(API_PATHS.devRegistrationDocument, { id: registration.id, documentId })}`, {
      headers: { [REVIEWER_TOKEN_HEADER]: DEMO_REVIEWER_TOKEN },
    });
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement('a'), { href: url, download: name });
    link.click();
    URL.revokeObjectURL(url);
  }

  #renderOutcome(t: DemoTexts, outcome: Outcome) {
    const failed = outcome.status !== undefined;
    const text = failed
      ? t.decisionFailed(outcome.email, outcome.status!)
      : outcome.decision === 'approve'
        ? t.approved(outcome.email)
        : t.rejected(outcome.email);
    return html`<p class="demo-status" role=${failed ? 'alert' : 'status'} tabindex="-1" data-outcome=${failed ? 'failed' : outcome.decision}>${text}</p>`;
  }

  protected override render() {
    const kit = this.#locale.kit;
    if (!kit) return nothing;
    const t = this.#locale.texts;
    const locale = this.#locale.locale;
    return html`${this.unavailable ? html`<p role="alert">${t.reviewUnavailable(this.unavailable)}</p>` : nothing}
      ${this.outcome ? this.#renderOutcome(t, this.outcome) : nothing}
      <p><button type="button" class="demo-button" @click=${() => this.#load()}>${t.refresh}</button></p>
      ${this.registrations.length === 0 ? html`<p>${t.nothingToReview}</p>` : nothing}
      ${this.registrations.map(
        (r) => html`<article class="demo-message" data-registration=${r.email}>
          <h3>${r.email}</h3>
          <dl class="demo-fields">
            <dt>${t.registeringAs}</dt>
            <dd>${userTypeLabel(r.userType, kit, t)}</dd>
            ${REGISTRATION_FIELDS.filter((name) => r.fields[name]).map(
              (name) => html`<dt>${kit[FIELD_LABELS[name]]}</dt><dd>${fieldValue(name, r.fields[name]!, kit, locale)}</dd>`,
            )}
            ${r.noForeignerNumber ? html`<dt>${kit.foreignerNumberLabel}</dt><dd>${kit.noForeignerNumber}</dd>` : nothing}
            <dt>${t.registeredAt}</dt>
            <dd>${this.#locale.dateTime(r.registeredAt)}</dd>
          </dl>
          ${r.documents.length
            ? html`<h4>${t.documents}</h4>
                <ul>
                  ${r.documents.map(
                    (d) => html`<li>
                      <button type="button" class="demo-button demo-button--link" @click=${() => this.#download(r, d.id, d.name)}>
                        ${t.download} ${d.name}
                      </button>
                      (${documentSummary(d, locale)})
                    </li>`,
                  )}
                </ul>`
            : nothing}
          <p><button type="button" class="demo-button" @click=${() => this.#decide(r, 'approve')}>${t.approve}</button></p>
          <form class="demo-form" @submit=${(e: SubmitEvent) => (e.preventDefault(), this.#decide(r, 'reject', e.currentTarget as HTMLFormElement))}>
            <label for=${`reason-${r.id}`}>${t.rejectReason}</label>
            <input id=${`reason-${r.id}`} class="demo-input" name="reason" required />
            <button type="submit" class="demo-button">${t.reject}</button>
          </form>
        </article>`,
      )}`;
  }
}

customElements.define('demo-outbox', DemoOutbox);
customElements.define('demo-review', DemoReview);
