// `npm run bench`: sizes, render time, memory, validation and storage of Netwerkkracht, each next
// to a baseline measured in the same run. Prints a table and writes bench/results.json. It reports;
// it never fails the build.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { browserPath, CHROMIUM_ARGS } from '../scripts/browsers.js';
import { studioTyping } from './studio.js';
import { measureLoads } from './load.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
// Page loads over emulated slow 4G take a second or two each; BENCH_LOAD_RUNS=3 for a quick look.
const LOAD_RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 11);
const VARIANTS = ['div', 'vanilla', 'lit', 'lit-tip', 'lit-tip-parts', 'shoelace', 'shoelace-tip', 'nk-tip-card'];

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1), runs: values.length };
};
const brotli = (buffer) => brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

function sizes(files) {
  const buffers = files.map((file) => readFileSync(join(root, file)));
  return {
    min: buffers.reduce((s, b) => s + b.length, 0),
    gzip: buffers.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0),
    brotli: buffers.reduce((s, b) => s + brotli(b), 0),
  };
}

async function prepare() {
  console.log('Building widgets, extension and the benchmark page …');
  const result = spawnSync(join(root, 'node_modules/.bin/rollup'), ['-c', '--silent'], { cwd: root, stdio: 'inherit', env: { ...process.env, NK_QUIET: '1' } });
  if (result.status !== 0) throw new Error('the build failed');
  rmSync(join(root, 'bench/dist'), { recursive: true, force: true });
  // Split like the widgets are: without splitting, esbuild turns core's dynamic import of the
  // validator into a lazily started module, and the static `export *` of it is then never started
  // (parsePack threw on an undefined schema, and the benchmark timed that throw).
  await build({
    entryPoints: [join(root, 'bench/page.ts')],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    conditions: ['source'],
    outdir: join(root, 'bench/dist'),
    logLevel: 'warning',
    plugins: [minifiedTemplates()],
  });
}

/**
 * Lit templates as the widgets ship them, for the elements and the hand-written cards alike: the
 * build's minifier drops the whitespace between tags, and with it thousands of text nodes.
 */
function minifiedTemplates() {
  const minifier = minifyLiterals({ include: [join(root, 'packages/**/*.ts'), join(root, 'bench/*.ts')], failOnError: true });
  return {
    name: 'minified-templates',
    setup(esbuild) {
      esbuild.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
        const code = readFileSync(path, 'utf8');
        const context = {
          error: (message) => {
            throw new Error(message);
          },
          warn: () => undefined,
        };
        const minified = await minifier.transform.call(context, code, path);
        return { contents: minified?.code ?? code, loader: 'ts' };
      });
    },
  };
}

