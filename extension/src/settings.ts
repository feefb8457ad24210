// Settings live in storage.local (the extension's own origin, never a web page's). Pages listen
// to storage.onChanged instead of asking the background for every change.
import type { PackProblemKind } from '@netwerkkracht/core';
import { browser } from './platform.js';

export interface PackStatus {
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
}

const DEFAULTS: Settings = { packUrl: '', audience: '', hiddenHosts: [], syncProgress: false, syncedAt: {} };

/** All settings, with defaults for the missing ones. */
export async function getSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(Object.keys(DEFAULTS).concat('packStatus', 'snoozedOn', 'focusTip', 'syncStatus'))) as Partial<Settings>;
  return { ...DEFAULTS, ...stored };
}

/** Changes some settings. */
export function saveSettings(changes: Partial<Settings>): Promise<void> {
  return browser.storage.local.set(changes);
}
