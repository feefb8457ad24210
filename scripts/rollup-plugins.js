// Small rollup plugins of our own: copy the default packs next to the widgets, and report what a
// page downloads on load (brotli), which is what the embed budget counts.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

/** Emits files as assets of the build: `{ 'packs/nl.json': 'packages/content/packs/nl.json' }`. */
export function copyFiles(files) {
  return {
    name: 'nk-copy-files',
    generateBundle() {
      for (const [fileName, source] of Object.entries(files)) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(source) });
      }
    },
  };
}

/** Bytes after brotli at the highest quality, as a CDN would serve them. */
export function brotliSize(code) {
  return brotliCompressSync(Buffer.from(code), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

/** The chunks a file pulls in on load: itself and its static imports, transitively. */
export function loadedOnLoad(bundle, fileName, seen = new Set()) {
  if (seen.has(fileName) || !bundle[fileName]) return seen;
  seen.add(fileName);
  for (const imported of bundle[fileName].imports ?? []) loadedOnLoad(bundle, imported, seen);
  return seen;
}

/** Prints, after the build, how many KB a page loads for each element (entry + its chunks). */
export function sizeReport(elementChunks) {
  return {
    name: 'nk-size-report',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
      if (!entry) return;
      const kb = (files) => ([...files].reduce((sum, f) => sum + brotliSize(bundle[f].code), 0) / 1024).toFixed(1);
      const base = loadedOnLoad(bundle, entry.fileName);
      const rows = [[`entry ${entry.fileName}`, kb(base)]];
      const all = new Set(base);
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const element = elementChunks.find((tag) => chunk.facadeModuleId?.endsWith(`${tag}.ts`));
        if (!element) continue;
        const files = loadedOnLoad(bundle, chunk.fileName, new Set(base));
        for (const f of files) all.add(f);
        rows.push([`page with <${element}>`, kb(files)]);
      }
      rows.push(['page with all four elements', kb(all)]);
      console.log(`\nWidgets, JavaScript a page loads (brotli):\n${rows.map(([k, v]) => `  ${k.padEnd(40)} ${v} KB`).join('\n')}`);
    },
  };
}
