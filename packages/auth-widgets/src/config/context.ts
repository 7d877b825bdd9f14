import { createContext } from '@lit/context';
import type { CertificateAgent } from '../agent/certificate-agent.js';
import type { AuthClient } from '../client/auth-client.js';
import type { AuthConfigInput } from './auth-config.js';

/**
 * What `<egov-auth>` hands down: the configuration as written (descendants
 * merge their own attributes over it, then validate) and, optionally, the
 * client and the certificate agent (so two groups of elements on one page
 * can each have their own).
 * String keys (not unique symbols) so two copies of the kit on one page still meet.
 */
export const authConfigContext = createContext<AuthConfigInput | undefined>('egov-auth-config');
export const authClientContext = createContext<AuthClient | undefined>('egov-auth-client');
export const certificateAgentContext = createContext<CertificateAgent | undefined>('egov-certificate-agent');
