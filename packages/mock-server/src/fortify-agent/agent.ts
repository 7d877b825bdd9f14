/**
 * A Fortify-compatible test agent: what the real Fortify app offers a page
 * on https/wss://127.0.0.1:31337, written from the published client
 * packages' protocol (2key-ratchet sessions, @webcrypto-local/proto
 * messages), with soft tokens from the test PKI instead of smart cards —
 * and, optionally, real PKCS#11 tokens (SoftHSM) behind the same actions.
 * The real `@webcrypto-local/client` (and `<peculiar-fortify-certificates>`)
 * talk to it unchanged. Tests steer it through `control`: approve or deny
 * the site, the PIN the person types, token removal, failing signatures.
 *
 * TEST ONLY: its keys are the test PKI's published keys, its TLS
 * certificate is self-signed, and it approves sites by itself by default.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server } from 'node:https';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import * as ratchet from '2key-ratchet';
import * as core from '@webcrypto-local/core';
import * as proto from '@webcrypto-local/proto';
import { Convert } from 'pvtsutils';
import { WebSocketServer, type WebSocket } from 'ws';
import type { DevTestToken } from '@egov/auth-widgets/contract';
import { devTestTokens } from '../test-pki/dev-tokens.ts';
import { ensureTestPki } from '../test-pki/test-pki.ts';
import { selfSignedTls } from './tls.ts';
import { AgentFailure, pkcs11, WCL } from './failures.ts';
import { openPkcs11Token, type Pkcs11TokenOptions } from './pkcs11-device.ts';
import { agentTokens, CKF, keyIdOfIndex, SoftDevice, type AgentItem, type AgentToken, type PinMode } from './tokens.ts';

ratchet.setEngine('nodejs', globalThis.crypto as unknown as Parameters<typeof ratchet.setEngine>[1]);

/** The version the agent reports (the client refuses servers before 1.2). */
export const FORTIFY_TEST_AGENT_VERSION = '1.10.11';
export const FORTIFY_TEST_AGENT_NAME = 'eGov Fortify test agent (TEST keys)';

export type ApprovalMode = 'approve' | 'deny' | 'slow' | 'manual';

export interface FortifyTestAgentOptions {
  /** Default 31337 (the address the picker and the client use). 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A mock server data directory: its `test-pki/` (made when missing) gives the tokens. */
  dataDir?: string;
  /** The tokens, e.g. from the mock server's `GET /dev/test-tokens`. Wins over `dataDir`. */
  tokens?: readonly DevTestToken[];
  /** Real PKCS#11 tokens (e.g. from `createSoftHsmToken`), listed after the soft ones. */
  pkcs11Tokens?: readonly Pkcs11TokenOptions[];
  /** How the site approval is answered. Default 'approve'. */
  approval?: ApprovalMode;
  /** Delay of the 'slow' approval. Default 1500 ms. */
  approvalDelayMs?: number;
  /** Also serve the control API over HTTP on this loopback port (0 = free port). Default: not served. */
  controlPort?: number;
}

export type AgentRecord =
  | { type: 'session'; session: number }
  | { type: 'approval'; session: number; code: string; result: 'approved' | 'denied' | 'pending' | 'already' }
  | { type: 'login'; tokenId: string; result: 'ok' | 'wrong' | 'locked' | 'cancelled' | 'removed' }
  | { type: 'logout'; tokenId: string }
  | { type: 'sign'; tokenId: string; keyId: string; algorithm: string; result: 'ok' | 'failed' | 'not_logged_in' | 'removed' }
  | { type: 'token'; tokenId: string; event: 'inserted' | 'removed' }
  | { type: 'action'; session: number; action: string; error?: string };

