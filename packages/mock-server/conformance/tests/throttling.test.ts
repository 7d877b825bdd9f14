/** Per-account throttling: 429 with Retry-After, even for the right password (SECURITY.md 14). Bounded request count. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Reply } from '../client.ts';
import { activeAccount, newBrowser, newPassword } from '../fixtures.ts';

/** Most wrong passwords the suite sends to one account before expecting a 429. */
const MAX_FAILURES = 20;

function assertThrottled(reply: Reply, what: string): number {
  assert.equal(reply.status, 429, `${what}: 429`);
  assert.equal(reply.code, 'throttled', `${what}: code throttled`);
  const header = reply.headers.get('retry-after');
  assert.ok(header && /^\d+$/.test(header), `${what}: Retry-After is a number of seconds (${header})`);
  const seconds = Number(header);
  assert.ok(seconds >= 1, `${what}: Retry-After at least 1`);
  assert.equal(reply.error?.retryAfter, seconds, `${what}: error.retryAfter equals Retry-After`);
  return seconds;
}

describe('throttling', { timeout: 180_000 }, () => {
  test('repeated wrong passwords lead to 429 with Retry-After; then even the right password waits', async () => {
    const { email, password } = await activeAccount('throttle');
    const browser = newBrowser();
    let throttled: Reply | null = null;
    let failures = 0;
    for (; failures < MAX_FAILURES; failures += 1) {
      const reply = await browser.login(email, newPassword());
      if (reply.status === 429) {
        throttled = reply;
        break;
      }
      assert.equal(reply.status, 401, `wrong password ${failures + 1}: 401 until throttled`);
      assert.equal(reply.code, 'invalid_credentials');
    }
    assert.ok(throttled, `no 429 after ${MAX_FAILURES} wrong passwords for one account`);
    assert.ok(failures >= 1, 'the first wrong password is not throttled');
    assertThrottled(throttled, 'after the failures');

    const right = await newBrowser().login(email, password);
    assertThrottled(right, 'the right password while throttled');

    const variant = await newBrowser().login(` ${email.toUpperCase()} `, password);
    assertThrottled(variant, 'the same e-mail in other case and with spaces');
  });
});
