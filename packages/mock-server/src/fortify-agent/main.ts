/**
 * `pnpm --filter @egov/mock-server fortify-agent [--data-dir <dir>] [--port 31337] [--host 127.0.0.1]
 *   [--control-port <n>] [--approval approve|deny|slow|manual]`
 *
 * Starts the Fortify-compatible TEST agent with the test PKI's soft tokens
 * (the same PKI a mock server with `--dev` and the same data directory trusts).
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startFortifyTestAgent, type ApprovalMode } from './agent.ts';

const { values } = parseArgs({
  // `pnpm … fortify-agent -- --port 0` passes the separator through.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'control-port': { type: 'string' },
    approval: { type: 'string' },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  process.stdout.write(
    'Usage: fortify-agent [--data-dir <dir>] [--port 31337] [--host 127.0.0.1] [--control-port <n>] [--approval approve|deny|slow|manual]\n',
  );
  process.exit(0);
}
const approval = (values.approval ?? 'approve') as ApprovalMode;
if (!['approve', 'deny', 'slow', 'manual'].includes(approval)) {
  process.stderr.write(`--approval: approve, deny, slow or manual\n`);
  process.exit(2);
}
const dataDir = values['data-dir'] ?? process.env['EGOV_DATA_DIR'] ?? fileURLToPath(new URL('../../.data', import.meta.url));
const agent = await startFortifyTestAgent({
  dataDir,
  port: Number(values.port ?? 31337),
  host: values.host ?? '127.0.0.1',
  approval,
  ...(values['control-port'] !== undefined ? { controlPort: Number(values['control-port']) } : {}),
});
process.stdout.write(
  `Fortify TEST agent (test keys, not a real smart card) listening on ${agent.url}; test PKI from ${dataDir}/test-pki` +
    (agent.controlUrl ? `; control API at ${agent.controlUrl}` : '') +
    '\nTokens: ' +
    ['test-mup-id-card', 'test-halcom', 'test-other-profiles'].join(', ') +
    ' (PIN 1234; the agent answers the PIN window itself, see the control API)\n',
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void agent.stop().then(() => process.exit(0));
  });
}
