// `npm test`: installs what the tests need, then runs every check. Exits non-zero if any fails.
import { bin, ensureChromium, ensureSoftHsm, install, run, testFiles } from './lib.mjs';

await install();
await ensureChromium();
await ensureSoftHsm();

const steps = [
  ['type-check', bin('tsc'), ['-p', 'packages/auth-widgets']],
  ['type-check', bin('tsc'), ['-p', 'packages/mock-server']],
  ['type-check', bin('tsc'), ['-p', 'packages/demo-site']],
  ['lint', bin('eslint'), ['.']],
  ['lint rules', process.execPath, ['--test', 'scripts/lint-rules.test.mjs']],
  ['manifest, API docs and React types in sync', process.execPath, ['--test', '--test-concurrency=1', ...testFiles('packages/auth-widgets/tools')]],
  ['mock-server tests', process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...testFiles('packages/mock-server/test')], { cwd: 'packages/mock-server' }],
  ['component tests (Chromium)', bin('web-test-runner'), []],
  // The packed tarball in apps made from public templates, with packages from the npm registry.
  ['integrator tests (packed kit, npm, Chromium)', process.execPath, ['packages/auth-widgets/integration/run.mjs']],
  ['end-to-end tests (Chromium)', process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...testFiles('packages/demo-site/e2e')], { cwd: 'packages/demo-site' }],
];

/**
 * Reads the test counts each runner prints last: node's test runner
 * ("# pass N" / "# fail N") and web-test-runner ("N passed, N failed").
 */
function counter() {
  let text = '';
  return {
    onOutput: (chunk) => (text += chunk),
    counts() {
      // eslint-disable-next-line no-control-regex
      const plain = text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
      const node = [...plain.matchAll(/^# (pass|fail) (\d+)$/gm)];
      if (node.length > 0) {
        const last = (kind) => Number(node.filter((m) => m[1] === kind).at(-1)?.[2] ?? 0);
        return { passed: last('pass'), failed: last('fail') };
      }
      const wtr = [...plain.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
      return wtr ? { passed: Number(wtr[1]), failed: Number(wtr[2]) } : { passed: 0, failed: 0 };
    },
  };
}

const failedSteps = [];
let passed = 0;
let failed = 0;
for (const [name, command, args, options = {}] of steps) {
  console.log(`\n▶ ${name}: ${[command.replace(/^.*\//, ''), ...args].join(' ')}`);
  const cwd = options.cwd ? new URL(`../${options.cwd}/`, import.meta.url).pathname : undefined;
  const count = counter();
  const code = await run(command, args, { ...(cwd ? { cwd } : {}), onOutput: count.onOutput });
  const counts = count.counts();
  passed += counts.passed;
  failed += counts.failed;
  if (code !== 0) failedSteps.push(name);
}

console.log(failedSteps.length === 0 ? '\n✔ all checks passed' : `\n✘ failed: ${failedSteps.join(', ')}`);
// One closing line over every runner, in the plain form CI reads.
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps.length === 0 ? 0 : 1);
