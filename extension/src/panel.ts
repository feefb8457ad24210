// The side panel: the same nk- elements as on websites, fed with the extension's pack through
// `packData`. Progress and favourites live in this page's own origin (IndexedDB via core); the
// reader's role lives in storage.local, and the decks only show it (audience-picker="none").
import '@netwerkkracht/components/nk-tip-card.js';
import '@netwerkkracht/components/nk-contact-card.js';
import '@netwerkkracht/components/nk-network-checklist.js';
import '@netwerkkracht/components/nk-tip-deck.js';
import type { Pack } from '@netwerkkracht/core';
import type { Message } from './messages.js';
import { packProblemText } from './pack-problem.js';
import { shownPack, type PackProblem } from './pack-source.js';
import { browser, msg, uiLocale } from './platform.js';
import { startProgressSync, type ProgressSync } from './progress-sync.js';
import { getSettings, saveSettings, type Settings } from './settings.js';
import { $ } from './dom.js';

const locale = uiLocale();

/** Creates an nk- element showing `pack`. */
function element(tag: string, attributes: Record<string, string>, pack: Pack): HTMLElement {
  const el = document.createElement(tag) as HTMLElement & { packData?: Pack };
  el.setAttribute('lang', locale);
  el.setAttribute('heading-level', '3');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.packData = pack;
  return el;
}

/** The reader's role as the decks get it: an audience of the shown pack, or '' for all roles. */
let audience = '';

/** A tip deck that shows the reader's role first and leaves choosing it to the panel's picker. */
function deck(attributes: Record<string, string>, pack: Pack): HTMLElement {
  return element('nk-tip-deck', { ...attributes, audience, 'audience-picker': 'none' }, pack);
}

/** Shows `id` as the role: in the picker and in every deck, without drawing them again. */
function showRole(pack: Pack, id: string): void {
  audience = (pack.audiences ?? []).some((a) => a.id === id) ? id : '';
  ($('role') as HTMLSelectElement).value = audience;
  for (const el of document.querySelectorAll('nk-tip-deck')) el.setAttribute('audience', audience);
}

/** The role picker: the pack's audiences, with "all roles" first; hidden for a pack without them. */
function renderRolePicker(pack: Pack, stored: string): void {
  const select = $('role') as HTMLSelectElement;
  const all = new Option(msg('panelAllRoles'), '');
  select.replaceChildren(all, ...(pack.audiences ?? []).map((a) => new Option(a.label, a.id)));
  $('role-box').hidden = !pack.audiences?.length;
  showRole(pack, stored);
}

function hint(text: string): HTMLElement {
  const p = document.createElement('p');
  p.className = 'hint';
  p.textContent = text;
  return p;
}

/**
 * The tips that come with a template, each as a card to copy it from: beside a tool, only the
 * tool's own (an agenda beside the calendar, the follow-up e-mail beside the mail); elsewhere all.
 */
function renderTemplates(pack: Pack, tags: string[]): void {
  const withTemplates = pack.tips.filter((tip) => tip.templates?.length);
  const forTool = tags.length ? withTemplates.filter((tip) => tip.tags?.some((tag) => tags.includes(tag))) : [];
  const shownTips = forTool.length ? forTool : withTemplates;
  const section = $('templates').parentElement!;
  section.hidden = !shownTips.length;
  $('templates').replaceChildren(...shownTips.map((tip) => element('nk-tip-card', { tip: tip.id }, pack)));
}

async function renderToolTips(pack: Pack): Promise<void> {
  const answer = (await browser.runtime.sendMessage({ type: 'nk-panel-context' } satisfies Message)) as { contexts: string[] } | undefined;
  const contexts = (pack.contexts ?? []).filter((c) => answer?.contexts.includes(c.id));
  const target = $('tool');
  renderTemplates(
    pack,
    contexts.flatMap((c) => c.tags),
  );
  if (!contexts.length) {
    $('tool-title').textContent = msg('panelForYourTool');
    target.replaceChildren(hint(msg('panelForToolNone')));
    return;
  }
  $('tool-title').textContent = msg('panelForTool', contexts.map((c) => c.label ?? c.id).join(', '));
  const tags = contexts.flatMap((c) => c.tags).join(',');
  target.replaceChildren(deck({ mode: 'list', tags }, pack));
}

function renderFocus(pack: Pack, focus: Settings['focusTip']): void {
  const section = $('focus');
  // Only a tip chosen in the launcher within the last minute is brought forward.
  if (!focus || Date.now() - focus.at > 60_000 || !pack.tips.some((t) => t.id === focus.id)) {
    section.hidden = true;
    return;
  }
  const card = element('nk-tip-card', { tip: focus.id }, pack);
  card.tabIndex = -1;
  section.replaceChildren($('focus-title'), card);
  section.hidden = false;
  card.focus();
}

