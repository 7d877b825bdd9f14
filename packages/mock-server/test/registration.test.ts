import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { API_PATHS, apiPath, type PublicConfig } from '@egov/auth-widgets/contract';
import { Browser, errorCode, request, startServer, type TestServer } from './helpers.ts';
import {
  approve,
  confirm,
  footprint,
  foreignFields,
  latest,
  outbox,
  passphrase,
  passportPdf,
  pdf,
  photoJpeg,
  register,
  registrationOf,
  registrations,
  reject,
  reviewerHeaders,
  serbianFields,
  tokenOf,
  uniqueEmail,
  uploadedFiles,
  without,
} from './fixtures.ts';

let server: TestServer;
let browser: Browser;

before(async () => {
  server = await startServer();
  browser = new Browser(server.api);
});
after(() => server.cleanup());

describe('GET /config', () => {
  test('publishes the default policy: password 15–128, two 3 MB documents, the portal user types', async () => {
    const reply = await request(`${server.api}${API_PATHS.config}`);
    assert.equal(reply.status, 200);
    const config = reply.json as unknown as PublicConfig;
    assert.deepEqual(config.passwordPolicy, { minLength: 15, maxLength: 128 });
    assert.deepEqual(config.uploads, { minFiles: 1, maxFiles: 3, maxFileBytes: 3 * 1024 * 1024, acceptedTypes: ['application/pdf', 'image/png', 'image/jpeg'] });
    // With development operations on, the test PKI is trusted: certificate login is offered first.
    assert.deepEqual(config.loginModes, ['certificate', 'password']);
    assert.equal(config.certificateRegistrationReview, false);
    const foreign = config.userTypes.find((type) => type.id === 'foreign_citizen')!;
    assert.equal(foreign.default, true);
    assert.equal(foreign.documents, true);
    assert.equal(foreign.label['sr-Cyrl'], 'Страни држављанин');
    const required = foreign.fields.filter((f) => f.required).map((f) => f.name);
    assert.deepEqual(required, ['givenName', 'surname', 'dateOfBirth', 'sex', 'citizenship', 'documentNumber', 'foreignerNumber']);
    assert.deepEqual(foreign.fields.filter((f) => !f.required).map((f) => f.name), ['addressInSerbia', 'phone']);
    const serbian = config.userTypes.find((type) => type.id === 'serbian_citizen')!;
    assert.equal(serbian.documents, false);
    assert.equal(serbian.label['sr-Cyrl'], 'Држављанин Републике Србије');
  });
});

