// Builds what the published package ships (`pnpm --filter @egov/auth-widgets build`):
//   dist/                 ES2022 JavaScript (decorators compiled), .d.ts, declaration and source maps (tsc)
//   openapi.json          the contract's OpenAPI 3.1 document, for backend teams on any stack
//   custom-elements.json  the Custom Elements Manifest (tools/manifest.mjs), when that tool is present
//   cdn/                  self-contained ES modules for pages without a build step, with SRI hashes
// Inside the workspace the demo and the tests use the sources; this is the shape consumers get.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { rolldown } from 'rolldown';
import { minifyTemplates, minifyTemplatesRolldown } from './minify-templates.mjs';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const root = join(pkg, '../..');
const tsc = join(root, 'node_modules/.bin/tsc');

/** The CDN's entries: one per tag module, and the opt-in Fortify entries. */
export async function cdnEntryPoints() {
  const define = (await readdir(join(pkg, 'src/define')))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'define-element.ts')
    .sort()
    .map((file) => ({ in: join(pkg, 'src/define', file), out: file.replace(/\.ts$/, '') }));
  return [...define, { in: join(pkg, 'src/fortify.ts'), out: 'fortify' }, { in: join(pkg, 'src/fortify-peculiar.ts'), out: 'fortify-peculiar' }];
}

/** `sha384-…`, as `integrity` attributes take it. */
export function integrityOf(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/**
 * dist/ as tsc writes it, then the text of every css`` and html`` template
 * minified (tools/minify-templates.mjs): bundlers leave it as written. Each
 * rewritten file must still parse. `outDir` elsewhere for the bench.
 */
export async function buildDist(outDir = join(pkg, 'dist')) {
  await rm(outDir, { recursive: true, force: true });
  execFileSync(tsc, ['-p', join(pkg, 'tsconfig.build.json'), '--outDir', outDir], { stdio: 'inherit' });
  for (const file of await jsFiles(outDir)) {
    const source = await readFile(file, 'utf8');
    const minified = minifyTemplates(source, file);
    if (minified === source) continue;
    await esbuild.transform(minified, { loader: 'js', sourcefile: file, logLevel: 'silent' });
    await writeFile(file, minified);
  }
}

async function jsFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.js')).map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

async function writeOpenApi() {
  const { openApiDocument } = await import(pathToFileURL(join(pkg, 'dist/client/openapi.js')).href);
  await writeFile(join(pkg, 'openapi.json'), `${JSON.stringify(openApiDocument, null, 2)}\n`);
}

/**
 * The modules `<egov-login>`'s first screen loads: the static import closure
 * of its tag module (what loads later — dynamic imports — left out).
 */
async function firstScreenModules() {
  const laterParts = {
    name: 'later-parts',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
    },
  };
  const { metafile } = await esbuild.build({
    entryPoints: [join(pkg, 'src/define/egov-login.ts')],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    outdir: join(pkg, '.first-screen'),
    absWorkingDir: pkg,
    tsconfig: join(pkg, 'tsconfig.build.json'),
    conditions: ['production'],
    plugins: [laterParts],
    logLevel: 'silent',
  });
  return new Set(Object.keys(metafile.inputs).map((input) => join(pkg, input)).filter((file) => !file.endsWith(join('define', 'egov-login.ts'))));
}

/**
 * Rolldown with code splitting: what `<egov-login>`'s first screen needs
 * (Lit, the shared form parts, the login element) is one chunk, `kit`, which
 * every entry shares — a page without a build step loads the login in two
 * files, not in one per shared module (esbuild's splitting gave fourteen).
 * What loads later (other elements' parts, certificate code, Serbian) is
 * split as the imports say. Each entry and chunk has a content hash in its
 * name, and `cdn/manifest.json` gives every file's sha384 and, per entry,
 * the chunks it imports statically (to preload with integrity).
 */
export async function buildCdn(outdir = join(pkg, 'cdn')) {
  await rm(outdir, { recursive: true, force: true });
  const firstScreen = await firstScreenModules();
  const bundle = await rolldown({
    input: Object.fromEntries((await cdnEntryPoints()).map((entry) => [entry.out, entry.in])),
    platform: 'browser',
    tsconfig: join(pkg, 'tsconfig.build.json'),
    // What a production build gets: Lit's production mode.
    resolve: { conditionNames: ['production', 'browser', 'import', 'module', 'default'] },
    plugins: [minifyTemplatesRolldown],
    onLog(level, log, handler) {
      // Stencil's lazy loader (unused: the kit takes Peculiar's per-component build) and protobufjs's optional require.
      if (log.code === 'EVAL' || log.code === 'UNRESOLVED_IMPORT' || log.code === 'EMPTY_IMPORT_META') return;
      handler(level, log);
    },
  });
  const { output } = await bundle.write({
    dir: outdir,
    format: 'es',
    minify: true,
    comments: { legal: true, annotation: false, jsdoc: false },
    hashCharacters: 'hex',
    entryFileNames: '[name]-[hash:8].js',
    chunkFileNames: 'chunks/[name]-[hash:8].js',
    assetFileNames: 'assets/[name]-[hash:8][extname]',
    codeSplitting: { groups: [{ name: 'kit', test: (id) => firstScreen.has(id), priority: 10 }] },
  });
  await bundle.close();
  const files = {};
  for (const item of [...output].sort((a, b) => a.fileName.localeCompare(b.fileName))) {
    if (item.fileName.endsWith('.map')) continue;
    files[item.fileName] = integrityOf(await readFile(join(outdir, item.fileName)));
  }
  const chunks = new Map(output.filter((item) => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  const staticImports = (file, seen = new Set()) => {
    for (const imported of chunks.get(file)?.imports ?? []) {
      if (seen.has(imported)) continue;
      seen.add(imported);
      staticImports(imported, seen);
    }
    return seen;
  };
  const entries = {};
  for (const chunk of chunks.values()) {
    if (!chunk.isEntry) continue;
    entries[chunk.name] = { file: chunk.fileName, integrity: files[chunk.fileName], imports: [...staticImports(chunk.fileName)].sort() };
  }
  const manifest = { package: '@egov/auth-widgets', version: JSON.parse(await readFile(join(pkg, 'package.json'), 'utf8')).version, entries: sortKeys(entries), files };
  await writeFile(join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function sortKeys(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
}

async function writeManifest() {
  const tool = join(pkg, 'tools/manifest.mjs');
  if (!existsSync(tool)) return;
  execFileSync(process.execPath, [tool], { stdio: 'inherit', cwd: pkg });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildDist();
  await writeOpenApi();
  await writeManifest();
  const manifest = await buildCdn();
  console.log(`built dist/, openapi.json and cdn/ (${Object.keys(manifest.entries).length} entries, ${Object.keys(manifest.files).length} files)`);
}
