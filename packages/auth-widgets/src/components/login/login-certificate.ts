import { html, nothing, type TemplateResult } from 'lit';
import { AuthError } from '../../client/auth-client.js';
import type { FormPort } from '../../internal/form-port.js';
import { CertificateFlow } from '../certificate-picker/certificate-flow.js';
import type { LoginOutcomes } from './login-outcomes.js';

export interface LoginCertificateOptions {
  /** Login's outcomes (they load with the first try, or here). */
  outcomes(): Promise<LoginOutcomes>;
  failed(code: AuthError['code']): void;
  /** The picker's "another way in": the username and password tab. */
  fallback?: () => void;
}

/**
 * `<egov-login>`'s certificate tab once it shows: the picker, the login
 * with the chosen certificate, and what a refusal says — a certificate no
 * account has leads to registration with it. Loads with the tab.
 */
export class LoginCertificate {
  readonly #flow: CertificateFlow;
  #notRegistered: LoginOutcomes | undefined;

  private constructor(
    private readonly port: FormPort,
    private readonly options: LoginCertificateOptions,
    flow: CertificateFlow,
  ) {
    this.#flow = flow;
  }

  /** With the certificate flow (and the tab's texts). */
  static async load(port: FormPort, options: LoginCertificateOptions): Promise<LoginCertificate> {
    return new LoginCertificate(port, options, await CertificateFlow.load(port));
  }

  render(labels: { action: string; fallback?: string }): TemplateResult {
    return html`${this.#flow.renderIntro()}
    ${this.#notRegistered ? this.#notRegistered.renderNotRegistered() : nothing}
    ${this.#flow.render({
      actionLabel: labels.action,
      fallbackLabel: labels.fallback,
      onSelected: () => void this.#login(),
      onFallback: this.options.fallback,
    })}`;
  }

  async #login(): Promise<void> {
    this.#notRegistered = undefined;
    this.port.requestUpdate();
    try {
      const [outcomes, proof] = await Promise.all([this.options.outcomes(), this.#flow.prove('login')]);
      // The card or the agent failed: the picker already shows why.
      if (!proof) return;
      try {
        const { user } = await this.port.call('login', (client, signal) => client.loginWithCertificate(proof, { signal }));
        outcomes.loggedIn(user);
      } catch (error) {
        if (error instanceof AuthError && error.code === 'certificate_not_registered') {
          this.options.failed(error.code);
          this.#notRegistered = outcomes;
          this.port.requestUpdate();
          this.port.focusAfterRender('not-registered');
          return;
        }
        throw error;
      }
    } catch (error) {
      const failure = error instanceof AuthError ? error : new AuthError('network_error');
      if (failure.code === 'aborted') return;
      this.options.failed(failure.code);
      // A refused certificate says so at the item itself; a service problem is a note above the list.
      this.#flow.refuse(failure, { note: true });
    }
  }
}
