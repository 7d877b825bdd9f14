/**
 * What certificate code does with the page's Fortify opt-in
 * (fortify-opt-in.ts): get the client's loader or `ui="peculiar"`'s
 * module, or say plainly that the site did not set it up.
 */
import { AgentError } from './certificate-agent.js';
import type { WebcryptoSocketModule } from './webcrypto-socket.js';
import { fortifyStack } from './fortify-opt-in.js';

/** The page's loader of Fortify's client; without one, one console message for the site and `not_set_up`. */
export function webcryptoSocketLoader(): () => Promise<WebcryptoSocketModule> {
  const load = fortifyStack()?.loadWebcryptoSocket;
  if (load) return load;
  console.error(fortifyStackMissingMessage(false));
  throw new AgentError('not_set_up');
}

/** `ui="peculiar"`'s module (as the picker types it), from the page's opt-in; without it, one console message and `not_set_up`. */
export async function loadPeculiarMode(): Promise<unknown> {
  const load = fortifyStack()?.loadPeculiarMode;
  if (load) return load();
  console.error(fortifyStackMissingMessage(true));
  throw new AgentError('not_set_up');
}

/** The console message when certificate mode meets a page that did not opt in. */
export function fortifyStackMissingMessage(peculiar: boolean): string {
  const packages = peculiar ? '@peculiar/fortify-webcomponents' : '@webcrypto-local/client protobufjs (or @peculiar/fortify-webcomponents)';
  const entry = peculiar ? '@egov/auth-widgets/fortify-peculiar' : '@egov/auth-widgets/fortify (or …/fortify-peculiar)';
  return (
    `[egov] Certificate login through Fortify${peculiar ? ' with ui="peculiar"' : ''} is not set up on this page: ` +
    `install ${packages} and import '${entry}' once, before the elements are used. ` +
    'Password-only sites need neither; to hide the certificate tab set modes="password". See "Certificate login is opt-in" in the @egov/auth-widgets README.'
  );
}
