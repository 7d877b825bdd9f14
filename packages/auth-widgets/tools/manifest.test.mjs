import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeManifest } from './manifest.mjs';
import { elementsOf, eventsOf, fieldsOf } from './manifest-model.mjs';
import { manifestPath, packageDir } from './manifest-paths.mjs';

const src = (...parts) => path.join(packageDir, 'src', ...parts);

describe('custom-elements.json', () => {
  let committed;
  let manifest;
  let elements;
  let dir;

  before(async () => {
    committed = await readFile(manifestPath, 'utf8');
    manifest = JSON.parse(committed);
    elements = elementsOf(manifest);
    dir = await mkdtemp(path.join(tmpdir(), 'egov-manifest-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('is what the analyzer generates from the code now (run `node tools/manifest.mjs`)', async () => {
    const fresh = await readFile(await writeManifest(dir), 'utf8');
    assert.equal(fresh, committed);
  });

  test('has no absolute paths and the modules in path order', () => {
    assert.ok(!committed.includes(packageDir), 'the package folder appears in the manifest');
    for (const [, value] of committed.matchAll(/"(?:path|module)": "([^"]*)"/g)) {
      assert.match(value, /^src\//, `${value} is not a path inside the package`);
    }
    const paths = manifest.modules.map((module) => module.path);
    assert.deepEqual(paths, [...paths].sort());
  });

  test('has every tag that src/define/ registers, with its class', async () => {
    const defined = [];
    for (const file of (await readdir(src('define'))).sort()) {
      const text = await readFile(src('define', file), 'utf8');
      for (const [, tag, className] of text.matchAll(/defineElement\('([^']+)', (\w+)\)/g)) defined.push({ tag, className });
    }
    assert.ok(defined.length >= 6, 'src/define/ registers the six elements');
    for (const { tag, className } of defined) {
      const element = elements.find((e) => e.tagName === tag);
      assert.ok(element, `<${tag}> is missing from the manifest (a @tag in its class JSDoc?)`);
      assert.equal(element.className, className);
    }
    assert.deepEqual(elements.map((e) => e.tagName).sort(), defined.map((d) => d.tag).sort());
  });

  test('lists each element\'s events as its module declares them, with the detail type', async () => {
    for (const element of elements) {
      const text = await readFile(path.join(packageDir, element.modulePath), 'utf8');
      const map = /interface GlobalEventHandlersEventMap \{([\s\S]*?)\n {2}\}/.exec(text)?.[1] ?? '';
      const declared = [...map.matchAll(/'(egov-[a-z-]+)': (CustomEvent<[^;]+>);/g)].map(([, name, type]) => ({ name, type }));
      const listed = eventsOf(element).map((event) => ({ name: event.name, type: event.type?.text }));
      assert.deepEqual(
        [...listed].sort((a, b) => a.name.localeCompare(b.name)),
        [...declared].sort((a, b) => a.name.localeCompare(b.name)),
        `<${element.tagName}>: @event tags and GlobalEventHandlersEventMap differ`,
      );
    }
  });

  test('describes every public attribute, property, method and event', () => {
    for (const element of elements) {
      const { declaration } = element;
      assert.ok(declaration.summary, `<${element.tagName}> has no @summary`);
      assert.ok(declaration.description, `<${element.tagName}> has no description`);
      for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? []), ...eventsOf(element)]) {
        assert.ok(item.description, `<${element.tagName}>: ${item.name} has no description`);
      }
    }
  });

  test('shows only public API: no private, protected, static or @state members', async () => {
    for (const element of elements) {
      const text = await readFile(path.join(packageDir, element.modulePath), 'utf8');
      const states = [...text.matchAll(/@state\(\) (?:private |protected )?(\w+)/g)].map(([, name]) => name);
      for (const member of element.declaration.members ?? []) {
        assert.ok(!member.privacy || member.privacy === 'public', `<${element.tagName}>.${member.name} is ${member.privacy}`);
        assert.ok(!member.static && !member.name.startsWith('#'), `<${element.tagName}>.${member.name}`);
        assert.ok(!states.includes(member.name), `<${element.tagName}>.${member.name} is a @state field`);
        assert.notEqual(member.name, 'configOverrides');
      }
      for (const field of fieldsOf(element)) {
        if (field.attribute) assert.ok(element.declaration.attributes.some((a) => a.name === field.attribute));
      }
    }
  });

  test('documents the --egov-* tokens each element\'s styles use, with the defaults of tokens.ts', async () => {
    const tokensText = await readFile(src('styles', 'tokens.ts'), 'utf8');
    const tokens = new Map(
      [...tokensText.matchAll(/(\w+): css`var\((--egov-[a-z-]+), (.*)\)`/g)].map(([, key, name, fallback]) => [key, { name, fallback }]),
    );
    const usedBy = async (file) =>
      new Set([...(await readFile(src('styles', file), 'utf8')).matchAll(/\$\{t\.(\w+)\}/g)].map(([, key]) => tokens.get(key).name));
    // Every form element shows its problems too: the problem sheet is theirs, loaded with the form or on the first try.
    const formTokens = new Set([...(await usedBy('form-styles.ts')), ...(await usedBy('problem-styles.ts'))]);
    const ownSheets = { 'egov-register': 'register-styles.ts', 'egov-certificate-picker': 'picker-styles.ts' };

    for (const element of elements) {
      const listed = element.declaration.cssProperties ?? [];
      let expected;
      if (element.declaration.superclass?.name === 'EgovFormElement') {
        expected = new Set(formTokens);
        if (ownSheets[element.tagName]) for (const name of await usedBy(ownSheets[element.tagName])) expected.add(name);
        for (const property of listed) {
          const token = [...tokens.values()].find((t) => t.name === property.name);
          assert.ok(token, `<${element.tagName}>: ${property.name} is not a token of tokens.ts`);
          assert.equal(property.default, token.fallback, `<${element.tagName}>: default of ${property.name}`);
        }
      } else {
        // An element with its own shadow styles: the custom properties they read.
        const text = await readFile(path.join(packageDir, element.modulePath), 'utf8');
        const own = [...text.matchAll(/var\((--egov-[a-z-]+), ([^)]*)\)/g)];
        expected = new Set(own.map(([, name]) => name));
        for (const [, name, fallback] of own) assert.equal(listed.find((p) => p.name === name)?.default, fallback.trim());
      }
      assert.deepEqual(listed.map((p) => p.name).sort(), [...expected].sort(), `<${element.tagName}>: @cssprop list`);
      for (const property of listed) assert.ok(property.description, `<${element.tagName}>: ${property.name}`);
    }
  });

  test('declares slots and parts only where render() has them', async () => {
    for (const element of elements) {
      const text = await readFile(path.join(packageDir, element.modulePath), 'utf8');
      const slots = [...text.matchAll(/<slot(?: name="([^"]+)")?>/g)].map(([, name]) => name ?? '');
      const parts = [...text.matchAll(/\spart="([^"]+)"/g)].map(([, name]) => name);
      assert.deepEqual((element.declaration.slots ?? []).map((s) => s.name).sort(), slots.sort(), `<${element.tagName}> slots`);
      assert.deepEqual((element.declaration.cssParts ?? []).map((p) => p.name).sort(), parts.sort(), `<${element.tagName}> parts`);
    }
  });
});
