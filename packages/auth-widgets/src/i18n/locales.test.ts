// The kit's languages (issue 16): each is complete against English, tags from
// pages and browsers find the right one, a site can offer fewer, and a
// language added from outside — one folder, registered — reaches the elements.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { API } from '../../test-support/backend.js';
import { visibleTexts } from '../../test-support/visibility.js';
import pseudoLocale from '../../test-support/pseudo-locale/index.js';
import '../define/all.js';
import { checkLocalePack } from './check-locale-pack.js';
import { formatDate } from './date-format.js';
import en from './locales/en/index.js';
import { partOf, type LocalePack } from './locale-pack.js';
import { localeInfo, registerLocale } from './locale-registry.js';
import { loadLocalePack, localeDirection, negotiateLocale, parseLocale, registeredLocales, SUPPORTED_LOCALES } from './locales.js';
import { checkingPlurals, plural } from './plural.js';

describe('the kit’s languages', () => {
  it('are the eight of issue 16, each named in itself; Arabic is written right to left', () => {
    expect([...SUPPORTED_LOCALES]).to.deep.equal(['en', 'sr-Latn', 'sr-Cyrl', 'ru', 'uk', 'zh-Hans', 'tr', 'ar']);
    expect(SUPPORTED_LOCALES.map((tag) => localeInfo(tag)?.name)).to.deep.equal([
      'English', 'Srpski (latinica)', 'Српски (ћирилица)', 'Русский', 'Українська', '简体中文', 'Türkçe', 'العربية',
    ]);
    expect(SUPPORTED_LOCALES.filter((tag) => localeDirection(tag) === 'rtl')).to.deep.equal(['ar']);
  });

  for (const tag of SUPPORTED_LOCALES.filter((t) => t !== 'en')) {
    it(`${tag} is complete: every part and key of English, none extra, every parameter shown, plural forms as the language has them`, async () => {
      const pack = await loadLocalePack(tag);
      // The folder names itself as the kit's list does.
      expect([pack.tag, pack.name, pack.dir ?? 'ltr']).to.deep.equal([tag, localeInfo(tag)!.name, localeDirection(tag)]);
      expect(await checkLocalePack(pack)).to.deep.equal([]);
    });
  }

  it('the check finds what a careless folder gets wrong: a missing key, an extra one, a lost parameter, wrong plural forms', async () => {
    const ru = await loadLocalePack('ru');
    const login = await partOf(ru, 'login');
    const picker = await partOf(ru, 'picker');
    const problems = await partOf(ru, 'problems');
    const { loginHeading: _dropped, ...withoutHeading } = login;
    const broken: LocalePack = {
      ...ru,
      parts: {
        ...ru.parts,
        login: { ...withoutHeading, logInNow: 'Войти' } as never,
        // The count is lost.
        picker: { ...picker, hiddenCertificates: () => 'Некоторые сертификаты нельзя использовать' },
        // English's two forms where Russian has four.
        problems: { ...problems, throttled: (minutes: number, time: string) => `${minutes} ${plural('ru', minutes, { one: 'минута', other: 'минут' })} ${time}` },
      },
    };
    const found = await checkLocalePack(broken);
    expect(found).to.include.members([
      'ru login.loginHeading: missing',
      'ru login.logInNow: not in English (a typo, or left over)',
      'ru picker.hiddenCertificates: parameter 1 is not in the text ("Некоторые сертификаты нельзя использовать")',
    ]);
    expect(found.filter((problem) => problem.startsWith('ru problems.throttled: Plural forms for "ru" must be exactly few, many, one, other'))).to.have.length(1);
    // A text that wants more than English gives.
    const greedy = await checkLocalePack({ ...ru, parts: { ...ru.parts, picker: { ...picker, onToken: ((token: string, extra: string) => `${token} ${extra}`) as never } } });
    expect(greedy).to.deep.equal(['ru picker.onToken: takes 2 parameters, English gives 1']);
  });

  it('plural forms follow Intl.PluralRules per language: Russian and Ukrainian one/few/many, Arabic dual and more, Chinese and Turkish one form', async () => {
    const said = async (tag: string, counts: number[]) => {
      const picker = await partOf(await loadLocalePack(tag), 'picker');
      return checkingPlurals(() => counts.map((n) => picker.hiddenCertificates(n)));
    };
    expect(await said('ru', [1, 3, 5, 21])).to.deep.equal([
      '1 сертификат нельзя использовать здесь',
      '3 сертификата нельзя использовать здесь',
      '5 сертификатов нельзя использовать здесь',
      '21 сертификат нельзя использовать здесь',
    ]);
    expect(await said('uk', [1, 3, 11])).to.deep.equal(['1 сертифікат не можна використати тут', '3 сертифікати не можна використати тут', '11 сертифікатів не можна використати тут']);
    expect(await said('ar', [1, 2, 3, 11])).to.deep.equal(['1 شهادة لا يمكن استخدامها هنا', '2 شهادتان لا يمكن استخدامهما هنا', '3 شهادات لا يمكن استخدامها هنا', '11 شهادة لا يمكن استخدامها هنا']);
    expect(await said('zh-Hans', [1, 5])).to.deep.equal(['有 1 张证书无法在此使用', '有 5 张证书无法在此使用']);
    // Turkish nouns stay singular after a numeral.
    expect(await said('tr', [1, 5])).to.deep.equal(['1 sertifika burada kullanılamıyor', '5 sertifika burada kullanılamıyor']);
  });

  it('dates are written with the month in words, in Latin digits, in every language', () => {
    const date = new Date(2031, 11, 3);
    const written = Object.fromEntries(SUPPORTED_LOCALES.map((tag) => [tag, formatDate(date, tag).replace(/\u00a0/g, ' ')]));
    expect(written).to.deep.equal({
      en: '3 December 2031',
      'sr-Latn': '3. decembra 2031.',
      'sr-Cyrl': '3. децембра 2031.',
      ru: '3 декабря 2031 г.',
      uk: '3 грудня 2031 р.',
      'zh-Hans': '2031年12月3日',
      tr: '3 Aralık 2031',
      ar: '3 ديسمبر 2031',
    });
  });
});

