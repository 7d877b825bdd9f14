/*
 * Reading the custom elements manifest: what the README and React generators
 * (and their tests) need from it, in the manifest's order.
 */
import { readFile } from 'node:fs/promises';
import { manifestPath } from './manifest-paths.mjs';

export async function readManifest(file = manifestPath) {
  return JSON.parse(await readFile(file, 'utf8'));
}

/**
 * The custom elements: `{ tagName, className, modulePath, declaration }`,
 * with `declaration.members` reduced to public fields and methods.
 */
export function elementsOf(manifest) {
  return manifest.modules.flatMap((module) =>
    module.declarations
      .filter((declaration) => declaration.kind === 'class' && declaration.customElement && declaration.tagName)
      .map((declaration) => ({
        tagName: declaration.tagName,
        className: declaration.name,
        modulePath: module.path,
        declaration,
      })),
  );
}

/** Public fields, each with its attribute name when it has one. */
export function fieldsOf(element) {
  return (element.declaration.members ?? []).filter((member) => member.kind === 'field');
}

export function methodsOf(element) {
  return (element.declaration.members ?? []).filter((member) => member.kind === 'method');
}

export function eventsOf(element) {
  return element.declaration.events ?? [];
}

/** `string | undefined` → `string`: optional is said by the table or the `?`. */
export function withoutUndefined(text = '') {
  return text
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== 'undefined')
    .join(' | ');
}

/** `CustomEvent<EgovLoginSuccessDetail>` → `EgovLoginSuccessDetail`. */
export function detailType(eventType = '') {
  const match = /^CustomEvent<(.*)>$/s.exec(eventType.trim());
  return match ? match[1].trim() : undefined;
}

/** `egov-login-success` → `EgovLoginSuccess`. */
export function pascalCase(name) {
  return name
    .split('-')
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}
