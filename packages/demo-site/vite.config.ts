import { defineConfig, type Plugin } from 'vite';
import { policyFor } from './csp.ts';

// The mock server's address; `pnpm start` and the end-to-end tests set it.
const backend = process.env['EGOV_BACKEND_URL'] ?? 'http://127.0.0.1:8787';

// SECURITY.md 29: the built site (preview) is served with the policies of
// csp.ts, and the end-to-end tests check that nothing is refused. (Vite's dev
// server injects its own client, so dev is not.)
const contentSecurityPolicy: Plugin = {
  name: 'egov-demo-csp',
  configurePreviewServer(server) {
    server.middlewares.use((req, res, next) => {
      res.setHeader('Content-Security-Policy', policyFor(req.url));
      next();
    });
  },
};

export default defineConfig({
  plugins: [contentSecurityPolicy],
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
    headers: { 'Referrer-Policy': 'no-referrer' },
  },
  build: {
    target: 'es2022',
    rollupOptions: {
      input: {
        login: 'index.html',
        register: 'register.html',
        confirmEmail: 'confirm-email.html',
        resetPassword: 'reset-password.html',
        states: 'states.html',
        dev: 'dev.html',
      },
    },
  },
});
