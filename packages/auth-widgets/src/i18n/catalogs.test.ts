import { expect } from '@open-wc/testing';
import { en } from './en.js';
import { catalog, defineCatalogPart } from './catalog.js';
import { commonTexts } from './parts/common.js';
import { emailConfirmTexts } from './parts/email-confirm.js';
import { loginTexts } from './parts/login.js';
import { loginOutcomeTexts } from './parts/login-outcomes.js';
import { pickerTexts } from './parts/picker.js';
import { parseLocale } from './locales.js';
import { plural } from './plural.js';
import { srCyrl } from './sr-cyrl.js';
import { srLatn } from './sr-latn.js';
import { cyrillicToLatin } from './transliterate.js';

const CYRILLIC = /[\u0400-\u04FF]/;

/** Every text of a catalog, with functions called on sample arguments. */
function texts(catalog: Record<string, unknown>): [string, string][] {
  return Object.entries(catalog).map(([key, value]) => [
    key,
    typeof value === 'function' ? (value as (...a: unknown[]) => string)(5, '14:05') : String(value),
  ]);
}

describe('catalogs', () => {
  it('all have exactly the English keys', () => {
    const keys = Object.keys(en).sort();
    expect(Object.keys(srCyrl).sort()).to.deep.equal(keys);
    expect(Object.keys(srLatn).sort()).to.deep.equal(keys);
  });

  it('Cyrillic is translated: every text has Cyrillic letters (but a code that stays as it is)', () => {
    const untranslated = texts(srCyrl).filter(([, text]) => !CYRILLIC.test(text));
    expect(untranslated).to.deep.equal([['pinDialogPin', 'PIN']]);
  });

  it('Latin is the transliteration of Cyrillic and has no Cyrillic left', () => {
    for (const [key, text] of texts(srLatn)) {
      expect(CYRILLIC.test(text), key).to.be.false;
      expect(text, key).to.equal(cyrillicToLatin(texts(srCyrl).find(([k]) => k === key)![1]));
    }
  });

  it('uses the portal’s terms (GLOSSARY.md)', () => {
    expect(srCyrl.passwordForgotten).to.equal('Заборављена лозинка?');
    expect(srLatn.passwordForgotten).to.equal('Zaboravljena lozinka?');
    expect(srLatn.errorSummaryTitle).to.equal('Postoji problem');
    expect(srLatn.invalidCredentials).to.equal('Pogrešna adresa elektronske pošte ili lozinka');
    // One formal form of address in every Serbian text (issue 12): "Креирајте", as "Почните поново".
    expect(srLatn.createAccount).to.equal('Kreirajte korisnički nalog');
  });

  it('reads right (usability review, issue 12)', () => {
    // Numerals: one certificate "може", two to four "могу", five and more "може" (singular with the genitive plural).
    expect(srCyrl.hiddenCertificates(1)).to.equal('1 сертификат не може да се користи');
    expect(srCyrl.hiddenCertificates(3)).to.equal('3 сертификата не могу да се користе');
    expect(srCyrl.hiddenCertificates(22)).to.equal('22 сертификата не могу да се користе');
    expect(srCyrl.hiddenCertificates(5)).to.equal('5 сертификата не може да се користи');
    expect(srLatn.hiddenCertificates(3)).to.equal('3 sertifikata ne mogu da se koriste');
    // They may come from several cards and tokens.
    expect(en.hiddenCertificates(3)).to.equal('3 certificates cannot be used here');
    expect(en.onToken('TEST Halcom')).to.equal('On the card or token: TEST Halcom');
    expect(srCyrl.onToken('TEST Halcom')).to.equal('На картици или токену: TEST Halcom');
    expect(en.certificateHeading).to.equal('Log in with a qualified electronic certificate');
    expect(en.requiredLegend).to.equal('Fields marked with an asterisk (*) are required.');
    expect(srCyrl.requiredLegend).to.equal('Поља означена звездицом (*) су обавезна.');
    expect(srLatn.requiredLegend).to.equal('Polja označena zvezdicom (*) su obavezna.');
    // The formal "you" (Ви) in every instruction and button of these parts.
    expect([srCyrl.logIn, srCyrl.certificateLoginButton, srCyrl.createAccount, srCyrl.register, srCyrl.registerWithCertificate, srCyrl.send, srCyrl.sendNewLink, srCyrl.useCertificate]).to.deep.equal([
      'Пријавите се',
      'Пријавите се сертификатом',
      'Креирајте кориснички налог',
      'Креирајте кориснички налог',
      'Региструјте се овим сертификатом',
      'Пошаљите',
      'Пошаљите нови линк',
      'Користите овај сертификат',
    ]);
    expect([srCyrl.showPasswordLabel, srCyrl.hidePasswordLabel]).to.deep.equal(['Прикажите лозинку', 'Сакријте лозинку']);
  });

  it('says “фасцикла”, not “фолдер”, in the login, confirmation, picker and shared texts', () => {
    const mine = [commonTexts, loginTexts, loginOutcomeTexts, pickerTexts, emailConfirmTexts];
    return Promise.all(mine.map((part) => part.load('sr-Cyrl'))).then((catalogs) => {
      const all = catalogs.flatMap((c) => texts(c as Record<string, unknown>));
      expect(all.filter(([, text]) => /фолдер/i.test(text))).to.deep.equal([]);
      expect(all.filter(([, text]) => /фасцикл/i.test(text)).map(([key]) => key).sort()).to.deep.equal(['awaitingReviewBody', 'confirmationResent', 'notConfirmedBody']);
    });
  });

  it('an element’s catalog holds only its parts, and loads each locale once, Serbian only on demand', async () => {
    const login = catalog(commonTexts, loginTexts);
    expect(login.en.loginHeading).to.equal('Log in');
    expect(login.en.errorSummaryTitle).to.equal('There is a problem');
    // Registration and picker texts are not in the login element's catalog (nor in its bundle).
    expect(Object.keys(login.en)).to.not.include.members(['registerHeading', 'pickerHeading']);
    expect(Object.keys(login.en).sort()).to.deep.equal([...Object.keys(commonTexts.en), ...Object.keys(loginTexts.en)].sort());
    for (const locale of ['en', 'sr-Latn', 'sr-Cyrl'] as const) {
      const texts = await login.load(locale);
      expect(texts.loginHeading).to.equal({ en: 'Log in', 'sr-Latn': 'Prijava', 'sr-Cyrl': 'Пријава' }[locale]);
      expect(login.loaded(locale)).to.equal(texts);
      expect(await login.load(locale)).to.equal(texts);
    }
    // Another element's catalog shares the parts already loaded.
    const picker = catalog(commonTexts, pickerTexts);
    expect(picker.loaded('sr-Latn')).to.equal(undefined);
    const latin = await picker.load('sr-Latn');
    expect(latin.pickerHeading).to.equal('Izaberite sertifikat');
    expect(latin.errorSummaryTitle).to.equal((await login.load('sr-Latn')).errorSummaryTitle);
  });

  it('a part whose texts failed to download is downloaded again next time', async () => {
    let calls = 0;
    const part = defineCatalogPart({ hello: 'Hello' }, async (locale) => {
      calls += 1;
      if (calls === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return { hello: locale === 'ru' ? 'Здравствуйте' : 'Здраво' };
    });
    const texts = catalog(part);
    let failure: unknown;
    await texts.load('ru').catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(TypeError);
    expect(texts.loaded('ru')).to.equal(undefined);
    expect((await texts.load('ru')).hello).to.equal('Здравствуйте');
    expect((await texts.load('sr-Cyrl')).hello).to.equal('Здраво');
    expect(calls).to.equal(3);
  });

  it('Serbian Latin is derived from the Cyrillic when a part loads, through the language folders', async () => {
    expect((await loginTexts.load('sr-Latn')).loginHeading).to.equal('Prijava');
    expect((await commonTexts.load('sr-Latn')).errorSummaryTitle).to.equal(cyrillicToLatin((await commonTexts.load('sr-Cyrl')).errorSummaryTitle));
  });
});

describe('transliteration', () => {
  it('maps every letter, digraphs included, and leaves Latin, digits and names alone', () => {
    expect(cyrillicToLatin('Љубав, Њива, Џеп, ђак, ћерка, жаба, чаша, шума')).to.equal('Ljubav, Njiva, Džep, đak, ćerka, žaba, čaša, šuma');
    expect(cyrillicToLatin('ЉУБАВ ЊИВА ЏЕП')).to.equal('LJUBAV NJIVA DŽEP');
    expect(cyrillicToLatin('PIN за Fortify: 1234, ime@primer.rs')).to.equal('PIN za Fortify: 1234, ime@primer.rs');
  });
});

describe('plural rules', () => {
  it('Serbian: one for 1 and 21, few for 2–4 and 22, other for 5–20', () => {
    const forms = { one: 'минут', few: 'минута', other: 'минута_' };
    expect([1, 21, 2, 4, 22, 5, 11, 12, 20].map((n) => plural('sr-Cyrl', n, forms))).to.deep.equal([
      'минут', 'минут', 'минута', 'минута', 'минута', 'минута_', 'минута_', 'минута_', 'минута_',
    ]);
    expect(srCyrl.throttled(1, '14:05')).to.contain('за 1 минут,');
    expect(srCyrl.throttled(3, '14:05')).to.contain('за 3 минута,');
    expect(en.throttled(1, '14:05')).to.contain('in 1 minute,');
    expect(en.throttled(2, '14:05')).to.contain('in 2 minutes,');
  });
});

describe('parseLocale', () => {
  it('accepts the kit’s tags in any case and the usual aliases', () => {
    expect(['en', 'en-GB', 'sr-latn', 'sr-Latn-RS', 'sr', 'sr-RS', 'SR-CYRL', 'de', '', null].map((tag) => parseLocale(tag))).to.deep.equal([
      'en', 'en', 'sr-Latn', 'sr-Latn', 'sr-Cyrl', 'sr-Cyrl', 'sr-Cyrl', undefined, undefined, undefined,
    ]);
  });
});
