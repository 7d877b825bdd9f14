import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { policyFor } from './csp.ts';

// The mock server's address; `pnpm start` and the end-to-end tests set it.
const backend = process.env['EGOV_BACKEND_URL'] ?? 'http://127.0.0.1:8787';

// The backend URL the pages' <egov-auth backend-url> names. Default "/api":
// the same origin, proxied to the backend. EGOV_PAGE_BACKEND_URL (preview
// only) makes the pages call a backend on another origin directly, as a
// portal with its API on e.g. api.example.gov.rs does (the deployment
// end-to-end tests, e2e/topologies.e2e.test.ts).
const pageBackendUrl = process.env['EGOV_PAGE_BACKEND_URL'] || undefined;
const pageBackendOrigin = pageBackendUrl ? new URL(pageBackendUrl).origin : undefined;

const directBackend: Plugin = {
  name: 'egov-demo-direct-backend',
  configurePreviewServer(server) {
    if (!pageBackendUrl) return;
    // resolve, not join: the e2e tests build into an absolute temporary folder.
    const outDir = resolve(server.config.root, server.config.build.outDir);
    server.middlewares.use((req, res, next) => {
      const path = (req.url ?? '/').split('?')[0]!;
      const file = path === '/' ? 'index.html' : path.endsWith('.html') ? path.slice(1) : null;
      if (!file || file.includes('..')) return next();
      readFile(resolve(outDir, file), 'utf8').then(
        (page) => {
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.setHeader('Referrer-Policy', 'no-referrer');
          res.end(page.replaceAll('backend-url="/api"', `backend-url="${pageBackendUrl.replaceAll('"', '&quot;')}"`));
        },
        () => next(),
      );
    });
  },
};

// The repository's documents the home page links to, served as plain text
// (a browser shows it; markdown it would download) at /docs/<name>, and
// written into the build for a static copy of the demo.
const REPO_DOCS: Record<string, string> = {
  'integrator-guide.md': '../../docs/integrator-guide.md',
  'conformance.md': '../mock-server/conformance/README.md',
};
const repoDoc = (name: string) => readFile(fileURLToPath(new URL(REPO_DOCS[name]!, import.meta.url)), 'utf8');
const repoDocs: Plugin = {
  name: 'egov-demo-repo-docs',
  configureServer(server) {
    server.middlewares.use(serveRepoDocs);
  },
  configurePreviewServer(server) {
    server.middlewares.use(serveRepoDocs);
  },
  async generateBundle() {
    for (const name of Object.keys(REPO_DOCS)) this.emitFile({ type: 'asset', fileName: `docs/${name}`, source: await repoDoc(name) });
  },
};
function serveRepoDocs(req: { url?: string }, res: import('node:http').ServerResponse, next: () => void): void {
  const name = /^\/docs\/([a-z-]+\.md)(?:\?|$)/.exec(req.url ?? '')?.[1];
  if (!name || !Object.hasOwn(REPO_DOCS, name)) return next();
  repoDoc(name).then(
    (text) => {
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(text);
    },
    () => next(),
  );
}

// SECURITY.md 29: the built site (preview) is served with the policies of
// csp.ts, and the end-to-end tests check that nothing is refused. (Vite's dev
// server injects its own client, so dev is not.)
const contentSecurityPolicy: Plugin = {
  name: 'egov-demo-csp',
  configurePreviewServer(server) {
    server.middlewares.use((req, res, next) => {
      res.setHeader('Content-Security-Policy', policyFor(req.url, pageBackendOrigin));
      next();
    });
  },
};

export default defineConfig({
  plugins: [contentSecurityPolicy, directBackend, repoDocs],
  server: {
    host: '127.0.0.1',
    port: Number(process.env['EGOV_DEMO_PORT'] ?? 5173),
    strictPort: true,
    proxy: { '/api/': { target: backend } },
  },
  preview: {
    host: '127.0.0.1',
    port: Number(process.env['EGOV_DEMO_PORT'] ?? 4173),
    strictPort: true,
    proxy: { '/api/': { target: backend } },
    headers: { 'Referrer-Policy': 'no-referrer' },
  },
  build: {
    target: 'es2022',
    rollupOptions: {
      input: {
        home: 'index.html',
        gallery: 'gallery.html',
        tokens: 'tokens.html',
        api: 'api.html',
        login: 'login.html',
        register: 'register.html',
        confirmEmail: 'confirm-email.html',
        resetPassword: 'reset-password.html',
        states: 'states.html',
        dev: 'dev.html',
        hostCss: 'host-css.html',
      },
    },
  },
});
