// Starts the real pieces for an end-to-end test: the mock server (fresh data
// directory, demo accounts), the built demo site served by `vite preview`
// with the strict CSP in front of it, and Debian's Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error: plain-JS helpers shared with the component tests.
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
// @ts-expect-error: a plain-JS helper of the mock server package, shared with the component tests.
import { freePort, startMockServer } from '@egov/mock-server/testing/backend-plugin.mjs';

const siteDir = fileURLToPath(new URL('..', import.meta.url));
const viteBin = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));

interface MockServer {
  url: string;
  stop(): Promise<void>;
}

function runVite(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [viteBin, ...args], { cwd: siteDir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`process for ${url} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

let built = false;

/** Builds the demo site once per test process. */
async function build(): Promise<void> {
  if (built) return;
  const child = runVite(['build', '--logLevel', 'warn'], {});
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`vite build failed with ${code}`);
  built = true;
}

export interface Stack {
  siteUrl: string;
  backend: MockServer;
  browser: Browser;
  newPage(): Promise<{ page: Page; cspViolations: string[] }>;
  stop(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  await build();
  const sitePort = await freePort();
  const siteUrl = `http://127.0.0.1:${sitePort}`;
  // The site proxies /api to the backend, so the API's public URL is the site's.
  const backend: MockServer = await startMockServer({ args: ['--public-url', siteUrl] });
  const preview = runVite(['preview', '--port', String(sitePort), '--strictPort'], {
    EGOV_BACKEND_URL: backend.url,
    EGOV_DEMO_PORT: String(sitePort),
  });
  await waitFor(`${siteUrl}/`, preview);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

  return {
    siteUrl,
    backend,
    browser,
    async newPage() {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cspViolations: string[] = [];
      await page.exposeFunction('__reportCsp', (text: string) => cspViolations.push(text));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          (window as unknown as { __reportCsp(t: string): void }).__reportCsp(`${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      return { page, cspViolations };
    },
    async stop() {
      await browser.close();
      preview.kill('SIGTERM');
      await backend.stop();
    },
  };
}
