// One build for every output: the npm packages, the embeddable widgets and the extension (the
// release builds only; tests make their own from it, scripts/extension-test-builds.js). Type
// errors are caught by `tsc` (run first by `npm run build`); esbuild only strips types. A function,
// so that importing this file changes nothing: rollup calls it when it builds.
import { rmSync } from 'node:fs';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import esbuild from 'rollup-plugin-esbuild';
import { chunkMap, copyFiles, declarations, extensionTargets, roomCss, sizeReport } from './scripts/rollup-plugins.js';

const resolve = () => nodeResolve({ exportConditions: ['source'], extensions: ['.ts', '.js'] });
const ts = (options = {}) => esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json', ...options });
// Whitespace and comments inside html`` and css`` literals; only our own sources (Lit ships minified).
const minify = () => minifyLiterals({ include: ['packages/**/*.ts', 'widgets/**/*.ts', 'extension/**/*.ts'], failOnError: true });
const ELEMENTS = ['nk-tip-card', 'nk-contact-card', 'nk-network-checklist', 'nk-tip-deck'];
const quiet = process.env.NK_QUIET === '1';

function onwarn(warning, warn) {
  if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(`Unresolved import: ${warning.message}`);
  warn(warning);
}

/**
 * An npm package build: its own code only, dependencies stay imports; tsc writes the types. Lit
 * templates are minified as in the widgets, so an app gets the same DOM as an embed.
 */
const library = (dir, external, entries = ['index']) => ({
  input: entries.map((entry) => `packages/${dir}/src/${entry}.ts`),
  output: { dir: `packages/${dir}/dist`, format: 'es', sourcemap: true, preserveModules: true, preserveModulesRoot: `packages/${dir}/src` },
  external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
  plugins: [resolve(), minify(), ts(), declarations(`packages/${dir}/tsconfig.build.json`)],
  onwarn,
});

const packs = {
  'packs/nl.json': 'packages/content/packs/nl.json',
  'packs/en.json': 'packages/content/packs/en.json',
  'packs/content-pack.schema.json': 'packages/content/packs/content-pack.schema.json',
};

/** Empties the output folders, so that no chunk of an earlier build is served or counted. */
function clean() {
  for (const dir of ['packages/core/dist', 'packages/components/dist', 'packages/studio/dist', 'widgets/dist', 'extension/dist']) {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default function config() {
  clean();
  return builds();
}

const builds = () => [
  library('core', ['idb-keyval', 'valibot'], ['index', 'prefetch', 'rules']),
  library(
    'components',
    ['lit', '@netwerkkracht/core', 'idb-keyval', 'valibot'],
    ['index', 'classes', 'config', 'clipboard', 'react', ...ELEMENTS.map((tag) => `${tag}/${tag}`)],
  ),
  {
    // The module build: a small loader entry, one chunk per element, shared chunks for Lit and core.
    input: { netwerkkracht: 'widgets/src/netwerkkracht.ts' },
    output: {
      dir: 'widgets/dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      // Rollup names a merged chunk after one of its modules: the one with the elements' base says so.
      chunkFileNames: (chunk) => `chunks/${chunk.moduleIds.some((id) => id.endsWith('/internal/nk-element.ts')) ? 'nk-element' : '[name]'}-[hash].js`,
      // Chunks under 3 KB of code without side effects are merged into others: a tip card then
      // needs five chunks instead of seven, which fit in the six connections a browser opens to a
      // host over HTTP/1.1 (the seventh waited a round trip for a free one).
      experimentalMinChunkSize: 3000,
      // The loader and what it imports form a chunk of their own, which is never a merge target:
      // a chunk importing from the loader would load it a second time when the page's script
      // address carries a query (?ver=…), as CMSs add.
      manualChunks: (id) => (id.endsWith('/widgets/src/netwerkkracht.ts') ? 'netwerkkracht' : undefined),
    },
    plugins: [
      resolve(),
      minify(),
      ts({ minify: true }),
      copyFiles({ ...packs, 'netwerkkracht.css': 'packages/content/netwerkkracht.css' }),
      chunkMap(ELEMENTS),
      roomCss('packages/content/netwerkkracht.css'),
      sizeReport(ELEMENTS, { print: !quiet }),
    ],
    onwarn,
  },
  {
    // The extension's pages and background; bundled whole, because an extension loads no remote code.
    input: {
      background: 'extension/src/background.ts',
      panel: 'extension/src/panel.ts',
      options: 'extension/src/options.ts',
      'launcher-frame': 'extension/src/launcher-frame.ts',
    },
    output: { dir: 'extension/dist/chrome', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    // webextension-polyfill ships as UMD only.
    plugins: [resolve(), commonjs(), ts({ minify: true }), copyFiles(packs)],
    onwarn,
  },
  {
    // The content script: a classic script, tiny, no framework, no polyfill.
    input: 'extension/src/content/launcher-content.ts',
    output: { file: 'extension/dist/chrome/launcher-content.js', format: 'iife' },
    plugins: [resolve(), ts({ minify: true }), extensionTargets()],
    onwarn,
  },
  {
    // The pack studio: an application, bundled whole (its own copy of the elements), so a static
    // host can serve the folder as it is. It is not part of the embed bundle.
    input: { studio: 'packages/studio/src/index.ts', csv: 'packages/studio/src/csv.ts', model: 'packages/studio/src/model.ts' },
    output: { dir: 'packages/studio/dist', format: 'es', sourcemap: true, entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    plugins: [
      // papaparse's "browser" file, without the Node stream support its main file requires.
      nodeResolve({ exportConditions: ['source'], extensions: ['.ts', '.js'], browser: true }),
      commonjs(),
      minify(),
      ts({ minify: true }),
      copyFiles({
        'studio.css': 'packages/studio/src/studio.css',
        'index.html': 'packages/studio/src/index.html',
        'packs/nl.json': packs['packs/nl.json'],
        'packs/en.json': packs['packs/en.json'],
      }),
    ],
    onwarn,
  },
  {
    // The snippet writer of @netwerkkracht/content, for the embed builder in the browser.
    input: 'packages/content/snippet.js',
    output: { file: 'widgets/dist/snippet.js', format: 'es' },
    plugins: [resolve(), ts({ minify: true })],
    onwarn,
  },
  {
    input: 'widgets/src/netwerkkracht.classic.ts',
    output: { file: 'widgets/dist/netwerkkracht.classic.js', format: 'iife', sourcemap: true, inlineDynamicImports: true },
    plugins: [resolve(), ts({ minify: true })],
    onwarn,
  },
];
