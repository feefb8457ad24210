// The load half of `npm run bench`: how long until a tip is readable on a phone over emulated slow
// 4G, against a static page with the same tip in its markup measured in the same run. Counts the
// round trips in a row before the tip shows and the layout shift (CLS) the host page suffers.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

/** Chrome DevTools' "slow 4G": 60 ms latency, 4 Mbps down, 3 Mbps up. */
export const SLOW_4G = { offline: false, latency: 60, downloadThroughput: (4 * 1024 * 1024) / 8, uploadThroughput: (3 * 1024 * 1024) / 8 };

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** The tip every page shows: the first of the Dutch default pack. */
export function firstTip(root) {
  const pack = JSON.parse(readFileSync(join(root, 'packages/content/packs/nl.json'), 'utf8'));
  const tip = pack.tips[0];
  return { tip, source: pack.sources.find((s) => s.id === tip.source), checklist: pack.checklists[0].id, contact: pack.contacts[0].id };
}

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** A host page: a heading and intro above the widgets, article text below that a shift would move. */
function page(title, head, widgets) {
  const para =
    'Samenwerken in een netwerk vraagt om afspraken die iedereen kent. Op deze pagina leest u hoe andere organisaties dat aanpakken, en wat u morgen al kunt doen.';
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${head}
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:40rem;padding:1rem}</style></head>
<body>
<h1>Samenwerken in de wijk</h1>
<p>${para}</p>
${widgets}
${Array.from({ length: 8 }, () => `<p>${para}</p>`).join('\n')}
</body>
</html>
`;
}

/**
 * The pages measured, by name. `snippets` gives extra ones (the embed builder's default, the
 * pre-rendered snippet) as `{ name: { head, body } }`.
 */
export function pages(root, snippets = {}) {
  const { tip, source, checklist } = firstTip(root);
  const staticTip = `<article><h3>${escape(tip.title)}</h3>${tip.body.map((p) => `<p>${escape(p)}</p>`).join('')}<p>Bron: ${escape(source.organisation)}</p></article>`;
  // The two-line snippet as the README gives it: the script in the head, holding the first paint
  // until it has given the elements their room (blocking="render", which only counts in the head).
  const module = '<script type="module" blocking="render" src="/netwerkkracht/netwerkkracht.js"></script>';
  const card = `<nk-tip-card tip="${tip.id}"></nk-tip-card>`;
  const four = `${card}\n<nk-tip-deck mode="daily"></nk-tip-deck>\n<nk-network-checklist checklist="${checklist}"></nk-network-checklist>\n<nk-contact-card name="Sam de Wit" job-title="Jongerenwerker" email="sam@example.org"></nk-contact-card>`;
  const result = {
    floor: page('Static', '', staticTip),
    'module, one tip card': page('Module', module, card),
    'classic (defer), one tip card': page('Classic', '', `<script defer src="/netwerkkracht/netwerkkracht.classic.js"></script>\n${card}`),
    'module, all four': page('Four', module, four),
    // Where a CMS takes the script only in the body: there the page is painted before it runs.
    'module, all four, script in body': page('Four in body', '', `<script type="module" src="/netwerkkracht/netwerkkracht.js"></script>\n${four}`),
  };
  for (const [name, { head = '', body }] of Object.entries(snippets)) result[name] = page(name, head, body);
  return { pages: result, title: tip.title };
}

/**
 * Serves the pages and widgets/dist with brotli, as a CDN would: versioned code cached for a day,
 * pages and packs revalidated (ETag, 304) on every view.
 */
export function serveLoad(root, pageMap) {
  const dist = join(root, 'widgets/dist');
  const compressed = new Map();
  const brotli = (key, body) => {
    if (!compressed.has(key)) compressed.set(key, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    return compressed.get(key);
  };
  const names = Object.keys(pageMap);
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://x');
    let body;
    let type;
    let cache = 'no-cache';
    const index = url.pathname.match(/^\/p\/(\d+)\.html$/)?.[1];
    if (index !== undefined && names[Number(index)]) {
      body = Buffer.from(pageMap[names[Number(index)]]);
      type = TYPES['.html'];
    } else if (url.pathname.startsWith('/netwerkkracht/')) {
      const file = resolve(dist, `.${sep}${normalize(url.pathname.slice('/netwerkkracht/'.length))}`);
      if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) return response.writeHead(404).end();
      body = readFileSync(file);
      type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (extname(file) === '.js' || extname(file) === '.css') cache = 'public, max-age=86400';
    } else return response.writeHead(404).end();
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    const headers = { 'content-type': type, 'cache-control': cache, etag, 'access-control-allow-origin': '*', vary: 'accept-encoding' };
    if (request.headers['if-none-match'] === etag) return response.writeHead(304, headers).end();
    if (/\bbr\b/.test(request.headers['accept-encoding'] ?? '')) {
      response.writeHead(200, { ...headers, 'content-encoding': 'br' }).end(brotli(url.pathname, body));
    } else response.writeHead(200, headers).end(body);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/** Runs in the page before anything else: notes when the tip's title is on screen, and the CLS. */
function watch(title) {
  const state = { readable: undefined, cls: 0 };
  Object.defineProperty(window, '__nkLoad', { value: state });
  new PerformanceObserver((list) => {
    // Every shift counts: the benchmark gives no input, and Chromium's touch emulation marks each
    // shift as after input (hadRecentInput), which would hide them all.
    for (const entry of list.getEntries()) state.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const shown = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (node.shadowRoot && shown(node.shadowRoot)) return true;
      } else if (node.data.includes(title)) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const box = range.getBoundingClientRect();
        if (box.height > 0 && box.width > 0 && node.parentElement?.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return true;
      }
    }
    return false;
  };
  const check = () => {
    if (document.body && shown(document.body)) state.readable = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/**
 * Loads `url` in a fresh phone-sized context over slow 4G. Cold: no HTTP cache, empty storage.
 * Warm: one view first (HTTP cache and the pack's IndexedDB copy filled), then the measured one.
 */
export async function loadOnce(browser, url, title, { warm = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  try {
    await context.addInitScript(watch, title);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: !warm });
    if (warm) {
      await page.goto(url, { waitUntil: 'networkidle' });
      await page.waitForFunction(() => window.__nkLoad.readable !== undefined);
      // The pack's copy is written to IndexedDB after it shows; give the write its moment.
      await page.waitForTimeout(300);
    }
    const requests = new Map();
    cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, start: e.timestamp, cached: false }));
    cdp.on('Network.requestServedFromCache', (e) => requests.get(e.requestId) && (requests.get(e.requestId).cached = true));
    cdp.on('Network.responseReceived', (e) => {
      const r = requests.get(e.requestId);
      if (!r) return;
      r.response = e.timestamp;
      if (e.response.fromDiskCache || e.response.fromPrefetchCache || e.response.fromServiceWorker) r.cached = true;
    });
    cdp.on('Network.loadingFinished', (e) => requests.get(e.requestId) && (requests.get(e.requestId).end = e.timestamp));
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForFunction(() => window.__nkLoad.readable !== undefined);
    // A shift after the tip shows (another element filling in) still counts.
    await page.waitForTimeout(300);
    const { readable, cls } = await page.evaluate(() => ({ ...window.__nkLoad }));
    const all = [...requests.values()];
    const doc = all.find((r) => r.url === url) ?? all[0];
    const readableAt = doc.start + readable / 1000;
    // A 304's loadingFinished can come after the page used it; its response time stands in.
    for (const r of all) r.end ??= r.response;
    return { readable, cls, roundTrips: roundTrips(all.filter((r) => !r.cached && r.end !== undefined && r.end <= readableAt)) };
  } finally {
    await context.close();
  }
}

/** The longest chain of requests where each started after the one before it had finished. */
export function roundTrips(requests) {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const depth = new Map();
  let longest = 0;
  for (const r of sorted) {
    let d = 1;
    for (const before of sorted) if (before !== r && before.end <= r.start && depth.has(before)) d = Math.max(d, depth.get(before) + 1);
    depth.set(r, d);
    longest = Math.max(longest, d);
  }
  return longest;
}

/** Every page cold (and the ones named in `warm` also warm), interleaved, `runs` times. */
export async function measureLoads(browser, root, { runs, snippets, warm }) {
  const { pages: pageMap, title } = pages(root, snippets);
  const server = await serveLoad(root, pageMap);
  const names = Object.keys(pageMap);
  const samples = {};
  const add = (key, value) => (samples[key] ??= []).push(value);
  try {
    const base = `http://127.0.0.1:${server.address().port}/p/`;
    for (let r = 0; r < runs; r++) {
      for (const [i, name] of names.entries()) {
        add(`${name}, cold`, await loadOnce(browser, `${base}${i}.html`, title));
        if (warm.includes(name)) add(`${name}, warm`, await loadOnce(browser, `${base}${i}.html`, title, { warm: true }));
      }
    }
  } finally {
    server.close();
  }
  return samples;
}
