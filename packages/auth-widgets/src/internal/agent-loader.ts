import type { CertificateAgent } from '../agent/certificate-agent.js';
import type { CertificateAgentKind } from '../config/auth-config.js';

// One agent per kind and backend on the page: two pickers share a connection.
const agents = new Map<string, Promise<CertificateAgent>>();

/**
 * The agent, loaded on first use only: the certificate code (and Fortify's
 * client with its protobuf runtime) is never downloaded on the password path.
 */
export function loadAgent(kind: CertificateAgentKind, backendUrl: string): Promise<CertificateAgent> {
  const key = `${kind} ${backendUrl}`;
  let agent = agents.get(key);
  if (!agent) {
    agent =
      kind === 'soft'
        ? import('../agent/soft-agent.js').then((m) => m.SoftAgent.fromBackend(backendUrl))
        : import('../agent/fortify-agent.js').then((m) => new m.FortifyAgent());
    agents.set(key, agent);
    agent.catch(() => agents.delete(key));
  }
  return agent;
}
