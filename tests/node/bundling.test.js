// What npm users get when they bundle the packages themselves with esbuild (as Vite does).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('bundling @netwerkkracht/core with esbuild', () => {
  it('keeps isSafeUrl working next to the lazily loaded validator', async () => {
    // esbuild wraps modules that are also reached through import() in lazy initialisers and, for a
    // package marked side-effect free, may drop the call that runs them: module-level constants
    // of such a module are then undefined.
    const dir = mkdtempSync(join(tmpdir(), 'nk-bundle-'));
    const entry = join(dir, 'entry.js');
    writeFileSync(entry, "export { isSafeUrl, loadPack } from '@netwerkkracht/core';\n");
    const outfile = join(dir, 'out.mjs');
    await build({
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      conditions: ['source'],
      outfile,
      nodePaths: [join(root, 'node_modules')],
      logLevel: 'silent',
    });
    const { isSafeUrl } = await import(pathToFileURL(outfile).href);
    assert.equal(isSafeUrl('https://www.nji.nl/'), true);
    assert.equal(isSafeUrl('javascript:alert(1)'), false);
  });
});

describe('the embed bundle', () => {
  /** The text of every .js file a build wrote under `dir`. */
  const scripts = (dir) =>
    readdirSync(join(root, dir), { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.js'))
      .map((name) => [name, readFileSync(join(root, dir, name), 'utf8')]);
  // What only the studio holds: its tag, its database, and the CSV parser.
  const studioMarks = ['nk-studio', 'netwerkkracht-studio', 'delimitersToGuess'];

  it('holds none of the pack studio', () => {
    const widgets = scripts('widgets/dist');
    assert.ok(
      widgets.some(([name]) => name === 'netwerkkracht.js'),
      'the widgets are built',
    );
    for (const [name, code] of widgets) for (const mark of studioMarks) assert.ok(!code.includes(mark), `${name} holds ${mark}`);
    // The marks are what the studio's own build does hold, so the check can see it.
    const studio = scripts('packages/studio/dist')
      .map(([, code]) => code)
      .join('\n');
    for (const mark of studioMarks) assert.ok(studio.includes(mark), `the studio build holds ${mark}`);
  });

  it('gives each element at most five chunks besides the loader, none of which imports the loader', () => {
    // Six requests at once is what a browser sends to one host over HTTP/1.1; the pack goes on a
    // connection of its own (no credentials). A chunk importing the loader would run it twice
    // when the page's script address carries a query.
    const sets = JSON.parse(readFileSync(join(root, 'widgets/dist/load-sets.json'), 'utf8'));
    for (const tag of ['nk-tip-card', 'nk-contact-card', 'nk-network-checklist', 'nk-tip-deck']) {
      assert.equal(sets[tag][0], 'netwerkkracht.js');
      assert.ok(sets[tag].length <= 6, `<${tag}> needs ${sets[tag].join(', ')}`);
    }
    for (const [name, code] of scripts('widgets/dist/chunks')) assert.doesNotMatch(code, /["']\.\.\/netwerkkracht\.js["']/, `${name} imports the loader`);
  });
});
