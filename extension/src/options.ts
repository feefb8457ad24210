// Options: which tools get a tip beside them (host access asked for exactly those sites, at the
// moment of ticking; unticking gives it back), and an organisation's own pack. What the
// organisation set through policy is shown as such, and a locked setting's control is disabled.
import { toolPolicy, type Source } from './managed.js';
import type { Message } from './messages.js';
import { browser, msg, uiLocale } from './platform.js';
import { packOrigin } from './pack-origin.js';
import { packProblemText } from './pack-problem.js';
import { syncProblem } from './progress-merge.js';
import { startProgressSync } from './progress-sync.js';
import { getManaged, getSettings, saveSettings, type Settings } from './settings.js';
import { onToolSite, TOOLS, type Tool } from './tools/index.js';
import { $ } from './dom.js';

function setText(id: string, key: string): void {
  $(id).textContent = msg(key);
}

/** Writes a status line; an error is marked as one. */
function setStatus(id: string, text: string, error = false): void {
  const status = $(id);
  status.textContent = text;
  status.classList.toggle('error', error);
}

async function toggle(tool: Tool, box: HTMLInputElement): Promise<void> {
  const label = msg(tool.label);
  if (box.checked) {
    // permissions.request must be the first await after the click, or the browser refuses it.
    const granted = await browser.permissions.request({ origins: [...tool.origins] });
    box.checked = granted;
    // A tool that had some of its sites shows that again.
    if (!granted) await renderTools();
    setStatus('tools-status', granted ? msg('optionsGranted', label) : msg('optionsDenied', label));
  } else {
    await browser.permissions.remove({ origins: [...tool.origins] });
    setStatus('tools-status', msg('optionsRemoved', label));
  }
}

/** The tools' boxes, made once: drawing them again would take the focus from the one in use. */
const boxes = new Map<Tool, HTMLInputElement>();
/** Beside each box, what the organisation set for the tool (empty when nothing). */
const toolNotes = new Map<Tool, HTMLElement>();

/**
 * Says what the organisation decided for a control, and disables it when that is locked. The
 * words are the control's description, so that a screen reader says why it cannot be changed.
 */
function showSource(
  control: HTMLInputElement | HTMLButtonElement,
  note: HTMLElement,
  source: Source,
  text = msg(source === 'locked' ? 'optionsManagedLocked' : 'optionsManaged'),
): void {
  control.disabled = source === 'locked';
  note.textContent = source === 'locked' || source === 'organisation' ? text : '';
}

function buildTools(): void {
  for (const tool of TOOLS) {
    const label = document.createElement('label');
    label.className = 'tool';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = tool.id;
    box.addEventListener('change', () => {
      toggle(tool, box).catch((error: unknown) => {
        box.checked = !box.checked;
        setStatus('tools-status', String((error as Error).message ?? error), true);
      });
    });
    const note = document.createElement('p');
    note.className = 'managed';
    note.id = `managed-${tool.id}`;
    box.setAttribute('aria-describedby', note.id);
    label.append(box, msg(tool.label));
    $('tools').append(label, note);
    boxes.set(tool, box);
    toolNotes.set(tool, note);
  }
}

async function renderTools(): Promise<void> {
  const [{ origins = [] }, managed] = await Promise.all([browser.permissions.getAll(), getManaged()]);
  for (const [tool, box] of boxes) {
    const granted = tool.origins.filter((origin) => origins.includes(origin)).length;
    const policy = toolPolicy(tool.id, managed);
    // A tool the organisation switched off stays off, whatever the user granted before.
    box.checked = granted === tool.origins.length && policy.on !== false;
    // Some of its sites only (a tool that gained a site in an update): a tick asks for the rest.
    box.indeterminate = granted > 0 && !box.checked && policy.on !== false;
    const note = toolNotes.get(tool)!;
    if (policy.on === undefined) showSource(box, note, 'user');
    // Switched on by the organisation, but the sites not granted yet: only the user can do that,
    // with a tick (browsers ask for host access from a click only).
    else if (policy.on && !box.checked) showSource(box, note, 'organisation', msg('optionsManagedNeedsAccess'));
    else showSource(box, note, policy.locked ? 'locked' : 'organisation');
  }
}

