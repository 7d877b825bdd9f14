/**
 * Attacks that run many requests at once (issue 11, part 2): parallel
 * guesses must not slip past the per-address failure limit (password and
 * certificate), and a flood of logins must not jam the password-hash queue
 * for everybody else.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { API_PATHS } from '@egov/auth-widgets/contract';
import { MAX_WAITING_HASHES, MAX_WAITING_HASHES_PER_CLIENT, hashesComputed, mostHashesWaitedFor, mostHashesWaiting } from '../src/passwords.ts';
import { PKI_TIME, challengeFor, sharedTestPki, signProof } from './certificate-fixtures.ts';
import { Browser, createAccount, errorCode, manualClock, startServer, type Reply, type TestServer } from './helpers.ts';

const PASSWORD = 'concurrency-passphrase-1';
const WRONG = 'not-the-passphrase';

/** Browsers with a session and CSRF token each, ready to fire at the same moment. */
async function browsers(server: TestServer, count: number, localAddress?: string): Promise<Browser[]> {
  const all = Array.from({ length: count }, () => new Browser(server.api, localAddress ? { localAddress } : {}));
  for (const browser of all) await browser.session();
  return all;
}

function tally(replies: readonly Reply[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const reply of replies) {
    const key = `${reply.status} ${errorCode(reply) ?? ''}`.trim();
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('parallel guesses from one address against many accounts', () => {
  const clock = manualClock();
  let server: TestServer;
  before(async () => {
    server = await startServer({ clock: clock.now, throttle: { ip: { maxFailures: 5 }, countLoopback: true } });
  });
  after(() => server.cleanup());

  test('30 at once with an address limit of 5: at most five are judged, however they interleave', async () => {
    const all = await browsers(server, 30);
    const replies = await Promise.all(all.map((browser, i) => browser.login(`spray${i}@x.rs`, WRONG)));
    const counts = tally(replies);
    const judged = counts['401 invalid_credentials'] ?? 0;
    // The others wait (429) or find the hash queue full (503, not judged, not counted).
    assert.equal(judged + (counts['429 throttled'] ?? 0) + (counts['503 service_busy'] ?? 0), 30, JSON.stringify(counts));
    assert.ok(judged <= 5, JSON.stringify(counts));
    // One after another now: exactly five guesses in all were judged before the address waits.
    let more = 0;
    while ((await new Browser(server.api).login(`after${more}@x.rs`, WRONG)).status === 401) more += 1;
    assert.equal(judged + more, 5, `${judged} judged in the burst, ${more} after it`);
  });

  test('a right password from that address is throttled too, and a success gives back its count', async () => {
    await createAccount(server, { email: 'owner@x.rs', password: PASSWORD });
    const browser = new Browser(server.api);
    assert.equal((await browser.login('owner@x.rs', PASSWORD)).status, 429);
    clock.advance(24 * 60 * 60_000);
    // Four failures, then the owner logs in: the address's count stays at four, so one more failure is still judged.
    for (let i = 0; i < 4; i += 1) assert.equal((await new Browser(server.api).login(`again${i}@x.rs`, WRONG)).status, 401);
    assert.equal((await new Browser(server.api).login('owner@x.rs', PASSWORD)).status, 200);
    assert.equal((await new Browser(server.api).login('last@x.rs', WRONG)).status, 401);
    assert.equal((await new Browser(server.api).login('after@x.rs', WRONG)).status, 429);
  });
});

describe('parallel certificate proofs from one address', () => {
  let shared: Awaited<ReturnType<typeof sharedTestPki>>;
  let server: TestServer;
  before(async () => {
    shared = await sharedTestPki();
    server = await startServer(
      shared.options({ clock: manualClock(PKI_TIME).now, throttle: { ip: { maxFailures: 5 }, countLoopback: true } }),
    );
  });
  after(async () => {
    await server.cleanup();
    shared.cleanup();
  });

  test('20 refused proofs at once with an address limit of 5: five are judged, the other 15 wait (429)', async () => {
    const all = await browsers(server, 20);
    const proofs = await Promise.all(
      all.map(async (browser) => signProof(shared.pki.profile('valid'), await challengeFor(browser), { origin: 'https://evil.example' })),
    );
    const replies = await Promise.all(all.map((browser, i) => browser.post(API_PATHS.certificateLogin, proofs[i])));
    assert.deepEqual(tally(replies), { '401 signature_invalid': 5, '429 throttled': 15 });
  });
});

describe('a flood of logins does not jam the password-hash queue', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ throttle: { countLoopback: true } });
    await createAccount(server, { email: 'citizen@x.rs', password: PASSWORD });
  });
  after(() => server.cleanup());

  test('60 parallel logins for unknown e-mails from one address: a citizen elsewhere waits for few hashes, the flood gets 503', async () => {
    const flood = await browsers(server, 60);
    const [citizen] = await browsers(server, 1, '127.0.0.2');
    const before = hashesComputed();
    const floodReplies = Promise.all(flood.map((browser, i) => browser.login(`nobody${i}@x.rs`, WRONG)));
    // The citizen starts while the flood is queued.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const reply = await citizen!.login('citizen@x.rs', PASSWORD);
    assert.equal(reply.status, 200, reply.text);
    const replies = await floodReplies;

    const counts = tally(replies);
    assert.equal((counts['401 invalid_credentials'] ?? 0) + (counts['503 service_busy'] ?? 0), 60, JSON.stringify(counts));
    assert.ok((counts['503 service_busy'] ?? 0) > 0, 'past the cap the answer is 503');
    const busy = replies.find((r) => r.status === 503)!;
    assert.equal(busy.headers['retry-after'], String(busy.json.error.retryAfter));
    assert.ok(Number(busy.headers['retry-after']) >= 1);
    assert.ok(mostHashesWaiting() <= MAX_WAITING_HASHES, `at most ${MAX_WAITING_HASHES} waited (${mostHashesWaiting()})`);
    // One address holds at most its share of the queue: every client in this file is 127.0.0.1 but the citizen.
    assert.ok(mostHashesWaiting() <= MAX_WAITING_HASHES_PER_CLIENT + 1, `${mostHashesWaiting()} waited at once`);
    // No login waited behind more than the queue holds and the one running (without the cap: behind all sixty).
    assert.ok(mostHashesWaitedFor() <= MAX_WAITING_HASHES + 1, `a login waited for ${mostHashesWaitedFor()} hashes`);
    // Refused without hashing: fewer hashes than requests.
    assert.ok(hashesComputed() - before < 61, `${hashesComputed() - before} hashes for 61 logins`);
  });

  test('the busy answer is the same for a known and an unknown e-mail', async () => {
    const flood = await browsers(server, 40);
    const replies = await Promise.all(flood.map((browser, i) => browser.login(i % 2 === 0 ? 'citizen@x.rs' : `nobody${i}@x.rs`, WRONG)));
    const busyKnown = replies.filter((r, i) => r.status === 503 && i % 2 === 0);
    const busyUnknown = replies.filter((r, i) => r.status === 503 && i % 2 === 1);
    assert.ok(busyKnown.length > 0 && busyUnknown.length > 0, JSON.stringify(tally(replies)));
    assert.equal(busyKnown[0]!.text, busyUnknown[0]!.text);
  });
});
