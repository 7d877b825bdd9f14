import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Browser, createAccount, median, startServer, type TestServer } from './helpers.ts';

let server: TestServer;
before(async () => {
  server = await startServer({ throttle: { account: { maxFailures: 1000 }, ip: false } });
  await createAccount(server, { email: 'timed@x.rs', password: 'timing-passphrase-1' });
});
after(() => server.cleanup());

test('an unknown e-mail takes about as long as a wrong password (dummy hash)', async () => {
  const browser = new Browser(server.api);
  await browser.session();
  const known: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < 9; i += 1) {
    let started = performance.now();
    assert.equal((await browser.login('timed@x.rs', `wrong-${i}`)).status, 401);
    known.push(performance.now() - started);
    started = performance.now();
    assert.equal((await browser.login(`ghost${i}@x.rs`, `wrong-${i}`)).status, 401);
    unknown.push(performance.now() - started);
  }
  const ratio = median(unknown) / median(known);
  assert.ok(ratio > 0.5 && ratio < 2, `median unknown ${median(unknown).toFixed(1)} ms vs known ${median(known).toFixed(1)} ms`);
});
