// (b) A React 19 + TypeScript app from the current `npm create vite@latest --
// --template react-ts`, defaults untouched, using the kit's `@lit/react`
// wrappers (typed `onEgov…` props) and its JSX types for the plain tags. Its
// own `npm run build` (`tsc -b && vite build`) type-checks and builds; the
// built app logs in across origins: page on http://localhost:P, API on
// http://localhost:Q (same site), the page's origin allow-listed.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ACCOUNT, freePort, launch, logInWithPassword, npm, removeDir, run, serve, startBackend, viteAppWithKit } from './harness.mjs';

const APP = `import { useState } from 'react';
import { EgovLogin } from '@egov/auth-widgets/react';
import type { EgovLoginSuccessDetail } from '@egov/auth-widgets';

const backendUrl: string = import.meta.env.VITE_BACKEND_URL ?? '/api';

export default function App() {
  const [user, setUser] = useState<EgovLoginSuccessDetail['user'] | undefined>();
  const [failures, setFailures] = useState<string[]>([]);
  return (
    <main>
      {/* A plain tag, typed by the kit's JSX declarations. */}
      <egov-auth backend-url={backendUrl} locale="sr-Latn" modes="password">
        {/* A wrapper: typed event props. */}
        <EgovLogin
          onEgovLoginSuccess={(event) => setUser(event.detail.user)}
          onEgovLoginError={(event) => setFailures((codes) => [...codes, event.detail.code])}
        />
      </egov-auth>
      <p id="result">{user ? \`\${user.email} \${user.acr}\` : ''}</p>
      <p id="failures">{failures.join(' ')}</p>
    </main>
  );
}
`;

// Wrong on purpose: the JSX types must refuse each line.
const MISUSE = `import { EgovLogin } from '@egov/auth-widgets/react';

export function Wrong() {
  return (
    <>
      <egov-login mode="phone"></egov-login>
      <EgovLogin onEgovLoginSuccess={(event) => event.detail.user.password} />
    </>
  );
}
`;

let parent;
let app;
let backend;
let browser;
let pagePort;

before(async () => {
  ({ parent, app } = await viteAppWithKit('react-ts'));
  await writeFile(join(app, 'src/App.tsx'), APP);
  pagePort = await freePort();
  backend = await startBackend(['--allowed-origin', `http://localhost:${pagePort}`, '--site-url', `http://localhost:${pagePort}`]);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await backend?.stop();
  await removeDir(parent);
});

describe('a React 19 + TypeScript app from the current template', () => {
  test('the JSX types refuse a wrong attribute value and a detail property that does not exist', async () => {
    await writeFile(join(app, 'src/Wrong.tsx'), MISUSE);
    try {
      const failure = await run(join(app, 'node_modules/.bin/tsc'), ['-b'], { cwd: app }).then(
        () => undefined,
        (error) => error,
      );
      assert.ok(failure, 'tsc accepted the misuse');
      assert.match(failure.output, /Wrong\.tsx.*"phone"/);
      assert.match(failure.output, /Wrong\.tsx.*Property 'password' does not exist/);
      assert.equal((failure.output.match(/error TS/g) ?? []).length, 2, failure.output);
    } finally {
      await run('rm', ['-f', join(app, 'src/Wrong.tsx')]);
    }
  });

  test('`npm run build` type-checks the wrappers and the plain tags, and builds', async () => {
    const backendUrl = `http://localhost:${backend.port}/api`;
    await npm(['run', 'build'], { cwd: app, env: { VITE_BACKEND_URL: backendUrl } });
  });

  test('the built app logs a person in across origins (same site, allow-listed), in Serbian Latin', async () => {
    const site = await serve(join(app, 'dist'), { host: 'localhost', port: pagePort });
    try {
      const { page, context, problems } = await browser.newPage();
      await page.goto(`http://localhost:${pagePort}/`);
      await page.locator('egov-login').getByText('Prijava korisničkim imenom i lozinkom', { exact: true }).waitFor({ state: 'visible', timeout: 20_000 });
      await logInWithPassword(page);
      await page.locator('egov-login').getByText('Prijavljeni ste', { exact: true }).waitFor({ state: 'visible', timeout: 20_000 }).catch(async (error) => {
        throw new Error(`${error.message}\n${await page.locator('body').innerText()}\n${JSON.stringify(problems)}`);
      });
      assert.equal(await page.locator('#result').innerText(), `${ACCOUNT.email} basic`);
      assert.equal(await page.locator('#failures').innerText(), '');
      assert.deepEqual(problems.pageErrors, []);
      await context.close();
    } finally {
      await site.close();
    }
  });
});
