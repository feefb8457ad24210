// Settings live in storage.local (the extension's own origin, never a web page's). Pages listen
// to storage.onChanged instead of asking the background for every change. What an organisation
// set (storage.managed) is laid over them on every read and never written into them.
import type { PackProblemKind } from '@netwerkkracht/core';
import { effectiveChoices, parseManaged, UNMANAGED, type Managed, type Source } from './managed.js';
import { browser } from './platform.js';

export interface PackStatus {
  /** The pack address this is the status of (the organisation's pack may replace the user's). */
  url?: string;
  ok: boolean;
  /** Core's problem of the last refresh, when it failed (English, for the console and reports). */
  message?: string;
  /** The same problem for the pages to say in their own language: its kind and the detail to fill in. */
  kind?: PackProblemKind;
  detail?: string;
  tips?: number;
  checked: string;
}

export interface Settings {
  /** URL of an organisation's own pack; empty for the default pack. */
  packUrl: string;
  packStatus?: PackStatus;
  /** Hosts where the user chose "not on this site". */
  hiddenHosts: string[];
  /** Local date (YYYY-MM-DD) on which the user chose "not again today". */
  snoozedOn?: string;
  /** The tip the panel should show, set by the launcher. */
  focusTip?: { id: string; at: number };
  /** The reader's role (an audience id of the pack) whose tips come first; empty for all roles. Never synced. */
  audience: string;
  /** Keep checklist progress in step across devices through storage.sync (off until chosen). */
  syncProgress: boolean;
  /** Per checklist, the time of the sync record this device last wrote or took. */
  syncedAt: Record<string, number>;
  /**
   * The last exchange with storage.sync: `tooLarge` lists checklists (`packId/checklistId`) kept
   * here; `localFailed` says this device's own ticks could not be read, so nothing was sent.
   */
  syncStatus?: { ok: boolean; at: number; message?: string; tooLarge?: string[]; localFailed?: boolean };
  /** What the organisation set, and who decided `packUrl` and `syncProgress` above. */
  managed: Managed;
  sources: { packUrl: Source; syncProgress: Source };
}

/** The settings this device stores; `packUrl` and `syncProgress` are the user's own choices. */
export type StoredSettings = Omit<Settings, 'managed' | 'sources'>;

const DEFAULTS: StoredSettings = { packUrl: '', audience: '', hiddenHosts: [], syncProgress: false, syncedAt: {} };

/**
 * What the organisation set. Chrome and Edge answer {} when there is no policy; Firefox refuses
 * ("Managed storage manifest not found"), and a browser without the area has none.
 */
export async function getManaged(): Promise<Managed> {
  try {
    return parseManaged(await browser.storage.managed.get());
  } catch {
    return UNMANAGED;
  }
}

/** All settings, with defaults for the missing ones and the organisation's laid over the user's. */
export async function getSettings(): Promise<Settings> {
  const [stored, managed] = await Promise.all([
    browser.storage.local.get(Object.keys(DEFAULTS).concat('packStatus', 'snoozedOn', 'focusTip', 'syncStatus')) as Promise<Partial<StoredSettings>>,
    getManaged(),
  ]);
  return { ...DEFAULTS, ...stored, ...effectiveChoices(stored, managed), managed };
}

/** Changes some of this device's settings (never the organisation's). */
export function saveSettings(changes: Partial<StoredSettings>): Promise<void> {
  return browser.storage.local.set(changes);
}
