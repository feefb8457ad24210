import { changeItems, itemsOn, joinItems, toItemRecord, type ItemRecord } from './items.js';
import type { Checklist } from './schema.js';
import { createRecordStore, type RecordStore, type StorageMode, type StoreEvent } from './store.js';

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

/**
 * Changes to one key take turns from read to write: two changes started together (or while the
 * first read still waits for IndexedDB) would otherwise both start from the same record, and the
 * second write would drop the first. A turn ends once the new value is in the store's memory;
 * saving it to disk is not waited for.
 */
function turns() {
  const pending = new Map<string, Promise<unknown>>();
  return <R>(key: string, change: () => Promise<{ result: R; saved: Promise<void> }>): Promise<R> => {
    const before = pending.get(key);
    const changed = before ? before.then(change) : change();
    const settled = changed.catch(() => {});
    pending.set(key, settled);
    settled.then(() => {
      if (pending.get(key) === settled) pending.delete(key);
    });
    return changed.then(async ({ result, saved }) => {
      await saved;
      return result;
    });
  };
}

/** Writes `changes` (item id → since when on, `undefined` for off) to `key`, or nothing when they change nothing. */
async function applyChanges(records: RecordStore<ItemRecord>, key: string, changes: (now: Record<string, string>) => Record<string, string | undefined>) {
  const record = toItemRecord(await records.read(key));
  const on = itemsOn(record);
  const wanted = Object.entries(changes(on)).filter(([id, since]) => on[id] !== since);
  if (!wanted.length) return { result: on, saved: Promise.resolve() };
  const next = changeItems(record, Object.fromEntries(wanted));
  return { result: itemsOn(next), saved: records.write(key, next) };
}

/** Store events with records shown as what is on (`id → since`), through `view`. */
function viewEvents<V>(records: RecordStore<ItemRecord>, view: (on: Record<string, string>) => V) {
  return (listener: (event: StoreEvent<V>) => void) =>
    records.subscribe((event) =>
      listener(event.type === 'change' ? { ...event, value: event.value === undefined ? undefined : view(itemsOn(event.value)) } : event),
    );
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
  const get = async (packId: string, checklistId: string) => itemsOn(await records.read(progressKey(packId, checklistId)));
  const inTurn = turns();
  return {
    get mode() {
      return records.mode;
    },
    get,
    setItem: (packId, checklistId, itemId, done) => {
      const key = progressKey(packId, checklistId);
      return inTurn(key, () => applyChanges(records, key, (on) => ({ [itemId]: done ? (on[itemId] ?? new Date().toISOString()) : undefined })));
    },
    reset: async (packId, checklistId) => {
      const key = progressKey(packId, checklistId);
      await inTurn(key, () => applyChanges(records, key, (on) => Object.fromEntries(Object.keys(on).map((id) => [id, undefined]))));
    },
    async exportProgress() {
      const checklists: Record<string, ChecklistProgress> = {};
      for (const [key, record] of await records.readAll()) {
        const on = itemsOn(record);
        if (Object.keys(on).length) checklists[key] = on;
      }
      return { format: 'netwerkkracht-progress', version: 1, exported: new Date().toISOString(), checklists };
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
      // The file's ticks replace the checklist's: what it does not tick is unticked.
      for (const [key, progress] of checklists) {
        await inTurn(key, () =>
          applyChanges(records, key, (on) => ({ ...Object.fromEntries(Object.keys(on).map((id) => [id, undefined])), ...progress })),
        );
      }
      return checklists.length;
    },
    subscribe: viewEvents(records, (on) => on),
  };
}

let shared: ProgressStore | undefined;

/** The page's (or worker's) one progress store, so that every checklist on it stays in step. */
export function sharedProgressStore(): ProgressStore {
  return (shared ??= createProgressStore());
}

/** Favourite tips per pack: pack id → tip ids, in the order they were chosen. */
export interface FavouritesStore extends RecordStore<string[]> {
  /** Makes one tip a favourite or not, leaving the others as they are; resolves with the pack's favourites. */
  setFavourite(packId: string, tipId: string, favourite: boolean): Promise<string[]>;
}

/**
 * Creates a favourites store on `records` (by default its own IndexedDB database), joined per tip
 * like checklist progress. `write(packId, ids)` changes only the tips whose state differs.
 */
export function createFavouritesStore(
  records: RecordStore<ItemRecord> = createRecordStore<ItemRecord>('netwerkkracht-favourites', { join: joinItems }),
): FavouritesStore {
  const inTurn = turns();
  const ids = (on: Record<string, string>) => Object.keys(on);
  return {
    get mode() {
      return records.mode;
    },
    async read(key) {
      const record = await records.read(key);
      return record === undefined ? undefined : ids(itemsOn(record));
    },
    async write(key, value) {
      const wanted = new Set(value ?? []);
      const now = new Date().toISOString();
      await inTurn(key, () =>
        applyChanges(records, key, (on) => ({
          ...Object.fromEntries(ids(on).filter((id) => !wanted.has(id)).map((id) => [id, undefined])),
          ...Object.fromEntries([...wanted].map((id) => [id, on[id] ?? now])),
        })),
      );
    },
    async readAll() {
      return new Map([...(await records.readAll())].map(([key, record]) => [key, ids(itemsOn(record))]));
    },
    subscribe: viewEvents(records, ids),
    setFavourite: (packId, tipId, favourite) =>
      inTurn(packId, () => applyChanges(records, packId, (on) => ({ [tipId]: favourite ? (on[tipId] ?? new Date().toISOString()) : undefined }))).then(ids),
  };
}

let favourites: FavouritesStore | undefined;

/** The page's store of favourite tips: pack id → tip ids. */
export function sharedFavourites(): FavouritesStore {
  return (favourites ??= createFavouritesStore());
}

let audiences: RecordStore<string> | undefined;

/**
 * The page's store of the reader's role: pack id → audience id, `''` for "all roles". It stays on
 * this device (IndexedDB of the page's origin) like favourites; nothing sends it anywhere.
 */
export function sharedAudience(): RecordStore<string> {
  return (audiences ??= createRecordStore('netwerkkracht-audience'));
}