describe('registration with documents, confirmation and review', () => {
  test('PDF + JPEG → confirmation e-mail → pending review → approved → login', async () => {
    const email = uniqueEmail('happy');
    const password = passphrase();
    const reply = await register(browser, foreignFields(email, password), [passportPdf(), photoJpeg()]);
    assert.equal(reply.status, 202, reply.text);
    assert.deepEqual(reply.json, { status: 'confirmation_sent', email });

    const registration = await registrationOf(server, email);
    assert.equal(registration.state, 'unconfirmed');
    assert.equal(registration.userType, 'foreign_citizen');
    assert.equal(registration.noForeignerNumber, false);
    assert.equal(registration.fields.givenName, 'Mileva');
    assert.deepEqual(
      registration.documents.map((d) => [d.name, d.type]),
      [
        ['passport.pdf', 'application/pdf'],
        ['page-2.jpg', 'image/jpeg'],
      ],
    );
    assert.match(registration.id, /^[A-Za-z0-9_-]{22}$/, 'a random id, not a counter');
    assert.equal((await browser.login(email, password)).json.error.code, 'email_not_confirmed');

    const message = await latest(server, email, 'confirm_email');
    assert.equal(message.locale, 'en');
    assert.match(message.text, /Junk\/Spam/);
    assert.match(message.text, /authorized person checks/);
    assert.match(message.text, /within 24 hours/);
    assert.ok(message.text.includes(message.link!), 'the link is in the text');

    const confirmed = await confirm(browser, tokenOf(message));
    assert.equal(confirmed.status, 200, confirmed.text);
    assert.deepEqual(confirmed.json, { result: 'confirmed', accountState: 'pending_review' });
    const pendingLogin = await browser.login(email, password);
    assert.equal(pendingLogin.status, 403);
    assert.equal(errorCode(pendingLogin), 'pending_review');
    assert.ok((await registrations(server, 'pending_review')).some((r) => r.email === email));

    const approved = await approve(browser, registration.id);
    assert.equal(approved.status, 200, approved.text);
    assert.equal(approved.json.state, 'active');
    assert.match((await latest(server, email, 'account_approved')).text, /now active/);
    const login = await browser.login(email, password);
    assert.equal(login.status, 200, login.text);
    assert.equal(login.json.user.email, email);

    assert.equal((await approve(browser, registration.id)).json.error.code, 'conflict', 'approving twice is a conflict');
  });

  test('"I don\'t have the foreigner\'s number" registers without it', async () => {
    const email = uniqueEmail('nonumber');
    const fields = without(foreignFields(email, passphrase(), { noForeignerNumber: 'true' }), 'foreignerNumber');
    const reply = await register(browser, fields, [passportPdf()]);
    assert.equal(reply.status, 202, reply.text);
    const registration = await registrationOf(server, email);
    assert.equal(registration.noForeignerNumber, true);
    assert.equal(registration.fields.foreignerNumber, undefined);
    // Without the box ticked the number is required.
    const missing = await register(browser, without(foreignFields(uniqueEmail('nonumber'), passphrase()), 'foreignerNumber'), [passportPdf()]);
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.json.error.fields, { foreignerNumber: 'required' });
  });

  test('a rejected registration: reason in the e-mail and after the right password', async () => {
    const email = uniqueEmail('rejected');
    const password = passphrase();
    assert.equal((await register(browser, foreignFields(email, password), [passportPdf()])).status, 202);
    assert.equal((await confirm(browser, tokenOf(await latest(server, email, 'confirm_email')))).status, 200);
    const { id } = await registrationOf(server, email);
    const reason = 'The scan is not legible.\nPlease register again with a clearer copy.';
    const rejected = await reject(browser, id, reason);
    assert.equal(rejected.status, 200, rejected.text);
    assert.equal(rejected.json.state, 'rejected');
    const message = await latest(server, email, 'account_rejected');
    assert.ok(message.text.includes(reason), 'the reason is in the e-mail');
    const login = await browser.login(email, password);
    assert.equal(login.status, 403);
    assert.deepEqual(login.json, { error: { code: 'account_rejected', reason } });
    // A reason is required and at most 1000 characters.
    assert.equal((await reject(browser, id, '   ')).json.error.fields.reason, 'required');
    assert.equal((await reject(browser, id, 'x'.repeat(1001))).json.error.fields.reason, 'too_long');
    assert.equal((await reject(browser, id, 'again')).status, 409);
  });

  test('a citizen of Serbia uploads nothing and is active once the e-mail is confirmed', async () => {
    const email = uniqueEmail('citizen');
    const password = passphrase();
    assert.equal((await register(browser, serbianFields(email, password))).status, 202);
    const message = await latest(server, email, 'confirm_email');
    assert.doesNotMatch(message.text, /authorized person/);
    const confirmed = await confirm(browser, tokenOf(message));
    assert.deepEqual(confirmed.json, { result: 'confirmed', accountState: 'active' });
    assert.equal((await browser.login(email, password)).status, 200);
    // Documents for a type that takes none, or a field it does not ask for, are refused.
    const extra = await register(browser, serbianFields(uniqueEmail('citizen'), passphrase(), { citizenship: 'RS' }), [passportPdf()]);
    assert.equal(extra.status, 400);
    assert.deepEqual(extra.json.error.fields, { citizenship: 'unknown_field', documents: 'unknown_field' });
  });

  test('an existing e-mail gets the identical 202, the owner a notice, and nothing else is stored', async () => {
    const email = uniqueEmail('taken');
    const first = await register(browser, foreignFields(email, passphrase()), [passportPdf()]);
    const before = await footprint(server);
    const again = await register(browser, foreignFields(` ${email.toUpperCase()} `, passphrase(), { givenName: 'Someone' }), [passportPdf(), photoJpeg()]);
    assert.equal(again.status, first.status);
    assert.deepEqual(again.json, first.json);
    assert.deepEqual(Object.keys(again.headers).sort(), Object.keys(first.headers).sort());
    const after = await footprint(server);
    assert.deepEqual({ ...after, messages: after.messages - 1 }, before, 'no account, registration, document, token or file; one e-mail');
    const notice = await latest(server, email, 'already_registered');
    assert.equal(notice.link, undefined);
    assert.match(notice.text, /already have a user account/);
    assert.equal((await registrations(server)).filter((r) => r.email === email).length, 1);
  });

  test('e-mails go out in the locale the site sent, else Accept-Language; Serbian Latin is derived from Cyrillic', async () => {
    const cyrillic = uniqueEmail('cyr');
    await register(browser, foreignFields(cyrillic, passphrase(), { locale: 'sr-Cyrl' }), [passportPdf()]);
    const cyr = await latest(server, cyrillic, 'confirm_email');
    assert.equal(cyr.locale, 'sr-Cyrl');
    assert.equal(cyr.subject, 'Потврдите регистрацију');
    assert.match(cyr.text, /Junk\/Spam/);
    assert.match(cyr.text, /овлашћено лице проверава/);
    assert.match(cyr.text, /у року од 24 часа/);

    const latin = uniqueEmail('lat');
    await register(browser, foreignFields(latin, passphrase()), [passportPdf()], { 'Accept-Language': 'de;q=0.9, sr-Latn-RS;q=0.8' });
    const lat = await latest(server, latin, 'confirm_email');
    assert.equal(lat.locale, 'sr-Latn');
    assert.equal(lat.subject, 'Potvrdite registraciju');
    assert.match(lat.text, /ovlašćeno lice proverava/);
    assert.ok(lat.text.includes(lat.link!), 'the link is not transliterated');
    assert.doesNotMatch(lat.text, /[\u0400-\u04ff]/, 'no Cyrillic left');
  });

  test('text fields are stored and returned as data only; "<script>" changes nothing', async () => {
    const email = uniqueEmail('markup');
    const markup = '<script>alert(1)</script>';
    const reply = await register(browser, foreignFields(email, passphrase(), { givenName: `Ana ${markup}`, surname: `"><img src=x onerror=alert(1)>`, addressInSerbia: markup }), [
      { filename: '<img src=x onerror=alert(1)>.pdf', contentType: 'application/pdf', content: pdf() },
    ]);
    assert.equal(reply.status, 202, reply.text);
    const list = await request(`${server.api}${API_PATHS.devRegistrations}`, { headers: reviewerHeaders() });
    assert.match(String(list.headers['content-type']), /^application\/json/);
    assert.equal(list.headers['x-content-type-options'], 'nosniff');
    const registration = (await registrations(server)).find((r) => r.email === email)!;
    assert.equal(registration.fields.givenName, `Ana ${markup}`);
    assert.equal(registration.fields.addressInSerbia, markup);
    assert.equal(registration.documents[0]!.name, '<img src=x onerror=alert(1)>.pdf', 'a display name, never a path');
    assert.ok(uploadedFiles(server).every((name) => /^[0-9a-f]{32}$/.test(name)));
  });

  test('the reviewer downloads a document as an attachment of its sniffed type', async () => {
    const email = uniqueEmail('download');
    const content = pdf(900);
    await register(browser, foreignFields(email, passphrase()), [{ filename: 'scan «1».jpg', contentType: 'image/jpeg', content }]);
    const { id, documents } = await registrationOf(server, email);
    const url = `${server.api}${apiPath(API_PATHS.devRegistrationDocument, { id, documentId: documents[0]!.id })}`;
    const reply = await request(url, { headers: reviewerHeaders() });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers['content-type'], 'application/pdf', 'the type by content, not the declared image/jpeg');
    assert.equal(reply.headers['content-disposition'], `attachment; filename="document-${documents[0]!.id}.pdf"; filename*=UTF-8''scan%20%C2%AB1%C2%BB.jpg`);
    assert.equal(reply.headers['x-content-type-options'], 'nosniff');
    assert.equal(reply.text, content.toString('utf8'));
    // Another registration's id with this document id is not found.
    const other = (await registrations(server)).find((r) => r.id !== id)!;
    const crossed = await request(`${server.api}${apiPath(API_PATHS.devRegistrationDocument, { id: other.id, documentId: documents[0]!.id })}`, { headers: reviewerHeaders() });
    assert.equal(crossed.status, 404);
  });

  test('the outbox lists every message newest last, and filters by recipient', async () => {
    const all = await outbox(server);
    assert.ok(all.length >= 5);
    const sentAt = all.map((m) => Date.parse(m.sentAt));
    assert.deepEqual(sentAt, [...sentAt].sort((a, b) => a - b));
    const email = all[0]!.to;
    assert.ok((await outbox(server, email.toUpperCase())).every((m) => m.to === email));
  });
});
