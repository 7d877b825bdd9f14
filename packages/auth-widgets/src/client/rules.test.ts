import { expect } from '@open-wc/testing';
import { JMBG } from '../../test-support/test-pki.js';
import {
  checkForeignerNumber,
  checkPasswordLength,
  isCountryCode,
  isPasswordTooLong,
  isPlausibleBirthDate,
  isPlausiblePhone,
  linkHref,
  mailtoHref,
  passwordLength,
  personalNumberOf,
  telHref,
} from './rules.js';

/** The mod-11 control of the first 12 digits, as the JMBG computes it (10 and 11 → 0). */
function control(first12: string): number {
  const weights = [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((total, w, i) => total + w * Number(first12[i]), 0);
  const value = 11 - (sum % 11);
  return value > 9 ? 0 : value;
}

describe('checkForeignerNumber', () => {
  it('accepts 13 digits with a real date and the right control digit', () => {
    const first12 = '170599071000';
    expect(checkForeignerNumber(`${first12}${control(first12)}`)).to.be.undefined;
  });

  it('names what is wrong: form, date or control digit', () => {
    expect(checkForeignerNumber('12345')).to.equal('invalid_format');
    expect(checkForeignerNumber('17059907100a4')).to.equal('invalid_format');
    expect(checkForeignerNumber('3202990710004')).to.equal('invalid_date');
    expect(checkForeignerNumber('2902001710004')).to.equal('invalid_date'); // 29 Feb 2001
    const first12 = '170599071000';
    expect(checkForeignerNumber(`${first12}${(control(first12) + 1) % 10}`)).to.equal('invalid_checksum');
  });

  it('does not hard-reject the remainder-1 case: control value 10 written as 0', () => {
    // Find a real number whose weighted sum leaves remainder 1.
    const weights = [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let first12 = '';
    for (let serial = 0; serial < 1000 && !first12; serial++) {
      const candidate = `1705990710${String(serial).padStart(3, '0')}`.slice(0, 12);
      if (weights.reduce((t, w, i) => t + w * Number(candidate[i]), 0) % 11 === 1) first12 = candidate;
    }
    expect(first12).to.have.length(12);
    expect(checkForeignerNumber(`${first12}0`)).to.be.undefined;
    expect(checkForeignerNumber(`${first12}1`)).to.equal('invalid_checksum');
  });
});

describe('other shared rules', () => {
  it('password length counts the NFKC form and follows the policy', () => {
    const policy = { minLength: 15, maxLength: 128 };
    expect(checkPasswordLength('a'.repeat(14), policy)).to.equal('too_short');
    expect(checkPasswordLength('a'.repeat(15), policy)).to.be.undefined;
    expect(checkPasswordLength('a'.repeat(128), policy)).to.be.undefined;
    expect(checkPasswordLength('a'.repeat(129), policy)).to.equal('too_long');
    // "ﬁ" (one ligature) is "fi" (two letters) after NFKC.
    expect(checkPasswordLength('ﬁ'.repeat(8), policy)).to.be.undefined;
  });

  it('birth dates: real, from 1900, before today', () => {
    expect(isPlausibleBirthDate('1990-05-17', '2026-11-26')).to.be.true;
    expect(isPlausibleBirthDate('2026-11-26', '2026-11-26')).to.be.false;
    expect(isPlausibleBirthDate('1899-12-31', '2026-11-26')).to.be.false;
    expect(isPlausibleBirthDate('1990-02-30', '2026-11-26')).to.be.false;
  });

  it('phones and countries', () => {
    expect(isPlausiblePhone('+381 11 123 4567')).to.be.true;
    expect(isPlausiblePhone('call me')).to.be.false;
    expect(isCountryCode('RS')).to.be.true;
    expect(isCountryCode('XX')).to.be.false;
  });
});

/** 70 different emoji: 70 characters to a person, 140 UTF-16 units to `String.length`. */
const SEVENTY_EMOJI = Array.from({ length: 70 }, (_, i) => String.fromCodePoint(0x1f400 + i)).join('');

describe('password length: one count for login, registration, reset and the backend', () => {
  it('counts code points of the NFKC form, so 70 emoji are 70 characters', () => {
    expect(SEVENTY_EMOJI.length).to.equal(140);
    expect(passwordLength(SEVENTY_EMOJI)).to.equal(70);
    expect(checkPasswordLength(SEVENTY_EMOJI, { minLength: 15, maxLength: 128 })).to.be.undefined;
    // Login checks only the upper bound, with the same count: what registers also logs in.
    expect(isPasswordTooLong(SEVENTY_EMOJI)).to.be.false;
    expect(isPasswordTooLong('🦊'.repeat(128))).to.be.false;
    expect(isPasswordTooLong('🦊'.repeat(129))).to.be.true;
  });
});

describe('personalNumberOf', () => {
  it('reads the PNORS prefix in any letter case: one person, one identity', () => {
    const found = { kind: 'found', personalNumber: JMBG.ana };
    for (const value of [`PNORS${JMBG.ana}`, `pnors${JMBG.ana}`, `PnoRs-${JMBG.ana}`, `pnors-${JMBG.ana}`]) {
      expect(personalNumberOf([value]), value).to.deep.equal(found);
    }
    // Written once in each case it is still one number, not two claims.
    expect(personalNumberOf([`PNORS${JMBG.ana}`, `pnors-${JMBG.ana}`])).to.deep.equal(found);
    // A lower-case claim with a bad checksum is refused like an upper-case one, never mapped by issuer and serial.
    expect(personalNumberOf([`pnors${JMBG.wrongChecksum}`])).to.deep.equal({ kind: 'invalid' });
    expect(personalNumberOf([`pnors${JMBG.ana}`, `PNORS${JMBG.marko}`])).to.deep.equal({ kind: 'invalid' });
  });
});

describe('links from configuration or from the backend', () => {
  it('an address from the backend must be absolute https (plain http only on this machine)', () => {
    expect(linkHref('https://ca.mup.gov.rs/')).to.equal('https://ca.mup.gov.rs/');
    expect(linkHref('http://localhost:8080/ca')).to.equal('http://localhost:8080/ca');
    for (const value of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      '\u0000 java\nscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'blob:https://ca.mup.gov.rs/x',
      'http://evil.example/',
      'ftp://ca.mup.gov.rs/',
      '/relative/from/the/server',
      '//evil.example/x',
      '',
      undefined,
    ]) {
      expect(linkHref(value), String(value)).to.equal(undefined);
    }
  });

  it('a configured link may be a path, resolved against the page', () => {
    expect(linkHref('/register', 'https://portal.example.gov.rs/login')).to.equal('/register');
    expect(linkHref('/register', 'http://127.0.0.1:8000/login')).to.equal('/register');
    expect(linkHref('/register', 'http://portal.example.gov.rs/login')).to.equal(undefined);
    expect(linkHref('javascript:alert(1)', 'https://portal.example.gov.rs/login')).to.equal(undefined);
  });

  it('support contacts: one plain e-mail address, one phone number, nothing else', () => {
    expect(mailtoHref('podrska@ca.posta.rs')).to.equal('mailto:podrska@ca.posta.rs');
    for (const value of ['ca@mup.gov.rs?bcc=thief@evil.example', 'a@x.rs,b@evil.example', 'a@x.rs&body=x', 'javascript:alert(1)//@x.rs', 'a b@x.rs', 'nobody', 'a@x.rs%0abcc:b@y.rs']) {
      expect(mailtoHref(value), value).to.equal(undefined);
    }
    expect(telHref('+381 11 123-4567')).to.equal('tel:+381111234567');
    expect(telHref('(011) 123 4567')).to.equal('tel:0111234567');
    for (const value of ['javascript:alert(1)', '+381 11 123 4567;ext=9', '123', 'call us']) {
      expect(telHref(value), value).to.equal(undefined);
    }
  });
});
