/**
 * Test data made in code: minimal valid PDF and PNG files, unique e-mails,
 * registration fields that satisfy the backend's published configuration,
 * and the whole path from registration to an active account through the
 * development operations (outbox, reviewer).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import {
  API_PATHS,
  DOCUMENTS_FIELD,
  type ConfirmEmailResponse,
  type PublicConfig,
  type RegistrationFieldName,
  type RegistrationFields,
  type UserType,
} from '@egov/auth-widgets/contract';
import { checkForeignerNumber } from '@egov/auth-widgets/rules';
import { Browser, tokenFromLink, type Reply } from './client.ts';
import { settingsFromEnv, type ConformanceSettings } from './settings.ts';

export const settings: ConformanceSettings = settingsFromEnv();

/** Differs on every run, so the suite can run again and again against one backend. */
export const RUN_ID = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

let emailCount = 0;

/** A fresh address nobody registered: `conformance-<run>-<label>-<n>@example.test`. */
export function uniqueEmail(label: string): string {
  emailCount += 1;
  return `conformance-${RUN_ID}-${label}-${emailCount}@example.test`;
}

/** A long random passphrase without the e-mail, the names below or site words. */
export function newPassword(): string {
  const hex = randomBytes(6).toString('hex');
  return `violet harbor ${hex} quartz meadow`;
}

export function newBrowser(name?: string): Browser {
  return new Browser(settings, name);
}

// ---------------------------------------------------------------- files

/**
 * A one-page PDF with a correct cross-reference table; `padding` bytes of
 * comment after the header line make it as large as a test needs.
 */
export function minimalPdf(padding = 0): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let pdf = `%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n${padding > 0 ? `%${'A'.repeat(padding)}\n` : ''}`;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // latin1: one byte per character, so string offsets are byte offsets.
  return Uint8Array.from(pdf, (char) => char.charCodeAt(0));
}

/** A valid PDF of exactly `size` bytes. */
export function pdfOfSize(size: number): Uint8Array {
  let padding = Math.max(1, size - minimalPdf().length - 2);
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const pdf = minimalPdf(padding);
    if (pdf.length === size) return pdf;
    padding += size - pdf.length;
    assert.ok(padding > 0, `no PDF of ${size} bytes`);
  }
  throw new Error(`could not build a PDF of ${size} bytes`);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A valid PNG of `width` × `height` grey pixels. */
export function minimalPng(width = 2, height = 2): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let row = 0; row < height; row += 1) rows[row * (width + 1)] = 0; // filter: none
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', new Uint8Array()),
  ]);
}

/** An HTML page: what a `.jpg` name must not smuggle in. */
export function htmlPage(): Uint8Array {
  return new TextEncoder().encode('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>\n');
}

export interface Upload {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export const passportPage = (): Upload => ({ name: 'passport-photo-page.pdf', type: 'application/pdf', bytes: minimalPdf() });
export const residencePermit = (): Upload => ({ name: 'residence-permit.png', type: 'image/png', bytes: minimalPng() });

// ---------------------------------------------------------------- configuration and fields

let configPromise: Promise<PublicConfig> | null = null;

export function publicConfig(): Promise<PublicConfig> {
  configPromise ??= (async () => {
    const reply = await newBrowser('config reader').get(API_PATHS.config);
    assert.equal(reply.status, 200, 'GET /config answers 200');
    return reply.body as PublicConfig;
  })();
  return configPromise;
}

/** The user type a registration with documents uses: the default one if it takes documents, else the first that does. */
export async function userTypeWithDocuments(): Promise<UserType | undefined> {
  const config = await publicConfig();
  return [...config.userTypes].sort((a, b) => Number(Boolean(b.default)) - Number(Boolean(a.default))).find((type) => type.documents);
}

/** A foreigner's registration number for 17 May 1990 with a right control digit. */
export function foreignerNumber(): string {
  for (let serial = 100; serial < 1000; serial += 1) {
    const first12 = `1705990${String(serial).padStart(5, '0')}`;
    for (let control = 0; control <= 9; control += 1) {
      const candidate = `${first12}${control}`;
      if (checkForeignerNumber(candidate) === undefined) return candidate;
    }
  }
  throw new Error('no valid foreigner number found');
}

const FIELD_VALUES: Record<RegistrationFieldName, () => string> = {
  givenName: () => 'Mileva',
  surname: () => 'Probna',
  dateOfBirth: () => '1990-05-17',
  sex: () => 'F',
  citizenship: () => 'DE',
  documentNumber: () => 'C4X9T2K71',
  foreignerNumber,
  addressInSerbia: () => 'Bulevar kralja Aleksandra 73, Beograd',
  phone: () => '+381 11 333 4444',
};

/** Every text part of a valid registration for the user type (all its fields filled). */
export function registrationFields(userType: UserType, email: string, password: string): RegistrationFields {
  const fields: RegistrationFields = { userType: userType.id, email, password, consent: 'true', locale: 'en' };
  for (const { name } of userType.fields) (fields as unknown as Record<string, string>)[name] = FIELD_VALUES[name]();
  return fields;
}

export function registrationForm(fields: RegistrationFields | Record<string, string>, uploads: readonly Upload[]): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.append(name, String(value));
  for (const upload of uploads) form.append(DOCUMENTS_FIELD, new Blob([upload.bytes], { type: upload.type }), upload.name);
  return form;
}

