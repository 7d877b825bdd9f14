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
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { minifyTemplates, minifyTemplatesPlugin } from './minify-templates.mjs';

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
 * esbuild with code splitting: Lit and the kit's shared parts land once in
 * shared chunks, each entry and chunk has a content hash in its name, and
 * `cdn/manifest.json` gives every file's sha384 and, per entry, the chunks
 * it imports statically (to preload with integrity).
 */
export async function buildCdn(outdir = join(pkg, 'cdn')) {
  await rm(outdir, { recursive: true, force: true });
  const result = await esbuild.build({
    entryPoints: await cdnEntryPoints(),
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    // Cyrillic texts as UTF-8, not \u escapes (module scripts are always decoded as UTF-8).
    charset: 'utf8',
    legalComments: 'eof',
    entryNames: '[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    assetNames: 'assets/[name]-[hash]',
    tsconfig: join(pkg, 'tsconfig.build.json'),
    metafile: true,
    absWorkingDir: pkg,
    // Stencil's lazy loader (unused: the kit takes Peculiar's per-component build) has a dynamic import esbuild cannot follow.
    logOverride: { 'unsupported-dynamic-import': 'silent', 'empty-glob': 'silent' },
    plugins: [minifyTemplatesPlugin],
    logLevel: 'warning',
  });
  const outputs = result.metafile.outputs;
  const files = {};
  for (const file of Object.keys(outputs).sort()) {
    if (file.endsWith('.map')) continue;
    files[relative(outdir, join(pkg, file))] = integrityOf(await readFile(join(pkg, file)));
  }
  const staticImports = (file, seen = new Set()) => {
    for (const imported of outputs[file].imports) {
      if (imported.kind !== 'import-statement' || seen.has(imported.path)) continue;
      seen.add(imported.path);
      staticImports(imported.path, seen);
    }
    return seen;
  };
  const entries = {};
  for (const [file, output] of Object.entries(outputs)) {
    // Only the entry points asked for (dynamic-import targets are entry points to esbuild too).
    if (!output.entryPoint || file.includes('/chunks/')) continue;
    const name = basename(file).replace(/-[A-Z0-9]+\.js$/, '');
    entries[name] = {
      file: relative(outdir, join(pkg, file)),
      integrity: files[relative(outdir, join(pkg, file))],
      imports: [...staticImports(file)].map((path) => relative(outdir, join(pkg, path))).sort(),
    };
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
