/**
 * `pnpm --filter @egov/mock-server generate:ca-directory [list.xml signer.cer]`:
 * reads the trusted list (default: the bundled Serbian list with its pinned
 * signer), verifies its signature, and writes the CA directory's facts from
 * it to src/ca-directory/directory.generated.ts. After a new list: copy it
 * and its signer into fixtures/real-pki, run this, and review the diff (a
 * provider the kit does not know yet needs its Cyrillic name in
 * certification-bodies.ts; the tests say which).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { BUNDLED_TRUSTED_LIST } from '../trusted-list/bundled.ts';
import { directoryFromList, directoryModule } from './directory.ts';
import { readTrustedListSync } from '../trusted-list/trusted-list.ts';

export const GENERATED_DIRECTORY = new URL('./directory.generated.ts', import.meta.url);

const [listPath, signerPath] = process.argv.slice(2);
if ((listPath === undefined) !== (signerPath === undefined)) {
  process.stderr.write('usage: generate-directory [<trusted-list.xml> <signer.cer (DER)>]\n');
  process.exit(2);
}
const list = readTrustedListSync(readFileSync(listPath ?? BUNDLED_TRUSTED_LIST.list), { signer: readFileSync(signerPath ?? BUNDLED_TRUSTED_LIST.signer) });
const directory = directoryFromList(list);
writeFileSync(GENERATED_DIRECTORY, directoryModule(directory));
process.stdout.write(
  `wrote ${GENERATED_DIRECTORY.pathname}: sequence ${directory.sequenceNumber}, ${directory.providers.length} providers, ${directory.providers.reduce((sum, provider) => sum + provider.issuers.length, 0)} issuing CAs\n`,
);
