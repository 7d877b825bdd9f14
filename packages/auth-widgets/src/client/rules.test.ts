import { expect } from '@open-wc/testing';
import { checkForeignerNumber, checkPasswordLength, isCountryCode, isPlausibleBirthDate, isPlausiblePhone } from './rules.js';

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
