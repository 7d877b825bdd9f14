// `npm start`: installs, then runs the mock server (embedded storage, demo
// accounts) and the demo site in front of it. Ctrl+C stops both.
import { spawn } from 'node:child_process';
import { install, root } from './lib.mjs';

await install();

const backendPort = process.env.EGOV_MOCK_PORT ?? '8787';
const demoPort = process.env.EGOV_DEMO_PORT ?? '5173';
const env = { ...process.env, EGOV_BACKEND_URL: `http://127.0.0.1:${backendPort}`, EGOV_DEMO_PORT: demoPort };

const children = [];
let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
function started(child) {
  children.push(child);
  child.on('exit', (code) => stop(code ?? 0));
  return child;
}

started(
  // The demo site proxies /api, so the browser's Origin is the site's: that is the API's public URL.
  spawn(
    process.execPath,
    [
      '--import', 'tsx', 'src/main.ts', '--dev', '--port', backendPort,
      '--public-url', `http://127.0.0.1:${demoPort}`,
      '--allowed-origin', `http://localhost:${demoPort}`,
      // The demo's home is at /: the "account active" e-mail opens its login page.
      '--login-path', '/login.html',
      // The demo's "authorized person" (reviewer operations); development only, on loopback.
      '--reviewer-token', 'demo-reviewer',
    ],
    {
      cwd: `${root}packages/mock-server`,
      stdio: 'inherit',
      env,
    },
  ),
);

// The demo starts once the mock server answers, so the page never opens on "service not available".
const backendConfig = `http://127.0.0.1:${backendPort}/api/config`;
for (let waited = 0; !stopping; waited += 200) {
  const ready = await fetch(backendConfig).then((response) => response.ok, () => false);
  if (ready) break;
  if (waited > 60_000) {
    console.error(`The mock server did not answer at ${backendConfig} within a minute.`);
    stop(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}

if (!stopping) {
  started(
    spawn(process.execPath, [`${root}packages/demo-site/node_modules/vite/bin/vite.js`, '--clearScreen', 'false'], {
      cwd: `${root}packages/demo-site`,
      stdio: 'inherit',
      env,
    }),
  );
  console.log(`\n  eGov Auth Kit demo:  http://127.0.0.1:${demoPort}/\n  (mock server on http://127.0.0.1:${backendPort}/api; Ctrl+C stops both)\n`);
}

