// (c) A plain HTML page without a build step: the package's CDN build, self-
// hosted (copied out of the installed package), loaded with Subresource
// Integrity from cdn/manifest.json, under a strict CSP that forbids inline
// scripts, eval and strings as script. A person logs in in Serbian Cyrillic;
// a tampered chunk stops the page from running it.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ACCOUNT, launch, logInWithPassword, npm, removeDir, serve, startBackend, tarball, tempDir } from './harness.mjs';

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
].join('; ');

let dir;
let site;
let backend;
let browser;
let manifest;

/**
 * The page an integrator writes from the manifest: the entries with their
 * hashes (`integrity`), the chunks they import preloaded. With `importMap`,
 * also an import map whose `integrity` covers every file of the build — the
 * only way a browser checks the chunks an entry imports (a failed
 * modulepreload is fetched again by the import, unchecked) — and the CSP
 * allows exactly that inline map by its hash.
 */
function page(cdnBase, { importMap = false } = {}) {
  const entries = ['egov-auth', 'egov-login'].map((name) => manifest.entries[name]);
  const chunks = [...new Set(entries.flatMap((entry) => entry.imports))].sort();
  const preload = chunks.map((file) => `<link rel="modulepreload" href="${cdnBase}/${file}" integrity="${manifest.files[file]}" crossorigin="anonymous">`);
  const scripts = entries.map((entry) => `<script type="module" src="${cdnBase}/${entry.file}" integrity="${entry.integrity}" crossorigin="anonymous"></script>`);
  const map = JSON.stringify({ integrity: Object.fromEntries(Object.entries(manifest.files).map(([file, hash]) => [`${cdnBase}/${file}`, hash])) });
  const mapHash = `'sha256-${createHash('sha256').update(map).digest('base64')}'`;
  const html = `<!doctype html>
<html lang="sr-Cyrl">
<head>
<meta charset="utf-8">
<title>Пријава</title>
${importMap ? `<script type="importmap">${map}</script>` : ''}
${preload.join('\n')}
${scripts.join('\n')}
<script type="module" src="/page.js"></script>
</head>
<body>
<egov-auth backend-url="/api" modes="password"><egov-login></egov-login></egov-auth>
<p id="result"></p>
</body>
</html>
`;
  return { html, csp: importMap ? CSP.replace("script-src 'self'", `script-src 'self' ${mapHash}`) : CSP };
}

before(async () => {
  const kit = await tarball();
  dir = await tempDir('cdn-page');
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'plain-site', private: true }));
  await npm(['install', '--loglevel=error', kit], { cwd: join(dir) });
  // Self-hosted: the site copies the CDN folder next to its pages.
  await cp(join(dir, 'node_modules/@egov/auth-widgets/cdn'), join(dir, 'www/kit'), { recursive: true });
  manifest = JSON.parse(await readFile(join(dir, 'www/kit/manifest.json'), 'utf8'));
  const strict = page('/kit');
  const mapped = page('/kit', { importMap: true });
  await writeFile(join(dir, 'www/index.html'), strict.html);
  await writeFile(join(dir, 'www/mapped.html'), mapped.html);
  await writeFile(join(dir, 'www/favicon.ico'), '');
  // The page's own script, a file: no inline script under this policy.
  await writeFile(
    join(dir, 'www/page.js'),
    "document.addEventListener('egov-login-success', (event) => { document.querySelector('#result').textContent = `${event.detail.user.email} ${event.detail.user.acr}`; });\n",
  );
  site = await serve(join(dir, 'www'), { headers: (path) => ({ 'Content-Security-Policy': path.endsWith('mapped.html') ? mapped.csp : strict.csp }), apiTarget: () => backend.url });
  backend = await startBackend(['--public-url', `${site.url}/api`]);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await backend?.stop();
  await removeDir(dir);
});

describe('a plain HTML page with the CDN build', () => {
  test('the manifest: hashed names, sha384 for every file, Lit once in a shared chunk', async () => {
    for (const [file, integrity] of Object.entries(manifest.files)) {
      assert.match(file, /-[0-9a-f]{8}\.js$/, `${file} has no content hash`);
      assert.match(integrity, /^sha384-[A-Za-z0-9+/]{64}$/);
    }
    for (const name of ['egov-auth', 'egov-login', 'egov-register', 'egov-email-confirm', 'egov-password-reset', 'egov-certificate-picker', 'all', 'fortify']) {
      assert.ok(manifest.entries[name], `${name} entry`);
    }
    // Lit's runtime (it registers its version in globalThis.litHtmlVersions) is in exactly one file, which both entries import.
    const withLit = [];
    for (const file of Object.keys(manifest.files)) {
      if ((await readFile(join(dir, 'www/kit', file), 'utf8')).includes('litHtmlVersions')) withLit.push(file);
    }
    assert.equal(withLit.length, 1, `Lit in ${withLit.join(', ')}`);
    assert.ok(manifest.entries['egov-login'].imports.includes(withLit[0]) && manifest.entries['egov-register'].imports.includes(withLit[0]));
  });

  test('a person logs in, in Serbian Cyrillic, under script-src \'self\' and Trusted Types, with no CSP violation', async () => {
    const { page: tab, context, problems } = await browser.newPage();
    await tab.goto(site.url);
    await tab.locator('egov-login').getByText('Пријава корисничким именом и лозинком', { exact: true }).waitFor({ state: 'visible', timeout: 20_000 });
    await logInWithPassword(tab);
    await tab.locator('egov-login').getByText('Пријављени сте', { exact: true }).waitFor({ state: 'visible', timeout: 20_000 });
    assert.equal(await tab.locator('#result').innerText(), `${ACCOUNT.email} basic`);
    assert.deepEqual(problems.cspViolations, []);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  test('with the import map of hashes, a chunk changed on the server is refused: no element is defined', async () => {
    const untouched = await browser.newPage();
    await untouched.page.goto(`${site.url}/mapped.html`);
    await untouched.page.locator('egov-login input[autocomplete=username]').waitFor({ state: 'visible', timeout: 20_000 });
    assert.deepEqual(untouched.problems.cspViolations, []);
    await untouched.context.close();

    const login = manifest.entries['egov-login'];
    const chunk = join(dir, 'www/kit', login.imports[0]);
    const original = await readFile(chunk, 'utf8');
    await writeFile(chunk, `${original}\n/* changed */\n`);
    try {
      const { page: tab, context, problems } = await browser.newPage();
      await tab.goto(`${site.url}/mapped.html`);
      await tab.waitForTimeout(1500);
      assert.equal(await tab.evaluate(() => customElements.get('egov-login') === undefined), true, problems.consoleErrors.join('\n'));
      assert.ok(problems.consoleErrors.some((text) => /integrity/i.test(text)), problems.consoleErrors.join('\n'));
      await context.close();
    } finally {
      await writeFile(chunk, original);
    }
  });
});
