import { html, nothing, type PropertyValues, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { AuthError } from '../../client/auth-client.js';
import type { PublicConfig } from '../../client/contract.js';
import { catalog, type TextsOf } from '../../i18n/catalog.js';
import { registerStyles } from '../../styles/register-styles.js';
import { problemView } from '../../internal/problem-view.js';
import { commonTexts } from '../../i18n/parts/common.js';
import { problemTexts } from '../../i18n/parts/problems.js';
import { newPasswordTexts } from '../../i18n/parts/new-password.js';
import { registerTexts } from '../../i18n/parts/register.js';
import { resendTexts } from '../../i18n/parts/resend.js';
import { EgovFormElement } from '../../internal/egov-form-element.js';
import { renderTabs } from '../../internal/tabs.js';
import { NewPasswordFields } from '../../internal/new-password-fields.js';
import { summaryOf, type FieldProblems, type Problem } from '../../internal/problems.js';
import { ResendConfirmation } from '../../internal/resend-confirmation.js';
import { PublicConfigController } from '../../internal/public-config-controller.js';
import { serviceProblem } from '../../internal/service-problems.js';
import type { CertificateRegistration } from './certificate-registration.js';
import { LazyPart } from '../../internal/lazy-part.js';
import { renderCheckEmail, type SentRegistration } from './check-email.js';
import { DocumentUpload } from './document-upload.js';
import { currentUserType } from './personal-details.js';
import { renderRegistrationForm } from './registration-form.js';
import { FIELD_ORDER, readRegistration, serverProblems, validateRegistration } from './registration-problems.js';

export interface EgovRegistrationSubmittedDetail {
  /** The address the confirmation link went to. */
  email: string;
  userType: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'egov-register': EgovRegister;
  }
  interface GlobalEventHandlersEventMap {
    'egov-registration-submitted': CustomEvent<EgovRegistrationSubmittedDetail>;
  }
}

type Tab = 'password' | 'certificate';

/** The texts `<egov-register>` uses. */
const texts = catalog(commonTexts, problemTexts, newPasswordTexts, registerTexts, resendTexts);
export type EgovRegisterTexts = TextsOf<typeof texts>;
type Texts = EgovRegisterTexts;

/**
 * Registration with username (e-mail) and password — and the place where
 * certificate registration lives. The user type, its fields, the password
 * policy and the upload limits come from the backend's `GET /config`.
 * Nothing typed and no attached file is lost when the backend fails; the
 * password is never stored. Once sent, it shows a confirmation page ("Check
 * your e-mail", what happens next) and nothing of the form; "Start again"
 * brings the form back as it was.
 *
 * @summary Create a user account.
 * @tag egov-register
 * @event {CustomEvent<EgovRegistrationSubmittedDetail>} egov-registration-submitted - Sent; the confirmation e-mail is on its way. `detail` has the address (`email`) and the user type (`userType`; `certificate` after a registration with a certificate).
 * @cssprop [--egov-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif] - Font of every text.
 * @cssprop [--egov-font-size=medium] - Base font size; the kit's sizes follow it (not the page's root font size).
 * @cssprop [--egov-color-text=#0b0c0c] - Text, headings and input text.
 * @cssprop [--egov-color-text-secondary=#484f53] - Hints and secondary text.
 * @cssprop [--egov-color-background=#ffffff] - Inputs and panels.
 * @cssprop [--egov-color-surface=#f3f2f1] - Unselected tabs and secondary buttons.
 * @cssprop [--egov-color-primary=#0c3c78] - Primary buttons.
 * @cssprop [--egov-color-primary-hover=#082b57] - Primary buttons on hover, and their shadow.
 * @cssprop [--egov-color-on-primary=#ffffff] - Text on primary buttons and on the confirmation panel.
 * @cssprop [--egov-color-link=#0b4ea2] - Links and tab labels.
 * @cssprop [--egov-color-border=#5f6669] - Input and panel borders.
 * @cssprop [--egov-color-error=#b1261d] - Error summary and field errors.
 * @cssprop [--egov-color-success=#0b6e35] - Success notices, and the background of the confirmation panel.
 * @cssprop [--egov-color-info=#0c3c78] - Information notices.
 * @cssprop [--egov-color-focus=#ffdd00] - Focus indicator.
 * @cssprop [--egov-color-focus-text=#0b0c0c] - Text on the focus indicator.
 * @cssprop [--egov-radius=4px] - Corner radius of inputs, buttons and tabs.
 * @cssprop [--egov-space=1rem] - Base spacing between fields.
 */
