// (a) A ministry's app from the current `npm create vite@latest -- --template
// vanilla-ts` (Vite and TypeScript as the template pins them, its tsconfig
// untouched: erasableSyntaxOnly, verbatimModuleSyntax, no decorator flags),
// with the packed kit installed by npm. Its own `npm run build` type-checks
// and builds; the built app logs in against the mock server in Chromium
// (same origin, /api proxied), and the Vite dev server does too, across
// origins (same site: the API on another port, allow-listed).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { ACCOUNT, launch, logInWithPassword, npm, removeDir, serve, startBackend, viteAppWithKit } from './harness.mjs';

const MAIN = `import '@egov/auth-widgets/define/egov-auth';
import '@egov/auth-widgets/define/egov-login';
import { registerLocale, type EgovLoginSuccessDetail } from '@egov/auth-widgets';
import { API_PATHS } from '@egov/auth-widgets/contract';

// The ministry's own language, from its own folder (./hu.ts), without touching the kit.
registerLocale({ tag: 'hu', name: 'Magyar', load: () => import('./hu.ts') });

const backendUrl: string = import.meta.env.VITE_BACKEND_URL ?? '/api';
const app = document.querySelector<HTMLDivElement>('#app')!;
const auth = document.createElement('egov-auth');
auth.setAttribute('backend-url', backendUrl);
// The site's language; or (?follow-browser) a page that names none, so the kit follows the browser's.
if (new URLSearchParams(location.search).has('follow-browser')) document.documentElement.removeAttribute('lang');
else auth.setAttribute('locale', 'sr-Cyrl');
auth.setAttribute('modes', 'password');
auth.append(document.createElement('egov-login'));
const result = document.createElement('p');
result.id = 'result';
app.replaceChildren(auth, result);

document.addEventListener('egov-login-success', (event) => {
  const detail: EgovLoginSuccessDetail = event.detail;
  result.textContent = \`\${detail.user.email} \${detail.user.acr} \${API_PATHS.session}\`;
});
`;

// A ministry's language folder as docs/adding-a-language.md shows it: typed by the
// package's own types (a missing or misspelt key fails the app's build), here
// with the login's headings in Hungarian and the rest kept from English.
const HUNGARIAN = `import { defineLocalePack } from '@egov/auth-widgets';
import english from '@egov/auth-widgets/i18n/locales/en/index';
import { login } from '@egov/auth-widgets/i18n/locales/en/login';
import type { LoginMessages } from '@egov/auth-widgets/i18n/locales/en/login';

const hungarianLogin: LoginMessages = {
  ...login,
  loginHeading: 'Bejelentkezés',
  passwordHeading: 'Bejelentkezés felhasználónévvel és jelszóval',
  passwordLabel: 'Jelszó',
};

export default defineLocalePack({ tag: 'hu', name: 'Magyar', parts: { ...english.parts, login: hungarianLogin } });
`;

