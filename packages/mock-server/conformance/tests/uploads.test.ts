/** Upload rules: type by content, size and count limits while streaming, nothing stored on refusal (SECURITY.md 24, 25). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { API_PATHS, DOCUMENTS_FIELD, type PublicConfig, type UserType } from '@egov/auth-widgets/contract';
import type { Browser, Reply } from '../client.ts';
import {
  htmlPage,
  minimalPng,
  newBrowser,
  newPassword,
  passportPage,
  pdfOfSize,
  publicConfig,
  registrationFields,
  registrationForm,
  residencePermit,
  uniqueEmail,
  userTypeWithDocuments,
  type Upload,
} from '../fixtures.ts';

describe('document uploads', { timeout: 180_000 }, () => {
  let config: PublicConfig;
  let userType: UserType | undefined;
  const setUp = async () => {
    config = await publicConfig();
    userType = await userTypeWithDocuments();
  };

  async function attempt(label: string, uploads: Upload[]): Promise<{ reply: Reply; email: string; browser: Browser }> {
    const browser = newBrowser();
    const email = uniqueEmail(label);
    const reply = await browser.request('POST', API_PATHS.registration, {
      form: registrationForm(registrationFields(userType!, email, newPassword()), uploads),
    });
    return { reply, email, browser };
  }

  async function assertNothingStored(browser: Browser, email: string): Promise<void> {
    assert.deepEqual(await browser.outbox(email), [], `no e-mail to ${email}`);
    assert.deepEqual((await browser.registrations()).filter((registration) => registration.email === email), [], `no registration for ${email}`);
  }

  /** The valid documents that fill the rest of a registration besides the file under test. */
  function others(count: number): Upload[] {
    return Array.from({ length: Math.max(0, count) }, (_, index) => (index % 2 ? residencePermit() : passportPage()));
  }

  test('an HTML page named .jpg (and declared image/jpeg) is refused as invalid_file_type', async (t) => {
    await setUp();
    if (!userType) return t.skip('no user type of this backend takes documents');
    const smuggled: Upload = { name: 'passport.jpg', type: 'image/jpeg', bytes: htmlPage() };
    const { reply, email, browser } = await attempt('html-as-jpg', [smuggled, ...others(config.uploads.minFiles - 1)]);
    assert.equal(reply.status, 400, reply.text);
    assert.equal(reply.code, 'validation_failed');
    assert.equal(reply.error?.fields?.[DOCUMENTS_FIELD], 'invalid_file_type');
    await assertNothingStored(browser, email);
  });

  test('a PNG renamed .pdf is stored as what it is, and a double extension changes nothing', async (t) => {
    await setUp();
    if (!userType) return t.skip('no user type of this backend takes documents');
    if (!config.uploads.acceptedTypes.includes('image/png')) return t.skip('this backend does not accept PNG');
    const renamed: Upload = { name: '../../x.php.pdf', type: 'application/pdf', bytes: minimalPng() };
    const { reply, email, browser } = await attempt('png-as-pdf', [renamed, ...others(config.uploads.minFiles - 1)]);
    assert.equal(reply.status, 202, reply.text);
    const [registration] = (await browser.registrations()).filter((entry) => entry.email === email);
    assert.ok(registration, 'the registration is stored');
    assert.equal(registration.documents[0]?.type, 'image/png', 'the type comes from the content');
  });

  test(`a file of maxFileBytes + 1 bytes is refused with 413`, async (t) => {
    await setUp();
    if (!userType) return t.skip('no user type of this backend takes documents');
    const limit = config.uploads.maxFileBytes;
    assert.ok(limit <= 64 * 1024 * 1024, `maxFileBytes ${limit} is small enough to test`);
    const big: Upload = { name: 'too-big.pdf', type: 'application/pdf', bytes: pdfOfSize(limit + 1) };
    const { reply, email, browser } = await attempt('too-big', [big, ...others(config.uploads.minFiles - 1)]);
    assert.equal(reply.status, 413, reply.text);
    assert.equal(reply.code, 'payload_too_large');
    const field = reply.error?.fields?.[DOCUMENTS_FIELD];
    assert.ok(field === undefined || field === 'file_too_large', `fields.${DOCUMENTS_FIELD} is file_too_large when present (${field})`);
    await assertNothingStored(browser, email);
  });

  test('a file of exactly maxFileBytes is accepted', async (t) => {
    await setUp();
    if (!userType) return t.skip('no user type of this backend takes documents');
    const limit = config.uploads.maxFileBytes;
    const exact: Upload = { name: 'exact.pdf', type: 'application/pdf', bytes: pdfOfSize(limit) };
    const { reply } = await attempt('exact-size', [exact, ...others(config.uploads.minFiles - 1)]);
    assert.equal(reply.status, 202, reply.text);
  });

  test('one file more than maxFiles is refused with 413 too_many_files', async (t) => {
    await setUp();
    if (!userType) return t.skip('no user type of this backend takes documents');
    const { reply, email, browser } = await attempt('too-many', others(config.uploads.maxFiles + 1));
    assert.equal(reply.status, 413, reply.text);
    assert.equal(reply.code, 'payload_too_large');
    assert.equal(reply.error?.fields?.[DOCUMENTS_FIELD], 'too_many_files');
    await assertNothingStored(browser, email);
  });

  test('fewer than minFiles files are refused as too_few_files', async (t) => {
    await setUp();
    if (!userType) return t.skip('no user type of this backend takes documents');
    if (config.uploads.minFiles < 1) return t.skip('this backend takes registrations without documents');
    const { reply, email, browser } = await attempt('too-few', others(config.uploads.minFiles - 1));
    assert.equal(reply.status, 400, reply.text);
    assert.equal(reply.code, 'validation_failed');
    assert.equal(reply.error?.fields?.[DOCUMENTS_FIELD], 'too_few_files');
    await assertNothingStored(browser, email);
  });

  test('a registration body that is not multipart is refused with 415', async () => {
    await setUp();
    const browser = newBrowser();
    const reply = await browser.request('POST', API_PATHS.registration, { json: { email: uniqueEmail('json-registration') } });
    assert.equal(reply.status, 415, reply.text);
    assert.equal(reply.code, 'unsupported_media_type');
  });
});
