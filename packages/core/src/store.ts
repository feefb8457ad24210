import { del, entries, get, set, update, type UseStore } from 'idb-keyval';
import { within } from './within.js';

/** Where a store keeps its records right now. */
export type StorageMode = 'indexeddb' | 'memory';

/** What a store's subscribers hear: a record changed (here or in another tab), or the mode changed. */
export type StoreEvent<T> =
  /** `fromOtherTab` marks a change written by another tab or extension page, heard over BroadcastChannel. */
  | { type: 'change'; key: string; value: T | undefined; fromOtherTab?: true }
  | { type: 'mode'; mode: StorageMode; error?: unknown };

/**
 * Records kept in IndexedDB, with a copy in memory that takes over when IndexedDB is missing or
 * fails, and a BroadcastChannel that keeps other tabs in step.
 */
export interface RecordStore<T> {
  /** `indexeddb` while writes reach IndexedDB; `memory` when they do not (they are retried). */
  readonly mode: StorageMode;
  read(key: string): Promise<T | undefined>;
  /** Stores `value` (or deletes the record for `undefined`). Resolves once it is stored or queued in memory. */
  write(key: string, value: T | undefined): Promise<void>;
  readAll(): Promise<Map<string, T>>;
  subscribe(listener: (event: StoreEvent<T>) => void): () => void;
}

/** Options for {@link createRecordStore}. */
export interface RecordStoreOptions<T = unknown> {
  /** Tell other tabs about changes (default true). */
  broadcast?: boolean;
  /**
   * Stop waiting for IndexedDB to open after this many milliseconds (default 3000) and keep
   * records in memory meanwhile: another tab's upgrade can hold the database indefinitely.
   */
  openTimeout?: number;
  /**
   * Joins what IndexedDB holds with what this page wrote for a key it could not read first (the
   * read failed, so the page started from nothing). Without it, the page's value replaces the
   * stored one when IndexedDB works again; with it, e.g. a tick made then is added to the others.
   */
  merge?: (stored: T, mine: T) => T;
  /**
   * Makes the records states that join (e.g. per item, the latest change wins): a write is joined
   * with what IndexedDB holds inside one read-write transaction, and a record heard from another
   * tab is joined with this page's copy, so two tabs writing the same key at once both keep their
   * changes. `join` must be commutative, associative and idempotent. Replaces `merge`.
   */
  join?: (a: T, b: T) => T;
}

const OBJECT_STORE = 'records';

/**
 * idb-keyval's `createStore`, made a good neighbour: the connection closes when another tab wants
 * to upgrade or delete the database (instead of blocking it forever), a connection the browser
 * closed is dropped, and a wait behind another tab's blocked upgrade ends after `timeout`.
 */
function openStore(name: string, timeout: number): UseStore {
  let db: IDBDatabase | undefined;
  let opening: Promise<IDBDatabase> | undefined;
  const connect = (): Promise<IDBDatabase> => {
    if (db) return Promise.resolve(db);
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(OBJECT_STORE)) request.result.createObjectStore(OBJECT_STORE);
      };
      request.onsuccess = () => {
        const connection = request.result;
        const drop = () => {
          if (db === connection) db = undefined;
        };
        connection.onversionchange = () => {
          connection.close();
          drop();
        };
        // Safari sometimes closes the connection by itself.
        connection.onclose = drop;
        db = connection;
        resolve(connection);
      };
      request.onerror = () => reject(request.error);
    }).finally(() => {
      opening = undefined;
    });
    return within(opening, timeout, `opening IndexedDB "${name}"`);
  };
  return (mode, callback) => connect().then((connection) => callback(connection.transaction(OBJECT_STORE, mode).objectStore(OBJECT_STORE)));
}

/**
 * Creates a store in its own IndexedDB database `name` (never idb-keyval's shared default
 * `keyval-store`, which the host page may use for its own data). Nothing is opened until the
 * first read or write.
 */
