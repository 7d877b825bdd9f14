/**
 * Behind a reverse proxy, and against DNS rebinding (issue 11, parts 3 and 5).
 * Every client of the README's proxy setup arrived as 127.0.0.1, which was
 * exempt: no per-address limit held. Now loopback is counted outside
 * development, forwarding headers are believed only from configured proxies,
 * and a request naming a foreign `Host` is refused.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { API_PATHS, DEV_TOKEN_HEADER } from '@egov/auth-widgets/contract';
import { ClientAddresses, forwardedNode } from '../src/client-address.ts';
import { Browser, DEV_TOKEN, errorCode, request, startServer, type Reply, type TestServer } from './helpers.ts';

const WRONG = 'not-the-passphrase';

function loginFrom(server: TestServer, email: string, headers: Record<string, string>, localAddress?: string): Promise<Reply> {
  const browser = new Browser(server.api, localAddress ? { localAddress } : {});
  return browser.post(API_PATHS.passwordLogin, { email, password: WRONG }, { headers });
}

describe('behind the README\'s proxy, without a trusted proxy (development off)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ dev: { enabled: false }, reviewerToken: undefined, throttle: { ip: { maxFailures: 3 } } });
  });
  after(() => server.cleanup());

  test('loopback is counted: the fourth failure waits, whatever X-Forwarded-For says', async () => {
    for (let i = 0; i < 3; i += 1) {
      const reply = await loginFrom(server, `p${i}@x.rs`, { 'X-Forwarded-For': `198.51.100.${i}` });
      assert.equal(reply.status, 401, reply.text);
    }
    const fourth = await loginFrom(server, 'p9@x.rs', { 'X-Forwarded-For': '198.51.100.200' });
    assert.equal(fourth.status, 429);
    assert.equal(errorCode(fourth), 'throttled');
  });

  test('the operator is told once that proxy headers are ignored', () => {
    const warnings = server.logs.filter((entry) => entry.event === 'forwarding_ignored');
    assert.equal(warnings.length, 1);
    assert.match(String(warnings[0]!.kind), /--trusted-proxy/);
  });
});

describe('with --trusted-proxy 127.0.0.1', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ dev: { enabled: false }, reviewerToken: undefined, trustedProxies: ['127.0.0.1'], throttle: { ip: { maxFailures: 3 } } });
  });
  after(() => server.cleanup());

  test('each client is counted by its own address: one locked out, another not', async () => {
    for (let i = 0; i < 3; i += 1) assert.equal((await loginFrom(server, `a${i}@x.rs`, { 'X-Forwarded-For': '203.0.113.5' })).status, 401);
    assert.equal((await loginFrom(server, 'a9@x.rs', { 'X-Forwarded-For': '203.0.113.5' })).status, 429);
    assert.equal((await loginFrom(server, 'b0@x.rs', { 'X-Forwarded-For': '203.0.113.6' })).status, 401);
  });

  test('a client cannot escape by writing its own X-Forwarded-For: the proxy appends the real address', async () => {
    // The client sent "X-Forwarded-For: 10.9.9.9"; the proxy appended the address it saw.
    assert.equal((await loginFrom(server, 'a10@x.rs', { 'X-Forwarded-For': '10.9.9.9, 203.0.113.5' })).status, 429);
  });

  test('Forwarded (RFC 7239) is read, IPv6 by its /64', async () => {
    for (let i = 0; i < 3; i += 1) {
      const reply = await loginFrom(server, `c${i}@x.rs`, { Forwarded: `for="[2001:db8:1:2::${i + 1}]:4711";proto=https` });
      assert.equal(reply.status, 401);
    }
    assert.equal((await loginFrom(server, 'c9@x.rs', { Forwarded: 'for="[2001:db8:1:2:ffff::9]"' })).status, 429, 'same /64');
  });

  test('a hop that is not an address counts as the proxy itself, never as a fresh client', async () => {
    for (let i = 0; i < 3; i += 1) assert.equal((await loginFrom(server, `d${i}@x.rs`, { 'X-Forwarded-For': `garbage-${i}` })).status, 401);
    assert.equal((await loginFrom(server, 'd9@x.rs', { 'X-Forwarded-For': 'other-garbage' })).status, 429);
  });

  test('forwarding headers from an address that is not a listed proxy are ignored', async () => {
    for (let i = 0; i < 3; i += 1) {
      assert.equal((await loginFrom(server, `e${i}@x.rs`, { 'X-Forwarded-For': `192.0.2.${i}` }, '127.0.0.2')).status, 401);
    }
    assert.equal((await loginFrom(server, 'e9@x.rs', { 'X-Forwarded-For': '192.0.2.77' }, '127.0.0.2')).status, 429);
  });
});

describe('new sessions are counted per client address', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ dev: { enabled: false }, reviewerToken: undefined, throttle: { sessions: { maxFailures: 5 } } });
  });
  after(() => server.cleanup());

  test('one machine cannot create session rows without end', async () => {
    for (let i = 0; i < 5; i += 1) assert.equal((await request(`${server.api}${API_PATHS.session}`)).status, 200);
    const sixth = await request(`${server.api}${API_PATHS.session}`);
    assert.equal(sixth.status, 429);
    assert.equal(sixth.headers['set-cookie'], undefined);
    // A browser that kept its cookie is not affected.
  });
});

describe('Host is checked on every request (DNS rebinding)', () => {
  let server: TestServer;
  let port: string;
  before(async () => {
    server = await startServer({ serverNames: ['api.portal.example'] });
    port = new URL(server.api).port;
  });
  after(() => server.cleanup());

  test('a rebinding page cannot read the outbox, the test keys or the config', async () => {
    for (const path of [`${API_PATHS.devOutbox}?to=active@example.test`, API_PATHS.devTestTokens, API_PATHS.config, API_PATHS.session]) {
      const reply = await request(`${server.api}${path}`, { headers: { Host: `rebind.attacker.example:${port}`, [DEV_TOKEN_HEADER]: DEV_TOKEN } });
      assert.equal(reply.status, 421, path);
      assert.equal(errorCode(reply), 'misdirected_request');
      assert.equal(reply.headers['set-cookie'], undefined);
    }
  });

  test('its own names pass: the loopback names, a configured name, with or without a port', async () => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'api.portal.example', `API.Portal.Example.:${port}`]) {
      assert.equal((await request(`${server.api}${API_PATHS.config}`, { headers: { Host: host } })).status, 200, host);
    }
  });

  test('a request without Host is refused (400)', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.end(`GET ${new URL(server.api).pathname}${API_PATHS.config} HTTP/1.0\r\n\r\n`));
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    assert.match(answer, /^HTTP\/1\.1 400 /);
  });
});

test('the public URL\'s host is one of the server\'s names', async () => {
  const server = await startServer({ publicUrl: 'https://portal.example' });
  try {
    assert.equal((await request(`${server.api}${API_PATHS.config}`, { headers: { Host: 'portal.example' } })).status, 200);
    assert.equal((await request(`${server.api}${API_PATHS.config}`, { headers: { Host: 'other.example' } })).status, 421);
  } finally {
    await server.cleanup();
  }
});

describe('reading forwarding headers', () => {
  test('nodes: quotes, brackets and ports removed; names and garbage are not addresses', () => {
    assert.equal(forwardedNode('"[2001:db8::17]:4711"'), '2001:db8::17');
    assert.equal(forwardedNode(' 192.0.2.60:8080 '), '192.0.2.60');
    assert.equal(forwardedNode('::ffff:192.0.2.1'), '192.0.2.1');
    assert.equal(forwardedNode('unknown'), null);
    assert.equal(forwardedNode('_hidden'), null);
    assert.equal(forwardedNode('192.0.2.999'), null);
  });

  test('the walk skips every trusted hop from the right', () => {
    const addresses = new ClientAddresses(['10.0.0.0/8', '127.0.0.1']);
    const from = (peer: string, headers: Record<string, string>) => addresses.resolve({ headers, socket: { remoteAddress: peer } as never }).address;
    assert.equal(from('127.0.0.1', { 'x-forwarded-for': '198.51.100.7, 10.1.2.3' }), '198.51.100.7');
    assert.equal(from('127.0.0.1', { 'x-forwarded-for': '10.1.2.3' }), '10.1.2.3', 'all trusted: the farthest one');
    assert.equal(from('192.0.2.9', { 'x-forwarded-for': '198.51.100.7' }), '192.0.2.9', 'not a proxy: header ignored');
    assert.equal(from('127.0.0.1', {}), '127.0.0.1');
    assert.equal(from('::ffff:127.0.0.1', { forwarded: 'for=198.51.100.8, for=10.0.0.1' }), '198.51.100.8');
  });

  test('a bad range is refused at start-up', () => {
    for (const bad of ['10.0.0.0/33', 'proxy.local', '10.0.0.0/8/1', '::1/129', '']) {
      assert.throws(() => new ClientAddresses([bad]), RangeError, bad);
    }
  });
});

test('the CLI: --trusted-proxy and --server-name reach the options; 0.0.0.0 without a name stops (exit 2)', async () => {
  const { parseServerCommand } = await import('../src/cli-options.ts');
  const { options } = parseServerCommand(['--trusted-proxy', '10.0.0.0/8', '--trusted-proxy', '127.0.0.1', '--server-name', 'api.x.rs'], {});
  assert.deepEqual(options.trustedProxies, ['10.0.0.0/8', '127.0.0.1']);
  assert.deepEqual(options.serverNames, ['api.x.rs']);
  assert.deepEqual(parseServerCommand([], { EGOV_TRUSTED_PROXIES: '10.0.0.1, 10.0.0.2' }).options.trustedProxies, ['10.0.0.1', '10.0.0.2']);
  const packageDir = fileURLToPath(new URL('..', import.meta.url));
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', '--host', '0.0.0.0', '--port', '0', '--data-dir', '/tmp/egov-never-created'], {
    cwd: packageDir,
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, /--server-name/);
});
