// The studio's typing latency: keystroke to the next paint (as INP counts it) in a tip's title,
// with a 1000-tip pack against a 1-tip pack, in one browser and one run. Validation, preview and
// saving wait until typing pauses, so they should not be on this path.
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { browserPath, CHROMIUM_ARGS } from '../scripts/browsers.js';
import { serve } from '../scripts/serve.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const KEYS = Number(process.env.BENCH_KEYS ?? 40);

/** A pack with `n` tips, made from the Dutch default pack's texts. */
function bigPack(n) {
  const nl = JSON.parse(readFileSync(join(root, 'packages/content/packs/nl.json'), 'utf8'));
  const tips = Array.from({ length: n }, (_, i) => ({ ...nl.tips[i % nl.tips.length], id: `tip-${i}` }));
  return { ...nl, tips, checklists: [], $schema: undefined };
}

/** Milliseconds from each keydown to the task after the next frame, for `KEYS` keystrokes. */
async function typingLatency(browser, origin, pack) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/studio`);
  await page.getByRole('heading', { name: 'Beginnen' }).waitFor();
  await page.evaluate(
    (draft) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('netwerkkracht-studio');
        open.onsuccess = () => {
          const put = open.result.transaction('drafts', 'readwrite').objectStore('drafts').put({ pack: draft, savedAt: Date.now() }, 'draft');
          put.onsuccess = () => (open.result.close(), resolve());
          put.onerror = () => reject(put.error);
        };
      }),
    pack,
  );
  await page.reload();
  await page.locator('#view-tips').click();
  await page.locator('#f-tips-0-title').focus();
  await page.evaluate(() => {
    window.latencies = [];
    document.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => window.latencies.push(performance.now() - start);
          channel.port2.postMessage(0);
        });
      },
      true,
    );
  });
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(i % 8 === 7 ? 'Backspace' : 'KeyA');
    await page.waitForFunction((count) => window.latencies.length > count, i);
  }
  const latencies = await page.evaluate(() => window.latencies);
  await context.close();
  return latencies;
}

/** Runs both packs, interleaved over rounds so a busy moment of the machine hits both alike. */
export async function studioTyping(rounds = 3) {
  const server = await serve(0, '127.0.0.1');
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: browserPath('chromium'), args: CHROMIUM_ARGS, headless: true });
  const result = { big: [], small: [] };
  try {
    for (let r = 0; r < rounds; r++) {
      result.big.push(...(await typingLatency(browser, origin, bigPack(1000))));
      result.small.push(...(await typingLatency(browser, origin, bigPack(1))));
    }
  } finally {
    await browser.close();
    server.close();
  }
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { big, small } = await studioTyping(Number(process.env.BENCH_RUNS ?? 3));
  const p = (values, q) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * q)];
  console.log(
    `studio keystroke to next paint: 1000 tips median ${p(big, 0.5).toFixed(1)} ms, p98 ${p(big, 0.98).toFixed(1)} ms; 1 tip median ${p(small, 0.5).toFixed(1)} ms; ratio ${(p(big, 0.5) / p(small, 0.5)).toFixed(2)}×`,
  );
}
