// ESLint for the whole repository (`npm run lint`, also a step of `npm test`): the recommended sets of
// ESLint and typescript-eslint (without type information, so a run takes seconds), and for the
// elements the lit, wc and lit-a11y plugins that Shoelace uses. Formatting is Prettier's job
// (`npm run format:check`); no rule here is about layout. Rules turned off are listed in README
// ("Lint and format").
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';

/** Code that runs in a page, a worker or an extension. */
const BROWSER = [
  'packages/*/src/**',
  'packages/content/snippet.js',
  'widgets/src/**',
  'extension/src/**',
  'demo/**',
  'bench/page.ts',
  'tests/components/**',
  'tests/core/**',
  'tests/extension/**',
  'tests/robustness/**',
  'tests/fixtures/**',
];

/** Code that runs in Node: the build, the CLI, Node tests, and the drivers of browsers (whose callbacks run in the page). */
const NODE = [
  '*.js',
  'scripts/**',
  'bench/*.js',
  'extension/manifest.js',
  'packages/content/bin/**',
  'tests/node/**',
  'tests/e2e/**',
  'tests/fixtures/*.{js,mjs}',
];
const DRIVES_A_PAGE = ['bench/*.js', 'scripts/screenshots.js', 'tests/node/packages.test.js', 'tests/e2e/**'];

export default defineConfig(
  {
    ignores: ['**/dist/**', 'test-results/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  { files: BROWSER, languageOptions: { globals: { ...globals.browser, ...globals.webextensions } } },
  { files: NODE, languageOptions: { globals: globals.node } },
  { files: DRIVES_A_PAGE, languageOptions: { globals: { ...globals.browser, ...globals.webextensions } } },
  {
    files: ['**/*.jsx'],
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  {
    files: ['packages/components/src/**/*.ts', 'packages/studio/src/**/*.ts', 'widgets/src/**/*.ts', 'extension/src/**/*.ts', 'tests/**/*.ts', 'bench/page.ts'],
    plugins: { lit, 'lit-a11y': litA11y, wc },
    rules: {
      ...lit.configs['flat/recommended'].rules,
      ...litA11y.configs.recommended.rules,
      ...wc.configs['flat/best-practice'].rules,
    },
  },
  {
    rules: {
      // A rest element that leaves a property out names it, and JavaScript has no other way to say so.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // `declare module 'react' { namespace JSX { interface IntrinsicElements extends … {} } }` is how
      // React's own types are extended (packages/components/src/react.ts).
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    // Chai's property assertions (`.to.be.true`, `.to.exist`) are expressions by design; in
    // TypeScript a misspelt one is already a compile error, which is what this rule would catch.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // The launcher sits on someone else's page: a closed shadow root keeps that page's scripts out of it.
    files: ['extension/src/content/launcher-content.ts'],
    rules: { 'wc/no-closed-shadow-root': 'off' },
  },
  {
    // The safe-URL pattern is about control characters: URL parsing drops U+0000 to U+0020 before
    // the scheme, so the pattern (also written into the JSON Schema) has to allow them there.
    files: ['packages/core/src/schema.ts'],
    rules: { 'no-control-regex': 'off' },
  },
);
