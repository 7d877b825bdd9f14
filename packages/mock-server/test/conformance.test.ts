/**
 * The conformance suite against the reference backend, as part of `npm test`:
 * a mock server on a free port (development and reviewer operations on, with
 * tokens, fresh data directory), the suite's files run through node:test's
 * the same runner as `pnpm conformance` (TAP output, read back here so each
 * failing conformance test is named).
 * Also checks the `pnpm conformance` command itself (usage errors, exit codes).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { createMockServer, type MockServer } from '../src/app.ts';
import { runSuite } from '../conformance/run.ts';
import type { ConformanceSettings } from '../conformance/settings.ts';

const DEV_TOKEN = 'conformance-dev-token';
/** The suite acts as a site on another origin, allow-listed: so the CORS tests run too. */
const SITE_ORIGIN = 'http://portal.example.test';
const REVIEWER_TOKEN = 'conformance-reviewer-token';
const LAUNCHER = fileURLToPath(new URL('../bin/egov-conformance.mjs', import.meta.url));

interface Outcome {
  name: string;
  passed: boolean;
  skipped: string | boolean;
  error?: string;
}

/**
 * Reads node's TAP output: every test result with its full name (suites
 * joined by ›), leaving out the suites themselves.
 */
export function parseTap(output: string): Outcome[] {
  const outcomes: Outcome[] = [];
  const stack: string[] = [];
  const lines = output.split(/\r?\n/);
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const subtest = /^(\s*)# Subtest: (.*)$/.exec(line);
    if (subtest) {
      const level = subtest[1]!.length / 4;
      stack.length = level;
      stack[level] = subtest[2]!;
      continue;
    }
    const result = /^(\s*)(ok|not ok) \d+ - (.*?)(?: # (SKIP|TODO)\b ?(.*))?$/.exec(line);
    if (!result) continue;
    const level = result[1]!.length / 4;
    const yamlIndent = `${result[1]}  `;
    let isSuite = false;
    const errorLines: string[] = [];
    if (lines[i + 1] === `${yamlIndent}---`) {
      let inError = false;
      for (i += 2; i < lines.length && lines[i] !== `${yamlIndent}...`; i += 1) {
        const entry = lines[i]!.slice(yamlIndent.length);
        if (entry === "type: 'suite'") isSuite = true;
        if (/^\S/.test(entry)) inError = entry.startsWith('error:');
        if (inError) errorLines.push(entry.replace(/^error:\s*(\|-)?/, '').trim());
      }
    }
    if (isSuite) continue;
    outcomes.push({
      name: [...stack.slice(0, level), result[3]!.replace(/\\#/g, '#')].join(' › '),
      passed: result[2] === 'ok',
      skipped: result[4] === 'SKIP' ? result[5] || true : false,
      ...(result[2] === 'not ok' ? { error: errorLines.filter(Boolean).join(' ') } : {}),
    });
  }
  return outcomes;
}

/** Runs the suite (the same child processes as `pnpm conformance`, TAP output) and reads every outcome. */
async function runConformance(settings: ConformanceSettings): Promise<{ outcomes: Outcome[]; code: number; output: string }> {
  const { child, exit } = runSuite({ settings, reporter: 'tap', stdio: 'pipe' });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await exit;
  return { outcomes: parseTap(output), code, output };
}

describe('conformance suite against the mock server', { timeout: 600_000 }, () => {
  let mock: MockServer;
  let dataDir: string;
  let outcomes: Outcome[] = [];
  let exitCode = -1;
  let output = '';

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'egov-conformance-'));
    mock = createMockServer({
      dataDir,
      dev: { enabled: true, token: DEV_TOKEN },
      reviewerToken: REVIEWER_TOKEN,
      allowedOrigins: [SITE_ORIGIN],
      logger: () => undefined,
    });
    const { apiUrl } = await mock.listen(0, '127.0.0.1');
    ({ outcomes, code: exitCode, output } = await runConformance({
      baseUrl: apiUrl,
      origin: SITE_ORIGIN,
      devToken: DEV_TOKEN,
      reviewerToken: REVIEWER_TOKEN,
    }));
  });

  after(async () => {
    await mock?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('every conformance test passes', (t) => {
    assert.ok(outcomes.length >= 30, `the suite ran (${outcomes.length} tests): ${output.slice(-2000)}`);
    const failed = outcomes.filter((outcome) => !outcome.passed);
    const skipped = outcomes.filter((outcome) => outcome.skipped);
    t.diagnostic(`${outcomes.length} conformance tests: ${outcomes.length - failed.length} passed, ${failed.length} failed, ${skipped.length} skipped`);
    for (const outcome of skipped) t.diagnostic(`skipped: ${outcome.name} (${outcome.skipped})`);
    assert.deepEqual(
      failed.map((outcome) => `${outcome.name}: ${outcome.error}`),
      [],
      'conformance tests that failed against the mock server',
    );
    assert.equal(exitCode, 0, 'the suite exits 0');
  });

  test('no test was skipped: the mock server supports everything the suite checks', () => {
    assert.deepEqual(outcomes.filter((outcome) => outcome.skipped).map((outcome) => outcome.name), []);
  });
});

/**
 * A proxy in front of a backend that lets `mutate` change each answer
 * (status, headers, body) before the suite sees it.
 */
