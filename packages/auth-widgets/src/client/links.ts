/**
 * The one gate for URLs from configuration or from the backend, and the
 * rule that puts the page's language into a link. Loaded with every element
 * (its configuration is checked before the first render).
 */

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `https:` anywhere; plain `http:` only on this machine (development). For the backend URL and for links. */
export function isAllowedWebUrl(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && (LOOPBACK_HOSTS.has(url.hostname) || url.hostname.endsWith('.localhost')));
}

/**
 * The one gate for a URL from configuration or from the backend before it
 * becomes an `href`: `javascript:`, `data:` and the like would run in the
 * host page, plain `http:` elsewhere than this machine can be rewritten on
 * the way. With `base` (configured links: the page) a path is resolved
 * against it and returned as written; without it (what the backend sends)
 * only an absolute URL passes, returned normalized. `undefined`: not a link —
 * show the value as text.
 */
export function linkHref(value: string | undefined, base?: string): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = base === undefined ? new URL(value) : new URL(value, base);
  } catch {
    return undefined;
  }
  if (!isAllowedWebUrl(url)) return undefined;
  return base === undefined ? url.href : value;
}

/** Where a link names the page's language: `/{locale}/register` becomes `/sr-Cyrl/register`. */
export const LOCALE_SLOT = '{locale}';
/** The query parameter a link carries the language in, unless it has a `{locale}` slot. */
export const DEFAULT_LOCALE_PARAM = 'locale';

/** A plain query parameter name for the language (letters, digits, `_ . -`), or `""` for none. */
export function isLocaleParamName(name: string): boolean {
  return /^[A-Za-z0-9_.-]*$/.test(name);
}

/**
 * A link (resolved against `base`) that opens its page in `locale`: its
 * `{locale}` slot filled in, else the locale set as the `param` query
 * parameter (none when `param` is `""`). One rule for the kit's links and
 * the backend's e-mail links.
 */
export function localizedUrl(link: string, base: string, locale: string, param: string): URL {
  const slotted = link.includes(LOCALE_SLOT);
  const url = new URL(link.replaceAll(LOCALE_SLOT, encodeURIComponent(locale)), base);
  if (!slotted && param) url.searchParams.set(param, locale);
  return url;
}
