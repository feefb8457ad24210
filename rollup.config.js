// One build for every output: the npm packages, the embeddable widgets and the extension.
// Type errors are caught by `tsc` (run first by `npm run build`); esbuild only strips types.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';

const resolve = () => nodeResolve({ exportConditions: ['source'], extensions: ['.ts', '.js'] });
const ts = (options = {}) => esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json', ...options });

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

export default [library('core', ['idb-keyval', 'valibot'])];
