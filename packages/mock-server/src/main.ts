import { createMockServer } from './app.ts';
import { parseServerCommand, SERVER_USAGE, UsageError, withoutSeparator } from './cli-options.ts';
import { isLoopbackHost, isUnspecifiedHost } from './options.ts';
import { DEMO_ACCOUNTS, seedDemoAccounts } from './seed.ts';

async function main(): Promise<void> {
  let command;
  try {
    command = parseServerCommand(withoutSeparator(process.argv.slice(2)), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${SERVER_USAGE}`);
    process.exit(2);
  }
  if (command.help) {
    process.stdout.write(SERVER_USAGE);
    return;
  }
  const dev = command.options.dev!;
  // Development operations create accounts at will: off a loopback address they need a secret.
  if (dev.enabled && !dev.token && !isLoopbackHost(command.host)) {
    process.stderr.write('--dev on a non-loopback address needs --dev-token (or EGOV_DEV_TOKEN).\n');
    process.exit(2);
  }

  // The reviewer operations hand out identity documents: off loopback their token must be a real secret.
  if (command.options.reviewerToken && command.options.reviewerToken.length < 20 && !isLoopbackHost(command.host)) {
    process.stderr.write('--reviewer-token off a loopback address must be at least 20 characters (a random secret).\n');
    process.exit(2);
  }
  // Bound to every address, the server cannot know which Host names are its own (DNS rebinding).
  if (isUnspecifiedHost(command.host) && !command.options.publicUrl && (command.options.serverNames ?? []).length === 0) {
    process.stderr.write(`--host ${command.host} answers on every address: name the host names clients use (--server-name <host>, or --public-url).\n`);
    process.exit(2);
  }

  let mock;
  try {
    mock = createMockServer(command.options);
  } catch (error) {
    // A policy option out of range (a password minimum below 8, a bad site URL…): a usage error.
    if (!(error instanceof RangeError || error instanceof TypeError)) throw error;
    process.stderr.write(`${error.message}\n\n${SERVER_USAGE}`);
    process.exit(2);
  }
  if (dev.enabled) {
    const seeded = await seedDemoAccounts(await mock.store());
    const created = seeded.filter((s) => s.outcome === 'created').map((s) => s.email);
    if (created.length > 0) process.stdout.write(`Seeded demo accounts: ${created.join(', ')}\n`);
  }
  // Trust loaded now rather than at the first certificate request: the test PKI's files are there to look
  // at, and an expired trusted list or revocation turned off is in the log from the start.
  await mock.loadCertificates();
  const pki = await mock.testPki();
  if (pki) process.stdout.write(`TEST PKI (test keys, never trust it in production): ${pki.dir}\n`);
  const { url, apiUrl } = await mock.listen(command.port, command.host);
  const reviewer = dev.enabled && command.options.reviewerToken ? ', reviewer operations on' : '';
  process.stdout.write(`eGov mock server listening on ${url} (API at ${apiUrl})${dev.enabled ? ` [development operations on${reviewer}]` : ''}\n`);
  if (dev.enabled) {
    process.stdout.write(`Demo accounts: ${DEMO_ACCOUNTS.map((a) => `${a.email} (${a.state})`).join(', ')} — passwords in the README.\n`);
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: shutting down\n`);
    mock.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`egov-mock-server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
