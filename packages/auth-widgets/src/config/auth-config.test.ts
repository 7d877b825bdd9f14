import { expect } from '@open-wc/testing';
import { localizedLink, mergeConfigInputs } from './auth-config.js';
import { resolveConfig } from './resolve-config.js';

const BASE = 'https://portal.example.gov.rs/login';

describe('resolveConfig', () => {
  it('fills defaults and resolves a relative backend URL against the page', () => {
    const result = resolveConfig({ backendUrl: '/api/' }, BASE, []);
    expect(result).to.deep.equal({
      ok: true,
      config: {
        backendUrl: 'https://portal.example.gov.rs/api',
        locale: 'en',
        locales: ['en', 'sr-Latn', 'sr-Cyrl', 'ru', 'uk', 'zh-Hans', 'tr', 'ar'],
        modes: ['certificate', 'password'],
        links: { register: undefined, passwordReset: undefined, login: undefined },
        localeParam: 'locale',
        timeoutMs: 15000,
        certificateAgent: 'fortify',
        certificatePickerUi: 'kit',
      },
    });
  });

  it('allows plain http only for localhost', () => {
    for (const url of ['http://localhost:8787/api', 'http://127.0.0.1/api', 'http://[::1]:9/api', 'http://auth.localhost/api']) {
      expect(resolveConfig({ backendUrl: url }, BASE).ok, url).to.be.true;
    }
    const insecure = resolveConfig({ backendUrl: 'http://auth.example.gov.rs/api' }, BASE);
    expect(insecure.ok).to.be.false;
    expect(!insecure.ok && insecure.problems.map((p) => p.code)).to.deep.equal(['insecure_backend_url']);
  });

  it('names every problem at once', () => {
    const result = resolveConfig({ modes: 'password fax', links: { register: 'javascript:alert(1)' } }, BASE);
    expect(!result.ok && result.problems.map((p) => p.code)).to.deep.equal(['missing_backend_url', 'unknown_mode', 'invalid_link']);
    expect(!result.ok && result.problems[1]!.detail).to.contain('"fax"');
  });

  it('takes links only through the one allow-list: https, paths on the site, plain http only on this machine', () => {
    const links = (value: string) => resolveConfig({ backendUrl: '/api', links: { register: value } }, BASE);
    for (const value of ['/register', 'register?x=1', 'https://portal.example.gov.rs/r', 'http://localhost:8080/r', 'http://127.0.0.1/r', 'http://[::1]/r']) {
      expect(links(value).ok, value).to.be.true;
    }
    for (const value of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' \tjavascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'http://evil.example/r', 'ftp://portal.example.gov.rs/r', 'http://']) {
      const result = links(value);
      expect(!result.ok && result.problems.map((p) => p.code), value).to.deep.equal(['invalid_link']);
    }
    // A path resolves against the page: on a plain-http page of another host it would leave over plain http.
    expect(resolveConfig({ backendUrl: 'https://auth.example.gov.rs/api', links: { register: '/r' } }, 'http://portal.example.gov.rs/').ok).to.be.false;
  });

  it('refuses an empty mode list and non-http schemes', () => {
    const none = resolveConfig({ backendUrl: '/api', modes: '' }, BASE);
    expect(!none.ok && none.problems.map((p) => p.code)).to.deep.equal(['no_modes']);
    const ftp = resolveConfig({ backendUrl: 'ftp://example.gov.rs/api' }, BASE);
    expect(!ftp.ok && ftp.problems.map((p) => p.code)).to.deep.equal(['invalid_backend_url']);
  });

  it('accepts the picker UIs it knows and names an unknown one', () => {
    const peculiar = resolveConfig({ backendUrl: '/api', certificatePickerUi: 'peculiar' }, BASE);
    expect(peculiar.ok && peculiar.config.certificatePickerUi).to.equal('peculiar');
    const unknown = resolveConfig({ backendUrl: '/api', certificatePickerUi: 'fancy' }, BASE);
    expect(!unknown.ok && unknown.problems.map((p) => p.code)).to.deep.equal(['unknown_picker_ui']);
    expect(!unknown.ok && unknown.problems[0]!.detail).to.contain('"fancy"');
  });

  it('falls back to English for an unknown locale, and keeps mode order', () => {
    const result = resolveConfig({ backendUrl: '/api', locale: 'xx', modes: ['password', 'certificate', 'password'] }, BASE, []);
    expect(result.ok && result.config.locale).to.equal('en');
    expect(result.ok && result.config.modes).to.deep.equal(['password', 'certificate']);
  });

  it('without a locale: the page’s and the browser’s languages, in order, among those the site offers', () => {
    const locale = (input: object, preferred: string[]) => {
      const result = resolveConfig({ backendUrl: '/api', ...input }, BASE, preferred);
      return result.ok ? result.config.locale : result.problems.map((p) => p.code).join();
    };
    expect(locale({}, ['ru-RU', 'en'])).to.equal('ru');
    expect(locale({ locale: 'xx' }, ['de', 'uk'])).to.equal('uk');
    expect(locale({ locale: 'tr' }, ['ru'])).to.equal('tr');
    expect(locale({ locales: 'en sr-Cyrl sr-Latn' }, ['ru', 'sr-RS'])).to.equal('sr-Cyrl');
    expect(locale({ locales: ['sr-Latn', 'sr-Cyrl'] }, ['de'])).to.equal('sr-Latn');
    expect(locale({ locales: 'en sr-Cyrl', locale: 'ar' }, [])).to.equal('locale_not_offered');
    expect(locale({ locales: 'en klingon' }, [])).to.equal('unknown_locale');
  });
});

