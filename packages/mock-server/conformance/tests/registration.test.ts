/** Registration, e-mail confirmation, review, and the answers that must not tell who is registered (SECURITY.md 10, 12). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { API_PATHS, type ConfirmEmailResponse, type DevRegistration, type RegistrationAccepted } from '@egov/auth-widgets/contract';
import { tokenFromLink } from '../client.ts';
import {
  approve,
  confirm,
  newBrowser,
  newPassword,
  publicConfig,
  register,
  registrationFields,
  registrationForm,
  happyUploads,
  uniqueEmail,
  userTypeWithDocuments,
} from '../fixtures.ts';

describe('registration', { timeout: 180_000 }, () => {
  test('register with two documents → confirm by e-mail → pending review → approved → login', async (t) => {
    const userType = await userTypeWithDocuments();
    if (!userType) {
      t.skip('no user type of this backend takes documents');
      return;
    }
    const browser = newBrowser();
    const { email, password, reply } = await register(browser, 'happy', { userType });
    assert.deepEqual(reply.body as RegistrationAccepted, { status: 'confirmation_sent', email });

    // Before confirmation: the right password tells the state, a wrong one does not.
    const unconfirmed = await newBrowser().login(email, password);
    assert.equal(unconfirmed.status, 403);
    assert.equal(unconfirmed.code, 'email_not_confirmed');
    const wrongBefore = await newBrowser().login(email, newPassword());
    assert.equal(wrongBefore.status, 401);
    assert.equal(wrongBefore.code, 'invalid_credentials');

    const message = await browser.waitForMessage(email, 'confirm_email');
    assert.equal(message.to, email);
    assert.ok(message.link, 'the confirmation e-mail has a link');
    assert.ok(!message.text.includes(password), 'the e-mail does not contain the password');

    const confirmed = await browser.post(API_PATHS.confirmEmail, { token: tokenFromLink(message.link) });
    assert.equal(confirmed.status, 200, confirmed.text);
    assert.deepEqual(confirmed.body as ConfirmEmailResponse, { result: 'confirmed', accountState: 'pending_review' });

    const pending = await newBrowser().login(email, password);
    assert.equal(pending.status, 403);
    assert.equal(pending.code, 'pending_review');
    const wrongPending = await newBrowser().login(email, newPassword());
    assert.equal(wrongPending.status, 401, 'a wrong password does not tell the state');
    assert.equal(wrongPending.code, 'invalid_credentials');

    // The reviewer sees the registration with its fields and both documents.
    const listed = (await browser.registrations('pending_review')).find((registration) => registration.email === email) as DevRegistration;
    assert.ok(listed, 'the registration is listed for review');
    assert.equal(listed.state, 'pending_review');
    assert.equal(listed.userType, userType.id);
    assert.equal(listed.documents.length, 2);
    assert.deepEqual(listed.documents.map((document) => document.type).sort(), ['application/pdf', 'image/png']);
    const document = listed.documents.find((entry) => entry.type === 'application/pdf')!;
    const download = await browser.get(API_PATHS.devRegistrationDocument, { params: { id: listed.id, documentId: document.id }, dev: 'reviewer' });
    assert.equal(download.status, 200);
    assert.match(download.headers.get('content-disposition') ?? '', /^attachment/i, 'served as an attachment');
    assert.equal(download.headers.get('content-type')?.split(';')[0], 'application/pdf');
    assert.ok(download.text.startsWith('%PDF-'), 'the stored bytes are the uploaded PDF');

    await approve(browser, email);
    const approvedMail = await browser.waitForMessage(email, 'account_approved');
    assert.equal(approvedMail.to, email);

    const login = await newBrowser().login(email, password);
    assert.equal(login.status, 200, login.text);
  });

  test('a rejected registration tells the reason after the right password', async (t) => {
    const userType = await userTypeWithDocuments();
    if (!userType) {
      t.skip('no user type of this backend takes documents');
      return;
    }
    const browser = newBrowser();
    const { email, password } = await register(browser, 'rejected', { userType });
    const confirmed = await confirm(browser, email);
    assert.equal(confirmed.accountState, 'pending_review');
    const [registration] = (await browser.registrations('pending_review')).filter((entry) => entry.email === email);
    assert.ok(registration);
    const reason = 'The scan of the passport page is not legible <b>please</b> retry.';
    const reject = await browser.post(API_PATHS.devRejectRegistration, { reason }, { params: { id: registration.id }, dev: 'reviewer' });
    assert.equal(reject.status, 200, reject.text);
    await browser.waitForMessage(email, 'account_rejected');
    const login = await newBrowser().login(email, password);
    assert.equal(login.status, 403);
    assert.equal(login.code, 'account_rejected');
    assert.equal(login.error?.reason, reason, 'the reason comes back as the same plain text');
    const wrong = await newBrowser().login(email, newPassword());
    assert.equal(wrong.code, 'invalid_credentials');
  });

  test('an existing e-mail gets the identical 202, an "already registered" notice, and no second account', async () => {
    const browser = newBrowser();
    const first = await register(browser, 'existing');
    await browser.waitForMessage(first.email, 'confirm_email');
    const again = await register(newBrowser(), 'existing', { email: first.email });
    assert.equal(again.reply.status, first.reply.status);
    assert.equal(again.reply.text, first.reply.text, 'same body, byte for byte');
    await browser.waitForMessage(first.email, 'already_registered');
    const confirmations = (await browser.outbox(first.email)).filter((message) => message.kind === 'confirm_email');
    assert.equal(confirmations.length, 1, 'no second confirmation e-mail');
    const registrations = (await browser.registrations()).filter((registration) => registration.email === first.email);
    assert.equal(registrations.length, 1, 'one registration for the e-mail');
    // The first password still belongs to the account; the second one does not.
    const login = await newBrowser().login(first.email, again.password);
    assert.equal(login.code, 'invalid_credentials');
  });

  test('the same e-mail in other case and with spaces is the same account', async () => {
    const browser = newBrowser();
    const first = await register(browser, 'case');
    await browser.waitForMessage(first.email, 'confirm_email');
    const userType = first.userType;
    const variant = ` ${first.email.toUpperCase()} `;
    const reply = await browser.request('POST', API_PATHS.registration, {
      form: registrationForm(registrationFields(userType, variant, newPassword()), await happyUploads(userType)),
    });
    assert.equal(reply.status, 202, reply.text);
    await browser.waitForMessage(first.email, 'already_registered');
    assert.equal((await browser.registrations()).filter((registration) => registration.email === first.email).length, 1);
  });

  test('resending the confirmation answers the same for any e-mail; a newer link replaces the older', async () => {
    const browser = newBrowser();
    const { email } = await register(browser, 'resend');
    const firstLink = (await browser.waitForMessage(email, 'confirm_email')).link;
    const known = await browser.post(API_PATHS.resendConfirmation, { email });
    const unknownEmail = uniqueEmail('resend-unknown');
    const unknown = await browser.post(API_PATHS.resendConfirmation, { email: unknownEmail });
    assert.equal(known.status, 202);
    assert.deepEqual(known.body, { status: 'accepted' });
    assert.equal(unknown.status, known.status);
    assert.equal(unknown.text, known.text, 'same body');
    assert.deepEqual(await browser.outbox(unknownEmail), [], 'no e-mail to an unknown address');
    const second = await browser.waitForMessage(email, 'confirm_email', 1);
    assert.notEqual(tokenFromLink(second.link), tokenFromLink(firstLink), 'a new token');
    const old = await browser.post(API_PATHS.confirmEmail, { token: tokenFromLink(firstLink) });
    assert.equal(old.status, 400);
    assert.equal(old.code, 'token_invalid', 'the older link no longer works');
    const fresh = await browser.post(API_PATHS.confirmEmail, { token: tokenFromLink(second.link) });
    assert.equal(fresh.status, 200, fresh.text);
  });

  test('refused fields are named, and nothing is stored', async () => {
    const config = await publicConfig();
    const userType = (await userTypeWithDocuments()) ?? config.userTypes[0]!;
    const browser = newBrowser();
    const email = uniqueEmail('invalid');
    const fields: Record<string, string> = { ...registrationFields(userType, email, newPassword()) } as Record<string, string>;
    delete fields.consent;
    fields.password = 'password12345678'.padEnd(config.passwordPolicy.minLength, '9');
    fields.nickname = 'not a contract field';
    const reply = await browser.request('POST', API_PATHS.registration, { form: registrationForm(fields, await happyUploads(userType)) });
    assert.equal(reply.status, 400, reply.text);
    assert.equal(reply.code, 'validation_failed');
    const problems = reply.error?.fields ?? {};
    assert.ok(problems.consent === 'required' || problems.consent === 'not_accepted', `consent refused (${problems.consent})`);
    assert.equal(problems.nickname, 'unknown_field');
    assert.ok(problems.password, 'the common password is refused');
    const short = await browser.request('POST', API_PATHS.registration, {
      form: registrationForm({ ...registrationFields(userType, email, 'violet harbor'.slice(0, config.passwordPolicy.minLength - 1)) }, await happyUploads(userType)),
    });
    assert.equal(short.status, 400);
    assert.equal(short.error?.fields?.password, 'too_short');
    const badEmail = await browser.request('POST', API_PATHS.registration, {
      form: registrationForm(registrationFields(userType, 'not-an-email', newPassword()), await happyUploads(userType)),
    });
    assert.equal(badEmail.status, 400);
    assert.equal(badEmail.error?.fields?.email, 'invalid_email');
    assert.deepEqual(await browser.outbox(email), [], 'no e-mail');
    assert.deepEqual((await browser.registrations()).filter((registration) => registration.email === email), [], 'no registration');
  });
});
