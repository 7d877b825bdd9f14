import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { API_PATHS } from '@egov/auth-widgets/contract';
import { dictionary } from '@zxcvbn-ts/language-common';
import { createMockServer } from '../src/app.ts';
import { BREACHED_PASSWORDS, KEYBOARDS, PasswordPatterns, walks } from '../src/password-patterns.ts';
import { defaultPasswordPatterns, PasswordRules } from '../src/password-policy.ts';
import { DEFAULT_PASSWORD_POLICY } from '../src/public-config.ts';
import { Browser, createAccount, startServer, type TestServer } from './helpers.ts';
import { confirm, footprint, latest, passphrase, register, serbianFields, tokenOf, uniqueEmail } from './fixtures.ts';

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

/** The smallest minimum the kit allows: for entries of the corpus shorter than 15. */
const lenient = new PasswordRules({ minLength: 8, maxLength: 128 });

describe('breached and patterned passwords are refused (SECURITY.md 4)', () => {
  function assertRefused(password: string, policy: PasswordRules = rules): void {
    assert.equal(policy.check(password), 'common_password', password);
  }

  test('keyboard walks and breached passwords the security review found accepted', () => {
    for (const password of ['1qaz2wsx3edc4rfv', 'zaq12wsxcde34rfv', '1q2w3e4r5t6y7u8i', 'qwertyqwertyqwerty']) assertRefused(password);
  });

  test('QWERTY walks: rows, columns, zigzags, with shift, backwards', () => {
    for (const password of ['qwertyuiop[]asdf', '1qazxsw23edcvfr4', 'QAZWSXEDCRFVTGBY', '!QAZ@WSX#EDC$RFV', 'poiuytrewqlkjhgf', 'zxcvbnm,./asdfgh', '1234qwerasdfzxcv', 'mnbvcxzlkjhgfdsa']) {
      assertRefused(password);
    }
  });

  test('QWERTZ walks (Serbian Latin and German keyboards)', () => {
    for (const password of ['qwertzuiopasdfgh', '1qay2wsx3edc4rfv', 'yxcvbnmasdfghjkl', 'ztrewqasdfghjklč', 'žćčlkjhgfdsayxcv', 'qwertzuiopšđasdf', 'šđpoiuztrewq1234']) {
      assertRefused(password);
    }
  });

  test('Serbian Cyrillic keyboard walks: rows, columns, the whole keyboard', () => {
    for (const password of [
      'љњертзуиопшђ123',
      'асдфгхјклчћж123',
      'ЉЊЕРТЗУИОПАСДФГ',
      'љњертзуиопшђжћчлкјхгфдса',
      '1љаж2њсџ3едц4рфв',
      '1љаѕ2њсџ3едц4рфв',
      'асдфгхасдфгхасдфгх',
      'жџцвбнмасдфгхјкл',
      'поиузтрељњасдфгх',
    ]) {
      assertRefused(password);
    }
  });

  test('repetitions and sequences, in any script', () => {
    for (const password of ['абвгдабвгдабвгд', 'aaaaaaaaaaaaaaa', 'ааааааааааааааа', 'šššššššššššššššš', 'abcdefghijklmnopq', 'zyxwvutsrqponmlk', '0123456789876543210', '13579135791357913', 'ab12ab12ab12ab12', 'qwe123qwe123qwe123']) {
      assertRefused(password);
    }
  });

  test('entries from deep in the breach corpus, as they are and padded', () => {
    // Ranks in the corpus around 20,000, 30,000, 40,000 and 48,000.
    for (const password of ['alistair', 'sokrates', 'shalimar', 'kamakazi', 'jesusfreak']) assertRefused(password, lenient);
    for (const password of ['alistair2024!!!', 'Sokrates1234567', 'SHALIMAR1985!!!', 'kamakazi_12345', 'jesusfreak12345']) {
      assertRefused(password.length >= 15 ? password : `${password}6`);
    }
    // Long breached passwords that look random: only a corpus knows them.
    for (const password of ['zqjphsyf6ctifgu', 'bpgjldsgjldthnf', 'hd764nw5d7e1vb1', 'bhrh0h2oof6xbqjeh']) assertRefused(password);
  });

  test('case, common substitutions and a few stuck-on characters do not hide an entry', () => {
    for (const password of ['P@ssw0rdP@ssw0rd', 'Dr@g0n!!12345678', 'M0nk3y-M0nk3y-M0nk3y', 'dragon!!!2024!!!', 'drowssap12345678']) assertRefused(password);
  });

  test('an entry with digits and symbols around it, or used twice, is still the entry', () => {
    for (const password of ['sunshine8173645!', '#1qaz2wsx3edc4#', '2024!!princess!!', 'Summer2024Summer', 'beograd011beograd', 'marko123marko123']) assertRefused(password);
    // Padding needs a real word beside it: random digits with a short piece are no pattern.
    for (const password of ['5724047062dada07', '003674c343667872', '840271936452817']) assert.equal(rules.check(password), undefined, password);
  });

  test('Serbian favourites, typed in Cyrillic or without diacritics', () => {
    for (const password of ['лозинка123456789', 'ŠIFRA123456789!!', 'volimte123456789', 'волимте123456789']) assertRefused(password);
  });

  test('the corpus is a real breach corpus: tens of thousands of entries, every one of 8+ characters refused', () => {
    assert.ok(BREACHED_PASSWORDS.length >= 40_000, `${BREACHED_PASSWORDS.length} entries`);
    assert.ok(defaultPasswordPatterns().size >= BREACHED_PASSWORDS.length, 'the regional list is added, not instead');
    const missed = BREACHED_PASSWORDS.filter((entry) => [...entry].length >= 8 && lenient.check(entry) !== 'common_password');
    assert.deepEqual(missed, []);
  });

  test('the corpus and keyboards are loaded once per process and shared', () => {
    assert.equal(defaultPasswordPatterns(), defaultPasswordPatterns());
    const own = new PasswordPatterns(['mojatajnalozinka']);
    assert.equal(new PasswordRules(DEFAULT_PASSWORD_POLICY, own).check('mojatajnalozinka2024'), 'common_password');
    assert.equal(rules.check('mojatajnalozinka2024'), undefined, 'an extra list belongs to its own rules');
  });

  test('the Serbian keyboards: Cyrillic and Latin letters on the QWERTZ keys, ѕ and ж on the key left of џ', () => {
    const cyrillic = KEYBOARDS.serbianCyrillic!;
    // Neighbours in zxcvbn's order: left, up, up-right, right, down, down-left.
    assert.deepEqual(cyrillic['љ'], [null, '1!', '2"', 'њЊ', 'аА', null]);
    assert.deepEqual(cyrillic['ђ'], ['шШ', '+*', null, null, 'жЖ', 'ћЋ']);
    assert.ok(cyrillic['ж']!.includes('џЏ') && cyrillic['ж']!.includes('ћЋ'), 'ж is on both keys');
    assert.deepEqual(KEYBOARDS.serbianLatin!['č'], ['lL', 'pP', 'šŠ', 'ćĆ', '-_', '.:']);
    assert.deepEqual(KEYBOARDS.serbianLatin!['q'], KEYBOARDS.qwerty!['q']!.map((key) => key && key.replace('@', '"')), 'same shape as zxcvbn’s QWERTY');
    assert.deepEqual(walks('тиха река').map((walk) => walk.token), [], 'ordinary words are no walks');
    assert.deepEqual(walks('xасдфгхy').map((walk) => walk.token), ['асдфгх']);
  });

  test('chance neighbours inside ordinary words are no walk: "chase swab", "abdomen-plaza"', () => {
    for (const password of ['chase swab guru now', 'abdomen-plaza133', 'banana-moody777', 'thank sloped fantasy', 'stung-twisted084']) {
      assert.equal(rules.check(password), undefined, password);
    }
  });

  test('no false alarms on random passphrases and random strings (seeded sample)', () => {
    let seed = 20_240_917;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const words = dictionary['diceware-common'];
    const latin = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
    const cyrillic = [...'абвгдђежзијклљмнњопрстћуфхцчџш'];
    const refused: string[] = [];
    for (let round = 0; round < 400; round += 1) {
      for (const password of [
        Array.from({ length: 4 }, () => pick(words)).join(' '),
        Array.from({ length: 3 }, () => pick(words)).join('-') + String(Math.floor(random() * 1000)),
        Array.from({ length: 16 }, () => pick(latin)).join(''),
        Array.from({ length: 15 }, () => pick(cyrillic)).join(''),
      ]) {
        if ([...password].length >= 15 && rules.check(password) !== undefined) refused.push(password);
      }
    }
    assert.deepEqual(refused, []);
  });

  test('good passphrases still pass: Latin, Cyrillic, diacritics, random-looking, several common words', () => {
    for (const password of [
      'violet harbor 3fa9c0d1 quartz meadow',
      'correct lantern orbit pebble',
      'тиха река тече кроз равницу',
      'ćevapčići u šumi, Đurđevdan',
      'Šljive žute čekaju jesen na brdu',
      'Ђурђевдан у шуми код Ужица',
      'kzq xjvb wmpl rt',
      'orange purple monkey dishwasher',
      'dragon monkey shadow',
      'Xk9#mQ2$vL7&pR4!',
      'lilac ferry dune '.repeat(8).slice(0, 128),
      '🦊🦊🦊 quiet amber fjord',
    ]) {
      assert.equal(rules.check(password), undefined, password);
    }
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

  test('keyboard walks and breached passwords are refused at registration, nothing stored', async () => {
    for (const password of ['1qaz2wsx3edc4rfv', 'љњертзуиопшђ123', 'qwertzuiopasdfgh', 'bhrh0h2oof6xbqjeh']) await refused(password, 'common_password');
  });

  test('a reset to a keyboard walk is refused, a passphrase accepted', async () => {
    const email = uniqueEmail('walk-reset');
    await createAccount(server, { email, password: passphrase() });
    await browser.post(API_PATHS.passwordResetRequest, { email });
    const token = tokenOf(await latest(server, email, 'password_reset'));
    for (const password of ['1q2w3e4r5t6y7u8i', 'асдфгхасдфгхасдфгх']) {
      const reply = await browser.post(API_PATHS.passwordResetComplete, { token, password });
      assert.equal(reply.status, 400, password);
      assert.deepEqual(reply.json.error, { code: 'validation_failed', fields: { password: 'common_password' } }, password);
    }
    assert.equal((await browser.post(API_PATHS.passwordResetComplete, { token, password: passphrase() })).status, 200);
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
    // 70 different animals in a shuffled order: 🐀🐁🐂… in Unicode order would be a sequence, like "abcdef…".
    const emoji = Array.from({ length: 70 }, (_, i) => String.fromCodePoint(0x1f400 + ((i * 11) % 70))).join('');
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
