/**
 * Registration test data made in code — small valid PDF, JPEG and PNG
 * files, multipart bodies, field sets that pass the shared rules — and the
 * development operations a registration test walks through (outbox,
 * reviewer).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import {
  API_PATHS,
  DEV_TOKEN_HEADER,
  REVIEWER_TOKEN_HEADER,
  apiPath,
  type DevRegistration,
  type OutboxKind,
  type OutboxMessage,
} from '@egov/auth-widgets/contract';
import { checkForeignerNumber } from '@egov/auth-widgets/rules';
import { crc32 } from './document-builders.ts';
import { Browser, DEV_TOKEN, REVIEWER_TOKEN, request, type Reply, type TestServer } from './helpers.ts';

// ---------------------------------------------------------------- files

/**
 * A real one-page PDF of `size` bytes (at least ~600): header, `body`
 * right after it, a comment as padding, then catalog, page tree, a page
 * with a line of text, a cross-reference table with correct offsets and a
 * trailer. The whole-file check parses it, so it must be a document.
 */
export function pdf(size = 400, body = ''): Buffer {
  const build = (padding: number): string => {
    let text = `%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n${body}${padding > 0 ? `%${'P'.repeat(padding)}\n` : ''}`;
    const content = 'BT /F1 12 Tf 72 720 Td (Test document) Tj ET';
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ];
    const offsets: number[] = [];
    objects.forEach((object, index) => {
      offsets.push(text.length);
      text += `${index + 1} 0 obj\n${object}\nendobj\n`;
    });
    const xref = text.length;
    text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    return `${text}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  };
  // A padding comment of n characters adds n + 2 bytes ("%" and the line end), and the digits of the
  // startxref offset may grow with it: adjust until the size is exact.
  let text = build(0);
  let padding = size - text.length - 2;
  for (let attempt = 0; attempt < 5 && padding > 0 && text.length !== size; attempt += 1) {
    text = build(padding);
    padding += size - text.length;
  }
  // Where the offset's digit count flips back and forth, line ends after %%EOF make up the last byte.
  if (text.length > size && padding > 1) text = build(padding - 1);
  return Buffer.from(text.padEnd(size, '\n'), 'latin1');
}

/** A 16×16 grey baseline JPEG (made once by sharp), without its SOI. */
const JPEG_BODY = Buffer.from(
  '/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAQABADASIAAhEBAxEB/8QAFAABAAAAAAAAAAAAAAAAAAAAAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/xAAUAQEAAAAAAAAAAAAAAAAAAAAA/8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAwDAQACEQMRAD8AAA//2Q==',
  'base64',
).subarray(2);

/** A JPEG segment: marker, length, payload. */
function jpegSegment(marker: number, payload: Buffer): Buffer {
  const header = Buffer.from([0xff, marker, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

/**
 * A real (decodable) JPEG of `size` bytes (at least ~300): SOI, a JFIF
 * APP0 segment, `comment` in a COM segment, comment segments of filler,
 * then a 16×16 grey image.
 */
export function jpeg(size = 600, comment?: string): Buffer {
  const parts = [Buffer.from([0xff, 0xd8]), jpegSegment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'))];
  if (comment !== undefined) parts.push(jpegSegment(0xfe, Buffer.from(comment, 'latin1')));
  let missing = size - Buffer.concat(parts).length - JPEG_BODY.length;
  while (missing >= 4) {
    const payload = Math.min(missing - 4, 65533);
    parts.push(jpegSegment(0xfe, Buffer.alloc(payload, 0x5a)));
    missing -= payload + 4;
  }
  return Buffer.concat([...parts, JPEG_BODY]);
}

/** A valid 2×2 grey PNG. */
export function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header[8] = 8;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 0x80, 0x80, 0, 0x80, 0x80]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- multipart

export interface FilePart {
  /** Part name; default `documents`. */
  field?: string;
  filename?: string;
  contentType?: string;
  content: Buffer;
}

/** A multipart/form-data body: text parts in order, then the files. */
export function multipart(
  fields: Record<string, string> | [string, string][],
  files: FilePart[] = [],
  boundary = `----egov-test-${randomBytes(8).toString('hex')}`,
): { body: Buffer; contentType: string } {
  const chunks: Buffer[] = [];
  for (const [name, value] of Array.isArray(fields) ? fields : Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`, 'utf8'));
  }
  for (const file of files) {
    const filename = file.filename === undefined ? '' : `; filename="${file.filename}"`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'documents'}"${filename}\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
        'utf8',
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export const passportPdf = (): FilePart => ({ filename: 'passport.pdf', contentType: 'application/pdf', content: pdf() });
export const photoJpeg = (): FilePart => ({ filename: 'page-2.jpg', contentType: 'image/jpeg', content: jpeg() });

// ---------------------------------------------------------------- fields

/** A foreigner's registration number (17 May 1990) with a right control digit. */
export const FOREIGNER_NUMBER = (() => {
  for (let serial = 100; serial < 1000; serial += 1) {
    for (let control = 0; control <= 9; control += 1) {
      const candidate = `1705990${String(serial).padStart(5, '0')}${control}`;
      if (checkForeignerNumber(candidate) === undefined) return candidate;
    }
  }
  throw new Error('no foreigner number');
})();

/** A long lowercase passphrase without names, e-mail or site words (passes the default policy). */
export function passphrase(): string {
  return `violet harbor ${randomBytes(4).toString('hex')} quartz meadow`;
}

