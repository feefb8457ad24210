// Favourite tips per pack, kept like checklist progress: per tip, its latest change.
import { viewEvents } from './events.js';
import { itemsOn, joinItems, withChanges, type ItemRecord } from './items.js';
import { createRecordStore } from './record-store.js';
import type { RecordStore, Records } from './types.js';

/** Favourite tips per pack: pack id → tip ids, in the order they were chosen. */
export interface FavouritesStore extends Records<string[]> {
  /** Makes one tip a favourite or not, leaving the others as they are; resolves with the pack's favourites. */
  setFavourite(packId: string, tipId: string, favourite: boolean): Promise<string[]>;
}

const ids = (on: Record<string, string>) => Object.keys(on);

/** Changes that make exactly the tips of `wanted` favourites, keeping the time each already has. */
function exactly(wanted: Set<string>) {
  const now = new Date().toISOString();
  return (on: Record<string, string>) => ({
    ...Object.fromEntries(
      ids(on)
        .filter((id) => !wanted.has(id))
        .map((id) => [id, undefined]),
    ),
    ...Object.fromEntries([...wanted].map((id) => [id, on[id] ?? now])),
  });
}

/**
 * Creates a favourites store on `records` (by default its own IndexedDB database), joined per tip
 * like checklist progress. `write(packId, ids)` changes only the tips whose state differs.
 */
export function createFavouritesStore(
  records: RecordStore<ItemRecord> = createRecordStore<ItemRecord>('netwerkkracht-favourites', { join: joinItems }),
): FavouritesStore {
  const change = (key: string, changes: (on: Record<string, string>) => Record<string, string | undefined>) =>
    records.update(key, (record) => withChanges(record, changes)).then((record) => ids(itemsOn(record)));
  return {
    get mode() {
      return records.mode;
    },
    async read(key) {
      const record = await records.read(key);
      return record === undefined ? undefined : ids(itemsOn(record));
    },
    async write(key, value) {
      await change(key, exactly(new Set(value ?? [])));
    },
    async readAll() {
      return new Map([...(await records.readAll())].map(([key, record]) => [key, ids(itemsOn(record))]));
    },
    subscribe: viewEvents(records, ids),
    setFavourite: (packId, tipId, favourite) => change(packId, (on) => ({ [tipId]: favourite ? (on[tipId] ?? new Date().toISOString()) : undefined })),
  };
}

let favourites: FavouritesStore | undefined;

/** The page's store of favourite tips: pack id → tip ids. */
export function sharedFavourites(): FavouritesStore {
  return (favourites ??= createFavouritesStore());
}