export interface FortifyTestAgentControl {
  /** How the next site approvals are answered. */
  setApproval(mode: ApprovalMode, delayMs?: number): void;
  /** With 'manual': answers the pending approvals. */
  approvePending(): void;
  denyPending(): void;
  /** The 6-digit codes the agent showed, oldest first (one per approval request). */
  readonly approvalCodes: readonly string[];
  /** Forget the approved browsers (their next session must be approved again). */
  forgetApprovals(): void;
  /** What the person types into the agent's PIN window at the next login of the token (default 'correct'). */
  setPinMode(tokenId: string, mode: PinMode): void;
  /** Put a soft token's PIN counter at `n` tries left (1 = last try, 0 = locked); a PKCS#11 token keeps its own. */
  setTriesLeft(tokenId: string, n: number): void;
  triesLeft(tokenId: string): number;
  /** Delay before the PIN window is "answered" (to remove a token while it is open). */
  setPinDelay(ms: number): void;
  removeToken(tokenId: string): void;
  insertToken(tokenId: string): void;
  /** The next signature fails (CKR_FUNCTION_FAILED). */
  failNextSign(): void;
  isLoggedIn(tokenId: string): boolean;
  /** Everything that happened, oldest first. */
  readonly records: readonly AgentRecord[];
  clearRecords(): void;
  /** `x509-<provider>-<keyid>` of a token's certificate by test PKI profile (what the page lists). */
  certificateId(tokenId: string, profile: string): string;
  /** The provider id of a token. */
  providerId(tokenId: string): string;
}

export interface FortifyTestAgent {
  /** `https://127.0.0.1:31337` */
  url: string;
  port: number;
  /** The control API over HTTP, when `controlPort` was given. */
  controlUrl?: string;
  control: FortifyTestAgentControl;
  /** Closes every session (the page sees Fortify quit) and the listeners. */
  stop(): Promise<void>;
}

function buffer(data: Uint8Array): ArrayBuffer {
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}
const byte = (value: boolean) => new Uint8Array([value ? 1 : 0]).buffer;
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A PIN that is not the token's: what a person mistyping it would send. */
const wrongPin = (pin: string) => (pin === '0000' ? '9999' : '0000');

/** An algorithm as AlgorithmProto takes it (hash as {name}). */
function algorithmForProto(algorithm: { name: string; hash?: string | { name: string }; namedCurve?: string }): proto.CryptoKeyProto['algorithm'] {
  const result: Record<string, unknown> = { name: algorithm.name };
  if (algorithm.hash) result['hash'] = typeof algorithm.hash === 'string' ? { name: algorithm.hash } : algorithm.hash;
  if (algorithm.namedCurve) result['namedCurve'] = algorithm.namedCurve;
  return result as unknown as proto.CryptoKeyProto['algorithm'];
}

interface Session {
  number: number;
  socket: WebSocket;
  cipher?: ratchet.AsymmetricRatchet;
  remoteId?: string;
  queue: Promise<void>;
}

interface PendingApproval {
  session: Session;
  code: string;
  resolve: (approved: boolean) => void;
}

