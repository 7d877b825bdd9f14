import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { API_PATHS, DEV_TOKEN_HEADER } from '@egov/auth-widgets/contract';
import { Browser, DEV_TOKEN, errorCode, request, startServer, type TestServer } from './helpers.ts';

const ACCOUNT = { email: 'Dev.User@x.rs', password: 'dev-account-passphrase-1', state: 'active' };

describe('development operations switched off', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ dev: { enabled: false } });
  });
  after(() => server.cleanup());

  test('are not found, whatever the request', async () => {
    const browser = new Browser(server.api);
    const post = await browser.post(API_PATHS.devAccounts, ACCOUNT, { headers: { [DEV_TOKEN_HEADER]: DEV_TOKEN } });
    assert.equal(post.status, 404);
    assert.equal(errorCode(post), 'not_found');
    const get = await request(`${server.api}${API_PATHS.devAccounts}`);
    assert.equal(get.status, 404);
    const preflight = await request(`${server.api}${API_PATHS.devAccounts}`, { method: 'OPTIONS' });
    assert.equal(preflight.status, 404);
    assert.equal(await (await server.mock.store()).countAccounts(), 0);
  });
});

describe('development operations switched on, with a token', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ dev: { enabled: true, token: DEV_TOKEN } });
  });
  after(() => server.cleanup());

  test('need the token', async () => {
    const browser = new Browser(server.api);
    assert.equal((await browser.post(API_PATHS.devAccounts, ACCOUNT)).status, 401);
    const wrong = await browser.post(API_PATHS.devAccounts, ACCOUNT, { headers: { [DEV_TOKEN_HEADER]: 'guess' } });
    assert.equal(wrong.status, 401);
    assert.equal(errorCode(wrong), 'unauthenticated');
    assert.equal(await (await server.mock.store()).countAccounts(), 0);
  });

  test('need the CSRF token like every state-changing request', async () => {
    const browser = new Browser(server.api);
    const reply = await browser.post(API_PATHS.devAccounts, ACCOUNT, { csrf: false, headers: { [DEV_TOKEN_HEADER]: DEV_TOKEN } });
    assert.equal(reply.status, 403);
  });

  test('create an account, then replace it (ending its sessions)', async () => {
    const browser = new Browser(server.api);
    const headers = { [DEV_TOKEN_HEADER]: DEV_TOKEN };
    const created = await browser.post(API_PATHS.devAccounts, ACCOUNT, { headers });
    assert.equal(created.status, 201);
    assert.deepEqual(created.json, { email: 'dev.user@x.rs', state: 'active' });

    const user = new Browser(server.api);
    assert.equal((await user.login('dev.user@x.rs', ACCOUNT.password)).status, 200);

    const replaced = await browser.post(
      API_PATHS.devAccounts,
      { email: 'dev.user@x.rs', password: 'another-passphrase-2', state: 'rejected', rejectionReason: 'Blurry scan' },
      { headers },
    );
    assert.equal(replaced.status, 200);
    assert.equal((await user.session()).authenticated, false, 'the replaced account’s session ended');
    const login = await user.login('dev.user@x.rs', 'another-passphrase-2');
    assert.deepEqual(login.json, { error: { code: 'account_rejected', reason: 'Blurry scan' } });
  });

  test('validate their input', async () => {
    const browser = new Browser(server.api);
    const reply = await browser.post(
      API_PATHS.devAccounts,
      { email: 'x', password: 5, state: 'admin', extra: 1 },
      { headers: { [DEV_TOKEN_HEADER]: DEV_TOKEN } },
    );
    assert.equal(reply.status, 400);
    assert.deepEqual(reply.json.error.fields, { email: 'invalid_email', password: 'invalid_type', state: 'invalid_type', extra: 'unknown_field' });
  });
});
