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

/**
 * Where node-gyp finds Node's headers for the one native addon (pkcs11js,
 * optional): npm's `nodedir` setting when there is one (this machine kind
 * sets it to the headers Debian ships), so nothing is downloaded.
 */
function nodeHeaders() {
  if (process.env.npm_config_nodedir) return {};
  try {
    const nodedir = execFileSync('npm', ['config', 'get', 'nodedir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return nodedir && nodedir !== 'undefined' && existsSync(nodedir) ? { npm_config_nodedir: nodedir } : {};
  } catch {
    return {};
  }
}

export async function install() {
  const [command, ...prefix] = pnpmCommand();
  console.log(`\n▶ installing dependencies with pnpm ${pinned}`);
  const code = await run(command, [...prefix, 'install', '--frozen-lockfile'], { env: { ...process.env, ...nodeHeaders() } });
  if (code !== 0) {
    console.error('Dependency installation failed (see above).');
    process.exit(code);
  }
}


/**
 * A Debian package the tests need: installed when missing and we are root
 * (CI on a fresh machine), else explained with the command to run.
 */
async function ensureDebianPackage({ name, present, why, elsewhere }) {
  if (present()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(`${why}\nOn Debian or Ubuntu run:  sudo apt-get update && sudo apt-get install -y ${name}\n${elsewhere}`);
    process.exit(1);
  }
  console.log(`\n▶ installing Debian’s ${name} (${why})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if ((await run('apt-get', ['update', '-qq'], { env })) !== 0 || (await run('apt-get', ['install', '-y', '-qq', name], { env })) !== 0) {
    console.error(`Installing ${name} failed (see above).`);
    process.exit(1);
  }
}

/** Debian's Chromium for the browser tests. */
export function ensureChromium() {
  return ensureDebianPackage({
    name: 'chromium',
    present: () => existsSync(chromiumPath),
    why: `The browser tests need Chromium at ${chromiumPath}.`,
    elsewhere: 'Elsewhere, install Chromium and set CHROMIUM_PATH to its executable.',
  });
}

/** SoftHSM: the real PKCS#11 token behind the Fortify test agent in one test. */
export function ensureSoftHsm() {
  return ensureDebianPackage({
    name: 'softhsm2',
    present: () => !!process.env.SOFTHSM2_LIB || existsSync('/usr/bin/softhsm2-util'),
    why: 'The Fortify test agent’s PKCS#11 test needs SoftHSM (softhsm2-util and libsofthsm2.so).',
    elsewhere: 'Elsewhere, install SoftHSM 2 and set SOFTHSM2_LIB to its libsofthsm2.so.',
  });
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
