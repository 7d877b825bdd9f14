/**
 * Real documents for the upload tests, made in code: PDFs written by hand
 * (exact syntax, correct cross-reference offsets, object streams and
 * cross-reference streams, incremental updates) or by @cantoo/pdf-lib, and
 * images made by sharp. The hostile ones are built the way an attacker
 * would build them; each test says what answer it must get.
 */
import { createDeflate, deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFString, StandardFonts } from '@cantoo/pdf-lib';
import sharp, { type Sharp } from 'sharp';

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

// ---------------------------------------------------------------- PDF by hand

/** An indirect object: its number and what stands between `obj` and `endobj`. */
export interface PdfObject {
  num: number;
  gen?: number;
  body: string | Buffer;
}

/** A stream object's body: the dictionary (without /Length and /Filter), the data, compressed with Flate unless `raw`. */
export function streamBody(dict: string, data: string | Buffer, options: { raw?: boolean; filter?: string } = {}): Buffer {
  const plain = typeof data === 'string' ? latin1(data) : data;
  const encoded = options.raw ? plain : deflateSync(plain);
  const filter = options.raw ? (options.filter ? ` /Filter ${options.filter}` : '') : ' /Filter /FlateDecode';
  return Buffer.concat([latin1(`<< ${dict}${filter} /Length ${encoded.length} >>\nstream\n`), encoded, latin1('\nendstream')]);
}

function objectBytes(object: PdfObject): Buffer {
  const body = typeof object.body === 'string' ? latin1(object.body) : object.body;
  return Buffer.concat([latin1(`${object.num} ${object.gen ?? 0} obj\n`), body, latin1('\nendobj\n')]);
}

const HEADER = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';

