import assert from 'node:assert/strict';
import { test } from 'node:test';
import { transform } from 'esbuild';
import { minifyCssText, minifyHtmlText, minifyTemplates } from './minify-templates.mjs';

test('CSS: comments and indentation go, line breaks stay (source maps keep their lines)', () => {
  const text = `\n  :where(x) {\n    display: block; /* why\n it is */\n  }\n  a :hover , b {\n    color : red;\n  }\n`;
  const out = minifyCssText(text);
  assert.equal(out.split('\n').length, text.split('\n').length);
  assert.doesNotMatch(out, /\/\*|why/);
  // The descendant combinator before a pseudo-class is kept: `a :hover` is not `a:hover`.
  assert.match(out, /a :hover,b\{/);
  assert.match(out, /display:block/);
});

test('HTML: indentation goes, a line break stays as the space it is, spaces between words and elements stay', () => {
  const text = `<p class="egov-text">\n      No account? <a href="/r">Create</a>\n    </p>`;
  const out = minifyHtmlText(text);
  assert.equal(out, '<p class="egov-text">\nNo account? <a href="/r">Create</a>\n</p>');
});

test('only css`` and html`` templates change, nested ones too; strings, comments and other templates stay as written', async () => {
  const source = [
    'const a = html`<div\n    class=${x}>\n  ${items.map((i) => html`<p id=${`${i}-hint`}>\n    ${"}`{"}</p>`)}\n</div>`;',
    "const b = css `\n  a { color: red; }\n`; // a ` in a comment",
    'const c = `keep\n    this`; /* and ` this */',
  ].join('\n');
  const out = minifyTemplates(source);
  assert.equal(out.split('\n').length, source.split('\n').length);
  assert.match(out, /html`<div\nclass=\$\{x\}>\n\$\{items/);
  assert.match(out, /html`<p id=\$\{`\$\{i\}-hint`\}>\n\$\{"\}`\{"\}<\/p>`/);
  assert.match(out, /css `\na\{color:red\}\n`/);
  assert.match(out, /const c = `keep\n {4}this`/);
  // Still JavaScript.
  await transform(out, { loader: 'js' });
});

test('a template that never ends is refused, naming the file', () => {
  assert.throws(() => minifyTemplates('const a = html`<p>', 'broken.js'), /broken\.js: unterminated template/);
});
