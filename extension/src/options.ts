// Options: which tools get a tip beside them (host access asked for exactly those sites, at the
// moment of ticking; unticking gives it back), and an organisation's own pack.
import type { Message } from './messages.js';
import { browser, msg } from './platform.js';
import { packOrigin } from './pack-origin.js';
import { syncProblem } from './progress-merge.js';
import { startProgressSync } from './progress-sync.js';
import { getSettings, saveSettings, type Settings } from './settings.js';
import { ALL_TOOL_ORIGINS, TOOLS, type Tool } from './tools/index.js';

const $ = (id: string) => document.getElementById(id)!;

function setText(id: string, key: string): void {
  $(id).textContent = msg(key);
}

async function toggle(tool: Tool, box: HTMLInputElement): Promise<void> {
  const status = $('tools-status');
  const label = msg(tool.label);
  if (box.checked) {
    // permissions.request must be the first await after the click, or the browser refuses it.
    const granted = await browser.permissions.request({ origins: tool.origins });
    box.checked = granted;
    status.textContent = granted ? msg('optionsGranted', label) : msg('optionsDenied', label);
  } else {
    await browser.permissions.remove({ origins: tool.origins });
    status.textContent = msg('optionsRemoved', label);
  }
}

async function renderTools(): Promise<void> {
  const { origins = [] } = await browser.permissions.getAll();
  const fieldset = $('tools');
  const legend = $('tools-legend');
  fieldset.replaceChildren(legend);
  for (const tool of TOOLS) {
    const label = document.createElement('label');
    label.className = 'tool';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = tool.id;
    box.checked = tool.origins.every((origin) => origins.includes(origin));
    box.addEventListener('change', () => {
      toggle(tool, box).catch((error: unknown) => {
        box.checked = !box.checked;
        $('tools-status').textContent = String((error as Error).message ?? error);
      });
    });
    label.append(box, msg(tool.label));
    fieldset.append(label);
  }
}

function renderHiddenHosts(settings: Settings): void {
  const list = $('hidden-hosts');
  list.replaceChildren();
  for (const host of settings.hiddenHosts) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link';
    button.textContent = msg('optionsShowAgain', host);
    button.addEventListener('click', () => void saveSettings({ hiddenHosts: settings.hiddenHosts.filter((h) => h !== host) }));
    list.append(button);
  }
}

function renderPackStatus(settings: Settings): void {
  const status = $('pack-status');
  status.classList.toggle('error', settings.packStatus?.ok === false);
  if (!settings.packUrl) status.textContent = msg('optionsPackDefault');
  else if (!settings.packStatus) status.textContent = '';
  else if (settings.packStatus.ok) status.textContent = msg('optionsPackOk', String(settings.packStatus.tips ?? 0));
  else if (settings.packStatus.tips) status.textContent = msg('optionsPackKept', settings.packStatus.message ?? '');
  else status.textContent = msg('optionsPackFailed', settings.packStatus.message ?? '');
}

async function savePack(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const input = $('pack-url') as HTMLInputElement;
  const value = input.value.trim();
  const origin = value ? packOrigin(value) : null;
  if (value) {
    if (!origin) {
      $('pack-status').textContent = msg('optionsPackFailed', msg('optionsPackHttps'));
      return;
    }
    // The pack's own site, and nothing more, so that the daily refresh can fetch it.
    const granted = await browser.permissions.request({ origins: [origin] });
    if (!granted) {
      $('pack-status').textContent = msg('optionsPackFailed', new URL(value).hostname);
      return;
    }
  }
  const previous = packOrigin((await getSettings()).packUrl);
  await saveSettings({ packUrl: value, packStatus: undefined });
  // The old pack's site is given back, unless the new pack uses it too or it is one of the tools' sites.
  if (previous && previous !== origin && !ALL_TOOL_ORIGINS.includes(previous)) {
    await browser.permissions.remove({ origins: [previous] }).catch(() => false);
  }
  await browser.runtime.sendMessage({ type: 'nk-pack-refresh' } satisfies Message);
}

function renderSync(settings: Settings): void {
  ($('sync') as HTMLInputElement).checked = settings.syncProgress;
  const status = $('sync-status');
  const { syncStatus } = settings;
  status.classList.toggle('error', settings.syncProgress && syncStatus?.ok === false);
  if (!settings.syncProgress) status.textContent = '';
  else if (!syncStatus) status.textContent = msg('optionsSyncOn');
  else if (syncStatus.ok) {
    const time = new Date(syncStatus.at).toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' });
    status.textContent = msg('optionsSyncOk', time);
  } else status.textContent = msg('optionsSyncFailed', syncProblemText(syncStatus));
}

/** Why the last exchange with storage.sync failed, in the user's words. */
function syncProblemText(status: NonNullable<Settings['syncStatus']>): string {
  if (status.localFailed) return msg('optionsSyncLocal');
  if (status.tooLarge?.length) return msg('optionsSyncTooLarge');
  const message = status.message ?? '';
  const kind = syncProblem(message);
  if (kind === 'busy') return msg('optionsSyncBusy');
  if (kind === 'full') return msg('optionsSyncQuota');
  return message;
}

async function toggleSync(on: boolean): Promise<void> {
  if (!on) {
    // Switched on again later, this device's ticks and the account's are joined afresh.
    await saveSettings({ syncProgress: false, syncedAt: {} });
    await browser.storage.local.remove('syncStatus');
    return;
  }
  await saveSettings({ syncProgress: true });
  // Bring this device in step now, so that the status below tells at once whether it works.
  const once = startProgressSync();
  await once.ready;
  once.stop();
}

/** The pack address last put in the field: other settings changing must not undo the user's typing. */
let shownPackUrl: string | undefined;

async function render(): Promise<void> {
  const settings = await getSettings();
  renderSync(settings);
  renderHiddenHosts(settings);
  renderPackStatus(settings);
  if (settings.packUrl !== shownPackUrl) {
    shownPackUrl = settings.packUrl;
    ($('pack-url') as HTMLInputElement).value = settings.packUrl;
  }
}

document.documentElement.lang = browser.i18n.getUILanguage();
setText('title', 'optionsTitle');
setText('tools-title', 'optionsTools');
setText('tools-legend', 'optionsTools');
setText('tools-help', 'optionsToolsHelp');
setText('pack-title', 'optionsPack');
setText('pack-help', 'optionsPackHelp');
setText('pack-label', 'optionsPackUrl');
setText('pack-save', 'optionsPackSave');
setText('sync-title', 'optionsSync');
setText('sync-help', 'optionsSyncHelp');
setText('sync-label', 'optionsSyncLabel');
$('sync').addEventListener('change', (event) => {
  toggleSync((event.target as HTMLInputElement).checked).catch((error: unknown) => {
    $('sync-status').textContent = msg('optionsSyncFailed', String((error as Error).message ?? error));
  });
});
$('pack-form').addEventListener('submit', (event) => void savePack(event as SubmitEvent).catch((error: unknown) => {
  $('pack-status').textContent = String((error as Error).message ?? error);
}));
browser.storage.onChanged.addListener((_changes, area) => {
  if (area === 'local') void render();
});
browser.permissions.onAdded.addListener(() => void renderTools());
browser.permissions.onRemoved.addListener(() => void renderTools());
void renderTools();
void render();
