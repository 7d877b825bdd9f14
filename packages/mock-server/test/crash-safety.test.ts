import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { API_PATHS, CSRF_HEADER } from '@egov/auth-widgets/contract';
import { Store } from '../src/store.ts';
import { Browser, errorCode, startServer } from './helpers.ts';
import { footprint, foreignFields, passphrase, passportPdf, photoJpeg, register, uniqueEmail } from './fixtures.ts';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

describe('a registration that fails midway leaves nothing behind', () => {
  test('a failure after the files are written: no row, no file, no e-mail; the server keeps answering', async () => {
    let fail = true;
    const server = await startServer({
      faults: {
        afterUploadsWritten: () => {
          if (fail) throw new Error('injected crash after the uploads were written');
        },
      },
    });
    try {
      const browser = new Browser(server.api);
      const before = await footprint(server);
      const reply = await register(browser, foreignFields(uniqueEmail('fault'), passphrase()), [passportPdf(), photoJpeg()]);
      assert.equal(reply.status, 500);
      assert.equal(errorCode(reply), 'internal_error');
      assert.deepEqual(await footprint(server), before);
      fail = false;
      assert.equal((await register(browser, foreignFields(uniqueEmail('fault'), passphrase()), [passportPdf()])).status, 202);
    } finally {
      await server.cleanup();
    }
  });

  test('a failure inside the transaction, after its rows were written: all rolled back, files removed', async () => {
    const server = await startServer({ faults: { failRegistrationTransaction: () => true } });
    try {
      const before = await footprint(server);
      const reply = await register(new Browser(server.api), foreignFields(uniqueEmail('tx'), passphrase()), [passportPdf(), photoJpeg()]);
      assert.equal(reply.status, 500);
      assert.deepEqual(await footprint(server), before, 'no account, registration, document or token row; no file; no e-mail');
    } finally {
      await server.cleanup();
    }
  });
});

describe('a server killed mid-upload', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'egov-crash-'));
  const children: ChildProcess[] = [];
  after(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  function startChild(): Promise<{ child: ChildProcess; api: string }> {
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('EGOV_')));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--port', '0', '--data-dir', dataDir], {
      cwd: packageDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    return new Promise((resolve, reject) => {
      let stdout = '';
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${stdout}`)), 20_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /API at (http:\/\/\S+)\)/.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve({ child, api: match[1]! });
        }
      });
      child.on('exit', (code) => reject(new Error(`exited early (${code}): ${stdout}`)));
    });
  }

  const uploads = join(dataDir, 'uploads');
  const filesOnDisk = () => (existsSync(uploads) ? readdirSync(uploads) : []);

  test('leaves neither an orphan file nor an account after the restart', async () => {
    const { child, api } = await startChild();
    const browser = new Browser(api);
    await browser.session();
    const boundary = 'killed-mid-upload';
    const req = httpRequest(`${api}${API_PATHS.registration}`, {
      method: 'POST',
      agent: false,
      headers: {
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Transfer-Encoding': 'chunked',
        Cookie: `egov_sid=${browser.cookie}`,
        [CSRF_HEADER]: browser.csrfToken!,
      },
    });
    req.on('error', () => undefined);
    for (const [name, value] of Object.entries(foreignFields(uniqueEmail('killed'), passphrase()))) {
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
    }
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="documents"; filename="scan.pdf"\r\n\r\n`);
    req.write(Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(256 * 1024, 0x41)]));

    // The upload is being written to disk: now the process dies, without any chance to clean up.
    const deadline = Date.now() + 10_000;
    while (filesOnDisk().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(filesOnDisk().length, 1, 'the upload had reached the disk');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    req.destroy();
    assert.equal(filesOnDisk().length, 1, 'the killed process left its partial file');

    const restarted = await startChild();
    assert.deepEqual(filesOnDisk(), [], 'the restart removed the orphan');
    assert.equal((await new Browser(restarted.api).session()).authenticated, false, 'the server answers');
    const stopped = new Promise((resolve) => restarted.child.once('exit', resolve));
    restarted.child.kill('SIGTERM');
    await stopped;
    const store = await Store.open({ dataDir });
    try {
      assert.equal(await store.count('accounts'), 0);
      assert.equal(await store.count('documents'), 0);
    } finally {
      await store.close();
    }
  });
});
