/**
 * `pnpm --filter @egov/mock-server fortify-agent [--data-dir <dir>] [--port 31337] [--host 127.0.0.1]
 *   [--control-port <n>] [--approval approve|deny|slow|manual] [--softhsm]`
 *
 * Starts the Fortify-compatible TEST agent with the test PKI's soft tokens
 * (the same PKI a mock server with `--dev` and the same data directory trusts).
 * With --softhsm, also a real PKCS#11 token: SoftHSM with the MUP card's
 * TEST keys, made fresh in <data-dir>/softhsm.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startFortifyTestAgent, type ApprovalMode } from './agent.ts';
import { createSoftHsmToken } from './softhsm.ts';
import { devTestTokens } from '../test-pki/dev-tokens.ts';
import { ensureTestPki } from '../test-pki/test-pki.ts';

const { values } = parseArgs({
  // `pnpm … fortify-agent -- --port 0` passes the separator through.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'control-port': { type: 'string' },
    approval: { type: 'string' },
    softhsm: { type: 'boolean' },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  process.stdout.write(
    'Usage: fortify-agent [--data-dir <dir>] [--port 31337] [--host 127.0.0.1] [--control-port <n>] [--approval approve|deny|slow|manual] [--softhsm]\n',
  );
  process.exit(0);
}
const approval = (values.approval ?? 'approve') as ApprovalMode;
if (!['approve', 'deny', 'slow', 'manual'].includes(approval)) {
  process.stderr.write(`--approval: approve, deny, slow or manual\n`);
  process.exit(2);
}
const dataDir = values['data-dir'] ?? process.env['EGOV_DATA_DIR'] ?? fileURLToPath(new URL('../../.data', import.meta.url));
let softHsm: Awaited<ReturnType<typeof createSoftHsmToken>> | undefined;
if (values.softhsm) {
  const { pki } = await ensureTestPki(join(dataDir, 'test-pki'), Date.now());
  const card = devTestTokens(pki).tokens.find((token) => token.id === 'test-mup-id-card')!;
  softHsm = await createSoftHsmToken({ dir: join(dataDir, 'softhsm'), token: card });
}
const agent = await startFortifyTestAgent({
  dataDir,
  ...(softHsm ? { pkcs11Tokens: [softHsm] } : {}),
  port: Number(values.port ?? 31337),
  host: values.host ?? '127.0.0.1',
  approval,
  ...(values['control-port'] !== undefined ? { controlPort: Number(values['control-port']) } : {}),
});
process.stdout.write(
  `Fortify TEST agent (test keys, not a real smart card) listening on ${agent.url}; test PKI from ${dataDir}/test-pki` +
    (agent.controlUrl ? `; control API at ${agent.controlUrl}` : '') +
    '\nTokens: ' +
    ['test-mup-id-card', 'test-halcom', 'test-other-profiles', ...(softHsm ? [`${softHsm.id} (SoftHSM, ${softHsm.library})`] : [])].join(', ') +
    ' (PIN 1234; the agent answers the PIN window itself, see the control API)\n',
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void agent.stop().then(() => process.exit(0));
  });
}
