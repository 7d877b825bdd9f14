// The published shape: what the tarball holds, what Node and TypeScript make
// of it once installed with npm into an empty project.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { filesUnder, npm, removeDir, run, tarball, tempDir } from './harness.mjs';

const CERTIFICATE_STACK = ['@peculiar/fortify-webcomponents', '@webcrypto-local/client', 'protobufjs'];

let kit;
let dir;
let files;
let manifest;

before(async () => {
  kit = await tarball();
  dir = await tempDir('package');
  await run('tar', ['xzf', kit, '-C', dir]);
  files = filesUnder(join(dir, 'package'));
  manifest = JSON.parse(await readFile(join(dir, 'package/package.json'), 'utf8'));
});

after(() => removeDir(dir));

describe('the tarball', () => {
  test('ships compiled JavaScript with declarations and maps, never a raw .ts file, a test or a workspace config', () => {
    const rawTs = files.filter((file) => /\.(c|m)?tsx?$/.test(file) && !/\.d\.(c|m)?ts$/.test(file));
    assert.deepEqual(rawTs, [], 'raw TypeScript in the tarball');
    assert.deepEqual(files.filter((file) => /\.test\.|test-support|tsconfig|(^|\/)tools\/|(^|\/)integration\//.test(file)), []);
    for (const file of ['dist/index.js', 'dist/index.d.ts', 'dist/index.d.ts.map', 'dist/index.js.map', 'dist/define/egov-login.js', 'dist/client/contract.js']) {
      assert.ok(files.includes(file), `${file} missing`);
    }
    // Every module has its declaration and both maps.
    for (const js of files.filter((file) => file.startsWith('dist/') && file.endsWith('.js'))) {
      const base = js.slice(0, -3);
      for (const companion of [`${base}.d.ts`, `${base}.d.ts.map`, `${js}.map`]) assert.ok(files.includes(companion), `${companion} missing`);
    }
  });

  test('no decorator syntax anywhere: properties are static declarations (ES2022 output that any bundler and browser takes as it is)', async () => {
    for (const file of files.filter((name) => /^(dist|cdn)\/.*\.js$/.test(name))) {
      assert.doesNotMatch(await readFile(join(dir, 'package', file), 'utf8'), /^\s*@(property|state|customElement)\(/m, file);
    }
    const login = await readFile(join(dir, 'package/dist/components/login/egov-login.js'), 'utf8');
    // tsc writes the declaration as a static block (`useDefineForClassFields: false`).
    assert.match(login, /static \{ this\.properties = \{/);
  });

  test('a product: MIT licence, changelog, README, repository, engines, the manifest and the OpenAPI document', () => {
    for (const file of ['LICENSE', 'CHANGELOG.md', 'README.md', 'custom-elements.json', 'openapi.json', 'cdn/manifest.json']) assert.ok(files.includes(file), `${file} missing`);
    assert.equal(manifest.license, 'MIT');
    assert.ok(manifest.repository?.url, 'repository');
    assert.ok(manifest.engines?.node, 'engines');
    assert.equal(manifest.customElements, './custom-elements.json');
    assert.match(manifest.version, /^0\.\d+\.\d+/);
  });

  test('every export has types and code that exist in the tarball; the certificate packages are optional peers', () => {
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      const targets = typeof target === 'string' ? [target] : [target.types, target.default];
      if (typeof target !== 'string') assert.ok(target.types && target.default, `${subpath}: types and default`);
      for (const path of targets) {
        const pattern = new RegExp(`^${path.replace(/^\.\//, '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('\\*', '.+').replace('*', '.+')}$`);
        assert.ok(files.some((file) => pattern.test(file)), `${subpath} → ${path} matches nothing`);
      }
    }
    for (const name of CERTIFICATE_STACK) {
      assert.equal(manifest.dependencies?.[name], undefined, `${name} is a dependency`);
      assert.ok(manifest.peerDependencies?.[name], `${name} peer`);
      assert.equal(manifest.peerDependenciesMeta?.[name]?.optional, true, `${name} optional`);
    }
  });
});

describe('installed with npm into an empty project', () => {
  let project;
  before(async () => {
    project = await tempDir('consumer');
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    await npm(['install', '--loglevel=error', kit], { cwd: project });
  });
  after(() => removeDir(project));

  test('a password-only site installs none of the certificate stack', () => {
    for (const name of CERTIFICATE_STACK) assert.equal(existsSync(join(project, 'node_modules', name)), false, `${name} installed`);
    const installed = readdirSync(join(project, 'node_modules')).flatMap((entry) =>
      entry.startsWith('@') ? readdirSync(join(project, 'node_modules', entry)).map((name) => `${entry}/${name}`) : [entry],
    );
    assert.ok(installed.length < 20, `${installed.length} packages: ${installed.join(', ')}`);
  });

  test('backend teams: the contract and the OpenAPI document load in plain Node ESM', async () => {
    const script = [
      "import { API_PATHS, ERROR_CODES, CSRF_HEADER } from '@egov/auth-widgets/contract';",
      "import { isValidJmbg } from '@egov/auth-widgets/rules';",
      "import document from '@egov/auth-widgets/openapi.json' with { type: 'json' };",
      "import { openApiDocument } from '@egov/auth-widgets/openapi';",
      'console.log(JSON.stringify({ paths: Object.keys(API_PATHS).length, codes: ERROR_CODES.length, csrf: CSRF_HEADER, jmbg: isValidJmbg("0101990710006"), openapi: document.openapi, same: JSON.stringify(document) === JSON.stringify(openApiDocument) }));',
    ].join('\n');
    await writeFile(join(project, 'backend.mjs'), script);
    const result = JSON.parse(await run(process.execPath, ['backend.mjs'], { cwd: project }));
    assert.ok(result.paths > 10, 'API paths');
    assert.ok(result.codes > 10, 'error codes');
    assert.equal(result.csrf, 'X-CSRF-Token');
    assert.equal(typeof result.jmbg, 'boolean');
    assert.match(result.openapi, /^3\.1/);
    assert.equal(result.same, true, 'openapi.json is the module’s document');
  });

  const consumer = `
import { EgovLogin, FetchAuthClient, AuthError, type EgovLoginSuccessDetail, type AuthConfigInput } from '@egov/auth-widgets';
import '@egov/auth-widgets/define/egov-auth';
import '@egov/auth-widgets/define/egov-login';
import '@egov/auth-widgets/define/egov-register';
import '@egov/auth-widgets/define/egov-email-confirm';
import '@egov/auth-widgets/define/egov-password-reset';
import '@egov/auth-widgets/define/egov-certificate-picker';
import { API_PATHS, ERROR_CODES, type PasswordLoginRequest, type Acr } from '@egov/auth-widgets/contract';
import { openApiDocument } from '@egov/auth-widgets/openapi';
import { isValidJmbg } from '@egov/auth-widgets/rules';
import { SUPPORTED_LOCALES, type Locale } from '@egov/auth-widgets/i18n/locales';
import { SoftAgent, type CertificateAgent } from '@egov/auth-widgets/agent';
import { describeCertificate } from '@egov/auth-widgets/certificates';
import { loadWebcryptoSocket } from '@egov/auth-widgets/fortify';

const login: EgovLogin = document.createElement('egov-login');
login.addEventListener('egov-login-success', (event) => {
  const detail: EgovLoginSuccessDetail = event.detail;
  const acr: Acr = detail.user.acr;
  console.log(acr, detail.user.email.toUpperCase());
});
document.addEventListener('egov-login-error', (event) => console.log(event.detail.code));
const config: AuthConfigInput = { backendUrl: '/api' };
const client = new FetchAuthClient({ baseUrl: 'https://auth.example.gov.rs/api', locale: () => 'sr-Cyrl' });
const request: Partial<PasswordLoginRequest> = {};
const locale: Locale = SUPPORTED_LOCALES[0];
const agent: CertificateAgent | undefined = undefined as SoftAgent | undefined;
console.log(config, client, request, locale, agent, API_PATHS, ERROR_CODES, openApiDocument.openapi, isValidJmbg('1'), describeCertificate, loadWebcryptoSocket, AuthError);
`;
  // Wrong on purpose: the types must catch it.
  const misuse = `
import '@egov/auth-widgets/define/egov-login';
document.createElement('egov-login').addEventListener('egov-login-success', (event) => console.log(event.detail.user.password));
`;

  const settings = [
    { name: 'bundler', compilerOptions: { module: 'esnext', moduleResolution: 'bundler' } },
    { name: 'node16', compilerOptions: { module: 'node16', moduleResolution: 'node16' } },
  ];
  const strictest = {
    target: 'es2023',
    lib: ['ES2023', 'DOM'],
    strict: true,
    verbatimModuleSyntax: true,
    isolatedModules: true,
    erasableSyntaxOnly: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: false,
    noEmit: true,
    types: [],
  };

  for (const typescript of ['5', 'latest']) {
    describe(`TypeScript ${typescript}`, () => {
      let tsc;
      before(async () => {
        const alias = `typescript-${typescript}`;
        await npm(['install', '--loglevel=error', '--no-save', `${alias}@npm:typescript@${typescript}`], { cwd: project });
        const ts = JSON.parse(await readFile(join(project, 'node_modules', alias, 'package.json'), 'utf8'));
        tsc = join(project, 'node_modules', alias, typeof ts.bin === 'string' ? ts.bin : ts.bin.tsc);
      });

      for (const { name, compilerOptions } of settings) {
        test(`compiles every public entry under ${name} resolution with the strictest usual flags, no special flag for the kit`, async () => {
          const folder = join(project, `check-${typescript}-${name}`);
          await run('mkdir', ['-p', folder]);
          await writeFile(join(folder, 'consumer.ts'), consumer);
          await writeFile(join(folder, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...strictest, ...compilerOptions }, files: ['consumer.ts'] }));
          await run(process.execPath, [tsc, '-p', folder], { cwd: project });
        });

        test(`catches a wrong event detail under ${name} resolution`, async () => {
          const folder = join(project, `misuse-${typescript}-${name}`);
          await run('mkdir', ['-p', folder]);
          await writeFile(join(folder, 'consumer.ts'), misuse);
          await writeFile(join(folder, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...strictest, ...compilerOptions }, files: ['consumer.ts'] }));
          const error = await run(process.execPath, [tsc, '-p', folder], { cwd: project }).then(
            () => undefined,
            (failure) => failure,
          );
          assert.ok(error, 'tsc accepted a property the detail does not have');
          assert.match(error.output, /Property 'password' does not exist on type/);
        });
      }
    });
  }
});
