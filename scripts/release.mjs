// `pnpm release`: the pending changesets become the new version and the
// changelog; then the kit is built, packed, and proven by the integrator tests
// against that very tarball. It stops before publishing: a person runs
// `npm publish <tarball>` after reading the changelog.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { bin, root, run } from './lib.mjs';

const pending = readdirSync(join(root, '.changeset')).filter((file) => file.endsWith('.md') && file !== 'README.md');
if (pending.length > 0) {
  console.log(`\n▶ applying ${pending.length} changeset(s)`);
  if ((await run(bin('changeset'), ['version'])) !== 0) process.exit(1);
} else {
  console.log('\n▶ no pending changesets: releasing the version in package.json as it is');
}

const kit = join(root, 'packages/auth-widgets');
const { version } = JSON.parse(readFileSync(join(kit, 'package.json'), 'utf8'));
const out = join(kit, '.tmp/release');
await rm(out, { recursive: true, force: true });
console.log(`\n▶ building, packing and testing @egov/auth-widgets ${version}`);
const code = await run(process.execPath, [join(kit, 'integration/run.mjs'), '--pack-to', out]);
const tarball = join(out, `egov-auth-widgets-${version}.tgz`);
if (code !== 0 || !existsSync(tarball)) {
  console.error('\n✘ the integrator tests failed: nothing to publish');
  process.exit(1);
}
console.log(`\n✔ ${tarball}\n  review packages/auth-widgets/CHANGELOG.md, commit, then: npm publish ${tarball}`);
