/**
 * Opt-in: certificate login through the Fortify app with both pickers —
 * the kit's own and `ui="peculiar"` (PeculiarVentures'
 * `<peculiar-fortify-certificates>`). Needs the optional peer dependency
 * `@peculiar/fortify-webcomponents` only: the kit's picker uses the client
 * copies that package ships inside its element build (the same client), so a
 * build holds one copy of protobufjs and of the client. Everything loads when
 * a certificate tab opens.
 *
 * ```js
 * import '@egov/auth-widgets/fortify-peculiar';
 * ```
 */
import type { WebcryptoSocketModule } from './agent/webcrypto-socket.js';
import { loadWebcryptoSocketOnce, provideFortifyStack } from './agent/fortify-opt-in.js';

export function loadWebcryptoSocket(): Promise<WebcryptoSocketModule> {
  return loadWebcryptoSocketOnce(async () => {
    await import('@peculiar/fortify-webcomponents/components/protobuf.js');
    await import('@peculiar/fortify-webcomponents/components/webcrypto-socket.js');
  }, '@peculiar/fortify-webcomponents');
}

provideFortifyStack({
  entry: '@egov/auth-widgets/fortify-peculiar',
  loadWebcryptoSocket,
  loadPeculiarMode: () => import('./components/certificate-picker/peculiar-mode.js'),
});
