import type { Checklist } from './schema.js';
import { createRecordStore, type RecordStore, type StorageMode, type StoreEvent } from './store.js';

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

/** Creates a progress store on `records` (by default its own IndexedDB database). */
export function createProgressStore(
  // A tick made while the checklist could not be read is added to the stored ticks, not put in their place.
  records: RecordStore<ChecklistProgress> = createRecordStore('netwerkkracht-progress', { merge: (stored, mine) => ({ ...stored, ...mine }) }),
): ProgressStore {
  const get = async (packId: string, checklistId: string) => ({
    ...(await records.read(progressKey(packId, checklistId))),
  });
  // Changes to one checklist take turns from read to write: two ticks started together (or while
  // the first read still waits for IndexedDB) would otherwise both start from the same progress,
  // and the second write would drop the first tick. A turn ends once the new value is in the
  // store's memory; saving it to disk is not waited for.
  const turns = new Map<string, Promise<unknown>>();
  const inTurn = <R>(key: string, change: () => Promise<{ result: R; saved: Promise<void> }>): Promise<R> => {
    const before = turns.get(key);
    const changed = before ? before.then(change) : change();
    const settled = changed.catch(() => {});
    turns.set(key, settled);
    settled.then(() => {
      if (turns.get(key) === settled) turns.delete(key);
    });
    return changed.then(async ({ result, saved }) => {
      await saved;
      return result;
    });
  };
  const put = (key: string, value: ChecklistProgress | undefined) =>
    inTurn(key, async () => ({ result: undefined, saved: records.write(key, value) }));
  return {
    get mode() {
      return records.mode;
    },
    get,
    setItem: (packId, checklistId, itemId, done) =>
      inTurn(progressKey(packId, checklistId), async () => {
        const progress = await get(packId, checklistId);
        if (done) progress[itemId] ??= new Date().toISOString();
        else delete progress[itemId];
        return { result: progress, saved: records.write(progressKey(packId, checklistId), progress) };
      }),
    reset: (packId, checklistId) => put(progressKey(packId, checklistId), undefined),
    async exportProgress() {
      return {
        format: 'netwerkkracht-progress',
        version: 1,
        exported: new Date().toISOString(),
        checklists: Object.fromEntries(await records.readAll()),
      };
    },
    async importProgress(data) {
      const file = data as Partial<ProgressExport> | null;
      if (file?.format !== 'netwerkkracht-progress' || file.version !== 1 || typeof file.checklists !== 'object') {
        throw new Error('This file is not a Netwerkkracht progress export.');
      }
      const checklists = Object.entries(file.checklists ?? {});
      for (const [key, progress] of checklists) {
        if (!isProgressKey(key) || !isProgress(progress)) {
          throw new Error(`The progress of "${key}" in this file is damaged; nothing was imported.`);
        }
      }
      for (const [key, progress] of checklists) await put(key, progress);
      return checklists.length;
    },
    subscribe: (listener) => records.subscribe(listener),
  };
}

let shared: ProgressStore | undefined;

/** The page's (or worker's) one progress store, so that every checklist on it stays in step. */
export function sharedProgressStore(): ProgressStore {
  return (shared ??= createProgressStore());
}

let favourites: RecordStore<string[]> | undefined;

/** The page's store of favourite tips: pack id → tip ids. */
export function sharedFavourites(): RecordStore<string[]> {
  return (favourites ??= createRecordStore('netwerkkracht-favourites', { merge: (stored, mine) => [...new Set([...stored, ...mine])] }));
}

let audiences: RecordStore<string> | undefined;

/**
 * The page's store of the reader's role: pack id → audience id, `''` for "all roles". It stays on
 * this device (IndexedDB of the page's origin) like favourites; nothing sends it anywhere.
 */
export function sharedAudience(): RecordStore<string> {
  return (audiences ??= createRecordStore('netwerkkracht-audience'));
}