// What survives minification of each: protobuf.js's reader (an error text), the
// Fortify client (the line that publishes its global), Peculiar's element.
const PROTOBUF_RUNTIME = /invalid wire type/g;
const CERTIFICATE_CODE = /invalid wire type|self\.WebcryptoSocket\s*=|define\(["'`]peculiar-/;
const CLIENT_GLOBAL = /self\.WebcryptoSocket\s*=/g;

async function countIn(dir, pattern) {
  let count = 0;
  for (const file of await readdir(dir)) if (file.endsWith('.js')) count += ((await readFile(join(dir, file), 'utf8')).match(pattern) ?? []).length;
  return count;
}

let parent;
let app;
let backend;
let browser;

before(async () => {
  ({ parent, app } = await viteAppWithKit('vanilla-ts'));
  await writeFile(join(app, 'src/main.ts'), MAIN);
  await writeFile(join(app, 'src/hu.ts'), HUNGARIAN);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await backend?.stop();
  await removeDir(parent);
});

/** The person's journey: the Cyrillic form, typing, submitting, the Cyrillic "logged in", and the page's own handler. */
async function logsIn(page) {
  await page.locator('egov-login').getByText('Пријава корисничким именом и лозинком').waitFor({ state: 'visible', timeout: 20_000 });
  await logInWithPassword(page);
  await page.locator('egov-login').getByText('Пријављени сте', { exact: true }).waitFor({ state: 'visible', timeout: 20_000 });
  assert.equal(await page.locator('#result').innerText(), `${ACCOUNT.email} basic /session`);
}

describe('a Vite vanilla-ts app from the current template', () => {
  test('the template keeps its strict defaults (nothing loosened for the kit)', async () => {
    const tsconfig = await readFile(join(app, 'tsconfig.json'), 'utf8');
    assert.match(tsconfig, /"erasableSyntaxOnly": true/);
    assert.match(tsconfig, /"verbatimModuleSyntax": true/);
    assert.doesNotMatch(tsconfig, /experimentalDecorators/);
    assert.match(JSON.parse(await readFile(join(app, 'package.json'), 'utf8')).scripts.build, /tsc/);
  });

  test('`npm run build` type-checks and builds; the bundle holds no certificate stack', async () => {
    await npm(['run', 'build'], { cwd: app });
    const assets = join(app, 'dist/assets');
    let initialGzip = 0;
    for (const file of await readdir(assets)) {
      const code = await readFile(join(assets, file), 'utf8');
      // The runtimes themselves (the kit's own messages may name the packages).
      assert.ok(!CERTIFICATE_CODE.test(code), `${file} carries certificate-stack code`);
      if (file.startsWith('index-') && file.endsWith('.js')) initialGzip += gzipSync(code).length;
    }
    assert.ok(initialGzip > 0, 'no entry chunk');
  });

  test('the built app logs a person in, in Serbian Cyrillic, against the mock server (same origin)', async () => {
    // The portal's own origin in front of the API: the backend is told it is reached there.
    const site = await serve(join(app, 'dist'), { apiTarget: () => backend.url });
    backend = await startBackend(['--public-url', `${site.url}/api`]);
    try {
      const { page, context, problems } = await browser.newPage();
      await page.goto(site.url);
      await logsIn(page).catch(async (error) => {
        throw new Error(`${error.message}\n${await page.locator('body').innerHTML()}\n${JSON.stringify(problems)}`);
      });
      assert.deepEqual(problems.pageErrors, []);
      await context.close();
    } finally {
      await site.close();
    }
  });

  test('each language is its own chunk, loaded on demand: an English browser downloads no other language; a Russian one only Russian', async () => {
    // What each language's login says, from the installed package itself.
    const kit = join(app, 'node_modules/@egov/auth-widgets/dist/i18n/locales');
    const LANGUAGES = ['en', 'sr-Cyrl', 'sr-Latn', 'ru', 'uk', 'zh-Hans', 'tr', 'ar'];
    const words = {};
    for (const locale of LANGUAGES) {
      const { login } = await import(pathToFileURL(join(kit, locale === 'sr-Latn' ? 'sr-Cyrl' : locale, 'login.js')).href);
      // Serbian Latin has no texts of its own (derived at run time): its mark is the transliteration of the Cyrillic.
      words[locale] = locale === 'sr-Latn' ? ['Prijava korisničkim imenom i lozinkom'] : [login.passwordHeading, login.noAccount];
    }
    assert.equal(new Set(Object.values(words).flat()).size, LANGUAGES.length * 2 - 1, 'each language has words of its own');
    const site = await serve(join(app, 'dist'), { apiTarget: () => backend.url });
    await backend?.stop();
    backend = await startBackend(['--public-url', `${site.url}/api`]);
    try {
      for (const [browserLanguage, expected] of [
        ['en-US', 'en'],
        ['ru-RU', 'ru'],
      ]) {
        const context = await browser.browser.newContext({ locale: browserLanguage });
        const page = await context.newPage();
        const scripts = [];
        page.on('response', (response) => {
          if (response.request().resourceType() === 'script') scripts.push(response.text().catch(() => ''));
        });
        await page.goto(`${site.url}/?follow-browser`);
        await page.locator('egov-login').getByText(words[expected][0], { exact: true }).waitFor({ state: 'visible', timeout: 20_000 });
        assert.equal(await page.locator('egov-login .egov-root').getAttribute('lang'), expected);
        const loaded = (await Promise.all(scripts)).join('\n');
        for (const locale of LANGUAGES) {
          const found = words[locale].filter((word) => loaded.includes(word));
          // English is in the elements' own code (the fallback): every page has it.
          if (locale === expected || locale === 'en') assert.ok(found.length > 0, `${browserLanguage}: the ${locale} texts were loaded`);
          else assert.deepEqual(found, [], `${browserLanguage}: the ${locale} texts were downloaded`);
        }
        await context.close();
      }
    } finally {
      await site.close();
    }
  });

  test('a language the ministry adds in its own code (one folder, registerLocale) is found by a Hungarian browser, its own chunk', async () => {
    const site = await serve(join(app, 'dist'), { apiTarget: () => backend.url });
    await backend?.stop();
    backend = await startBackend(['--public-url', `${site.url}/api`]);
    try {
      const context = await browser.browser.newContext({ locale: 'hu-HU' });
      const page = await context.newPage();
      await page.goto(`${site.url}/?follow-browser`);
      await page.locator('egov-login').getByText('Bejelentkezés felhasználónévvel és jelszóval', { exact: true }).waitFor({ state: 'visible', timeout: 20_000 });
      assert.equal(await page.locator('egov-login .egov-root').getAttribute('lang'), 'hu');
      assert.equal(await page.locator('egov-login input[name=password]').evaluate((input) => input.labels?.[0]?.textContent?.trim()), 'Jelszó');
      await context.close();
      // Hungarian is a chunk of its own: the entry does not carry it.
      const entry = (await readdir(join(app, 'dist/assets'))).filter((file) => file.startsWith('index-') && file.endsWith('.js'));
      for (const file of entry) assert.ok(!(await readFile(join(app, 'dist/assets', file), 'utf8')).includes('Bejelentkezés'), `${file} carries the Hungarian texts`);
    } finally {
      await site.close();
    }
  });

  test('`vite` dev serves it too, and it logs in across origins (same site, allow-listed)', async () => {
    const devPort = 40000 + Math.floor(Math.random() * 20000);
    const devOrigin = `http://127.0.0.1:${devPort}`;
    await backend?.stop();
    backend = await startBackend(['--allowed-origin', devOrigin]);
    const dev = spawn(join(app, 'node_modules/.bin/vite'), ['--host', '127.0.0.1', '--port', String(devPort), '--strictPort'], {
      cwd: app,
      env: { ...process.env, VITE_BACKEND_URL: `${backend.url}/api` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    dev.stdout.on('data', (chunk) => (output += chunk));
    dev.stderr.on('data', (chunk) => (output += chunk));
    try {
      await waitForHttp(devOrigin, 30_000, () => output);
      const { page, context, problems } = await browser.newPage();
      await page.goto(devOrigin);
      await logsIn(page);
      assert.deepEqual(problems.pageErrors, [], output);
      await context.close();
    } finally {
      dev.kill('SIGTERM');
    }
  });

  for (const [entry, peers] of [
    ['@egov/auth-widgets/fortify', ['@webcrypto-local/client', 'protobufjs']],
    ['@egov/auth-widgets/fortify-peculiar', ['@peculiar/fortify-webcomponents']],
  ]) {
    test(`with certificate login (${entry} and its peers from the registry), the build holds one copy of protobuf.js and of the Fortify client`, async () => {
      await npm(['install', '--loglevel=error', ...peers], { cwd: app });
      try {
        await writeFile(join(app, 'src/main.ts'), `import '${entry}';\n${MAIN}`);
        await npm(['run', 'build'], { cwd: app });
        const assets = join(app, 'dist/assets');
        assert.equal(await countIn(assets, PROTOBUF_RUNTIME), 1, 'protobuf.js runtimes');
        assert.equal(await countIn(assets, CLIENT_GLOBAL), 1, 'Fortify clients');
      } finally {
        await writeFile(join(app, 'src/main.ts'), MAIN);
        await npm(['uninstall', '--loglevel=error', ...peers], { cwd: app });
      }
    });
  }

});

async function waitForHttp(url, timeoutMs, log) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer:\n${log()}`);
}
