// The extension under a real managed policy, as IT deploys it: Chromium on Linux reads
// /etc/chromium/policies/managed/*.json, whose "3rdparty" → "extensions" → id values reach the
// extension's storage.managed. The policy file is named for this run, names this build's id
// only (other checkouts have other ids), is there only while these tests run, and goes in an
// after hook with any folder it made. Needs write access to /etc/chromium (root, as in CI).
// Firefox takes storage.managed from policies.json (3rdparty → Extensions → id) or, failing that,
// from a managed storage manifest in ~/.mozilla/managed-storage/: its test gives Firefox a home
// folder of its own with such a manifest. (A policies.json beside Firefox would reach every
// Firefox on the machine, and the Firefox id is the same in every checkout.)
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ALL_TOOL_ORIGINS, TOOL_ORIGINS } from '../../extension/src/tools/origins.js';
import { FIREFOX_ID, launchFirefoxWithExtension, launchWithExtension, readJson, unpackedExtensionId } from './extension-helpers.js';
import { axeViolations, PATIENCE } from './helpers.js';

const POLICY_DIR = '/etc/chromium/policies/managed';
const ORG_PACK = 'https://packs.example.org/welzijn-west/nl.json';
const OWN_PACK = 'https://own.example.org/mijn-pakket/nl.json';
/** What IT sets in these tests: the pack locked, Outlook only, and no progress sync. */
const POLICY = { packUrl: ORG_PACK, packUrlLocked: true, tools: ['outlook'], toolsLocked: true, syncProgress: false, syncProgressLocked: true };

/** A pack like the default one, with a first tip of its own to recognise it by. */
function packWithTip(id, title) {
  const pack = readJson('packages/content/packs/nl.json');
  pack.id = id;
  pack.tips[0].title = title;
  return pack;
}
const orgPack = packWithTip('welzijn-west', 'Bel eerst de wijkcoach van Welzijn West');
const ownPack = packWithTip('mijn-pakket', 'Mijn eigen tip over samenwerken');

/** Writes `policy` as a policy file of its own; returns how to take it away and what it made. */
function writePolicy(policy) {
  const made = [];
  for (const dir of ['/etc/chromium/policies', POLICY_DIR]) {
    if (!existsSync(dir)) {
      mkdirSync(dir);
      made.unshift(dir);
    }
  }
  const file = join(POLICY_DIR, `netwerkkracht-e2e-${process.pid}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(policy), { flag: 'wx' });
  return () => {
    rmSync(file, { force: true });
    // Folders this test made go again, if nothing else was put in them meanwhile.
    for (const dir of made) if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
  };
}

/** Makes Chromium read its policy files again now (chrome://policy's "Reload policies"). */
async function reloadPolicies(context) {
  const page = await context.newPage();
  await page.goto('chrome://policy');
  await page.locator('#reload-policies').click();
  await page.close();
}

/** The content script's sites as the background registered them, once they are `wanted`. */
function registeredMatches(worker, wanted) {
  return worker.evaluate(async (origins) => {
    for (;;) {
      const [script] = await chrome.scripting.getRegisteredContentScripts();
      const found = [...(script?.matches ?? [])].sort();
      if (JSON.stringify(found) === JSON.stringify([...origins].sort())) return found;
      await new Promise((resolve) => chrome.permissions.getAll(resolve));
    }
  }, wanted);
}

/** Waits until the panel's list of all tips shows `title`. */
async function panelShows(page, title) {
  await page.locator('#all nk-tip-deck').getByText(title).first().waitFor();
}

/** The words that describe a control (its aria-describedby), as a screen reader says them. */
const description = (locator) =>
  locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
  );

describe('extension in Chromium under a managed policy (test build: tool hosts granted)', () => {
  let ext;
  let removePolicy;
  before(async () => {
    const id = unpackedExtensionId('chrome-test');
    removePolicy = writePolicy({
      '3rdparty': {
        extensions: {
          [id]: POLICY,
        },
      },
    });
    ext = await launchWithExtension('chrome-test');
    assert.equal(ext.id, id, "the policy names this build's id");
    const headers = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };
    for (const [address, pack] of [
      [ORG_PACK, orgPack],
      [OWN_PACK, ownPack],
    ]) {
      await ext.context.route(address, (route) => route.fulfill({ status: 200, contentType: 'application/json', headers, body: JSON.stringify(pack) }));
    }
    // The user had chosen a pack of their own and switched sync on before IT's policy came.
    await ext.worker.evaluate((address) => chrome.storage.local.set({ packUrl: address, syncProgress: true }), OWN_PACK);
  });
  after(async () => {
    removePolicy?.();
    await ext?.close();
  });

  it("reads the organisation's settings from the policy file", async () => {
    const managed = await ext.worker.evaluate(() => chrome.storage.managed.get());
    assert.deepEqual(managed, POLICY);
    // Only the tool the organisation allows has the launcher, though the build granted every tool.
    assert.deepEqual(await registeredMatches(ext.worker, TOOL_ORIGINS.outlook), [...TOOL_ORIGINS.outlook].sort());
  });

  it('shows in the options page what the organisation set, with the locked controls disabled', async () => {
    const { msg } = ext.lang;
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.id}/options.html`);
    const field = page.getByRole('textbox', { name: msg('optionsPackUrl') });
    await page.waitForFunction((address) => document.getElementById('pack-url').value === address, ORG_PACK);
    assert.equal(await field.isDisabled(), true);
    assert.equal(await page.getByRole('button', { name: msg('optionsPackSave') }).isDisabled(), true);
    assert.equal(await description(field), msg('optionsManagedLocked'));
    // The build has no access to the pack's site: a button asks for it, as "Save" would.
    await page.getByRole('button', { name: msg('optionsPackAccess', 'packs.example.org') }).waitFor();

    const outlook = page.getByRole('checkbox', { name: msg('toolOutlook') });
    const gmail = page.getByRole('checkbox', { name: msg('toolGmail') });
    await page.waitForFunction(() => document.querySelectorAll('#tools input:disabled').length > 0);
    assert.deepEqual([await outlook.isChecked(), await outlook.isDisabled()], [true, true]);
    // Granted to the extension, but off: the organisation allows Outlook only.
    assert.deepEqual([await gmail.isChecked(), await gmail.isDisabled()], [false, true]);
    assert.equal(await description(gmail), msg('optionsManagedLocked'));

    const sync = page.getByRole('checkbox', { name: msg('optionsSyncLabel') });
    assert.deepEqual([await sync.isChecked(), await sync.isDisabled()], [false, true]);
    assert.equal(await description(sync), msg('optionsManagedLocked'));
    assert.ok((await page.getByText(msg('optionsManagedLocked')).count()) >= 3);
    assert.deepEqual(await axeViolations(page), []);
    // Nothing of the user's own was overwritten.
    assert.deepEqual(await page.evaluate(() => chrome.storage.local.get(['packUrl', 'syncProgress'])), { packUrl: OWN_PACK, syncProgress: true });
    await page.close();
  });

  it("shows the organisation's pack in the panel", async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.id}/panel.html`);
    await panelShows(page, orgPack.tips[0].title);
    assert.equal(await page.getByText(ownPack.tips[0].title).count(), 0);
    await page.close();
  });

  // Last: it takes the policy away.
  it("gives the user's own choices back when the policy is removed", async () => {
    const { msg } = ext.lang;
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.id}/options.html`);
    const panel = await ext.context.newPage();
    await panel.goto(`chrome-extension://${ext.id}/panel.html`);
    await panelShows(panel, orgPack.tips[0].title);
    removePolicy();
    removePolicy = undefined;
    await reloadPolicies(ext.context);
    // The open pages follow the change (storage.onChanged for the managed area).
    const field = options.getByRole('textbox', { name: msg('optionsPackUrl') });
    await options.waitForFunction((address) => {
      const input = document.getElementById('pack-url');
      return input.value === address && !input.disabled;
    }, OWN_PACK);
    assert.equal(await description(field), '');
    const gmail = options.getByRole('checkbox', { name: msg('toolGmail') });
    await options.waitForFunction(() => document.querySelectorAll('#tools input:disabled').length === 0);
    assert.deepEqual([await gmail.isChecked(), await gmail.isDisabled()], [true, false]);
    const sync = options.getByRole('checkbox', { name: msg('optionsSyncLabel') });
    assert.deepEqual([await sync.isChecked(), await sync.isDisabled()], [true, false]);
    assert.deepEqual(await axeViolations(options), []);
    await panelShows(panel, ownPack.tips[0].title);
    assert.deepEqual(await registeredMatches(ext.worker, ALL_TOOL_ORIGINS), [...ALL_TOOL_ORIGINS].sort());
    await Promise.all([options.close(), panel.close()]);
  });
});