/** The documents a happy registration sends: two (a PDF and a PNG), within the backend's limits. */
export async function happyUploads(userType: UserType): Promise<Upload[]> {
  if (!userType.documents) return [];
  const { uploads } = await publicConfig();
  const count = Math.max(uploads.minFiles, Math.min(2, uploads.maxFiles));
  const files = [passportPage(), residencePermit()].filter((file) => uploads.acceptedTypes.includes(file.type as never));
  assert.ok(files.length > 0, 'the backend accepts PDF or PNG documents');
  return Array.from({ length: count }, (_, index) => files[index % files.length]!);
}

export interface Registered {
  email: string;
  password: string;
  userType: UserType;
  reply: Reply;
}

/** Registers a new account (with documents when the type takes them); asserts the 202. */
export async function register(browser: Browser, label: string, options: { userType?: UserType; email?: string } = {}): Promise<Registered> {
  const userType = options.userType ?? (await userTypeWithDocuments()) ?? (await publicConfig()).userTypes[0]!;
  const email = options.email ?? uniqueEmail(label);
  const password = newPassword();
  const form = registrationForm(registrationFields(userType, email, password), await happyUploads(userType));
  const reply = await browser.request('POST', API_PATHS.registration, { form });
  assert.equal(reply.status, 202, `registration answers 202: ${reply.text}`);
  return { email, password, userType, reply };
}

/** Confirms the e-mail with the newest confirmation link in the outbox. */
export async function confirm(browser: Browser, email: string): Promise<ConfirmEmailResponse> {
  const message = await browser.waitForMessage(email, 'confirm_email');
  const reply = await browser.post(API_PATHS.confirmEmail, { token: tokenFromLink(message.link) });
  assert.equal(reply.status, 200, `confirmation answers 200: ${reply.text}`);
  return reply.body as ConfirmEmailResponse;
}

/** Approves the pending registration of an e-mail as the reviewer. */
export async function approve(browser: Browser, email: string): Promise<void> {
  const pending = (await browser.registrations('pending_review')).filter((registration) => registration.email === email);
  assert.equal(pending.length, 1, `one pending registration for ${email}`);
  const reply = await browser.post(API_PATHS.devApproveRegistration, {}, { params: { id: pending[0]!.id }, dev: 'reviewer' });
  assert.equal(reply.status, 200, `approval answers 200: ${reply.text}`);
}

/** Registration → confirmation → (review) → an active account that can log in. */
export async function activeAccount(label: string): Promise<{ email: string; password: string }> {
  const browser = newBrowser(`${label} setup`);
  const { email, password } = await register(browser, label);
  const confirmed = await confirm(browser, email);
  if (confirmed.accountState === 'pending_review') await approve(browser, email);
  else assert.equal(confirmed.accountState, 'active');
  return { email, password };
}
