import { waitUntil, expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { API } from '../../test-support/backend.js';
import { testToken, x509 } from '../../test-support/test-pki.js';
import { certificateSignedData, type DevTestToken, type DevTestTokensResponse, type SignatureAlgorithm } from '../client/contract.js';
import { AgentError, type AgentProblem, type TokenEvent } from './certificate-agent.js';
import { SoftAgent, type PinPromptRequest } from './soft-agent.js';

/** A PIN prompt that answers from a list and records what it was asked. */
function scriptedPins(...answers: (string | null | ((r: PinPromptRequest) => string | null))[]) {
  const requests: PinPromptRequest[] = [];
  const prompt = async (request: PinPromptRequest) => {
    requests.push(request);
    const answer = answers.shift();
    if (answer === undefined) throw new Error('PIN prompt called more often than the test expected');
    return typeof answer === 'function' ? answer(request) : answer;
  };
  return { prompt, requests };
}

async function rejection(promise: Promise<unknown>): Promise<AgentError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AgentError) return error;
    throw error;
  }
  throw new Error('expected an AgentError');
}

async function expectProblem(promise: Promise<unknown>, code: AgentProblem): Promise<AgentError> {
  const error = await rejection(promise);
  expect(error.code, error.message).to.equal(code);
  return error;
}

const VERIFY: Record<SignatureAlgorithm, AlgorithmIdentifier | EcdsaParams | RsaPssParams> = {
  'RSASSA-PKCS1-v1_5-SHA256': { name: 'RSASSA-PKCS1-v1_5' },
  'RSA-PSS-SHA256': { name: 'RSA-PSS', saltLength: 32 },
  'ECDSA-P256-SHA256': { name: 'ECDSA', hash: 'SHA-256' },
  'ECDSA-P384-SHA384': { name: 'ECDSA', hash: 'SHA-384' },
};

