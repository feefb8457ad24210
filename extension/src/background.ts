// The background: keeps the launcher registered on exactly the sites the user granted, answers the
// launcher and the panel, and refreshes an organisation's pack once a day.
import { localDate, matchContexts, preferAudience, templatesById, tipsForAddress, tipOfTheDay, type Pack, type Tip } from '@netwerkkracht/core';
import type { Runtime } from 'webextension-polyfill';
import { handleMessages, messageRoutes, type LauncherTip, type ToContent } from './messages.js';
import { toolAllowed } from './managed.js';
import { currentPack } from './pack-source.js';
import { browser, openPanelOnActionClick, uiLocale } from './platform.js';
import { getManaged, getSettings, saveSettings } from './settings.js';
import { onToolSite, TOOLS } from './tools/index.js';

const SCRIPT_ID = 'nk-launcher';
const REFRESH_ALARM = 'nk-refresh-pack';
const extensionBase = browser.runtime.getURL('');

/**
 * The tools' sites the user has granted, of the tools the organisation allows. Also the sites of a
 * tool granted only in part: one that gained a site in an update keeps its launcher on the sites
 * the user gave it before.
 */
async function grantedToolOrigins() {
  const [{ origins = [] }, managed] = await Promise.all([browser.permissions.getAll(), getManaged()]);
  return TOOLS.filter((tool) => toolAllowed(tool.id, managed)).flatMap((tool) => tool.origins.filter((origin) => origins.includes(origin)));
}

let syncing = Promise.resolve();

/** Registers the launcher for the granted tools only, and nowhere else. Calls run one at a time. */
function syncContentScripts(): Promise<void> {
  syncing = syncing.then(registerForGrantedTools, registerForGrantedTools);
  return syncing;
}

async function registerForGrantedTools(): Promise<void> {
  const matches = await grantedToolOrigins();
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length) {
    await browser.scripting.registerContentScripts([
      { id: SCRIPT_ID, js: ['launcher-content.js'], matches, runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
}

/**
 * Tells the launchers still on pages to go away (after a revoked permission or a dismissal): in one
 * tab, in the tabs on one host ("not on this site"), or everywhere.
 */
async function removeLaunchers(where: { tabId?: number; host?: string } = {}): Promise<void> {
  const { tabId, host } = where;
  const tabs = tabId !== undefined ? [{ id: tabId }] : await browser.tabs.query(host ? { url: `https://${host}/*` } : {});
  const message: ToContent = { type: 'nk-launcher-remove' };
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message).catch(() => undefined))));
}

/** The tip of the day among those for the tool at `url`, one for the reader's role when it has any. */
async function tipForPage(url: string) {
  const [pack, { audience }] = await Promise.all([currentPack(), getSettings()]);
  return tipOfTheDay(preferAudience(tipsForAddress(pack, url), audience), new Date(), pack.locale);
}

/**
 * The template the launcher offers beside a tool: the shown tip's first, or else the first one
 * linked from the other tips for the tool, so that a mail or calendar tool has one to copy.
 */
function templateForPage(pack: Pack, url: string, tip: Tip) {
  const tips = [tip, ...tipsForAddress(pack, url)];
  const [template] = tips.flatMap((each) => templatesById(pack, each.templates));
  return template && { id: template.id, title: template.title, kind: template.kind, subject: template.subject, text: template.text };
}

/** The tip the launcher shows on `url`, or undefined when it shows none there. */
async function launcherTip(url: string) {
  const settings = await getSettings();
  const host = new URL(url).hostname;
  if (settings.hiddenHosts.includes(host) || settings.snoozedOn === localDate()) return undefined;
  return tipForPage(url);
}

/**
 * Whether the launcher shows on the sender's page, and which tip. The address is the browser's
 * own for the tab (the sender is its top frame), and the page must agree on the site: nothing else
 * is taken from a page. Not sender.url: Chrome keeps the first address there when a single-page
 * app changes it.
 */
async function checkLauncher(pageUrl: string, sender: Runtime.MessageSender): Promise<{ show: boolean; tip?: string }> {
  const address = sender.tab?.url;
  if (!address || new URL(pageUrl).origin !== new URL(address).origin) return { show: false };
  // The tip's id lets the page keep its launcher when a new address has the same tip.
  const tip = await launcherTip(address);
  return tip ? { show: true, tip: tip.id } : { show: false };
}

