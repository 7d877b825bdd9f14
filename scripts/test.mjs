// `npm test`: installs what the tests need, then runs every check. Exits non-zero if any fails.
import { bin, ensureChromium, install, run } from './lib.mjs';

await install();
await ensureChromium();

const steps = [
  ['type-check', bin('tsc'), ['-p', 'packages/auth-widgets']],
  ['type-check', bin('tsc'), ['-p', 'packages/mock-server']],
  ['type-check', bin('tsc'), ['-p', 'packages/demo-site']],
  ['lint', bin('eslint'), ['.']],
  ['lint rules', process.execPath, ['--test', 'scripts/lint-rules.test.mjs']],
  ['mock-server tests', process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', 'test/'], { cwd: 'packages/mock-server' }],
  ['component tests (Chromium)', bin('web-test-runner'), []],
  ['end-to-end tests (Chromium)', process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', 'e2e/'], { cwd: 'packages/demo-site' }],
];

const failed = [];
for (const [name, command, args, options = {}] of steps) {
  console.log(`\n▶ ${name}: ${[command.replace(/^.*\//, ''), ...args].join(' ')}`);
  const cwd = options.cwd ? new URL(`../${options.cwd}/`, import.meta.url).pathname : undefined;
  const code = await run(command, args, cwd ? { cwd } : {});
  if (code !== 0) failed.push(name);
}

console.log(failed.length === 0 ? '\n✔ all checks passed' : `\n✘ failed: ${failed.join(', ')}`);
process.exit(failed.length === 0 ? 0 : 1);
