/**
 * Where {@link prefetchPack} leaves its requests for `loadPack`: on `globalThis` under a shared
 * symbol, so that a loader script and the code it loads later (two bundles) meet without one
 * importing the other.
 */
export const PREFETCHED_PACKS = Symbol.for('netwerkkracht.prefetched-packs');

/** Where {@link prefetchPack} leaves its reads of the stored copies, the same way. */
const PREFETCHED_COPIES = Symbol.for('netwerkkracht.prefetched-pack-copies');

/** A started request per pack URL; `null` once `loadPack` has taken it. */
type Prefetched<T> = Map<string, Promise<T> | null>;

function prefetched<T>(key: symbol): Prefetched<T> {
  const holder = globalThis as { [key: symbol]: Prefetched<T> | undefined };
  return (holder[key] ??= new Map());
}

/** The page's prefetched requests. */
export function prefetchedPacks(): Prefetched<Response> {
  return prefetched(PREFETCHED_PACKS);
}

/**
 * The database and object store in which `loadPack`'s default cache keeps the last good copies.
 * Named here again, and opened without the cache's code: the loader bundles this module, and
 * importing the cache would make the elements' chunks import the loader.
 */
const COPIES = { database: 'netwerkkracht-packs', store: 'records' };

/**
 * Reads the stored copy of `href` as `loadPack`'s default cache keeps it; undefined when there is
 * none or IndexedDB fails. The first open on a device creates the database, which takes tens of
 * milliseconds: started here, it happens while the code is still on its way.
 */
function readCopy(href: string): Promise<unknown> {
  return new Promise((resolve) => {
    try {
      const request = indexedDB.open(COPIES.database);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(COPIES.store)) request.result.createObjectStore(COPIES.store);
      };
      request.onsuccess = () => {
        const connection = request.result;
        try {
          const get = connection.transaction(COPIES.store).objectStore(COPIES.store).get(href);
          get.onsuccess = () => resolve(get.result);
          get.onerror = () => resolve(undefined);
        } catch {
          resolve(undefined);
        } finally {
          // Closes once the read is done; the cache opens its own connection.
          connection.close();
        }
      };
      request.onerror = () => resolve(undefined);
    } catch {
      // No IndexedDB here (some private modes, sandboxed frames).
      resolve(undefined);
    }
  });
}

/**
 * Starts fetching a pack, and reading its stored copy, before the code that shows it has loaded;
 * the first `loadPack` of the same URL with the default cache uses these instead of asking again.
 * The request is the one `loadPack` makes (`credentials: 'omit'`), which a `<link
 * rel="preload">` cannot match. A URL already prefetched on this page is not asked for twice.
 */
export function prefetchPack(url: string | URL): void {
  let href: string;
  try {
    href = new URL(url, typeof document === 'object' ? document.baseURI : undefined).href;
  } catch {
    return; // loadPack says what is wrong with the address.
  }
  const requests = prefetchedPacks();
  if (requests.has(href)) return;
  const request = fetch(href, { credentials: 'omit' });
  // A failure is reported by the loadPack that takes the request, not as an unhandled rejection.
  request.catch(() => undefined);
  requests.set(href, request);
  // Opened once the caller's own work is done: on a fresh device the first open takes the main
  // thread for milliseconds, which the loader's requests for its code should not wait for.
  if (typeof indexedDB === 'object' && indexedDB)
    prefetched<unknown>(PREFETCHED_COPIES).set(
      href,
      Promise.resolve().then(() => readCopy(href)),
    );
}
