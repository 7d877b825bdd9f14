// The integrator tests: the kit as a ministry's developer gets it — the packed
// tarball, installed with npm into apps made from public templates in a
// temporary folder, with packages from the registry only, nothing from this
// workspace but the tarball (and the mock server as the backend).
import { execFile } from 'node:child_process';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import { pnpmCommand } from '../../../scripts/lib.mjs';
import { freePort, startMockServer } from '../../mock-server/testing/backend-plugin.mjs';

export { freePort };

export const packageDir = fileURLToPath(new URL('..', import.meta.url));
const version = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')).version;

/** The demo account the mock server seeds in `--dev` mode. */
export const ACCOUNT = { email: 'active@example.test', password: 'Active-Demo-Passphrase-1' };

/**
 * npm as a developer runs it: none of the npm_/pnpm_ settings of the
 * command that started these tests (`npm test`) leak into the apps.
 */
function cleanEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_/i.test(key) && key !== 'NODE_OPTIONS' && key !== 'INIT_CWD'));
  return { ...env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false', ...extra };
}

/** Runs a command; resolves with its output, rejects with it (and the exit code) on failure. */
export function run(command, args, { cwd, env, timeoutMs = 300_000 } = {}) {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env: cleanEnv(env), timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (error) reject(Object.assign(new Error(`${command} ${args.join(' ')} failed (${error.code ?? error.signal}) in ${cwd}:\n${output}`), { output }));
      else resolve(output);
    });
  });
}

export const npm = (args, options) => run('npm', args, options);

/**
 * The packed kit. `EGOV_KIT_TARBALL` when the runner (run.mjs) packed it
 * once for every test file; else built and packed here.
 */
export async function tarball() {
  if (process.env.EGOV_KIT_TARBALL) return process.env.EGOV_KIT_TARBALL;
  return buildAndPack(await mkdtemp(join(tmpdir(), 'egov-kit-pack-')));
}

export async function buildAndPack(destination) {
  await run(process.execPath, [join(packageDir, 'tools/build.mjs')], { cwd: packageDir });
  await mkdir(destination, { recursive: true });
  const [command, ...prefix] = pnpmCommand();
  await run(command, [...prefix, 'pack', '--pack-destination', destination], { cwd: packageDir });
  const file = join(destination, `egov-auth-widgets-${version}.tgz`);
  if (!existsSync(file)) throw new Error(`pnpm pack wrote no ${file}`);
  return file;
}

/** A fresh folder for one app, removed by the caller's `after`. */
export async function tempDir(prefix) {
  return mkdtemp(join(tmpdir(), `egov-${prefix}-`));
}

/** `npm create vite@latest <name> -- --template <template>`: the current template, its defaults untouched. */
export async function createViteApp(parent, template, name = 'app') {
  await npm(['create', '--yes', 'vite@latest', name, '--', '--template', template, '--no-interactive'], { cwd: parent });
  return join(parent, name);
}

/** An app from a current Vite template in a fresh temporary folder, its dependencies and the packed kit installed with npm. */
export async function viteAppWithKit(template) {
  const kit = await tarball();
  const parent = await tempDir(template);
  const app = await createViteApp(parent, template);
  await npm(['install', '--loglevel=error'], { cwd: app });
  await npm(['install', '--loglevel=error', kit], { cwd: app });
  return { parent, app };
}

/** Every file under a folder, relative, with `/` separators. */
export function filesUnder(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(dir, join(prefix, entry.name)) : [join(prefix, entry.name).split(sep).join('/')],
  );
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.map': 'application/json', '.ico': 'image/x-icon' };

/**
 * A static server for a built app: `headers` on every answer (a CSP; or a
 * function of the file's path), `/api`
 * proxied to `apiTarget()` when given (a same-origin deployment: the backend
 * then needs this server's URL as its public URL), index.html
 * for `/`. Binds `host` (127.0.0.1 or localhost: different sites).
 */
export async function serve(root, { headers = {}, apiTarget, host = '127.0.0.1', port: wanted = 0 } = {}) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (apiTarget && url.pathname.startsWith('/api/')) {
      const target = apiTarget();
      const upstream = http.request(new URL(url.pathname + url.search, target), { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
      return;
    }
    const path = normalize(join(root, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
    if (!path.startsWith(root)) return void res.writeHead(403).end();
    try {
      if (!(await stat(path)).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store', ...(typeof headers === 'function' ? headers(path) : headers) });
      createReadStream(path).pipe(res);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(wanted, host === 'localhost' ? '127.0.0.1' : host, resolve));
  const { port } = server.address();
  return { url: `http://${host}:${port}`, port, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** The reference backend, fresh data, demo accounts seeded; `args` are mock-server flags. */
export function startBackend(args = []) {
  return startMockServer({ args });
}

/** Debian's Chromium; each page records console errors, page errors and CSP reports. */
export async function launch() {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  return {
    browser,
    async newPage() {
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems = { consoleErrors: [], pageErrors: [], cspViolations: [] };
      page.on('console', (message) => {
        if (message.type() === 'error') problems.consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
      await page.exposeFunction('__egovCspViolation', (text) => problems.cspViolations.push(text));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          window.__egovCspViolation(`${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      return { page, context, problems };
    },
    close: () => browser.close(),
  };
}

/** A person logs in with the password tab: types, submits, waits for the success event the page shows. */
export async function logInWithPassword(page, { email = ACCOUNT.email, password = ACCOUNT.password } = {}) {
  const login = page.locator('egov-login');
  await login.locator('input[autocomplete=username]').waitFor({ state: 'visible', timeout: 20_000 });
  await login.locator('input[autocomplete=username]').fill(email);
  await login.locator('input[autocomplete=current-password]').fill(password);
  await login.locator('input[autocomplete=current-password]').press('Enter');
}

export async function removeDir(dir) {
  if (dir) await rm(dir, { recursive: true, force: true });
}

