import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
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

  test('three files → 413 too_many_files', async () => {
    const { reply } = await attempt([{ filename: 'a.pdf', content: pdf() }, { filename: 'b.pdf', content: pdf() }, { filename: 'c.pdf', content: pdf() }]);
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
