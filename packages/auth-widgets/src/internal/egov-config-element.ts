import type { PropertyDeclarations } from 'lit';
import type { AuthClient } from '../client/auth-client.js';
import type { AuthConfigInput } from '../config/auth-config.js';
import { EgovElement } from './egov-element.js';

/**
 * The configuration attributes `<egov-auth>` and every form element share,
 * declared once. On `<egov-auth>` they configure every element inside it;
 * on an element they override `<egov-auth>`'s.
 */
export class EgovConfigElement extends EgovElement {
  // Declared as static properties, not decorators: the elements' first code stays small.
  static override properties: PropertyDeclarations = {
    backendUrl: { attribute: 'backend-url' },
    locale: {},
    locales: {},
    registerUrl: { attribute: 'register-url' },
    passwordResetUrl: { attribute: 'password-reset-url' },
    loginUrl: { attribute: 'login-url' },
    certificateAgent: { attribute: 'certificate-agent' },
    pickerUi: { attribute: 'picker-ui' },
    client: { attribute: false },
  };

  /**
   * Backend base URL: `https:`, or `http:` only for `localhost`, `127.0.0.1`
   * and `[::1]`. A path (`/api`) is resolved against the page.
   */
  backendUrl?: string;
  /**
   * The language: `en`, `sr-Cyrl`, `sr-Latn`, `ru`, `uk`, `zh-Hans`, `tr`,
   * `ar` (right to left), or one the site registered (`registerLocale`).
   * Regional tags find theirs: `sr` and `sr-RS` are Cyrillic, `ru-RU` is
   * `ru`, `zh-CN` is `zh-Hans`. May change at any time, and what was typed
   * stays. Default: the `lang` of the closest ancestor (the page's), then the
   * browser's languages, else `en`.
   */
  locale?: string;
  /**
   * The languages the site offers, e.g. `"en sr-Cyrl sr-Latn"`: the page's
   * and the browser's languages are matched among these only. Default:
   * every language the kit has.
   */
  locales?: string;
  /** Where "Create a user account" leads (https, a path on the site, or http only on localhost). */
  registerUrl?: string;
  /** Where "Password forgotten?" leads (https, a path on the site, or http only on localhost). */
  passwordResetUrl?: string;
  /** Where "Log in" leads (https, a path on the site, or http only on localhost). */
  loginUrl?: string;
  /**
   * `fortify` (default: the Fortify app, its client loaded only when needed) or
   * `soft` (the in-browser demo agent with the mock server's test keys, clearly
   * labelled; demos and tests only).
   */
  certificateAgent?: string;
  /** `kit` (default) or `peculiar` (`<peculiar-fortify-certificates>` inside the picker; English only). */
  pickerUi?: string;
  /** A client for another backend (an adapter); by default the kit's fetch client. */
  client?: AuthClient;

  /** The shared attributes as configuration input (unset ones left out when merged). */
  protected sharedConfig(): AuthConfigInput {
    return {
      backendUrl: this.backendUrl,
      locale: this.locale,
      locales: this.locales,
      certificateAgent: this.certificateAgent,
      certificatePickerUi: this.pickerUi,
      links: { register: this.registerUrl, passwordReset: this.passwordResetUrl, login: this.loginUrl },
    };
  }
}
