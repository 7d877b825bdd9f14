/**
 * The errors the agent answers with, as the real client reads them: a
 * WebCryptoLocalError code, or a PKCS#11 return value (CKR_*) passed on
 * from the card.
 */

// WebCryptoLocalError codes of the agent (the ones the kit maps).
export const WCL = { ratchetKeyNotApproved: 101, cryptoNotFound: 402, serverNotLoggedIn: 602, pinCancelled: 10001 } as const;

// PKCS#11 return values.
export const CKR = {
  CKR_FUNCTION_FAILED: 0x06,
  CKR_DEVICE_REMOVED: 0x32,
  CKR_KEY_HANDLE_INVALID: 0x60,
  CKR_PIN_INCORRECT: 0xa0,
  CKR_PIN_LOCKED: 0xa4,
  CKR_USER_NOT_LOGGED_IN: 0x101,
} as const;

export type CkrName = keyof typeof CKR;

export class AgentFailure extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly type: 'wcl' | 'pkcs11' | 'error',
  ) {
    super(message);
  }
}

export const pkcs11 = (name: CkrName) => new AgentFailure(name, CKR[name], 'pkcs11');

/** The PKCS#11 error a failed call gives (pkcs11js errors carry `code` and the CKR name as message). */
export function asPkcs11Failure(error: unknown): AgentFailure {
  if (error instanceof AgentFailure) return error;
  const { message, code } = error as { message?: unknown; code?: unknown };
  if (typeof code === 'number' && typeof message === 'string' && message.startsWith('CKR_')) return new AgentFailure(message.split(/[\s:]/)[0]!, code, 'pkcs11');
  return new AgentFailure(error instanceof Error ? error.message : String(error), CKR.CKR_FUNCTION_FAILED, 'pkcs11');
}