describe('parseLocale and negotiateLocale', () => {
  it('find a language in the same script, whatever the region or letter case', () => {
    const tags = ['ru-RU', 'RU', 'uk-UA', 'zh', 'zh-CN', 'zh-SG', 'zh-Hans-CN', 'zh-TW', 'zh-Hant', 'tr-TR', 'ar-EG', 'ar-SY', 'sr-ME', 'sr-Cyrl-BA', 'en-US', 'de-DE', 'x!'];
    expect(tags.map((tag) => parseLocale(tag))).to.deep.equal([
      'ru', 'ru', 'uk', 'zh-Hans', 'zh-Hans', 'zh-Hans', 'zh-Hans', undefined, undefined, 'tr', 'ar', 'ar', 'sr-Latn', 'sr-Cyrl', 'en', undefined, undefined,
    ]);
  });

  it('the page first, then the browser’s languages, then English — among the languages offered', () => {
    expect(negotiateLocale(['de', 'uk-UA', 'ru'])).to.equal('uk');
    expect(negotiateLocale([null, 'de-AT', 'zh-TW', 'ar-MA'])).to.equal('ar');
    expect(negotiateLocale(['de', 'fr'])).to.equal('en');
    expect(negotiateLocale(['ru', 'sr-RS'], ['en', 'sr-Cyrl', 'sr-Latn'])).to.equal('sr-Cyrl');
    expect(negotiateLocale(['de'], ['sr-Cyrl', 'sr-Latn'])).to.equal('sr-Cyrl');
  });

  it('registerLocale refuses what is not a language, clearly', () => {
    expect(() => registerLocale({ tag: 'not a tag', name: 'X', load: () => Promise.resolve(en) })).to.throw(/not a language tag/);
    expect(() => registerLocale({ tag: 'hu', name: ' ', load: () => Promise.resolve(en) })).to.throw(/needs a name/);
    expect(() => registerLocale({ tag: 'hu', name: 'Magyar', dir: 'up' as never, load: () => Promise.resolve(en) })).to.throw(/"ltr" or "rtl"/);
    expect(registeredLocales()).to.not.include('hu');
  });
});


/** An element with these attributes. */
function make(tag: string, attributes: Record<string, string>): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

/** Puts a login element (with `attributes`) in a wrapper (with `wrapper`'s) and waits for its heading. */
async function loginIn(wrapper: Record<string, string>, attributes: Record<string, string> = {}): Promise<HTMLElement> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = make('egov-login', { 'backend-url': API, modes: 'password', ...attributes });
  host.append(make('div', wrapper));
  host.firstElementChild!.append(el);
  await waitUntil(() => el.querySelector('.egov-heading'), 'no heading', { timeout: 5000 });
  return el;
}

