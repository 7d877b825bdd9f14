import { parseArgs } from 'node:util';
import { storeLocation, withoutSeparator } from './cli-options.ts';
import { DEMO_ACCOUNTS, seedDemoAccounts } from './seed.ts';
import { Store } from './store.ts';

const USAGE = `Usage: pnpm seed [--data-dir <dir> | --db-url <url>] [--replace]

Puts the demo accounts into the store (EGOV_DATA_DIR / EGOV_DB_URL work too).
Existing accounts are kept unless --replace resets their password and state.
`;

async function main(): Promise<void> {
  let values;
  try {
    values = parseArgs({
      args: withoutSeparator(process.argv.slice(2)),
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        'db-url': { type: 'string' },
        replace: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const location = storeLocation(values, process.env);
  const store = await Store.open('dbUrl' in location ? { url: location.dbUrl } : { dataDir: location.dataDir });
  try {
    const results = await seedDemoAccounts(store, { replace: values.replace ?? false });
    const where = 'dbUrl' in location ? location.dbUrl : location.dataDir;
    process.stdout.write(`Demo accounts in ${where}:\n`);
    for (const result of results) {
      const password = DEMO_ACCOUNTS.find((a) => a.email === result.email)?.password ?? '';
      process.stdout.write(`  ${result.outcome.padEnd(8)} ${result.email.padEnd(26)} ${result.state.padEnd(15)} ${password}\n`);
    }
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`seed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
