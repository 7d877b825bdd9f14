// `pnpm --filter @egov/auth-widgets test:integration` (and a step of `npm test`):
// builds and packs the kit once, then runs every integrator test against that
// tarball, one file at a time (each makes its own apps in a temporary folder).
// `--pack-to <dir>` keeps the tarball there (the release script).
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAndPack } from './harness.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const keep = process.argv.indexOf('--pack-to');
const packDir = keep > 0 ? resolve(process.argv[keep + 1]) : await mkdtemp(join(tmpdir(), 'egov-kit-pack-'));
const code = await (async () => {
  const tarball = await buildAndPack(packDir);
  console.log(`packed ${tarball}`);
  const files = readdirSync(here).filter((file) => file.endsWith('.test.mjs')).sort().map((file) => join(here, file));
  const child = spawn(process.execPath, ['--test', '--test-concurrency=1', ...files], { stdio: 'inherit', env: { ...process.env, EGOV_KIT_TARBALL: tarball } });
  return new Promise((resolve) => child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))));
})().finally(() => (keep > 0 ? undefined : rm(packDir, { recursive: true, force: true })));
process.exit(code);
