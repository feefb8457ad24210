// The extension when things go wrong, in real Chromium with the built test extension: the user
// revokes its site access (the launcher goes, also from open pages), and an organisation's pack
// breaks on the next update (the last good pack stays, and the options page says why).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { browserPath, CHROMIUM_ARGS } from '../../scripts/browsers.js';
import { basePack } from '../fixtures/hostile-packs.js';
import { axeViolations, PATIENCE } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const extensionDir = join(root, 'extension/dist/chrome-test');
const toolPage = readFileSync(join(root, 'tests/fixtures/tool-page.html'), 'utf8');
const PACK_URL = 'https://packs.example.org/netwerkkracht/org.json';
const messages = JSON.parse(readFileSync(join(root, 'extension/_locales/en/messages.json'), 'utf8'));
const msg = (key, ...subs) => subs.reduce((text, sub, i) => text.replace(`$${i + 1}`, sub), messages[key].message);

/** Waits for `check` (run in Node) to come true, polling the browser. */
async function eventually(check, message, timeout = PATIENCE) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('extension robustness in Chromium (test build)', () => {
  let context;
  let worker;
  let id;
  let profile;

  before(async () => {
    profile = mkdtempSync(join(tmpdir(), 'nk-ext-robust-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: browserPath('chromium'),
      headless: true,
      env: { ...process.env, LANGUAGE: 'en' },
      args: [...CHROMIUM_ARGS, '--lang=en', `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
    });
    context.setDefaultTimeout(PATIENCE);
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    id = new URL(worker.url()).host;
  });

  after(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** Serves `url` with what `answer()` gives: a pack, or a status code. */
  async function servePack(url, answer) {
    await context.route(`${url}*`, (route) => {
      const headers = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };
      const value = answer();
      if (typeof value === 'number') return route.fulfill({ status: value, headers, body: 'error' });
      return route.fulfill({ status: 200, contentType: 'application/json', headers, body: JSON.stringify(value) });
    });
  }

  /** Sets the organisation's pack address (or none), with no status of an earlier pack. */
  const usePack = (url) =>
    worker.evaluate(async (address) => {
      await chrome.storage.local.remove('packStatus');
      await chrome.storage.local.set({ packUrl: address });
    }, url);

  /** Asks for an update, as the options page does after saving (and the daily alarm); returns the status. */
  async function refreshPack() {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    assert.equal(await options.evaluate(() => chrome.runtime.sendMessage({ type: 'nk-pack-refresh' })), true);
    await options.close();
    return (await worker.evaluate(() => chrome.storage.local.get('packStatus'))).packStatus;
  }

  it('keeps the last good organisation pack when an update fails, and says why', async () => {
    let answer = 'good';
    const good = { ...basePack(), id: 'org-pack', title: 'Organisation pack' };
    good.tips[0].title = 'Organisation tip';
    await context.route(`${PACK_URL}*`, (route) => {
      const headers = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };
      if (answer === 'good') return route.fulfill({ status: 200, contentType: 'application/json', headers, body: JSON.stringify(good) });
      if (answer === 'invalid')
        return route.fulfill({ status: 200, contentType: 'application/json', headers, body: JSON.stringify({ ...good, tips: 'none' }) });
      return route.fulfill({ status: 500, headers, body: 'error' });
    });
    await usePack(PACK_URL);
    const panelShows = async (page) => {
      await page.goto(`chrome-extension://${id}/panel.html`);
      await page.locator('#main:not([aria-busy])').waitFor();
      return page
        .locator('#all nk-tip-deck')
        .getByText('Organisation tip')
        .first()
        .waitFor()
        .then(() => true);
    };
    const page = await context.newPage();
    assert.equal(await panelShows(page), true, 'the organisation pack is shown');

    for (const failure of ['500', 'invalid']) {
      answer = failure;
      // The options page asks for an update, as after saving the address (the daily alarm does too).
      const options = await context.newPage();
      await options.goto(`chrome-extension://${id}/options.html`);
      assert.equal(await options.evaluate(() => chrome.runtime.sendMessage({ type: 'nk-pack-refresh' })), true, 'the options page may ask for an update');
      const expected = failure === '500' ? /answered 500/ : /tips: /;
      const status = await eventually(async () => {
        const { packStatus } = await worker.evaluate(() => chrome.storage.local.get('packStatus'));
        return packStatus?.ok === false && expected.test(packStatus.message ?? '') && packStatus;
      }, `the failed update (${failure}) is recorded`);
      assert.equal(status.tips, 2, 'the last good pack is what the extension uses');
      await options
        .getByText(/The last update failed .* You are seeing the last good version\./)
        .first()
        .waitFor();
      await options.close();
      assert.equal(await panelShows(page), true, `after a failed update (${failure}) the last good pack is still shown`);
      // ...and the panel says so, in its own language.
      const reason = msg(failure === '500' ? 'packProblemStatus' : 'packProblemInvalid', status.detail);
      await page.getByRole('status').getByText(msg('panelPackKept', reason)).waitFor();
      // Showing the pack writes no status: a panel that did re-rendered itself, and refetched, without end.
      const { packStatus } = await worker.evaluate(() => chrome.storage.local.get('packStatus'));
      assert.deepEqual(packStatus, status);
    }
    await page.close();
    await usePack('');
  });

  it("says in the panel that the organisation's pack could not be loaded, and why", async () => {
    const url = 'https://packs.example.org/netwerkkracht/down.json';
    await servePack(url, () => 500);
    await usePack(url);
    const status = await refreshPack();
    assert.equal(status.ok, false);
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${id}/panel.html`);
    await panel.locator('#main:not([aria-busy])').waitFor();
    const notice = panel.getByRole('status').getByText(/500/);
    await notice.waitFor();
    assert.equal(await notice.textContent(), msg('panelPackFailed', msg('packProblemStatus', status.detail)));
    assert.deepEqual(await axeViolations(panel), []);
    await panel.close();
    await usePack('');
  });

  it("keeps the panel as it is when only the pack's status changes", async () => {
    const url = 'https://packs.example.org/netwerkkracht/steady.json';
    const pack = { ...basePack(), id: 'steady-pack' };
    pack.tips[0].title = 'Steady tip';
    const changed = structuredClone(pack);
    changed.tips[0].title = 'Changed tip';
    let answer = pack;
    await servePack(url, () => answer);
    await usePack(url);
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${id}/panel.html`);
    await panel.locator('#all nk-tip-deck').getByText('Steady tip').first().waitFor();
    await panel.locator('#checklists nk-network-checklist').first().getByRole('checkbox').first().focus();
    await panel.evaluate(() => {
      window.nkShown = document.querySelector('#checklists nk-network-checklist');
    });
    const kept = () =>
      panel.evaluate(() => document.querySelector('#checklists nk-network-checklist') === window.nkShown && document.activeElement === window.nkShown);
    assert.equal(await kept(), true);

    // The update fails: the notice comes, nothing else changes.
    answer = 500;
    assert.equal((await refreshPack()).ok, false);
    const notice = panel.getByRole('status').getByText(/500/);
    await notice.waitFor();
    assert.equal(await kept(), true, 'a failed update draws the panel again');
    // The same pack again: the notice goes, nothing else changes.
    answer = pack;
    assert.equal((await refreshPack()).ok, true);
    await notice.waitFor({ state: 'detached' });
    assert.equal(await kept(), true, 'an unchanged pack draws the panel again');
    // A changed pack is drawn.
    answer = changed;
    await refreshPack();
    await panel.locator('#all nk-tip-deck').getByText('Changed tip').first().waitFor();
    await panel.close();
    await usePack('');
  });

  it('removes the launcher, also from open pages, when the user revokes its site access', async () => {
    await context.route('https://outlook.office.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: toolPage }));
    const tool = await context.newPage();
    await tool.goto('https://outlook.office.com/calendar/view/week');
    await tool.locator('#netwerkkracht-launcher').waitFor({ state: 'attached' });

    // What "Site access: On click" on chrome://extensions does: every host permission withdrawn.
    const settings = await context.newPage();
    await settings.goto('chrome://extensions');
    await settings.evaluate((extensionId) => chrome.developerPrivate.updateExtensionConfiguration({ extensionId, hostAccess: 'ON_CLICK' }), id);
    await settings.close();

    await tool.locator('#netwerkkracht-launcher').waitFor({ state: 'detached' });
    const registered = await eventually(
      () => worker.evaluate(async () => ((await chrome.scripting.getRegisteredContentScripts()).length === 0 ? 'none' : '')),
      'the content script is unregistered',
    );
    assert.equal(registered, 'none');
    await tool.reload();
    await tool.locator('h1').waitFor();
    assert.equal(await tool.evaluate(() => document.getElementById('netwerkkracht-launcher')), null, 'no launcher after a reload');
    await tool.close();
  });
});
