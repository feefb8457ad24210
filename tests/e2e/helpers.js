// Shared set-up for end-to-end tests: the demo server on a free port and a real Chromium.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import { browserPath, CHROMIUM_ARGS } from '../../scripts/browsers.js';
import { serve } from '../../scripts/serve.js';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * For a suite: starts the demo server and Chromium before its tests and stops both after them.
 * The returned object has `demo` and `browser` once the suite runs.
 */
export function withDemoAndChromium() {
  const running = {};
  before(async () => {
    running.demo = await startDemo();
    running.browser = await launchChromium();
  });
  after(async () => {
    await running.browser?.close();
    await running.demo?.stop();
  });
  return running;
}

/** Starts the demo server on a free port; returns its origin and a stop function. */
export async function startDemo() {
  const server = await serve(0, '127.0.0.1');
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, stop: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * How long a wait for something that should happen may take before the test fails. Passing waits
 * end as soon as the thing happens; this only decides when a missing one counts as failed, and it
 * is long enough for a machine whose two cores are busy with other work.
 */
export const PATIENCE = 120_000;

/** Launches headless Chromium (the system's or Playwright's); its pages wait up to PATIENCE. */
export async function launchChromium() {
  const browser = await chromium.launch({ executablePath: browserPath('chromium'), args: CHROMIUM_ARGS, headless: true });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    context.setDefaultTimeout(PATIENCE);
    return context;
  };
  browser.newPage = async (...args) => {
    const context = await browser.newContext(...args);
    const page = await context.newPage();
    page.on('close', () => context.close().catch(() => {}));
    return page;
  };
  return browser;
}

/** Collects console errors and uncaught exceptions of a page. */
export function watchErrors(page) {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

/** Runs axe-core on the page for WCAG 2.0–2.2 A and AA; returns the violations. */
export async function axeViolations(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}

export const STRICT_CSP = "script-src 'self'; style-src 'self'";

/**
 * Serves `body` at `path` with a strict CSP, so the page is "a blank HTML page" on the same host;
 * `init` runs in the page before any of its scripts.
 */
export async function blankPage(browser, origin, body, { path = '/blank.html', init } = {}) {
  const page = await browser.newPage();
  if (init) await page.addInitScript(init);
  const errors = watchErrors(page);
  const requests = [];
  /** Requests started and finished, in the order the browser reported them. */
  const events = [];
  page.on('request', (request) => {
    requests.push(request.url());
    events.push(['start', request.url()]);
  });
  page.on('requestfinished', (request) => events.push(['done', request.url()]));
  await page.route(`${origin}${path}`, (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': STRICT_CSP },
      body: `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Blank</title></head><body>${body}</body></html>`,
    }),
  );
  await page.goto(`${origin}${path}`);
  return { page, errors, requests, events };
}
