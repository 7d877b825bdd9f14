import type { IncomingMessage } from 'node:http';
import type { Locale } from '@egov/auth-widgets/i18n/locales';
import { DEFAULT_LOCALE_PARAM, LOCALE_SLOT, isLocaleParamName, localizedUrl } from '@egov/auth-widgets/rules';
import type { OriginPolicy } from './origins.ts';

export const DEFAULT_CONFIRM_EMAIL_PATH = '/confirm-email.html';
export const DEFAULT_RESET_PASSWORD_PATH = '/reset-password.html';

export interface SiteLinkSettings {
  /** The site whose pages the e-mail links open; default: the public URL's origin, else the listening URL. */
  siteUrl?: string;
  confirmEmailPath: string;
  resetPasswordPath: string;
  /** Path of the login page on the site, where an "account active" e-mail sends people; default: the site itself. */
  loginPath?: string;
  /** The query parameter of the message's language on the links (`""`: none); a `{locale}` slot in a path wins. */
  localeParam?: string;
}

/** An http(s) URL with no credentials, query or fragment (a path is allowed: the site may live under one). */
export function normalizeSiteUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new TypeError(`site URL is not a URL: ${JSON.stringify(value)}`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash) {
    throw new TypeError(`site URL must be a plain http(s) URL: ${JSON.stringify(value)}`);
  }
  return url.href;
}

/** A page path must stay on the site: `//evil.example/x` or `https://…` are refused. */
function checkPagePath(path: string): string {
  const probe = new URL(path.replaceAll(LOCALE_SLOT, 'en'), 'http://site.invalid/base/');
  if (probe.origin !== 'http://site.invalid' || probe.hash || path.trim() === '') {
    throw new TypeError(`a page path must be a path on the site: ${JSON.stringify(path)}`);
  }
  return path;
}

/**
 * Builds the links in e-mails (SECURITY.md 17): from configuration, never
 * from the request's Host header. A request from an allow-listed site (one
 * backend serving several ministry sites) gets links to that site; any
 * other request gets the configured site URL.
 */
export class SiteLinks {
  readonly #siteUrl: string | undefined;
  readonly #paths: { confirm: string; reset: string; login: string | undefined };
  readonly #localeParam: string;
  readonly #origins: OriginPolicy;
  readonly #fallback: () => string;

  /** `fallback` gives the site URL when none is configured (the public URL's origin or the listening URL). */
  constructor(settings: SiteLinkSettings, origins: OriginPolicy, fallback: () => string) {
    this.#siteUrl = settings.siteUrl === undefined ? undefined : normalizeSiteUrl(settings.siteUrl);
    this.#paths = {
      confirm: checkPagePath(settings.confirmEmailPath),
      reset: checkPagePath(settings.resetPasswordPath),
      login: settings.loginPath === undefined ? undefined : checkPagePath(settings.loginPath),
    };
    this.#localeParam = settings.localeParam ?? DEFAULT_LOCALE_PARAM;
    if (!isLocaleParamName(this.#localeParam)) throw new TypeError(`not a query parameter name: ${JSON.stringify(this.#localeParam)}`);
    this.#origins = origins;
    this.#fallback = fallback;
  }

  /** The site the links of this request's e-mails point to. */
  siteFor(req: IncomingMessage): string {
    const origin = req.headers.origin;
    if (typeof origin === 'string' && this.#origins.isAllowListed(origin)) return `${origin}/`;
    return this.#siteUrl ?? this.#fallback();
  }

  /** The confirmation page's link, opening in the message's language. */
  confirmEmail(site: string, token: string, locale: Locale): string {
    return this.#link(site, this.#paths.confirm, token, locale);
  }

  /** The new-password page's link, opening in the message's language. */
  resetPassword(site: string, token: string, locale: Locale): string {
    return this.#link(site, this.#paths.reset, token, locale);
  }

  /** The site's login page (its login path, else the site itself), in the message's language: where an "account active" e-mail sends people. */
  login(site: string, locale: Locale): string {
    return localizedUrl(this.#paths.login ?? site, site, locale, this.#localeParam).href;
  }

  #link(site: string, path: string, token: string, locale: Locale): string {
    const url = localizedUrl(path, site, locale, this.#localeParam);
    url.searchParams.set('token', token);
    return url.href;
  }
}
