export {
  FORTIFY_TEST_AGENT_NAME,
  FORTIFY_TEST_AGENT_VERSION,
  startFortifyTestAgent,
  type AgentRecord,
  type ApprovalMode,
  type FortifyTestAgent,
  type FortifyTestAgentControl,
  type FortifyTestAgentOptions,
} from './agent.ts';
export { CKF, type PinMode } from './tokens.ts';
export { openPkcs11Token, type Pkcs11TokenOptions } from './pkcs11-device.ts';
export { createSoftHsmToken, softHsmLibrary, type SoftHsmTokenOptions } from './softhsm.ts';
