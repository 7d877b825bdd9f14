/**
 * Certificate agents: the interface the picker uses, Fortify over
 * @webcrypto-local/client, and the in-browser demo agent with test keys.
 * Import agents from here only where certificate mode is used: the Fortify
 * agent's client loads on connect(), but this module is still certificate code.
 */
export {
  AGENT_PROBLEMS,
  AgentError,
  type AgentProblem,
  type CertificateAgent,
  type ConnectOptions,
  type PinState,
  type SignResult,
  type TokenCertificate,
  type TokenEvent,
} from './certificate-agent.js';
export { SoftAgent, type SoftAgentOptions, type PinPrompt, type PinPromptRequest } from './soft-agent.js';
export { softAgentPinDialog } from './soft-agent-pin-dialog.js';
export {
  FortifyAgent,
  FORTIFY_BASE_URL,
  FORTIFY_SEEN_KEY,
  FORTIFY_WELL_KNOWN_PATH,
  localNetworkAccess,
  pinStateFromTokenFlags,
  probeAgent,
  type FortifyAgentOptions,
  type ProbeResult,
} from './fortify-agent.js';
export { fortifyProblemOf, toAgentError, type FortifyStep } from './fortify-errors.js';
