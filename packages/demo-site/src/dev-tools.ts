// The demo's window into the mock server's development operations: the
// outbox (the mock sends no e-mail) and the reviewer's queue. Demo-site
// code only; the kit has nothing of this.
import {
  API_PATHS,
  CSRF_HEADER,
  REVIEWER_TOKEN_HEADER,
  apiPath,
  type DevOutboxResponse,
  type DevRegistration,
  type DevRegistrationsResponse,
  type OutboxMessage,
  type SessionResponse,
} from '@egov/auth-widgets/contract';
import { LitElement, html, nothing } from 'lit';

const API = '/api';
/** The reviewer token `npm start` gives the mock server (scripts/start.mjs). */
const DEMO_REVIEWER_TOKEN = 'demo-reviewer';

async function post(path: string, body: unknown): Promise<Response> {
  const session = (await (await fetch(`${API}${API_PATHS.session}`)).json()) as SessionResponse;
  return fetch(`${API}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: session.csrfToken, [REVIEWER_TOKEN_HEADER]: DEMO_REVIEWER_TOKEN },
    body: JSON.stringify(body),
  });
}

class DemoOutbox extends LitElement {
  static override properties = { messages: { state: true }, error: { state: true } };
  messages: OutboxMessage[] | undefined;
  error = '';

  protected override createRenderRoot() {
    return this;
  }

  async #load(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const to = new FormData(event.currentTarget as HTMLFormElement).get('to') as string;
    const response = await fetch(`${API}${API_PATHS.devOutbox}?to=${encodeURIComponent(to.trim())}`);
    this.error = response.ok ? '' : `HTTP ${response.status}`;
    this.messages = response.ok ? ((await response.json()) as DevOutboxResponse).messages.reverse() : undefined;
  }

  protected override render() {
    return html`<form class="demo-form" @submit=${this.#load}>
        <label for="outbox-to">E-mail address</label>
        <input id="outbox-to" name="to" type="email" required />
        <button type="submit">Show messages</button>
      </form>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${this.messages?.length === 0 ? html`<p>No messages.</p>` : nothing}
      ${this.messages?.map(
        (m) => html`<article class="demo-message">
          <h3>${m.subject}</h3>
          <p class="demo-meta">${m.kind} · ${m.locale} · ${new Date(m.sentAt).toLocaleString()}</p>
          <pre>${m.text}</pre>
          ${m.link ? html`<p><a href=${m.link}>Open the link</a></p>` : nothing}
        </article>`,
      )}`;
  }
}

class DemoReview extends LitElement {
  static override properties = { registrations: { state: true }, error: { state: true } };
  registrations: DevRegistration[] = [];
  error = '';

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    const response = await fetch(`${API}${API_PATHS.devRegistrations}?state=pending_review`, {
      headers: { [REVIEWER_TOKEN_HEADER]: DEMO_REVIEWER_TOKEN },
    });
    this.error = response.ok ? '' : `The reviewer operations answered HTTP ${response.status} (is the mock server running with --dev and --reviewer-token ${DEMO_REVIEWER_TOKEN}?)`;
    this.registrations = response.ok ? ((await response.json()) as DevRegistrationsResponse).registrations : [];
  }

  async #decide(registration: DevRegistration, decision: 'approve' | 'reject', form?: HTMLFormElement): Promise<void> {
    const path =
      decision === 'approve'
        ? apiPath(API_PATHS.devApproveRegistration, { id: registration.id })
        : apiPath(API_PATHS.devRejectRegistration, { id: registration.id });
    const reason = form ? String(new FormData(form).get('reason') ?? '') : '';
    const response = await post(path, decision === 'approve' ? {} : { reason });
    this.error = response.ok ? '' : `HTTP ${response.status}: ${await response.text()}`;
    await this.#load();
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

  protected override render() {
    return html`${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      <p><button type="button" @click=${() => this.#load()}>Refresh</button></p>
      ${this.registrations.length === 0 ? html`<p>Nothing awaits review.</p>` : nothing}
      ${this.registrations.map(
        (r) => html`<article class="demo-message">
          <h3>${r.email}</h3>
          <dl>
            ${Object.entries(r.fields).map(([name, value]) => html`<dt>${name}</dt><dd>${value}</dd>`)}
            ${r.noForeignerNumber ? html`<dt>foreignerNumber</dt><dd>(does not have it / forgot it)</dd>` : nothing}
          </dl>
          <ul>
            ${r.documents.map(
              (d) => html`<li><button type="button" @click=${() => this.#download(r, d.id, d.name)}>${d.name}</button> (${d.type}, ${d.size} B)</li>`,
            )}
          </ul>
          <p><button type="button" @click=${() => this.#decide(r, 'approve')}>Approve</button></p>
          <form @submit=${(e: SubmitEvent) => (e.preventDefault(), this.#decide(r, 'reject', e.currentTarget as HTMLFormElement))}>
            <label for=${`reason-${r.id}`}>Reason for rejecting</label>
            <input id=${`reason-${r.id}`} name="reason" required />
            <button type="submit">Reject</button>
          </form>
        </article>`,
      )}`;
  }
}

customElements.define('demo-outbox', DemoOutbox);
customElements.define('demo-review', DemoReview);
