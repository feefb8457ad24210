// Shared set-up for the extension's end-to-end tests: the built extension in Chromium with a
// fresh profile and the texts it shows in the browser's language, and in Firefox ESR.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { browserPath, CHROMIUM_ARGS } from '../../scripts/browsers.js';
import { TEST_BUILDS, writeTestBuild } from '../../scripts/extension-test-builds.js';
import { PATIENCE } from './helpers.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const dist = (target) => join(root, 'extension/dist', target);
/** The folder of `target`, a test build made first from the release build when it is not current. */
const built = (target) => (Object.hasOwn(TEST_BUILDS, target) ? writeTestBuild(target) : dist(target));
export const readJson = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));

/**
 * The id Chromium gives the unpacked extension in `target`: made from its folder's path (the
 * SHA-256 of the real path, its first 32 hex digits written a–p), so known before the launch.
 */
export function unpackedExtensionId(target) {
  const digest = createHash('sha256')
    .update(realpathSync(built(target)))
    .digest('hex')
    .slice(0, 32);
  return [...digest].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

/** The extension speaks the browser's language (Dutch unless English): the tests read the same. */
async function language(worker) {
  const locale = (await worker.evaluate(() => chrome.i18n.getUILanguage())).startsWith('en') ? 'en' : 'nl';
  const messages = readJson(`extension/_locales/${locale}/messages.json`);
  return {
    locale,
    pack: readJson(`packages/content/packs/${locale}.json`),
    msg: (key, ...subs) => subs.reduce((text, sub, i) => text.replace(`$${i + 1}`, sub).replace(/\$[A-Z]+\$/, sub), messages[key].message),
    oneDone: locale === 'en' ? /^1 of \d+ done$/ : /^1 van \d+ gedaan$/,
  };
}

/** Chromium with the extension of `target` loaded, in a fresh profile that `close` removes. */
export async function launchWithExtension(target, browserLanguage = 'nl') {
  const profile = mkdtempSync(join(tmpdir(), 'nk-ext-'));
  const dir = built(target);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath('chromium'),
    headless: true,
    // Chromium on Linux takes its interface language from LANGUAGE; --lang is for the other systems.
    env: { ...process.env, LANGUAGE: browserLanguage },
    args: [...CHROMIUM_ARGS, `--lang=${browserLanguage}`, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  context.setDefaultTimeout(PATIENCE);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  return {
    context,
    worker,
    id,
    lang: await language(worker),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The id the Firefox builds carry (browser_specific_settings), and the uuid the tests give it. */
export const FIREFOX_ID = 'netwerkkracht@netwerkkracht.example.org';
const FIREFOX_UUID = '6f1e2d3c-4b5a-4c6d-8e7f-0a1b2c3d4e5f';

/**
 * Firefox ESR (puppeteer-core over WebDriver BiDi) with the Firefox test build installed, in
 * Dutch. `env` goes to the browser's process. `open(path)` opens an extension page in a new tab:
 * puppeteer cannot go to a moz-extension: address itself, so a local web page goes to the panel
 * (which the test build lets it open), and the panel to any other page; `prepare(page)` runs
 * before the first address.
 */
export async function launchFirefoxWithExtension({ env } = {}) {
  const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>start</title>'));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserPath('firefox'),
    headless: true,
    ...(env ? { env } : {}),
    // Dutch, as for most users; Debian's Firefox needs firefox-esr-l10n-nl for it (scripts/browsers.js).
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ID]: FIREFOX_UUID }),
      'intl.locale.requested': 'nl',
      // Lets a test read the clipboard back without Firefox's "Paste" prompt, which nobody answers here.
      'dom.events.testing.asyncClipboard': true,
    },
  });
  await browser.installExtension(built('firefox-test'));
  async function open(path, prepare) {
    const page = await browser.newPage();
    page.setDefaultTimeout(PATIENCE);
    await prepare?.(page);
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    for (const step of new Set(['panel.html', path])) {
      const url = `moz-extension://${FIREFOX_UUID}/${step}`;
      await page.evaluate((address) => {
        location.href = address;
      }, url);
      await page.waitForFunction((address) => location.href === address && document.readyState === 'complete', { timeout: PATIENCE }, url);
    }
    return page;
  }
  return {
    browser,
    open,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}
