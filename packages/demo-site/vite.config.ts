import { defineConfig } from 'vite';

// The mock server's address; `pnpm start` and the end-to-end tests set it.
const backend = process.env['EGOV_BACKEND_URL'] ?? 'http://127.0.0.1:8787';

// SECURITY.md 29: the password flows run under a strict CSP with Trusted Types.
// The built site (preview) is served with it, and the end-to-end tests check that
// nothing is refused. (Vite's dev server injects its own client, so dev is not.)
const strictCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // blob: for the thumbnails of the documents a person attaches.
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "require-trusted-types-for 'script'",
].join('; ');

export default defineConfig({
  server: {
    host: '127.0.0.1',
    port: Number(process.env['EGOV_DEMO_PORT'] ?? 5173),
    strictPort: true,
    proxy: { '/api': { target: backend } },
  },
  preview: {
    host: '127.0.0.1',
    port: Number(process.env['EGOV_DEMO_PORT'] ?? 4173),
    strictPort: true,
    proxy: { '/api': { target: backend } },
    headers: { 'Content-Security-Policy': strictCsp, 'Referrer-Policy': 'no-referrer' },
  },
  build: {
    target: 'es2022',
    rollupOptions: {
      input: {
        login: 'index.html',
        register: 'register.html',
        confirmEmail: 'confirm-email.html',
        resetPassword: 'reset-password.html',
        dev: 'dev.html',
      },
    },
  },
});
