import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { elementsOf, eventsOf, pascalCase, readManifest } from './manifest-model.mjs';
import { packageDir, reactDir } from './manifest-paths.mjs';
import { HEADER, renderReact } from './react.mjs';

const run = promisify(execFile);
const workspace = path.resolve(packageDir, '..', '..');
const tsc = path.join(workspace, 'node_modules', '.bin', 'tsc');

describe('src/react', () => {
  let manifest;
  before(async () => {
    manifest = await readManifest();
  });

  test('is what tools/react.mjs generates from custom-elements.json (run it)', async () => {
    for (const [name, text] of Object.entries(renderReact(manifest))) {
      assert.equal(await readFile(path.join(reactDir, name), 'utf8'), text, `src/react/${name}`);
      assert.ok(text.startsWith(HEADER));
    }
  });

  test('has a JSX entry, a wrapper and typed handlers for every element and event', () => {
    const { 'jsx.ts': jsx, 'index.ts': wrappers } = renderReact(manifest);
    for (const element of elementsOf(manifest)) {
      assert.ok(jsx.includes(`'${element.tagName}': KitElementProps<${element.className}>`), element.tagName);
      assert.ok(wrappers.includes(`defineElement('${element.tagName}', ${element.className}Element);`), element.tagName);
      assert.ok(wrappers.includes(`export const ${element.className} = createComponent({`), element.className);
      for (const event of eventsOf(element)) {
        assert.ok(jsx.includes(`'on${event.name}'?: (event: ${event.type.text}) => void;`), event.name);
        assert.ok(wrappers.includes(`on${pascalCase(event.name)}: '${event.name}' as EventName<${event.type.text}>,`), event.name);
      }
    }
  });
});

const COMPILER_OPTIONS = {
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'bundler',
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  jsx: 'react-jsx',
  strict: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  erasableSyntaxOnly: true,
  allowImportingTsExtensions: true,
  experimentalDecorators: true,
  useDefineForClassFields: false,
  skipLibCheck: true,
  types: [],
  noEmit: true,
};

const wrappers = path.join(reactDir, 'index.ts');

const GOOD = `import { EgovAuth, EgovLogin, EgovPasswordReset } from '${wrappers}';

export function Page() {
  return (
    <egov-auth backend-url="/api" timeout-ms={400} locale="sr-Latn">
      <egov-login
        backend-url="/api"
        mode="certificate"
        class="login"
        onegov-login-success={(e) => e.detail.user.email}
        onegov-login-error={(e) => e.detail.code}
      />
      <egov-password-reset token="abc" onegov-password-changed={(e) => e.detail} />
      <EgovAuth backendUrl="/api" timeoutMs={400}>
        <EgovLogin mode="password" onEgovLoginSuccess={(e) => e.detail.user.acr} />
        <EgovPasswordReset onEgovPasswordResetRequested={(e) => e.type} />
      </EgovAuth>
    </egov-auth>
  );
}
`;

/** Each line that must not compile, with the error it must give. */
const BAD = [
  ['<egov-login mode="phone" />', 'TS2322', /"phone"/],
  ['<egov-login onegov-login-success={(e) => e.detail.user.name} />', 'TS2339', /Property 'name' does not exist on type 'SessionUser'/],
  ['<egov-auth timeout-ms="soon" />', 'TS2322', /"soon"/],
  ['<EgovLogin onEgovLoginSuccess={(e) => e.detail.user.password} />', 'TS2339', /Property 'password' does not exist on type 'SessionUser'/],
];

function badFixture() {
  return `import { EgovLogin } from '${wrappers}';

export const elements = [
${BAD.map(([line]) => `  ${line},`).join('\n')}
];
`;
}

/**
 * The kit's own sources use constructor parameter properties, which
 * `erasableSyntaxOnly` refuses (TS1294) when a program compiles them from
 * source, as these fixtures do; built .d.ts files have none. Those errors
 * are set aside; every other error counts.
 */
function isKitParameterProperty(line) {
  return line.includes('error TS1294:') && !line.includes('/src/react/') && !/\.tsx\(/.test(line);
}

async function compile(dir, name, source) {
  await writeFile(path.join(dir, name), source);
  const config = path.join(dir, `${name}.tsconfig.json`);
  await writeFile(config, JSON.stringify({ compilerOptions: COMPILER_OPTIONS, files: [name] }, null, 2));
  const output = await run(tsc, ['-p', config, '--pretty', 'false'], { cwd: workspace, maxBuffer: 10 * 1024 * 1024 }).then(
    ({ stdout }) => stdout,
    (error) => `${error.stdout}${error.stderr}`,
  );
  const errors = output.split('\n').filter((line) => line.includes(': error TS') && !isKitParameterProperty(line));
  return { ok: errors.length === 0, output: errors.join('\n') };
}

describe('React 19 types (compiled with the workspace TypeScript)', () => {
  let dir;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'egov-react-types-'));
    // The fixtures resolve react/jsx-runtime as a page of the package would.
    await symlink(path.join(packageDir, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('accept the tags and the wrappers with typed attributes and events', async () => {
    const { ok, output } = await compile(dir, 'good.tsx', GOOD);
    assert.ok(ok, output);
  });

  test('reject a wrong attribute value and a wrong detail property', async () => {
    const { ok, output } = await compile(dir, 'bad.tsx', badFixture());
    assert.ok(!ok, 'the bad fixture compiled');
    const errors = output.split('\n').filter((line) => line.includes('bad.tsx('));
    assert.equal(errors.length, output.split('\n').length, `errors outside the fixture:\n${output}`);
    BAD.forEach(([source, code, message], index) => {
      const line = index + 4;
      const error = errors.find((e) => e.includes(`bad.tsx(${line},`));
      assert.ok(error, `no error for line ${line}: ${source}\n${output}`);
      assert.ok(error.includes(`error ${code}:`) && message.test(error), `line ${line}: ${error}`);
    });
    assert.equal(errors.length, BAD.length, output);
  });

  test('keep the JSX types with the wrappers in the declaration output', async () => {
    const out = path.join(dir, 'types');
    const config = path.join(dir, 'emit.tsconfig.json');
    const options = { ...COMPILER_OPTIONS, noEmit: false, declaration: true, emitDeclarationOnly: true, outDir: out, rootDir: path.join(packageDir, 'src') };
    await writeFile(config, JSON.stringify({ compilerOptions: options, files: [wrappers] }, null, 2));
    // Errors elsewhere in the kit do not stop declaration files from being written.
    await run(tsc, ['-p', config, '--pretty', 'false'], { cwd: workspace, maxBuffer: 10 * 1024 * 1024 }).catch(() => undefined);
    const index = await readFile(path.join(out, 'react', 'index.d.ts'), 'utf8');
    assert.match(index, /export type \{\} from '\.\/jsx\.js';/);
    const jsx = await readFile(path.join(out, 'react', 'jsx.d.ts'), 'utf8');
    assert.match(jsx, /'onegov-login-success'\?: \(event: CustomEvent<EgovLoginSuccessDetail>\) => void;/);
  });
});