async function showAgain(host: string): Promise<void> {
  // Said before the button goes, so that the line focus may move to already says it.
  setStatus('tools-status', msg('optionsShownAgain', host));
  const { hiddenHosts } = await getSettings();
  await saveSettings({ hiddenHosts: hiddenHosts.filter((h) => h !== host) });
}

/** One button per hidden site; buttons that stay are kept, so that focus stays where it is. */
function renderHiddenHosts(settings: Settings): void {
  const list = $('hidden-hosts');
  const hidden = new Set(settings.hiddenHosts);
  const buttons = new Map<string, HTMLButtonElement>();
  for (const button of list.querySelectorAll('button')) {
    const host = button.dataset.host!;
    if (hidden.has(host)) {
      buttons.set(host, button);
      continue;
    }
    if (button === document.activeElement) {
      // Focus goes to the next button that stays, or else to the line that says what happened.
      let next = button.nextElementSibling as HTMLButtonElement | null;
      while (next && !hidden.has(next.dataset.host!)) next = next.nextElementSibling as HTMLButtonElement | null;
      const status = $('tools-status');
      status.tabIndex = -1;
      (next ?? status).focus();
    }
    button.remove();
  }
  let place = list.firstElementChild;
  for (const host of settings.hiddenHosts) {
    let button = buttons.get(host);
    if (!button) {
      button = document.createElement('button');
      button.type = 'button';
      button.className = 'link';
      button.dataset.host = host;
      button.textContent = msg('optionsShowAgain', host);
      button.addEventListener('click', () => {
        showAgain(host).catch((error: unknown) => setStatus('tools-status', String((error as Error).message ?? error), true));
      });
    }
    // Moving a button would take its focus: only a new one, or one out of order, is placed.
    if (button !== place) list.insertBefore(button, place);
    place = button.nextElementSibling;
  }
}

/**
 * What the last press of "Save" said when it did not get as far as saving (a wrong address, no
 * permission): kept until the next press, so that a change in other settings does not wipe it.
 */
let packNote: string | undefined;

function renderPackStatus(settings: Settings): void {
  const { packUrl } = settings;
  // The status of another address (the one before the organisation's took its place) is not this one's.
  const packStatus = settings.packStatus?.url === undefined || settings.packStatus.url === packUrl ? settings.packStatus : undefined;
  if (packNote) setStatus('pack-status', packNote, true);
  else if (!packUrl) setStatus('pack-status', msg('optionsPackDefault'));
  else if (!packStatus) setStatus('pack-status', '');
  else if (packStatus.ok) setStatus('pack-status', msg('optionsPackOk', String(packStatus.tips ?? 0)));
  else if (packStatus.tips) setStatus('pack-status', msg('optionsPackKept', packProblemText(packStatus)), true);
  else setStatus('pack-status', msg('optionsPackFailed', packProblemText(packStatus)), true);
}

/** Keeps `note` (or none) as the outcome of "Save", and shows it. */
async function notePack(note: string | undefined): Promise<void> {
  packNote = note;
  renderPackStatus(await getSettings());
}

async function savePack(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const input = $('pack-url') as HTMLInputElement;
  const value = input.value.trim();
  const origin = value ? packOrigin(value) : null;
  packNote = undefined;
  if (value) {
    if (!origin) {
      await notePack(msg('optionsPackFailed', msg('optionsPackHttps')));
      return;
    }
    // The pack's own site, and nothing more, so that the daily refresh can fetch it.
    const granted = await browser.permissions.request({ origins: [origin] });
    if (!granted) {
      await notePack(msg('optionsPackDenied', new URL(value).hostname));
      return;
    }
  }
  const previous = packOrigin((await getSettings()).packUrl);
  // The old pack's status goes first: it must not be shown as the new one's. (A key set to
  // undefined is left as it was in Chrome; it has to be removed.)
  await browser.storage.local.remove('packStatus');
  await saveSettings({ packUrl: value });
  // The old pack's site is given back, unless the new pack uses it too or it is one of the tools' sites.
  if (previous && previous !== origin && !onToolSite(previous)) {
    await browser.permissions.remove({ origins: [previous] }).catch(() => false);
  }
  await browser.runtime.sendMessage({ type: 'nk-pack-refresh' } satisfies Message);
}

