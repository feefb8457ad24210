// Checklist progress: per pack id + checklist id, the items ticked and since when.
import type { Checklist } from '../schema.js';
import { viewEvents } from './events.js';
import { itemsOn, joinItems, replacedBy, withChanges, type ItemRecord } from './items.js';
import { createRecordStore } from './record-store.js';
import type { RecordStore, StorageMode, StoreEvent } from './types.js';

export type { ItemRecord, ItemState } from './items.js';

/** Ticked items of one checklist: item id → when it was ticked (ISO 8601). */
export type ChecklistProgress = Record<string, string>;

/** The JSON written by {@link ProgressStore.exportProgress} and read by `importProgress`. */
export interface ProgressExport {
  format: 'netwerkkracht-progress';
  version: 1;
  exported: string;
  /** `packId/checklistId` → progress. */
  checklists: Record<string, ChecklistProgress>;
}

/** Checklist progress, kept per pack id + checklist id + item id. */
export interface ProgressStore {
  readonly mode: StorageMode;
  get(packId: string, checklistId: string): Promise<ChecklistProgress>;
  /** Ticks or unticks one item and returns the checklist's new progress. */
  setItem(packId: string, checklistId: string, itemId: string, done: boolean): Promise<ChecklistProgress>;
  reset(packId: string, checklistId: string): Promise<void>;
  /**
   * Sets the progress of several checklists at once (key from {@link progressKey} → progress),
   * in one write: each checklist's ticks are replaced, what `progress` does not tick is unticked.
   */
  setMany(checklists: Record<string, ChecklistProgress>): Promise<void>;
  exportProgress(): Promise<ProgressExport>;
  /** Adds the checklists of an export (replacing the same checklists); returns how many. Throws on a file that is not an export. */
  importProgress(data: unknown): Promise<number>;
  subscribe(listener: (event: StoreEvent<ChecklistProgress>) => void): () => void;
}

/** The record key of one checklist. */
export function progressKey(packId: string, checklistId: string): string {
  return `${packId}/${checklistId}`;
}

/**
 * Keeps only the ticks of items the checklist still has, so that a changed pack drops removed
 * items and shows new ones unticked.
 */
export function pruneProgress(progress: ChecklistProgress, checklist: Pick<Checklist, 'items'>): ChecklistProgress {
  const pruned: ChecklistProgress = {};
  for (const item of checklist.items) {
    if (Object.hasOwn(progress, item.id)) pruned[item.id] = progress[item.id]!;
  }
  return pruned;
}

/** Whether `key` has the shape of a checklist key, `packId/checklistId`. */
export function isProgressKey(key: string): boolean {
  return /^[a-z0-9-]+\/[a-z0-9-]+$/.test(key);
}

/** Whether `value` has the shape of one checklist's progress: item ids to tick times. */
export function isProgress(value: unknown): value is ChecklistProgress {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.entries(value).every(([k, v]) => /^[a-z0-9-]+$/.test(k) && typeof v === 'string')
  );
}

/** The checklists of a progress export, or a readable error for a file that is not one. */
function exportedChecklists(data: unknown): Record<string, ChecklistProgress> {
  const file = data as Partial<ProgressExport> | null;
  if (file?.format !== 'netwerkkracht-progress' || file.version !== 1 || typeof file.checklists !== 'object') {
    throw new Error('This file is not a Netwerkkracht progress export.');
  }
  const checklists = file.checklists ?? {};
  for (const [key, progress] of Object.entries(checklists)) {
    if (!isProgressKey(key) || !isProgress(progress)) throw new Error(`The progress of "${key}" in this file is damaged; nothing was imported.`);
  }
  return checklists;
}

/** Every checklist with a tick, as an export. */
async function exportAll(records: RecordStore<ItemRecord>): Promise<ProgressExport> {
  const checklists: Record<string, ChecklistProgress> = {};
  for (const [key, record] of await records.readAll()) {
    const on = itemsOn(record);
    if (Object.keys(on).length) checklists[key] = on;
  }
  return { format: 'netwerkkracht-progress', version: 1, exported: new Date().toISOString(), checklists };
}

/**
 * Creates a progress store on `records` (by default its own IndexedDB database). Each item keeps
 * the time of its latest change and the default store joins records per item (the latest change
 * wins), so ticks made at once in two tabs, or while the checklist could not be read, are all kept.
 * Records written before items carried their time are read as they are.
 */
export function createProgressStore(
  records: RecordStore<ItemRecord> = createRecordStore<ItemRecord>('netwerkkracht-progress', { join: joinItems }),
): ProgressStore {
  const change = (key: string, changes: (on: Record<string, string>) => Record<string, string | undefined>) =>
    records.update(key, (record) => withChanges(record, changes)).then(itemsOn);
  const setMany = async (checklists: Record<string, ChecklistProgress>) => {
    await records.updateMany(
      Object.keys(checklists),
      (now) => new Map([...now].map(([key, record]) => [key, withChanges(record, replacedBy(checklists[key]!))])),
    );
  };
  return {
    get mode() {
      return records.mode;
    },
    get: async (packId, checklistId) => itemsOn(await records.read(progressKey(packId, checklistId))),
    setItem: (packId, checklistId, itemId, done) =>
      change(progressKey(packId, checklistId), (on) => ({ [itemId]: done ? (on[itemId] ?? new Date().toISOString()) : undefined })),
    reset: async (packId, checklistId) => {
      await change(progressKey(packId, checklistId), replacedBy({}));
    },
    setMany,
    exportProgress: () => exportAll(records),
    async importProgress(data) {
      const checklists = exportedChecklists(data);
      await setMany(checklists);
      return Object.keys(checklists).length;
    },
    subscribe: viewEvents(records, (on) => on),
  };
}

let shared: ProgressStore | undefined;

/** The page's (or worker's) one progress store, so that every checklist on it stays in step. */
export function sharedProgressStore(): ProgressStore {
  return (shared ??= createProgressStore());
}
