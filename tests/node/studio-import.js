// Imports a module of @netwerkkracht/studio by its package name in Node, bundled by esbuild from
// its TypeScript source (with papaparse's browser file, as the studio ships it).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The module `@netwerkkracht/studio/<subpath>`, ready to use. */
export async function importStudioModule(subpath) {
  const dir = mkdtempSync(join(tmpdir(), 'nk-studio-'));
  const entry = join(dir, 'entry.js');
  writeFileSync(entry, `export * from '@netwerkkracht/studio/${subpath}';\n`);
  const outfile = join(dir, 'out.mjs');
  // esbuild would drop the initialiser of core's validator (reached both statically and through
  // import()) in a package marked side-effect free; ignoreAnnotations keeps it.
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['source'],
    ignoreAnnotations: true,
    outfile,
    nodePaths: [join(root, 'node_modules')],
    logLevel: 'error',
  });
  return import(pathToFileURL(outfile).href);
}