async function breakingProxy(
  target: string,
  mutate: (request: { method: string; path: string; body: Buffer }, answer: { status: number; headers: IncomingHttpHeaders; body: Buffer }) => void,
): Promise<{ url: string; server: Server }> {
  const targetUrl = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const requestBody = Buffer.concat(chunks);
      const upstream = httpRequest(
        { host: targetUrl.hostname, port: targetUrl.port, method: req.method, path: req.url, headers: { ...req.headers, host: targetUrl.host } },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => parts.push(chunk));
          answer.on('end', () => {
            const result = { status: answer.statusCode ?? 502, headers: { ...answer.headers }, body: Buffer.concat(parts) };
            mutate({ method: req.method ?? 'GET', path: req.url ?? '/', body: requestBody }, result);
            delete result.headers['content-length'];
            delete result.headers['transfer-encoding'];
            delete result.headers.connection;
            res.writeHead(result.status, { ...result.headers, 'content-length': result.body.length });
            res.end(result.body);
          });
        },
      );
      upstream.on('error', () => res.destroy());
      upstream.end(requestBody);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('the suite catches a backend that breaks the contract', { timeout: 300_000 }, () => {
  test('a leaking login failure, a missing nosniff header and an extra body field are reported', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'egov-conformance-broken-'));
    const mock = createMockServer({ dataDir, dev: { enabled: true, token: DEV_TOKEN }, reviewerToken: REVIEWER_TOKEN, logger: () => undefined });
    const { url } = await mock.listen(0, '127.0.0.1');
    const proxy = await breakingProxy(url, (request, answer) => {
      // Security headers: nosniff dropped from every answer.
      delete answer.headers['x-content-type-options'];
      // Enumeration: an unknown e-mail is told apart from a wrong password.
      if (request.path.endsWith('/login/password') && answer.status === 401 && request.body.toString().includes('-nobody-')) {
        answer.body = Buffer.from(JSON.stringify({ error: { code: 'invalid_credentials', reason: 'no such account' } }));
      }
      // Schema: a field the contract does not have.
      if (request.path.endsWith('/password-reset') && answer.status === 202) {
        answer.body = Buffer.from(JSON.stringify({ ...JSON.parse(answer.body.toString()), queued: true }));
      }
    });
    try {
      const { outcomes } = await runConformance({
        baseUrl: `${proxy.url}/api`,
        origin: new URL(url).origin,
        devToken: DEV_TOKEN,
        reviewerToken: REVIEWER_TOKEN,
      });
      const failures = new Map(outcomes.filter((outcome) => !outcome.passed).map((outcome) => [outcome.name, outcome.error ?? '']));
      const failure = (pattern: RegExp) => [...failures].find(([name]) => pattern.test(name));
      assert.match(failure(/identical answer/)?.[1] ?? 'passed', /same body/, 'the login difference is caught');
      assert.match(failure(/not cached, not sniffed/)?.[1] ?? 'passed', /nosniff/, 'the missing header is caught');
      assert.match(failure(/unknown e-mail gets the same 202/)?.[1] ?? 'passed', /does not match the contract.*queued/, 'the extra field is caught');
      assert.ok(!failure(/GET \/session creates/), 'what the proxy leaves alone still passes');
    } finally {
      await new Promise<void>((resolve) => proxy.server.close(() => resolve()));
      await mock.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the conformance command', { timeout: 120_000 }, () => {
  function command(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const env: NodeJS.ProcessEnv = { ...process.env };
      delete env.NODE_TEST_CONTEXT;
      const child = spawn(process.execPath, [LAUNCHER, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
  }

  test('without --base-url it explains itself and exits 2', async () => {
    const { code, stderr } = await command([]);
    assert.equal(code, 2);
    assert.match(stderr, /--base-url is required/);
    assert.match(stderr, /Usage: pnpm conformance --base-url <URL>/);
  });

  test('refuses a bad URL, a bad origin and unknown options', async () => {
    assert.equal((await command(['--base-url', 'not a url'])).code, 2);
    assert.equal((await command(['--base-url', 'ftp://x.example/api'])).code, 2);
    const origin = await command(['--base-url', 'http://127.0.0.1:1/api', '--origin', 'https://site.example/path']);
    assert.equal(origin.code, 2);
    assert.match(origin.stderr, /not an origin/);
    const unknown = await command(['--base-url', 'http://127.0.0.1:1/api', '--colour']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /colour/);
  });

  test('--help prints the usage and exits 0', async () => {
    const { code, stdout } = await command(['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /--reviewer-token/);
  });

  test('exits 1 when the backend fails (nothing listens there)', async () => {
    const { code, stdout } = await command(['--base-url', 'http://127.0.0.1:9/api', '--test-name-pattern', 'GET /session creates']);
    assert.equal(code, 1);
    assert.match(stdout, /no answer/);
    assert.match(stdout, /conformance: the backend failed/);
  });

  test('exits 0 when the selected tests pass', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'egov-conformance-cli-'));
    const server = createMockServer({ dataDir, dev: { enabled: true, token: DEV_TOKEN }, reviewerToken: REVIEWER_TOKEN, logger: () => undefined });
    try {
      const { apiUrl } = await server.listen(0, '127.0.0.1');
      const { code, stdout } = await command(['--base-url', apiUrl, '--dev-token', DEV_TOKEN, '--reviewer-token', REVIEWER_TOKEN, '--test-name-pattern', 'CSRF token']);
      assert.equal(code, 0, stdout);
      assert.match(stdout, /ℹ pass [1-9]/);
      assert.match(stdout, /ℹ fail 0/);
      assert.match(stdout, /conformance: the backend passed every test/);
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