/** Appends objects and a classic cross-reference section (and trailer) to `start`; `prev` links to an earlier section. */
function appendClassicSection(start: Buffer, objects: readonly PdfObject[], trailer: string, prev?: number): Buffer {
  const parts: Buffer[] = [start];
  let length = start.length;
  const offsets = new Map<number, { offset: number; gen: number }>();
  for (const object of objects) {
    offsets.set(object.num, { offset: length, gen: object.gen ?? 0 });
    const bytes = objectBytes(object);
    parts.push(bytes);
    length += bytes.length;
  }
  const xrefOffset = length;
  const size = Math.max(0, ...objects.map((o) => o.num)) + 1;
  let xref = 'xref\n';
  if (prev === undefined) {
    xref += `0 ${size}\n`;
    for (let num = 0; num < size; num += 1) {
      const entry = offsets.get(num);
      xref += entry ? `${String(entry.offset).padStart(10, '0')} ${String(entry.gen).padStart(5, '0')} n \n` : '0000000000 65535 f \n';
    }
  } else {
    for (const [num, entry] of [...offsets].sort((a, b) => a[0] - b[0])) {
      xref += `${num} 1\n${String(entry.offset).padStart(10, '0')} ${String(entry.gen).padStart(5, '0')} n \n`;
    }
  }
  const prevEntry = prev === undefined ? '' : ` /Prev ${prev}`;
  xref += `trailer\n<< /Size ${size} ${trailer}${prevEntry} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  parts.push(latin1(xref));
  return Buffer.concat(parts);
}

/** A PDF with a classic cross-reference table. `trailer` holds the trailer's entries besides /Size (default `/Root 1 0 R`). */
export function classicPdf(objects: readonly PdfObject[], options: { trailer?: string; afterHeader?: string } = {}): Buffer {
  return appendClassicSection(latin1(HEADER + (options.afterHeader ?? '')), objects, options.trailer ?? '/Root 1 0 R');
}

/** Adds an incremental update (new or replaced objects and a cross-reference section linked by /Prev) to a PDF. */
export function incrementalUpdate(pdf: Buffer, objects: readonly PdfObject[], trailer = '/Root 1 0 R'): Buffer {
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(pdf.toString('latin1'))?.[1]);
  if (!Number.isFinite(prev)) throw new Error('no startxref');
  return appendClassicSection(pdf, objects, trailer, prev);
}

/**
 * A PDF 1.5 file whose `compressed` objects live in one FlateDecode object
 * stream and whose cross-reference is a FlateDecode stream: no byte of
 * those objects is visible in the file. `objStmDict` replaces the object
 * stream's `/Type /ObjStm` (to hide what it is).
 */
export function objectStreamPdf(
  direct: readonly PdfObject[],
  compressed: readonly { num: number; body: string }[],
  options: { root?: number; objStmType?: string; objStmFilter?: 'flate' | 'none' } = {},
): Buffer {
  const objStmNum = Math.max(...direct.map((o) => o.num), ...compressed.map((o) => o.num)) + 1;
  const xrefNum = objStmNum + 1;
  let header = '';
  let data = '';
  for (const object of compressed) {
    header += `${object.num} ${data.length} `;
    data += `${object.body}\n`;
  }
  const first = header.length + 1;
  const content = `${header}\n${data}`;
  const typeEntry = options.objStmType ?? '/Type /ObjStm';
  const objStm = streamBody(`${typeEntry} /N ${compressed.length} /First ${first}`, content, { raw: options.objStmFilter === 'none' });

  const parts: Buffer[] = [latin1(HEADER)];
  let length = parts[0]!.length;
  const entries = new Map<number, [number, number, number]>();
  for (const object of [...direct, { num: objStmNum, body: objStm }]) {
    entries.set(object.num, [1, length, 0]);
    const bytes = objectBytes(object);
    parts.push(bytes);
    length += bytes.length;
  }
  compressed.forEach((object, index) => entries.set(object.num, [2, objStmNum, index]));
  const xrefOffset = length;
  entries.set(xrefNum, [1, xrefOffset, 0]);
  const size = xrefNum + 1;
  const rows = Buffer.alloc(size * 7);
  for (let num = 0; num < size; num += 1) {
    const [type, field2, field3] = entries.get(num) ?? [0, 0, 65535];
    rows.writeUInt8(type, num * 7);
    rows.writeUInt32BE(field2, num * 7 + 1);
    rows.writeUInt16BE(field3, num * 7 + 5);
  }
  const xrefStream = streamBody(`/Type /XRef /Size ${size} /W [1 4 2] /Root ${options.root ?? 1} 0 R`, rows);
  parts.push(objectBytes({ num: xrefNum, body: xrefStream }), latin1(`startxref\n${xrefOffset}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** The usual first objects: catalog (1, with `catalogExtra`), page tree (2), one page (3, with `pageExtra`). */
export function pageObjects(options: { catalogExtra?: string; pageExtra?: string } = {}): PdfObject[] {
  return [
    { num: 1, body: `<< /Type /Catalog /Pages 2 0 R ${options.catalogExtra ?? ''}>>` },
    { num: 2, body: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
    { num: 3, body: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ${options.pageExtra ?? ''}>>` },
  ];
}

/** A one-page PDF whose catalog carries `catalogExtra` and whose page carries `pageExtra`, plus `more` objects. */
export function pdfWith(options: { catalogExtra?: string; pageExtra?: string; more?: PdfObject[]; trailer?: string } = {}): Buffer {
  return classicPdf([...pageObjects(options), ...(options.more ?? [])], { trailer: options.trailer });
}

/** A link annotation (object `num`) on the page whose action dictionary is `action`. */
export function pdfWithLinkAction(action: string): Buffer {
  return pdfWith({ pageExtra: '/Annots [4 0 R]', more: [{ num: 4, body: `<< /Type /Annot /Subtype /Link /Rect [72 700 300 730] /Border [0 0 0] /A ${action} >>` }] });
}

// ---------------------------------------------------------------- PDF by @cantoo/pdf-lib

/** A real-looking one-page document (text in Helvetica, document information), written by pdf-lib. */
export async function realPdf(options: { objectStreams?: boolean; pages?: number } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle('Passport, photo page');
  doc.setProducer('egov test scanner');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let index = 0; index < (options.pages ?? 1); index += 1) {
    const page = doc.addPage([595, 842]);
    page.drawText('REPUBLIC OF TESTLAND - PASSPORT', { x: 72, y: 760, size: 18, font });
    page.drawText(`Surname: PROBNA   Given name: MILEVA   Page ${index + 1}`, { x: 72, y: 720, size: 12, font });
    page.drawRectangle({ x: 72, y: 520, width: 150, height: 180, borderWidth: 1 });
  }
  return Buffer.from(await doc.save({ useObjectStreams: options.objectStreams ?? false }));
}

/**
 * pdf-lib's document with a JavaScript action in a link annotation: the
 * annotation and its action are indirect objects, so with object streams
 * they are compressed and `/JavaScript` appears nowhere in the file's bytes.
 */
export async function pdfWithCompressedJavaScript(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const { context } = doc;
  const action = context.register(context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("pwned")') }));
  const link = context.register(context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 700, 300, 730], A: action }));
  page.node.set(PDFName.of('Annots'), context.obj([link]));
  return Buffer.from(await doc.save({ useObjectStreams: true }));
}

/** pdf-lib's document with an internal link: a /GoTo action to the second page, and an /OpenAction destination. */
export async function pdfWithInternalLinks(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const first = doc.addPage([595, 842]);
  const second = doc.addPage([595, 842]);
  const { context } = doc;
  const destination = context.obj([second.ref, PDFName.of('XYZ'), 0, 842, 0]);
  const goTo = context.obj({ S: 'GoTo', D: destination });
  const link = context.register(context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 700, 300, 730], Border: [0, 0, 0], A: goTo }));
  const direct = context.register(context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 600, 300, 630], Dest: context.obj([first.ref, PDFName.of('Fit')]) }));
  first.node.set(PDFName.of('Annots'), context.obj([link, direct]));
  doc.catalog.set(PDFName.of('OpenAction'), context.obj([first.ref, PDFName.of('Fit')]));
  return Buffer.from(await doc.save({ useObjectStreams: true }));
}

// ---------------------------------------------------------------- images by sharp

/** A photo-like RGB image: a gradient with some texture (compresses like a document photo, not like a flat colour). */
export async function photoPixels(width: number, height: number): Promise<Sharp> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 3;
      raw[i] = (x * 255) / width;
      raw[i + 1] = (y * 255) / height;
      raw[i + 2] = (x ^ y) & 0xff;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

/** A JPEG made by sharp; `exif` writes EXIF (camera make, GPS-like text, orientation). */
export async function realJpeg(options: { width?: number; height?: number; exif?: boolean; orientation?: number } = {}): Promise<Buffer> {
  let image = (await photoPixels(options.width ?? 64, options.height ?? 48)).jpeg({ quality: 85 });
  if (options.exif || options.orientation) {
    image = image.withExif({ IFD0: { Make: 'TestPhone', Model: 'Camera 12', Copyright: 'EXIF-SECRET-LOCATION' } });
  }
  // sharp writes the EXIF orientation tag itself (withExif leaves it alone).
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  return image.toBuffer();
}

/** A PNG made by sharp. */
export async function realPng(options: { width?: number; height?: number } = {}): Promise<Buffer> {
  return (await photoPixels(options.width ?? 40, options.height ?? 30)).png().toBuffer();
}

/** Inserts a JPEG segment (`marker`, e.g. 0xfe for a comment) right after the SOI marker. */
export function withJpegSegment(jpeg: Buffer, marker: number, payload: Buffer): Buffer {
  if (payload.length > 65533) throw new RangeError('segment too long');
  const header = Buffer.from([0xff, marker, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}

/** A PNG chunk with its CRC. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([latin1(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Inserts a chunk before IEND. */
export function withPngChunk(png: Buffer, type: string, data: Buffer): Buffer {
  const iend = png.length - 12;
  return Buffer.concat([png.subarray(0, iend), pngChunk(type, data), png.subarray(iend)]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A decompression bomb: a 65535 × 65535 greyscale PNG (4.3 gigapixels)
 * whose IDAT holds 200 MB of zero rows deflated into about 200 KB. The
 * header is honest about the size; a decoder that trusts it allocates
 * gigabytes.
 */
export async function pngBomb(): Promise<Buffer> {
  const side = 65535;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  // Deflated as a stream, so the test never holds the 200 MB itself.
  const deflate = createDeflate({ level: 9 });
  const compressed: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => compressed.push(chunk));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let mb = 0; mb < 200; mb += 1) {
    if (!deflate.write(zeros)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  const idat = Buffer.concat(compressed);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))]);
}

/** Whether JPEG bytes carry an APP1 EXIF segment (or any "Exif\0\0" block). */
export function hasExif(bytes: Buffer): boolean {
  return bytes.includes(Buffer.from('Exif\0\0', 'latin1'));
}

/** Bytes after a JPEG's EOI (the last image end found by walking the segments). */
export function bytesAfterJpegEnd(jpeg: Buffer): number {
  const end = jpeg.lastIndexOf(Buffer.from([0xff, 0xd9]));
  return end < 0 ? jpeg.length : jpeg.length - (end + 2);
}

/** Bytes after a PNG's IEND chunk. */
export function bytesAfterPngEnd(png: Buffer): number {
  const end = png.lastIndexOf(Buffer.from('IEND', 'latin1'));
  return end < 0 ? png.length : png.length - (end + 8);
}
