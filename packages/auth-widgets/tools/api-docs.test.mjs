import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, describe, test } from 'node:test';
import { missingRegions, renderElementApi, updateReadme } from './api-docs.mjs';
import { elementsOf, readManifest } from './manifest-model.mjs';
import { readmePath } from './manifest-paths.mjs';

describe('README API tables', () => {
  let manifest;
  let readme;

  before(async () => {
    manifest = await readManifest();
    readme = await readFile(readmePath, 'utf8');
  });

  test('are what tools/api-docs.mjs generates from custom-elements.json (run it)', () => {
    assert.equal(updateReadme(readme, manifest), readme);
  });

  test('exist for every element', () => {
    assert.deepEqual(missingRegions(readme, manifest), []);
  });

  test('show each element\'s attributes, events and custom properties', () => {
    for (const element of elementsOf(manifest)) {
      const api = renderElementApi(element);
      for (const attribute of element.declaration.attributes ?? []) assert.ok(api.includes(`| \`${attribute.name}\` |`), attribute.name);
      for (const event of element.declaration.events ?? []) assert.ok(api.includes(`| \`${event.name}\` |`), event.name);
      for (const property of element.declaration.cssProperties ?? []) assert.ok(api.includes(`| \`${property.name}\` |`), property.name);
    }
  });

  test('refuse a region for an element the manifest does not have', () => {
    assert.throws(() => updateReadme('<!-- api:egov-nope -->\n<!-- /api:egov-nope -->\n', manifest), /egov-nope/);
  });
});