export class EgovRegister extends EgovFormElement<Texts> {
  static override properties: PropertyDeclarations = {
    mode: {},
    tab: { state: true, attribute: false },
    userType: { state: true, attribute: false },
    noForeignerNumber: { state: true, attribute: false },
    submitting: { state: true, attribute: false },
    progress: { state: true, attribute: false },
    fieldProblems: { state: true, attribute: false },
    general: { state: true, attribute: false },
    sent: { state: true, attribute: false },
  };

  constructor() {
    super(texts, [registerStyles], problemView);
  }

  /** Which tab is open first: `password` (default) or `certificate`. */
  mode: Tab = 'password';

  private tab: Tab | undefined;
  private userType: string | undefined;
  private noForeignerNumber = false;
  private submitting = false;
  private progress: number | undefined;
  private fieldProblems: FieldProblems<Texts> = {};
  private general: Problem<Texts>[] = [];
  /** After a successful registration (either way): where the link went. The form stays, hidden, for "Start again". */
  private sent: (SentRegistration & { method: Tab }) | undefined;

  readonly #policy = new PublicConfigController(this, () => (this.config.result.ok ? this.config.client : undefined));
  readonly #password = new NewPasswordFields(this);
  readonly #documents = new DocumentUpload(this, 'documents');
  readonly #resend = new ResendConfirmation(
    this,
    (email) => this.call('resend', (client, signal) => client.resendConfirmation({ email, locale: this.config.i18n.locale }, { signal })),
    () => this.focusAfterRender('resent'),
  );
  /** Registration with a certificate: the picker and its flow load the first time the tab shows. */
  readonly #certificate = new LazyPart<CertificateRegistration>(this, () =>
    import('./certificate-registration.js').then(
      ({ CertificateRegistration }) =>
        CertificateRegistration.load(this.port(), {
          registered: (email) => {
            const review = this.#policy.state.status === 'ready' && this.#policy.state.config.certificateRegistrationReview;
            this.#registered({ email, review, method: 'certificate' }, 'certificate');
          },
        }),
    ),
  );


  override connectedCallback(): void {
    super.connectedCallback();
    // "Register with this certificate" from the login page links here with ?method=certificate.
    if (this.tab === undefined && new URLSearchParams(location.search).get('method') === 'certificate') this.tab = 'certificate';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The certificate tab shows: load its part (once; it stays, hidden, with what was chosen).
    if ((this.tab ?? this.mode) === 'certificate' && this.config.result.ok) {
      this.#certificate.load().catch((error: unknown) => console.error('[egov] The certificate registration could not be loaded.', error));
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return this.renderFrame(t.registerHeading, () => {
      const tab = this.tab ?? this.mode;
      const sent = this.sent;
      // Sent: a confirmation page and nothing else. Tabs and forms stay in the DOM, hidden, so "Start again" finds everything as it was.
      return html`${sent ? this.#renderCheckEmail(t, sent) : nothing}
        <div ?hidden=${!!sent}>
          ${this.#renderTabs(t, tab)}
          <div id=${this.partId('panel-password')} role="tabpanel" aria-labelledby=${this.partId('tab-password')} ?hidden=${tab !== 'password'}>
            ${this.#policy.render(t, (config) => this.#renderForm(t, config))}
          </div>
          <div
            id=${this.partId('panel-certificate')}
            role="tabpanel"
            aria-labelledby=${this.partId('tab-certificate')}
            ?hidden=${tab !== 'certificate'}
          >
            ${this.renderHeading(1, t.registerCertificateHeading, { className: 'egov-heading egov-heading--small' })}
            ${this.#certificate.value?.render() ?? nothing}
          </div>
        </div>`;
    });
  }

  #renderTabs(t: Texts, selected: Tab): TemplateResult {
    return renderTabs<Tab>({
      label: t.registerMethods,
      tabs: [
        { id: 'password', label: t.tabRegisterPassword },
        { id: 'certificate', label: t.tabRegisterCertificate },
      ],
      selected,
      partId: (part) => this.partId(part),
      onSelect: (tab, focus) => {
        this.tab = tab;
        if (focus) this.focusAfterRender(`tab-${tab}`);
      },
    });
  }

  #renderForm(t: Texts, config: PublicConfig): TemplateResult {
    return renderRegistrationForm({
      t,
      locale: this.config.i18n.locale,
      config,
      type: currentUserType(config, this.userType),
      partId: (part) => this.partId(part),
      problems: this.fieldProblems,
      formatTime: this.formatTime,
      summary: this.renderSummary(this.#summary()),
      password: this.#password,
      documents: this.#documents,
      progress: this.progress,
      noForeignerNumber: this.noForeignerNumber,
      onNoForeignerNumber: (checked) => {
        this.noForeignerNumber = checked;
        const { foreignerNumber: _, ...rest } = this.fieldProblems;
        this.fieldProblems = rest;
      },
      onUserType: (id) => (this.userType = id),
      submitting: this.submitting,
      loginLink: this.config.link('login'),
      onSubmit: (e) => this.#onSubmit(e, config),
    });
  }

  /**
   * The error summary after a failed submit: the field problems in form
   * order, each file that was not attached among them (it names the file and
   * links to "Choose files"), then the general ones.
   */
  #summary(): Problem<Texts>[] {
    const submitted = Object.keys(this.fieldProblems).length > 0 || this.general.length > 0;
    if (!submitted) return [];
    return summaryOf(this.fieldProblems, FIELD_ORDER, this.general, { documents: this.#documents.problems });
  }

  #renderCheckEmail(t: Texts, sent: SentRegistration): TemplateResult {
    return renderCheckEmail({
      t,
      sent,
      headingId: this.partId('check-email'),
      renderHeading: (content, options) => this.renderHeading(1, content, options),
      resend: this.#resend.render({ t, email: sent.email, statusId: this.partId('resent'), formatTime: this.formatTime }),
      onStartAgain: this.#startAgain,
    });
  }

  #startAgain = (): void => {
    const method = this.sent?.method ?? 'password';
    this.sent = undefined;
    this.#resend.reset();
    this.tab = method;
    this.focusAfterRender(method === 'certificate' ? 'certificateEmail' : 'email');
  };

  /** Sent, either way: the confirmation page, and the page hears of it. */
  #registered(sent: SentRegistration & { method: Tab }, userType: string): void {
    this.sent = sent;
    this.focusAfterRender('check-email');
    this.emit('egov-registration-submitted', { email: sent.email, userType });
  }

  async #onSubmit(event: SubmitEvent, config: PublicConfig): Promise<void> {
    event.preventDefault();
    if (this.submitting) return;
    const form = event.currentTarget as HTMLFormElement;
    const type = currentUserType(config, this.userType);
    const answers = readRegistration(form, type, this.config.i18n.locale, this.noForeignerNumber);
    this.#password.afterSubmit(this.t);
    this.general = [];

    const documents = this.#documents.documents;
    const problems = validateRegistration(answers, { type, config, noForeignerNumber: this.noForeignerNumber, documents: documents.length });
    this.fieldProblems = problems;
    if (Object.keys(problems).length > 0) {
      this.focusAfterRender('summary');
      return;
    }

    this.submitting = true;
    this.progress = 0;
    try {
      const accepted = await this.call('register', (client, signal) =>
        client.register({ ...answers.fields, password: answers.password }, type.documents ? documents.map((d) => d.file) : [], {
          signal,
          onProgress: (sent, total) => (this.progress = total > 0 ? Math.min(100, Math.round((sent / total) * 100)) : 0),
        }),
      );
      // Sent: nothing secret stays in the page.
      for (const name of ['password', 'passwordConfirmation']) (form.elements.namedItem(name) as HTMLInputElement).value = '';
      // Files that were not attached were not sent either: nothing left to say about them.
      this.#documents.problems = [];
      this.#registered({ email: accepted.email, review: type.documents, method: 'password' }, type.id);
    } catch (error) {
      const failure = error as AuthError;
      if (failure.code === 'aborted') return;
      const fieldProblems = serverProblems(failure, config);
      // Everything typed and every file stays for the next try.
      this.fieldProblems = fieldProblems;
      this.general = Object.keys(fieldProblems).length > 0 ? [] : [serviceProblem(failure)];
      this.focusAfterRender('summary');
    } finally {
      this.submitting = false;
      this.progress = undefined;
    }
  }
}
