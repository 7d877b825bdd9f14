import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { UsageError, parseServerCommand } from '../src/cli-options.ts';
import { createMockServer } from '../src/app.ts';
import { DEMO_ACCOUNTS } from '../src/seed.ts';
import { Store } from '../src/store.ts';
import { Browser, errorCode } from './helpers.ts';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const dataDirs: string[] = [];
after(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'egov-mock-cli-'));
  dataDirs.push(dir);
  return dir;
}

/** A clean environment: EGOV_* from the developer's shell must not leak into the test. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('EGOV_')));
  return { ...env, ...extra };
}

test('the main entry prints its URL, seeds the demo accounts with --dev, and stops on SIGTERM', async () => {
  const dataDir = tempDir();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--port', '0', '--dev', '--data-dir', dataDir], {
    cwd: packageDir,
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed; stdout: ${stdout} stderr: ${stderr}`)), 15_000);
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.on('exit', () => reject(new Error(`exited early; stderr: ${stderr}`)));
    });
    const browser = new Browser(`${url}/api`);
    for (const account of DEMO_ACCOUNTS) {
      const reply = await browser.login(account.email, account.password);
      if (account.state === 'active') assert.equal(reply.status, 200, account.email);
      else assert.equal(reply.status, 403, account.email);
      if (account.state === 'rejected') assert.equal(errorCode(reply), 'account_rejected');
    }
    const logLine = stdout.split('\n').find((line) => line.includes('"login_succeeded"'));
    assert.ok(logLine, 'auth events are JSON lines on stdout');
    assert.equal(JSON.parse(logLine).account, 'a***@example.test');
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0, `graceful exit; stderr: ${stderr}`);
});

test('--dev on a public address without a token is refused', () => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', '--dev', '--host', '0.0.0.0', '--port', '0', '--data-dir', tempDir()], {
    cwd: packageDir,
    env: cleanEnv(),
    encoding: 'utf8',
    timeout: 15_000,
  });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /--dev-token/);
});

test('bad flags print the usage', () => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', '--no-such-flag'], {
    cwd: packageDir,
    env: cleanEnv(),
    encoding: 'utf8',
    timeout: 15_000,
  });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /Usage: egov-mock-server/);
});

test('the seed command puts the demo accounts into a data directory, once', async () => {
  const dataDir = tempDir();
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/seed-cli.ts', ...args], {
      cwd: packageDir,
      env: cleanEnv({ EGOV_DATA_DIR: dataDir }),
      encoding: 'utf8',
      timeout: 30_000,
    });
  const first = run();
  assert.equal(first.status, 0, first.stderr);
  assert.equal((first.stdout.match(/created/g) ?? []).length, DEMO_ACCOUNTS.length);
  const second = run();
  assert.equal((second.stdout.match(/kept/g) ?? []).length, DEMO_ACCOUNTS.length, 'existing accounts are kept');
  const store = await Store.open({ dataDir });
  try {
    for (const account of DEMO_ACCOUNTS) {
      const stored = await store.findAccountByEmail(account.email);
      assert.equal(stored?.state, account.state);
      assert.ok(stored?.passwordHash && !stored.passwordHash.includes(account.password));
    }
    assert.equal((await store.findAccountByEmail('rejected@example.test'))?.rejectionReason, DEMO_ACCOUNTS[3]!.rejectionReason);
  } finally {
    await store.close();
  }
});


test('the registration flags and variables reach the options; flags win', () => {
  const command = parseServerCommand(
    [
      '--reviewer-token', 'r-token',
      '--site-url', 'https://portal.example/',
      '--confirm-email-path', '/potvrda',
      '--login-path', '/prijava',
      '--password-min-length', '20',
      '--upload-max-files', '3',
      '--abandoned-hours', '72',
    ],
    { EGOV_RESET_PASSWORD_PATH: '/lozinka', EGOV_UPLOAD_MAX_BYTES: '1048576', EGOV_PASSWORD_MIN_LENGTH: '30', EGOV_UPLOADS_DIR: '/tmp/egov-up' },
  );
  const { options } = command;
  assert.equal(options.reviewerToken, 'r-token');
  assert.equal(options.siteUrl, 'https://portal.example/');
  assert.equal(options.confirmEmailPath, '/potvrda');
  assert.equal(options.resetPasswordPath, '/lozinka');
  assert.equal(options.loginPath, '/prijava');
  assert.deepEqual(options.passwordPolicy, { minLength: 20 });
  assert.deepEqual(options.uploads, { maxFiles: 3, maxFileBytes: 1_048_576 });
  assert.equal(options.uploadsDir, '/tmp/egov-up');
  assert.equal(options.abandonedRegistrationMs, 72 * 3_600_000);
  assert.throws(() => parseServerCommand(['--upload-max-bytes', '3MB'], {}), UsageError);
});

test('the password guess budget: flag or variable, at least 1', () => {
  assert.deepEqual(parseServerCommand(['--password-guess-budget', '50'], {}).options.throttle, { guessCap: { maxFailures: 50 } });
  assert.deepEqual(parseServerCommand([], { EGOV_PASSWORD_GUESS_BUDGET: '20' }).options.throttle, { guessCap: { maxFailures: 20 } });
  assert.equal(parseServerCommand([], {}).options.throttle, undefined);
  assert.throws(() => createMockServer({ dataDir: tempDir(), throttle: { guessCap: { maxFailures: 0 } } }), /guess budget/);
});

test('a policy value out of range stops the server with the usage (exit 2)', () => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', '--password-min-length', '7', '--port', '0', '--data-dir', tempDir()], {
    cwd: packageDir,
    env: cleanEnv(),
    encoding: 'utf8',
    timeout: 15_000,
  });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /minLength must be an integer from 8/);
});
