import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import tseslint from 'typescript-eslint';

// SECURITY.md 28: the kit never turns strings into markup or code.
const noMarkupFromStrings = {
  'no-eval': 'error',
  'no-implied-eval': 'error',
  'no-new-func': 'error',
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: 'lit/directives/unsafe-html.js', message: 'unsafeHTML renders strings as markup (SECURITY.md 28).' },
        { name: 'lit/directives/unsafe-svg.js', message: 'unsafeSVG renders strings as markup (SECURITY.md 28).' },
        { name: 'lit-html/directives/unsafe-html.js', message: 'unsafeHTML renders strings as markup (SECURITY.md 28).' },
      ],
    },
  ],
  'no-restricted-properties': [
    'error',
    { property: 'innerHTML', message: 'innerHTML parses strings as markup (SECURITY.md 28).' },
    { property: 'outerHTML', message: 'outerHTML parses strings as markup (SECURITY.md 28).' },
    { property: 'insertAdjacentHTML', message: 'insertAdjacentHTML parses strings as markup (SECURITY.md 28).' },
    { object: 'document', property: 'write', message: 'document.write parses strings as markup (SECURITY.md 28).' },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]",
      message: 'Assigning markup strings is forbidden (SECURITY.md 28).',
    },
    {
      selector: "CallExpression[callee.property.name='createContextualFragment']",
      message: 'createContextualFragment parses strings as markup (SECURITY.md 28).',
    },
  ],
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.data/**', 'coverage/**', 'packages/auth-widgets/cdn/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['packages/auth-widgets/src/**/*.ts'],
    plugins: { lit },
    rules: {
      ...lit.configs.recommended.rules,
      ...noMarkupFromStrings,
    },
  },
  {
    // Tests may read innerHTML to prove that no secret or markup got in.
    files: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.ts', 'packages/*/e2e/**/*.ts'],
    rules: { 'no-restricted-properties': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // The integrator tests hand small functions to the browser (page.evaluate, init scripts).
    files: ['packages/auth-widgets/integration/**/*.mjs'],
    languageOptions: { globals: { document: 'readonly', window: 'readonly', customElements: 'readonly' } },
  },
);