describe('extension in Firefox ESR with managed storage', () => {
  let firefox;
  let home;
  let msg;
  before(async () => {
    home = mkdtempSync(join(tmpdir(), 'nk-firefox-home-'));
    mkdirSync(join(home, '.mozilla/managed-storage'), { recursive: true });
    writeFileSync(
      join(home, `.mozilla/managed-storage/${FIREFOX_ID}.json`),
      JSON.stringify({ name: FIREFOX_ID, description: 'Netwerkkracht', type: 'storage', data: POLICY }),
    );
    firefox = await launchFirefoxWithExtension({ env: { ...process.env, HOME: home } });
    const messages = readJson('extension/_locales/nl/messages.json');
    msg = (key, sub = '') => messages[key].message.replace('$1', sub);
  });
  after(async () => {
    await firefox?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  /** Answers the organisation's pack address in `page` instead of the network. */
  async function serveOrgPack(page) {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url() === ORG_PACK)
        void request.respond({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify(orgPack) });
      else void request.continue();
    });
  }

  it('shows in the options page what the organisation set, with the locked controls disabled', async () => {
    const page = await firefox.open('options.html');
    assert.deepEqual(await page.evaluate(() => browser.storage.managed.get()), POLICY);
    await page.waitForFunction(
      (address) => document.getElementById('pack-url').value === address && document.querySelectorAll('#tools input:disabled').length > 0,
      { timeout: PATIENCE },
      ORG_PACK,
    );
    const state = await page.evaluate(() => {
      const described = (el) => document.getElementById(el.getAttribute('aria-describedby')).textContent;
      const box = (name) => [...document.querySelectorAll('#tools input')].find((input) => input.name === name);
      const pack = document.getElementById('pack-url');
      const sync = document.getElementById('sync');
      return {
        pack: [pack.disabled, document.getElementById('pack-save').disabled, described(pack)],
        outlook: [box('outlook').checked, box('outlook').disabled],
        gmail: [box('gmail').checked, box('gmail').disabled, described(box('gmail'))],
        sync: [sync.checked, sync.disabled, described(sync)],
      };
    });
    const locked = msg('optionsManagedLocked');
    assert.deepEqual(state, { pack: [true, true, locked], outlook: [true, true], gmail: [false, true, locked], sync: [false, true, locked] });
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });

  it("shows the organisation's pack in the panel", async () => {
    const panel = await firefox.open('panel.html', serveOrgPack);
    await panel.waitForFunction(
      (title) => document.querySelector('#all nk-tip-deck')?.shadowRoot?.textContent.includes(title),
      { timeout: PATIENCE },
      orgPack.tips[0].title,
    );
    await panel.close();
  });
});