const heading = (el: Element) => el.querySelector('.egov-heading')?.textContent?.trim();
const rootLang = (el: Element) => el.querySelector('.egov-root')?.getAttribute('lang');

describe('an element without a locale', () => {
  afterEach(() => {
    delete (navigator as { languages?: unknown }).languages;
  });

  it('follows the closest lang, then the browser’s languages; it follows a change of either', async () => {
    const el = await loginIn({ lang: 'ru-RU' });
    await waitUntil(() => rootLang(el) === 'ru', `not Russian: ${heading(el)}`, { timeout: 5000 });
    const russian = heading(el);
    expect(russian).to.equal((await partOf(await loadLocalePack('ru'), 'login')).loginHeading);

    // The page's language changes (a site's own language menu): the element follows, without a reload.
    el.parentElement!.setAttribute('lang', 'zh-CN');
    await waitUntil(() => rootLang(el) === 'zh-Hans', `not Chinese: ${heading(el)}`, { timeout: 5000 });
    expect(heading(el)).to.equal((await partOf(await loadLocalePack('zh-Hans'), 'login')).loginHeading);

    // A page language the kit does not have: the browser's languages decide.
    Object.defineProperty(navigator, 'languages', { configurable: true, get: () => ['de-DE', 'tr-TR', 'en'] });
    el.parentElement!.setAttribute('lang', 'de');
    await waitUntil(() => rootLang(el) === 'tr', 'not Turkish', { timeout: 5000 });
    Object.defineProperty(navigator, 'languages', { configurable: true, get: () => ['uk', 'en'] });
    dispatchEvent(new Event('languagechange'));
    await waitUntil(() => rootLang(el) === 'uk', 'not Ukrainian after languagechange', { timeout: 5000 });
  });

  it('a site that offers fewer languages gets one of those: locales="en sr-Cyrl sr-Latn" on a Russian page is English', async () => {
    const el = await loginIn({ lang: 'ru' }, { locales: 'en sr-Cyrl sr-Latn' });
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect([heading(el), rootLang(el)]).to.deep.equal(['Log in', 'en']);
  });

  it('a language the site does not offer, or one the kit lacks in the list, is a configuration problem that names it', async () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      for (const [attributes, code] of [
        [{ locale: 'tr', locales: 'en ru' }, 'locale_not_offered'],
        [{ locales: 'en hu' }, 'unknown_locale'],
      ] as const) {
        const el = await loginIn({}, attributes);
        await waitUntil(() => el.querySelector(`[data-problem=${code}]`), `no ${code}`, { timeout: 5000 });
      }
      const logged = errors.map((args) => args.map(String).join(' ')).join('\n');
      expect(logged).to.match(/"tr" is not among the languages this site offers/);
      expect(logged).to.match(/Unknown language "hu"/);
    } finally {
      console.error = original;
    }
  });
});

describe('a language added from outside: one folder, registered, no element touched', () => {
  before(() => registerLocale({ tag: 'en-XA', name: 'Pseudo-English', load: () => import('../../test-support/pseudo-locale/index.js') }));

  it('is complete by the same check, and found by its tag', async () => {
    expect(await checkLocalePack(pseudoLocale)).to.deep.equal([]);
    expect(parseLocale('EN-xa')).to.equal('en-XA');
    expect(registeredLocales()).to.include('en-XA');
  });

  it('every text an element shows comes from the language: nothing is left in plain English', async () => {
    for (const tag of ['egov-login', 'egov-register', 'egov-password-reset', 'egov-email-confirm']) {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = make(tag, { 'backend-url': API, locale: 'en-XA', 'register-url': '/r', 'password-reset-url': '/p', 'login-url': '/l' });
      host.append(el);
      await waitUntil(() => el.querySelector('.egov-heading')?.textContent?.includes('⟦'), `${tag}: no pseudo heading`, { timeout: 5000 });
      // What loads after the first render (the policy, the country names) has had its time.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const plain = visibleTexts(el).filter((text) => !text.includes('⟦') && /[A-Za-z]{3,}/.test(text));
      expect(plain, `${tag} shows text that is not the language's`).to.deep.equal([]);
      expect(visibleTexts(el).filter((text) => text.includes('⟦')).length, `${tag}: marked texts seen`).to.be.greaterThan(3);
    }
  });
});
