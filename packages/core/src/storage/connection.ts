// The connection to one store's IndexedDB database, made a good neighbour to other tabs.
import type { UseStore } from 'idb-keyval';
import { within } from '../within.js';

const OBJECT_STORE = 'records';

/**
 * Opens database `name` with its one object store. The connection closes when another tab wants
 * to upgrade or delete the database (instead of blocking it forever); `dropped` is called when the
 * connection is gone.
 */
function openDatabase(name: string, dropped: (connection: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(OBJECT_STORE)) request.result.createObjectStore(OBJECT_STORE);
    };
    request.onsuccess = () => {
      const connection = request.result;
      connection.onversionchange = () => {
        connection.close();
        dropped(connection);
      };
      // Safari sometimes closes the connection by itself.
      connection.onclose = () => dropped(connection);
      resolve(connection);
    };
    request.onerror = () => reject(request.error);
  });
}

/**
 * idb-keyval's `createStore` on {@link openDatabase}: one connection, opened on first use and
 * again after it was dropped; a wait behind another tab's blocked upgrade ends after `timeout`.
 */
function openStore(name: string, timeout: number): UseStore {
  let db: IDBDatabase | undefined;
  let opening: Promise<IDBDatabase> | undefined;
  const drop = (connection: IDBDatabase) => {
    if (db === connection) db = undefined;
  };
  const connect = (): Promise<IDBDatabase> => {
    if (db) return Promise.resolve(db);
    opening ??= openDatabase(name, drop)
      .then((connection) => (db = connection))
      .finally(() => {
        opening = undefined;
      });
    return within(opening, timeout, `opening IndexedDB "${name}"`);
  };
  return (mode, callback) => connect().then((connection) => callback(connection.transaction(OBJECT_STORE, mode).objectStore(OBJECT_STORE)));
}

/** Runs one job on the database. */
export type Run = <R>(job: (store: UseStore) => Promise<R>) => Promise<R>;

/**
 * The database `name` (never idb-keyval's shared default `keyval-store`, which the host page may
 * use for its own data). Nothing is opened until the first job. A job that fails on a dead
 * connection runs once more on a fresh one.
 */
export function connection(name: string, timeout: number): Run {
  let idb: UseStore | undefined;
  return async (job) => {
    try {
      idb ??= openStore(name, timeout);
      return await job(idb);
    } catch (error) {
      // Still waiting for the database: asking again would only wait twice as long.
      if ((error as Error | undefined)?.name === 'TimeoutError') throw error;
      // Safari may close the connection under us ("the database connection is closing"), and a
      // deleted database leaves a dead handle: open a fresh one once before giving up.
      idb = openStore(name, timeout);
      return await job(idb);
    }
  };
}
