/**
 * Opt-in: certificate login through the Fortify app with the kit's own
 * picker. Needs the optional peer dependencies `@webcrypto-local/client`
 * and `protobufjs` (the smallest client: protobufjs's light build); they are
 * downloaded only when a certificate tab opens.
 *
 * ```js
 * import '@egov/auth-widgets/fortify';
 * ```
 */
import type { WebcryptoSocketModule } from './agent/webcrypto-socket.js';
import { loadWebcryptoSocketOnce, provideFortifyStack } from './agent/fortify-opt-in.js';

export function loadWebcryptoSocket(): Promise<WebcryptoSocketModule> {
  return loadWebcryptoSocketOnce(async () => {
    await import('protobufjs/dist/light/protobuf.min.js');
    await import('@webcrypto-local/client/build/webcrypto-socket.mjs');
  }, '@webcrypto-local/client');
}

provideFortifyStack({ entry: '@egov/auth-widgets/fortify', loadWebcryptoSocket });
