// Two tabs of one site tick the same checklist at the same time: 200 ticks, interleaved, one of
// the tabs reloaded half-way. Every tick must survive, in both tabs and on disk, in Chromium
// (playwright-core) and Firefox (puppeteer-core over WebDriver BiDi). Real pages of the demo
// site, sharing one origin's IndexedDB and BroadcastChannel, ticked through the checklist itself.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { browserPath } from '../../scripts/browsers.js';
import { launchChromium, PATIENCE, startDemo, watchErrors } from './helpers.js';

/** Each tab ticks its own items (even ones, odd ones); these many clicks per tab and phase. */
const PHASES = [
  { one: 50, two: 50 },
  // The second tab reloads meanwhile.
  { one: 25, two: 0, reloadTwo: true },
  { one: 25, two: 50 },
];

/** Clicks `count` checkboxes of the page's checklist, those with index % 2 === `parity`, in turn from `start`; each waits for the element's own confirmation. */
async function clickBoxes({ count, parity, start }) {
  const el = document.querySelector('nk-network-checklist');
  for (let k = 0; k < count; k++) {
    const boxes = [...el.shadowRoot.querySelectorAll('input[type="checkbox"]')].filter((_, i) => i % 2 === parity);
    const changed = new Promise((resolve) => el.addEventListener('nk-progress-change', resolve, { once: true }));
    boxes[(start + k) % boxes.length].click();
    await changed;
  }
}

/** Whether the page's checklist shows exactly `want` (one boolean per item). */
function shows(want) {
  const root = document.querySelector('nk-network-checklist')?.shadowRoot;
  const boxes = [...(root?.querySelectorAll('input[type="checkbox"]') ?? [])];
  return boxes.length === want.length && boxes.every((box, i) => box.checked === want[i]);
}

/** What the checklist shows, for a failure message. */
function state() {
  const root = document.querySelector('nk-network-checklist')?.shadowRoot;
  return [...(root?.querySelectorAll('input[type="checkbox"]') ?? [])].map((box) => box.checked);
}

/**
 * The story, with `driver` hiding the difference between the two libraries: open two tabs, run
 * the phases, and check every tab (and a third, freshly opened one) shows every tick.
 */
async function story(driver) {
  const [one, two] = [await driver.open(), await driver.open()];
  const items = await driver.evaluate(one, () => document.querySelector('nk-network-checklist').shadowRoot.querySelectorAll('input[type="checkbox"]').length);
  assert.ok(items >= 4, `the checklist has ${items} items`);
  /** Clicks per item so far: an item is ticked when it was clicked an odd number of times. */
  const clicks = Array.from({ length: items }, () => 0);
  const own = (parity) => Array.from({ length: items }, (_, i) => i).filter((i) => i % 2 === parity);
  const next = { one: 0, two: 0 };
  const run = (page, parity, who, count) => {
    const start = next[who];
    next[who] += count;
    const mine = own(parity);
    for (let k = 0; k < count; k++) clicks[mine[(start + k) % mine.length]]++;
    return count ? driver.evaluate(page, clickBoxes, { count, parity, start }) : Promise.resolve();
  };
  const want = () => clicks.map((n) => n % 2 === 1);
  const agree = async (page, what) => {
    try {
      await driver.waitFor(page, shows, want());
    } catch (error) {
      throw new Error(`${what} shows ${JSON.stringify(await driver.evaluate(page, state))}, want ${JSON.stringify(want())}: ${error}`);
    }
  };
  for (const [i, phase] of PHASES.entries()) {
    await Promise.all([run(one, 0, 'one', phase.one), phase.reloadTwo ? driver.reload(two) : run(two, 1, 'two', phase.two)]);
    await agree(one, `after phase ${i + 1}, the first tab`);
    await agree(two, `after phase ${i + 1}, the second tab`);
  }
  assert.equal(
    clicks.reduce((sum, n) => sum + n, 0),
    200,
  );
  // A tab opened now reads every tick from IndexedDB.
  const third = await driver.open();
  await agree(third, 'a tab opened afterwards');
}

/** Waits until the demo page's checklist shows its items. */
const rendered = () => (document.querySelector('nk-network-checklist')?.shadowRoot?.querySelectorAll('input[type="checkbox"]').length ?? 0) > 0;

describe('ticks from two tabs', () => {
  let demo;
  before(async () => {
    demo = await startDemo();
  });
  after(async () => {
    await demo?.stop();
  });

  it('keeps all 200 interleaved ticks of two Chromium tabs, with a reload in the middle', { timeout: 8 * PATIENCE }, async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext();
      const errors = [];
      await story({
        async open() {
          const page = await context.newPage();
          errors.push(watchErrors(page));
          await page.goto(`${demo.origin}/`);
          await page.waitForFunction(rendered, undefined, { timeout: PATIENCE });
          return page;
        },
        evaluate: (page, fn, arg) => page.evaluate(fn, arg),
        waitFor: (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: PATIENCE }),
        async reload(page) {
          await page.reload();
          await page.waitForFunction(rendered, undefined, { timeout: PATIENCE });
        },
      });
      assert.deepEqual(errors.flat(), []);
    } finally {
      await browser.close();
    }
  });

  it('keeps all 200 interleaved ticks of two Firefox tabs, with a reload in the middle', { timeout: 8 * PATIENCE }, async () => {
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: browserPath('firefox'), headless: true });
    try {
      const errors = [];
      await story({
        async open() {
          const page = await browser.newPage();
          page.on('pageerror', (error) => errors.push(String(error)));
          await page.goto(`${demo.origin}/`);
          await page.waitForFunction(rendered, { timeout: PATIENCE });
          return page;
        },
        evaluate: (page, fn, arg) => page.evaluate(fn, arg),
        waitFor: (page, fn, arg) => page.waitForFunction(fn, { timeout: PATIENCE }, arg),
        async reload(page) {
          await page.reload();
          await page.waitForFunction(rendered, { timeout: PATIENCE });
        },
      });
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
});
