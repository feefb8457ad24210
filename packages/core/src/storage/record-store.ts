// A record store: small named operations on the parts in this folder (memory copy, saving, the
// retry queue, the channel between tabs).
import { entries, get } from 'idb-keyval';
import { tabChannel, type TabChannel } from './broadcast.js';
import { connection } from './connection.js';
import { listeners } from './listeners.js';
import { heard, knows, memoryCopy, overlay, readFailed, tookStored, wrote } from './memory.js';
import { saveQueue, type SaveQueue } from './retry.js';
import { saveDirty } from './save.js';
import { setMode, type StoreState } from './state.js';
import { turns } from './turns.js';
import type { RecordStore, RecordStoreOptions } from './types.js';

/** A record store's state, with the queue that saves it and the channel to the other tabs. */
interface Store<T> extends StoreState<T> {
  saving: SaveQueue;
  channel: TabChannel<T>;
  inTurn: ReturnType<typeof turns>;
}

async function read<T>(store: Store<T>, key: string): Promise<T | undefined> {
  const { copy } = store;
  if (knows(copy, key)) return copy.values.get(key);
  try {
    tookStored(copy, key, await store.run((idb) => get<T>(key, idb)));
  } catch (error) {
    readFailed(copy, key);
    setMode(store, 'memory', error);
  }
  return copy.values.get(key);
}

/** Puts `records` in memory, tells this page and the other tabs, and queues one save for all. */
function setMany<T>(store: Store<T>, records: Iterable<[string, T | undefined]>): Promise<void> {
  for (const [key, value] of records) {
    const held = wrote(store.copy, key, value);
    store.events.notify({ type: 'change', key, value: held });
    store.channel.post(key, held);
  }
  return store.saving.now();
}

function updateMany<T>(store: Store<T>, keys: string[], change: (values: Map<string, T | undefined>) => Map<string, T | undefined>) {
  return store.inTurn(keys, async () => {
    const before = new Map(await Promise.all(keys.map(async (key) => [key, await read(store, key)] as const)));
    const after = change(before);
    const changed = keys.filter((key) => after.get(key) !== before.get(key)).map((key) => [key, after.get(key)] as [string, T | undefined]);
    const saved = changed.length ? setMany(store, changed) : Promise.resolve();
    return { result: new Map(keys.map((key) => [key, store.copy.values.get(key)])), saved };
  });
}

async function readAll<T>(store: Store<T>): Promise<Map<string, T>> {
  const all = new Map<string, T>();
  try {
    for (const [key, value] of await store.run((idb) => entries<IDBValidKey, T>(idb))) {
      if (typeof key === 'string') all.set(key, value);
    }
  } catch (error) {
    setMode(store, 'memory', error);
  }
  return overlay(store.copy, all);
}

/** Saves what is dirty; on failure, switches to memory mode and tries again later by itself. */
async function save<T>(store: Store<T>): Promise<void> {
  const failed = await saveDirty(store);
  if (failed) {
    setMode(store, 'memory', failed.error);
    store.saving.later();
    return;
  }
  store.saving.succeeded();
  setMode(store, 'indexeddb');
}

/** Takes another tab's record and tells this page, once memory holds all of it. */
function hear<T>(store: Store<T>, key: string, value: T | undefined): void {
  const tell = (now: T | undefined) => store.events.notify({ type: 'change', key, value: now, fromOtherTab: true });
  if (heard(store.copy, key, value)) tell(store.copy.values.get(key));
  else read(store, key).then(tell, () => {});
}

/**
 * Creates a store in its own IndexedDB database `name` (never idb-keyval's shared default
 * `keyval-store`, which the host page may use for its own data). Nothing is opened until the
 * first read or write.
 */
export function createRecordStore<T>(name: string, options: RecordStoreOptions<T> = {}): RecordStore<T> {
  const store = {
    copy: memoryCopy<T>(options.join),
    events: listeners(),
    run: connection(name, options.openTimeout ?? 3000),
    mode: 'indexeddb',
    merge: options.merge,
    inTurn: turns(),
  } as Omit<Store<T>, 'saving' | 'channel'> as Store<T>;
  store.saving = saveQueue(
    () => save(store),
    () => store.copy.dirty.size > 0,
  );
  store.channel = tabChannel<T>(name, options.broadcast !== false, (key, value) => hear(store, key, value));
  return {
    get mode() {
      return store.mode;
    },
    read: (key) => read(store, key),
    write: (key, value) => setMany(store, [[key, value]]),
    setMany: (records) => setMany(store, records),
    update: (key, change) => updateMany(store, [key], (values) => new Map([[key, change(values.get(key))]])).then((values) => values.get(key)),
    updateMany: (keys, change) => updateMany(store, keys, change),
    readAll: () => readAll(store),
    subscribe: (listener) => store.events.add(listener),
  };
}
