// The demo's Content-Security-Policies (SECURITY.md 29), served by `vite preview`.
//
// The password flows run under a strict policy with Trusted Types. A page
// in certificate mode with the real Fortify client (`?agent=fortify`) needs
// more, and gets it on that page only — what a site does by hosting
// certificate login on a page with its own policy: 'unsafe-eval' (the
// client's protobufjs generates code), no Trusted Types for scripts, and
// connect-src for the agent on this computer.

export const FORTIFY_ORIGINS = ['https://127.0.0.1:31337', 'wss://127.0.0.1:31337'] as const;

export interface CspOptions {
  /** 'unsafe-eval' in script-src. */
  unsafeEval?: boolean;
  /** require-trusted-types-for 'script'. */
  trustedTypes?: boolean;
  /** connect-src to the local Fortify agent. */
  fortify?: boolean;
  /** connect-src to a backend on another origin (the pages call it directly, not through /api). */
  backendOrigin?: string;
}

export function contentSecurityPolicy({ unsafeEval = false, trustedTypes = true, fortify = false, backendOrigin }: CspOptions = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self'${unsafeEval ? " 'unsafe-eval'" : ''}`,
    "style-src 'self'",
    // blob: for the thumbnails of the documents a person attaches.
    "img-src 'self' data: blob:",
    `connect-src 'self'${backendOrigin ? ` ${backendOrigin}` : ''}${fortify ? ` ${FORTIFY_ORIGINS.join(' ')}` : ''}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    ...(trustedTypes ? ["require-trusted-types-for 'script'"] : []),
  ].join('; ');
}

export const strictCsp = contentSecurityPolicy();
export const fortifyModeCsp = contentSecurityPolicy({ unsafeEval: true, trustedTypes: false, fortify: true });

/**
 * The policy of a demo page: certificate mode with the real client only where
 * the URL asks for it; `backendOrigin` when the pages call a backend on
 * another origin directly.
 */
export function policyFor(url: string | undefined, backendOrigin?: string): string {
  const query = new URLSearchParams((url ?? '').split('?')[1] ?? '');
  if (backendOrigin) {
    return query.get('agent') === 'fortify'
      ? contentSecurityPolicy({ unsafeEval: true, trustedTypes: false, fortify: true, backendOrigin })
      : contentSecurityPolicy({ backendOrigin });
  }
  return query.get('agent') === 'fortify' ? fortifyModeCsp : strictCsp;
}