export async function startFortifyTestAgent(options: FortifyTestAgentOptions = {}): Promise<FortifyTestAgent> {
  const host = options.host ?? '127.0.0.1';
  let sourceTokens = options.tokens;
  if (!sourceTokens) {
    if (!options.dataDir) throw new TypeError('startFortifyTestAgent: give `tokens` or a mock server `dataDir`');
    const { pki } = await ensureTestPki(join(options.dataDir, 'test-pki'), Date.now());
    sourceTokens = devTestTokens(pki).tokens;
  }
  const tokens = await agentTokens(sourceTokens);
  for (const pkcs11Token of options.pkcs11Tokens ?? []) tokens.push(await openPkcs11Token(pkcs11Token));

  // The agent's long-lived identity and the pre-key bundle the well-known document publishes.
  const identity = await ratchet.Identity.create(1, 1, 1);
  const bundle = new ratchet.PreKeyBundleProtocol();
  bundle.registrationId = identity.id;
  bundle.identity = await ratchet.IdentityProtocol.fill(identity);
  bundle.preKey.id = 0;
  bundle.preKey.key = identity.preKeys[0]!.publicKey;
  bundle.preKeySigned.id = 0;
  bundle.preKeySigned.key = identity.signedPreKeys[0]!.publicKey;
  await bundle.preKeySigned.sign(identity.signingKey.privateKey);
  const preKey = Convert.ToBase64(await bundle.exportProto());

  let approvalMode: ApprovalMode = options.approval ?? 'approve';
  let approvalDelayMs = options.approvalDelayMs ?? 1_500;
  let pinDelayMs = 0;
  let failNextSign = false;
  const approved = new Set<string>();
  const approvalCodes: string[] = [];
  const pending: PendingApproval[] = [];
  const records: AgentRecord[] = [];
  const sessions = new Set<Session>();
  let sessionCounter = 0;
  let eventCounter = 0;

  const tokenById = (id: string) => {
    const token = tokens.find((t) => t.id === id);
    if (!token) throw new RangeError(`no test token ${id}`);
    return token;
  };
  const softDeviceOf = (id: string): SoftDevice => {
    const { device } = tokenById(id);
    if (!(device instanceof SoftDevice)) throw new RangeError(`token ${id} is a PKCS#11 token: its PIN counter is the module's own`);
    return device;
  };
  const tokenByProvider = (providerId: string): AgentToken => {
    const token = tokens.find((t) => t.providerId === providerId);
    if (!token || !token.present) throw new AgentFailure(`Crypto '${providerId}' not found`, WCL.cryptoNotFound, 'wcl');
    return token;
  };
  const itemOf = (token: AgentToken, keyId: string): AgentItem => {
    const item = token.items.find((i) => i.keyId === keyId);
    if (!item) throw new AgentFailure(`Item '${keyId}' not found`, 0, 'error');
    return item;
  };
  /** `<kind>-<provider>-<keyid>` → the item (of this provider). */
  const itemByIndex = (token: AgentToken, index: string): AgentItem => itemOf(token, keyIdOfIndex(index));

  const providerProto = (token: AgentToken) =>
    new proto.ProviderCryptoProto({
      id: token.providerId,
      name: token.label,
      card: token.label,
      readOnly: true,
      atr: '3b00' + token.providerId.slice(0, 16),
      algorithms: ['RSASSA-PKCS1-v1_5', 'ECDSA', 'SHA-256', 'SHA-384'],
      isHardware: true,
      isRemovable: true,
      library: token.device.kind === 'pkcs11' ? 'egov-fortify-test-agent (PKCS#11)' : 'egov-fortify-test-agent (soft tokens)',
      token: {
        label: token.label,
        manufacturerID: 'eGov test agent',
        model: token.device.kind === 'pkcs11' ? 'TEST PKCS#11 token' : 'TEST soft token',
        serialNumber: token.providerId.slice(0, 16),
        flags: token.device.flags(),
        maxSessionCount: 0,
        sessionCount: 0,
        maxRwSessionCount: 0,
        rwSessionCount: 0,
        maxPinLen: 8,
        minPinLen: 4,
        totalPublicMemory: 0,
        freePublicMemory: 0,
        totalPrivateMemory: 0,
        freePrivateMemory: 0,
        hardwareVersion: { major: 1, minor: 0 },
        firmwareVersion: { major: 1, minor: 0 },
      },
    });

  async function publicKeyProto(token: AgentToken, item: AgentItem): Promise<proto.CryptoKeyProto> {
    const key = new proto.CryptoKeyProto();
    key.providerID = token.providerId;
    key.id = item.keyId;
    key.type = 'public';
    key.algorithm = algorithmForProto(item.keyAlgorithm);
    key.extractable = true;
    key.usages = ['verify'];
    return key;
  }

  async function certificateProto(token: AgentToken, item: AgentItem): Promise<proto.CryptoX509CertificateProto> {
    const certificate = new proto.CryptoX509CertificateProto();
    certificate.providerID = token.providerId;
    certificate.id = item.keyId;
    certificate.type = 'x509';
    certificate.label = item.certificate.subjectName.getField('CN')[0] ?? item.certificate.subject;
    certificate.token = true;
    certificate.sensitive = false;
    certificate.publicKey = await publicKeyProto(token, item);
    certificate.serialNumber = item.certificate.serialNumber;
    certificate.issuerName = item.certificate.issuer;
    certificate.subjectName = item.certificate.subject;
    certificate.notBefore = item.certificate.notBefore;
    certificate.notAfter = item.certificate.notAfter;
    return certificate;
  }

  // ---------------------------------------------------------------- sending

  /** Runs ratchet work of a session one at a time, in order (decrypting and encrypting share its state). */
  function enqueue(session: Session, work: () => Promise<void>): Promise<void> {
    const next = session.queue.then(work);
    session.queue = next.catch(() => undefined);
    return next;
  }

  function send(session: Session, message: proto.ActionProto): Promise<void> {
    return enqueue(session, async () => {
      if (!session.cipher || session.socket.readyState !== session.socket.OPEN) return;
      const raw = await message.exportProto();
      const encrypted = await session.cipher.encrypt(raw);
      session.socket.send(Buffer.from(await encrypted.exportProto()));
    });
  }

  function broadcastTokens(added: AgentToken[], removed: AgentToken[]): void {
    for (const session of sessions) {
      if (!session.remoteId || !approved.has(session.remoteId)) continue;
      const event = new proto.ProviderTokenEventProto();
      event.action = proto.ProviderTokenEventProto.ACTION;
      event.actionId = `event-${++eventCounter}`;
      event.added = added.map(providerProto);
      event.removed = removed.map(providerProto);
      void send(session, event).catch(() => undefined);
    }
  }

  // ---------------------------------------------------------------- approval

  async function requestApproval(session: Session): Promise<void> {
    if (session.remoteId && approved.has(session.remoteId)) return;
    const code = await core.challenge(identity.signingKey.publicKey, session.cipher!.remoteIdentity.signingKey);
    approvalCodes.push(code);
    const answer = await new Promise<boolean>((resolve) => {
      if (approvalMode === 'approve') resolve(true);
      else if (approvalMode === 'deny') resolve(false);
      else if (approvalMode === 'slow') setTimeout(() => resolve(true), approvalDelayMs);
      else pending.push({ session, code, resolve });
    });
    records.push({ type: 'approval', session: session.number, code, result: answer ? 'approved' : 'denied' });
    if (!answer) throw new AgentFailure('The key is not approved by the user', WCL.ratchetKeyNotApproved, 'wcl');
    approved.add(session.remoteId!);
  }

  // ---------------------------------------------------------------- actions

  async function handle(session: Session, raw: ArrayBuffer): Promise<void> {
    const action = await proto.ActionProto.importProto(raw);
    const result = new proto.ResultProto(action);
    try {
      const data = await perform(session, action.action, raw);
      result.status = true;
      if (data) result.data = data;
    } catch (error) {
      const failure = error instanceof AgentFailure ? error : new AgentFailure(error instanceof Error ? error.message : String(error), 0, 'error');
      result.status = false;
      result.error = new proto.ErrorProto(failure.message, failure.code, failure.type);
      records.push({ type: 'action', session: session.number, action: action.action, error: failure.message });
    }
    // Slow actions (a pending approval, the PIN window) must not hold up the session's other answers.
    await send(session, result);
  }

  async function perform(session: Session, name: string, raw: ArrayBuffer): Promise<ArrayBuffer | undefined> {
    const isApproved = !!session.remoteId && approved.has(session.remoteId);
    switch (name) {
      case proto.ServerIsLoggedInActionProto.ACTION:
        return byte(isApproved);
      case proto.ServerLoginActionProto.ACTION:
        if (isApproved) {
          records.push({ type: 'approval', session: session.number, code: '', result: 'already' });
          return undefined;
        }
        await requestApproval(session);
        return undefined;
    }
    if (!isApproved) throw new AgentFailure('404: Not logged in', WCL.serverNotLoggedIn, 'wcl');

    switch (name) {
      case proto.ProviderInfoActionProto.ACTION: {
        const info = new proto.ProviderInfoProto();
        info.name = FORTIFY_TEST_AGENT_NAME;
        info.providers = tokens.filter((t) => t.present).map(providerProto);
        return info.exportProto();
      }
      case proto.ProviderGetCryptoActionProto.ACTION: {
        const request = await proto.ProviderGetCryptoActionProto.importProto(raw);
        tokenByProvider(request.cryptoID);
        return undefined;
      }
      case proto.IsLoggedInActionProto.ACTION: {
        const request = await proto.IsLoggedInActionProto.importProto(raw);
        return byte(tokenByProvider(request.providerID).device.loggedIn);
      }
      case proto.LoginActionProto.ACTION: {
        const request = await proto.LoginActionProto.importProto(raw);
        return login(tokenByProvider(request.providerID));
      }
      case proto.LogoutActionProto.ACTION: {
        const request = await proto.LogoutActionProto.importProto(raw);
        const token = tokenByProvider(request.providerID);
        await token.device.logout();
        records.push({ type: 'logout', tokenId: token.id });
        return undefined;
      }
      case proto.CertificateStorageKeysActionProto.ACTION: {
        const request = await proto.CertificateStorageKeysActionProto.importProto(raw);
        const token = tokenByProvider(request.providerID);
        return buffer(Buffer.from(token.items.map((i) => `x509-${token.providerId}-${i.keyId}`).join(',')));
      }
      case proto.CertificateStorageGetValueActionProto.ACTION: {
        const request = await proto.CertificateStorageGetValueActionProto.importProto(raw);
        return buffer(itemByIndex(tokenByProvider(request.providerID), request.key).der);
      }
      case proto.CertificateStorageGetItemActionProto.ACTION: {
        const request = await proto.CertificateStorageGetItemActionProto.importProto(raw);
        const token = tokenByProvider(request.providerID);
        return (await certificateProto(token, itemByIndex(token, request.key))).exportProto();
      }
      case proto.CertificateStorageExportActionProto.ACTION: {
        const request = await proto.CertificateStorageExportActionProto.importProto(raw);
        const token = tokenByProvider(request.providerID || request.item.providerID);
        return buffer(itemOf(token, request.item.id).der);
      }
      case proto.CertificateStorageIndexOfActionProto.ACTION: {
        const request = await proto.CertificateStorageIndexOfActionProto.importProto(raw);
        const token = tokenByProvider(request.providerID);
        const item = token.items.find((i) => i.keyId === request.item.id);
        return item ? buffer(Buffer.from(`x509-${token.providerId}-${item.keyId}`)) : undefined;
      }
      case proto.KeyStorageKeysActionProto.ACTION: {
        const request = await proto.KeyStorageKeysActionProto.importProto(raw);
        const token = tokenByProvider(request.providerID);
        // Like most cards: private keys are visible only after the PIN.
        const keys = (await token.device.privateKeyIds()).map((keyId) => `private-${token.providerId}-${keyId}`);
        return buffer(Buffer.from(keys.join(',')));
      }
      case proto.KeyStorageGetItemActionProto.ACTION: {
        const request = await proto.KeyStorageGetItemActionProto.importProto(raw);
        const token = tokenByProvider(request.providerID);
        if (!request.key.startsWith('private-')) throw new AgentFailure(`Key '${request.key}' not found`, 0, 'error');
        if (!token.device.loggedIn) throw pkcs11('CKR_USER_NOT_LOGGED_IN');
        const item = itemByIndex(token, request.key);
        if (!(await token.device.privateKeyIds()).includes(item.keyId)) throw pkcs11('CKR_KEY_HANDLE_INVALID');
        const key = new proto.CryptoKeyProto();
        key.providerID = token.providerId;
        key.id = item.keyId;
        key.type = 'private';
        key.algorithm = algorithmForProto(item.keyAlgorithm);
        key.extractable = false;
        key.usages = ['sign'];
        return key.exportProto();
      }
      case proto.SignActionProto.ACTION: {
        const request = await proto.SignActionProto.importProto(raw);
        return sign(tokenByProvider(request.providerID || request.key.providerID), request);
      }
      default:
        throw new AgentFailure(`Action '${name}' is not implemented by the test agent`, 0, 'error');
    }
  }

  async function login(token: AgentToken): Promise<undefined> {
    // The PIN window of the app: the person's answer is the token's PIN mode; the card checks it.
    if (pinDelayMs) await delay(pinDelayMs);
    if (!token.present) {
      records.push({ type: 'login', tokenId: token.id, result: 'removed' });
      throw pkcs11('CKR_DEVICE_REMOVED');
    }
    if (token.device.flags() & CKF.userPinLocked) {
      records.push({ type: 'login', tokenId: token.id, result: 'locked' });
      throw pkcs11('CKR_PIN_LOCKED');
    }
    if (token.pinMode === 'cancel') {
      records.push({ type: 'login', tokenId: token.id, result: 'cancelled' });
      throw new AgentFailure('Incorrect PIN value. It cannot be empty.', WCL.pinCancelled, 'wcl');
    }
    try {
      await token.device.login(token.pinMode === 'wrong' ? wrongPin(token.pin) : token.pin);
    } catch (error) {
      const failure = error instanceof AgentFailure ? error : pkcs11('CKR_FUNCTION_FAILED');
      records.push({ type: 'login', tokenId: token.id, result: failure.message === 'CKR_PIN_LOCKED' ? 'locked' : 'wrong' });
      throw failure;
    }
    records.push({ type: 'login', tokenId: token.id, result: 'ok' });
    return undefined;
  }

  async function sign(token: AgentToken, request: proto.SignActionProto): Promise<ArrayBuffer> {
    const item = itemOf(token, request.key.id);
    const requested = request.algorithm.toAlgorithm() as { name: string; hash?: { name: string } | string };
    const algorithm = requested.name;
    const note = (result: 'ok' | 'failed' | 'not_logged_in' | 'removed') => records.push({ type: 'sign', tokenId: token.id, keyId: item.keyId, algorithm, result });
    if (!token.device.loggedIn) {
      note('not_logged_in');
      throw pkcs11('CKR_USER_NOT_LOGGED_IN');
    }
    if (failNextSign) {
      failNextSign = false;
      note('failed');
      throw pkcs11('CKR_FUNCTION_FAILED');
    }
    const hash = typeof requested.hash === 'string' ? requested.hash : (requested.hash?.name ?? item.keyAlgorithm.hash ?? 'SHA-256');
    try {
      const signature = await token.device.sign(item, hash, new Uint8Array(request.data));
      note('ok');
      return signature;
    } catch (error) {
      note('failed');
      throw error;
    }
  }

  // ---------------------------------------------------------------- transport

  const tls = await selfSignedTls(host);
  const server: Server = createHttpsServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const origin = req.headers.origin;
    res.setHeader('Access-Control-Allow-Origin', origin ?? '*');
    res.setHeader('Vary', 'Origin');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, OPTIONS',
        'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
        // Chrome's Private/Local Network Access preflight.
        'Access-Control-Allow-Private-Network': 'true',
        'Access-Control-Max-Age': '60',
      });
      res.end();
      return;
    }
    if (req.method === 'GET' && req.url?.split('?')[0] === core.SERVER_WELL_KNOWN) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ version: FORTIFY_TEST_AGENT_VERSION, name: FORTIFY_TEST_AGENT_NAME, preKey }));
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (socket) => {
    const session: Session = { number: ++sessionCounter, socket, queue: Promise.resolve() };
    sessions.add(session);
    records.push({ type: 'session', session: session.number });
    socket.on('close', () => {
      sessions.delete(session);
      for (const p of pending.filter((entry) => entry.session === session)) p.resolve(false);
    });
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) return;
      const raw = buffer(new Uint8Array(data));
      // Frames are decrypted in order (the ratchet needs it); answers may overtake each other.
      enqueue(session, async () => {
          let plain: ArrayBuffer;
          if (!session.cipher) {
            const first = await ratchet.PreKeyMessageProtocol.importProto(raw);
            session.cipher = await ratchet.AsymmetricRatchet.create(identity, first);
            session.remoteId = session.cipher.remoteIdentity.signingKey.id;
            plain = await session.cipher.decrypt(first.signedMessage);
          } else {
            plain = await session.cipher.decrypt(await ratchet.MessageSignedProtocol.importProto(raw));
          }
          // Handled outside the queue: a pending approval or PIN window must not hold up other answers.
          void handle(session, plain).catch((error: unknown) => records.push({ type: 'action', session: session.number, action: '?', error: String(error) }));
      }).catch((error: unknown) => {
        records.push({ type: 'action', session: session.number, action: 'decrypt', error: String(error) });
        socket.close(1011, 'bad frame');
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 31337, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  const control: FortifyTestAgentControl = {
    setApproval(mode, delayMs) {
      approvalMode = mode;
      if (delayMs !== undefined) approvalDelayMs = delayMs;
    },
    approvePending() {
      for (const p of pending.splice(0)) p.resolve(true);
    },
    denyPending() {
      for (const p of pending.splice(0)) p.resolve(false);
    },
    get approvalCodes() {
      return approvalCodes;
    },
    forgetApprovals() {
      approved.clear();
    },
    setPinMode(tokenId, mode) {
      tokenById(tokenId).pinMode = mode;
    },
    setTriesLeft(tokenId, n) {
      const device = softDeviceOf(tokenId);
      device.triesLeft = Math.max(0, Math.min(n, device.maxPinTries));
    },
    triesLeft(tokenId) {
      return softDeviceOf(tokenId).triesLeft;
    },
    setPinDelay(ms) {
      pinDelayMs = ms;
    },
    removeToken(tokenId) {
      const token = tokenById(tokenId);
      if (!token.present) return;
      token.present = false;
      // A card pulled out of the reader loses its login.
      void token.device.logout().catch(() => undefined);
      records.push({ type: 'token', tokenId, event: 'removed' });
      broadcastTokens([], [token]);
    },
    insertToken(tokenId) {
      const token = tokenById(tokenId);
      if (token.present) return;
      token.present = true;
      records.push({ type: 'token', tokenId, event: 'inserted' });
      broadcastTokens([token], []);
    },
    failNextSign() {
      failNextSign = true;
    },
    isLoggedIn(tokenId) {
      return tokenById(tokenId).device.loggedIn;
    },
    get records() {
      return records;
    },
    clearRecords() {
      records.length = 0;
    },
    certificateId(tokenId, profile) {
      const token = tokenById(tokenId);
      const item = token.items.find((i) => i.profile === profile);
      if (!item) throw new RangeError(`token ${tokenId} has no ${profile} certificate`);
      return `x509-${token.providerId}-${item.keyId}`;
    },
    providerId(tokenId) {
      return tokenById(tokenId).providerId;
    },
  };

  const controlServer = options.controlPort === undefined ? undefined : await serveControl(control, options.controlPort);

  return {
    url: `https://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    ...(controlServer ? { controlUrl: controlServer.url } : {}),
    control,
    async stop() {
      for (const p of pending.splice(0)) p.resolve(false);
      for (const session of sessions) session.socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await controlServer?.close();
      for (const token of tokens) await token.device.close();
    },
  };
}

// ---------------------------------------------------------------- control over HTTP

/**
 * The control API as JSON over HTTP on loopback (for tests in another
 * process or language): `GET /state`, `POST /<method>` with a JSON array of
 * the arguments, e.g. `POST /setPinMode ["test-mup-id-card","wrong"]`.
 */
async function serveControl(control: FortifyTestAgentControl, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const methods = new Set([
    'setApproval',
    'approvePending',
    'denyPending',
    'forgetApprovals',
    'setPinMode',
    'setTriesLeft',
    'triesLeft',
    'setPinDelay',
    'removeToken',
    'insertToken',
    'failNextSign',
    'isLoggedIn',
    'clearRecords',
    'certificateId',
    'providerId',
  ]);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body ?? null));
    };
    const name = (req.url ?? '/').split('?')[0]!.slice(1);
    if (req.method === 'GET' && name === 'state') return reply(200, { approvalCodes: control.approvalCodes, records: control.records });
    if (req.method !== 'POST' || !methods.has(name)) return reply(404, { error: 'not_found' });
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      try {
        const args: unknown = body ? JSON.parse(body) : [];
        if (!Array.isArray(args)) return reply(400, { error: 'arguments must be a JSON array' });
        const method = control[name as keyof FortifyTestAgentControl] as (...a: unknown[]) => unknown;
        reply(200, { result: method.apply(control, args) ?? null });
      } catch (error) {
        reply(400, { error: error instanceof Error ? error.message : String(error) });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
