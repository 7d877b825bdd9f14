// A @web/test-runner (or @web/dev-server) plugin that runs the real mock
// server as a child process on a free port, with a fresh data directory, and
// serves it under /api on the test page's own origin. Under /faulty/<kind>/api
// it serves the same backend with one fault injected into state-changing
// requests, so component tests can meet a backend that is down, slow or broken.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const serverEntry = fileURLToPath(new URL('../src/main.ts', import.meta.url));

/** A free TCP port on loopback, chosen by the OS. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForServer(url, child, deadlineMs = 20_000) {
  const start = Date.now();
  while (Date.now() - start < deadlineMs) {
    if (child.exitCode !== null) throw new Error(`mock server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`mock server did not answer at ${url}`);
}

/**
 * Starts `packages/mock-server` with development operations on.
 * Returns { url, port, dataDir, stop() }.
 */
export async function startMockServer({ port, dataDir, args = [], env = {}, log = false } = {}) {
  const chosenPort = port ?? (await freePort());
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'egov-mock-')));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', serverEntry, '--port', String(chosenPort), '--host', '127.0.0.1', '--data-dir', dir, '--dev', ...args],
    // cwd: tsx resolves from this package's node_modules.
    { cwd: packageDir, stdio: ['ignore', log ? 'inherit' : 'ignore', 'inherit'], env: { ...process.env, ...env } },
  );
  const url = `http://127.0.0.1:${chosenPort}`;
  await waitForServer(`${url}/api/session`, child);
  return {
    url,
    port: chosenPort,
    dataDir: dir,
    async stop({ keepData = false } = {}) {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!keepData && !dataDir) await rm(dir, { recursive: true, force: true });
    },
  };
}

const FAULTS = {
  // The connection is dropped without an answer: what a stopped backend looks like to fetch.
  down: (_req, res) => res.socket?.destroy(),
  // A proxy's error page instead of JSON.
  500: (_req, res) => {
    res.writeHead(502, { 'Content-Type': 'text/html' });
    res.end('<html><body>Bad gateway</body></html>');
  },
  // 200 with a body that is not JSON.
  malformed: (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"user": ');
  },
  // Answers after 5 s: longer than the timeout a test sets.
  slow: (_req, res) => {
    setTimeout(() => {
      if (!res.writableEnded) {
        res.writeHead(503, { 'Content-Type': 'application/json' });
        res.end('{}');
      }
    }, 5_000);
  },
};

function proxy(req, res, target, path) {
  const upstream = http.request(
    `${target}${path}`,
    { method: req.method, headers: { ...req.headers } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(upstream);
}

/**
 * For @web/test-runner and @web/dev-server: `plugin` starts and stops the
 * server; `middleware` (which runs before the static files) serves
 * `/api/*` from it and `/faulty/<fault>/api/*` with the fault on POSTs.
 */
export function mockBackend(options = {}) {
  let backend;
  const plugin = {
    name: 'egov-mock-backend',
    async serverStart({ config }) {
      // Behind this proxy the API lives on the test page's origin: that is the server's public URL.
      const publicUrl = `${config.protocol ?? 'http:'}//${config.hostname}:${config.port}`;
      backend = await startMockServer({ ...options, args: ['--public-url', publicUrl, ...(options.args ?? [])] });
    },
    async serverStop() {
      await backend?.stop();
    },
  };
  async function middleware(ctx, next) {
    const url = ctx.req.url ?? '';
    const faulty = /^\/faulty\/([a-z0-9]+)(\/api\/.*)$/.exec(url);
    if (backend && faulty) {
      ctx.status = 200; // only for the runner's request log: the proxy writes the real answer
      ctx.respond = false;
      const fault = FAULTS[faulty[1]];
      if (fault && ctx.req.method === 'POST') fault(ctx.req, ctx.res);
      else proxy(ctx.req, ctx.res, backend.url, faulty[2]);
      return;
    }
    if (backend && url.startsWith('/api/')) {
      ctx.status = 200; // only for the runner's request log: the proxy writes the real answer
      ctx.respond = false;
      proxy(ctx.req, ctx.res, backend.url, url);
      return;
    }
    await next();
  }
  return { plugin, middleware };
}
