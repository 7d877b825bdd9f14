/**
 * Which Fortify client code this page has opted into. The certificate
 * packages (`@webcrypto-local/client`, `protobufjs`,
 * `@peculiar/fortify-webcomponents`) are optional peer dependencies: the
 * elements never name them, so a password-only site neither installs nor
 * bundles them. A site that wants certificate login through Fortify imports
 * `@egov/auth-widgets/fortify` (the kit's picker) or
 * `@egov/auth-widgets/fortify-peculiar` (both pickers, one copy of the
 * client), and that entry provides the loaders here.
 *
 * It is kept on `globalThis` under a registered symbol, like a custom
 * element registry: the opt-in must reach every copy of the kit on the page
 * (an npm build and a CDN build, or two bundles of one portal). This module
 * is all an opt-in entry loads up front: no certificate code.
 */
import type { WebcryptoSocketModule } from './webcrypto-socket.js';
export interface FortifyStack {
  /** The entry that provided it, for messages. */
  readonly entry: string;
  loadWebcryptoSocket(): Promise<WebcryptoSocketModule>;
  /**
   * `ui="peculiar"`: the picker's module for PeculiarVentures' element
   * (components/certificate-picker/peculiar-mode.ts); only `fortify-peculiar`
   * provides it. Typed by the picker, which alone uses it: this registry
   * names no certificate module.
   */
  loadPeculiarMode?(): Promise<unknown>;
}

const KEY = Symbol.for('@egov/auth-widgets:fortify-stack');

type Holder = { [KEY]?: FortifyStack };

export function provideFortifyStack(stack: FortifyStack): void {
  (globalThis as Holder)[KEY] = stack;
}

export function fortifyStack(): FortifyStack | undefined {
  return (globalThis as Holder)[KEY];
}

let loading: Promise<WebcryptoSocketModule> | undefined;

/**
 * For the opt-in entries (`fortify.ts`, `fortify-peculiar.ts`, the only
 * modules that name the packages): runs `load` — the imports that set the
 * globals — once per page (again after a failure), and returns the client it
 * left in `globalThis.WebcryptoSocket`.
 */
export function loadWebcryptoSocketOnce(load: () => Promise<void>, source: string): Promise<WebcryptoSocketModule> {
  loading ??= (async () => {
    // Another copy (Peculiar's element, another loader) may already have set it up.
    if (!globalThis.WebcryptoSocket?.SocketProvider) await load();
    const module = globalThis.WebcryptoSocket;
    if (!module?.SocketProvider) throw new Error(`${source} did not load`);
    return module;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}
