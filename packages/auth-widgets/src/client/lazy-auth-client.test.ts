import { expect } from '@open-wc/testing';
import { API } from '../../test-support/backend.js';
import { FetchAuthClient } from './fetch-auth-client.js';
import { lazyFetchClient } from './lazy-auth-client.js';

describe('the lazily loaded fetch client', () => {
  it('passes each call on to the fetch client once its code is there', async () => {
    const client = lazyFetchClient({ baseUrl: new URL(API, location.href).href });
    const config = await client.getConfig();
    expect(config.passwordPolicy.minLength).to.be.greaterThan(0);
    const session = await client.getSession();
    expect(session.user).to.equal(undefined);
  });

  it('is a plain object with exactly the client’s methods: not thenable, not mistaken for a Lit directive', async () => {
    const client = lazyFetchClient({ baseUrl: new URL(API, location.href).href });
    // The fetch client's own methods: every method of AuthClient.
    const methods = Object.getOwnPropertyNames(FetchAuthClient.prototype).filter((name) => name !== 'constructor');
    expect(Object.keys(client).sort()).to.deep.equal([...methods].sort());
    expect('then' in client).to.equal(false);
    // Lit binds `.client=${…}` as a property; a value with this key would be taken for a directive.
    expect('_$litDirective$' in client).to.equal(false);
    expect(await Promise.resolve(client)).to.equal(client);
  });
});
