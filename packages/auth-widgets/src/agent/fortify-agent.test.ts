import { expect } from '@open-wc/testing';
import { FakeFortify, pkcs11Error, wclError, type FakeToken } from '../../test-support/fake-fortify-client.js';
import { testCertificate, testKeys, x509 } from '../../test-support/test-pki.js';
import { certificateSignedData } from '../client/contract.js';
import { AgentError, type AgentProblem, type TokenEvent } from './certificate-agent.js';
import {
  FORTIFY_SEEN_KEY,
  FortifyAgent,
  localNetworkAccess,
  PAGE_BLOCKED_MESSAGE,
  pageAllowsCodeGeneration,
  pinStateFromTokenFlags,
  probeAgent,
} from './fortify-agent.js';
import { fortifyProblemOf, type FortifyStep } from './fortify-errors.js';
// A page that opted into Fortify (a page that did not: fortify-opt-in.test.ts).
import { loadWebcryptoSocket } from '../fortify.js';
import { TOKEN_FLAGS } from './webcrypto-socket.js';

// Nothing listens on port 2 of loopback: what a machine without Fortify looks like.
const CLOSED = 'https://127.0.0.1:2';

async function problemOf(promise: Promise<unknown>): Promise<AgentProblem> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AgentError) return error.code;
    throw error;
  }
  throw new Error('expected an AgentError');
}

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v), values };
}

/** Replaces navigator.permissions.query for one test; returns the restore function. */
function stubPermission(states: Record<string, PermissionState>): () => void {
  const permissions = navigator.permissions;
  const original = permissions.query;
  permissions.query = (async (descriptor: PermissionDescriptor) => {
    const state = states[descriptor.name];
    if (!state) throw new TypeError(`unknown permission ${descriptor.name}`);
    return { state } as PermissionStatus;
  }) as typeof permissions.query;
  return () => {
    permissions.query = original;
  };
}