let counter = 0;
/** A fresh address: `<label>-<n>-<random>@example.test`. */
export function uniqueEmail(label = 'user'): string {
  counter += 1;
  return `${label}-${counter}-${randomBytes(3).toString('hex')}@example.test`;
}

/** Every field of a valid foreign citizen's registration. */
export function foreignFields(email: string, password: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    userType: 'foreign_citizen',
    email,
    password,
    givenName: 'Mileva',
    surname: 'Probna',
    dateOfBirth: '1990-05-17',
    sex: 'F',
    citizenship: 'DE',
    documentNumber: 'C4X9T2K71',
    foreignerNumber: FOREIGNER_NUMBER,
    addressInSerbia: 'Bulevar kralja Aleksandra 73, Beograd',
    phone: '+381 11 333 4444',
    consent: 'true',
    ...overrides,
  };
}

/** A citizen of Serbia: no documents. */
export function serbianFields(email: string, password: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    userType: 'serbian_citizen',
    email,
    password,
    givenName: 'Петар',
    surname: 'Петровић',
    dateOfBirth: '1985-03-02',
    documentNumber: '009876543',
    consent: 'true',
    ...overrides,
  };
}

/** Removes keys from a field set. */
export function without(fields: Record<string, string>, ...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !names.includes(name)));
}

// ---------------------------------------------------------------- operations

export function register(browser: Browser, fields: Record<string, string> | [string, string][], files: FilePart[] = [], headers: Record<string, string> = {}): Promise<Reply> {
  return browser.postMultipart(API_PATHS.registration, multipart(fields, files), headers);
}

/** The outbox (development operation), newest last. */
export async function outbox(server: TestServer, to?: string): Promise<OutboxMessage[]> {
  const query = to === undefined ? '' : `?to=${encodeURIComponent(to)}`;
  const reply = await request(`${server.api}${API_PATHS.devOutbox}${query}`, { headers: { [DEV_TOKEN_HEADER]: DEV_TOKEN } });
  if (reply.status !== 200) throw new Error(`outbox: ${reply.status} ${reply.text}`);
  return (reply.json as unknown as { messages: OutboxMessage[] }).messages;
}

/** The newest message of a kind to an address; throws when there is none. */
export async function latest(server: TestServer, to: string, kind: OutboxKind): Promise<OutboxMessage> {
  const message = (await outbox(server, to)).filter((m) => m.kind === kind).at(-1);
  if (!message) throw new Error(`no ${kind} e-mail to ${to}`);
  return message;
}

export function tokenOf(message: OutboxMessage): string {
  const token = new URL(message.link!).searchParams.get('token');
  if (!token) throw new Error('no token in the link');
  return token;
}

export const reviewerHeaders = (token = REVIEWER_TOKEN): Record<string, string> => ({ [DEV_TOKEN_HEADER]: DEV_TOKEN, [REVIEWER_TOKEN_HEADER]: token });

export async function registrations(server: TestServer, state?: string): Promise<DevRegistration[]> {
  const reply = await request(`${server.api}${API_PATHS.devRegistrations}${state ? `?state=${state}` : ''}`, { headers: reviewerHeaders() });
  if (reply.status !== 200) throw new Error(`registrations: ${reply.status} ${reply.text}`);
  return (reply.json as unknown as { registrations: DevRegistration[] }).registrations;
}

export async function registrationOf(server: TestServer, email: string): Promise<DevRegistration> {
  const found = (await registrations(server)).find((registration) => registration.email === email);
  if (!found) throw new Error(`no registration for ${email}`);
  return found;
}

export function approve(browser: Browser, id: string): Promise<Reply> {
  return browser.post(apiPath(API_PATHS.devApproveRegistration, { id }), {}, { headers: reviewerHeaders() });
}

export function reject(browser: Browser, id: string, reason: string): Promise<Reply> {
  return browser.post(apiPath(API_PATHS.devRejectRegistration, { id }), { reason }, { headers: reviewerHeaders() });
}

export function confirm(browser: Browser, token: string): Promise<Reply> {
  return browser.post(API_PATHS.confirmEmail, { token });
}

/** Registers a foreign citizen with two documents and confirms the e-mail; the account is pending review. */
export async function pendingAccount(server: TestServer, browser: Browser, label: string): Promise<{ email: string; password: string }> {
  const email = uniqueEmail(label);
  const password = passphrase();
  const reply = await register(browser, foreignFields(email, password), [passportPdf(), photoJpeg()]);
  if (reply.status !== 202) throw new Error(`registration: ${reply.status} ${reply.text}`);
  const confirmed = await confirm(browser, tokenOf(await latest(server, email, 'confirm_email')));
  if (confirmed.status !== 200) throw new Error(`confirmation: ${confirmed.status} ${confirmed.text}`);
  return { email, password };
}

/** Uploaded files on disk. */
export function uploadedFiles(server: TestServer): string[] {
  const dir = join(server.dataDir, 'uploads');
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** What a refused request must not change: rows, files and e-mails. */
export async function footprint(server: TestServer): Promise<{ accounts: number; registrations: number; documents: number; tokens: number; files: number; messages: number }> {
  const store = await server.mock.store();
  return {
    accounts: await store.count('accounts'),
    registrations: await store.count('registrations'),
    documents: await store.count('documents'),
    tokens: await store.count('tokens'),
    files: uploadedFiles(server).length,
    messages: await (await server.mock.outbox()).count(),
  };
}