let sync: ProgressSync | undefined;

/** Starts or stops keeping progress in step across devices, as the options say. */
function followSyncSetting(on: boolean): void {
  if (on && !sync) sync = startProgressSync();
  if (!on && sync) {
    sync.stop();
    sync = undefined;
  }
}

/** Says, above the tips, when the organisation's pack is not what the panel shows. */
function renderNotice(problem: PackProblem | undefined): void {
  const notice = $('pack-notice');
  if (!problem) notice.textContent = '';
  else notice.textContent = msg(problem.kept ? 'panelPackKept' : 'panelPackFailed', packProblemText(problem));
}

/** The pack on screen, and its content as text to tell a changed pack from the same one again. */
let shown: { pack: Pack; text: string } | undefined;

/**
 * Loads the pack and draws it, unless it is the one on screen: drawing again takes the focus and
 * resets the decks, and a status-only write (the daily refresh, "Save" in the options) changes
 * nothing. `fresh` asks the network again, as the page would otherwise keep its first load.
 */
async function update(fresh: boolean): Promise<void> {
  const { pack, problem } = await shownPack({ fresh });
  renderNotice(problem);
  const text = JSON.stringify(pack);
  if (shown?.text === text) return;
  shown = { pack, text };
  await render(pack);
}

async function render(pack: Pack): Promise<void> {
  const settings = await getSettings();
  renderRolePicker(pack, settings.audience);
  // The deck brings its own "tip of the day" heading.
  $('today').replaceChildren(deck({ mode: 'daily', 'heading-level': '2' }, pack));
  $('checklists').replaceChildren(...(pack.checklists ?? []).map((c) => element('nk-network-checklist', { checklist: c.id }, pack)));
  $('contacts').replaceChildren(...(pack.contacts ?? []).map((c) => element('nk-contact-card', { contact: c.id }, pack)));
  $('all').replaceChildren(deck({ mode: 'list' }, pack));
  renderFocus(pack, settings.focusTip);
  await renderToolTips(pack);
  $('main').removeAttribute('aria-busy');
}

/** Loads run one after another, so that an older one never draws over a newer one. */
let updating = Promise.resolve();

function queueUpdate(fresh: boolean): void {
  updating = updating
    .then(() => update(fresh))
    .catch((error: unknown) => {
      // Only a panel with nothing to show says it instead of the tips; one already drawn keeps them.
      if (shown) console.warn('Netwerkkracht:', error);
      else $('main').replaceChildren(Object.assign(hint(String((error as Error).message ?? error)), { role: 'alert' }));
    });
}

document.documentElement.lang = locale;
$('title').textContent = msg('panelTitle');
$('settings').textContent = msg('panelSettings');
$('settings').addEventListener('click', () => void browser.runtime.openOptionsPage());
$('templates-title').textContent = msg('panelTemplates');
$('checklists-title').textContent = msg('panelChecklists');
$('contacts-title').textContent = msg('panelContacts');
$('all-title').textContent = msg('panelAllTips');
$('focus-title').textContent = msg('launcherLabel');
$('role-label').textContent = msg('panelRole');
$('role-hint').textContent = msg('panelRoleHint');
$('role').addEventListener('change', () => {
  const chosen = ($('role') as HTMLSelectElement).value;
  if (shown) showRole(shown.pack, chosen);
  // On this device only: storage.local, never storage.sync or a server.
  void saveSettings({ audience: chosen });
});

browser.storage.onChanged.addListener((changes, area) => {
  // The organisation's settings lie over the user's: a change in either is read through getSettings.
  if (area === 'managed' || (area === 'local' && changes.syncProgress)) void getSettings().then((settings) => followSyncSetting(settings.syncProgress));
  if (area === 'managed') queueUpdate(true);
  if (area !== 'local') return;
  // A role chosen in another panel window.
  if (changes.audience && shown) showRole(shown.pack, String(changes.audience.newValue ?? ''));
  if (changes.focusTip && shown) renderFocus(shown.pack, changes.focusTip.newValue as Settings['focusTip']);
  if (changes.packUrl || changes.packStatus) queueUpdate(true);
});
browser.tabs.onActivated.addListener(() => void (shown && renderToolTips(shown.pack)));
browser.tabs.onUpdated.addListener((_id, info) => {
  if (info.url && shown) void renderToolTips(shown.pack);
});

void getSettings().then((settings) => followSyncSetting(settings.syncProgress));
queueUpdate(false);
