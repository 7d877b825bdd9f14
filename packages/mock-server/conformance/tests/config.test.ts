/** `GET /config`: the published policy is well-formed and sensible (SECURITY.md 1, 25). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { API_PATHS, LIMITS, REGISTRATION_FIELDS, type PublicConfig } from '@egov/auth-widgets/contract';
import { newBrowser } from '../fixtures.ts';

describe('public configuration', { timeout: 60_000 }, () => {
  test('matches the PublicConfig schema and keeps the rules of the contract', async () => {
    // The schema check itself happens in the client: a body that does not match fails the request.
    const reply = await newBrowser().get(API_PATHS.config);
    assert.equal(reply.status, 200);
    const config = reply.body as PublicConfig;

    const { minLength, maxLength } = config.passwordPolicy;
    assert.ok(minLength >= LIMITS.passwordMinLengthFloor, `password minimum ${minLength} is at least ${LIMITS.passwordMinLengthFloor}`);
    assert.ok(maxLength >= 64, `password maximum ${maxLength} is at least 64`);
    assert.ok(maxLength <= LIMITS.passwordMaxLength, `password maximum ${maxLength} is at most ${LIMITS.passwordMaxLength}`);
    assert.ok(minLength <= maxLength);

    const { uploads } = config;
    assert.ok(uploads.maxFiles >= 1 && uploads.minFiles <= uploads.maxFiles, 'file count limits are consistent');
    assert.ok(uploads.maxFileBytes > 0);
    assert.ok(uploads.acceptedTypes.length > 0);
    assert.equal(new Set(uploads.acceptedTypes).size, uploads.acceptedTypes.length, 'no type listed twice');

    assert.ok(config.loginModes.length > 0, 'at least one login mode');
    assert.ok(config.userTypes.length > 0, 'at least one user type');
    assert.ok(config.userTypes.filter((type) => type.default).length <= 1, 'at most one default user type');
    assert.equal(new Set(config.userTypes.map((type) => type.id)).size, config.userTypes.length, 'user type ids are unique');
    for (const type of config.userTypes) {
      const names = type.fields.map((field) => field.name);
      assert.equal(new Set(names).size, names.length, `${type.id}: no field listed twice`);
      for (const name of names) assert.ok((REGISTRATION_FIELDS as readonly string[]).includes(name), `${type.id}: ${name} is a contract field`);
      assert.ok(type.label.en.trim() && type.label['sr-Cyrl'].trim(), `${type.id}: labelled in English and Cyrillic`);
    }
  });

  test('is the same for every visitor and needs no session', async () => {
    const first = await newBrowser().get(API_PATHS.config, { withoutCookies: true });
    const second = await newBrowser().get(API_PATHS.config, { withoutCookies: true, origin: null });
    assert.equal(first.status, 200);
    assert.deepEqual(second.body, first.body);
  });
});
