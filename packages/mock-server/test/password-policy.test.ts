import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createMockServer } from '../src/app.ts';
import { PasswordRules } from '../src/password-policy.ts';
import { DEFAULT_PASSWORD_POLICY } from '../src/public-config.ts';
import { Browser, startServer, type TestServer } from './helpers.ts';
import { confirm, footprint, latest, register, serbianFields, tokenOf, uniqueEmail } from './fixtures.ts';

const rules = new PasswordRules(DEFAULT_PASSWORD_POLICY);

describe('password rules (the checks behind every new password)', () => {
  test('length: 14 is too short and 15 enough by default; 128 fits and 129 is too long', () => {
    assert.equal(rules.check('k'.repeat(3) + 'zqxjvbwmplrtn'.slice(0, 11)), 'too_short');
    assert.equal(rules.check('kzq xjvb wmpl rt'.slice(0, 15)), undefined);
    const long = 'lilac ferry dune '.repeat(8).slice(0, 128);
    assert.equal([...long].length, 128);
    assert.equal(rules.check(long), undefined);
    assert.equal(rules.check(`${long}x`), 'too_long');
  });

  test('length counts code points of the NFKC form, as the form does: an emoji is one', () => {
    assert.equal(rules.check('🦊🦊🦊 quiet amber fjord'), undefined);
    assert.equal(rules.check('🦊'.repeat(14)), 'too_short');
  });

  test('no composition rules: a long passphrase of lowercase words is fine', () => {
    assert.equal(rules.check('correct lantern orbit pebble'), undefined);
  });

  test('common and breached passwords are refused, with digits or symbols stuck on too', () => {
    for (const password of ['password12345678', 'Password12345678', 'PASSWORD12345678!', 'qwertyuiopasdfgh', '123456789012345', 'iloveyou2024!!!!!', 'correct horse battery staple', 'lozinka123456789', 'aaaaaaaaaaaaaaaa', 'abcabcabcabcabcabc']) {
      assert.equal(rules.check(password), 'common_password', password);
    }
  });

  test('context words: e-mail local part, given name, surname, the site’s own words', () => {
    const context = { email: 'mileva.probna@example.test', givenName: 'Mileva', surname: 'Петровић' };
    const refused = [
      'my name is mileva and i like tea',
      'probna family holiday 1999',
      'mileva.probna forever and ever',
      'petrovic-family-house-key',
      'ПЕТРОВИЋ ИЗ БЕОГРАДА ЈЕ',
      'egov portal password for me',
      'my euprava login passphrase',
      'e-Uprava-je-super-portal',
      'srbija je lepa zemlja moja',
      'serbia is a lovely place',
    ];
    for (const password of refused) assert.equal(rules.check(password, context), 'contains_context', password);
    // Names shorter than four letters are not looked for: "Ana" would refuse "banana".
    assert.equal(rules.check('banana split with cream', { givenName: 'Ana' }), undefined);
  });

  test('the minimum is configurable but never below 8', () => {
    assert.throws(() => new PasswordRules({ minLength: 7, maxLength: 128 }), RangeError);
    assert.throws(() => createMockServer({ dbUrl: ':memory:', passwordPolicy: { minLength: 7 } }), RangeError);
    assert.throws(() => createMockServer({ dbUrl: ':memory:', passwordPolicy: { maxLength: 129 } }), RangeError);
    const strict = new PasswordRules({ minLength: 20, maxLength: 128 });
    assert.equal(strict.check('quiet amber fjord 19'.slice(0, 19)), 'too_short');
    assert.equal(strict.check('quiet amber fjord 20'), undefined);
  });
});

describe('the password policy at registration', () => {
  let server: TestServer;
  let browser: Browser;
  before(async () => {
    server = await startServer({ passwordPolicy: { minLength: 15 } });
    browser = new Browser(server.api);
  });
  after(() => server.cleanup());

  async function refused(password: string, code: string, extra: Record<string, string> = {}): Promise<void> {
    const before = await footprint(server);
    const reply = await register(browser, serbianFields(uniqueEmail('policy'), password, extra));
    assert.equal(reply.status, 400, reply.text);
    assert.deepEqual(reply.json.error, { code: 'validation_failed', fields: { password: code } }, password);
    assert.deepEqual(await footprint(server), before, 'nothing stored');
  }

  test('boundaries: 14 and 129 refused, 15 and 128 accepted', async () => {
    await refused('quiet amber fj', 'too_short');
    await refused('lilac ferry dune '.repeat(8).slice(0, 128) + 'x', 'too_long');
    assert.equal((await register(browser, serbianFields(uniqueEmail('policy'), 'quiet amber fjo'))).status, 202);
    assert.equal((await register(browser, serbianFields(uniqueEmail('policy'), 'lilac ferry dune '.repeat(8).slice(0, 128)))).status, 202);
  });

  test('"password12345678" is refused and nothing is stored', async () => {
    await refused('password12345678', 'common_password');
  });

  test('a password with the e-mail’s name or the user’s surname is refused', async () => {
    const email = uniqueEmail('zoranka');
    const before = await footprint(server);
    const reply = await register(browser, serbianFields(email, 'zoranka likes long walks'));
    assert.deepEqual(reply.json.error.fields, { password: 'contains_context' });
    assert.deepEqual(await footprint(server), before);
    await refused('the petrovic family house', 'contains_context');
  });

  test('a password of 70 emoji (140 UTF-16 units) registers and logs in: every side counts characters', async () => {
    const email = uniqueEmail('emoji');
    const emoji = Array.from({ length: 70 }, (_, i) => String.fromCodePoint(0x1f400 + i)).join('');
    assert.equal(emoji.length, 140);
    assert.equal(rules.check(emoji), undefined);
    assert.equal((await register(browser, serbianFields(email, emoji))).status, 202);
    assert.equal((await confirm(browser, tokenOf(await latest(server, email, 'confirm_email')))).json.accountState, 'active');
    const login = await browser.login(email, emoji);
    assert.equal(login.status, 200, login.text);
    await refused('🦊'.repeat(129), 'too_long');
  });

  test('registered in NFC, logs in with the NFD form of the same password', async () => {
    const email = uniqueEmail('unicode');
    const nfc = 'ćevapčići u šumi, Đurđevdan'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    assert.notEqual(nfc, nfd);
    assert.equal((await register(browser, serbianFields(email, nfc))).status, 202);
    assert.equal((await confirm(browser, tokenOf(await latest(server, email, 'confirm_email')))).json.accountState, 'active');
    const login = await browser.login(email, nfd);
    assert.equal(login.status, 200, login.text);
  });
});
