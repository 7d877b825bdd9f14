/**
 * `pnpm test-pki`: makes the development test PKI of a data directory (if it
 * is not there yet) without starting the server, and says where its PEM
 * files are and what each profile is.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { storeLocation, withoutSeparator } from '../cli-options.ts';
import { dataFiles } from '../data-files.ts';
import { ensureTestPki, TEST_PKI_WARNING } from './test-pki.ts';

const USAGE = `Usage: pnpm test-pki [--data-dir <dir> | --dir <dir>]

Makes the TEST PKI (generated CAs, certificates of made-up people, their
private keys) if it is not there yet, and prints where its files are.

  --data-dir <dir>   the server's data directory; the PKI is <dir>/test-pki
                     (EGOV_DATA_DIR, or next to EGOV_DB_URL's file; default packages/mock-server/.data)
  --dir <dir>        the PKI's own directory instead
  --help             this text
`;

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: withoutSeparator(process.argv.slice(2)),
      options: { 'data-dir': { type: 'string' }, dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const dir = values.dir ? resolve(values.dir) : dataFiles(storeLocation({ 'data-dir': values['data-dir'] }, process.env)).testPkiDir;
  const { pki, created } = await ensureTestPki(dir, Date.now());
  process.stdout.write(`${TEST_PKI_WARNING}\n\n${created ? 'Made' : 'Found'} the test PKI in ${pki.dir} (issued ${new Date(pki.generatedAt).toISOString()})\n\n`);
  for (const entry of pki.certificates) {
    process.stdout.write(`  users/${entry.name}.pem${entry.privateKey ? ` + .key.pem` : ''}  ${entry.description}\n`);
  }
  process.stdout.write(`\nTrust anchors: ${join(pki.dir, 'trust-anchors.pem')}\nQualified policies: ${pki.qualifiedPolicies.join(', ')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`test-pki: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
