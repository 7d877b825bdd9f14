#!/usr/bin/env node
/*
 * Generates custom-elements.json with @custom-elements-manifest/analyzer and
 * the package's custom-elements-manifest.config.mjs.
 *
 *   node tools/manifest.mjs [outdir]    (outdir defaults to the package folder)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import { packageDir } from './manifest-paths.mjs';

/** The manifest as an object. Module paths are relative to the package. */
export async function generateManifest() {
  return cli({
    argv: ['analyze', '--config', path.join(packageDir, 'custom-elements-manifest.config.mjs'), '--quiet'],
    cwd: packageDir,
    noWrite: true,
  });
}

/** The file's text: two-space JSON and a final newline, as the analyzer writes it. */
export function formatManifest(manifest) {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Writes custom-elements.json into `outdir` and returns its path. */
export async function writeManifest(outdir = packageDir) {
  const text = formatManifest(await generateManifest());
  await mkdir(outdir, { recursive: true });
  const file = path.join(outdir, 'custom-elements.json');
  await writeFile(file, text);
  return file;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = await writeManifest(process.argv[2] ? path.resolve(process.argv[2]) : packageDir);
  console.log(`wrote ${path.relative(process.cwd(), file) || file}`);
}
