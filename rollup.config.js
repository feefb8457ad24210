// One build for every output: the npm packages, the embeddable widgets and the extension.
// Type errors are caught by `tsc` (run first by `npm run build`); esbuild only strips types.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { copyFiles, sizeReport } from './scripts/rollup-plugins.js';

const resolve = () => nodeResolve({ exportConditions: ['source'], extensions: ['.ts', '.js'] });
const ts = (options = {}) => esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json', ...options });
const ELEMENTS = ['nk-tip-card', 'nk-contact-card', 'nk-network-checklist', 'nk-tip-deck'];
const quiet = process.env.NK_QUIET === '1';

function onwarn(warning, warn) {
  if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(`Unresolved import: ${warning.message}`);
  warn(warning);
}

/** An npm package build: its own code only, dependencies stay imports. */
const library = (dir, external) => ({
  input: `packages/${dir}/src/index.ts`,
  output: { dir: `packages/${dir}/dist`, format: 'es', sourcemap: true, preserveModules: true, preserveModulesRoot: `packages/${dir}/src` },
  external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
  plugins: [resolve(), ts()],
  onwarn,
});

const packs = {
  'packs/nl.json': 'packages/content/packs/nl.json',
  'packs/en.json': 'packages/content/packs/en.json',
  'packs/content-pack.schema.json': 'packages/content/packs/content-pack.schema.json',
};

export default [
  library('core', ['idb-keyval', 'valibot']),
  library('components', ['lit', '@netwerkkracht/core', 'idb-keyval', 'valibot']),
  {
    // The module build: a small loader entry, one chunk per element, shared chunks for Lit and core.
    input: { netwerkkracht: 'widgets/src/netwerkkracht.ts' },
    output: {
      dir: 'widgets/dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
    plugins: [resolve(), ts({ minify: true }), copyFiles(packs), quiet ? undefined : sizeReport(ELEMENTS)],
    onwarn,
  },
  {
    input: 'widgets/src/netwerkkracht.classic.ts',
    output: { file: 'widgets/dist/netwerkkracht.classic.js', format: 'iife', sourcemap: true, inlineDynamicImports: true },
    plugins: [resolve(), ts({ minify: true })],
    onwarn,
  },
];
