/* global document, customElements, performance, FormData, Blob -- part of this file runs in the page (evaluate), part in Node 20 */
// `pnpm bench`: the performance budgets of PRODUCT.md, measured and printed
// as numbers (never as timed assertions in tests). Exits 0; a line per
// budget says "within" or "OVER".
//
//   1. <egov-login>'s initial JavaScript (Lit included, English, no certificate code) ≤ 15 KB gzip
//   2. every element without certificate code ≤ 40 KB gzip
//      (and 1. again for the CDN build's login entry, as a page without a build step loads it)
//   3. first render of <egov-login> ≤ 2× the same markup set as static HTML, same browser run
//   4. mock server: 50 concurrent registrations with two 3 MB documents, all succeed, memory growth < 100 MB
//   5. mock server: a new password's check (breach corpus, keyboard walks, …) on hard 128-character inputs ≤ 5 ms
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { root } from './lib.mjs';
import { freePort } from '../packages/mock-server/testing/backend-plugin.mjs';

const KB = 1024;
const results = [];
function report(name, value, unit, budget, within) {
  results.push({ name, value, unit, budget, within });
  console.log(`${within ? 'within' : 'OVER  '}  ${name}: ${value} ${unit} (budget ${budget})`);
}

/** Bundles entries with code splitting; returns the gzip size of what each entry loads up front. */
async function initialSizes(entries) {
  const outdir = await mkdtemp(join(tmpdir(), 'egov-bench-'));
  try {
    const result = await build({
      entryPoints: entries.map((e) => join(root, e)),
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      target: 'es2022',
      outdir,
      metafile: true,
      write: true,
      absWorkingDir: root,
      logLevel: 'silent',
      tsconfig: join(root, 'tsconfig.json'),
      // What a production build gets: Lit's production mode.
      conditions: ['production'],
    });
    const outputs = result.metafile.outputs;
    const gz = new Map();
    for (const file of Object.keys(outputs)) gz.set(file, gzipSync(await readFile(join(root, file))).length);
    const sizes = {};
    for (const [file, output] of Object.entries(outputs)) {
      if (!output.entryPoint) continue;
      // The entry and everything it imports statically; dynamic imports (certificate code, other locales) load later.
      const seen = new Set();
      const visit = (f) => {
        if (seen.has(f)) return;
        seen.add(f);
        for (const imp of outputs[f]?.imports ?? []) if (imp.kind === 'import-statement') visit(imp.path);
      };
      visit(file);
      sizes[output.entryPoint] = { bytes: [...seen].reduce((sum, f) => sum + (gz.get(f) ?? 0), 0), files: [...seen] };
    }
    return { sizes, all: outputs };
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

async function bundleBudgets() {
  const login = 'packages/auth-widgets/src/define/egov-login.ts';
  const everything = 'packages/auth-widgets/src/define/all.ts';
  const { sizes } = await initialSizes([login, everything]);
  const loginSize = Object.entries(sizes).find(([entry]) => entry.endsWith('egov-login.ts'))[1];
  const allSize = Object.entries(sizes).find(([entry]) => entry.endsWith('all.ts'))[1];
  const certificateCode = (files) => files.filter((f) => /agent|picker|certificat|peculiar|protobuf|webcrypto/i.test(f));
  report('<egov-login> initial JS (gzip)', (loginSize.bytes / KB).toFixed(1), 'KB', '15 KB', loginSize.bytes <= 15 * KB);
  report('all elements, initial JS (gzip)', (allSize.bytes / KB).toFixed(1), 'KB', '40 KB', allSize.bytes <= 40 * KB);
  const leaked = certificateCode([...loginSize.files, ...allSize.files]);
  report('certificate code in the initial JS', leaked.length, 'files', '0 files', leaked.length === 0);
}

/** The CDN build as it ships (packages/auth-widgets/tools/build.mjs): the login entry and the chunks it imports. */
async function cdnBudget() {
  const { buildCdn } = await import('../packages/auth-widgets/tools/build.mjs');
  const outdir = await mkdtemp(join(tmpdir(), 'egov-bench-cdn-'));
  try {
    const manifest = await buildCdn(outdir);
    const login = manifest.entries['egov-login'];
    let bytes = 0;
    for (const file of [login.file, ...login.imports]) bytes += gzipSync(await readFile(join(outdir, file))).length;
    report(`CDN egov-login entry, initial JS (gzip, ${1 + login.imports.length} files)`, (bytes / KB).toFixed(1), 'KB', '15 KB', bytes <= 15 * KB);
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

async function firstRender() {
  const { outputFiles } = await build({
    entryPoints: [join(root, 'packages/auth-widgets/src/define/egov-login.ts')],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    write: false,
    tsconfig: join(root, 'tsconfig.json'),
    conditions: ['production'],
    logLevel: 'silent',
    splitting: false,
  });
  const script = outputFiles[0].text;
  const page = `<!doctype html><html lang="en"><body><div id="stage"></div><script type="module">${script}</script></body></html>`;
  const server = createServer((req, res) => {
    if (req.url === '/api/config' || req.url === '/api/session') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
  });
  const port = await freePort();
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const tab = await browser.newPage();
    await tab.goto(`http://127.0.0.1:${port}/`);
    await tab.waitForFunction(() => customElements.get('egov-login'));
    const timings = await tab.evaluate(async () => {
      const stage = document.getElementById('stage');
      const runs = 30;
      const component = [];
      const staticHtml = [];
      // Warm up once, and keep the rendered markup as the static twin.
      const warm = document.createElement('egov-login');
      warm.setAttribute('backend-url', '/api');
      stage.append(warm);
      await warm.updateComplete;
      const markup = warm.innerHTML;
      warm.remove();
      // Each sample renders a batch: one render is under a millisecond, and the
      // browser's clock is coarse (0.1 ms), so single renders make a noisy ratio.
      const batch = 20;
      for (let i = 0; i < runs; i++) {
        let t0 = performance.now();
        const elements = Array.from({ length: batch }, () => {
          const el = document.createElement('egov-login');
          el.setAttribute('backend-url', '/api');
          return el;
        });
        stage.append(...elements);
        await Promise.all(elements.map((el) => el.updateComplete));
        void stage.offsetHeight;
        component.push((performance.now() - t0) / batch);
        stage.replaceChildren();

        t0 = performance.now();
        const template = document.createElement('template');
        template.innerHTML = `<div>${markup}</div>`.repeat(batch);
        stage.append(template.content);
        void stage.offsetHeight;
        staticHtml.push((performance.now() - t0) / batch);
        stage.replaceChildren();
      }
      const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      return { component: median(component), staticHtml: median(staticHtml) };
    });
    const ratio = timings.component / timings.staticHtml;
    report(
      `first render of <egov-login> vs static HTML (${timings.component.toFixed(2)} ms vs ${timings.staticHtml.toFixed(2)} ms each, median of 30 batches of 20)`,
      ratio.toFixed(2),
      '×',
      '2×',
      ratio <= 2,
    );
  } finally {
    await browser.close();
    server.close();
  }
}

/** Peak resident memory of a process, from /proc (Linux). */
async function peakRss(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') * KB, peak: kb('VmHWM') * KB };
}

async function registrationLoad() {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'egov-bench-data-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--port', String(port), '--data-dir', dataDir, '--dev'], {
    cwd: join(root, 'packages/mock-server'),
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}/api`;
  try {
    for (let i = 0; i < 200; i++) {
      if (await fetch(`${base}/session`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const before = await peakRss(child.pid);
    const page = new Uint8Array(3 * 1024 * 1024);
    page.set([0x25, 0x50, 0x44, 0x46, 0x2d]); // %PDF-
    const one = async (i) => {
      const session = await fetch(`${base}/session`);
      const cookie = session.headers.get('set-cookie').split(';')[0];
      const { csrfToken } = await session.json();
      const form = new FormData();
      const fields = {
        userType: 'foreign_citizen',
        email: `bench-${Date.now()}-${i}@example.test`,
        password: 'quiet river under seven old bridges',
        givenName: 'Bench',
        surname: 'Test',
        dateOfBirth: '1990-05-17',
        sex: 'F',
        citizenship: 'DE',
        documentNumber: 'C01X00T47',
        noForeignerNumber: 'true',
        consent: 'true',
      };
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append('documents', new Blob([page], { type: 'application/pdf' }), 'a.pdf');
      form.append('documents', new Blob([page], { type: 'application/pdf' }), 'b.pdf');
      const response = await fetch(`${base}/registrations`, { method: 'POST', body: form, headers: { cookie, 'X-CSRF-Token': csrfToken } });
      return response.status;
    };
    const started = Date.now();
    const statuses = await Promise.all(Array.from({ length: 50 }, (_, i) => one(i)));
    const seconds = (Date.now() - started) / 1000;
    const after = await peakRss(child.pid);
    const ok = statuses.filter((s) => s === 202).length;
    report(`mock server: concurrent registrations accepted (in ${seconds.toFixed(1)} s)`, ok, 'of 50', '50 of 50', ok === 50);
    const growth = (after.peak - before.rss) / (1024 * 1024);
    report('mock server: peak memory growth during 50 × 2 × 3 MB uploads', growth.toFixed(0), 'MB', '100 MB', growth < 100);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The new-password check's worst median time over hard inputs (packages/mock-server/bench/password-check.ts). */
async function passwordCheck() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/password-check.ts'], { cwd: `${root}packages/mock-server`, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`password-check bench exited with ${code}`);
  const { worstMedianMs, loadMs } = JSON.parse(output.trim().split('\n').at(-1));
  report(`mock server: new-password check, worst of 8 hard 128-character inputs (corpus loaded once in ${loadMs.toFixed(0)} ms)`, worstMedianMs.toFixed(2), 'ms', '5 ms', worstMedianMs <= 5);
}

await bundleBudgets();
await cdnBudget();
await passwordCheck();
await firstRender();
await registrationLoad();
const over = results.filter((r) => !r.within);
console.log(over.length === 0 ? '\nall budgets met' : `\n${over.length} budget(s) over: ${over.map((r) => r.name).join('; ')}`);
