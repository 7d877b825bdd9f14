import { createContext } from '@lit/context';
import type { AuthClient } from '../client/auth-client.js';
import type { AuthConfigInput } from './auth-config.js';

/**
 * What `<egov-auth>` hands down: the configuration as written (descendants
 * merge their own attributes over it, then validate) and, optionally, the client.
 * String keys (not unique symbols) so two copies of the kit on one page still meet.
 */
export const authConfigContext = createContext<AuthConfigInput | undefined>('egov-auth-config');
export const authClientContext = createContext<AuthClient | undefined>('egov-auth-client');
