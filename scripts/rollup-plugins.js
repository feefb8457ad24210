// Small rollup plugins of our own: copy the default packs next to the widgets, write the packages'
// types, and report what a page downloads on load (brotli), which is what the embed budget counts.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/**
 * Writes into the entry which chunks each element needs (its own and every chunk it imports,
 * transitively, minus what the entry already has), in place of the JSON text `"__NK_CHUNK_MAP__"`.
 */
export function chunkMap(elementChunks) {
  return {
    name: 'nk-chunk-map',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
      if (!entry) return;
      const base = loadedOnLoad(bundle, entry.fileName);
      const map = {};
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const element = elementChunks.find((tag) => chunk.facadeModuleId?.endsWith(`${tag}.ts`));
        if (element) map[element] = [...loadedOnLoad(bundle, chunk.fileName)].filter((file) => !base.has(file));
      }
      // The source says JSON.parse('"__NK_CHUNK_MAP__"'); the map goes in as JSON text.
      const marker = /(['`])"__NK_CHUNK_MAP__"\1/;
      if (!marker.test(entry.code)) this.error(`${entry.fileName} has no __NK_CHUNK_MAP__ to fill in`);
      entry.code = entry.code.replace(marker, () => JSON.stringify(JSON.stringify(map)));
    },
  };
}

/**
 * Fills the loader's `JSON.parse('"__NK_ROOM_CSS__"')` with the room rules of `cssFile` (the part
 * between its "room start" and "room end" comments), comments and spaces taken out, so that the
 * loader gives the elements their room from the same rules as the stylesheet snippets link.
 */
export function roomCss(cssFile) {
  return {
    name: 'nk-room-css',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
      if (!entry) return;
      const marker = /(['`])"__NK_ROOM_CSS__"\1/;
      if (!marker.test(entry.code)) this.error(`${entry.fileName} has no __NK_ROOM_CSS__ to fill in`);
      const room = readFileSync(cssFile, 'utf8').match(/\/\* room start \*\/([^]*?)\/\* room end \*\//)?.[1];
      if (!room) this.error(`${cssFile} has no "room start" … "room end" part`);
      const rules = room
        .replace(/\/\*[^]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/ ?([{};,]) ?/g, '$1')
        .replace(/: /g, ':')
        .replace(/;}/g, '}')
        .trim();
      entry.code = entry.code.replace(marker, () => JSON.stringify(JSON.stringify(rules)));
    },
  };
}

/**
 * Prints, after the build, how many KB a page loads for each element (entry + its chunks), and
 * writes the file lists to `load-sets.json` for the benchmark.
 */
export function sizeReport(elementChunks, { print = true } = {}) {
  return {
    name: 'nk-size-report',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
      if (!entry) return;
      const kb = (files) => ([...files].reduce((sum, f) => sum + brotliSize(bundle[f].code), 0) / 1024).toFixed(1);
      const base = loadedOnLoad(bundle, entry.fileName);
      const sets = {};
      const all = new Set(base);
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const element = elementChunks.find((tag) => chunk.facadeModuleId?.endsWith(`${tag}.ts`));
        if (!element) continue;
        const files = loadedOnLoad(bundle, chunk.fileName, new Set(base));
        for (const f of files) all.add(f);
        sets[element] = [...files];
      }
      sets.all = [...all];
      this.emitFile({ type: 'asset', fileName: 'load-sets.json', source: `${JSON.stringify(sets, null, 2)}\n` });
      if (!print) return;
      const rows = [
        [`entry ${entry.fileName}`, kb(base)],
        ...elementChunks.filter((t) => sets[t]).map((t) => [`page with <${t}>`, kb(sets[t])]),
        ['page with all four elements', kb(all)],
      ];
      console.log(`\nWidgets, JavaScript a page loads (brotli):\n${rows.map(([k, v]) => `  ${k.padEnd(40)} ${v} KB`).join('\n')}`);
    },
  };
}

/**
 * After the extension's code is in extension/dist/chrome: adds manifests, pages, locales and icons,
 * and writes the Firefox build beside it. The test builds are not made here: see
 * scripts/extension-test-builds.js.
 */
export function extensionTargets() {
  return {
    name: 'nk-extension-targets',
    async writeBundle() {
      const { cpSync, mkdirSync, readFileSync: read, rmSync, writeFileSync } = await import('node:fs');
      const { manifest } = await import('../extension/manifest.js');
      const { iconPng } = await import('./icons.js');
      const { version } = JSON.parse(read('package.json', 'utf8'));
      const chrome = 'extension/dist/chrome';
      const firefox = 'extension/dist/firefox';
      cpSync('extension/pages', chrome, { recursive: true });
      cpSync('extension/_locales', `${chrome}/_locales`, { recursive: true });
      mkdirSync(`${chrome}/icons`, { recursive: true });
      for (const size of [16, 32, 48, 128]) writeFileSync(`${chrome}/icons/icon-${size}.png`, iconPng(size));
      writeFileSync(`${chrome}/manifest.json`, `${JSON.stringify(manifest('chrome', { version }), null, 2)}\n`);
      rmSync(firefox, { recursive: true, force: true });
      cpSync(chrome, firefox, { recursive: true });
      writeFileSync(`${firefox}/manifest.json`, `${JSON.stringify(manifest('firefox', { version }), null, 2)}\n`);
    },
  };
}

/**
 * Writes the package's `.d.ts` files and declaration maps with tsc once rollup has written its
 * JavaScript; esbuild strips types and cannot emit them.
 */
export function declarations(tsconfig) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  return {
    name: 'nk-declarations',
    writeBundle() {
      execFileSync(process.execPath, [tsc, '-p', tsconfig], { stdio: 'inherit' });
    },
  };
}
