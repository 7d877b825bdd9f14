import type { AuthError } from '../client/auth-client.js';

/**
 * The console message for a failure that comes from how the page and the
 * backend are deployed, not from the person: the browser did not send the
 * session cookie back (`csrf_failed` even with a fresh token), or the backend
 * does not accept this page's origin (`origin_not_allowed`). English, for
 * the site's developers: it names both origins, the cause and the fix, and
 * never a token or a password. Null for every other failure.
 */
export function deploymentProblem(tag: string, error: AuthError, backendUrl: string, pageOrigin: string): string | null {
  let backendOrigin: string;
  try {
    backendOrigin = new URL(backendUrl, `${pageOrigin}/`).origin;
  } catch {
    return null;
  }
  const sameOrigin = backendOrigin === pageOrigin;
  const where = sameOrigin
    ? `This page and its backend (${backendUrl}) share the origin ${pageOrigin}.`
    : `This page is on ${pageOrigin}, its backend on ${backendOrigin}.`;

  if (error.code === 'csrf_failed' && error.details.sessionNotKept) {
    const cause = error.details.cause ? `, cause "${error.details.cause}"` : '';
    const head = `[egov] <${tag}>: the browser did not send the backend's session cookie back (403 csrf_failed${cause}, even with a fresh token from GET /session), so no login or form can work here. ${where}`;
    if (sameOrigin) {
      return `${head} Check the session cookie's attributes and the proxy: a Secure cookie needs https (the mock server: --cookie-secure false on plain-http development only), SameSite=None needs Secure, and the proxy must pass Set-Cookie and Cookie through unchanged (no other Domain or Path).`;
    }
    const reason =
      error.details.cause === 'cross_site'
        ? 'The two are on different sites, so the session cookie is a third-party cookie: browsers never send a SameSite=Lax cookie across sites, and Safari, Firefox and Chrome with third-party cookies blocked refuse SameSite=None ones too.'
        : 'If the two are on different sites (localhost and 127.0.0.1 are different sites), the session cookie is a third-party cookie, which browsers block.';
    return `${head} ${reason} Fix: serve the API from this page's origin through a proxy (backend-url="/api", the backend's public URL = ${pageOrigin}), or host it on this page's site (e.g. api.example.gov.rs for www.example.gov.rs) with ${pageOrigin} on the backend's allowed origins and the cookie SameSite=Lax (the default). Cross-site backends are not supported.`;
  }

  if (error.code === 'origin_not_allowed') {
    if (sameOrigin) {
      return `[egov] <${tag}>: the backend refused this page's origin (403 origin_not_allowed). ${where} Behind a proxy the backend must know it: set its public URL to ${pageOrigin} (the mock server: --public-url ${pageOrigin}, EGOV_PUBLIC_URL) or add ${pageOrigin} to its allowed origins.`;
    }
    const seen = error.details.corsRefused
      ? 'it answers, but not to this origin (no Access-Control-Allow-Origin for it), so the browser keeps its answers from the page'
      : '403 origin_not_allowed';
    return `[egov] <${tag}>: the backend does not accept this page's origin (${seen}). ${where} Fix: add ${pageOrigin} to the backend's allowed origins (the mock server: --allowed-origin ${pageOrigin}, EGOV_ALLOWED_ORIGINS) when the two are on the same site; a page on another site must reach the API through a proxy on its own origin instead (its session cookie would be a third-party cookie).`;
  }
  return null;
}
