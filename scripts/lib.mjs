// Shared by start.mjs and test.mjs. Plain Node: these run before anything is installed.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from './chromium.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));
const pinned = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).packageManager.split('@')[1];

/** The pinned pnpm: the one on PATH if it is that version, else through npx (no global install needed). */
export function pnpmCommand() {
  try {
    const version = execFileSync('pnpm', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (version === pinned) return ['pnpm'];
  } catch {
    // not on PATH
  }
  return ['npx', '--yes', `pnpm@${pinned}`];
}

/** Runs a command with inherited output; resolves to its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const { onOutput, ...spawnOptions } = options;
    const child = spawn(command, args, { cwd: root, stdio: onOutput ? ['ignore', 'pipe', 'pipe'] : 'inherit', ...spawnOptions });
    if (onOutput) {
      // Passed through as it comes, and shown to the caller to count results.
      child.stdout.on('data', (chunk) => {
        process.stdout.write(chunk);
        onOutput(chunk.toString());
      });
      child.stderr.on('data', (chunk) => {
        process.stderr.write(chunk);
        onOutput(chunk.toString());
      });
    }
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', (error) => {
      console.error(`could not run ${command}: ${error.message}`);
      resolve(1);
    });
  });
}

export async function install() {
  const [command, ...prefix] = pnpmCommand();
  console.log(`\n▶ installing dependencies with pnpm ${pinned}`);
  const code = await run(command, [...prefix, 'install', '--frozen-lockfile']);
  if (code !== 0) {
    console.error('Dependency installation failed (see above).');
    process.exit(code);
  }
}


/** Debian's Chromium for the browser tests: installed when missing and we are root, else explained. */
export async function ensureChromium() {
  if (existsSync(chromiumPath)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(
      `The browser tests need Chromium at ${chromiumPath}.\n` +
        'On Debian or Ubuntu run:  sudo apt-get update && sudo apt-get install -y chromium\n' +
        'Elsewhere, install Chromium and set CHROMIUM_PATH to its executable.',
    );
    process.exit(1);
  }
  console.log('\n▶ installing Debian’s chromium (needed by the browser tests)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if ((await run('apt-get', ['update', '-qq'], { env })) !== 0 || (await run('apt-get', ['install', '-y', '-qq', 'chromium'], { env })) !== 0) {
    console.error('Installing chromium failed (see above).');
    process.exit(1);
  }
}

export function bin(name) {
  return fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));
}

/** Test files under a folder (Node 20's test runner takes no globs). */
export function testFiles(dir) {
  const absolute = fileURLToPath(new URL(`../${dir}/`, import.meta.url));
  return readdirSync(absolute, { recursive: true })
    .filter((file) => /\.test\.(ts|mjs)$/.test(file))
    .sort()
    .map((file) => `${absolute}${file}`);
}
