// Component tests run in Debian's Chromium (never a downloaded browser).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { mockBackend } from './packages/mock-server/testing/backend-plugin.mjs';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

// The reviewer token matches packages/auth-widgets/test-support/backend.ts.
const backend = mockBackend({ args: ['--reviewer-token', 'test-reviewer-token'] });

export default {
  rootDir: '.',
  files: ['packages/auth-widgets/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  middleware: [backend.middleware],
  plugins: [
    // The real reference backend, same-origin under /api (and faulty variants under /faulty/<kind>/api).
    backend.plugin,
    esbuildPlugin({
      ts: true,
      // es2022 lowers the legacy decorators Lit uses here; the default target leaves them as they are.
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: chromiumArgs,
      },
    }),
  ],
  concurrency: 1,
  // The shared element suite runs every element in every language: more than the default two minutes for one file.
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10000 } },
  coverageConfig: { include: ['packages/*/src/**/*.ts'] },
};