/** What the launcher in the sender's tab shows: the tip, and a template beside it. */
async function launcherContent(sender: Runtime.MessageSender): Promise<LauncherTip | undefined> {
  const url = sender.tab?.url;
  const tip = url ? await tipForPage(url) : undefined;
  if (!url || !tip) return undefined;
  const template = templateForPage(await currentPack(), url, tip);
  return { id: tip.id, title: tip.title, locale: uiLocale(), template };
}

/** Closes the launcher in the sender's tab, on the sender's site for good, or everywhere for today. */
async function dismissLauncher(scope: 'once' | 'site' | 'today', sender: Runtime.MessageSender): Promise<boolean> {
  if (scope === 'site') {
    if (!sender.tab?.url) return false;
    const host = new URL(sender.tab.url).hostname;
    await saveSettings({ hiddenHosts: [...new Set([...(await getSettings()).hiddenHosts, host])] });
    await removeLaunchers({ host });
  } else if (scope === 'today') {
    await saveSettings({ snoozedOn: localDate() });
    await removeLaunchers();
  } else if (sender.tab?.id !== undefined) {
    await removeLaunchers({ tabId: sender.tab.id });
  }
  return true;
}

/**
 * Opens the panel page beside the sender's tab. Firefox opens its sidebar only from a click in a
 * page that has sidebarAction, which the framed launcher has not, and not from here.
 */
async function openPanelTab(sender: Runtime.MessageSender): Promise<boolean> {
  const tab = sender.tab;
  if (tab?.id === undefined) return false;
  await browser.tabs.create({ url: browser.runtime.getURL('panel.html'), index: tab.index + 1, openerTabId: tab.id, windowId: tab.windowId });
  return true;
}

/** The pack's contexts that match the active tab. */
async function panelContext() {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  // tab.url is only visible on sites the user granted: elsewhere there is no context, by design.
  if (!tab?.url) return { contexts: [] };
  const pack = await currentPack();
  return { contexts: matchContexts(pack, tab.url).map((context) => context.id) };
}

/** Remembers the tip opened from the launcher: the panel shows it first. */
async function focusTip(tipId: string): Promise<boolean> {
  await saveSettings({ focusTip: { id: tipId, at: Date.now() } });
  return true;
}

async function refreshPack(): Promise<boolean> {
  await currentPack(true);
  return true;
}

const routes = messageRoutes({ checkLauncher, launcherContent, dismissLauncher, focusTip, openPanelTab, panelContext, refreshPack });
browser.runtime.onMessage.addListener(handleMessages(routes, { id: browser.runtime.id, base: extensionBase }));

// A single-page app changes its address without loading a page, so the content script would not
// ask again: it is told to. `info.url` is there only for sites the user granted (no "tabs"
// permission), and only the tools' sites have the launcher.
browser.tabs.onUpdated.addListener((tabId, info) => {
  if (!info.url || !onToolSite(info.url)) return;
  const message: ToContent = { type: 'nk-launcher-recheck' };
  void browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
});
browser.permissions.onAdded.addListener(() => void syncContentScripts());
browser.permissions.onRemoved.addListener(() => {
  void syncContentScripts().then(() => removeLaunchers());
});
// A policy that changes (Chrome and Edge tell; Firefox reads policies at its start only): the
// tools it allows, and the pack it names, are taken up at once.
browser.storage.onChanged.addListener((_changes, area) => {
  if (area !== 'managed') return;
  void syncContentScripts().then(() => removeLaunchers());
  void currentPack(true).catch(() => undefined);
});
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === REFRESH_ALARM) void currentPack(true).catch(() => undefined);
});
/** The daily refresh. Browsers may drop alarms when they restart, so every start checks for it. */
async function ensureRefreshAlarm(): Promise<void> {
  if (!(await browser.alarms.get(REFRESH_ALARM))) await browser.alarms.create(REFRESH_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
}
browser.runtime.onInstalled.addListener(() => void ensureRefreshAlarm());

// A service worker starts often: every start makes sure the registrations match the grants.
void syncContentScripts().catch((error: unknown) => console.warn('Netwerkkracht:', error));
void openPanelOnActionClick().catch(() => undefined);
void ensureRefreshAlarm().catch(() => undefined);
