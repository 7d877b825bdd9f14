// Proves the lint rules of SECURITY.md 28 catch what they must, in the kit's sources.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ESLint } from 'eslint';
import { root } from './lib.mjs';

const eslint = new ESLint({ cwd: root });
const kitFile = `${root}packages/auth-widgets/src/components/login/lint-probe.ts`;

async function rulesHit(code) {
  const [result] = await eslint.lintText(code, { filePath: kitFile });
  return result.messages.map((m) => m.ruleId);
}

const forbidden = {
  'unsafeHTML import': `import { unsafeHTML } from 'lit/directives/unsafe-html.js';\nexport const x = unsafeHTML;\n`,
  'innerHTML assignment': `export function f(el: HTMLElement, s: string) { el.innerHTML = s; }\n`,
  'insertAdjacentHTML': `export function f(el: HTMLElement, s: string) { el.insertAdjacentHTML('beforeend', s); }\n`,
  eval: `export function f(s: string) { return eval(s); }\n`,
  'new Function': `export function f(s: string) { return new Function(s); }\n`,
  'string setTimeout': `export function f() { setTimeout('alert(1)', 1); }\n`,
};

for (const [name, code] of Object.entries(forbidden)) {
  test(`lint refuses ${name} in the kit`, async () => {
    const rules = await rulesHit(code);
    assert.ok(
      rules.some((r) => ['no-restricted-imports', 'no-restricted-properties', 'no-restricted-syntax', 'no-eval', 'no-new-func', 'no-implied-eval', '@typescript-eslint/no-implied-eval'].includes(r)),
      `expected a security rule for ${name}, got ${JSON.stringify(rules)}`,
    );
  });
}

test('lint accepts text bindings', async () => {
  const rules = await rulesHit(`import { html } from 'lit';\nexport const view = (s: string) => html\`<p>\${s}</p>\`;\n`);
  assert.deepEqual(rules, []);
});
