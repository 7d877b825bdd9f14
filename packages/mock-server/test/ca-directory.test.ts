/**
 * The kit's default CA directory comes from the trusted list (issue 13): the
 * providers with granted e-signature services, their names, e-mail and
 * issuing CAs — matched by the CA certificates, not by typed names. The
 * generated facts must be what the bundled list says, and every provider
 * needs its Cyrillic name, written so that it reads as the list's Latin one.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { cyrillicToLatin } from '@egov/auth-widgets/i18n/transliterate';
import { DEFAULT_CERTIFICATION_BODIES, PROVIDER_DETAILS, certificationBodiesOf, checkCertificationBodies } from '../src/certification-bodies.ts';
import { BUNDLED_TRUSTED_LIST } from '../src/trusted-list/bundled.ts';
import { directoryFromList, directoryModule } from '../src/ca-directory/directory.ts';
import { LISTED_DIRECTORY } from '../src/ca-directory/directory.generated.ts';
import { readTrustedListSync } from '../src/trusted-list/trusted-list.ts';

const bundled = () => readTrustedListSync(readFileSync(BUNDLED_TRUSTED_LIST.list), { signer: readFileSync(BUNDLED_TRUSTED_LIST.signer) });

describe('the CA directory from the trusted list', () => {
  test('directory.generated.ts is what the bundled list gives (regenerate with `generate:ca-directory`)', () => {
    const generated = readFileSync(new URL('../src/ca-directory/directory.generated.ts', import.meta.url), 'utf8');
    assert.equal(generated, directoryModule(directoryFromList(bundled())));
    assert.equal(LISTED_DIRECTORY.sequenceNumber, 36);
  });

  test('nine providers with granted e-signature services, 23 issuing CAs; no seal-only, web-site or withdrawn CA', () => {
    assert.equal(LISTED_DIRECTORY.providers.length, 9);
    const names = LISTED_DIRECTORY.providers.flatMap((provider) => provider.issuers.map((issuer) => issuer.name));
    assert.equal(names.length, 23);
    for (const name of ['MUP Gradjani CA 4', 'MUP Stranci CA 4', 'MUPCA Stranci', 'Halcom BG CA FL e-signature 2', 'ESS IQCA1 V3', 'Paperless GOV eSignature CA 1', 'MO VS UzK CA 3', 'mtsCA Cloud']) {
      assert.ok(names.includes(name), name);
    }
    for (const name of ['EID RS eSeal', 'Paperless PL SSL CA 1', 'PKS CA TSA', 'MUPCA Gradjani']) assert.ok(!names.includes(name), name);
    // INCEPTION is on the list with no granted CA/QC service: not a certification body for a login.
    assert.ok(!LISTED_DIRECTORY.providers.some((provider) => provider.name.en.startsWith('INCEPTION')));
  });

  test('each entry: the list’s English name and e-mail; the Cyrillic name reads as the list’s Serbian Latin name', () => {
    for (const provider of LISTED_DIRECTORY.providers) {
      const details = PROVIDER_DETAILS[provider.vat];
      assert.ok(details, `${provider.name.en} (${provider.vat}) needs PROVIDER_DETAILS`);
      const body = DEFAULT_CERTIFICATION_BODIES.find((candidate) => candidate.id === details.id)!;
      assert.equal(body.name.en, provider.name.en);
      assert.equal(cyrillicToLatin(body.name['sr-Cyrl']), provider.name.srLatn, `${details.id}: Cyrillic ↔ the list's Latin`);
      assert.equal(body.name['sr-Latn'], provider.name.srLatn);
      assert.equal(body.support.email, provider.email, `${details.id}: the list's e-mail`);
      assert.equal(new URL(body.site).protocol, 'https:');
      assert.deepEqual(body.issuers?.map((issuer) => issuer.subject), provider.issuers.map((issuer) => issuer.subject));
    }
    assert.deepEqual(
      DEFAULT_CERTIFICATION_BODIES.map((body) => body.id),
      ['mup', 'posta', 'pks', 'halcom', 'esmart', 'ite', 'paperless', 'mod', 'mts'],
      'in the portal guide’s order, MUP first',
    );
  });

  test('a provider the kit does not know yet stops the directory, naming it', () => {
    const unknown = { ...LISTED_DIRECTORY, providers: [{ ...LISTED_DIRECTORY.providers[0]!, vat: 'VATRS-999999999', name: { en: 'New CA d.o.o.', srLatn: 'New CA d.o.o.' } }] };
    assert.throws(() => certificationBodiesOf(unknown), /New CA d\.o\.o\. \(VATRS-999999999\) has no entry in PROVIDER_DETAILS/);
  });

  test('a configured issuer must be a base64 DER name with a lower-case hex key identifier', () => {
    const [mup] = DEFAULT_CERTIFICATION_BODIES;
    const issuer = mup!.issuers![0]!;
    assert.doesNotThrow(() => checkCertificationBodies([mup!]));
    assert.throws(() => checkCertificationBodies([{ ...mup!, issuers: [{ ...issuer, subject: 'bm90IGEgbmFtZQ==' }] }]), /not a base64 DER name/);
    assert.throws(() => checkCertificationBodies([{ ...mup!, issuers: [{ ...issuer, keyIdentifier: 'ABCD' }] }]), /lower-case hex/);
    assert.throws(() => checkCertificationBodies([{ ...mup!, issuers: [], issuerNames: [] }]), /give its issuing CAs/);
  });
});
