// The README's first command, `npm start`, as a person runs it: it must
// bring up the demo site and the mock server such that logging in works.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
// @ts-expect-error: plain-JS helpers shared with the component tests.
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
// @ts-expect-error: a plain-JS helper of the mock server package.
import { freePort } from '@egov/mock-server/testing/backend-plugin.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));

test('npm start serves the demo page, and the demo account logs in', async () => {
  const [demoPort, mockPort] = [await freePort(), await freePort()];
  const dataDir = await mkdtemp(join(tmpdir(), 'egov-start-'));
  const child = spawn('npm', ['start'], {
    cwd: root,
    env: { ...process.env, EGOV_DEMO_PORT: String(demoPort), EGOV_MOCK_PORT: String(mockPort), EGOV_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const url = `http://127.0.0.1:${demoPort}/`;
    const deadline = Date.now() + 60_000;
    // As a person does: open the page as soon as it answers.
    while (!(await fetch(url).then((r) => r.ok, () => false))) {
      assert.ok(Date.now() < deadline, `npm start did not come up:\n${output}`);
      assert.equal(child.exitCode, null, `npm start exited:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    // The backend behind it answers from that moment on (the demo starts after the mock server).
    assert.equal((await fetch(`${url}api/config`)).status, 200, output);
    assert.match(output, new RegExp(`eGov Auth Kit demo: +${url.replace(/[.]/g, '\\.')}`));

    const page = await browser.newPage();
    // The demo's home, then its login page, as a person finds it.
    await page.goto(url);
    await page.getByRole('heading', { name: 'eGov Auth Kit', level: 1 }).waitFor();
    await page.locator('.demo-pages').getByRole('link', { name: 'Login', exact: true }).click();
    await page.getByLabel('Username (e-mail address)').fill('active@example.test');
    await page.getByLabel('Password', { exact: true }).fill('Active-Demo-Passphrase-1');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'You are logged in' }).waitFor({ timeout: 15_000 });
  } finally {
    await browser.close();
    // npm, the start script and its two servers share a process group.
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    await rm(dataDir, { recursive: true, force: true });
  }
});
