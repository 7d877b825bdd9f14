import { DEFAULT_LOCALE_PARAM, LOCALE_SLOT, isAllowedWebUrl, isLocaleParamName, linkHref, localizedUrl } from '../client/links.js';
import { negotiateLocale, parseLocale, registeredLocales, type Locale } from '../i18n/locales.js';

export const LOGIN_MODES = ['certificate', 'password'] as const;
export type LoginMode = (typeof LOGIN_MODES)[number];

/** The local crypto agent: the Fortify app, or the in-browser demo agent with test keys. */
export const CERTIFICATE_AGENTS = ['fortify', 'soft'] as const;
export type CertificateAgentKind = (typeof CERTIFICATE_AGENTS)[number];

/** Who draws the certificate list: the kit's own picker, or PeculiarVentures' `<peculiar-fortify-certificates>` inside it. */
export const CERTIFICATE_PICKER_UIS = ['kit', 'peculiar'] as const;
export type CertificatePickerUi = (typeof CERTIFICATE_PICKER_UIS)[number];

/** Where the kit sends people for the steps it does not show itself. */
export interface AuthLinks {
  register?: string;
  passwordReset?: string;
  /** The page with `<egov-login>`, e.g. after a password was changed. */
  login?: string;
}


/** Configuration as a portal writes it: attributes, a JSON config or a property. */
export interface AuthConfigInput {
  backendUrl?: string;
  /** The language, set by the site; without it the element follows the page's `lang`, then the browser's languages. */
  locale?: string;
  /** The languages the site offers (`"en sr-Cyrl sr-Latn"`); default every registered one. */
  locales?: readonly string[] | string;
  /**
   * How the site's pages are told the language, on every link the kit makes:
   * this query parameter (default `locale`; `""`: none), unless the link has
   * a `{locale}` slot in its path (`/{locale}/register`).
   */
  localeParam?: string;
  modes?: readonly string[] | string;
  links?: AuthLinks;
  timeoutMs?: number;
  certificateAgent?: string;
  certificatePickerUi?: string;
}

/** Configuration after validation: what the elements read. */
export interface AuthConfig {
  /** Absolute backend URL (a relative one is resolved against the page). */
  backendUrl: string;
  locale: Locale;
  /** The languages offered, in the order given. */
  locales: Locale[];
  modes: LoginMode[];
  links: AuthLinks;
  /** The query parameter of the locale on the kit's links (`""`: none). */
  localeParam: string;
  timeoutMs: number;
  certificateAgent: CertificateAgentKind;
  certificatePickerUi: CertificatePickerUi;
}

export const CONFIG_PROBLEMS = [
  'missing_backend_url',
  'invalid_backend_url',
  'insecure_backend_url',
  'unknown_mode',
  'no_modes',
  'invalid_link',
  'invalid_locale_param',
  'unknown_locale',
  'locale_not_offered',
  'unknown_agent',
  'unknown_picker_ui',
] as const;
export type ConfigProblemCode = (typeof CONFIG_PROBLEMS)[number];

/** A configuration problem as checked: its code, and the setting and value it is about (`describeConfigProblem` says it in words). */
export interface ConfigIssue {
  code: ConfigProblemCode;
  /** The value that was wrong, as given. */
  value?: string;
  /** Which link, or which way a backend URL is wrong (`scheme`). */
  name?: string;
}

export interface ConfigProblem {
  code: ConfigProblemCode;
  /** English, for the developer's console: names the setting and the bad value. */
  detail: string;
}

/** What `checkConfig` gives: the configuration, or its problems (codes and values, no words). */
export type CheckedConfig = { ok: true; config: AuthConfig } | { ok: false; problems: ConfigIssue[]; locale: Locale };
/** What `resolveConfig` gives: the configuration, or its problems in words. */
export type ConfigResult = { ok: true; config: AuthConfig } | { ok: false; problems: ConfigProblem[]; locale: Locale };

export const DEFAULT_MODES: readonly LoginMode[] = ['certificate', 'password'];
export const DEFAULT_TIMEOUT_MS = 15_000;

function parseModes(value: AuthConfigInput['modes'], problems: ConfigIssue[]): LoginMode[] {
  if (value === undefined) return [...DEFAULT_MODES];
  const list = typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : [...value];
  const modes: LoginMode[] = [];
  for (const mode of list) {
    if ((LOGIN_MODES as readonly string[]).includes(mode)) {
      if (!modes.includes(mode as LoginMode)) modes.push(mode as LoginMode);
    } else {
      problems.push({ code: 'unknown_mode', value: mode });
    }
  }
  if (modes.length === 0 && problems.length === 0) {
    problems.push({ code: 'no_modes' });
  }
  return modes;
}

/** A configured link is rendered as `href` by every element: it passes the same gate as the backend's links. */
function checkLink(name: keyof AuthLinks, value: string | undefined, base: string, problems: ConfigIssue[]): string | undefined {
  if (value === undefined || value === '') return undefined;
  // A `{locale}` slot is filled in when the link is rendered; checked with a language in it.
  const href = linkHref(value.replaceAll(LOCALE_SLOT, 'en'), base) === undefined ? undefined : value;
  if (href === undefined) {
    problems.push({ code: 'invalid_link', name, value });
  }
  return href;
}

