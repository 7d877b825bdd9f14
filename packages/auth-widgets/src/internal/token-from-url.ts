/**
 * Takes a one-time token out of the address bar (`?token=…`) so it does
 * not stay in history, bookmarks or a shared screen (SECURITY.md 18).
 * The page's other parameters and the fragment are kept.
 */
export function takeTokenFromUrl(parameter = 'token'): string | undefined {
  const url = new URL(location.href);
  const token = url.searchParams.get(parameter);
  if (token === null) return undefined;
  url.searchParams.delete(parameter);
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return token || undefined;
}

/**
 * The token an element was given: its `token` attribute (removed at once,
 * so it does not stay in the DOM) or, without one, the address bar's.
 */
export function takeToken(host: Element, attribute: string | undefined): string | undefined {
  if (attribute === undefined) return takeTokenFromUrl();
  host.removeAttribute('token');
  return attribute || undefined;
}
