// The home page's copy-paste snippets. Their facts come from the kit's
// README (its Install, CDN and React sections); the CDN snippet takes its
// file names and integrity values from the kit's cdn/manifest.json when the
// demo is built beside a CDN build, and otherwise shows only their places.
// Plain functions of their input, so the tests build the same text.

/** What the kit's CDN build writes to cdn/manifest.json (packages/auth-widgets/tools/build.mjs). */
export interface CdnManifest {
  package: string;
  version: string;
  entries: Record<string, { file: string; integrity: string; imports: string[] }>;
  /** Every file, entries and chunks, by its path in cdn/: its `sha384-…` integrity. */
  files: Record<string, string>;
}

/** Where the page's copy of the kit's cdn folder lives, as in the README. */
export const CDN_BASE = '/kit/';

/** The entries a login page loads, in order. */
export const CDN_ENTRIES = ['egov-auth', 'egov-login'] as const;

export const NPM_INSTALL = 'npm install @egov/auth-widgets';

export const NPM_SCRIPT = `import '@egov/auth-widgets/define/egov-auth';
import '@egov/auth-widgets/define/egov-login';

document.addEventListener('egov-login-success', (event) => {
  // event.detail.user = { email, acr }: never a password or a token
  location.assign('/moj-nalog');
});`;

export const NPM_PAGE = `<egov-auth backend-url="/api" locale="sr-Cyrl"
           register-url="/registracija" password-reset-url="/lozinka">
  <egov-login></egov-login>
</egov-auth>`;

export const CERTIFICATE_INSTALL = 'npm install @webcrypto-local/client protobufjs';

export const CERTIFICATE_IMPORT = "import '@egov/auth-widgets/fortify';";

/** The policy the README says the CDN page was tested with. */
export const CDN_CSP = `Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; require-trusted-types-for 'script'`;

export const REACT_COMPONENT = `import { EgovLogin } from '@egov/auth-widgets/react';

export function LoginPage() {
  return (
    <egov-auth backend-url="/api" locale="sr-Latn">
      <EgovLogin onEgovLoginSuccess={() => location.assign('/moj-nalog')} />
    </egov-auth>
  );
}`;

const PAGE_MARKUP = '<egov-auth backend-url="/api" locale="sr-Cyrl"><egov-login></egov-login></egov-auth>';

/** The chunks the login page's entries import: each preloaded (README: entries[…].imports). */
export function cdnPreloads(manifest: CdnManifest): string[] {
  return [...new Set(CDN_ENTRIES.flatMap((name) => manifest.entries[name]?.imports ?? []))].sort();
}

/**
 * The CDN page: with a manifest, its real file names and integrity values;
 * without one, the README's shape, with `…` where the values go (never a
 * made-up hash).
 */
export function cdnSnippet(manifest: CdnManifest | undefined): string {
  const attributes = (file: string, integrity: string) => `="${CDN_BASE}${file}" integrity="${integrity}" crossorigin="anonymous"`;
  if (!manifest || CDN_ENTRIES.some((name) => !manifest.entries[name])) {
    return `<!-- from cdn/manifest.json: entries["egov-auth"] and entries["egov-login"]: their imports, then the entries -->
<link rel="modulepreload" href${attributes('chunks/kit-xxxxxxxx.js', 'sha384-…')}>
<script type="module" src${attributes('egov-auth-xxxxxxxx.js', 'sha384-…')}></script>
<script type="module" src${attributes('egov-login-xxxxxxxx.js', 'sha384-…')}></script>

${PAGE_MARKUP}`;
  }
  const preloads = cdnPreloads(manifest).map((file) => `<link rel="modulepreload" href${attributes(file, manifest.files[file] ?? '')}>`);
  const entries = CDN_ENTRIES.map((name) => manifest.entries[name]!).map(
    (entry) => `<script type="module" src${attributes(entry.file, entry.integrity)}></script>`,
  );
  return [`<!-- @egov/auth-widgets ${manifest.version}, cdn/manifest.json -->`, ...preloads, ...entries, '', PAGE_MARKUP].join('\n');
}

/** The conformance suite against a ministry's test environment (packages/mock-server/conformance/README.md). */
export const CONFORMANCE_COMMAND = `pnpm conformance --base-url https://auth-test.ministry.example/api \\
  --origin https://portal-test.ministry.example \\
  --dev-token "$EGOV_DEV_TOKEN" --reviewer-token "$EGOV_REVIEWER_TOKEN"`;