/** What switching sync on or off said when it failed, until the next switch (as `packNote`). */
let syncNote: string | undefined;

function renderSync(settings: Settings): void {
  const box = $('sync') as HTMLInputElement;
  box.checked = settings.syncProgress;
  showSource(box, $('sync-managed'), settings.sources.syncProgress);
  const { syncStatus } = settings;
  if (syncNote) setStatus('sync-status', syncNote, true);
  else if (!settings.syncProgress) setStatus('sync-status', '');
  else if (!syncStatus) setStatus('sync-status', msg('optionsSyncOn'));
  else if (syncStatus.ok) {
    const time = new Date(syncStatus.at).toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' });
    setStatus('sync-status', msg('optionsSyncOk', time));
  } else setStatus('sync-status', msg('optionsSyncFailed', syncProblemText(syncStatus)), true);
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
  syncNote = undefined;
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
  const source = settings.sources.packUrl;
  showSource($('pack-url') as HTMLInputElement, $('pack-managed'), source);
  ($('pack-save') as HTMLButtonElement).disabled = source === 'locked';
  await renderPackAccess(settings.packUrl, source);
}

/**
 * The organisation's pack may be on a site the user never gave access to (they did not press
 * "Save"): a button asks for it, as "Save" does. Shown only while access is missing.
 */
async function renderPackAccess(packUrl: string, source: Source): Promise<void> {
  const button = $('pack-access') as HTMLButtonElement;
  const origin = packOrigin(packUrl);
  const needed = origin !== null && (source === 'locked' || source === 'organisation') && !(await browser.permissions.contains({ origins: [origin] }));
  if (needed) button.textContent = msg('optionsPackAccess', new URL(packUrl).hostname);
  if (!needed && button === document.activeElement) {
    const status = $('pack-status');
    status.tabIndex = -1;
    status.focus();
  }
  button.hidden = !needed;
}

async function askPackAccess(): Promise<void> {
  // The address on screen, read without waiting: permissions.request must be the first await.
  const packUrl = shownPackUrl ?? '';
  const origin = packOrigin(packUrl);
  if (!origin) return;
  const host = new URL(packUrl).hostname;
  const granted = await browser.permissions.request({ origins: [origin] });
  packNote = granted ? undefined : msg('optionsPackDenied', host);
  if (granted) await browser.runtime.sendMessage({ type: 'nk-pack-refresh' } satisfies Message);
  await render();
}

// The language of the text, which is Dutch for any browser language but English (as in the panel).
document.documentElement.lang = uiLocale();
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
  toggleSync((event.target as HTMLInputElement).checked).catch(async (error: unknown) => {
    syncNote = msg('optionsSyncFailed', String((error as Error).message ?? error));
    renderSync(await getSettings());
  });
});
$('pack-form').addEventListener('submit', (event) => {
  savePack(event as SubmitEvent).catch((error: unknown) => {
    console.warn('Netwerkkracht:', error);
    void notePack(msg('optionsPackSaveFailed'));
  });
});
$('pack-access').addEventListener('click', () => {
  askPackAccess().catch((error: unknown) => setStatus('pack-status', String((error as Error).message ?? error), true));
});
browser.storage.onChanged.addListener((_changes, area) => {
  if (area === 'local' || area === 'managed') void render();
  if (area === 'managed') void renderTools();
});
browser.permissions.onAdded.addListener(() => void Promise.all([renderTools(), render()]));
browser.permissions.onRemoved.addListener(() => void Promise.all([renderTools(), render()]));
buildTools();
void renderTools();
void render();
