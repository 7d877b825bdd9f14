import { checkForeignerNumber } from '../src/client/rules.js';
import { DEMO_PASSWORD } from './backend.js';

/** A foreigner's registration number that passes the checksum (born 17 May 1999, as the forms below say). */
export function validForeignerNumber(): string {
  for (let serial = 100; serial < 1000; serial++) {
    for (let control = 0; control < 10; control++) {
      const candidate = `170599071${serial}${control}`.slice(0, 13);
      if (candidate.length === 13 && checkForeignerNumber(candidate) === undefined) return candidate;
    }
  }
  throw new Error('no valid number found');
}

/** Fills `<egov-register>`'s password form with valid answers (documents apart), as a foreign resident with a passport. */
export function fillRegistrationFields(el: Element, email: string, surname = 'Testić'): void {
  const field = (name: string) => {
    const found = el.querySelector<HTMLInputElement>(`[name=${name}]`);
    if (!found) throw new Error(`no ${name} field`);
    return found;
  };
  field('givenName').value = 'Ana';
  field('surname').value = surname;
  field('dateOfBirthDay').value = '17';
  field('dateOfBirthMonth').value = '5';
  field('dateOfBirthYear').value = '1999';
  el.querySelector<HTMLInputElement>('input[name=sex][value=F]')!.checked = true;
  el.querySelector<HTMLSelectElement>('select[name=citizenship]')!.value = 'DE';
  field('documentNumber').value = 'C01X00T47';
  field('foreignerNumber').value = validForeignerNumber();
  field('email').value = email;
  field('password').value = DEMO_PASSWORD;
  field('passwordConfirmation').value = DEMO_PASSWORD;
  field('consent').checked = true;
}