/** Verifies with the certificate's own public key, as the backend will. */
async function verifies(der: Uint8Array, algorithm: SignatureAlgorithm, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  const certificate = new x509.X509Certificate(new Uint8Array(der));
  const key = await certificate.publicKey.export(
    algorithm.startsWith('ECDSA') ? { name: 'ECDSA', namedCurve: algorithm === 'ECDSA-P384-SHA384' ? 'P-384' : 'P-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    ['verify'],
  );
  return crypto.subtle.verify(VERIFY[algorithm], key, new Uint8Array(signature), new Uint8Array(data));
}

let tokens: DevTestToken[];

before(async function () {
  this.timeout(30_000);
  tokens = [
    await testToken('card-a', [
      { id: 'a-ec', key: 'EC' },
      { id: 'a-rsa', key: 'RSA' },
      { id: 'a-nokey', withoutKey: true, profile: 'no_private_key' },
    ]),
    await testToken('card-b', [{ id: 'b-ec' }], { pin: '9876', maxPinTries: 3 }),
  ];
});

describe('SoftAgent', () => {
  const challenge = () => certificateSignedData('https://portal.example', 'nonce-abc');

  it('connects with an approval code once, and says it is a demo with test keys', async () => {
    const agent = new SoftAgent(tokens, { approvalCode: '042137' });
    expect(agent.kind).to.equal('soft');
    expect(agent.label).to.equal('Demo agent (test keys)');
    const codes: string[] = [];
    await agent.connect({ onApprovalCode: (code) => codes.push(code) });
    await agent.connect({ onApprovalCode: (code) => codes.push(code) });
    expect(codes).to.deep.equal(['042137']);
    const random = new SoftAgent(tokens);
    let code = '';
    await random.connect({ onApprovalCode: (c) => (code = c) });
    expect(code).to.match(/^\d{6}$/);
  });

  it('refuses to list before the site is approved, and when denied', async () => {
    const agent = new SoftAgent(tokens);
    await expectProblem(agent.listCertificates(), 'origin_not_approved');
    agent.deny();
    await expectProblem(agent.connect(), 'origin_denied');
    agent.deny(false);
    await agent.connect();
    expect(await agent.listCertificates()).to.have.length(4);
  });

  it('lists every certificate of every inserted token, with its key presence', async () => {
    const agent = new SoftAgent(tokens);
    await agent.connect();
    const list = await agent.listCertificates();
    expect(list.map((c) => [c.id, c.tokenId, c.hasPrivateKey])).to.deep.equal([
      ['a-ec', 'card-a', true],
      ['a-rsa', 'card-a', true],
      ['a-nokey', 'card-a', false],
      ['b-ec', 'card-b', true],
    ]);
    expect(list[0]!.tokenLabel).to.equal('Test token card-a');
    expect(list[0]!.removable).to.equal(true);
    expect(list[0]!.certificate).to.be.instanceOf(Uint8Array);
    expect(new x509.X509Certificate(new Uint8Array(list[0]!.certificate)).subject).to.include('Ana');
  });

  for (const [id, algorithm] of [
    ['a-ec', 'ECDSA-P256-SHA256'],
    ['a-rsa', 'RSASSA-PKCS1-v1_5-SHA256'],
  ] as const) {
    it(`signs certificateSignedData with ${algorithm}; the signature verifies with the certificate's key`, async () => {
      const pins = scriptedPins('1234');
      const agent = new SoftAgent(tokens, { pinPrompt: pins.prompt });
      await agent.connect();
      const certificate = (await agent.listCertificates()).find((c) => c.id === id)!;
      const data = await challenge();
      const result = await agent.sign(id, data);
      expect(result.algorithm).to.equal(algorithm);
      expect(await verifies(certificate.certificate, algorithm, result.signature, data)).to.equal(true);
      expect(await verifies(certificate.certificate, algorithm, result.signature, await certificateSignedData('https://evil.example', 'nonce-abc'))).to.equal(false);
      expect(pins.requests).to.deep.equal([{ tokenLabel: 'Test token card-a', triesLeft: 3, finalTry: false, signal: pins.requests[0]!.signal }]);
    });
  }

  it('counts wrong PINs: tries left, the final try, then locked (no prompt any more)', async () => {
    const pins = scriptedPins('0000', '1111', '2222');
    const agent = new SoftAgent(tokens, { pinPrompt: pins.prompt });
    await agent.connect();
    const data = await challenge();
    expect(await agent.pinState('card-b')).to.deep.equal({ triesFailed: false, finalTry: false, locked: false, triesLeft: 3 });

    expect((await expectProblem(agent.sign('b-ec', data), 'pin_wrong')).details.triesLeft).to.equal(2);
    expect(await agent.pinState('card-b')).to.deep.equal({ triesFailed: true, finalTry: false, locked: false, triesLeft: 2 });
    expect((await expectProblem(agent.sign('b-ec', data), 'pin_wrong')).details.triesLeft).to.equal(1);
    expect(await agent.pinState('card-b')).to.include({ triesFailed: true, finalTry: true, locked: false });
    expect(pins.requests.map((r) => [r.triesLeft, r.finalTry])).to.deep.equal([
      [3, false],
      [2, false],
    ]);

    await expectProblem(agent.sign('b-ec', data), 'pin_locked');
    expect(pins.requests.at(-1)).to.include({ triesLeft: 1, finalTry: true });
    expect(await agent.pinState('card-b')).to.include({ locked: true, triesLeft: 0 });
    await expectProblem(agent.sign('b-ec', data), 'pin_locked');
    expect(pins.requests).to.have.length(3);
    // The other token is not affected.
    expect((await agent.pinState('card-a')).locked).to.equal(false);
  });

  it('the right PIN resets the wrong-PIN count', async () => {
    const pins = scriptedPins('0000', '9876');
    const agent = new SoftAgent(tokens, { pinPrompt: pins.prompt });
    await agent.connect();
    await expectProblem(agent.sign('b-ec', await challenge()), 'pin_wrong');
    await agent.sign('b-ec', await challenge());
    expect(await agent.pinState('card-b')).to.deep.equal({ triesFailed: false, finalTry: false, locked: false, triesLeft: 3 });
  });

  it('a cancelled PIN dialog gives cancelled and costs no try', async () => {
    const agent = new SoftAgent(tokens, { pinPrompt: scriptedPins(null).prompt });
    await agent.connect();
    await expectProblem(agent.sign('a-ec', await challenge()), 'cancelled');
    expect((await agent.pinState('card-a')).triesLeft).to.equal(3);
  });

  it('a token removed mid-sign gives token_removed, fires events, and leaves the list', async () => {
    const pins = scriptedPins(() => {
      agent.removeToken('card-a');
      return '1234';
    });
    const agent = new SoftAgent(tokens, { pinPrompt: pins.prompt });
    const events: TokenEvent[] = [];
    const unsubscribe = agent.onTokenEvent((e) => events.push(e));
    await agent.connect();
    await expectProblem(agent.sign('a-ec', await challenge()), 'token_removed');
    expect(events).to.deep.equal([{ type: 'removed', tokenId: 'card-a' }]);
    expect((await agent.listCertificates()).map((c) => c.id)).to.deep.equal(['b-ec']);
    await expectProblem(agent.sign('a-ec', await challenge()), 'token_removed');
    await expectProblem(agent.pinState('card-a'), 'token_removed');

    agent.insertToken('card-a');
    expect(events.at(-1)).to.deep.equal({ type: 'inserted', tokenId: 'card-a' });
    expect(await agent.listCertificates()).to.have.length(4);
    agent.removeToken('card-a');
    agent.removeToken('card-b');
    await expectProblem(agent.listCertificates(), 'no_token');
    unsubscribe();
    agent.insertToken('card-b');
    expect(events).to.have.length(4);
  });

  it('stays logged in after a signature until logout; then the PIN is asked again', async () => {
    const pins = scriptedPins('1234', '1234');
    const agent = new SoftAgent(tokens, { pinPrompt: pins.prompt });
    await agent.connect();
    await agent.sign('a-ec', await challenge());
    expect(agent.isLoggedIn('card-a')).to.equal(true);
    await agent.sign('a-rsa', await challenge());
    expect(pins.requests).to.have.length(1);
    await agent.logout('card-a');
    expect(agent.isLoggedIn('card-a')).to.equal(false);
    await agent.sign('a-ec', await challenge());
    expect(pins.requests).to.have.length(2);
  });

  it('failNextSign makes one signature fail with sign_failed; a key-less certificate cannot sign', async () => {
    const agent = new SoftAgent(tokens, { pinPrompt: scriptedPins('1234').prompt });
    await agent.connect();
    agent.failNextSign();
    await expectProblem(agent.sign('a-ec', await challenge()), 'sign_failed');
    expect((await agent.sign('a-ec', await challenge())).signature.length).to.equal(64);
    await expectProblem(agent.sign('a-nokey', await challenge()), 'sign_failed');
  });

  describe('its own PIN dialog', () => {
    afterEach(() => document.querySelectorAll('[data-egov-soft-agent-dialog]').forEach((n) => n.remove()));

    async function openDialog(agent: SoftAgent, certificateId = 'a-ec') {
      const signing = agent.sign(certificateId, await challenge());
      signing.catch(() => undefined);
      // The dialog shows once its language's texts are there.
      await waitUntil(() => document.querySelector('[data-egov-soft-agent-dialog]'), 'no PIN dialog', { timeout: 5000 });
      const host = document.querySelector('[data-egov-soft-agent-dialog]')!;
      const root = host.shadowRoot!;
      return { signing, host, root, dialog: root.querySelector('dialog')!, input: root.querySelector('input')! };
    }

    it('is a labelled modal outside the page content, focused on the PIN; typing the PIN and Enter signs', async () => {
      const agent = new SoftAgent(tokens);
      await agent.connect();
      const { signing, host, root, dialog, input } = await openDialog(agent);
      expect(host.parentElement).to.equal(document.body);
      expect(dialog.open).to.equal(true);
      expect(dialog.matches(':modal')).to.equal(true);
      expect(root.getElementById('title')!.textContent).to.equal('Demo agent — test keys, not a real smart card');
      expect(dialog.getAttribute('aria-labelledby')).to.equal('title');
      expect(root.textContent).to.include('Test token card-a');
      expect(root.activeElement).to.equal(input);
      expect(input.type).to.equal('password');
      await expect(host).to.be.accessible();
      await sendKeys({ type: '1234' });
      await sendKeys({ press: 'Enter' });
      expect((await signing).algorithm).to.equal('ECDSA-P256-SHA256');
      expect(document.querySelector('[data-egov-soft-agent-dialog]')).to.equal(null);
    });

    it('keeps Tab inside the dialog, and Escape cancels', async () => {
      const agent = new SoftAgent(tokens);
      await agent.connect();
      const { signing, root, input } = await openDialog(agent);
      const names: string[] = [];
      for (let i = 0; i < 3; i++) {
        await sendKeys({ press: 'Tab' });
        names.push(root.activeElement?.textContent || root.activeElement?.tagName || 'outside');
      }
      expect(names).to.deep.equal(['Cancel', 'OK', 'INPUT']);
      expect(root.activeElement).to.equal(input);
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(root.activeElement?.textContent).to.equal('OK');
      await sendKeys({ press: 'Escape' });
      await expectProblem(signing, 'cancelled');
      expect(document.querySelector('[data-egov-soft-agent-dialog]')).to.equal(null);
    });

    it('warns on the final try, in the page language', async () => {
      const agent = new SoftAgent(tokens);
      await agent.connect();
      agent.setTriesLeft('card-b', 1);
      document.documentElement.lang = 'sr-Latn';
      try {
        const { signing, root } = await openDialog(agent, 'b-ec');
        expect(root.getElementById('tries')!.textContent).to.equal('Poslednji pokušaj: pogrešan PIN zaključava ovaj test token.');
        expect(root.getElementById('title')!.textContent).to.include('Demo agent');
        (root.querySelector('button[type=button]') as HTMLButtonElement).click();
        await expectProblem(signing, 'cancelled');
      } finally {
        document.documentElement.lang = 'en';
      }
    });

    it('closes when the agent closes', async () => {
      const agent = new SoftAgent(tokens);
      await agent.connect();
      const { signing } = await openDialog(agent);
      agent.close();
      await expectProblem(signing, 'cancelled');
      expect(document.querySelector('[data-egov-soft-agent-dialog]')).to.equal(null);
    });
  });

  describe('with the mock server\'s test PKI (GET /dev/test-tokens)', () => {
    let response: DevTestTokensResponse | undefined;
    before(async function () {
      const answer = await fetch(`${API}/dev/test-tokens`);
      // Until the mock server serves the test PKI this block cannot run.
      if (answer.status === 404) this.skip();
      response = (await answer.json()) as DevTestTokensResponse;
    });

    it('fromBackend loads the tokens; a certificate with a key signs and verifies', async () => {
      const agent = await SoftAgent.fromBackend(API, {
        pinPrompt: async (request) => response!.tokens.find((t) => t.label === request.tokenLabel)!.pin,
      });
      await agent.connect();
      const list = await agent.listCertificates();
      expect(list.length).to.equal(response!.tokens.reduce((n, t) => n + t.certificates.length, 0));
      const withKey = list.find((c) => c.hasPrivateKey)!;
      const data = await certificateSignedData(location.origin, 'n-1');
      const result = await agent.sign(withKey.id, data);
      expect(await verifies(withKey.certificate, result.algorithm, result.signature, data)).to.equal(true);
      await agent.logout(withKey.tokenId);
      expect(agent.isLoggedIn(withKey.tokenId)).to.equal(false);
    });
  });

  it('fromBackend reports a backend without the endpoint as agent_error', async () => {
    await expectProblem(SoftAgent.fromBackend('/no-such-backend'), 'agent_error');
  });
});
