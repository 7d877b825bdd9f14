/**
 * The whole-file document checks, called directly (no HTTP): each hostile
 * file is refused for the reason it was built for, not by accident, and
 * the documents the other tests and the widgets' tests upload pass.
 * uploads.test.ts proves the same corpus end to end (answer, nothing stored).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { PDF_TEXT, PNG_BYTES } from '../../auth-widgets/test-support/documents.ts';
import { checkStoredDocument, documentCheckerPid } from '../src/document-check.ts';
import { FileRefused } from '../src/file-types.ts';
import { IMAGE_LIMITS, jpegNonPixelParts, pngNonPixelParts, reencodeImage } from '../src/image-check.ts';
import { inspectPdf } from '../src/pdf-check.ts';
import { UploadStore } from '../src/uploads.ts';
import {
  classicPdf,
  hasExif,
  incrementalUpdate,
  objectStreamPdf,
  pageObjects,
  pdfWith,
  pdfWithCompressedJavaScript,
  pdfWithInternalLinks,
  pdfWithLinkAction,
  pngBomb,
  pngChunk,
  realJpeg,
  realPdf,
  realPng,
  streamBody,
  withJpegSegment,
  withPngChunk,
} from './document-builders.ts';
import { jpeg, pdf, png } from './fixtures.ts';
import { ENV } from '../conformance/settings.ts';

// The conformance suite's documents (its fixtures module reads the runner's settings when loaded).
process.env[ENV.baseUrl] ??= 'http://127.0.0.1:9/api';
const { minimalPdf, minimalPng } = await import('../conformance/fixtures.ts');

const text = (value: string) => Buffer.from(value, 'latin1');

async function refusal(check: Promise<unknown>): Promise<string> {
  try {
    await check;
  } catch (error) {
    if (error instanceof FileRefused) return error.message;
    throw error;
  }
  assert.fail('not refused');
}

describe('PDF inspection (pdf-check.ts)', () => {
  const refused: [string, () => Buffer | Promise<Buffer>, RegExp][] = [
    ['/S /J#61vaScript', () => pdfWith({ catalogExtra: '/OpenAction << /S /J#61vaScript /JS (x) >>' }), /JavaScript|\/JS/],
    ['lower-case escapes /#4a#53', () => pdfWith({ catalogExtra: '/OpenAction << /S /GoTo /D [3 0 R /Fit] /#4a#53 (x) >>' }), /^\/JS$/],
    ['/Launch', () => pdfWithLinkAction('<< /S /Launch /F (cmd.exe) >>'), /Launch/],
    ['/SubmitForm', () => pdfWithLinkAction('<< /S /SubmitForm /F (https://evil.example/) >>'), /SubmitForm/],
    ['/ImportData', () => pdfWithLinkAction('<< /S /ImportData /F (a.fdf) >>'), /ImportData/],
    ['/URI', () => pdfWithLinkAction('<< /S /URI /URI (https://evil.example/) >>'), /URI/],
    ['/GoToR', () => pdfWithLinkAction('<< /S /GoToR /F (b.pdf) /D [0 /Fit] >>'), /GoToR/],
    ['/GoToE', () => pdfWithLinkAction('<< /S /GoToE /D [0 /Fit] >>'), /GoToE/],
    ['/Sound', () => pdfWithLinkAction('<< /S /Sound >>'), /Sound/],
    ['/Movie', () => pdfWithLinkAction('<< /S /Movie >>'), /Movie/],
    ['/Rendition', () => pdfWithLinkAction('<< /S /Rendition >>'), /Rendition/],
    ['/OpenAction /Named', () => pdfWith({ catalogExtra: '/OpenAction << /S /Named /N /Print >>' }), /other than \/GoTo \(\/Named\)/],
    ['/Next chain after a /GoTo', () => pdfWithLinkAction('<< /S /GoTo /D [3 0 R /Fit] /Next [<< /S /Hide /T (x) >>] >>'), /\/Hide/],
    ['/Type /Action anywhere', () => pdfWith({ more: [{ num: 4, body: '<< /Type /Action /S /Thread /D 0 >>' }] }), /\/Thread/],
    ['/AA', () => pdfWith({ pageExtra: '/AA << /O << /S /GoTo /D [3 0 R /Fit] >> >>' }), /^\/AA$/],
    ['/JavaScript name tree', () => pdfWith({ catalogExtra: '/Names << /JavaScript 4 0 R >>', more: [{ num: 4, body: '<< /Names [] >>' }] }), /JavaScript/],
    ['/EmbeddedFiles', () => pdfWith({ catalogExtra: '/Names << /EmbeddedFiles << /Names [] >> >>' }), /EmbeddedFiles/],
    ['/EF in a file specification', () => pdfWith({ more: [{ num: 4, body: '<< /Type /Filespec /F (a) /EF << /F 5 0 R >> >>' }, { num: 5, body: streamBody('', 'x') }] }), /^\/EF$/],
    ['/XFA', () => pdfWith({ catalogExtra: '/AcroForm << /Fields [] /XFA [] >>' }), /XFA/],
    ['/RichMedia', () => pdfWith({ more: [{ num: 4, body: '<< /Type /Annot /Subtype /RichMedia >>' }] }), /RichMedia/],
    ['/Screen', () => pdfWith({ more: [{ num: 4, body: '<< /Type /Annot /Subtype /Screen >>' }] }), /Screen/],
    ['/3D', () => pdfWith({ more: [{ num: 4, body: '<< /Type /Annot /Subtype /3D >>' }] }), /3D/],
    ['JavaScript in an object stream (pdf-lib)', () => pdfWithCompressedJavaScript(), /JavaScript/],
    ['JavaScript in a hand-written object stream', () =>
      objectStreamPdf(pageObjects(), [{ num: 4, body: '<< /S /JavaScript /JS (app.alert(1)) >>' }]), /JavaScript|\/JS/],
    ['an object stream calling itself /XObject (the document loads without it)', () =>
      objectStreamPdf(pageObjects(), [{ num: 4, body: '<< /S /JavaScript /JS (app.alert(1)) >>' }], { objStmType: '/Type /XObject /Subtype /Form /BBox [0 0 1 1]' }), /JavaScript|\/JS/],
    ['an incremental update', () => incrementalUpdate(pdfWith(), [{ num: 4, body: '<< /S /JavaScript /JS (x) >>' }]), /JavaScript|\/JS/],
    ['an old revision (replaced later) with JavaScript', () =>
      incrementalUpdate(pdfWith({ catalogExtra: '/OpenAction << /S /JavaScript /JS (x) >>' }), [{ num: 1, body: '<< /Type /Catalog /Pages 2 0 R >>' }]), /JavaScript|\/JS/],
    ['an object only the cross-reference table knows (inside a stream\'s data)', () =>
      classicPdf([...pageObjects(), { num: 5, body: streamBody('', '4 0 obj << /S /Launch /F (a) >> endobj', { raw: true }) }]), /Launch/],
    ['a stream whose data the parser cannot delimit, with /JS in its dictionary', () =>
      // An indirect /Length and the word "stream" in the data: pdf-lib gives up on the object; its dictionary is still judged.
      classicPdf([...pageObjects(), { num: 4, body: '<< /Length 5 0 R /JS (x) >>\nstream\nupstream stream\nendstream' }, { num: 5, body: '15' }]), /^\/JS$/],
    ['an object stream with a predictor (pdf-lib would misread it)', () => {
      const data = deflateSync(text('4 0 << /S /JavaScript >>'));
      return classicPdf([...pageObjects(), { num: 5, body: Buffer.concat([text(`<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >> /Length ${data.length} >>\nstream\n`), data, text('\nendstream')]) }]);
    }, /predictor/],
    ['an object stream with an unknown filter', () => classicPdf([...pageObjects(), { num: 5, body: streamBody('/Type /ObjStm /N 1 /First 4', '4 0 << >>', { raw: true, filter: '/JBIG2Decode' }) }]), /unsupported filter/],
    ['a flate bomb in an object stream', () => {
      const data = deflateSync(Buffer.alloc(40 * 1024 * 1024, 0x20));
      return classicPdf([...pageObjects(), { num: 5, body: Buffer.concat([text(`<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`), data, text('\nendstream')]) }]);
    }, /too much data/],
    ['encrypted', () => pdfWith({ trailer: '/Root 1 0 R /Encrypt << /Filter /Standard /V 2 /R 3 >>' }), /encrypted/],
    ['no page', () => classicPdf([{ num: 1, body: '<< /Type /Catalog /Pages 2 0 R >>' }, { num: 2, body: '<< /Type /Pages /Kids [] /Count 0 >>' }]), /no pages|page tree/],
    ['no document', () => text('%PDF-1.4\n%PPPP\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'), /parseable|page/],
    ['arrays nested a million deep', () => Buffer.concat([text('%PDF-1.7\n1 0 obj\n'), Buffer.alloc(1_000_000, '['), text('\nendobj\n')]), /.+/],
    ['look-alike headers read again and again (quadratic)', () => Buffer.concat([text('%PDF-1.7\n'), text('1 0 obj ('.repeat(300_000))]), /too costly|objects/],
  ];
  for (const [name, make, reason] of refused) {
    // Each is refused for its own reason: the limits (work, depth, data) are what stop the costly ones, not a clock.
    test(`refused: ${name}`, async () => {
      const verdict = await inspectPdf(await make());
      assert.equal(verdict.ok, false, 'refused');
      assert.match((verdict as { reason: string }).reason, reason);
    });
  }

  const accepted: [string, () => Uint8Array | Promise<Uint8Array>][] = [
    ['pdf-lib, classic cross-reference table', () => realPdf({ pages: 3 })],
    ['pdf-lib, object streams and a cross-reference stream', () => realPdf({ objectStreams: true })],
    ['internal links: /GoTo, /Dest, an /OpenAction destination', () => pdfWithInternalLinks()],
    ['a hand-written object stream without active content', () => objectStreamPdf(pageObjects().slice(1), [{ num: 1, body: '<< /Type /Catalog /Pages 2 0 R >>' }])],
    ['an incremental update without active content', () => incrementalUpdate(pdfWith(), [{ num: 4, body: '<< /Title (Updated) >>' }], '/Root 1 0 R /Info 4 0 R')],
    ['the fixtures\' pdf(), 3 MB, with text after the header', () => pdf(3 * 1024 * 1024, '(DOCUMENT-CONTENT)\n')],
    ['the conformance suite\'s minimalPdf()', () => minimalPdf(5000)],
    ['the widgets\' test PDF (no cross-reference table)', () => Buffer.from(PDF_TEXT, 'latin1')],
    ['a stream whose data holds "stream" with an indirect /Length (parsed by its dictionary)', () =>
      classicPdf([{ num: 1, body: '<< /Type /Catalog /Pages 2 0 R >>' }, { num: 2, body: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' }, { num: 3, body: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>' }, { num: 4, body: '<< /Length 5 0 R >>\nstream\nBT (upstream stream) Tj ET\nendstream' }, { num: 5, body: '26' }])],
  ];
  for (const [name, make] of accepted) {
    test(`stored: ${name}`, async () => {
      assert.deepEqual(await inspectPdf(await make()), { ok: true });
    });
  }
});

describe('image checks (image-check.ts)', () => {
  test('a JPEG with EXIF comes back re-encoded: same size, no EXIF, no ICC, nothing after its end', async () => {
    const input = await realJpeg({ width: 200, height: 150, exif: true });
    const withIcc = await sharp(input).keepExif().withIccProfile('p3').jpeg().toBuffer();
    assert.ok(hasExif(withIcc) && (await sharp(withIcc).metadata()).icc);
    const output = await reencodeImage(Buffer.concat([withIcc, text('tail')]), 'image/jpeg');
    const metadata = await sharp(output).metadata();
    assert.deepEqual([metadata.format, metadata.width, metadata.height, metadata.exif, metadata.icc, metadata.xmp], ['jpeg', 200, 150, undefined, undefined, undefined]);
    assert.ok(!hasExif(output) && output.subarray(-2).equals(Buffer.from([0xff, 0xd9])));
  });

  test('markup outside the pixel data is found where a byte search of the head is blind', async () => {
    const photo = await realJpeg();
    const late = withJpegSegment(withJpegSegment(photo, 0xfe, text('<svg onload=alert(1)>')), 0xfe, Buffer.alloc(3000, 0x20));
    assert.ok(late.indexOf('<svg') > 1024);
    assert.match(await refusal(reencodeImage(late, 'image/jpeg')), /markup/);
    assert.match(await refusal(reencodeImage(Buffer.concat([photo, text('<html><body>')]), 'image/jpeg')), /markup/);
    const zText = withPngChunk(await realPng(), 'zTXt', Buffer.concat([text('k\0\0'), deflateSync(text('<script>alert(1)</script>'))]));
    assert.match(await refusal(reencodeImage(zText, 'image/png')), /markup/);
    const iText = withPngChunk(await realPng(), 'iTXt', Buffer.concat([text('k\0\x01\0en\0\0'), deflateSync(text('<iframe src=x>'))]));
    assert.match(await refusal(reencodeImage(iText, 'image/png')), /markup/);
  });

  test('the walkers see segments, text chunks and trailing bytes, not scan data', async () => {
    const photo = await realJpeg();
    const parts = jpegNonPixelParts(withJpegSegment(photo, 0xfe, text('note')));
    assert.ok(parts.some((part) => part.equals(text('note'))));
    assert.equal(parts.at(-1)!.length, 0, 'nothing after EOI');
    const pngParts = pngNonPixelParts(Buffer.concat([withPngChunk(await realPng(), 'tEXt', text('a\0b')), text('after')]));
    assert.ok(pngParts.some((part) => part.equals(text('a\0b'))));
    assert.ok(pngParts.at(-1)!.equals(text('after')));
  });

  test('a 65535 × 65535 PNG bomb is refused from its header, without inflating it', async () => {
    const bomb = await pngBomb();
    // The reason is the header check's: refused before any pixel was inflated.
    assert.match(await refusal(reencodeImage(bomb, 'image/png')), /side|pixels/);
  });

  const header = (width: number, height: number, depth: number, colourType: number): Buffer => {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(width, 0);
    ihdr.writeUInt32BE(height, 4);
    ihdr[8] = depth;
    ihdr[9] = colourType;
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.alloc(16))), pngChunk('IEND', Buffer.alloc(0))]);
  };

  test(`limits: a side over ${IMAGE_LIMITS.maxSide} px, over ${IMAGE_LIMITS.maxPixels / 1e6} MP, or too many decoded bytes are refused before decoding`, async () => {
    assert.match(await refusal(reencodeImage(header(12_001, 10, 8, 0), 'image/png')), /side/);
    assert.match(await refusal(reencodeImage(header(8000, 7000, 8, 0), 'image/png')), /pixels/);
    // 7000 × 7000 = 49 MP, but 16-bit RGBA: 392 MB decoded.
    assert.match(await refusal(reencodeImage(header(7000, 7000, 16, 6), 'image/png')), /memory/);
  });

  test('what is not a decodable image of its type is refused', async () => {
    const photo = await realJpeg({ width: 320, height: 240 });
    assert.match(await refusal(reencodeImage(photo.subarray(0, Math.floor(photo.length * 0.6)), 'image/jpeg')), /decod|readable/);
    assert.match(await refusal(reencodeImage(await realPng(), 'image/jpeg')), /png image, not jpeg/);
    const old = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), text('JFIF\0\x01\x01\0\0\x01\0\x01\0\0'), Buffer.alloc(500, 0x5a), Buffer.from([0xff, 0xd9])]);
    assert.match(await refusal(reencodeImage(old, 'image/jpeg')), /readable|decod/);
  });

  test('a bilevel scan and a palette PNG keep their palette and exactly their pixels', async () => {
    const width = 1240;
    const height = 1754; // A4 at 150 dpi
    const page = Buffer.alloc(width * height, 255);
    for (let y = 150; y < 1600; y += 30) for (let x = 100; x < 1140; x += 1) if ((x * 7 + y) % 23 < 9) for (let k = 0; k < 8; k += 1) page[(y + k) * width + x] = 0;
    const bilevel = await sharp(page, { raw: { width, height, channels: 1 } }).png({ palette: true, colours: 2, dither: 0 }).toBuffer();
    const colours = Buffer.alloc(300 * 200 * 3);
    for (let p = 0; p < 300 * 200; p += 1) colours.set([(p % 200) * 53 % 256, (p % 200) * 97 % 256, 40], p * 3);
    const palette = await sharp(colours, { raw: { width: 300, height: 200, channels: 3 } }).png({ palette: true, colours: 256, dither: 0 }).toBuffer();
    for (const input of [bilevel, palette]) {
      const output = await reencodeImage(input, 'image/png');
      const [before, after, metadata] = await Promise.all([sharp(input).raw().toBuffer(), sharp(output).raw().toBuffer(), sharp(output).metadata()]);
      assert.ok(before.equals(after), 'the same pixels');
      assert.ok(metadata.isPalette, 'still a palette image');
      assert.ok(output.length < 2 * input.length, `${output.length} bytes for ${input.length}`);
    }
  });

  test('the images the other tests upload pass: fixtures, conformance suite, widgets\' tests', async () => {
    for (const image of [jpeg(), jpeg(3000), png(), Buffer.from(minimalPng(40, 30)), Buffer.from(PNG_BYTES)]) {
      const type = image[0] === 0xff ? 'image/jpeg' : 'image/png';
      assert.ok((await reencodeImage(image, type)).length > 0);
    }
  });
});

describe('checkStoredDocument: the child process, the queue, the files on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'egov-document-check-'));
  const uploads = new UploadStore(dir);
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function stored(bytes: Uint8Array): Promise<string> {
    const name = uploads.newName();
    await uploads.write(name, bytes);
    return name;
  }

  test('a PDF is judged in the child process and kept as it is; a hostile one is refused with its reason', async () => {
    const good = await stored(await realPdf());
    const bad = await stored(await pdfWithCompressedJavaScript());
    const [kept, refused] = await Promise.allSettled([
      checkStoredDocument(uploads, { storedName: good, type: 'application/pdf', size: 1 }),
      checkStoredDocument(uploads, { storedName: bad, type: 'application/pdf', size: 1 }),
    ]);
    assert.deepEqual(kept, { status: 'fulfilled', value: { storedName: good, type: 'application/pdf', size: 1 } });
    assert.equal(refused.status, 'rejected');
    assert.ok((refused as PromiseRejectedResult).reason instanceof FileRefused);
    assert.match((refused as PromiseRejectedResult).reason.message, /^PDF: .*JavaScript/);
  });

  test('an image is replaced by its re-encoded file under a new name; the upload is deleted', async () => {
    const upload = await stored(await realJpeg({ exif: true }));
    const result = await checkStoredDocument(uploads, { storedName: upload, type: 'image/jpeg', size: 0 });
    assert.notEqual(result.storedName, upload);
    assert.deepEqual(await uploads.list().then((names) => names.includes(upload)), false);
    const bytes = await uploads.read(result.storedName);
    assert.equal(result.size, bytes.length);
    assert.ok(!hasExif(bytes));
  });

  test('many checks at once all finish, one at a time, with the right answers', async () => {
    const names = await Promise.all(Array.from({ length: 6 }, async (_, i) => stored(i % 2 ? await realPdf() : pdfWithLinkAction('<< /S /Launch /F (x) >>'))));
    const results = await Promise.allSettled(names.map((storedName) => checkStoredDocument(uploads, { storedName, type: 'application/pdf', size: 0 })));
    assert.deepEqual(results.map((r) => r.status), ['rejected', 'fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
  });

  test('a checker that dies mid-check (as a crashing decoder would) refuses that file; the next check gets a new one', async () => {
    // Slow to parse (about a second): time to kill the process while it works.
    const slow = await stored(Buffer.concat([text('%PDF-1.7\n'), text('1 0 obj ('.repeat(300_000))]));
    const good = await stored(await realPdf());
    await checkStoredDocument(uploads, { storedName: good, type: 'application/pdf', size: 0 });
    const pid = documentCheckerPid();
    assert.ok(pid, 'a checker runs');
    const pending = checkStoredDocument(uploads, { storedName: slow, type: 'application/pdf', size: 0 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    process.kill(pid, 'SIGKILL');
    assert.match(await refusal(pending), /cannot be inspected \(the checker stopped/);
    assert.ok(await checkStoredDocument(uploads, { storedName: good, type: 'application/pdf', size: 0 }));
    assert.notEqual(documentCheckerPid(), pid);
  });
});