describe('mergeConfigInputs', () => {
  it('lets later inputs win key by key, ignoring undefined, merging links', () => {
    const merged = mergeConfigInputs(
      { backendUrl: '/a', locale: 'en', links: { register: '/r', passwordReset: '/p' } },
      { backendUrl: undefined, locale: 'sr-Cyrl', links: { register: undefined, passwordReset: '/own' } },
    );
    expect(merged).to.deep.equal({ backendUrl: '/a', locale: 'sr-Cyrl', links: { register: '/r', passwordReset: '/own' } });
  });
});

describe('localizedLink', () => {
  it('carries the locale as a query parameter, or in a {locale} slot; a path stays a path', () => {
    expect(localizedLink('/register', 'sr-Cyrl', 'locale', BASE)).to.equal('/register?locale=sr-Cyrl');
    expect(localizedLink('/register?x=1#top', 'sr-Latn', 'lang', BASE)).to.equal('/register?x=1&lang=sr-Latn#top');
    expect(localizedLink('/register?locale=en', 'sr-Cyrl', 'locale', BASE)).to.equal('/register?locale=sr-Cyrl');
    expect(localizedLink('https://other.example.gov.rs/{locale}/registracija', 'sr-Cyrl', 'locale', BASE)).to.equal(
      'https://other.example.gov.rs/sr-Cyrl/registracija',
    );
    expect(localizedLink('https://portal.example.gov.rs/reset', 'en', 'locale', BASE)).to.equal('https://portal.example.gov.rs/reset?locale=en');
    expect(localizedLink('/register', 'sr-Cyrl', '', BASE)).to.equal('/register', 'no parameter: the link as written');
  });

  it('a {locale} slot passes the link check; a bad parameter name is a configuration problem', () => {
    const slotted = resolveConfig({ backendUrl: '/api', links: { register: '/{locale}/register' } }, BASE);
    expect(slotted.ok && slotted.config.links.register).to.equal('/{locale}/register');
    const bad = resolveConfig({ backendUrl: '/api', localeParam: 'a&b=' }, BASE);
    expect(bad.ok ? [] : bad.problems.map((p) => p.code)).to.deep.equal(['invalid_locale_param']);
  });
});