describe('FortifyAgent', () => {
  describe('loading the client', () => {
    it('@webcrypto-local/client and protobufjs load in the browser bundle; SocketProvider exists', async () => {
      const client = await loadWebcryptoSocket();
      expect(client.SocketProvider).to.be.a('function');
      expect(client.BrowserStorage.create).to.be.a('function');
      expect(globalThis.WebcryptoSocket).to.equal(client);
      expect((globalThis as { protobuf?: unknown }).protobuf).to.not.equal(undefined);
      // A provider can be made without an agent (connecting is what needs one).
      const provider = new client.SocketProvider({ storage: new client.MemoryStorage() });
      expect(provider.info).to.be.a('function');
    });
  });

  describe('before connecting', () => {
    afterEach(() => localStorage.removeItem(FORTIFY_SEEN_KEY));

    it('the probe of a closed port is unreachable', async () => {
      expect(await probeAgent(CLOSED)).to.deep.equal({ ok: false, reason: 'unreachable' });
    });

    it('a page whose CSP forbids code generation: page_blocked at once, the reason in the console, the client never loaded', async () => {
      // This test page has no CSP: the real check says the client could run.
      expect(pageAllowsCodeGeneration()).to.equal(true);
      let loaded = 0;
      const logged: unknown[][] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => void logged.push(args);
      try {
        const agent = new FortifyAgent({
          baseUrl: 'https://fortify.invalid:31337',
          storage: memoryStorage(),
          codeGenerationAllowed: () => false,
          loadClient: async () => (loaded++, new FakeFortify().module()),
        });
        expect(await problemOf(agent.connect())).to.equal('page_blocked');
      } finally {
        console.error = original;
      }
      expect(loaded).to.equal(0);
      expect(logged).to.deep.equal([[PAGE_BLOCKED_MESSAGE]]);
      expect(PAGE_BLOCKED_MESSAGE).to.contain("'unsafe-eval'").and.to.contain("require-trusted-types-for 'script'");
    });

    it('unreachable and never seen here: not_installed, without loading the client', async () => {
      let loaded = 0;
      const agent = new FortifyAgent({ baseUrl: CLOSED, storage: memoryStorage(), loadClient: async () => (loaded++, new FakeFortify().module()) });
      expect(await problemOf(agent.connect())).to.equal('not_installed');
      expect(loaded).to.equal(0);
    });

    it('unreachable but seen in this browser before (the localStorage flag): not_running', async () => {
      localStorage.setItem(FORTIFY_SEEN_KEY, '1');
      expect(await problemOf(new FortifyAgent({ baseUrl: CLOSED }).connect())).to.equal('not_running');
      localStorage.removeItem(FORTIFY_SEEN_KEY);
      expect(await problemOf(new FortifyAgent({ baseUrl: CLOSED }).connect())).to.equal('not_installed');
    });

    it('local network access denied by Chrome: local_network_blocked, before any request', async () => {
      const restore = stubPermission({ 'loopback-network': 'denied' });
      try {
        expect(await localNetworkAccess()).to.equal('denied');
        const agent = new FortifyAgent({ baseUrl: 'https://fortify.invalid:31337', storage: memoryStorage() });
        expect(await problemOf(agent.connect())).to.equal('local_network_blocked');
      } finally {
        restore();
      }
    });

    it('the older permission name counts too; granted or asking goes on to the probe', async () => {
      let restore = stubPermission({ 'local-network-access': 'denied' });
      try {
        expect(await localNetworkAccess()).to.equal('denied');
      } finally {
        restore();
      }
      restore = stubPermission({ 'loopback-network': 'granted' });
      try {
        expect(await problemOf(new FortifyAgent({ baseUrl: CLOSED, storage: memoryStorage() }).connect())).to.equal('not_installed');
      } finally {
        restore();
      }
    });

    it('this browser answers the permission query or says it has no such permission', async () => {
      expect([undefined, 'granted', 'denied', 'prompt']).to.include(await localNetworkAccess());
    });
  });

  describe('error mapping', () => {
    const cases: [unknown, FortifyStep, AgentProblem][] = [
      [wclError(101, 'RATCHET_KEY_NOT_APPROVED'), 'connect', 'origin_denied'],
      [wclError(602, '404: Not authorized'), 'list', 'origin_not_approved'],
      [wclError(10001, 'Incorrect PIN value. It cannot be empty.'), 'login', 'cancelled'],
      [{ message: 'Incorrect PIN value. It cannot be empty.', code: 10001, type: 'error' }, 'login', 'cancelled'],
      [wclError(402, 'Cannot get crypto by given ID'), 'sign', 'token_removed'],
      [pkcs11Error('CKR_PIN_INCORRECT', 0xa0), 'login', 'pin_wrong'],
      [{ message: 'CKR_PIN_INCORRECT', code: 160, type: 'error' }, 'login', 'pin_wrong'],
      [{ message: 'Error: CKR_PIN_LOCKED:164', code: 0, type: 'error' }, 'login', 'pin_locked'],
      [{ message: '', code: 0xa4, type: 'pkcs11' }, 'login', 'pin_locked'],
      [pkcs11Error('CKR_DEVICE_REMOVED', 0x32), 'sign', 'token_removed'],
      [pkcs11Error('CKR_TOKEN_NOT_PRESENT', 0xe0), 'list', 'token_removed'],
      [pkcs11Error('CKR_SESSION_HANDLE_INVALID', 0xb3), 'sign', 'token_removed'],
      [pkcs11Error('CKR_FUNCTION_CANCELED', 0x50), 'login', 'cancelled'],
      [pkcs11Error('CKR_KEY_FUNCTION_NOT_PERMITTED', 0x68), 'sign', 'sign_failed'],
      [pkcs11Error('CKR_GENERAL_ERROR', 5), 'list', 'agent_error'],
      [new Error('Socket connection is not open'), 'list', 'not_running'],
      [new Error('Cannot finish operation. Session was closed'), 'sign', 'not_running'],
      [new Error('something else'), 'connect', 'agent_error'],
      ['a string', 'sign', 'sign_failed'],
      [new AgentError('pin_locked'), 'sign', 'pin_locked'],
    ];
    for (const [error, step, problem] of cases) {
      it(`${JSON.stringify(error instanceof Error ? error.message : error)} during ${step} → ${problem}`, () => {
        expect(fortifyProblemOf(error, step)).to.equal(problem);
      });
    }
  });

  it('reads the PIN state from the PKCS#11 token flags', () => {
    expect(pinStateFromTokenFlags(undefined)).to.deep.equal({ triesFailed: false, finalTry: false, locked: false });
    expect(pinStateFromTokenFlags(TOKEN_FLAGS.loginRequired | TOKEN_FLAGS.userPinCountLow)).to.deep.equal({ triesFailed: true, finalTry: false, locked: false });
    expect(pinStateFromTokenFlags(TOKEN_FLAGS.userPinFinalTry)).to.deep.equal({ triesFailed: true, finalTry: true, locked: false });
    expect(pinStateFromTokenFlags(TOKEN_FLAGS.userPinLocked).locked).to.equal(true);
  });

  describe('over a stand-in client (its API as declared; no Fortify app)', () => {
    const BASE = 'https://fortify.test:31337';
    const realFetch = globalThis.fetch;
    let fake: FakeFortify;

    beforeEach(() => {
      fake = new FakeFortify();
      globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input) === `${BASE}/.well-known/webcrypto-socket`) {
          return new Response(JSON.stringify({ version: '1.10.11', name: 'webcrypto-socket', preKey: 'AAAA' }), { headers: { 'Content-Type': 'application/json' } });
        }
        return realFetch(input, init);
      }) as typeof fetch;
    });
    afterEach(() => {
      globalThis.fetch = realFetch;
    });

    const agentFor = (options: { approvalTimeoutMs?: number } = {}) =>
      new FortifyAgent({ baseUrl: BASE, storage: memoryStorage(), loadClient: async () => fake.module(), ...options });

    async function smartCard(id: string, flags: number = TOKEN_FLAGS.loginRequired): Promise<FakeToken> {
      const leaf = await testCertificate({ key: 'EC' });
      const rsa = await testCertificate({ key: 'RSA' });
      const keys = await testKeys('EC');
      const rsaKeys = await testKeys('RSA');
      return {
        info: { id, name: 'Fake PKCS#11', card: 'MUP eID card', isRemovable: true, isHardware: true, token: { label: `Card ${id}`, flags } },
        certificates: [
          { keyId: 'k1', der: leaf.der, privateKey: keys.privateKey, keyHiddenUntilLogin: true },
          { keyId: 'k2', der: rsa.der, privateKey: rsaKeys.privateKey },
        ],
        loggedIn: false,
      };
    }

    it('shows the approval code, waits for approval, and marks the agent as seen', async () => {
      const storage = memoryStorage();
      const agent = new FortifyAgent({ baseUrl: BASE, storage, loadClient: async () => fake.module() });
      const codes: string[] = [];
      await agent.connect({ onApprovalCode: (code) => codes.push(code) });
      expect(codes).to.deep.equal(['314159']);
      expect(fake.providers[0]!.connectedTo).to.equal('fortify.test:31337');
      expect(storage.values.get(FORTIFY_SEEN_KEY)).to.equal('1');
      // An approved browser is not asked again.
      const again = agentFor();
      const more: string[] = [];
      await again.connect({ onApprovalCode: (code) => more.push(code) });
      expect(more).to.deep.equal([]);
    });

    it('denied in the app: origin_denied; no answer in time: origin_not_approved; both close the session', async () => {
      fake.approval = 'deny';
      expect(await problemOf(agentFor().connect())).to.equal('origin_denied');
      expect(fake.providers[0]!.closed).to.equal(true);
      fake.approval = 'never';
      expect(await problemOf(agentFor({ approvalTimeoutMs: 50 }).connect())).to.equal('origin_not_approved');
      expect(fake.providers[1]!.closed).to.equal(true);
    });

    it('a session that fails or closes while opening is reported', async () => {
      fake.session = 'close';
      expect(await problemOf(agentFor().connect())).to.equal('not_running');
      fake.session = 'error';
      expect(await problemOf(agentFor().connect())).to.equal('agent_error');
    });

    it('lists certificates per token, pairing keys by key id; hidden keys before login are assumed', async () => {
      fake.tokens.push(await smartCard('p1'));
      const agent = agentFor();
      await agent.connect();
      const list = await agent.listCertificates();
      expect(list.map((c) => [c.id, c.tokenId, c.tokenLabel, c.hasPrivateKey, c.privateKeyAssumed, c.removable])).to.deep.equal([
        ['x509-p1-k1', 'p1', 'Card p1', true, true, true],
        ['x509-p1-k2', 'p1', 'Card p1', true, undefined, true],
      ]);
      expect(new x509.X509Certificate(new Uint8Array(list[0]!.certificate)).subject).to.include('Ana');
      expect(fake.calls.filter((c) => c === 'getValue')).to.have.length(2);
    });

    it('a certificate without a key on a logged-in token, or on a token that shows keys, has none', async () => {
      const card = await smartCard('p1', 0);
      card.certificates[0]!.privateKey = undefined;
      fake.tokens.push(card);
      const agent = agentFor();
      await agent.connect();
      const first = (await agent.listCertificates())[0]!;
      expect([first.hasPrivateKey, first.privateKeyAssumed]).to.deep.equal([false, undefined]);
    });

    it('falls back to getItem + export when the agent has no getValue', async () => {
      fake.supportsGetValue = false;
      fake.tokens.push(await smartCard('p1'));
      const agent = agentFor();
      await agent.connect();
      expect(await agent.listCertificates()).to.have.length(2);
      const tried = fake.calls.filter((c) => c === 'getValue').length;
      expect(fake.calls.filter((c) => c === 'exportCert')).to.have.length(2);
      // Once it failed, later listings go straight to getItem + export.
      expect(await agent.listCertificates()).to.have.length(2);
      expect(fake.calls.filter((c) => c === 'getValue')).to.have.length(tried);
      expect(fake.calls.filter((c) => c === 'exportCert')).to.have.length(4);
    });

    it('no smart card and no certificates: no_token', async () => {
      const agent = agentFor();
      await agent.connect();
      expect(await problemOf(agent.listCertificates())).to.equal('no_token');
    });

    it('signs after the token login (PIN in Fortify), with the key re-typed for the algorithm; logout logs the token out', async () => {
      fake.tokens.push(await smartCard('p1'));
      const agent = agentFor();
      await agent.connect();
      const [ec, rsa] = await agent.listCertificates();
      const data = await certificateSignedData('https://portal.example', 'nonce');
      const result = await agent.sign(ec!.id, data);
      expect(result.algorithm).to.equal('ECDSA-P256-SHA256');
      const publicKey = await new x509.X509Certificate(new Uint8Array(ec!.certificate)).publicKey.export({ name: 'ECDSA', namedCurve: 'P-256' }, ['verify']);
      expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey, new Uint8Array(result.signature), new Uint8Array(data))).to.equal(true);
      expect((await agent.sign(rsa!.id, data)).algorithm).to.equal('RSASSA-PKCS1-v1_5-SHA256');
      expect(fake.calls.filter((c) => c.startsWith('login'))).to.deep.equal(['login p1']);
      expect(fake.calls.find((c) => c.startsWith('getKey private-p1-k2'))).to.include('"hash":"SHA-256"');
      await agent.logout('p1');
      expect(fake.calls.at(-1)).to.equal('logout p1');
      expect(fake.tokens[0]!.loggedIn).to.equal(false);
    });

    it('maps PIN errors of the token login: wrong, locked, cancelled', async () => {
      const card = await smartCard('p1');
      fake.tokens.push(card);
      const agent = agentFor();
      await agent.connect();
      const [ec] = await agent.listCertificates();
      const data = new Uint8Array([1, 2, 3]);
      for (const [error, problem] of [
        [pkcs11Error('CKR_PIN_INCORRECT', 0xa0), 'pin_wrong'],
        [pkcs11Error('CKR_PIN_LOCKED', 0xa4), 'pin_locked'],
        [wclError(10001, 'Incorrect PIN value. It cannot be empty.'), 'cancelled'],
      ] as const) {
        card.login = () => Promise.reject(error);
        expect(await problemOf(agent.sign(ec!.id, data))).to.equal(problem);
      }
      card.login = undefined;
      fake.signFailure = pkcs11Error('CKR_FUNCTION_FAILED', 6);
      expect(await problemOf(agent.sign(ec!.id, data))).to.equal('sign_failed');
    });

    it('reads PIN state from the token flags', async () => {
      fake.tokens.push(await smartCard('p1', TOKEN_FLAGS.loginRequired | TOKEN_FLAGS.userPinCountLow | TOKEN_FLAGS.userPinFinalTry));
      const agent = agentFor();
      await agent.connect();
      expect(await agent.pinState('p1')).to.deep.equal({ triesFailed: true, finalTry: true, locked: false });
      expect(await problemOf(agent.pinState('gone'))).to.equal('token_removed');
    });

    it('passes token insert/remove events on; a token pulled mid-sign gives token_removed', async () => {
      fake.tokens.push(await smartCard('p1'));
      const agent = agentFor();
      await agent.connect();
      const events: TokenEvent[] = [];
      agent.onTokenEvent((e) => events.push(e));
      const [ec] = await agent.listCertificates();
      fake.duringSign = () => fake.removeToken('p1');
      fake.signFailure = pkcs11Error('CKR_GENERAL_ERROR', 5);
      expect(await problemOf(agent.sign(ec!.id, new Uint8Array([1])))).to.equal('token_removed');
      expect(events).to.deep.equal([{ type: 'removed', tokenId: 'p1' }]);
      fake.duringSign = undefined;
      fake.signFailure = undefined;
      fake.insertToken(await smartCard('p2'));
      expect(events.at(-1)).to.deep.equal({ type: 'inserted', tokenId: 'p2' });
    });

    it('the agent quitting reports its tokens removed, then not_running', async () => {
      fake.tokens.push(await smartCard('p1'));
      const agent = agentFor();
      await agent.connect();
      await agent.listCertificates();
      const events: TokenEvent[] = [];
      agent.onTokenEvent((e) => events.push(e));
      fake.emit('close', 'fortify.test:31337');
      expect(events).to.deep.equal([{ type: 'removed', tokenId: 'p1' }]);
      expect(await problemOf(agent.listCertificates())).to.equal('not_running');
    });

    it('two connects at once share one session and both see the code', async () => {
      const agent = agentFor();
      const codes: string[] = [];
      await Promise.all([agent.connect({ onApprovalCode: (c) => codes.push(`a${c}`) }), agent.connect({ onApprovalCode: (c) => codes.push(`b${c}`) })]);
      expect(fake.providers).to.have.length(1);
      expect(codes.sort()).to.deep.equal(['a314159', 'b314159']);
    });
  });
});
