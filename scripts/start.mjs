// `npm start`: installs, then runs the mock server (embedded storage, demo
// accounts) and the demo site in front of it. Ctrl+C stops both.
import { spawn } from 'node:child_process';
import { install, root } from './lib.mjs';

await install();

const backendPort = process.env.EGOV_MOCK_PORT ?? '8787';
const demoPort = process.env.EGOV_DEMO_PORT ?? '5173';
const env = { ...process.env, EGOV_BACKEND_URL: `http://127.0.0.1:${backendPort}`, EGOV_DEMO_PORT: demoPort };

const children = [
  // The demo site proxies /api, so the browser's Origin is the site's: that is the API's public URL.
  spawn(
    process.execPath,
    [
      '--import', 'tsx', 'src/main.ts', '--dev', '--port', backendPort,
      '--public-url', `http://127.0.0.1:${demoPort}`,
      '--allowed-origin', `http://localhost:${demoPort}`,
      // The demo's "authorized person" (reviewer operations); development only, on loopback.
      '--reviewer-token', 'demo-reviewer',
    ],
    {
      cwd: `${root}packages/mock-server`,
      stdio: 'inherit',
      env,
    },
  ),
  spawn(process.execPath, [`${root}packages/demo-site/node_modules/vite/bin/vite.js`, '--clearScreen', 'false'], {
    cwd: `${root}packages/demo-site`,
    stdio: 'inherit',
    env,
  }),
];

console.log(`\n  eGov Auth Kit demo:  http://127.0.0.1:${demoPort}/\n  (mock server on http://127.0.0.1:${backendPort}/api; Ctrl+C stops both)\n`);

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