function serveBench() {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };
  const server = createServer((request, response) => {
    const path = join(root, 'bench', new URL(request.url, 'http://x').pathname.replace(/^\/+/, '') || 'index.html');
    if (!path.startsWith(join(root, 'bench')) || !existsSync(path)) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function measure(page, cdp) {
  const run = (fn, ...args) => page.evaluate(([name, a]) => window.bench[name](...a), [fn, args]);
  const render = {};
  const heap = {};
  const variants = VARIANTS;
  for (const n of [1000, 100, 1]) {
    for (const variant of variants) render[`${variant}×${n}`] = [];
    // Interleave the variants so that a slow moment of the machine hits all of them alike, in an
    // order turned by one each run, and from a collected heap: the garbage of the variant before
    // (Shoelace's thousand cards) would otherwise be collected in the time of the one after.
    for (let r = 0; r < RUNS; r++) {
      for (const variant of [...variants.slice(r % variants.length), ...variants.slice(0, r % variants.length)]) {
        await run('clear');
        await cdp.send('HeapProfiler.collectGarbage');
        render[`${variant}×${n}`].push(await run('render', variant, n));
      }
    }
  }
  for (const variant of variants) {
    const samples = [];
    for (let r = 0; r < Math.min(RUNS, 5); r++) {
      await run('clear');
      await cdp.send('HeapProfiler.collectGarbage');
      const before = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      await run('render', variant, 1000);
      await cdp.send('HeapProfiler.collectGarbage');
      samples.push((await cdp.send('Runtime.getHeapUsage')).usedSize - before);
    }
    heap[variant] = samples;
    await run('clear');
  }
  const validation = await run('validation', RUNS * 3);
  const storage = await run('storage', RUNS * 4);
  const checklist = await run('bigChecklist', Math.min(RUNS, 5));
  return { render, heap, validation, storage, checklist };
}

function report(results) {
  const rows = [];
  // `paired`: the median of the run-by-run ratios, where the samples were taken in pairs (render,
  // loads). A slow moment of the machine then moves both sides of a ratio, and the ratio less.
  const add = (group, name, figure, unit, baselineName, baseline, budget, paired) => {
    const ratio = paired ?? (baseline ? figure / baseline : undefined);
    const met = budget === undefined ? '' : (budget.ratio ? ratio <= budget.ratio : figure <= budget.max) ? 'met' : 'MISSED';
    const budgetText = budget === undefined ? '' : budget.ratio ? `≤ ${budget.ratio}× ${baselineName}` : `≤ ${budget.max} ${unit}`;
    rows.push({
      group,
      name,
      figure: Number(figure.toFixed(2)),
      unit,
      baseline: baselineName ?? '',
      ratio: ratio === undefined ? '' : Number(ratio.toFixed(2)),
      budget: budgetText,
      met,
    });
  };
  const kb = (bytes) => bytes / 1024;
  const s = results.sizes;
  add('size', 'page with all four elements (brotli)', kb(s.all.brotli), 'KB', 'Lit alone', kb(s.litAlone.brotli), { max: 18 });
  add('size', 'page with only nk-tip-card (brotli)', kb(s.tipCard.brotli), 'KB', 'Lit alone', kb(s.litAlone.brotli), { max: 12 });
  add('size', 'page with all four (gzip)', kb(s.all.gzip), 'KB');
  add('size', 'page with all four (minified)', kb(s.all.min), 'KB');
  for (const locale of ['nl', 'en'])
    add('size', `default pack ${locale}.json (brotli)`, kb(s.packs[locale].brotli), 'KB', `${locale}.json raw`, kb(s.packs[locale].min));
  add('size', 'extension content script (brotli)', kb(s.contentScript.brotli), 'KB', undefined, undefined, { max: 2 });
  const r = results.render;
  const p = results.paired;
  for (const n of [1000, 100, 1]) {
    const lit = r[`lit×${n}`].median;
    const litTip = r[`lit-tip-parts×${n}`].median;
    for (const variant of VARIANTS) {
      add('render', `${variant} × ${n}`, r[`${variant}×${n}`].median, 'ms', 'minimal Lit card', lit, undefined, p.render[`${variant}×${n}/lit`].median);
    }
    // The fair comparison: the same DOM written by hand in Lit, part attributes included, and the
    // same content in Shoelace. Without the part attributes, for what they cost.
    add(
      'render',
      `nk-tip-card × ${n}`,
      r[`nk-tip-card×${n}`].median,
      'ms',
      'Lit, same DOM without parts',
      r[`lit-tip×${n}`].median,
      undefined,
      p.render[`nk-tip-card×${n}/lit-tip`].median,
    );
    for (const variant of ['shoelace-tip', 'nk-tip-card']) {
      add(
        'render',
        `${variant} × ${n}`,
        r[`${variant}×${n}`].median,
        'ms',
        'Lit, same DOM',
        litTip,
        variant === 'nk-tip-card' && n === 1000 ? { ratio: 1.1 } : undefined,
        p.render[`${variant}×${n}/lit-tip-parts`].median,
      );
    }
  }
  const h = results.heap;
  for (const variant of VARIANTS) {
    add('memory', `${variant} × 1000`, kb(h[variant].median), 'KB', 'minimal Lit card', kb(h.lit.median));
  }
  for (const variant of ['shoelace-tip', 'nk-tip-card']) {
    add(
      'memory',
      `${variant} × 1000`,
      kb(h[variant].median),
      'KB',
      'Lit, same DOM',
      kb(h['lit-tip-parts'].median),
      variant === 'nk-tip-card' ? { ratio: 1.3 } : undefined,
    );
  }
  const l = results.load;
  const loadBudgets = {
    'module, one tip card': { ratio: 2.5, trips: 3 },
    'module, all four': { ratio: 2.8 },
    'classic (defer), one tip card': { ratio: 2.5 },
    'builder default snippet': { ratio: 1.5, cls: 0 },
    'pre-rendered, styles inline': { ratio: 1.1, cls: 0 },
    'builder snippets, all four': { cls: 0.05 },
  };
  for (const [key, figure] of Object.entries(l)) {
    const [name, view] = key.split(/, (?=cold$|warm$)/);
    if (name === 'floor') continue;
    const floor = l[`floor, ${view}`].readable.median;
    const budget = view === 'warm' ? { ratio: 1.3 } : loadBudgets[name];
    add(
      'load (slow 4G)',
      `${key}: tip readable`,
      figure.readable.median,
      'ms',
      `static page, ${view}`,
      floor,
      budget?.ratio ? { ratio: budget.ratio } : undefined,
      p.load[key]?.median,
    );
    add(
      'load (slow 4G)',
      `${key}: round trips before it`,
      figure.roundTrips.median,
      '',
      undefined,
      undefined,
      budget?.trips ? { max: budget.trips } : undefined,
    );
    const clsBudget = budget?.cls ?? (name === 'module, all four' ? 0.05 : undefined);
    add('load (slow 4G)', `${key}: layout shift (CLS)`, figure.cls.median, '', undefined, undefined, clsBudget === undefined ? undefined : { max: clsBudget });
  }
  add('load (slow 4G)', 'static page (floor), cold: tip readable', l['floor, cold'].readable.median, 'ms');
  add('validation', 'parse + validate 1000 tips', results.validation.validate.median, 'ms', 'JSON.parse', results.validation.parse.median, { ratio: 2 });
  add('storage', `tick until stored (${results.storage.mode})`, results.storage.tick.median, 'ms', 'idb-keyval set', results.storage.set.median, {
    ratio: 1.3,
  });
  add('checklist', '500 items: render', results.checklist.renders.median, 'ms');
  add('checklist', '500 items: click to progress', results.checklist.ticks.median, 'ms');
  const typing = results.studioTyping;
  add('studio', 'keystroke to next paint, 1000 tips (median)', typing.big.median, 'ms', '1-tip pack', typing.small.median, { ratio: 2 });
  // INP reports about the 98th percentile of a visit's interactions.
  add('studio', 'keystroke to next paint, 1000 tips (p98, INP-style)', typing.big.p98, 'ms', '1-tip pack p98', typing.small.p98, { max: 200 });
  return rows;
}

/**
 * Extra pages for the load figures: the embed builder's default snippet (a pre-rendered tip card,
 * as `netwerkkracht snippet` writes it), and the builder's snippets for all four elements.
 */
async function loadSnippets() {
  const { prerenderedTipCard, snippetHead } = await import('../packages/content/snippet.js');
  const pack = JSON.parse(readFileSync(join(root, 'packages/content/packs/nl.json'), 'utf8'));
  const head = snippetHead('/netwerkkracht/');
  const card = prerenderedTipCard(pack, pack.tips[0].id, { lang: 'nl' });
  const others = `<nk-tip-deck mode="daily" lang="nl"></nk-tip-deck>\n<nk-network-checklist checklist="${pack.checklists[0].id}" lang="nl"></nk-network-checklist>\n<nk-contact-card name="Sam de Wit" job-title="Jongerenwerker" email="sam@example.org" lang="nl"></nk-contact-card>`;
  const css = readFileSync(join(root, 'packages/content/netwerkkracht.css'), 'utf8');
  return {
    'builder default snippet': { body: `${head}\n${card}` },
    'pre-rendered, styles inline': { body: `${snippetHead('/netwerkkracht/', { css })}\n${card}` },
    'builder snippets, all four': { body: `${head}\n${card}\n${others}` },
  };
}

async function main() {
  const started = Date.now();
  await prepare();
  const loadSets = JSON.parse(readFileSync(join(root, 'widgets/dist/load-sets.json'), 'utf8'));
  const inDist = (files) => files.map((f) => `widgets/dist/${f}`);
  const litAlone = await build({ stdin: { contents: "export * from 'lit';", resolveDir: root }, bundle: true, format: 'esm', minify: true, write: false });
  const sizesResult = {
    all: sizes(inDist(loadSets.all)),
    tipCard: sizes(inDist(loadSets['nk-tip-card'])),
    litAlone: { min: litAlone.outputFiles[0].contents.length, brotli: brotli(litAlone.outputFiles[0].contents) },
    packs: { nl: sizes(['widgets/dist/packs/nl.json']), en: sizes(['widgets/dist/packs/en.json']) },
    contentScript: sizes(['extension/dist/chrome/launcher-content.js']),
  };
  const server = await serveBench();
  const browser = await chromium.launch({ executablePath: browserPath('chromium'), args: CHROMIUM_ARGS, headless: true });
  let measured;
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    measured = await measure(page, cdp);
    await page.close();
    measured.load = await measureLoads(browser, root, { runs: LOAD_RUNS, snippets: await loadSnippets(), warm: ['floor', 'module, one tip card'] });
  } finally {
    await browser.close();
    server.close();
  }
  const typing = await studioTyping(Math.min(RUNS, 3));
  const withP98 = (values) => ({ ...stats(values), p98: [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * 0.98)] });
  const paired = (a, b) => stats(a.map((x, i) => x / b[i]));
  const renderPairs = {};
  for (const key of Object.keys(measured.render)) {
    const n = key.split('×')[1];
    renderPairs[`${key}/lit`] = paired(measured.render[key], measured.render[`lit×${n}`]);
    renderPairs[`${key}/lit-tip`] = paired(measured.render[key], measured.render[`lit-tip×${n}`]);
    renderPairs[`${key}/lit-tip-parts`] = paired(measured.render[key], measured.render[`lit-tip-parts×${n}`]);
  }
  const loadPairs = {};
  for (const [key, samples] of Object.entries(measured.load)) {
    const floor = measured.load[`floor, ${key.endsWith(', warm') ? 'warm' : 'cold'}`];
    loadPairs[key] = paired(
      samples.map((x) => x.readable),
      floor.map((x) => x.readable),
    );
  }
  const summarise = (group) => Object.fromEntries(Object.entries(group).map(([k, v]) => [k, Array.isArray(v) ? stats(v) : v]));
  const results = {
    date: new Date().toISOString(),
    runs: RUNS,
    browser: 'Chromium (headless)',
    sizes: sizesResult,
    render: summarise(measured.render),
    heap: summarise(measured.heap),
    validation: summarise(measured.validation),
    storage: summarise(measured.storage),
    checklist: summarise(measured.checklist),
    paired: { render: renderPairs, load: loadPairs },
    studioTyping: { big: withP98(typing.big), small: withP98(typing.small) },
    load: Object.fromEntries(
      Object.entries(measured.load).map(([k, v]) => [
        k,
        { readable: stats(v.map((x) => x.readable)), roundTrips: stats(v.map((x) => x.roundTrips)), cls: stats(v.map((x) => x.cls)) },
      ]),
    ),
  };
  results.table = report(results);
  writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(
    `\nNetwerkkracht benchmark (${RUNS} runs, ${LOAD_RUNS} page loads each; medians; ratios against a baseline from this run, as the median of run-by-run ratios where runs are paired)\n`,
  );
  console.table(results.table);
  console.log(`\nWritten to bench/results.json in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((error) => {
  console.error(`Benchmark failed: ${error.message}`);
  process.exit(1);
});
