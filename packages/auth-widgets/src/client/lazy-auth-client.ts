import { AuthError, type AuthClient } from './auth-client.js';
import type { FetchAuthClientOptions } from './fetch-auth-client.js';

// Every method of AuthClient: the type below fails to compile when one is missing.
const METHODS = [
  'getSession',
  'loginWithPassword',
  'logout',
  'getConfig',
  'register',
  'confirmEmail',
  'declineRegistration',
  'resendConfirmation',
  'requestPasswordReset',
  'checkPasswordResetLink',
  'completePasswordReset',
  'certificateChallenge',
  'loginWithCertificate',
  'registerWithCertificate',
] as const satisfies readonly (keyof AuthClient)[];
type Missing = Exclude<keyof AuthClient, (typeof METHODS)[number]>;
const allMethods: [Missing] extends [never] ? true : Missing = true;
void allMethods;

/**
 * The kit's fetch client, whose code loads with the first request: a login
 * page sends nothing until the person does, so the contract's paths, the
 * CSRF handling and the upload code wait for the first click (or for the
 * element that needs the backend's policy at once). If that code cannot be
 * downloaded, the request fails as the network would, and may be tried again.
 */
export function lazyFetchClient(options: FetchAuthClientOptions): AuthClient {
  let client: Promise<AuthClient> | undefined;
  const load = (): Promise<AuthClient> => {
    client ??= import('./fetch-auth-client.js').then(
      ({ FetchAuthClient }) => new FetchAuthClient(options),
      () => {
        client = undefined;
        throw new AuthError('network_error');
      },
    );
    return client;
  };
  const lazy: Record<string, unknown> = {};
  for (const method of METHODS) {
    lazy[method] = async (...args: unknown[]) => {
      const real = (await load()) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      return real[method]!(...args);
    };
  }
  return lazy as unknown as AuthClient;
}