export function createRecordStore<T>(name: string, options: RecordStoreOptions<T> = {}): RecordStore<T> {
  const memory = new Map<string, T | undefined>();
  const dirty = new Set<string>();
  /** Keys whose read failed: what memory holds for them may be only part of the stored value. */
  const unread = new Set<string>();
  const join = options.join;
  /** With `join`: keys whose IndexedDB record has been joined into memory (memory alone may be part of it). */
  const loaded = new Set<string>();
  const joined = (a: T | undefined, b: T | undefined): T | undefined =>
    a === undefined ? b : b === undefined ? a : join!(a, b);
  const listeners = new Set<(event: StoreEvent<T>) => void>();
  let mode: StorageMode = 'indexeddb';
  let idb: UseStore | undefined;
  let queue = Promise.resolve();
  const openTimeout = options.openTimeout ?? 3000;
  const channel =
    options.broadcast !== false && typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;

  const notify = (event: StoreEvent<T>) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        // A failing subscriber must not stop the others or the write that triggered it.
        setTimeout(() => {
          throw error;
        });
      }
    }
  };

  // What could not be saved is tried again on its own, later and later (1 s up to a minute), and
  // when the page is hidden: a tick must not wait for the user's next one to reach the disk.
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = 1000;
  const retryLater = () => {
    if (retryTimer !== undefined) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      queue = queue.then(flush);
    }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 60_000);
  };
  if (typeof document === 'object') {
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden' && dirty.size) queue = queue.then(flush);
    });
  }

  const setMode = (next: StorageMode, error?: unknown) => {
    if (next === mode) return;
    mode = next;
    notify({ type: 'mode', mode, error });
  };

  async function withIdb<R>(run: (store: UseStore) => Promise<R>): Promise<R> {
    try {
      idb ??= openStore(name, openTimeout);
      return await run(idb);
    } catch (error) {
      // Still waiting for the database: asking again would only wait twice as long.
      if ((error as Error | undefined)?.name === 'TimeoutError') throw error;
      // Safari may close the connection under us ("the database connection is closing"), and a
      // deleted database leaves a dead handle: open a fresh one once before giving up.
      idb = openStore(name, openTimeout);
      return await run(idb);
    }
  }

  async function flush(): Promise<void> {
    for (const key of [...dirty]) {
      let value = memory.get(key);
      try {
        if (join && value !== undefined) {
          let stored: T | undefined;
          await withIdb((store) =>
            update<T>(key, (found) => {
              stored = found;
              return joined(found, value)!;
            }, store),
          );
          loaded.add(key);
          unread.delete(key);
          // Written again while saving: that newer value stays dirty, for the next round.
          const current = memory.get(key);
          if (current === value) dirty.delete(key);
          // What another tab saved before is now part of this page's copy too; it is told.
          const now = joined(current, stored);
          if (JSON.stringify(now) !== JSON.stringify(current)) {
            memory.set(key, now);
            notify({ type: 'change', key, value: now });
          }
          continue;
        }
        if (unread.has(key) && options.merge && value !== undefined) {
          const stored = await withIdb((store) => get<T>(key, store));
          // Written again while reading: the next round joins the newer value.
          if (memory.get(key) !== value) continue;
          if (stored !== undefined) {
            value = options.merge(stored, value);
            memory.set(key, value);
            notify({ type: 'change', key, value });
          }
        }
        await withIdb((store) => (value === undefined ? del(key, store) : set(key, value, store)));
        unread.delete(key);
        // A newer value written meanwhile stays dirty: the flush queued by that write saves it.
        if (memory.get(key) === value) dirty.delete(key);
      } catch (error) {
        if ((error as Error | undefined)?.name === 'DataCloneError' || error instanceof RangeError) {
          // This value can never be stored (Chromium cannot clone 100 000 levels of nesting): it
          // stays in memory for this page, and must not keep the other records from being written.
          dirty.delete(key);
          continue;
        }
        setMode('memory', error);
        retryLater();
        return;
      }
    }
    retryDelay = 1000;
    setMode('indexeddb');
  }

  channel?.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { key?: unknown; value?: T };
    if (typeof data?.key !== 'string') return;
    const key = data.key;
    if (!join || data.value === undefined) {
      memory.set(key, data.value);
      if (join) loaded.delete(key);
      notify({ type: 'change', key, value: data.value, fromOtherTab: true });
      return;
    }
    memory.set(key, joined(memory.get(key), data.value));
    // Only part of the record is known here yet: read the rest before telling anyone.
    const known = loaded.has(key) ? Promise.resolve(memory.get(key)) : store.read(key);
    known.then(
      (value) => notify({ type: 'change', key, value, fromOtherTab: true }),
      () => {},
    );
  });

  const store: RecordStore<T> = {
    get mode() {
      return mode;
    },
    async read(key) {
      // With join, also a key whose read failed once this page holds changes of it: asking a
      // broken or blocked database again would make every tick wait; the save joins the rest.
      if (join ? loaded.has(key) || (unread.has(key) && memory.get(key) !== undefined) : memory.has(key)) return memory.get(key);
      try {
        const value = await withIdb((store) => get<T>(key, store));
        if (join) {
          // Writes and other tabs' records that arrived while we waited are joined, not replaced.
          if (!loaded.has(key)) memory.set(key, joined(value, memory.get(key)));
          loaded.add(key);
        }
        // A write or a message from another tab may have arrived while we waited.
        else if (!memory.has(key)) memory.set(key, value);
      } catch (error) {
        if (join || !memory.has(key)) unread.add(key);
        setMode('memory', error);
      }
      return memory.get(key);
    },
    write(key, value) {
      // With join, a record written is joined into what this page knows (undefined still deletes).
      if (join && value !== undefined) value = joined(memory.get(key), value);
      else if (join) loaded.add(key);
      memory.set(key, value);
      dirty.add(key);
      notify({ type: 'change', key, value });
      try {
        channel?.postMessage({ key, value });
      } catch {
        // A value that cannot be cloned stays local; the other tabs read it on their next load.
      }
      queue = queue.then(flush);
      return queue;
    },
    async readAll() {
      const all = new Map<string, T>();
      try {
        for (const [key, value] of await withIdb((store) => entries<IDBValidKey, T>(store))) {
          if (typeof key === 'string') all.set(key, value);
        }
      } catch (error) {
        setMode('memory', error);
      }
      for (const [key, value] of memory) {
        if (value === undefined) {
          if (!join || loaded.has(key)) all.delete(key);
        } else all.set(key, join ? joined(all.get(key), value)! : value);
      }
      return all;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return store;
}
