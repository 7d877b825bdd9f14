/**
 * How failures reported by Fortify (through `@webcrypto-local/client`) map
 * to the kit's AgentProblem codes.
 *
 * The client rejects with a `CryptoServerError` {message, code, type} built
 * from the agent's ErrorProto. The agent fills it in three ways:
 *  - its own errors, `type: "wcl"` (WebCryptoLocalError): 101
 *    RATCHET_KEY_NOT_APPROVED (the person denied the site), 602
 *    SERVER_NOT_LOGGED_IN (the site is not approved), 402/404 provider or
 *    crypto not found (the token went away), 501/502 token reading
 *    failures, and 10001 from the Fortify app when its PIN window was
 *    closed without a PIN;
 *  - PKCS#11 errors, `type: "pkcs11"`, message `CKR_…` and the CKR code;
 *  - anything else with the message only (type "error").
 * The client itself throws plain Errors when the socket is gone
 * ("Socket connection is not open", "… Session was closed").
 */
import { AgentError, type AgentProblem } from './certificate-agent.js';

export type FortifyStep = 'connect' | 'list' | 'login' | 'sign' | 'logout';

/** WebCryptoLocalError codes of the agent that mean something to the picker. */
const WCL: Record<number, AgentProblem> = {
  101: 'origin_denied',
  602: 'origin_not_approved',
  402: 'token_removed',
  404: 'token_removed',
  501: 'token_removed',
  502: 'token_removed',
  10001: 'cancelled',
};

/** PKCS#11 return values by name (the agent's message) and by code. */
const PKCS11: Record<string, [code: number, problem: AgentProblem]> = {
  CKR_PIN_INCORRECT: [0xa0, 'pin_wrong'],
  CKR_PIN_INVALID: [0xa1, 'pin_wrong'],
  CKR_PIN_LEN_RANGE: [0xa2, 'pin_wrong'],
  CKR_PIN_LOCKED: [0xa4, 'pin_locked'],
  CKR_FUNCTION_CANCELED: [0x50, 'cancelled'],
  CKR_DEVICE_REMOVED: [0x32, 'token_removed'],
  CKR_TOKEN_NOT_PRESENT: [0xe0, 'token_removed'],
  CKR_SESSION_CLOSED: [0xb0, 'token_removed'],
  CKR_SESSION_HANDLE_INVALID: [0xb3, 'token_removed'],
  CKR_SLOT_ID_INVALID: [0x03, 'token_removed'],
};
const PKCS11_BY_CODE = new Map(Object.values(PKCS11).map(([code, problem]) => [code, problem]));

const SOCKET_GONE = /socket connection is not open|session was closed|client (?:socket|cipher) is not initialized/i;

interface ErrorLike {
  message?: unknown;
  code?: unknown;
  type?: unknown;
}

/** The AgentProblem for what the client or agent reported during a step. */
export function fortifyProblemOf(error: unknown, step: FortifyStep): AgentProblem {
  if (error instanceof AgentError) return error.code;
  const { message, code, type } = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const text = typeof message === 'string' ? message : typeof error === 'string' ? error : '';
  const ckr = /CKR_[A-Z_]+/.exec(text)?.[0];
  if (ckr && PKCS11[ckr]) return PKCS11[ckr][1];
  if (typeof code === 'number') {
    if (type === 'wcl' && WCL[code]) return WCL[code];
    if (type === 'pkcs11' && PKCS11_BY_CODE.has(code)) return PKCS11_BY_CODE.get(code)!;
    // Some agent versions lose the type; 10001 and 101 do not collide with the PKCS#11 values above.
    if (type !== 'pkcs11' && (code === 10001 || code === 101)) return WCL[code]!;
  }
  if (SOCKET_GONE.test(text)) return 'not_running';
  // The Fortify app's message when its PIN window closes empty.
  if (/PIN value\. It cannot be empty/i.test(text)) return 'cancelled';
  if (step === 'sign') return 'sign_failed';
  return 'agent_error';
}

/** An AgentError for anything thrown during a step (AgentErrors pass through). */
export function toAgentError(error: unknown, step: FortifyStep): AgentError {
  if (error instanceof AgentError) return error;
  const problem = fortifyProblemOf(error, step);
  const text = error instanceof Error ? error.message : String(error);
  return new AgentError(problem, {}, `Fortify (${step}): ${problem}: ${text}`);
}
