/**
 * What the widgets need from a local crypto agent (Fortify, or the
 * in-browser demo agent): find it, get the page approved, list the
 * certificates on the tokens with their PIN state, sign, log the token out.
 * The PIN is never entered in the page: the agent asks for it in its own dialog.
 */
import type { SignatureAlgorithm } from '../client/contract.js';

/**
 * Every way reaching a token can fail, each with its own message and advice
 * in the picker (SECURITY.md 37).
 */
export const AGENT_PROBLEMS = [
  /** Nothing answers and the agent was never seen in this browser: install it. */
  'not_installed',
  /** Nothing answers, but the agent was seen here before: start it. */
  'not_running',
  /**
   * The page's own Content-Security-Policy stops the agent's client: Fortify's
   * needs run-time code generation ('unsafe-eval', no Trusted Types for
   * scripts). The site must fix it; trying again cannot help.
   */
  'page_blocked',
  /**
   * The site did not set up the agent's client code (certificate mode
   * without `import '@egov/auth-widgets/fortify'`). The site must fix it.
   */
  'not_set_up',
  /** The browser refused to let this site reach the local agent (Chrome's local network access). */
  'local_network_blocked',
  /** The agent answers, but the browser does not trust its TLS certificate. */
  'tls_untrusted',
  /** The person has not (yet) approved this site in the agent. */
  'origin_not_approved',
  /** The person denied this site in the agent. */
  'origin_denied',
  /** No smart card or token is inserted. */
  'no_token',
  /** The token was removed while it was being used. */
  'token_removed',
  /** Wrong PIN; `triesLeft` may say how many remain. */
  'pin_wrong',
  /** Too many wrong PINs: only the certification body can unblock it. */
  'pin_locked',
  /** The person closed the agent's PIN dialog. */
  'cancelled',
  /** The token refused to sign. */
  'sign_failed',
  /** Anything else the agent reported. */
  'agent_error',
] as const;
export type AgentProblem = (typeof AGENT_PROBLEMS)[number];

export class AgentError extends Error {
  override readonly name = 'AgentError';
  constructor(
    readonly code: AgentProblem,
    readonly details: { triesLeft?: number } = {},
    message = `Certificate agent: ${code}`,
  ) {
    super(message);
  }
}

/** What the token's flags say about its PIN, read before asking for it (SECURITY.md 36). */
export interface PinState {
  /** Wrong tries have happened since the last right one. */
  triesFailed: boolean;
  /** The next wrong PIN locks the token. */
  finalTry: boolean;
  locked: boolean;
  /** Tries left, when the token says. */
  triesLeft?: number;
}

export interface TokenCertificate {
  /** Stable within one agent session. */
  id: string;
  /** The token (provider) it lives on. */
  tokenId: string;
  tokenLabel: string;
  /** DER. */
  certificate: Uint8Array;
  /** Intermediates the token holds, DER. */
  chain: Uint8Array[];
  /** Whether the token has the private key of this certificate. */
  hasPrivateKey: boolean;
  /**
   * `hasPrivateKey` is a guess: the token shows its private keys only after
   * the PIN, which is asked for only when signing. A smart card's
   * certificate is assumed to have its key until then.
   */
  privateKeyAssumed?: boolean;
  /** The token is a smart card or USB token, not a software certificate store of the system. */
  removable?: boolean;
}

export interface SignResult {
  signature: Uint8Array;
  algorithm: SignatureAlgorithm;
}

export type TokenEvent = { type: 'inserted' | 'removed'; tokenId: string };

export interface ConnectOptions {
  signal?: AbortSignal;
  /** The agent shows a code to compare with the one the page shows while the person approves the site. */
  onApprovalCode?: (code: string) => void;
}

export interface CertificateAgent {
  readonly kind: 'fortify' | 'soft';
  /** Shown wherever the agent is named; the soft agent says it is a demo with test keys. */
  readonly label: string;
  /** Finds the agent and gets this site approved. Throws AgentError. */
  connect(options?: ConnectOptions): Promise<void>;
  /** Every certificate on every inserted token (usable or not: the picker says why not). */
  listCertificates(): Promise<TokenCertificate[]>;
  pinState(tokenId: string): Promise<PinState>;
  /** Signs with the certificate's key; the agent asks for the PIN in its own dialog. Throws AgentError. */
  sign(certificateId: string, data: Uint8Array): Promise<SignResult>;
  /** Logs the token out; called after every signature, success or failure (SECURITY.md 38). */
  logout(tokenId: string): Promise<void>;
  /** Token inserted or removed; returns the unsubscribe function. */
  onTokenEvent(listener: (event: TokenEvent) => void): () => void;
  close(): void;
}
