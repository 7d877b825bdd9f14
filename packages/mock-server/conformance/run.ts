/**
 * `pnpm conformance --base-url <URL>`: runs the contract's behaviour tests
 * against any backend and exits non-zero when one fails.
 *
 * The tests are node:test files under `tests/`; they run in child processes
 * (`node --import tsx --test`), one file at a time, with the settings in
 * EGOV_CONFORMANCE_* environment variables. Node's own reporter prints the
 * results and the summary.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkSettings, settingsToEnv, type ConformanceSettings } from './settings.ts';

const USAGE = `Usage: pnpm conformance --base-url <URL> [options]

Runs the eGov Auth Kit contract's behaviour tests against a backend.

  --base-url <URL>         the API base URL, e.g. http://127.0.0.1:8787/api (required)
  --origin <origin>        the Origin header to send: a site the backend accepts
                           (default: the base URL's origin)
  --dev-token <token>      sent as X-Egov-Dev-Token to the development operations
  --reviewer-token <token> sent as X-Egov-Reviewer-Token to the reviewer operations
  --test-name-pattern <re> run only the tests whose name matches
  --reporter <name>        node's test reporter: spec (default) or tap
  -h, --help               this text

The backend's test environment must have its development operations on
(outbox of sent e-mails, reviewer list/approve/reject). Every run uses new
e-mail addresses, so it can run again and again against the same backend.
`;

const TESTS_DIR = fileURLToPath(new URL('./tests/', import.meta.url));

export function testFiles(): string[] {
  return readdirSync(TESTS_DIR)
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => `${TESTS_DIR}${name}`);
}

export interface RunOptions {
  settings: ConformanceSettings;
  testNamePattern?: string;
  reporter?: 'spec' | 'tap';
  /** Where the children's output goes: inherited by default. */
  stdio?: 'inherit' | 'pipe';
}

/** Spawns node's test runner on the suite; resolves with the child process once it has exited. */
export function runSuite(options: RunOptions): { child: ReturnType<typeof spawn>; exit: Promise<number> } {
  const tsx = import.meta.resolve('tsx');
  const args = [
    '--import',
    tsx,
    '--test',
    '--test-concurrency=1',
    `--test-reporter=${options.reporter ?? 'spec'}`,
    ...(options.testNamePattern ? [`--test-name-pattern=${options.testNamePattern}`] : []),
    ...testFiles(),
  ];
  const env: NodeJS.ProcessEnv = { ...process.env, ...settingsToEnv(options.settings) };
  // Started from inside a node:test run (the CI test), the child must still be a top-level runner.
  delete env.NODE_TEST_CONTEXT;
  const child = spawn(process.execPath, args, {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env,
    stdio: options.stdio === 'pipe' ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
  const exit = new Promise<number>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
  return { child, exit };
}

function usageError(message: string): never {
  process.stderr.write(`conformance: ${message}\n\n${USAGE}`);
  process.exit(2);
}

/** The command: parses `argv` (without node and the script), runs the suite, sets the exit code. */
export async function main(argv: string[]): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv[0] === '--' ? argv.slice(1) : argv,
      options: {
        'base-url': { type: 'string' },
        origin: { type: 'string' },
        'dev-token': { type: 'string' },
        'reviewer-token': { type: 'string' },
        'test-name-pattern': { type: 'string' },
        reporter: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    usageError((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  let settings: ConformanceSettings;
  try {
    settings = checkSettings({
      baseUrl: values['base-url'] as string | undefined,
      origin: values.origin as string | undefined,
      devToken: values['dev-token'] as string | undefined,
      reviewerToken: values['reviewer-token'] as string | undefined,
    });
  } catch (error) {
    usageError((error as Error).message);
  }
  const reporter = (values.reporter as string | undefined) ?? 'spec';
  if (reporter !== 'spec' && reporter !== 'tap') usageError(`--reporter must be spec or tap, not ${JSON.stringify(reporter)}`);

  process.stdout.write(`eGov Auth Kit conformance suite against ${settings.baseUrl} (Origin ${settings.origin})\n`);
  const { exit } = runSuite({
    settings,
    reporter,
    ...(values['test-name-pattern'] ? { testNamePattern: values['test-name-pattern'] as string } : {}),
  });
  const code = await exit;
  process.stdout.write(code === 0 ? '\nconformance: the backend passed every test\n' : '\nconformance: the backend failed (see above)\n');
  process.exitCode = code === 0 ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main(process.argv.slice(2));
}