/** The offered languages: every registered one, or those `locales` names (each must be registered). */
function parseLocales(value: AuthConfigInput['locales'], problems: ConfigIssue[]): Locale[] {
  if (value === undefined) return registeredLocales();
  const list = typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : [...value];
  const locales: Locale[] = [];
  for (const tag of list) {
    const locale = parseLocale(tag);
    if (locale === undefined) problems.push({ code: 'unknown_locale', value: tag });
    else if (!locales.includes(locale)) locales.push(locale);
  }
  return locales.length > 0 ? locales : registeredLocales();
}

/**
 * The language: the one set (`locale`), else the first of `preferred` — the
 * page's `lang`, then the browser's languages — that is offered, else
 * English (or the first offered). A `locale` the kit does not have is
 * passed over like an unknown page language; one it has but the site does
 * not offer is a mistake in the configuration.
 */
function chooseLocale(input: AuthConfigInput, offered: Locale[], preferred: readonly (string | null | undefined)[], problems: ConfigIssue[]): Locale {
  const set = parseLocale(input.locale);
  if (set !== undefined && !offered.includes(set)) problems.push({ code: 'locale_not_offered', value: input.locale });
  return negotiateLocale([input.locale, ...preferred], offered);
}

/**
 * Checks a configuration and fills in defaults. Never throws: a bad
 * configuration comes back as problems the element shows and logs, in the
 * words of `describeConfigProblem` (config-problem-details.ts), which load
 * only then; `resolveConfig` gives them at once.
 */
export function checkConfig(
  input: AuthConfigInput,
  baseUri: string = document.baseURI,
  preferred: readonly (string | null | undefined)[] = navigator.languages,
): CheckedConfig {
  const problems: ConfigIssue[] = [];
  const locales = parseLocales(input.locales, problems);
  const locale = chooseLocale(input, locales, preferred, problems);

  let backendUrl = '';
  const rawUrl = input.backendUrl?.trim();
  if (!rawUrl) {
    problems.push({ code: 'missing_backend_url' });
  } else {
    let url: URL | undefined;
    try {
      url = new URL(rawUrl, baseUri);
    } catch {
      problems.push({ code: 'invalid_backend_url', value: rawUrl });
    }
    if (url && url.protocol !== 'https:' && url.protocol !== 'http:') {
      problems.push({ code: 'invalid_backend_url', name: 'scheme', value: rawUrl });
    } else if (url && !isAllowedWebUrl(url)) {
      problems.push({ code: 'insecure_backend_url', value: url.href });
    } else if (url) {
      backendUrl = url.href.replace(/\/+$/, '');
    }
  }

  const modes = parseModes(input.modes, problems);
  const links: AuthLinks = {
    register: checkLink('register', input.links?.register, baseUri, problems),
    passwordReset: checkLink('passwordReset', input.links?.passwordReset, baseUri, problems),
    login: checkLink('login', input.links?.login, baseUri, problems),
  };
  const localeParam = (input.localeParam ?? DEFAULT_LOCALE_PARAM).trim();
  if (!isLocaleParamName(localeParam)) {
    problems.push({ code: 'invalid_locale_param', value: localeParam });
  }
  const timeoutMs =
    typeof input.timeoutMs === 'number' && input.timeoutMs > 0 ? input.timeoutMs : DEFAULT_TIMEOUT_MS;

  const agent = input.certificateAgent ?? 'fortify';
  if (!(CERTIFICATE_AGENTS as readonly string[]).includes(agent)) {
    problems.push({ code: 'unknown_agent', value: agent });
  }
  const certificateAgent = agent as CertificateAgentKind;

  const pickerUi = input.certificatePickerUi ?? 'kit';
  if (!(CERTIFICATE_PICKER_UIS as readonly string[]).includes(pickerUi)) {
    problems.push({ code: 'unknown_picker_ui', value: pickerUi });
  }
  const certificatePickerUi = pickerUi as CertificatePickerUi;

  if (problems.length > 0) return { ok: false, problems, locale };
  return { ok: true, config: { backendUrl, locale, locales, modes, links, localeParam, timeoutMs, certificateAgent, certificatePickerUi } };
}

/** Later sources win, key by key; `undefined` never overrides. Links merge one by one. */
export function mergeConfigInputs(...inputs: (AuthConfigInput | undefined)[]): AuthConfigInput {
  const merged: AuthConfigInput = {};
  for (const input of inputs) {
    if (!input) continue;
    for (const [key, value] of Object.entries(input) as [keyof AuthConfigInput, unknown][]) {
      if (value === undefined) continue;
      if (key === 'links') merged.links = { ...merged.links, ...definedOnly(value as AuthLinks) };
      else (merged as Record<string, unknown>)[key] = value;
    }
  }
  return merged;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * A configured link as the kit renders it, in the person's language: the
 * `{locale}` slot filled in, else the locale set as the `localeParam` query
 * parameter (none when it is `""`). A link written as a path stays a path.
 */
export function localizedLink(link: string, locale: Locale, localeParam: string, baseUri: string = document.baseURI): string {
  const url = localizedUrl(link, baseUri, locale, localeParam);
  return /^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//') ? url.href : `${url.pathname}${url.search}${url.hash}`;
}
